// The join rules and the grouping into cases, over items loaded by the store. Body names are
// resolved and folded once per name and titles cleaned once per title, because a meeting is
// compared with every item of the months around it.
#include "cases/join_rules.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "cases/title_similarity.hpp"
#include "util/text.hpp"

namespace referat::cases {

namespace {

constexpr const char* kRuleNames[] = {"case_number", "quoted", "title"};

// One join per pair of items: the most trusted rule that applies, the first evidence found.
class Links {
  public:
    void add(long long from, long long to, Rule rule, std::string evidence) {
        if (from == to) return;
        const auto key = std::minmax(from, to);
        const auto it = links_.find(key);
        if (it == links_.end() || rule < it->second.rule)
            links_[key] = Link{from, to, rule, std::move(evidence)};
    }
    std::vector<Link> all() const {
        std::vector<Link> out;
        for (const auto& [pair, link] : links_) out.push_back(link);
        return out;
    }

  private:
    std::map<std::pair<long long, long long>, Link> links_;
};

std::string quoted_ref(const std::string& body, const std::string& date,
                       std::optional<long long> number) {
    return body + ", " + date + (number ? ", pkt. " + std::to_string(*number) : "");
}

class Joiner {
  public:
    Joiner(const Meeting& meeting, const std::vector<Meeting>& stored, const rules::Rules& rules,
           TitleShapes& titles)
        : meeting_(meeting), rules_(rules), titles_(titles) {
        for (const auto& m : stored)
            if (m.id != meeting.id && m.municipality == meeting.municipality) stored_.push_back(&m);
        for (const auto& x : meeting.items) {
            routes_.emplace_back();
            for (const auto& r : x.routes) routes_.back().insert(body(r));
        }
    }

    std::vector<Link> find() {
        Links links;
        by_case_number(links);
        by_quotation(links);
        by_shared_quotation(links);
        by_title(links);
        by_return(links);
        return links.all();
    }

  private:
    // Folded full name: what two spellings of one body have in common.
    const std::string& body(const std::string& written) {
        auto it = bodies_.find(written);
        if (it == bodies_.end())
            it = bodies_.emplace(written, rules_.body_key(written, meeting_.municipality)).first;
        return it->second;
    }

    const std::optional<TitleShape>& title(const std::string& raw) {
        return titles_.of(raw, rules_);
    }

    double alike(const std::string& a, const std::string& b) {
        const auto& ta = title(a);
        const auto& tb = title(b);
        if (!ta || !tb) return 0.0;
        return title_similarity(*ta, *tb);
    }

    // The items the Sagsnr. and shared-quotation rules compare with: the stored items, then the
    // meeting's own, in the order of their ids (the meeting's are the newest).
    template <typename F>
    void each_item(F&& f) const {
        for (const auto* m : stored_)
            for (const auto& y : m->items) f(y);
        for (const auto& y : meeting_.items) f(y);
    }

    void by_case_number(Links& links) {
        for (const auto& x : meeting_.items) {
            if (!x.case_number || text::trim(*x.case_number).empty()) continue;
            each_item([&](const Item& y) {
                if (y.id != x.id && y.case_number == x.case_number)
                    links.add(x.id, y.id, Rule::CaseNumber, "Sagsnr. " + *x.case_number);
            });
        }
    }

    // Both directions, with one predicate: the new items quote stored meetings, and stored items
    // quote the new meeting. A quotation without pkt. joins the items of that meeting whose title
    // is nearly the quoting item's.
    void by_quotation(Links& links) {
        for (const auto& x : meeting_.items) {
            for (const auto& q : x.quotes) {
                for (const auto* m : stored_) {
                    if (m->date != q.date || body(m->committee.value_or("")) != body(q.body))
                        continue;
                    for (const auto& y : m->items)
                        if (q.number ? *q.number == y.number
                                     : alike(x.title, y.title) >= kTitleSimilarity)
                            links.add(x.id, y.id, Rule::Quoted,
                                      "quotes " + quoted_ref(q.body, q.date, q.number));
                }
            }
        }

        if (!meeting_.committee || !meeting_.date) return;
        const auto& date = *meeting_.date;
        for (const auto* m : stored_) {
            for (const auto& quoting : m->items) {
                // Quotations without pkt. first: the evidence kept for a pair is the same as when
                // the quotations were read by the index on date and pkt.
                std::vector<const Quote*> of_meeting;
                for (const auto& q : quoting.quotes)
                    if (q.date == date && body(q.body) == body(*meeting_.committee))
                        of_meeting.push_back(&q);
                std::stable_sort(
                    of_meeting.begin(), of_meeting.end(),
                    [](const Quote* a, const Quote* b) { return a->number < b->number; });
                for (const auto* quote : of_meeting) {
                    const auto& q = *quote;
                    for (const auto& y : meeting_.items)
                        if (q.number ? *q.number == y.number
                                     : alike(quoting.title, y.title) >= kTitleSimilarity)
                            links.add(quoting.id, y.id, Rule::Quoted,
                                      "quotes " + quoted_ref(q.body, date, q.number));
                }
            }
        }
    }

