#include "store/cases.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "util/cases.hpp"
#include "util/text.hpp"

namespace referat::store {

namespace {

// Ranks of the join rules: a lower rank is trusted more and is applied first.
enum Rank { kCaseNumber = 0, kQuoted = 1, kTitle = 2 };
constexpr const char* kRuleNames[] = {"case_number", "quoted", "title"};

int rank_of(std::string_view rule) {
    for (int r = kCaseNumber; r <= kTitle; ++r)
        if (rule == kRuleNames[r]) return r;
    return kTitle;
}

struct Link {
    long long from, to;  // from: the item whose text holds the evidence
    int rank;
    std::string evidence;
};

// One join per pair of items: the most trusted rule that applies.
class Links {
  public:
    void add(long long from, long long to, int rank, std::string evidence) {
        if (from == to) return;
        const auto key = std::minmax(from, to);
        const auto it = links_.find(key);
        if (it == links_.end() || rank < it->second.rank)
            links_[key] = Link{from, to, rank, std::move(evidence)};
    }
    const std::map<std::pair<long long, long long>, Link>& all() const { return links_; }

  private:
    std::map<std::pair<long long, long long>, Link> links_;
};

std::string quoted_ref(const std::string& body, const std::string& date,
                       std::optional<long long> number) {
    return body + ", " + date + (number ? ", pkt. " + std::to_string(*number) : "");
}

// What the rules need to know about the stored meeting, its items and their evidence; body names
// are resolved and folded once per name, titles cleaned once per title.
class Joiner {
  public:
    Joiner(StatementCache& sql, const rules::Rules& rules, long long meeting_id)
        : sql_(sql), rules_(rules), meeting_id_(meeting_id) {
        Statement& m = sql.get("SELECT municipality, committee, date FROM meetings WHERE id = ?1");
        if (!m.bind(1, meeting_id).step()) throw std::logic_error("join_cases: no such meeting");
        municipality_ = m.column_optional(0);
        committee_ = m.column_optional(1);
        date_ = m.column_optional(2);
        m.reset();

        Statement& items = sql.get(
            "SELECT id, number, title, case_number FROM items WHERE meeting_id = ?1 "
            "ORDER BY id");
        items.bind(1, meeting_id);
        while (items.step())
            items_.push_back(Item{items.column_int(0),
                                  items.column_int(1),
                                  items.column_text(2),
                                  items.column_optional(3),
                                  {},
                                  {}});
        items.reset();

        Statement& routes = sql.get("SELECT body FROM item_routes WHERE item_id = ?1");
        Statement& history = sql.get(
            "SELECT body, date, item_number FROM history WHERE item_id = ?1 "
            "AND date IS NOT NULL ORDER BY ord");
        for (auto& it : items_) {
            routes.bind(1, it.id);
            while (routes.step()) it.route.insert(body(routes.column_text(0)));
            routes.reset();
            history.bind(1, it.id);
            while (history.step()) {
                std::optional<long long> n;
                if (!history.is_null(2)) n = history.column_int(2);
                it.quotes.push_back(Quote{history.column_text(0), history.column_text(1), n});
            }
            history.reset();
        }
    }

    Links find() {
        Links links;
        by_case_number(links);
        by_quotation(links);
        by_shared_quotation(links);
        by_title(links);
        return links;
    }

  private:
    struct Quote {
        std::string body, date;
        std::optional<long long> number;
    };
    struct Item {
        long long id;
        long long number;
        std::string title;
        std::optional<std::string> case_number;
        std::set<std::string> route;  // folded full names
        std::vector<Quote> quotes;
    };

    // Folded full name: what two spellings of one body have in common.
    const std::string& body(const std::string& written) {
        auto it = bodies_.find(written);
        if (it == bodies_.end())
            it = bodies_.emplace(written, text::fold(body_name(rules_, written, municipality_)))
                     .first;
        return it->second;
    }

    // The title without the committee prefixes and suffixes one body adds, prepared for
    // comparison; nothing for the procedural titles every meeting has, which never join.
    const std::optional<cases::TitleShape>& title(const std::string& raw) {
        auto it = titles_.find(raw);
        if (it != titles_.end()) return it->second;
        std::string t = text::collapse(raw);
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& p : rules_.get("case.title_noise"))
                changed = RE2::Replace(&t, *p.re, "") || changed;
        }
        t = text::trim(t);
        std::optional<cases::TitleShape> shape;
        if (!t.empty() && !rules_.full_match("case.generic_title", t))
            shape = cases::title_shape(t);
        return titles_.emplace(raw, std::move(shape)).first->second;
    }

