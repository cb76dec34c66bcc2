// Internal to src/parse: the pieces the parse stage is made of, one file each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::parse::detail {

using rules::Rules;

// ---- text ------------------------------------------------------------------------------------

// A bar between the cells of a table row as a text rendering prints it: "at | dagsordenen
// godkendes |" (a saved page's cells, not the text's).
const RE2& table_cell_bar();
std::string collapse_lines(const std::vector<std::string>& lines);
// "DIR, BUL og ØU" → its parts, by `list.separator`.
std::vector<std::string> split_list(std::string_view s, const Rules& rules);
// The sentences of a line: split after ". " where a capitalised word follows, not after an
// initial ("Steen S. Hansen") or an abbreviation ("kl. 16.35", "pkt. 4").
std::vector<std::string> sentences(std::string_view line);
// A body's name without what it carries beyond the name ("Økonomiudvalget 2018-21",
// "Økonomiudvalget (ØK)") and the genitive ("Kultur- og fritidsudvalgets" → "…udvalget").
std::string body_name(std::string_view body, const Rules& rules);
// Whether two names are one body (Rules::full_body_name, of any municipality).
bool same_body(const std::string& a, const std::string& b, const Rules& rules);

// ---- people ----------------------------------------------------------------------------------

// One entry of a name list as a person, without the role before the name and what follows it
// ("Borgmester Anna Mee Allerslev pga. arbejde."); nothing when the entry is no person's name.
std::optional<Person> person_of(std::string entry, const Rules& rules);
// A list entry without what follows the name ("pga. arbejde", "- X stedfortræder").
std::string without_trailer(std::string part, const Rules& rules);
// "V", "Ø": a party letter alone.
bool is_party_letter(std::string_view s);
// The letter of a party written by name or abbreviation (parties.txt), also in the genitive or
// with "Det " before it: "Enhedslisten", "DF", "Radikale Venstres"; empty for none.
std::string party_letter(std::string_view written, const Rules& rules);
void add_unique(std::vector<Person>& to, const std::vector<Person>& people);

// Where attendance is recorded: under this meeting's decision (a name alone on its last line is
// the format's absence slot), in a quoted decision of another meeting ("deltog ikke i sagens
// behandling" is that meeting's absence), at the head of an item, under its title or case number
// (a line of names with their parties is the format's absence slot), or anywhere else.
enum class AttendanceIn { Decision, History, ItemHead, Other };

// Absent from the items numbered first to last: "Britt Jensen (A), sag 129-138" in a meeting's
// list of absentees.
struct RangedAbsence {
    Person person;
    int first = 0, last = 0;
};

struct Attendance {
    std::vector<std::string> kept;  // lines that are not about attendance
    std::vector<Person> absent;
    std::vector<PartialAttendance> partial;
    std::vector<RangedAbsence> ranged;
};

Attendance take_attendance(const std::vector<std::string>& lines, const Rules& rules,
                           AttendanceIn where);

// Party letters of the members listed in the meeting header ("Medlemmer:", "Deltagere:"), by
// person key: an absence line that omits the party takes it from there.
std::vector<Person> member_list(const std::vector<std::string>& front, const Rules& rules);
void fill_parties(std::vector<Person>& people, const std::vector<Person>& members);

// ---- decisions -------------------------------------------------------------------------------

Outcome classify_text(std::string_view text, const Rules& rules);
Decision decision_from(std::vector<std::string> lines, const Rules& rules);
HistoryEntry history_entry(const std::string& body, const std::optional<std::string>& date,
                           std::optional<int> item, const std::vector<std::string>& lines,
                           const Rules& rules);
// Entries of a "Historik" or "Sagsforløb" section: quoted decision lines ("Økonomiudvalget,
// 14. maj 2019, pkt. 88:") or rows of a table (Udvalg / Dato / Punktnummer), each with its text.
// Lines before the first entry are the section's narrative, returned in `narrative`.
std::vector<HistoryEntry> history_entries(const std::vector<std::string>& lines, const Rules& rules,
                                          std::vector<std::string>& narrative);

struct Point {
    int n = 0;
    std::string text;
};
std::vector<Point> parse_points(const std::vector<std::string>& lines, const Rules& rules,
                                bool allow_unnumbered);

// The groups of "X indstiller til Y via Z" when X is short enough to name a recommender: a long
// run before "foreslår" is a sentence about something else. Sentences run onto the line before
// the recommender's ("Bilag vedlagt. ") are in group "before".
std::optional<rules::Groups> recommender_clause(std::string_view line, const Rules& rules);

// Who recommends and the bodies of the route, from the Indstilling's first line that is not empty.
void parse_first_route(const std::vector<std::string>& lines, Recommendation& rec,
                       const Rules& rules);

std::optional<Recommendation> recommendation_from(std::vector<std::string> lines,
                                                  const Rules& rules);

// ---- the meeting -----------------------------------------------------------------------------

struct Meeting {
    std::optional<std::string> committee;
    std::optional<std::string> date;
    std::optional<std::string> municipality;
};

Meeting find_meeting(const SegmentedReferat& doc, const Rules& rules);

// The committee's full name as its municipality writes it (Rules::full_body_name: "BUL" → "Børn,
// Unge og Læring"), where that municipality's minutes these are; otherwise the name as printed.
std::optional<std::string> resolve_committee(const std::optional<std::string>& committee,
                                             const std::optional<std::string>& municipality,
                                             const Rules& rules);

// The municipality whose own bodies (committees.txt, not the ones every municipality has) the
// items name in their routes and history: "til KB via BUL og ØU" names Stevns' BUL.
std::optional<std::string> municipality_of_bodies(const std::vector<Item>& items,
                                                  const Rules& rules);

}  // namespace referat::parse::detail
