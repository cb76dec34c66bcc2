// Plain-text layout shared by the query printers (search hits, items, case timelines).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace referat::query {

// Terminal width of UTF-8 text, counting code points (Danish text has no wide characters).
size_t width(std::string_view s);

// Greedy word wrap of each line of `s`, every output line prefixed by `indent`.
std::string wrap(std::string_view s, std::string_view indent, size_t max = 100);

}  // namespace referat::query
