// The cases tables (case_links, cases, case_splits, items.case_id) in SQL. The rules that decide
// which items are one case are in cases/join_rules.hpp; this reads what they need and writes
// what they decide, inside the store's transaction; and reads a case back for `referat case`.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cases/case_state.hpp"
#include "cases/join_rules.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::store {

// Meetings as the case join read them, kept for the joins of the next files of an ingest: the
// title windows of consecutive minutes overlap, and at a million items reading the same meetings
// again was a fifth of an ingest's CPU. An entry is used while its meeting row still has the
// content hash and first item id it was read with (a rolled-back batch gives its ids to the rows
// stored again).
class MeetingCache {
  public:
    const cases::Meeting* find(long long id, const std::string& hash, long long first_item) const;
    void put(const std::string& hash, long long first_item, const cases::Meeting& meeting);
    // The titles of the meetings read, prepared for the title rule.
    cases::TitleShapes& titles() { return titles_; }

  private:
    struct Entry {
        std::string hash;
        long long first_item = 0;
        cases::Meeting meeting;
    };
    std::unordered_map<long long, Entry> entries_;
    cases::TitleShapes titles_;
};

// Used by Database::store inside its transaction, once the meeting's rows are written: records
// every join between its items and the stored items in case_links, then recomputes the cases of
// all items joined to them, directly or not. `dirty_cases` are the cases of the items that a
// replaced version of the meeting had.
void join_cases(StatementCache& sql, MeetingCache& cache, const rules::Rules& rules,
                long long meeting_id, const std::vector<long long>& dirty_cases);

// `referat case split`: the items (of one case) leave it together and are never joined again to
// the items that remain, also after a re-ingest, because case_splits holds their keys. Returns
// the items' case id afterwards. Throws std::invalid_argument (one line for the user) for an
// unknown item, items of different cases, or all the items of a case.
long long split_case(Database& db, const std::vector<long long>& item_ids);

// ---- reading a case back (`referat case`) -------------------------------------------------------

struct Absentee {
    std::string name;
    std::optional<std::string> party;
};

// A stored item of a case.
struct StoredCaseItem {
    long long id = 0, number = 0, page = 0;
    std::string date, committee, municipality, title, outcome, decision, source;
    // Absent under its decision; without such a line, absent from its meeting when it has a
    // decision.
    std::vector<Absentee> absent;
};

// A decision quoted in an item of a case, with where the quoting item is.
struct StoredCaseQuote {
    std::string body, date;  // date: empty when the quotation has none
    std::optional<long long> number;
    std::string text, outcome;
    long long item_id = 0, item_number = 0, page = 0;
    std::string item_committee, item_date, source, municipality;
    std::vector<Absentee> absent;
};

struct StoredCaseLink {
    long long item_id = 0, other_item_id = 0;
    std::string rule, evidence;
};

struct StoredCase {
    long long id = 0;
    std::string key, title;
    std::optional<std::string> case_number;
    std::vector<StoredCaseLink> links;    // between its items, in the order they were found
    std::vector<StoredCaseItem> items;    // by date, pkt., id
    std::vector<StoredCaseQuote> quotes;  // by the quoting item (date, pkt., id), then text order
};

// The case of the item `item_id`; nothing for an unknown item.
std::optional<StoredCase> read_case(Database& db, long long item_id);

// The stored items printed with Sagsnr. `case_number` (as printed; failing that, spaces and letter
// case ignored), one per case: the case's earliest such item, in date order.
std::vector<long long> items_by_case_number(Database& db, const std::string& case_number);

// The route of a stored item's Indstilling, in order.
std::vector<cases::RouteStop> item_route(Database& db, long long item_id);

}  // namespace referat::store
