// The quarterly governance follow-up: per theme the quarter's decisions and the items still open,
// and absences per member, assembled from the store (rendered by src/cli/report_render.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

struct ReportItem {
    long long id = 0;  // items.id, for `referat show`
    std::string date, committee;
    int number = 0;
    std::string title, outcome, decision;
    std::string open_because;  // why an open item is open: "udsat" or the promise sentence
};

struct ReportTheme {
    std::string theme_set, theme_set_name;
    int theme = 0;
    std::string name;
    std::vector<ReportItem> decisions;  // decided in the quarter
    std::vector<ReportItem> open;       // postponed or promising a return, with no later item
    std::vector<int> per_month;         // decisions in each month of the quarter
};

struct ReportAbsence {
    std::string name, party;
    // Meetings missed in the quarter: "2020-08-18", or "2020-08-18 (Direktionen)" when the
    // report covers every committee.
    std::vector<std::string> dates;
};

struct QuarterReport {
    std::string quarter;  // "2020Q3"
    std::string from, to;
    std::vector<std::string> months;  // "2020-07", "2020-08", "2020-09"
    std::optional<std::string> committee;
    int meetings = 0;
    std::vector<ReportTheme> themes;
    std::vector<ReportAbsence> absences;  // Danish alphabetical order
};

// Throws QueryError unless `quarter` is YYYYQn (2020Q3, 2020-q3).
void check_quarter(const std::string& quarter);

// `quarter` is YYYYQn (also YYYY-Qn, lower case q). `committee` is an abbreviation or name.
// Throws QueryError for a malformed quarter or an unknown committee.
QuarterReport build_report(store::Database& db, const std::string& quarter,
                           const std::optional<std::string>& committee, const rules::Rules& rules);

}  // namespace referat::query