    double alike(const std::string& a, const std::string& b) {
        const auto& ta = title(a);
        const auto& tb = title(b);
        if (!ta || !tb) return 0.0;
        return cases::title_similarity(*ta, *tb);
    }

    void by_case_number(Links& links) {
        Statement& st = sql_.get(
            "SELECT i.id FROM items i JOIN meetings m ON m.id = i.meeting_id "
            "WHERE i.case_number = ?1 AND m.municipality IS ?2 AND i.id != ?3");
        for (const auto& x : items_) {
            if (!x.case_number || text::trim(*x.case_number).empty()) continue;
            st.bind(1, *x.case_number).bind(2, municipality_).bind(3, x.id);
            while (st.step())
                links.add(x.id, st.column_int(0), kCaseNumber, "Sagsnr. " + *x.case_number);
            st.reset();
        }
    }

    // Both directions, with one predicate: the new items quote stored meetings, and stored items
    // quote the new meeting. A quotation without pkt. joins the items of that meeting whose title
    // is nearly the quoting item's.
    void by_quotation(Links& links) {
        Statement& out = sql_.get(
            "SELECT m.committee, i.id, i.number, i.title FROM meetings m "
            "JOIN items i ON i.meeting_id = m.id "
            "WHERE m.date = ?1 AND m.municipality IS ?2 AND m.id != ?3");
        for (const auto& x : items_) {
            for (const auto& q : x.quotes) {
                out.bind(1, q.date).bind(2, municipality_).bind(3, meeting_id_);
                while (out.step()) {
                    if (body(out.column_text(0)) != body(q.body)) continue;
                    const long long y = out.column_int(1);
                    if (q.number ? *q.number == out.column_int(2)
                                 : alike(x.title, out.column_text(3)) >= kTitleSimilarity)
                        links.add(x.id, y, kQuoted,
                                  "quotes " + quoted_ref(q.body, q.date, q.number));
                }
                out.reset();
            }
        }

        if (!committee_ || !date_) return;
        Statement& in = sql_.get(
            "SELECT h.item_id, h.body, h.item_number, i.title FROM history h "
            "JOIN items i ON i.id = h.item_id JOIN meetings m ON m.id = i.meeting_id "
            "WHERE h.date = ?1 AND m.municipality IS ?2 AND m.id != ?3");
        in.bind(1, *date_).bind(2, municipality_).bind(3, meeting_id_);
        while (in.step()) {
            const auto quoted_body = in.column_text(1);
            if (body(quoted_body) != body(*committee_)) continue;
            std::optional<long long> n;
            if (!in.is_null(2)) n = in.column_int(2);
            for (const auto& y : items_)
                if (n ? *n == y.number : alike(in.column_text(3), y.title) >= kTitleSimilarity)
                    links.add(in.column_int(0), y.id, kQuoted,
                              "quotes " + quoted_ref(quoted_body, *date_, n));
        }
        in.reset();
    }

    // Two items quoting the same decision (with pkt.) are one case, even when that meeting is not
    // stored.
    void by_shared_quotation(Links& links) {
        Statement& st = sql_.get(
            "SELECT h.item_id, h.body FROM history h JOIN items i ON i.id = h.item_id "
            "JOIN meetings m ON m.id = i.meeting_id "
            "WHERE h.date = ?1 AND h.item_number = ?2 AND m.municipality IS ?3 "
            "AND h.item_id != ?4");
        for (const auto& x : items_) {
            for (const auto& q : x.quotes) {
                if (!q.number) continue;
                st.bind(1, q.date).bind(2, *q.number).bind(3, municipality_).bind(4, x.id);
                while (st.step())
                    if (body(st.column_text(1)) == body(q.body))
                        links.add(x.id, st.column_int(0), kQuoted,
                                  "both quote " + quoted_ref(q.body, q.date, q.number));
                st.reset();
            }
        }
    }

