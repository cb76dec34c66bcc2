// `referat themes import`: a draft theme file from a plan document, for a person to review.
#pragma once

#include <string>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::link {

struct DraftTheme {
    int number = 0;
    std::string name;                // as in the plan's numbered list
    std::string description;         // first paragraph of its section (after "Formål" if any)
    std::vector<std::string> terms;  // Snowball stems of words typical of its section
    bool section_found = false;      // a heading for the theme was found in the document
};

struct PlanDraft {
    std::string name;          // the document's first line
    std::string municipality;  // the "X Kommune" named most often, or ""
    std::vector<DraftTheme> themes;
};

// Finds the plan's numbered theme list (the longest run 1., 2., 3., ... of short lines), then
// each theme's section by a heading that names it, and drafts description and terms from it.
// Throws InputError when the document has no numbered list of at least three themes.
PlanDraft draft_plan(const ExtractedText& plan, const rules::Rules& rules);

// The draft in the patterns/themes file format, every guess marked for review.
std::string format_theme_file(const PlanDraft& draft);

}  // namespace referat::link
