// The cases tables (case_links, cases, case_splits, items.case_id) in SQL. The rules that decide
// which items are one case are in cases/join_rules.hpp; this reads what they need and writes
// what they decide, inside the store's transaction.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::store {

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