    // Two items quoting the same decision (with pkt.) are one case, even when that meeting is not
    // stored.
    void by_shared_quotation(Links& links) {
        for (const auto& x : meeting_.items) {
            for (const auto& q : x.quotes) {
                if (!q.number) continue;
                each_item([&](const Item& y) {
                    if (y.id == x.id) return;
                    for (const auto& other : y.quotes)
                        if (other.date == q.date && other.number == q.number &&
                            body(other.body) == body(q.body))
                            links.add(x.id, y.id, Rule::Quoted,
                                      "both quote " + quoted_ref(q.body, q.date, q.number));
                });
            }
        }
    }

    // Nearly the same title at another body that one of the two items routes the case through.
    void by_title(Links& links) {
        if (!meeting_.committee || !meeting_.date) return;
        const auto window = title_window(*meeting_.date);
        if (!window) return;
        const auto& here = body(*meeting_.committee);
        std::vector<const std::optional<TitleShape>*> shapes;  // of the meeting's items, in order
        for (const auto& x : meeting_.items) shapes.push_back(&title(x.title));
        for (const auto* m : stored_) {
            if (!m->date || *m->date < window->first || *m->date > window->second) continue;
            const auto y_committee = m->committee.value_or("");
            const auto& there = body(y_committee);
            if (there == here) continue;
            for (const auto& y : m->items) {
                const bool y_routes_here =
                    std::any_of(y.routes.begin(), y.routes.end(),
                                [&](const std::string& r) { return body(r) == here; });
                // Most items of the window share no route with the new ones: their titles are
                // not compared, so not prepared either.
                if (!y_routes_here &&
                    std::none_of(routes_.begin(), routes_.end(),
                                 [&](const std::set<std::string>& r) { return r.count(there); }))
                    continue;
                const auto& y_shape = title(y.title);
                if (!y_shape) continue;
                for (size_t i = 0; i < meeting_.items.size(); ++i) {
                    const auto& x = meeting_.items[i];
                    const bool x_routes_there = routes_[i].count(there) != 0;
                    if ((!x_routes_there && !y_routes_here) || !*shapes[i]) continue;
                    // Dice cannot exceed 2·min/(a+b): titles of unlike length are not compared.
                    const double na = static_cast<double>((*shapes[i])->bigrams.size());
                    const double nb = static_cast<double>(y_shape->bigrams.size());
                    if (2 * std::min(na, nb) < kTitleSimilarity * (na + nb)) continue;
                    const double s = title_similarity(**shapes[i], *y_shape);
                    if (s < kTitleSimilarity) continue;
                    const auto pct = std::to_string(static_cast<int>(std::lround(s * 100)));
                    if (x_routes_there)
                        links.add(x.id, y.id, Rule::Title,
                                  "title " + pct + "% alike; its Indstilling routes the case to " +
                                      y_committee);
                    else
                        links.add(y.id, x.id, Rule::Title,
                                  "title " + pct + "% alike; its Indstilling routes the case to " +
                                      *meeting_.committee);
                }
            }
        }
    }

