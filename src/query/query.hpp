// Reading the store: full-text search over items with filters, and one item shown in full.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

// The user asked for something that cannot be answered: a malformed search query, an unknown
// section or item, a bad date. what() is one line for the user, never SQL.
class QueryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Sections a search may be restricted to. "decision" also covers the Indstilling points the
// decision answers (items.decided_points).
inline constexpr std::array<std::string_view, kItemSections.size() + 1> kSections = [] {
    std::array<std::string_view, kItemSections.size() + 1> all{};
    for (size_t i = 0; i < kItemSections.size(); ++i) all[i] = kItemSections[i];
    all.back() = "all";
    return all;
}();

struct SearchOptions {
    // FTS5 syntax: plain words all match; "a phrase" in double quotes. Empty when a filter is
    // given: the items the filters leave are listed newest first. A query that is a case number
    // (patterns/structure.re `case.query`: "17/6488") searches by case number.
    std::string query;
    std::optional<std::string> committee;  // abbreviation (BUL) or name, resolved through rules
    std::string section = "all";           // one of kSections
    // Decision outcome: a schema value (approved, recommended, ...) or Danish wording
    // (godkendt, anbefales, taget til efterretning, ...), classified by the outcome patterns.
    std::optional<std::string> outcome;
    // A person absent from the item's decision, a decision quoted in the item, or the meeting.
    std::optional<std::string> absent;
    std::optional<std::string> from, to;     // ISO dates (YYYY-MM-DD), inclusive
    std::optional<int> theme;                // linked to this theme number (patterns/themes)
    std::optional<std::string> case_number;  // Sagsnr. as printed (17/6488): items.case_number
    bool newest_first = false;               // meeting date instead of bm25 relevance
    int limit = 20;                          // <= 0: no limit
    int offset = 0;                          // hits skipped before the first shown (paging)
};

struct Hit {
    long long id;  // items.id, for show_item
    std::string date, committee;
    int number;
    std::string title;
    std::string section;  // items_fts column the snippet comes from: title, decision, ...
    std::string snippet;  // matched terms in [brackets]
    std::optional<std::string> outcome;  // decision outcome, schema value
    // Byte ranges of the snippet's [bracketed] terms, brackets included: a renderer may mark
    // them otherwise (the web's <mark>) without mistaking a bracket of the minutes for one.
    std::vector<std::pair<size_t, size_t>> marks;
};

// How a search ran, for the user's note and the benchmark.
struct SearchPlan {
    // "fts" (matches walked newest first), "items" (listed newest first), or the filter whose
    // items drive it: "case number", "theme", "committee" or "absent"
    std::string driver;
    size_t rows = 0;           // matches walked (counted, ranked or ordered)
    size_t fetched = 0;        // of those, items whose item and meeting rows were read
    size_t ranked_newest = 0;  // > 0: more matched, and only this many newest were ranked
    // Words and a driver: the words' matches the walk checked against the driver's items, and
    // the driver's items then looked up in the full-text index one by one (those at and before
    // where the walk stopped).
    size_t walked = 0;
    size_t looked_up = 0;
};

struct SearchResult {
    std::vector<Hit> hits;  // the page asked for: options.offset, options.limit
    long long total = 0;    // all matches, not only this page
    // Counting stopped at `total` (the newest kCountedMatches, or offset + limit when more):
    // more items match. A search that walks every match of a common word to count it would cost
    // what the early stop saves.
    bool total_capped = false;
};

// Matches counted at most (and ranked at most: the newest ones), unless offset + limit is more.
inline constexpr long long kCountedMatches = 2000;

// Throws QueryError for a malformed query or bad options, store::SqlError for database trouble.
SearchResult search(store::Database& db, const SearchOptions& options, const rules::Rules& rules,
                    SearchPlan* plan = nullptr);

// Whether a search query is a case number (patterns/structure.re `case.query`).
bool is_case_number(std::string_view query, const rules::Rules& rules);

// The outcome value stored for a schema value or Danish wording ("ikke godkendt" → rejected).
// Throws QueryError for anything the outcome patterns do not know.
std::string outcome_value(std::string_view wording, const rules::Rules& rules);

// A person absent from, or partly present at, a meeting or decision.
struct Person {
    std::string name;
    std::optional<std::string> party, note;  // note: partly present only ("til kl. 17")
};

struct Absences {
    std::vector<Person> absent, partly_present;
};

// A numbered point of an Indstilling or a decision.
struct Point {
    std::string n, text;
    std::optional<std::string> outcome;  // decision points only
};

struct Vote {
    std::string side, party;  // side: for, against, abstain
};

// An earlier decision quoted in the item.
struct Quoted {
    std::string body;
    std::optional<std::string> date, item_number;
    std::string text;
    Absences absences;
};

struct LinkedTheme {
    std::string theme_set;
    long long theme = 0;
    std::string name;
};

// One stored item in full, with its meeting, sections, decision, votes, absences and history.
struct ItemView {
    long long id = 0;
    std::string number, title;
    std::string committee;
    std::optional<std::string> date, municipality;
    std::string source;
    std::optional<long long> page;
    bool closed = false;
    std::optional<std::string> case_number;
    std::vector<std::string> attachments;
    std::optional<std::string> resume;
    std::optional<std::string> recommendation, recommendation_by, recommendation_to,
        recommendation_via;
    std::vector<Point> recommendation_points;
    std::optional<std::string> decision, decision_outcome;
    std::vector<Point> decision_points;
    std::optional<std::string> votes_text;  // set when votes were recorded ("" for counts alone)
    std::vector<Vote> votes;
    Absences decision_absences, meeting_absences;
    std::vector<Quoted> history;
    std::optional<std::string> case_text;
    std::optional<long long> case_id;
    std::vector<LinkedTheme> themes;  // linked themes
};

// Throws QueryError "no item with id N".
ItemView load_item(store::Database& db, long long id);

// Whether a committee filter names a committee: one of the pattern data (abbreviation or name), or
// that of a stored meeting.
bool committee_known(store::Database& db, const std::string& name, const rules::Rules& rules);
// The committees of the stored meetings, by name.
std::vector<std::string> stored_committees(store::Database& db);

// Every theme of every theme set in `rules`, with the number of stored items linked to it.
struct ThemeCount {
    const rules::ThemeSet* set;
    const rules::Theme* theme;
    long long items = 0;
};
std::vector<ThemeCount> theme_counts(store::Database& db, const rules::Rules& rules);

}  // namespace referat::query
