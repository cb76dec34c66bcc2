// Parse stage: segmented items → the fields of the referat/1 schema.
//
// A document with no agenda items is minutes only when its header says so ("Referat", an absence
// list) and names its meeting: then its header is all there is (an excerpt, a cover page). An
// agenda (no decision anywhere, "Dagsorden" and not "Referat" in its header) is not minutes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::parse {

// Throws InputError when the document is not minutes.
Referat parse(const SegmentedReferat& doc, const rules::Rules& rules);

// ISO date (YYYY-MM-DD) of the first Danish date form found in `s`, if any.
std::optional<std::string> parse_date(std::string_view s, const rules::Rules& rules);

// People named in an absence list: "A (V), B (A) og C" → three people.
std::vector<Person> parse_people(std::string_view list, const rules::Rules& rules);

// What a decision text says was decided: Other when no outcome wording is found, None for no text.
Outcome classify_outcome(std::string_view text, const rules::Rules& rules);

// Votes recorded in a decision, if it records a split or a dissent.
std::optional<Votes> parse_votes(std::string_view text, const rules::Rules& rules);

// Who recommends, to whom and via whom, from the recommendation's first line.
void parse_route(std::string_view line, Recommendation& rec, const rules::Rules& rules);

}  // namespace referat::parse
