// Parse stage: segmented items → the fields of the referat/1 schema.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::parse {

Referat parse(const SegmentedReferat& doc, const rules::Rules& rules);

// ISO date (YYYY-MM-DD) of the first Danish date form found in `s`, if any.
std::optional<std::string> parse_date(std::string_view s, const rules::Rules& rules);

// People named in an absence list: "A (V), B (A) og C" → three people.
std::vector<Person> parse_people(std::string_view list, const rules::Rules& rules);

// Outcome vocabulary word for a decision text ("approved", "noted", ...; "other" if none).
std::string classify_outcome(std::string_view text, const rules::Rules& rules);

// Votes recorded in a decision, if it records a split or a dissent.
std::optional<Votes> parse_votes(std::string_view text, const rules::Rules& rules);

// Who recommends, to whom and via whom, from the recommendation's first line.
void parse_route(std::string_view line, Recommendation& rec, const rules::Rules& rules);

}  // namespace referat::parse
