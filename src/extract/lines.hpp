// Internal to src/extract: helpers on lines of text shared by the PDF reader and layout repair.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rules.hpp"

namespace referat::extract {

// Whether `line` ends in a hyphen glued to a letter ("udviklings-", not "6-" or " -").
bool ends_with_word_hyphen(std::string_view line);

// Joins `next` onto `prev` where a line wrapped: drops a hyphenation hyphen ("udviklings-" +
// "plan"), keeps a suspended compound ("Børne-" + "og Ungeudvalget" → "Børne- og ...") and a
// digit range ("6-" + "8 uger" → "6-8 uger") and a slash ("koordinator/" + "leder");
// otherwise joins with a space.
std::string join_wrapped(std::string_view prev, std::string_view next, const rules::Rules& rules);

// White space collapsed and every run of digits replaced by one '#', so that running headers
// with changing numbers compare equal: "Side 5 af 16" and "Side 12 af 16" → "Side # af #".
std::string digits_masked(std::string_view line);

// The non-empty tab-separated fields of a line, trimmed: the cells of a table row.
std::vector<std::string> tab_fields(std::string_view line);

}  // namespace referat::extract
