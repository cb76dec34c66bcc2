// Browsing without a search word (query/browse.hpp): plain SELECTs over the store's tables, each
// on an index the schema has (meetings by committee_key and date, absences by person_key, theme
// links by theme), so a page of the web interface costs milliseconds on a large database too.
#include "query/browse.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "store/cases.hpp"
#include "util/person_key.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

// "2020Q3" of an ISO date; SQL of the same for a column.
std::string quarter_of(const std::string& date) {
    if (date.size() < 7) return "";
    return date.substr(0, 4) + "Q" + std::to_string((std::stoi(date.substr(5, 2)) + 2) / 3);
}

std::string next_quarter(const std::string& q) {
    int year = std::stoi(q.substr(0, 4)), n = q[5] - '0';
    if (++n > 4) {
        n = 1;
        ++year;
    }
    return std::to_string(year) + "Q" + std::to_string(n);
}

// Counts per quarter, with the quarters between the first and the last filled in as 0.
std::vector<QuarterCount> fill_quarters(const std::map<std::string, long long>& counts) {
    std::vector<QuarterCount> out;
    if (counts.empty()) return out;
    const auto last = counts.rbegin()->first;
    for (auto q = counts.begin()->first;; q = next_quarter(q)) {
        const auto it = counts.find(q);
        out.push_back({q, it == counts.end() ? 0 : it->second});
        if (q == last) break;
    }
    return out;
}

std::string folded_committee(const std::string& committee, const rules::Rules& rules) {
    const auto* c = rules.committee(committee);
    return text::fold(text::collapse(c ? c->name : committee));
}

}  // namespace

std::vector<CommitteeSummary> committee_summaries(store::Database& db) {
    Statement st(db.handle(),
                 "SELECT committee, count(*), coalesce(min(date), ''), coalesce(max(date), '') "
                 "FROM meetings GROUP BY committee_key ORDER BY committee");
    std::vector<CommitteeSummary> out;
    while (st.step())
        out.push_back({st.column_text(0), st.column_int(1), st.column_text(2), st.column_text(3)});
    return out;
}

std::vector<MeetingSummary> committee_meetings(store::Database& db, const std::string& committee,
                                               const rules::Rules& rules) {
    Statement st(db.handle(),
                 "SELECT m.id, m.committee, m.date, m.municipality, m.source, "
                 "(SELECT count(*) FROM items i WHERE i.meeting_id = m.id) FROM meetings m "
                 "WHERE m.committee_key = ?1 ORDER BY m.date DESC, m.id DESC");
    st.bind(1, folded_committee(committee, rules));
    std::vector<MeetingSummary> out;
    while (st.step())
        out.push_back({st.column_int(0), st.column_text(1), st.column_optional(2),
                       st.column_optional(3), st.column_text(4), st.column_int(5)});
    return out;
}

MeetingView load_meeting(store::Database& db, long long id) {
    sqlite3* h = db.handle();
    Statement m(h,
                "SELECT committee, date, municipality, source, "
                "(SELECT count(*) FROM items WHERE meeting_id = ?1) FROM meetings WHERE id = ?1");
    if (!m.bind(1, id).step()) throw QueryError("no meeting with id " + std::to_string(id));
    MeetingView v;
    v.meeting = {id,
                 m.column_text(0),
                 m.column_optional(1),
                 m.column_optional(2),
                 m.column_text(3),
                 m.column_int(4)};
    Statement items(h,
                    "SELECT id, number, title, closed, decision_outcome, case_number FROM items "
                    "WHERE meeting_id = ?1 ORDER BY number, id");
    items.bind(1, id);
    std::map<long long, size_t> index;
    while (items.step()) {
        index[items.column_int(0)] = v.agenda.size();
        v.agenda.push_back({items.column_int(0),
                            static_cast<int>(items.column_int(1)),
                            items.column_text(2),
                            items.column_int(3) != 0,
                            items.column_optional(4),
                            items.column_optional(5),
                            {}});
    }
    Statement absent(h,
                     "SELECT item_id, kind, name, party, note FROM absences WHERE meeting_id = ?1 "
                     "AND history_id IS NULL ORDER BY id");
    absent.bind(1, id);
    while (absent.step()) {
        Person p{absent.column_text(2), absent.column_optional(3), std::nullopt};
        const bool whole = absent.column_text(1) == "absent";
        if (!absent.is_null(0)) {
            if (const auto at = index.find(absent.column_int(0)); at != index.end() && whole)
                v.agenda[at->second].absent.push_back(std::move(p));
            continue;
        }
        if (whole) {
            v.absences.absent.push_back(std::move(p));
        } else {
            p.note = absent.column_optional(4);
            v.absences.partly_present.push_back(std::move(p));
        }
    }
    return v;
}

