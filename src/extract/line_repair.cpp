// Layout repair shared by PDF and text input: everything that works on lines of text alone.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>
#include <set>

#include "extract/extract.hpp"
#include "extract/lines.hpp"
#include "util/text.hpp"

namespace referat::extract {

namespace {

std::string_view first_word(std::string_view s) {
    const auto end = s.find_first_of(" \t");
    return end == std::string_view::npos ? s : s.substr(0, end);
}

std::string_view last_word(std::string_view s) {
    const auto start = s.find_last_of(" \t");
    return start == std::string_view::npos ? s : s.substr(start + 1);
}

// Keeps the lines (and their styles) marked in `keep`, in order.
void keep_lines(Page& page, const std::vector<bool>& keep) {
    const bool styled = page.styles.size() == page.lines.size();
    size_t kept = 0;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        if (!keep[i]) continue;
        if (kept != i) {
            page.lines[kept] = std::move(page.lines[i]);
            if (styled) page.styles[kept] = page.styles[i];
        }
        ++kept;
    }
    page.lines.resize(kept);
    if (styled) page.styles.resize(kept);
}

// Ligatures (ﬁ → fi) and full-width forms are expanded with NFKC, every run of spaces of any
// kind (NBSP, thin space) becomes one plain space (tabs stay: they separate table cells), and soft
// hyphens and zero-width characters, which only mark possible breaks, go. Other compatibility
// characters (½, m², …) are kept as printed.
std::string clean_characters(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
    const auto n = static_cast<int32_t>(line.size());
    int32_t i = 0;
    while (i < n) {
        // A run of ASCII other than the space is kept as it is (the space is ASCII's only space
        // separator).
        int32_t end = i;
        while (end < n && bytes[end] < 0x80 && bytes[end] != ' ') ++end;
        if (end > i) {
            out.append(line.substr(i, end - i));
            i = end;
            continue;
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        const auto character = line.substr(start, i - start);
        if (c < 0) continue;  // invalid UTF-8 cannot come from the decoders; drop it if it does
        if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF) continue;
        if (u_charType(c) == U_SPACE_SEPARATOR) {
            if (out.empty() || out.back() != ' ') out += ' ';  // "1.      Task" → "1. Task"
        } else if ((c >= 0xFB00 && c <= 0xFB4F) || (c >= 0xFF00 && c <= 0xFFEF))
            out += text::nfkc(character);
        else
            out += character;
    }
    return out;
}

// A table rule of a text export: "--\t----", "=====", "____".
bool is_rule_line(std::string_view line) {
    int rule_chars = 0;
    for (const char c : line) {
        if (c == '-' || c == '_' || c == '=' || c == '*')
            ++rule_chars;
        else if (c != ' ' && c != '\t')
            return false;
    }
    return rule_chars >= 2;
}

// The text ends in a page number: "...\tSide 3", "... Side 5 af 16", "... 3/16".
bool ends_in_page_number(std::string_view line, const rules::Rules& rules) {
    const auto fields = tab_fields(line);
    if (fields.empty()) return false;
    const std::string& last = fields.back();
    if (rules.full_match("layout.page_number", last)) return true;
    // Without tabs the number is the last one to four words ("Side", "5", "af", "16").
    std::vector<size_t> word_starts;
    for (size_t i = 0; i < last.size(); ++i)
        if (last[i] != ' ' && (i == 0 || last[i - 1] == ' ')) word_starts.push_back(i);
    for (size_t n = 1; n <= 4 && n < word_starts.size(); ++n)
        if (rules.full_match("layout.page_number",
                             last.substr(word_starts[word_starts.size() - n])))
            return true;
    return false;
}

// Page headers and footers of text exports. Recognised by page numbers and by digits that change
// while the rest repeats, never by wording alone: "Afbud:" or a committee name repeat verbatim in
// the body and must stay.
void remove_text_furniture(ExtractedText& doc, const rules::Rules& rules) {
    std::map<std::string, std::set<std::string>> variants;  // masked form → raw forms
    std::map<std::string, int> repeats;
    std::vector<std::vector<std::string>> masks;  // of every line, computed once
    for (const auto& page : doc.pages) {
        auto& page_masks = masks.emplace_back();
        for (const auto& line : page.lines) {
            const auto& masked = page_masks.emplace_back(digits_masked(line));
            if (masked.find('#') == std::string::npos) continue;
            ++repeats[masked];
            variants[masked].insert(text::collapse(line));
        }
    }
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        auto& page = doc.pages[p];
        std::vector<bool> keep(page.lines.size(), true);
        bool after_header = false;
        bool after_label = false;  // the line before is a case number's label alone ("Sagsnr:")
        for (size_t i = 0; i < page.lines.size(); ++i) {
            const auto& line = page.lines[i];
            const auto trimmed = text::trim(line);
            const auto fields = tab_fields(line);
            const auto& masked = masks[p][i];
            const bool numbered_header = line.find('\t') != std::string::npos &&
                                         fields.size() <= 4 && trimmed.size() <= 160 &&
                                         ends_in_page_number(line, rules);
            // Table rows ("2020:\t525\tbørn") repeat with changing digits too; a page number
            // at the end is what makes a repeated line furniture.
            const bool changing_repeat = repeats[masked] >= 3 && variants[masked].size() >= 2 &&
                                         ends_in_page_number(line, rules);
            // The second row of a two-row header table: "Udvalget for Børn & Ungdom\t\t".
            const bool header_row =
                after_header && !trimmed.empty() && line.back() == '\t' && fields.size() <= 2;
            // A labelled value is body text, whatever its digits look like ("Sagsnr.: 22/131").
            // The value may stand on the line after its label ("Sagsnr:" / "09/141").
            const bool has_label = rules.partial_match("layout.not_furniture", trimmed);
            const bool labelled = has_label || (after_label && !trimmed.empty());
            if (!trimmed.empty())
                after_label = has_label && rules.full_match("layout.not_furniture", trimmed);
            if ((!labelled && rules.full_match("layout.page_number", trimmed)) ||
                (!labelled && (numbered_header || changing_repeat || header_row))) {
                after_header = true;
                keep[i] = false;
                continue;
            }
            after_header = false;
            // A rule line still separates what is above from what is below.
            if (is_rule_line(line)) page.lines[i].clear();
        }
        keep_lines(page, keep);
    }
}