    // A postponed item, or one whose decision promises a return, joins the next item of the same
    // committee with nearly the same title: the matter come back. Only the next one, so that a
    // title the committee uses every year does not chain the years together.
    void by_return(Links& links) {
        if (!meeting_.committee || !meeting_.date) return;
        const auto& here = body(*meeting_.committee);
        const std::string& date = *meeting_.date;
        struct Nearest {
            const Item* item = nullptr;
            std::string date;
            double similarity = 0;
        };
        for (const auto& x : meeting_.items) {
            if (!title(x.title)) continue;
            Nearest before, after;
            for (const auto* m : stored_) {
                if (!m->committee || !m->date || *m->date == date || body(*m->committee) != here)
                    continue;
                const bool earlier = *m->date < date;
                auto& nearest = earlier ? before : after;
                if (nearest.item && (earlier ? *m->date < nearest.date : *m->date > nearest.date))
                    continue;
                for (const auto& y : m->items) {
                    const double s = alike(x.title, y.title);
                    if (s >= kTitleSimilarity &&
                        (nearest.date != *m->date || s > nearest.similarity))
                        nearest = {&y, *m->date, s};
                }
            }
            auto pct = [](double s) {
                return std::to_string(static_cast<int>(std::lround(s * 100)));
            };
            if (before.item && !before.item->awaits_return.empty())
                links.add(before.item->id, x.id, Rule::Title,
                          "title " + pct(before.similarity) + "% alike; " +
                              before.item->awaits_return + ", back at " + *meeting_.committee +
                              " on " + date);
            if (after.item && !x.awaits_return.empty())
                links.add(x.id, after.item->id, Rule::Title,
                          "title " + pct(after.similarity) + "% alike; " + x.awaits_return +
                              ", back at " + *meeting_.committee + " on " + after.date);
        }
    }

    const Meeting& meeting_;
    const rules::Rules& rules_;
    std::vector<const Meeting*> stored_;         // the same municipality's other meetings
    std::vector<std::set<std::string>> routes_;  // of the meeting's items: folded full names
    std::unordered_map<std::string, std::string> bodies_;
    TitleShapes& titles_;
};

// Union-find over the members, refusing any union that would put two items the user split into
// one case.
class Clusters {
  public:
    explicit Clusters(size_t n) : parent_(n), members_(n), forbidden_(n) {
        std::iota(parent_.begin(), parent_.end(), 0);
        for (size_t i = 0; i < n; ++i) members_[i] = {i};
    }
    void forbid(size_t a, size_t b) {
        forbidden_[a].push_back(b);
        forbidden_[b].push_back(a);
    }
    size_t find(size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void join(size_t a, size_t b) {
        size_t ra = find(a), rb = find(b);
        if (ra == rb) return;
        if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
        for (const size_t m : members_[rb])
            for (const size_t f : forbidden_[m])
                if (find(f) == ra) return;
        parent_[rb] = ra;
        members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
        members_[rb].clear();
    }

  private:
    std::vector<size_t> parent_;
    std::vector<std::vector<size_t>> members_;
    std::vector<std::vector<size_t>> forbidden_;
};

}  // namespace

std::string_view rule_name(Rule rule) {
    return kRuleNames[static_cast<int>(rule)];
}

Rule rule_named(std::string_view name) {
    for (const Rule r : {Rule::CaseNumber, Rule::Quoted})
        if (name == rule_name(r)) return r;
    return Rule::Title;
}

const std::optional<TitleShape>& TitleShapes::of(const std::string& raw,
                                                 const rules::Rules& rules) {
    auto it = shapes_.find(raw);
    if (it != shapes_.end()) return it->second;
    // The title without the committee prefixes and suffixes one body adds.
    std::string t = text::collapse(raw);
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& p : rules.get("case.title_noise"))
            changed = RE2::Replace(&t, *p.re, "") || changed;
    }
    t = text::trim(t);
    std::optional<TitleShape> shape;
    if (!t.empty() && !rules.full_match("case.generic_title", t)) shape = title_shape(t);
    return shapes_.emplace(raw, std::move(shape)).first->second;
}

void TitleShapes::bound() {
    // The titles of some thousand meetings: the windows of an ingest's next files.
    constexpr size_t kTitles = 32768;
    if (shapes_.size() >= kTitles) shapes_.clear();
}

std::vector<Link> find_links(const Meeting& meeting, const std::vector<Meeting>& stored,
                             const rules::Rules& rules, TitleShapes& titles) {
    titles.bound();
    return Joiner(meeting, stored, rules, titles).find();
}