    // Nearly the same title at another body that one of the two items routes the case through.
    void by_title(Links& links) {
        if (!committee_ || !date_) return;
        const std::string before = "-" + std::to_string(kTitleWindowDays) + " days";
        const std::string after = "+" + std::to_string(kTitleWindowDays) + " days";
        static constexpr const char* kWindow =
            "JOIN meetings m ON m.id = i.meeting_id WHERE m.municipality IS ?1 "
            "AND m.date BETWEEN date(?2, ?3) AND date(?2, ?4) AND m.id != ?5";
        auto bind_window = [&](Statement& st) {
            st.bind(1, municipality_)
                .bind(2, *date_)
                .bind(3, before)
                .bind(4, after)
                .bind(5, meeting_id_);
        };

        std::unordered_map<long long, std::set<std::string>> window_routes;
        Statement& routes = sql_.get(std::string("SELECT r.item_id, r.body FROM item_routes r "
                                                 "JOIN items i ON i.id = r.item_id ") +
                                     kWindow);
        bind_window(routes);
        while (routes.step())
            window_routes[routes.column_int(0)].insert(body(routes.column_text(1)));
        routes.reset();

        const auto& here = body(*committee_);
        std::vector<const std::optional<cases::TitleShape>*> shapes;  // of items_, in order
        for (const auto& x : items_) shapes.push_back(&title(x.title));
        Statement& items =
            sql_.get(std::string("SELECT i.id, i.title, m.committee FROM items i ") + kWindow);
        bind_window(items);
        while (items.step()) {
            const long long y = items.column_int(0);
            const auto y_committee = items.column_text(2);
            const auto& there = body(y_committee);
            if (there == here) continue;
            const auto yr = window_routes.find(y);
            const bool y_routes_here = yr != window_routes.end() && yr->second.count(here);
            // Most items of the window share no route with the new ones: their titles are not
            // compared, so not prepared either.
            if (!y_routes_here && std::none_of(items_.begin(), items_.end(), [&](const Item& x) {
                    return x.route.count(there) != 0;
                }))
                continue;
            const auto& y_shape = title(items.column_text(1));
            if (!y_shape) continue;
            for (size_t i = 0; i < items_.size(); ++i) {
                const auto& x = items_[i];
                const bool x_routes_there = x.route.count(there) != 0;
                if ((!x_routes_there && !y_routes_here) || !*shapes[i]) continue;
                // Dice cannot exceed 2·min/(a+b): titles of unlike length are not compared.
                const double na = static_cast<double>((*shapes[i])->bigrams.size());
                const double nb = static_cast<double>(y_shape->bigrams.size());
                if (2 * std::min(na, nb) < kTitleSimilarity * (na + nb)) continue;
                const double s = cases::title_similarity(**shapes[i], *y_shape);
                if (s < kTitleSimilarity) continue;
                const auto pct = std::to_string(static_cast<int>(std::lround(s * 100)));
                if (x_routes_there)
                    links.add(x.id, y, kTitle,
                              "title " + pct + "% alike; its Indstilling routes the case to " +
                                  y_committee);
                else
                    links.add(y, x.id, kTitle,
                              "title " + pct + "% alike; its Indstilling routes the case to " +
                                  *committee_);
            }
        }
        items.reset();
    }

    StatementCache& sql_;
    const rules::Rules& rules_;
    long long meeting_id_;
    std::optional<std::string> municipality_, committee_, date_;
    std::vector<Item> items_;
    std::unordered_map<std::string, std::string> bodies_;
    std::unordered_map<std::string, std::optional<cases::TitleShape>> titles_;
};

// Union-find over the items of a set of cases, refusing any union that would put two items the
// user split into one case.
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