// A table of contents repeats every item title, which would confuse the segmenter. Entries count
// when at least two come together or when a heading like "Indholdsfortegnelse" introduces them.
void remove_table_of_contents(Page& page, const rules::Rules& rules) {
    auto& lines = page.lines;
    std::vector<bool> drop(lines.size(), false);
    size_t i = 0;
    while (i < lines.size()) {
        if (!rules.full_match("layout.toc_entry", lines[i])) {
            ++i;
            continue;
        }
        // A run of entries; blank lines between them belong to the run.
        size_t end = i, entries = 0;
        for (size_t j = i; j < lines.size(); ++j) {
            if (lines[j].empty()) continue;
            if (!rules.full_match("layout.toc_entry", lines[j])) break;
            ++entries;
            end = j + 1;
        }
        size_t heading = i;
        while (heading > 0 && lines[heading - 1].empty()) --heading;
        const bool has_heading =
            heading > 0 && rules.full_match("layout.toc_heading", lines[heading - 1]);
        if (entries >= 2 || has_heading) {
            for (size_t j = has_heading ? heading - 1 : i; j < end; ++j) drop[j] = true;
        }
        i = end;
    }
    drop.flip();
    keep_lines(page, drop);
}

// Text lines are paragraphs already; only a word hyphenated at a line end is joined back.
void join_hyphenated_lines(Page& page, const rules::Rules& rules) {
    std::vector<bool> keep(page.lines.size(), true);
    size_t last = 0;  // the line the next one may join
    for (size_t i = 0; i < page.lines.size(); ++i) {
        if (i > 0 && ends_with_word_hyphen(page.lines[last]) && text::starts_lower(page.lines[i])) {
            page.lines[last] = join_wrapped(page.lines[last], page.lines[i], rules);
            keep[i] = false;
        } else {
            last = i;
        }
    }
    keep_lines(page, keep);
}

// NFC, no blank line at the start or end of a page and never two in a row.
void finish_lines(Page& page) {
    std::vector<bool> keep(page.lines.size(), true);
    bool previous_blank = true;  // a blank line at the start goes
    for (size_t i = 0; i < page.lines.size(); ++i) {
        auto& line = page.lines[i];
        if (line.empty() && previous_blank) keep[i] = false;
        previous_blank = line.empty();
        if (!line.empty()) line = text::nfc(line);
    }
    for (size_t i = page.lines.size(); i-- > 0 && (page.lines[i].empty() || !keep[i]);)
        keep[i] = false;
    keep_lines(page, keep);
}

}  // namespace

std::string digits_masked(std::string_view line) {
    std::string out = text::collapse(line);
    size_t kept = 0;  // rewritten in place: the masked text is never longer
    for (size_t i = 0; i < out.size(); ++i) {
        const char c = out[i];
        if (c < '0' || c > '9')
            out[kept++] = c;
        else if (kept == 0 || out[kept - 1] != '#')
            out[kept++] = '#';
    }
    out.resize(kept);
    return out;
}

std::vector<std::string> tab_fields(std::string_view line) {
    std::vector<std::string> fields;
    size_t start = 0;
    while (start <= line.size()) {
        auto end = line.find('\t', start);
        if (end == std::string_view::npos) end = line.size();
        if (auto f = text::trim(line.substr(start, end - start)); !f.empty()) fields.push_back(f);
        start = end + 1;
    }
    return fields;
}

bool ends_with_word_hyphen(std::string_view line) {
    if (line.size() < 2 || line.back() != '-') return false;
    return u_isalpha(text::last_code_point(line.substr(0, line.size() - 1)));
}

std::string join_wrapped(std::string_view prev, std::string_view next, const rules::Rules& rules) {
    std::string joined(prev);
    if (ends_with_word_hyphen(prev)) {
        if (rules.full_match("layout.suspended_compound_next", first_word(next))) {
            if (next.front() != ',') joined += ' ';
        } else if (text::starts_lower(next) &&
                   !rules.full_match("layout.hard_hyphen_prefix",
                                     last_word(prev.substr(0, prev.size() - 1)))) {
            joined.pop_back();  // the hyphen only split the word
        }
        // Before a capital the hyphen is part of the word: "EU-" + "Kommissionen".
        return joined + std::string(next);
    }
    const bool digit_range = prev.size() >= 2 && prev.back() == '-' &&
                             u_isdigit(text::last_code_point(prev.substr(0, prev.size() - 1))) &&
                             u_isdigit(text::first_code_point(next));
    if (!digit_range && prev.back() != '/') joined += ' ';
    return joined + std::string(next);
}

void repair_layout(ExtractedText& doc, const rules::Rules& rules) {
    for (auto& page : doc.pages) {
        for (auto& line : page.lines) {
            line = clean_characters(line);
            // Trailing tabs are kept for now: they mark the empty cells of a header table.
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
            if (text::is_blank(line)) line.clear();
        }
    }
    remove_text_furniture(doc, rules);
    for (auto& page : doc.pages) {
        for (auto& line : page.lines) line = text::trim(line);
        remove_table_of_contents(page, rules);
        join_hyphenated_lines(page, rules);
        finish_lines(page);
    }
}

}  // namespace referat::extract
