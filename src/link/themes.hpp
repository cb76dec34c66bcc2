// The link stage: which themes of the plans in patterns/themes each item concerns, and why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::link {

// Scores one item against one theme set: every theme with any evidence, linked or not, in the
// set's order. Evidence counts each term once per section, weighted by term and section.
std::vector<ThemeScore> score_item(const Item& item, const rules::ThemeSet& set);

// Scores of one item against every theme set that applies to its municipality and committee.
std::vector<ThemeScore> link_item(const Item& item, const std::optional<std::string>& municipality,
                                  const std::optional<std::string>& committee,
                                  const rules::Rules& rules);

// Fills Item::themes for every item, from the theme sets that apply to the referat's
// municipality and committee (none when either is unknown).
Referat link_themes(Referat referat, const rules::Rules& rules);

}  // namespace referat::link
