// Building blocks of the web interface's pages: escaping, the page frame (header, navigation,
// main, footer landmarks and the style sheet), Danish labels and dates.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/rules.hpp"

namespace referat::web {

// A query-string value or path component, percent-encoded (RFC 3986 unreserved kept).
std::string url_encode(std::string_view s);
// "?a=1&b=x" from the pairs with a non-empty value, each encoded; "" when none.
std::string query_string(const std::vector<std::pair<std::string, std::string>>& params);

// A whole page: <title> is `title` and the site's name; `section` marks the current entry of the
// navigation ("soeg", "udvalg", "temaer", "personer", "rapport"); `body` is trusted HTML.
std::string page(std::string_view title, std::string_view section, std::string_view body);

// Danish wording of an outcome value ("recommended" → "anbefalet"); the value itself when unknown.
std::string outcome_label(std::string_view outcome);
// Outcome values with their Danish wording, in the schema's order (for a select box).
std::vector<std::pair<std::string, std::string>> outcome_labels();
// Danish name of an item section (kItemSections, "decided_points", "all").
std::string section_label(std::string_view section);
// "2020-08-17" → "17. august 2020"; "17/8 2020" for the short form; other text unchanged.
std::string long_date(std::string_view iso);
std::string short_date(std::string_view iso);
// A body's abbreviation from committees.txt (its first alias written in capitals), or "".
std::string abbreviation(std::string_view body, const rules::Rules& rules);

}  // namespace referat::web
