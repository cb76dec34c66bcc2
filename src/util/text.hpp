// Small UTF-8 helpers shared by all stages (ICU underneath).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace referat::text {

// Unicode NFC.
std::string nfc(std::string_view s);
// NFKC: also expands ligatures (ﬁ → fi) and compatibility forms.
std::string nfkc(std::string_view s);
// Unicode case folding (for comparisons, never for output).
std::string fold(std::string_view s);
// Lower case by Danish rules (for output: a name printed in capitals written as a name).
std::string lower(std::string_view s);
// Trims ASCII and Unicode white space (incl. NBSP) at both ends.
std::string trim(std::string_view s);
// True when `s` is empty or white space only (what trim makes empty).
bool is_blank(std::string_view s);
// Collapses every run of white space (incl. NBSP, tabs, newlines) to one space, trimmed.
std::string collapse(std::string_view s);
// Text for HTML content and attribute values (double-quoted): & < > " ' escaped.
std::string html_escape(std::string_view s);
// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// True when `s` is valid UTF-8.
bool valid_utf8(std::string_view s);
// True when the line has no letters or digits (blank, rules, punctuation only).
bool is_blank_or_punct(std::string_view s);
// Code points of valid UTF-8 (what SQLite's substr() and a terminal column count).
size_t code_points(std::string_view s);
// First and last code point of a UTF-8 string (U_SENTINEL, i.e. -1, when empty).
int32_t first_code_point(std::string_view s);
int32_t last_code_point(std::string_view s);
// Lower-case first code point test helpers for dehyphenation and titles.
bool starts_lower(std::string_view s);
bool starts_upper(std::string_view s);
// Letters all in upper case ("ØKONOMIUDVALGET", "BUL"): at least one, and none in lower case.
bool in_capitals(std::string_view s);
// An upper-case letter followed by a lower-case one: a capitalised word, not one in capitals.
bool starts_capitalised(std::string_view s);
// `s` with its first code point in upper case ("byrådet" → "Byrådet").
std::string upper_first(std::string_view s);
// `s` safe to print on a terminal: control characters other than tab and newline (C0, DEL, C1)
// and the bidirectional overrides, which would move the cursor, change colours, set the window
// title or reorder the line, are shown escaped: C0 as "\x1b", the others as "\u009b", which
// is also how JSON escapes them (JSON text has its C0 characters escaped already).
std::string printable(std::string_view s);
// A real calendar date written YYYY-MM-DD ("2020-02-29" is one, "2021-02-29" and "2020-13-01"
// are not).
bool is_iso_date(std::string_view s);

}  // namespace referat::text
