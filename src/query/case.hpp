// A case's timeline and state (`referat case ID`), and search hits grouped by case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/query.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

// One appearance of the case at a meeting: a stored item, or a decision quoted in one.
struct CaseEntry {
    std::optional<long long> item_id;  // the stored item; nothing for a quoted decision
    std::string date;                  // ISO; empty for a quotation without a date
    std::string body;                  // committee or other body, full name
    std::optional<long long> number;   // pkt.
    std::string title;                 // stored items only
    std::string outcome;               // outcome vocabulary; empty without a decision
    std::string text;                  // the decision (or the quoted decision)
    std::vector<std::string> absent;   // "Steen S. Hansen (A)"
    std::string source;                // the file it comes from (for a quotation: the quoting file)
    long long page = 0;
    std::string quoted_in;  // "item 23: Børn, Unge og Læring, 2020-08-31, pkt. 213"
    std::optional<long long> quoted_in_item;  // that item (23)
    std::vector<std::string> joins;  // "quoted: quotes Direktionen, 2020-08-17, pkt. 2 (item 5)"
};

struct CaseView {
    long long id = 0;
    std::string key, title;
    std::optional<std::string> case_number;
    std::vector<CaseEntry> timeline;  // by date
    // decided | awaiting (recommended onwards to the bodies in `awaiting`) | postponed |
    // open promise | no decision
    std::string state;
    std::vector<std::string> awaiting;       // "Økonomiudvalget (ØU)", in route order
    std::vector<std::string> open_promises;  // the promising sentence, then " (where)"
};

// Whether load_case also decides the case's state (state, awaiting, open_promises), or gives
// the timeline alone to a caller that decides it for a date of its own (the quarterly report).
enum class CaseDetail { WithState, TimelineOnly };

// The case of a stored item. Throws QueryError "no item with id N".
CaseView load_case(store::Database& db, const rules::Rules& rules, long long item_id,
                   CaseDetail detail = CaseDetail::WithState);

// The cases of the stored items printed with Sagsnr. `case_number` ("where is 17/6488 now"), in
// date order. Throws QueryError "no item with Sagsnr. X".
std::vector<CaseView> load_cases_by_number(store::Database& db, const rules::Rules& rules,
                                           const std::string& case_number);

// Search hits grouped by their case, cases in the order of their first hit (`search --by-case`).
struct CaseHits {
    std::optional<long long> case_id;  // nothing: the items belong to no case
    std::string title;
    long long items = 0;  // the case's stored items, not only those hit
    std::vector<Hit> hits;
};
std::vector<CaseHits> group_hits_by_case(store::Database& db, const std::vector<Hit>& hits);

// The case of a stored item and how many items it has, for `referat show`.
struct CaseSize {
    long long case_id = 0;
    long long items = 0;
};
std::optional<CaseSize> case_of_item(store::Database& db, long long item_id);

}  // namespace referat::query