std::optional<long long> meeting_of_item(store::Database& db, long long item_id) {
    Statement st(db.handle(), "SELECT meeting_id FROM items WHERE id = ?1");
    if (!st.bind(1, item_id).step()) return std::nullopt;
    return st.column_int(0);
}

PersonView load_person(store::Database& db, const std::string& name) {
    // Absences of the person's own meetings and decisions, and of decisions quoted in an item
    // (whose meeting is the quoting one: the date and body are the quotation's).
    Statement st(db.handle(),
                 "SELECT a.name, a.party, a.kind, a.note, a.item_id, a.history_id, m.id, "
                 "coalesce(h.date, m.date, ''), coalesce(h.body, m.committee), "
                 "CASE WHEN a.history_id IS NOT NULL THEN h.item_number ELSE i.number END, "
                 "i.title FROM absences a JOIN meetings m ON m.id = a.meeting_id "
                 "LEFT JOIN items i ON i.id = a.item_id LEFT JOIN history h ON h.id = a.history_id "
                 "WHERE a.person_key = ?1 ORDER BY 8 DESC, a.id DESC");
    st.bind(1, person_key(name));
    PersonView v;
    std::map<std::string, std::set<std::string>> missed;  // quarter → "date|body"
    while (st.step()) {
        if (v.name.empty()) v.name = st.column_text(0);
        if (!v.party && !st.is_null(1)) v.party = st.column_optional(1);
        PersonAbsence a;
        a.date = st.column_text(7);
        a.body = st.column_text(8);
        const bool quoted = !st.is_null(5);
        a.kind = quoted ? "quoted" : st.is_null(4) ? "meeting" : "decision";
        if (!quoted) a.meeting_id = st.column_int(6);
        if (!st.is_null(4)) a.item_id = st.column_int(4);
        if (!st.is_null(9)) a.item_number = st.column_int(9);
        a.item_title = st.column_text(10);
        a.note = st.column_optional(3);
        if (st.column_text(2) == "partial") {
            v.partly_present.push_back(std::move(a));
            continue;
        }
        if (!a.date.empty()) missed[quarter_of(a.date)].insert(a.date + "|" + text::fold(a.body));
        v.absences.push_back(std::move(a));
    }
    if (v.name.empty()) throw QueryError("no absences recorded for " + name);
    std::map<std::string, long long> counts;
    for (const auto& [quarter, meetings] : missed)
        counts[quarter] = static_cast<long long>(meetings.size());
    v.by_quarter = fill_quarters(counts);
    return v;
}

std::vector<PersonSummary> absent_people(store::Database& db) {
    // A meeting missed in whole or in part counts once, however many of its decisions.
    Statement st(
        db.handle(),
        "SELECT a.person_key, a.name, a.party, coalesce(h.date, m.date, ''), "
        "coalesce(h.body_key, m.committee_key) FROM absences a "
        "JOIN meetings m ON m.id = a.meeting_id LEFT JOIN history h ON h.id = a.history_id "
        "WHERE a.kind = 'absent' ORDER BY a.id");
    struct Seen {
        PersonSummary summary;
        std::set<std::string> meetings;
    };
    std::map<std::string, Seen> people;
    while (st.step()) {
        auto& p = people[st.column_text(0)];
        if (p.summary.name.empty()) p.summary.name = st.column_text(1);
        if (!st.is_null(2)) p.summary.party = st.column_optional(2);
        p.meetings.insert(st.column_text(3) + "|" + st.column_text(4));
    }
    std::vector<PersonSummary> out;
    for (auto& [key, p] : people) {
        p.summary.meetings = static_cast<long long>(p.meetings.size());
        out.push_back(std::move(p.summary));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.meetings != b.meetings) return a.meetings > b.meetings;
        return text::fold(a.name) < text::fold(b.name);
    });
    return out;
}

