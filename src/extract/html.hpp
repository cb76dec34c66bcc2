// Internal to src/extract: the reader of saved web pages.
#pragma once

#include <string>
#include <string_view>

#include "model/referat.hpp"

namespace referat::extract {

// Whether decoded text starts like a web page: "<!DOCTYPE html" or "<html" (any case) after
// white space.
bool looks_like_html(std::string_view text);

// Fills doc.pages with one page holding the text of the web page `html` (UTF-8) line by line, as
// a browser lays it out: one line per paragraph, heading, list item or table row, a blank line
// where paragraphs are set apart, and each line's style. Throws InputError ("no text in the web
// page", or a page nested too deeply to read in reasonable time).
void read_html(const std::string& html, ExtractedText& doc);

}  // namespace referat::extract
