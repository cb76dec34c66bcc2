// Browsing the store without a search word: committees and their meetings, a meeting's agenda and
// attendance, a person's absences over time, the decisions and open items of each theme by
// quarter, and items by Sagsnr. Returns data; the web interface and the CLI render it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/query.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

struct CommitteeSummary {
    std::string name;  // as stored (full name)
    long long meetings = 0;
    std::string first, last;  // ISO dates of its first and last dated meeting ("" when none)
};
// Every committee of the stored meetings, by name.
std::vector<CommitteeSummary> committee_summaries(store::Database& db);

struct MeetingSummary {
    long long id = 0;
    std::string committee;
    std::optional<std::string> date, municipality;
    std::string source;
    long long items = 0;
};
// The meetings of one committee (abbreviation or name, as a search filter), newest first.
std::vector<MeetingSummary> committee_meetings(store::Database& db, const std::string& committee,
                                               const rules::Rules& rules);

struct AgendaItem {
    long long id = 0;
    int number = 0;
    std::string title;
    bool closed = false;
    std::optional<std::string> outcome, case_number;
    std::vector<Person> absent;  // absent from this item's decision
};

// A meeting with its agenda (in item order) and who was absent from it or took part only in part.
struct MeetingView {
    MeetingSummary meeting;
    std::vector<AgendaItem> agenda;
    Absences absences;
};
// Throws QueryError "no meeting with id N".
MeetingView load_meeting(store::Database& db, long long id);
// The meeting of a stored item; nothing for an unknown item.
std::optional<long long> meeting_of_item(store::Database& db, long long item_id);

// One absence of a person: from a whole meeting, from one decision, or from a decision quoted in
// a later item (the meeting is then known from that quotation only).
struct PersonAbsence {
    std::string date;  // ISO; "" when the quotation has none
    std::string body;  // the committee or body
    std::string kind;  // meeting | decision | quoted
    std::optional<long long> meeting_id, item_id;
    std::optional<long long> item_number;  // of the decision missed, or the quoted pkt.
    std::string item_title;                // the stored item (for a quotation: the quoting one)
    std::optional<std::string> note;       // partly present: "til kl. 17"
};

struct QuarterCount {
    std::string quarter;  // "2020Q3"
    long long count = 0;
};

struct PersonView {
    std::string name;                                     // as first written
    std::optional<std::string> party;                     // the latest one given
    std::vector<PersonAbsence> absences, partly_present;  // newest first
    // Meetings (whole or in part: a decision) missed per quarter, oldest first, with every quarter
    // between the first and the last.
    std::vector<QuarterCount> by_quarter;
};
// `name` is matched as `search --absent` matches it (util/person_key). Throws QueryError
// "no absences recorded for NAME" when the store knows nobody by that name.
PersonView load_person(store::Database& db, const std::string& name);

struct PersonSummary {
    std::string name;
    std::optional<std::string> party;
    long long meetings = 0;  // meetings (whole or in part) missed
};
// Everyone recorded absent at least once, most absences first, then by name.
std::vector<PersonSummary> absent_people(store::Database& db);

// An item still open: postponed, or promising the body a return, with no later item of its case
// and no later item of the same title at the same body.
struct OpenItem {
    long long id = 0;
    std::string date, committee;
    int number = 0;
    std::string title;
    std::string because;  // "udsat" or the promising sentence
};

struct ThemeDashboard {
    const rules::ThemeSet* set = nullptr;
    const rules::Theme* theme = nullptr;
    long long items = 0;                  // linked items
    std::vector<QuarterCount> decisions;  // linked items with a decision, per quarter, oldest first
    std::vector<OpenItem> open;           // oldest first
};
// Every theme of every theme set, or only theme `number` (of any set) when given.
std::vector<ThemeDashboard> theme_dashboards(store::Database& db, const rules::Rules& rules,
                                             std::optional<int> number = std::nullopt);

// The first and last ISO date of a quarter written YYYYQn ("2020Q3" → 2020-07-01, 2020-09-31:
// compared as text, a day past the month's last is no trouble); nothing when not so written.
std::optional<std::pair<std::string, std::string>> quarter_dates(const std::string& quarter);

// The decisions linked to one theme in one quarter (YYYYQn), by date. Throws QueryError for a
// quarter not written so.
struct ThemeDecision {
    long long id = 0;
    std::string date, committee;
    int number = 0;
    std::string title;
    std::optional<std::string> outcome;
};
std::vector<ThemeDecision> theme_decisions(store::Database& db, const std::string& theme_set,
                                           int theme, const std::string& quarter);

// The quarters (YYYYQn) with a stored, dated meeting, newest first.
std::vector<std::string> meeting_quarters(store::Database& db);

// The stored items printed with this Sagsnr. (as printed; failing that, spaces and letter case
// ignored), one per case: its earliest such item, oldest case first.
std::vector<long long> items_with_case_number(store::Database& db, const std::string& case_number);

}  // namespace referat::query
