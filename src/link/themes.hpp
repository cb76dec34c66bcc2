// The link stage: which themes of the plans in patterns/themes each item concerns, and why.
#pragma once

#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::link {

// Scores one item against one theme set: every theme with any evidence, linked or not, in the
// set's order. Evidence counts each term once per section, weighted by term and section.
std::vector<ThemeScore> score_item(const Item& item, const rules::ThemeSet& set);

// Fills Item::themes for every item, from the theme sets that apply to the referat's
// municipality and committee (none when either is unknown).
Referat link_themes(Referat referat, const rules::Rules& rules);

}  // namespace referat::link
