// Case tracking's rules on plain data: a case is the agenda items of several meetings and bodies
// that deal with one matter. The store loads the rows these functions look at and writes what
// they decide, so the rules themselves never touch a database and are tested on items made up
// in the test. Items are joined by rules in order of trust (case_links.rule):
//   case_number  the same printed Sagsnr. in the same municipality;
//   quoted       an item quotes a decision (body, date, pkt.) of a stored item, or two items
//                quote the same decision;
//   title        nearly the same title at another body that the Indstilling routes the case
//                through (til KB via DIR, BUL og ØU), within kTitleWindowDays; or at the same
//                committee, the next time after the item was postponed or promised a return.
// Cases are the connected items, except where the user split them (case_splits). They are
// recomputed from the links whenever a meeting is stored, so the order of ingest does not matter.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cases/title_similarity.hpp"
#include "rules/rules.hpp"

namespace referat::cases {

// Titles at least this alike (title_similarity) are "nearly the same".
inline constexpr double kTitleSimilarity = 0.85;
// The title rule joins only items whose meetings are at most this many days apart (four months).
inline constexpr int kTitleWindowDays = 122;

// In order of trust: a more trusted rule is applied first.
enum class Rule { CaseNumber, Quoted, Title };
// As case_links.rule holds it: "case_number", "quoted", "title".
std::string_view rule_name(Rule rule);
// A name rule_name does not give counts as the least trusted rule.
Rule rule_named(std::string_view name);

// A decision quoted in an item: "Økonomiudvalget, 14. maj 2019, pkt. 88".
struct Quote {
    std::string body, date;           // the body as written; ISO date
    std::optional<long long> number;  // pkt.
};

// An agenda item, with what the join rules look at.
struct Item {
    long long id = 0;
    long long number = 0;
    std::string title;
    std::optional<std::string> case_number;  // Sagsnr. as printed
    std::vector<std::string> routes;         // bodies its Indstilling routes the case to or via
    std::vector<Quote> quotes;               // quoted decisions that have a date, in text order
    // Why the matter is to come back to the committee: "postponed", "promised a return"; empty
    // when it is not.
    std::string awaits_return;
};

struct Meeting {
    long long id = 0;
    std::optional<std::string> municipality, committee, date;  // date: ISO
    std::vector<Item> items;                                   // by id
};

struct Link {
    long long from = 0, to = 0;  // from: the item whose text holds the evidence
    Rule rule = Rule::Title;
    std::string evidence;  // "Sagsnr. 00.01.00-P20-1-20", "quotes Direktionen, 2020-08-17, pkt. 2"
};

// Titles prepared for the title rule (case.title_noise removed, then title_shape), kept for the
// joins of the next meetings of an ingest: at a million items a stored title was prepared again
// for every new meeting whose window held it.
class TitleShapes {
  public:
    // Nothing for a procedural title (case.generic_title), which never joins.
    const std::optional<TitleShape>& of(const std::string& raw, const rules::Rules& rules);
    // Forgets them all once there are many; never during a join, which holds references.
    void bound();

  private:
    std::unordered_map<std::string, std::optional<TitleShape>> shapes_;
};

// The joins between the items of `meeting` and the items of `stored` (other meetings; a meeting
// that is not the same municipality's is never joined), and between two items of `meeting`.
// One link per pair of items: the most trusted rule that applies, with the evidence found first.
// `stored` may hold more meetings than can join (the store narrows them by date and Sagsnr.);
// `rules` resolve the bodies (committees.txt) and clean the titles (case.title_noise), which are
// prepared into `titles`, or into a set of this call's own.
std::vector<Link> find_links(const Meeting& meeting, const std::vector<Meeting>& stored,
                             const rules::Rules& rules, TitleShapes& titles);
std::vector<Link> find_links(const Meeting& meeting, const std::vector<Meeting>& stored,
                             const rules::Rules& rules);

// The days before and after a meeting's date within which find_links looks for titles, as ISO
// dates; nothing for a meeting without a valid date.
std::optional<std::pair<std::string, std::string>> title_window(const std::string& date);

// ---- grouping joined items into cases ----------------------------------------------------------

// An item that is, or may become, part of a case.
struct Member {
    long long id = 0;
    std::string key;    // items.key, the identity that survives a re-ingest
    std::string date;   // of its meeting, ISO; empty when unknown
    std::string title;  // as printed
    std::optional<std::string> case_number;
    std::optional<long long> case_id;  // its case before this grouping
};

// A join as case_links holds it.
struct StoredLink {
    long long item_id = 0, other_item_id = 0;
    Rule rule = Rule::Title;
};

// A row of the cases table.
struct CaseRow {
    long long id = 0;
    std::string key;
    std::optional<std::string> title, case_number;
};

// One case of the grouping: its members, and the row it is stored as.
struct PlannedCase {
    std::vector<size_t> members;             // indexes into the members grouped, earliest first
    std::optional<long long> reuse;          // an old case row it keeps; nothing: a new row
    bool row_changed = false;                // the reused row's title or Sagsnr. is not this case's
    std::string key, title;                  // of the earliest member, whom the case is named after
    std::optional<std::string> case_number;  // the first Sagsnr. of its members, earliest first
};

// Groups `members` (every item reachable over `links` from the items that changed, so that all
// links between them are given) into cases: links are applied by rule, then by item keys, so the
// result depends on what is stored and never on the order it was stored in; no case holds two
// items whose keys `splits` holds. A case reuses an old row (`old_cases`, ascending ids) of its
// earliest item's key, so it keeps its id while that item stays the same. Cases are in the order
// of their smallest item id.
std::vector<PlannedCase> group_cases(const std::vector<Member>& members,
                                     const std::vector<StoredLink>& links,
                                     const std::vector<std::pair<std::string, std::string>>& splits,
                                     const std::vector<CaseRow>& old_cases);

}  // namespace referat::cases