std::vector<Link> find_links(const Meeting& meeting, const std::vector<Meeting>& stored,
                             const rules::Rules& rules) {
    TitleShapes titles;
    return find_links(meeting, stored, rules, titles);
}

std::optional<std::pair<std::string, std::string>> title_window(const std::string& date) {
    const auto day = day_number(date);
    if (!day) return std::nullopt;
    return std::pair{iso_date(*day - kTitleWindowDays), iso_date(*day + kTitleWindowDays)};
}

std::vector<PlannedCase> group_cases(const std::vector<Member>& members,
                                     const std::vector<StoredLink>& links,
                                     const std::vector<std::pair<std::string, std::string>>& splits,
                                     const std::vector<CaseRow>& old_cases) {
    std::unordered_map<long long, size_t> index;
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    for (size_t i = 0; i < members.size(); ++i) {
        index.emplace(members[i].id, i);
        by_key[members[i].key].push_back(i);
    }

    Clusters clusters(members.size());
    std::map<std::string, std::set<std::string>> split_from;
    for (const auto& [a, b] : splits) {
        split_from[a].insert(b);
        split_from[b].insert(a);
    }
    for (size_t i = 0; i < members.size(); ++i) {
        const auto others = split_from.find(members[i].key);
        if (others == split_from.end()) continue;
        for (const auto& key : others->second) {
            const auto other = by_key.find(key);
            if (other == by_key.end()) continue;
            for (const size_t j : other->second)
                if (i < j) clusters.forbid(i, j);
        }
    }

    struct Edge {
        Rule rule;
        std::string key_a, key_b;
        size_t a, b;
        bool operator<(const Edge& o) const {
            return std::tie(rule, key_a, key_b, a, b) <
                   std::tie(o.rule, o.key_a, o.key_b, o.a, o.b);
        }
    };
    std::vector<Edge> edges;
    for (const auto& link : links) {
        const size_t i = index.at(link.item_id);
        const size_t j = index.at(link.other_item_id);
        auto [a, b] = std::minmax(i, j, [&](size_t x, size_t y) {
            return std::tie(members[x].key, x) < std::tie(members[y].key, y);
        });
        edges.push_back({link.rule, members[a].key, members[b].key, a, b});
    }
    std::sort(edges.begin(), edges.end());
    for (const auto& e : edges) clusters.join(e.a, e.b);

    // Each case is named after its earliest item (undated items last).
    auto earlier = [&](size_t x, size_t y) {
        const auto& a = members[x];
        const auto& b = members[y];
        return std::make_tuple(a.date.empty(), std::cref(a.date), std::cref(a.key)) <
               std::make_tuple(b.date.empty(), std::cref(b.date), std::cref(b.key));
    };
    std::map<size_t, std::vector<size_t>> by_root;
    for (size_t i = 0; i < members.size(); ++i) by_root[clusters.find(i)].push_back(i);
    std::vector<std::vector<size_t>> groups;
    for (auto& [root, group] : by_root) groups.push_back(std::move(group));
    auto smallest_id = [&](const std::vector<size_t>& g) {
        long long id = members[g.front()].id;
        for (const size_t i : g) id = std::min(id, members[i].id);
        return id;
    };
    std::sort(groups.begin(), groups.end(),
              [&](const auto& a, const auto& b) { return smallest_id(a) < smallest_id(b); });

    std::map<std::string, std::vector<const CaseRow*>> reusable;  // key → old rows
    for (const auto& row : old_cases) reusable[row.key].push_back(&row);
    std::vector<PlannedCase> out;
    for (auto& group : groups) {
        std::sort(group.begin(), group.end(), earlier);
        const auto& first = members[group.front()];
        PlannedCase c;
        c.key = first.key;
        c.title = first.title;
        for (const size_t i : group)
            if (!c.case_number && members[i].case_number) c.case_number = members[i].case_number;
        auto& candidates = reusable[first.key];
        if (!candidates.empty()) {
            const auto* reused = candidates.back();
            candidates.pop_back();
            c.reuse = reused->id;
            c.row_changed = reused->title != c.title || reused->case_number != c.case_number;
        }
        c.members = std::move(group);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace referat::cases