// Recomputes the cases of every item reachable over case_links from `seeds`. Deterministic in
// what is stored (links applied by rank, then by item keys), never in the order it was stored.
// Case rows are reused by key, so a case keeps its id while its earliest item stays the same.
void assign_cases(StatementCache& sql, const std::vector<long long>& seeds,
                  const std::vector<long long>& dirty_cases) {
    std::vector<long long> ids;
    std::unordered_map<long long, size_t> index;
    {
        Statement& next = sql.get(
            "SELECT other_item_id FROM case_links WHERE item_id = ?1 "
            "UNION SELECT item_id FROM case_links WHERE other_item_id = ?1");
        std::vector<long long> todo(seeds.begin(), seeds.end());
        while (!todo.empty()) {
            const long long id = todo.back();
            todo.pop_back();
            if (!index.emplace(id, ids.size()).second) continue;
            ids.push_back(id);
            next.bind(1, id);
            while (next.step()) todo.push_back(next.column_int(0));
            next.reset();
        }
    }

    struct Member {
        long long id;
        std::string key, date, title;
        std::optional<std::string> case_number;
        std::optional<long long> case_id;
    };
    std::vector<Member> members;
    std::set<long long> old_cases(dirty_cases.begin(), dirty_cases.end());
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    Statement& load = sql.get(
        "SELECT i.key, m.date, i.title, i.case_number, i.case_id FROM items i "
        "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1");
    for (const long long id : ids) {
        if (!load.bind(1, id).step()) throw std::logic_error("assign_cases: item vanished");
        Member m{id,
                 load.column_text(0),
                 load.column_text(1),
                 load.column_text(2),
                 load.column_optional(3),
                 std::nullopt};
        if (!load.is_null(4)) old_cases.insert(*(m.case_id = load.column_int(4)));
        load.reset();
        by_key[m.key].push_back(members.size());
        members.push_back(std::move(m));
    }

    Clusters clusters(members.size());
    Statement& splits = sql.get(
        "SELECT other_key FROM case_splits WHERE key = ?1 "
        "UNION SELECT key FROM case_splits WHERE other_key = ?1");
    for (size_t i = 0; i < members.size(); ++i) {
        splits.bind(1, members[i].key);
        while (splits.step()) {
            const auto other = by_key.find(splits.column_text(0));
            if (other == by_key.end()) continue;
            for (const size_t j : other->second)
                if (i < j) clusters.forbid(i, j);
        }
        splits.reset();
    }

    struct Edge {
        int rank;
        std::string key_a, key_b;
        size_t a, b;
        bool operator<(const Edge& o) const {
            return std::tie(rank, key_a, key_b, a, b) <
                   std::tie(o.rank, o.key_a, o.key_b, o.a, o.b);
        }
    };
    std::vector<Edge> edges;
    Statement& links = sql.get("SELECT other_item_id, rule FROM case_links WHERE item_id = ?1");
    for (size_t i = 0; i < members.size(); ++i) {
        links.bind(1, members[i].id);
        while (links.step()) {
            const size_t j = index.at(links.column_int(0));
            auto [a, b] = std::minmax(i, j, [&](size_t x, size_t y) {
                return std::tie(members[x].key, x) < std::tie(members[y].key, y);
            });
            edges.push_back({rank_of(links.column_text(1)), members[a].key, members[b].key, a, b});
        }
        links.reset();
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
    // New case ids in document order: by the smallest item id of each case.
    std::vector<std::vector<size_t>> groups;
    for (auto& [root, group] : by_root) groups.push_back(std::move(group));
    auto smallest_id = [&](const std::vector<size_t>& g) {
        long long id = members[g.front()].id;
        for (const size_t i : g) id = std::min(id, members[i].id);
        return id;
    };
    std::sort(groups.begin(), groups.end(),
              [&](const auto& a, const auto& b) { return smallest_id(a) < smallest_id(b); });

    struct OldCase {
        long long id;
        std::optional<std::string> title, case_number;
    };
    std::map<std::string, std::vector<OldCase>> reusable;  // key → old cases
    {
        Statement& old = sql.get("SELECT key, title, case_number FROM cases WHERE id = ?1");
        for (const long long id : old_cases) {
            if (old.bind(1, id).step())
                reusable[old.column_text(0)].push_back(
                    {id, old.column_optional(1), old.column_optional(2)});
            old.reset();
        }
    }
    Statement& update = sql.get("UPDATE cases SET title = ?2, case_number = ?3 WHERE id = ?1");
    Statement& insert = sql.get("INSERT INTO cases (key, title, case_number) VALUES (?1, ?2, ?3)");
    Statement& set_case = sql.get("UPDATE items SET case_id = ?2 WHERE id = ?1");
    std::set<long long> used;
    for (auto& group : groups) {
        std::sort(group.begin(), group.end(), earlier);
        const auto& first = members[group.front()];
        std::optional<std::string> case_number;
        for (const size_t i : group)
            if (!case_number && members[i].case_number) case_number = members[i].case_number;
        long long case_id = 0;
        auto& candidates = reusable[first.key];
        if (!candidates.empty()) {
            const auto reused = std::move(candidates.back());
            candidates.pop_back();
            case_id = reused.id;
            if (reused.title != first.title || reused.case_number != case_number)
                update.bind(1, case_id).bind(2, first.title).bind(3, case_number).run();
        } else {
            insert.bind(1, first.key).bind(2, first.title).bind(3, case_number).run();
            case_id = sqlite3_last_insert_rowid(sql.db());
        }
        used.insert(case_id);
        for (const size_t i : group)
            if (members[i].case_id != case_id)
                set_case.bind(1, members[i].id).bind(2, case_id).run();
    }
    Statement& drop = sql.get(
        "DELETE FROM cases WHERE id = ?1 "
        "AND NOT EXISTS (SELECT 1 FROM items WHERE case_id = ?1)");
    for (const long long id : old_cases)
        if (!used.count(id)) drop.bind(1, id).run();
}

}  // namespace

