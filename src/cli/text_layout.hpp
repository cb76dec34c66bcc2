// Plain-text layout of the command-line renderings (search hits, items, case timelines, CSV).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace referat::cli {

// Terminal width of UTF-8 text, counting code points (Danish text has no wide characters).
size_t width(std::string_view s);

// One CSV field (RFC 4180), quoted when it holds a comma, quote or line break, or always with
// `always_quote`. A field that starts with =, +, -, @, tab or CR is a formula to a spreadsheet
// (OWASP's CSV injection: minutes holding "=HYPERLINK(...)" would run it when the file is
// opened), so it gets a ' in front, which spreadsheets take as "text follows".
std::string csv_field(std::string_view v, bool always_quote = false);

// `s` cut to `max` code points, the last one an ellipsis.
std::string truncate(std::string_view s, size_t max);

// `s` padded with blanks to `w` code points, on the right (or the left: right-aligned).
std::string pad(std::string_view s, size_t w, bool right = false);

// Greedy word wrap of each line of `s`, every output line prefixed by `indent`.
std::string wrap(std::string_view s, std::string_view indent, size_t max = 100);

}  // namespace referat::cli
