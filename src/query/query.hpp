// Reading the store: full-text search over items with filters, and one item shown in full.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
inline constexpr std::array<std::string_view, 6> kSections{
    "title", "resume", "recommendation", "decision", "case_text", "all"};

struct SearchOptions {
    std::string query;  // FTS5 syntax: plain words all match; "a phrase" in double quotes
    std::optional<std::string> committee;  // abbreviation (BUL) or name, resolved through rules
    std::string section = "all";           // one of kSections
    // Decision outcome: a schema value (approved, recommended, ...) or Danish wording
    // (godkendt, anbefales, taget til efterretning, ...), classified by the outcome patterns.
    std::optional<std::string> outcome;
    // A person absent from the item's decision, a decision quoted in the item, or the meeting.
    std::optional<std::string> absent;
    std::optional<std::string> from, to;  // ISO dates (YYYY-MM-DD), inclusive
    std::optional<int> theme;             // linked to this theme number (patterns/themes)
    bool newest_first = false;            // meeting date instead of bm25 relevance
    int limit = 20;                       // <= 0: no limit
};

struct Hit {
    long long id;  // items.id, for show_item
    std::string date, committee;
    int number;
    std::string title;
    std::string section;  // items_fts column the snippet comes from: title, decision, ...
    std::string snippet;  // matched terms in [brackets]
    std::optional<std::string> outcome;  // decision outcome, schema value
};

// How a search ran, for the user's note and the benchmark.
struct SearchPlan {
    // "fts" (matches walked newest first), "fts in committee" (the same, checked against the
    // committee's set of items), "theme", "committee" or "absent"
    std::string driver;
    size_t rows = 0;           // matching rows read before ranking or ordering
    size_t ranked_newest = 0;  // > 0: more matched, and only this many newest were ranked
};

// Throws QueryError for a malformed query or bad options, store::SqlError for database trouble.
std::vector<Hit> search(store::Database& db, const SearchOptions& options,
                        const rules::Rules& rules, SearchPlan* plan = nullptr);

// The outcome value stored for a schema value or Danish wording ("ikke godkendt" → rejected).
// Throws QueryError for anything the outcome patterns do not know.
std::string outcome_value(std::string_view wording, const rules::Rules& rules);

// Aligned text table (id, date, committee, number, title, section, snippet); "no matches" when
// empty.
std::string format_hits(const std::vector<Hit>& hits);
// One JSON object per line and hit.
std::string hits_json(const std::vector<Hit>& hits);
// CSV with a header line; fields with commas, quotes or line breaks quoted (RFC 4180).
std::string hits_csv(const std::vector<Hit>& hits);

// One item in full, with its meeting, sections, decision, votes, absences and history.
// Throws QueryError "no item with id N".
std::string show_item(store::Database& db, long long id);

}  // namespace referat::query