std::string body_name(const rules::Rules& rules, std::string_view written,
                      const std::optional<std::string>& municipality) {
    const auto name = text::collapse(written);
    if (municipality) {
        const auto wanted = text::fold(name);
        for (const auto& c : rules.committees()) {
            if (c.municipality != *municipality) continue;
            if (text::fold(c.name) == wanted) return c.name;
            for (const auto& a : c.aliases)
                if (text::fold(a) == wanted) return c.name;
        }
    }
    if (const auto* c = rules.committee(name)) return c->name;
    return name;
}

void join_cases(StatementCache& sql, const rules::Rules& rules, long long meeting_id,
                const std::vector<long long>& dirty_cases) {
    Joiner joiner(sql, rules, meeting_id);
    Statement& insert = sql.get(
        "INSERT INTO case_links (item_id, other_item_id, rule, evidence) "
        "VALUES (?1, ?2, ?3, ?4)");
    const auto links = joiner.find();
    for (const auto& [pair, link] : links.all())
        insert.bind(1, link.from)
            .bind(2, link.to)
            .bind(3, kRuleNames[link.rank])
            .bind(4, link.evidence)
            .run();

    std::vector<long long> seeds;
    Statement& items = sql.get("SELECT id FROM items WHERE meeting_id = ?1");
    items.bind(1, meeting_id);
    while (items.step()) seeds.push_back(items.column_int(0));
    items.reset();
    Statement& members = sql.get("SELECT id FROM items WHERE case_id = ?1");
    for (const long long c : dirty_cases) {
        members.bind(1, c);
        while (members.step()) seeds.push_back(members.column_int(0));
        members.reset();
    }
    assign_cases(sql, seeds, dirty_cases);
}

long long split_case(Database& database, const std::vector<long long>& item_ids) {
    if (item_ids.empty()) throw std::invalid_argument("case split: no item given");
    sqlite3* db = database.handle();
    Transaction tx(db);
    Statement item(db, "SELECT case_id FROM items WHERE id = ?1");
    std::optional<long long> case_id;
    for (const long long id : item_ids) {
        if (!item.bind(1, id).step())
            throw std::invalid_argument("no item with id " + std::to_string(id));
        const long long c = item.column_int(0);
        item.reset();
        if (case_id && *case_id != c)
            throw std::invalid_argument("items " + std::to_string(item_ids.front()) + " and " +
                                        std::to_string(id) + " are in different cases");
        case_id = c;
    }

    const std::set<long long> leaving(item_ids.begin(), item_ids.end());
    std::vector<long long> all;
    std::vector<std::string> leaving_keys, staying_keys;
    Statement members(db, "SELECT id, key FROM items WHERE case_id = ?1");
    members.bind(1, *case_id);
    while (members.step()) {
        all.push_back(members.column_int(0));
        (leaving.count(all.back()) ? leaving_keys : staying_keys).push_back(members.column_text(1));
    }
    members.reset();
    if (staying_keys.empty())
        throw std::invalid_argument("nothing to split: the items are all of case " +
                                    std::to_string(*case_id));

    Statement split(db,
                    "INSERT OR IGNORE INTO case_splits (key, other_key, created_at) "
                    "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    for (const auto& a : leaving_keys)
        for (const auto& b : staying_keys)
            if (a != b) split.bind(1, std::min(a, b)).bind(2, std::max(a, b)).run();

    assign_cases(database.statements(), all, {*case_id});
    item.bind(1, item_ids.front()).step();
    const long long result = item.column_int(0);
    item.reset();
    tx.commit();
    return result;
}

}  // namespace referat::store
