// The quarterly follow-up as data. Open cases are judged as they stood at the quarter's end: each
// case's timeline (query::load_case) is cut at that date and its state decided again by
// cases::case_state, so a report of an old quarter does not change when later meetings are
// stored; the previous quarter's end is judged the same way, which gives "what changed".
#include "query/report.hpp"

#include <re2/re2.h>
#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include "cases/case_state.hpp"
#include "query/case.hpp"
#include "query/query.hpp"
#include "store/cases.hpp"
#include "util/person_key.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

// "m.committee_key = ?3" in a committee's report, "?3 IS NULL" (true) in every committee's:
// SQLite serves the first from the (committee_key, date) index, which "?3 IS NULL OR
// m.committee_key = ?3" it cannot (a committee's open cases at a million items scanned every
// meeting before the quarter's end).
std::string committee_is(const std::string& column, int parameter, bool committee) {
    const auto p = "?" + std::to_string(parameter);
    return committee ? column + " = " + p : p + " IS NULL";
}

struct Quarter {
    std::string label, from, to;
    std::vector<std::string> months;
};

Quarter make_quarter(int year, int q) {
    const int first = (q - 1) * 3 + 1;
    char buf[32];
    Quarter out;
    out.label = std::to_string(year) + "Q" + std::to_string(q);
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", year, first);
    out.from = buf;
    const int last_day = (q == 1 || q == 4) ? 31 : 30;  // March and December have 31 days
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, first + 2, last_day);
    out.to = buf;
    for (int m = first; m < first + 3; ++m) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, m);
        out.months.push_back(buf);
    }
    return out;
}

std::pair<int, int> parse_quarter(const std::string& s) {
    static const RE2 shape(R"((\d{4})-?[Qq]([1-4]))");
    int year = 0, q = 0;
    if (!RE2::FullMatch(s, shape, &year, &q))
        throw QueryError("invalid quarter: " + s + " (expected YYYYQn, e.g. 2020Q3)");
    return {year, q};
}

std::chrono::sys_days day_of(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return {};
    return std::chrono::year{y} / m / d;
}

