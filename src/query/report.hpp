// The quarterly governance follow-up as data: the quarter's theme-linked decisions (each item once,
// with its themes), a status line per theme, every open case of the committee and what changed
// since the previous quarter, the plan's milestones and absences per member. Rendered by
// src/cli/report_render.cpp (and the web); nothing here is formatted for a reader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

struct ThemeRef {
    std::string theme_set;
    int theme = 0;
    std::string name;
};

struct ReportItem {
    long long id = 0;  // items.id, for links of the web interface; the report does not print it
    std::string date, committee;  // ISO date; full committee name
    int number = 0;
    std::string title;
    std::string case_number;    // Sagsnr., "" when none is printed
    std::string outcome;        // outcome vocabulary ("approved")
    std::string outcome_label;  // its Danish label (patterns/outcomes.txt): "godkendt"
    std::string decision;
    std::vector<ThemeRef> themes;  // linked themes, in theme set and number order
};

// A case of the committee still open at a date: postponed, awaiting bodies of its route, or with
// a promised return not yet kept.
struct OpenCase {
    long long case_id = 0;
    ReportItem item;    // the case's latest stored item of the committee by that date
    std::string state;  // postponed | awaiting | open promise (cases::case_state)
    std::vector<std::string> awaiting;  // bodies still to act, "Økonomiudvalget (ØU)"
    std::vector<std::string> promises;  // promising sentences of the latest decision
    std::string since;                  // ISO date of the case's first appearance
    int age_days = 0;                   // from `since` to the date the report is at
    std::string due;                    // ISO date a promise names (month end), "" when none
    bool overdue = false;               // `due` has passed by the date the report is at
};

struct ReportMilestone {
    int theme = 0;  // 0: the whole plan
    std::string body, when, text;
    std::string from, to;  // the period checked (the quarter for a quarterly milestone)
    std::string status;    // met | due | overdue | upcoming
    std::optional<ReportItem> met_by;
};

struct ReportTheme {
    std::string theme_set, theme_set_name;
    int theme = 0;
    std::string name;
    int decisions = 0;               // theme-linked decisions in the quarter
    std::vector<int> per_month;      // of those, in each month of the quarter
    std::optional<ReportItem> last;  // the latest linked decision by the quarter's end
    int open = 0;                    // open cases with an item linked to the theme
    std::vector<ReportMilestone> milestones;
};

// What changed since the end of the previous quarter.
struct ReportChanges {
    std::string previous_quarter;       // "2020Q2"
    int previous_decisions = 0;         // theme-linked decisions in the previous quarter
    std::vector<OpenCase> closed;       // open then, no longer open (as they were then)
    std::vector<ReportItem> closed_by;  // the case's latest item now, one per `closed`
    std::vector<OpenCase> opened;       // open now, not open then
};

struct ReportAbsence {
    std::string name, party;
    std::vector<std::string> dates;  // stored meetings of the quarter missed, ISO
    // "2020-08-18|Børn, Unge og Læring": absences only known from a decision quoted in a later
    // item, date and body; not counted as meetings missed.
    std::vector<std::string> quoted;
};

struct QuarterReport {
    std::string quarter;  // "2020Q3"
    std::string from, to;
    std::vector<std::string> months;  // "2020-07", "2020-08", "2020-09"
    std::optional<std::string> committee;
    int meetings = 0;
    std::vector<std::string> meeting_dates;
    std::vector<ReportItem> decisions;  // theme-linked decisions of the quarter, each once
    std::vector<ReportTheme> themes;
    std::vector<ReportMilestone> plan_milestones;  // milestones of a whole plan (theme 0)
    std::vector<OpenCase> open;                    // every open case at the quarter's end
    ReportChanges changes;
    std::vector<ReportAbsence> absences;  // Danish alphabetical order
};

// Throws QueryError unless `quarter` is YYYYQn (2020Q3, 2020-q3).
void check_quarter(const std::string& quarter);

// `quarter` is YYYYQn (also YYYY-Qn, lower case q). `committee` is an abbreviation or name.
// Throws QueryError for a malformed quarter or an unknown committee.
QuarterReport build_report(store::Database& db, const std::string& quarter,
                           const std::optional<std::string>& committee, const rules::Rules& rules);

}  // namespace referat::query
