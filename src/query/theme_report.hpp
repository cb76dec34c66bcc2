// Reading theme links back: which themes items concern, and why one item got its themes.
#pragma once

#include <string>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

// Every theme of every theme set in `rules`, with the number of stored items linked to it.
std::string format_theme_list(store::Database& db, const rules::Rules& rules);

// For one item: every theme of the sets that apply to its meeting, the stored evidence and the
// score against the threshold. Throws QueryError for an unknown id.
std::string explain_item(store::Database& db, long long id, const rules::Rules& rules);

// The linked themes of one item, one line ("themes: 3 Ledelsesinformation, 6 ..."), or "" when
// none; for `referat show`.
std::string linked_themes_line(store::Database& db, long long id);

}  // namespace referat::query