std::string iso(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

// Item columns every report list reads, prefixed by the alias `i` (items) and `m` (meetings).
constexpr const char* kItemColumns =
    "i.id, m.date, m.committee, i.number, i.title, coalesce(i.case_number, ''), "
    "coalesce(i.decision_outcome, ''), coalesce(i.decision, '')";

// Body names of a report's scan, each held once: a million items name a few thousand bodies.
class BodyNames {
  public:
    int id(const std::string& name) {
        const auto [it, added] = ids_.emplace(name, static_cast<int>(names_.size()));
        if (added) names_.push_back(name);
        return it->second;
    }
    // The name as cases::case_state compares it (Rules::body_key).
    const std::string& folded(int id, const std::string& municipality, const rules::Rules& rules) {
        auto [it, added] = folded_.try_emplace({id, municipality});
        if (added)
            it->second = rules.body_key(
                names_[static_cast<size_t>(id)],
                municipality.empty() ? std::nullopt : std::optional<std::string>(municipality));
        return it->second;
    }

  private:
    std::map<std::string, int, std::less<>> ids_;
    std::vector<std::string> names_;
    std::map<std::pair<int, std::string>, std::string> folded_;
};

// What the scan of a report saw of a case: every body of its routes (none: no route), the
// bodies that decided (not postponing), and whether an item quotes another body's decision.
struct RouteCheck {
    std::vector<int> stops, acted;
    bool quoted = false;

    void add_route(const std::string& bodies, BodyNames& names) {
        size_t from = 0;
        for (size_t end; (end = bodies.find('\x1f', from)) != std::string::npos; from = end + 1)
            stops.push_back(names.id(bodies.substr(from, end - from)));
        stops.push_back(names.id(bodies.substr(from)));
    }
    // A body of a route that has not acted, as case_state would judge it in `municipality`.
    bool waits(const std::string& municipality, BodyNames& names, const rules::Rules& rules) const {
        std::set<std::string> done;
        for (const int a : acted) done.insert(names.folded(a, municipality, rules));
        return std::any_of(stops.begin(), stops.end(), [&](int stop) {
            return !done.count(names.folded(stop, municipality, rules));
        });
    }
};

class Reader {
  public:
    Reader(store::Database& db, const rules::Rules& rules, std::optional<std::string> committee_key)
        : db_(db),
          rules_(rules),
          committee_key_(std::move(committee_key)),
          themes_(db.handle(),
                  "SELECT theme_set, theme FROM item_themes WHERE item_id = ?1 AND linked "
                  "ORDER BY theme_set, theme") {
        for (const auto& set : rules.theme_sets())
            for (const auto& t : set.themes) names_[{set.id, t.number}] = t.name;
    }

    // The item of a statement's first columns (kItemColumns), with its Danish outcome and themes.
    ReportItem item(const Statement& s) {
        ReportItem i{s.column_int(0),  s.column_text(1),
                     s.column_text(2), static_cast<int>(s.column_int(3)),
                     s.column_text(4), s.column_text(5),
                     s.column_text(6), rules_.outcome_label(s.column_text(6)),
                     s.column_text(7), {}};
        themes_.bind(1, i.id);
        while (themes_.step()) {
            // A set whose file is gone no longer names its themes.
            const auto it = names_.find({themes_.column_text(0), themes_.column_int(1)});
            if (it != names_.end())
                i.themes.push_back(
                    {it->first.first, static_cast<int>(it->first.second), it->second});
        }
        themes_.reset();
        return i;
    }

    // The statements asked for once per open case are the connection's prepared ones: preparing
    // them anew for each case was most of a report's time.
    ReportItem item_by_id(long long id) {
        Statement& s = db_.statements().get(std::string("SELECT ") + kItemColumns +
                                            " FROM items i JOIN meetings m ON m.id = i.meeting_id "
                                            "WHERE i.id = ?1");
        s.bind(1, id).step();
        auto found = item(s);
        s.reset();
        return found;
    }

    // Theme-linked decisions of [from, to], each item once.
    std::vector<ReportItem> decisions(const std::string& from, const std::string& to) {
        Statement s(db_.handle(),
                    std::string("SELECT ") + kItemColumns +
                        " FROM items i JOIN meetings m ON m.id = i.meeting_id "
                        "WHERE i.decision IS NOT NULL AND m.date BETWEEN ?1 AND ?2 AND " +
                        committee_is("m.committee_key", 3, committee_key_.has_value()) +
                        " AND EXISTS (SELECT 1 FROM item_themes t WHERE t.item_id = i.id "
                        "AND t.linked) ORDER BY m.date, m.committee, i.number");
        s.bind(1, from).bind(2, to).bind(3, committee_key_);
        std::vector<ReportItem> out;
        while (s.step()) {
            auto i = item(s);
            if (!i.themes.empty()) out.push_back(std::move(i));
        }
        return out;
    }

    // The latest decision linked to a theme (any theme of the set for theme 0) by `to`, of
    // `committee_key` (every committee when nothing) and not before `from`.
    std::optional<ReportItem> linked_decision(const std::string& set, int theme,
                                              const std::optional<std::string>& committee_key,
                                              const std::string& from, const std::string& to,
                                              bool first) {
        Statement s(db_.handle(),
                    std::string("SELECT ") + kItemColumns +
                        " FROM item_themes t JOIN items i ON i.id = t.item_id "
                        "JOIN meetings m ON m.id = i.meeting_id "
                        "WHERE t.theme_set = ?1 AND (?2 = 0 OR t.theme = ?2) AND t.linked "
                        "AND i.decision IS NOT NULL AND m.date BETWEEN ?3 AND ?4 AND " +
                        committee_is("m.committee_key", 5, committee_key.has_value()) +
                        " ORDER BY m.date " +
                        (first ? "ASC, i.number ASC" : "DESC, i.number DESC") + " LIMIT 1");
        s.bind(1, set).bind(2, theme).bind(3, from).bind(4, to).bind(5, committee_key);
        if (!s.step()) return std::nullopt;
        return item(s);
    }

    // Every case of the committee open at the end of `date`, in the order of their latest item.
    std::vector<OpenCase> open_cases(const std::string& date) {
        // Only a case with a postponement, a promise or a route can be open: the others are not
        // loaded at all (a committee has hundreds of decided cases).
        Statement s(db_.handle(),
                    "SELECT coalesce(i.case_id, -i.id), i.id, m.municipality, "
                    "i.decision_outcome = 'postponed' OR i.decision_promise IS NOT NULL, "
                    "(SELECT group_concat(r.body, char(31)) FROM item_routes r "
                    "WHERE r.item_id = i.id), m.committee, coalesce(i.decision_outcome, ''), "
                    "EXISTS (SELECT 1 FROM history h WHERE h.item_id = i.id) FROM items i "
                    "JOIN meetings m ON m.id = i.meeting_id WHERE m.date <= ?1 AND " +
                        committee_is("m.committee_key", 2, committee_key_.has_value()) +
                        " ORDER BY m.date, i.number");
        s.bind(1, date).bind(2, committee_key_);
        std::map<long long, std::pair<long long, std::string>> latest;  // case → item, municip.
        // A routed case is open only while a body of its route has not acted. With every
        // committee's items read (no committee asked for) and no quoted decision among them,
        // that is known from the scan: at a million items most cases have a route that every
        // body has acted on, and loading each took minutes. A committee's own report sees only
        // its items, so its routed cases are loaded.
        const bool whole_scan = !committee_key_;
        // Every case with a route; in a whole scan also every case with a decision or a quote.
        std::map<long long, RouteCheck> routed;
        std::set<long long> may_be_open;
        std::vector<long long> order;
        while (s.step()) {
            const auto key = s.column_int(0);
            if (!latest.count(key)) order.push_back(key);
            latest[key] = {s.column_int(1), s.column_text(2)};
            if (s.column_int(3)) may_be_open.insert(key);
            if (!s.is_null(4)) routed[key].add_route(s.column_text(4), bodies_);
            if (!whole_scan) continue;
            if (const auto outcome = s.column_text(6); !outcome.empty() && outcome != "postponed")
                routed[key].acted.push_back(bodies_.id(s.column_text(5)));
            if (s.column_int(7)) routed[key].quoted = true;
        }
        for (const auto& [key, check] : routed)
            if (!check.stops.empty() &&
                (!whole_scan || check.quoted || check.waits(latest[key].second, bodies_, rules_)))
                may_be_open.insert(key);
        std::vector<std::pair<std::string, OpenCase>> found;
        for (const auto key : order) {
            if (!may_be_open.count(key)) continue;
            const auto& [item_id, municipality] = latest[key];
            if (auto c = open_case(item_id, municipality, date)) {
                c->case_id = key;
                found.emplace_back(c->item.date, std::move(*c));
            }
        }
        std::stable_sort(found.begin(), found.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<OpenCase> out;
        for (auto& f : found) out.push_back(std::move(f.second));
        return out;
    }

    // The case's latest stored item by `date`, from its timeline, or the later item under the
    // same title that answered it.
    ReportItem latest_item(long long item_id, const std::string& date) {
        if (const auto later = answered_by_title(item_id, date)) return item_by_id(*later);
        const auto view = load_case(db_, rules_, item_id, CaseDetail::TimelineOnly);
        long long last = item_id;
        for (const auto& e : view.timeline)
            if (e.item_id && e.date <= date) last = *e.item_id;
        return item_by_id(last);
    }

  private:
    std::optional<OpenCase> open_case(long long item_id, const std::string& municipality,
                                      const std::string& date) {
        // First the cheap test: a case answered by a later item of the same title is not open,
        // whatever its timeline says.
        if (answered_by_title(item_id, date)) return std::nullopt;
        const auto view = load_case(db_, rules_, item_id, CaseDetail::TimelineOnly);
        std::vector<cases::Appearance> timeline;
        std::vector<long long> stored;  // the items among them, in timeline order
        std::string since;
        for (const auto& e : view.timeline) {
            if (!e.date.empty() && e.date > date) continue;
            timeline.push_back({e.date, e.body, e.number, e.outcome, e.text});
            if (e.item_id) stored.push_back(*e.item_id);
            if (since.empty()) since = e.date;
        }
        if (stored.empty()) return std::nullopt;
        // The route of the latest item by `date` that names one, as `referat case` takes it: a
        // body's decision further down the route names none of its own.
        std::vector<cases::RouteStop> route;
        for (auto it = stored.rbegin(); it != stored.rend() && route.empty(); ++it)
            route = store::item_route(db_, *it);
        const auto state = cases::case_state(
            timeline, route, rules_,
            municipality.empty() ? std::nullopt : std::optional<std::string>(municipality));
        if (state.state != "postponed" && state.state != "awaiting" &&
            state.state != "open promise")
            return std::nullopt;
        OpenCase c;
        c.item = item_by_id(item_id);
        c.state = state.state;
        // A postponed case waits for its own committee, which the state already says.
        if (c.state != "postponed") c.awaiting = state.awaiting;
        // case_state ends each promise with " (where)"; the report names the item itself.
        for (auto p : state.open_promises) {
            if (const auto at = p.rfind(" ("); at != std::string::npos && p.back() == ')')
                p.erase(at);
            c.promises.push_back(std::move(p));
        }
        c.since = since.empty() ? c.item.date : since;
        c.age_days = static_cast<int>((day_of(date) - day_of(c.since)).count());
        for (const auto& p : c.promises) {
            const auto due = promise_due(p, c.item);
            if (!due.empty() && (c.due.empty() || due < c.due)) c.due = due;
        }
        c.overdue = !c.due.empty() && c.due < date;
        return c;
    }

    // A later item of the same committee under the same title answers a postponed item or a
    // promise even before the case tracker has joined the two.
    std::optional<long long> answered_by_title(long long item_id, const std::string& date) {
        const auto bits = std::to_string(store::kSearchKeyBits);
        Statement& s = db_.statements().get(
            "SELECT l.id FROM items i JOIN meetings m ON m.id = i.meeting_id "
            "JOIN items l ON l.body_title_hash = i.body_title_hash "
            "JOIN meetings lm ON lm.id = l.meeting_id "
            "WHERE i.id = ?1 AND l.search_key >= ((i.search_key >> " +
            bits + ") + 1) << " + bits +
            " AND l.search_key <= ?2 AND lm.committee_key = m.committee_key "
            "AND referat_fold(l.title) = referat_fold(i.title) "
            "ORDER BY l.search_key LIMIT 1");
        s.bind(1, item_id).bind(2, store::search_key_range(std::nullopt, date).second);
        std::optional<long long> later;
        if (s.step()) later = s.column_int(0);
        s.reset();
        return later;
    }

    // When a promise is due (patterns/parse.re promise.due): the day or the end of the month it
    // names, or the committee's next stored meeting after the decision; "" when it names none.
    std::string promise_due(const std::string& promise, const ReportItem& item) {
        const auto g = rules_.first_match("promise.due", promise, false);
        if (!g) return "";
        if (!g->at("next").empty()) {
            Statement s(db_.handle(),
                        "SELECT min(date) FROM meetings WHERE committee_key = ?1 AND date > ?2");
            s.bind(1, text::fold(text::collapse(item.committee))).bind(2, item.date);
            return s.step() ? s.column_text(0) : "";
        }
        const int month = rules_.month(g->at("month"));
        if (month == 0) return "";
        const std::chrono::year_month_day decided{day_of(item.date)};
        int year = static_cast<int>(decided.year());
        if (!g->at("year").empty())
            year = std::stoi(g->at("year"));
        else if (month < static_cast<int>(static_cast<unsigned>(decided.month())))
            ++year;
        const auto ym = std::chrono::year{year} / month;
        const unsigned last = static_cast<unsigned>((ym / std::chrono::last).day());
        unsigned day = g->at("day").empty() ? last : static_cast<unsigned>(std::stoi(g->at("day")));
        if (day < 1 || day > last) day = last;
        return iso(ym / day);
    }

    store::Database& db_;
    const rules::Rules& rules_;
    std::optional<std::string> committee_key_;
    Statement themes_;
    std::map<std::pair<std::string, long long>, std::string> names_;
    BodyNames bodies_;
};

ReportMilestone milestone(Reader& reader, const rules::Milestone& m, const std::string& set,
                          const Quarter& q, const rules::Rules& rules) {
    ReportMilestone out{m.theme, m.body, m.when, m.text, m.from, m.to, "", std::nullopt};
    if (out.from.empty()) {  // every quarter
        out.from = q.from;
        out.to = q.to;
    }
    const auto* body = rules.committee(m.body);
    const auto key = text::fold(text::collapse(body ? body->name : m.body));
    out.met_by = reader.linked_decision(set, m.theme, key, out.from, std::min(out.to, q.to), true);
    out.status = out.met_by        ? "met"
                 : out.from > q.to ? "upcoming"
                 : out.to <= q.to  ? "overdue"
                                   : "due";
    return out;
}

}  // namespace

void check_quarter(const std::string& quarter) {
    parse_quarter(quarter);
}

QuarterReport build_report(store::Database& db, const std::string& quarter,
                           const std::optional<std::string>& committee, const rules::Rules& rules) {
    const auto [year, qn] = parse_quarter(quarter);
    const auto q = make_quarter(year, qn);
    const auto prev = qn == 1 ? make_quarter(year - 1, 4) : make_quarter(year, qn - 1);
    QuarterReport report;
    report.quarter = q.label;
    report.from = q.from;
    report.to = q.to;
    report.months = q.months;
    std::optional<std::string> folded_committee;
    if (committee) {
        const auto* c = rules.committee(*committee);
        report.committee = c ? c->name : *committee;
        folded_committee = text::fold(text::collapse(*report.committee));
    }
    sqlite3* h = db.handle();
    const store::ReadSnapshot snapshot(h);
    Statement meetings(h, "SELECT date FROM meetings m WHERE " +
                              committee_is("m.committee_key", 3, folded_committee.has_value()) +
                              " AND m.date BETWEEN ?1 AND ?2 ORDER BY date");
    meetings.bind(1, q.from).bind(2, q.to).bind(3, folded_committee);
    while (meetings.step()) report.meeting_dates.push_back(meetings.column_text(0));
    report.meetings = static_cast<int>(report.meeting_dates.size());

    Reader reader(db, rules, folded_committee);
    report.decisions = reader.decisions(q.from, q.to);
    report.open = reader.open_cases(q.to);

    for (const auto& set : rules.theme_sets()) {
        for (const auto& theme : set.themes) {
            ReportTheme rt;
            rt.theme_set = set.id;
            rt.theme_set_name = set.name;
            rt.theme = theme.number;
            rt.name = theme.name;
            rt.per_month.assign(q.months.size(), 0);
            const auto linked = [&](const ReportItem& i) {
                return std::any_of(i.themes.begin(), i.themes.end(), [&](const ThemeRef& t) {
                    return t.theme_set == set.id && t.theme == theme.number;
                });
            };
            for (const auto& i : report.decisions) {
                if (!linked(i)) continue;
                ++rt.decisions;
                for (size_t m = 0; m < q.months.size(); ++m)
                    if (i.date.compare(0, 7, q.months[m]) == 0) ++rt.per_month[m];
            }
            rt.last =
                reader.linked_decision(set.id, theme.number, folded_committee, "", q.to, false);
            rt.open =
                static_cast<int>(std::count_if(report.open.begin(), report.open.end(),
                                               [&](const OpenCase& c) { return linked(c.item); }));
            for (const auto& m : set.milestones)
                if (m.theme == theme.number)
                    rt.milestones.push_back(milestone(reader, m, set.id, q, rules));
            report.themes.push_back(std::move(rt));
        }
        for (const auto& m : set.milestones)
            if (m.theme == 0)
                report.plan_milestones.push_back(milestone(reader, m, set.id, q, rules));
    }

    // Since the previous quarter: the cases open then and now, compared by case.
    report.changes.previous_quarter = prev.label;
    report.changes.previous_decisions =
        static_cast<int>(reader.decisions(prev.from, prev.to).size());
    const auto before = reader.open_cases(prev.to);
    std::set<long long> open_now, open_before;
    for (const auto& c : report.open) open_now.insert(c.case_id);
    for (const auto& c : before) open_before.insert(c.case_id);
    for (const auto& c : before) {
        if (open_now.count(c.case_id)) continue;
        report.changes.closed.push_back(c);
        report.changes.closed_by.push_back(reader.latest_item(c.item.id, q.to));
    }
    for (const auto& c : report.open)
        if (!open_before.count(c.case_id)) report.changes.opened.push_back(c);

    // Absent from a stored meeting of the quarter or from one of its decisions; apart from that,
    // absences only known from a decision quoted in a later item (BUL 18 August quoted on 31
    // August), which are not meetings this report has.
    Statement absent(h,
                     "SELECT a.name, coalesce(a.party, ''), m.date, m.committee FROM meetings m "
                     "JOIN absences a ON a.meeting_id = m.id WHERE " +
                         committee_is("m.committee_key", 3, folded_committee.has_value()) +
                         " AND m.date BETWEEN ?1 AND ?2 "
                         "AND a.kind = 'absent' AND +a.history_id IS NULL ORDER BY m.date");
    Statement quoted(h,
                     "SELECT a.name, coalesce(a.party, ''), hq.date, hq.body FROM history hq "
                     "JOIN absences a ON a.history_id = hq.id WHERE " +
                         committee_is("hq.body_key", 3, folded_committee.has_value()) +
                         " AND hq.date BETWEEN ?1 AND ?2 "
                         "AND a.kind = 'absent' ORDER BY hq.date");
    std::map<std::string, ReportAbsence> people;
    for (auto* st : {&absent, &quoted}) {
        st->bind(1, q.from).bind(2, q.to).bind(3, folded_committee);
        while (st->step()) {
            // "Berg-Nielsen" and "Berg Nielsen" are one person.
            auto& p = people[person_key(st->column_text(0))];
            if (p.name.empty()) p.name = st->column_text(0);
            if (p.party.empty()) p.party = st->column_text(1);
            const auto date = st->column_text(2);
            if (st == &absent) {
                // Across committees the body says which meeting.
                const auto meeting =
                    date + (committee ? "" : "|" + text::collapse(st->column_text(3)));
                if (std::find(p.dates.begin(), p.dates.end(), meeting) == p.dates.end())
                    p.dates.push_back(meeting);
                continue;
            }
            const auto stored = std::any_of(p.dates.begin(), p.dates.end(), [&](const auto& d) {
                return d.compare(0, date.size(), date) == 0;
            });
            const auto entry = date + "|" + rules.full_body_name(st->column_text(3), std::nullopt);
            if (!stored && std::find(p.quoted.begin(), p.quoted.end(), entry) == p.quoted.end())
                p.quoted.push_back(entry);
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> danish(icu::Collator::createInstance(icu::Locale("da"), status));
    for (auto& [key, p] : people) report.absences.push_back(std::move(p));
    if (U_SUCCESS(status))
        std::sort(report.absences.begin(), report.absences.end(),
                  [&](const ReportAbsence& a, const ReportAbsence& b) {
                      UErrorCode s = U_ZERO_ERROR;
                      return danish->compareUTF8(a.name, b.name, s) == UCOL_LESS;
                  });
    return report;
}

}  // namespace referat::query