std::vector<ThemeDashboard> theme_dashboards(store::Database& db, const rules::Rules& rules,
                                             std::optional<int> number) {
    sqlite3* h = db.handle();
    Statement linked(h,
                     "SELECT count(*) FROM item_themes WHERE theme_set = ?1 AND theme = ?2 "
                     "AND linked");
    Statement decided(h,
                      "SELECT m.date FROM item_themes t JOIN items i ON i.id = t.item_id "
                      "JOIN meetings m ON m.id = i.meeting_id WHERE t.theme_set = ?1 "
                      "AND t.theme = ?2 AND t.linked AND i.decision IS NOT NULL "
                      "AND m.date IS NOT NULL");
    // Open as the quarterly report counts it, at the newest stored meeting.
    Statement open(h,
                   "SELECT i.id, coalesce(m.date, ''), m.committee, i.number, i.title, "
                   "coalesce(i.decision_promise, '') FROM item_themes t "
                   "JOIN items i ON i.id = t.item_id JOIN meetings m ON m.id = i.meeting_id "
                   "WHERE t.theme_set = ?1 AND t.theme = ?2 AND t.linked "
                   "AND (i.decision_outcome = 'postponed' OR i.decision_promise IS NOT NULL) "
                   "AND NOT EXISTS (SELECT 1 FROM items l JOIN meetings lm ON lm.id = l.meeting_id "
                   "  WHERE l.case_id = i.case_id AND lm.date > m.date) "
                   "AND NOT EXISTS (SELECT 1 FROM items l JOIN meetings lm ON lm.id = l.meeting_id "
                   "  WHERE l.body_title_hash = i.body_title_hash AND lm.date > m.date "
                   "  AND lm.committee_key = m.committee_key "
                   "  AND referat_fold(l.title) = referat_fold(i.title)) "
                   "ORDER BY m.date, m.committee, i.number");
    std::vector<ThemeDashboard> out;
    for (const auto& set : rules.theme_sets())
        for (const auto& theme : set.themes) {
            if (number && theme.number != *number) continue;
            ThemeDashboard d{&set, &theme, 0, {}, {}};
            linked.bind(1, set.id).bind(2, theme.number).step();
            d.items = linked.column_int(0);
            linked.reset();
            std::map<std::string, long long> counts;
            decided.bind(1, set.id).bind(2, theme.number);
            while (decided.step()) ++counts[quarter_of(decided.column_text(0))];
            decided.reset();
            d.decisions = fill_quarters(counts);
            open.bind(1, set.id).bind(2, theme.number);
            while (open.step()) {
                const auto promise = open.column_text(5);
                d.open.push_back({open.column_int(0), open.column_text(1), open.column_text(2),
                                  static_cast<int>(open.column_int(3)), open.column_text(4),
                                  promise.empty() ? "udsat" : promise});
            }
            open.reset();
            out.push_back(std::move(d));
        }
    return out;
}

std::vector<ThemeDecision> theme_decisions(store::Database& db, const std::string& theme_set,
                                           int theme, const std::string& quarter) {
    const auto dates = quarter_dates(quarter);
    if (!dates) throw QueryError("not a quarter (YYYYQn): " + quarter);
    Statement st(db.handle(),
                 "SELECT i.id, m.date, m.committee, i.number, i.title, i.decision_outcome "
                 "FROM item_themes t JOIN items i ON i.id = t.item_id "
                 "JOIN meetings m ON m.id = i.meeting_id WHERE t.theme_set = ?1 AND t.theme = ?2 "
                 "AND t.linked AND i.decision IS NOT NULL AND m.date BETWEEN ?3 AND ?4 "
                 "ORDER BY m.date, m.committee, i.number");
    st.bind(1, theme_set).bind(2, theme).bind(3, dates->first).bind(4, dates->second);
    std::vector<ThemeDecision> out;
    while (st.step())
        out.push_back({st.column_int(0), st.column_text(1), st.column_text(2),
                       static_cast<int>(st.column_int(3)), st.column_text(4),
                       st.column_optional(5)});
    return out;
}

std::optional<std::pair<std::string, std::string>> quarter_dates(const std::string& quarter) {
    if (quarter.size() != 6 || quarter[4] != 'Q' || quarter[5] < '1' || quarter[5] > '4' ||
        !std::all_of(quarter.begin(), quarter.begin() + 4,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::nullopt;
    const int first = (quarter[5] - '1') * 3 + 1;
    char from[16], to[16];
    std::snprintf(from, sizeof from, "%s-%02d-01", quarter.substr(0, 4).c_str(), first);
    std::snprintf(to, sizeof to, "%s-%02d-31", quarter.substr(0, 4).c_str(), first + 2);
    return std::pair<std::string, std::string>{from, to};
}

std::vector<std::string> meeting_quarters(store::Database& db) {
    Statement st(db.handle(),
                 "SELECT DISTINCT substr(date, 1, 7) FROM meetings WHERE date IS NOT NULL "
                 "ORDER BY 1 DESC");
    std::vector<std::string> out;
    while (st.step()) {
        const auto q = quarter_of(st.column_text(0) + "-01");
        if (!q.empty() && (out.empty() || out.back() != q)) out.push_back(q);
    }
    return out;
}

std::vector<long long> items_with_case_number(store::Database& db, const std::string& case_number) {
    return store::items_by_case_number(db, text::trim(case_number));
}

}  // namespace referat::query
