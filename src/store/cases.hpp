// Case tracking in the store: a case is the agenda items of several meetings and bodies that
// deal with one matter. Items are joined by rules in order of trust (case_links.rule):
//   case_number  the same printed Sagsnr. in the same municipality;
//   quoted       an item quotes a decision (body, date, pkt.) of a stored item, or two items
//                quote the same decision;
//   title        nearly the same title at another body that the Indstilling routes the case
//                through (til KB via DIR, BUL og ØU), within kTitleWindowDays.
// Cases are the connected items, except where the user split them (case_splits). They are
// recomputed from the links whenever a meeting is stored, so the order of ingest does not matter.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::store {

// Titles at least this alike (cases::title_similarity) are "nearly the same".
inline constexpr double kTitleSimilarity = 0.85;
// The title rule joins only items whose meetings are at most this many days apart (four months).
inline constexpr int kTitleWindowDays = 122;

// The full name of a body as `municipality` writes it: an abbreviation or other spelling is
// resolved through patterns/committees.txt, that municipality's entries first; an unknown body
// keeps its name as written.
std::string body_name(const rules::Rules& rules, std::string_view written,
                      const std::optional<std::string>& municipality);

// Used by Database::store inside its transaction, once the meeting's rows are written: records
// every join between its items and the stored items in case_links, then recomputes the cases of
// all items joined to them, directly or not. `dirty_cases` are the cases of the items that a
// replaced version of the meeting had.
void join_cases(StatementCache& sql, const rules::Rules& rules, long long meeting_id,
                const std::vector<long long>& dirty_cases);

// `referat case split`: the items (of one case) leave it together and are never joined again to
// the items that remain, also after a re-ingest, because case_splits holds their keys. Returns
// the items' case id afterwards. Throws std::invalid_argument (one line for the user) for an
// unknown item, items of different cases, or all the items of a case.
long long split_case(Database& db, const std::vector<long long>& item_ids);

}  // namespace referat::store
