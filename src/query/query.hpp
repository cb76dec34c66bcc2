// Reading the store: full-text search over items with filters, and one item shown in full.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
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

struct SearchOptions {
    std::string query;  // FTS5 syntax: plain words all match; "a phrase" in double quotes
    std::optional<std::string> committee;  // abbreviation (BUL) or name, resolved through rules
    std::string section = "all";           // resume | recommendation | decision | all
    std::optional<std::string> from, to;   // ISO dates (YYYY-MM-DD), inclusive
    bool by_rank = false;                  // bm25 instead of newest meeting first
    int limit = 20;                        // <= 0: no limit
};

struct Hit {
    long long id;  // items.id, for show_item
    std::string date, committee;
    int number;
    std::string title;
    std::string section;  // column the snippet comes from: title, resume, recommendation, ...
    std::string snippet;  // matched terms in [brackets]
};

// Throws QueryError for a malformed query or bad options, store::SqlError for database trouble.
std::vector<Hit> search(store::Database& db, const SearchOptions& options,
                        const rules::Rules& rules);

// Aligned text table (id, date, committee, number, title, snippet); "no matches" when empty.
std::string format_hits(const std::vector<Hit>& hits);

// One item in full, with its meeting, sections, decision, votes, absences and history.
// Throws QueryError "no item with id N".
std::string show_item(store::Database& db, long long id);

}  // namespace referat::query
