// The quarterly follow-up as data: per theme the quarter's decisions and the items still open,
// absences per member and decisions per theme per month. The CLI renders it (report_render.cpp).
#include "query/report.hpp"

#include <re2/re2.h>
#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <map>
#include <memory>

#include "query/query.hpp"
#include "util/person_key.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

struct Quarter {
    std::string label, from, to;
    std::vector<std::string> months;
};

Quarter parse_quarter(const std::string& s) {
    static const RE2 shape(R"((\d{4})-?[Qq]([1-4]))");
    int year = 0, q = 0;
    if (!RE2::FullMatch(s, shape, &year, &q))
        throw QueryError("invalid quarter: " + s + " (expected YYYYQn, e.g. 2020Q3)");
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

// Item columns every report list shows, prefixed by the alias `i` (items) and `m` (meetings).
constexpr const char* kItemColumns =
    "i.id, m.date, m.committee, i.number, i.title, coalesce(i.decision_outcome, ''), "
    "coalesce(i.decision, ''), coalesce(i.decision_promise, '')";

ReportItem read_item(const Statement& s) {
    return ReportItem{
        s.column_int(0),  s.column_text(1), s.column_text(2), static_cast<int>(s.column_int(3)),
        s.column_text(4), s.column_text(5), s.column_text(6), ""};
}

}  // namespace

void check_quarter(const std::string& quarter) {
    parse_quarter(quarter);
}

QuarterReport build_report(store::Database& db, const std::string& quarter,
                           const std::optional<std::string>& committee, const rules::Rules& rules) {
    const auto q = parse_quarter(quarter);
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
    // Separate texts with and without the committee: one plan cannot serve both (an index on
    // committee_key for one, on date for the other).
    const std::string meeting_filter = committee ? "m.committee_key = ?3 AND " : "";
    Statement meetings(
        h, "SELECT count(*) FROM meetings m WHERE " + meeting_filter + "m.date BETWEEN ?1 AND ?2");
    meetings.bind(1, q.from).bind(2, q.to);
    if (committee) meetings.bind(3, *folded_committee);
    meetings.step();
    report.meetings = static_cast<int>(meetings.column_int(0));

    Statement decided(h, std::string("SELECT ") + kItemColumns +
                             " FROM item_themes t JOIN items i ON i.id = t.item_id "
                             "JOIN meetings m ON m.id = i.meeting_id "
                             "WHERE t.theme_set = ?1 AND t.theme = ?2 AND t.linked "
                             "AND i.decision IS NOT NULL AND m.date BETWEEN ?3 AND ?4 "
                             "AND (?5 IS NULL OR m.committee_key = ?5) "
                             "ORDER BY m.date, m.committee, i.number");
    // Open at the end of the quarter: postponed or promising a return, and no later item of its
    // case by then (a postponed item may come back under the same title at the same body
    // before the case tracker has anything else to join it by).
    const auto bits = std::to_string(store::kSearchKeyBits);
    Statement open(
        h, std::string("SELECT ") + kItemColumns +
               " FROM item_themes t JOIN items i ON i.id = t.item_id "
               "JOIN meetings m ON m.id = i.meeting_id "
               "WHERE t.theme_set = ?1 AND t.theme = ?2 AND t.linked AND m.date <= ?4 "
               "AND (i.decision_outcome = 'postponed' OR i.decision_promise IS NOT NULL) "
               "AND (?5 IS NULL OR m.committee_key = ?5) "
               "AND NOT EXISTS (SELECT 1 FROM items l JOIN meetings lm ON lm.id = l.meeting_id "
               "  WHERE l.case_id = i.case_id AND lm.date > m.date AND lm.date <= ?4) "
               // Same folded committee and title, later date up to the quarter's end: a range
               // of items_body_title (the hash, then search_key, whose high bits are the date),
               // the hash checked against the folded committee and title.
               "AND NOT EXISTS (SELECT 1 FROM items l JOIN meetings lm ON lm.id = l.meeting_id "
               "  WHERE l.body_title_hash = i.body_title_hash "
               "  AND l.search_key >= ((i.search_key >> " +
               bits + ") + 1) << " + bits +
               "  AND l.search_key <= ?6 AND lm.committee_key = m.committee_key "
               "  AND referat_fold(l.title) = referat_fold(i.title)) "
               "ORDER BY m.date, m.committee, i.number");
    for (const auto& set : rules.theme_sets()) {
        for (const auto& theme : set.themes) {
            ReportTheme rt{set.id, set.name, theme.number,          theme.name,
                           {},     {},       std::vector<int>(3, 0)};
            // Both lists take the same parameters.
            const auto bind = [&](Statement& s) {
                s.bind(1, set.id)
                    .bind(2, theme.number)
                    .bind(3, q.from)
                    .bind(4, q.to)
                    .bind(5, folded_committee);
            };
            bind(decided);
            while (decided.step()) {
                rt.decisions.push_back(read_item(decided));
                const auto month = rt.decisions.back().date.substr(0, 7);
                for (size_t m = 0; m < q.months.size(); ++m)
                    if (q.months[m] == month) ++rt.per_month[m];
            }
            decided.reset();
            bind(open);
            open.bind(6, store::search_key_range(std::nullopt, q.to).second);
            while (open.step()) {
                auto item = read_item(open);
                const auto promise = open.column_text(7);
                item.open_because = promise.empty() ? "udsat" : promise;
                rt.open.push_back(std::move(item));
            }
            open.reset();
            report.themes.push_back(std::move(rt));
        }
    }

    // Absent from a meeting of the quarter or from one of its decisions, also when that meeting
    // is known only from a decision quoted in a later item (BUL 18 August quoted on 31 August).
    // Both parts start from the quarter's meetings or quotations; `+` keeps the planner from
    // walking every meeting absence (history_id IS NULL) through absences_history.
    const std::string body_filter = committee ? "hq.body_key = ?3 AND " : "";
    Statement absent(
        h,
        "SELECT a.name, coalesce(a.party, ''), m.date, m.committee FROM meetings m "
        "JOIN absences a ON a.meeting_id = m.id WHERE " +
            meeting_filter +
            "m.date BETWEEN ?1 AND ?2 AND a.kind = 'absent' AND +a.history_id IS NULL "
            "UNION SELECT a.name, coalesce(a.party, ''), hq.date, hq.body FROM history hq "
            "JOIN absences a ON a.history_id = hq.id WHERE " +
            body_filter +
            "hq.date BETWEEN ?1 AND ?2 AND a.kind = 'absent' "
            "ORDER BY 3");
    absent.bind(1, q.from).bind(2, q.to);
    if (committee) absent.bind(3, *folded_committee);
    std::map<std::string, ReportAbsence> people;
    while (absent.step()) {
        // "Berg-Nielsen" and "Berg Nielsen" are one person.
        auto& p = people[person_key(absent.column_text(0))];
        if (p.name.empty()) p.name = absent.column_text(0);
        if (p.party.empty()) p.party = absent.column_text(1);
        // One report per committee shows dates; across committees the body says which meeting.
        const auto meeting = absent.column_text(2) +
                             (committee ? "" : " (" + text::collapse(absent.column_text(3)) + ")");
        if (std::find(p.dates.begin(), p.dates.end(), meeting) == p.dates.end())
            p.dates.push_back(meeting);
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
