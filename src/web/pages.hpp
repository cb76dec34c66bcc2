// The pages of the web interface as HTML, from the data the query stage returns. Every text from
// the database or the request is escaped here; nothing else in src/web writes HTML.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/browse.hpp"
#include "query/case.hpp"
#include "query/query.hpp"
#include "query/theme_report.hpp"
#include "rules/rules.hpp"

namespace referat::web {

// The search as the URL holds it (parameter names in web/app.cpp), already checked.
struct SearchForm {
    std::string q, committee, from, to, section = "all", outcome, theme, absent;
    bool newest = false;
    int page = 1;  // from 1
};

// What the form offers: the stored committees (a list to choose from while it is short) and the
// themes of the plans.
struct FormChoices {
    std::vector<std::string> committees;
    const rules::Rules* rules = nullptr;
};

struct SearchResults {
    std::vector<query::Hit> hits;  // the page's hits
    long long total = 0;           // every hit of the search
    bool total_capped = false;     // more than `total` match (query::SearchResult)
    int per_page = 20;
};

// The search page: the form, and with `results` the hit count, the hits and paging. `message`: a
// search that could not run (shown instead of the hits).
std::string search_page(const SearchForm& form, const FormChoices& choices,
                        const std::optional<SearchResults>& results, const std::string& message);

struct ItemPage {
    query::ItemView item;
    query::ItemThemes themes;
    std::optional<query::CaseSize> case_size;
    std::optional<long long> meeting_id;
    bool source_available = false;  // the stored file is still where it was read from
};
std::string item_page(const ItemPage& p, const rules::Rules& rules);

std::string case_page(const query::CaseView& c, const rules::Rules& rules);
// The form that finds a case by its Sagsnr.
std::string case_lookup_page();
// Several cases have items with this Sagsnr.: one line per item, to choose from.
std::string case_choice_page(const std::string& case_number,
                             const std::vector<query::ItemView>& items);

std::string committees_page(const std::vector<query::CommitteeSummary>& committees);
std::string committee_page(const std::string& name,
                           const std::vector<query::MeetingSummary>& meetings);
std::string meeting_page(const query::MeetingView& m, bool source_available);

std::string themes_page(const std::vector<query::ThemeDashboard>& themes);
// One theme: decisions per quarter, those of `quarter`, and the open items.
std::string theme_page(const query::ThemeDashboard& theme, const std::string& quarter,
                       const std::vector<query::ThemeDecision>& decisions);

std::string people_page(const std::vector<query::PersonSummary>& people);
std::string person_page(const query::PersonView& person);

// The report's form; with a quarter, links to the report in each format.
std::string report_page(const std::vector<std::string>& quarters,
                        const std::vector<std::string>& committees, const std::string& quarter,
                        const std::string& committee);

// 400, 404, 500: what went wrong, in Danish, and the way back.
std::string error_page(int status, const std::string& detail);

}  // namespace referat::web
