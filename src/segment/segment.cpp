// Repaired lines → agenda items, each a list of headed sections.
//
// Minutes mark their items in one of three ways, tried in this order:
// 1. numbered headings in any of the forms of `item.heading` ("212. Titel", "Punkt 12: Titel",
//    "• 35" with the title on the next line, "1. 1. Titel"), accepted on the evidence after them
//    (a section that opens an item, a case number, a bold line) and on their running order;
// 2. separator lines between items ("Åben", "Lukket"), `item.separator`;
// 3. nothing but the repeated section structure: each item repeats the same sequence of headed
//    sections (the template), and an item begins where the sequence starts over. The template is
//    learnt from the document: which heading usually follows which.
// The three are one file, longer than most, because each falls back to the next on the same
// lines and heading evidence; split, they would have to share those internals through a header.
#include "segment/segment.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "segment/headings.hpp"
#include "util/text.hpp"

namespace referat::segment {

namespace {

struct Line {
    std::string text;
    int page = 1;
    bool styled = false;  // set as a heading in the source (bold, larger, an HTML heading)
    std::optional<Section> heading;
};

// Sections that begin an item's body: a numbered line followed by one of these is an item.
bool opens_item(SectionKind k) {
    return k == SectionKind::CaseNumber || k == SectionKind::Resume ||
           k == SectionKind::Recommendation || k == SectionKind::CaseText ||
           k == SectionKind::Attachments || k == SectionKind::Process ||
           k == SectionKind::Competence;
}

// Sections whose content may stand on the heading line ("Sagsnr.: 17/6692") in any position.
// For the others, inline content is only taken for the item's first section of that kind, so that
// a narrative line like "Beslutning: ... godkendes." inside a case history does not open a section.
bool inline_always(SectionKind k) {
    return k == SectionKind::CaseNumber || k == SectionKind::Competence ||
           k == SectionKind::Orientation || k == SectionKind::Decision;
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
    std::string out;
    out.reserve(s.size());
    size_t start = 0;
    for (size_t pos; (pos = s.find(from, start)) != std::string_view::npos;
         start = pos + from.size())
        out.append(s.substr(start, pos - start)).append(to);
    out.append(s.substr(start));
    return out;
}

std::optional<int> to_int(const std::string& s) {
    if (s.empty() || s.size() > 6) return std::nullopt;
    return std::stoi(s);
}

bool ends_like_sentence(std::string_view s) {
    return !s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':');
}

// The names of a template's decision and case number headings, whatever their wording.
constexpr const char* kDecisionToken = "#decision";
constexpr const char* kCaseNumberToken = "#case_number";

// The heading text a template compares: case and colon do not matter.
std::string heading_token(const Section& s) {
    std::string t = text::fold(text::trim(s.heading));
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
    return t;
}

}  // namespace

std::vector<std::string> clean_markup(std::string_view line) {
    std::string s(line);
    if (s.find('<') != std::string::npos) {
        static const RE2 block_tag(R"((?i)<\s*/?\s*(?:br|p|div|li|h\d|tr|ul|ol|table)\b[^>]*>)");
        static const RE2 any_tag(R"(<[^>]{1,200}>)");
        RE2::GlobalReplace(&s, block_tag, "\n");
        RE2::GlobalReplace(&s, any_tag, "");
    }
    if (s.find('&') != std::string::npos) {
        for (auto [from, to] : {std::pair{"&nbsp;", " "},
                                {"&lt;", "<"},
                                {"&gt;", ">"},
                                {"&quot;", "\""},
                                {"&#39;", "'"},
                                {"&amp;", "&"}})
            s = replace_all(s, from, to);
    }
    // Bold markers run headings together: "**Indstilling:****Beslutningskompetence:**".
    s = replace_all(s, "**", "\n");
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const auto nl = s.find('\n', start);
        auto part = text::trim(std::string_view(s).substr(start, nl - start));
        // Markdown heading marks ("## Beslutning") carry no meaning here.
        const auto hashes = part.find_first_not_of('#');
        if (hashes != 0 && hashes != std::string::npos && part[hashes] == ' ')
            part = text::trim(part.substr(hashes));
        out.push_back(part);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

struct Segmenter::Impl {
    const rules::Rules& rules;
    HeadingMatcher headings;

    explicit Impl(const rules::Rules& r) : rules(r), headings(r) {}

    // ---- lines ------------------------------------------------------------------------------

    // A web page's controls ("Åbn/luk punkt", "Til toppen") go; a label glued to its value by a
    // lost line break ("UdvalgBørn, Unge og Læring") gets its colon back.
    std::vector<std::string> normalise(std::string line) const {
        if (rules.full_match("layout.ui_noise", line)) return {};
        for (const auto& p : rules.get("layout.ui_suffix")) RE2::Replace(&line, *p.re, "");
        if (auto g = rules.first_match("layout.ui_prefix", line, true)) line = (*g)["rest"];
        if (auto g = rules.first_match("layout.glued_label", line, true))
            return {(*g)["label"], text::trim((*g)["value"])};
        return {text::trim(line)};
    }

    // The lines of a page that a PDF-to-text rendering put on one line: broken before each label
    // and heading, its page artefacts dropped, a label alone joined to what follows it.
    // A label of a few words alone ("Sagsbehandler:"); a long line ending in a colon introduces
    // what follows.
    bool is_label_only(std::string_view line) const {
        constexpr size_t kLabelChars = 42;
        return text::code_points(line) <= kLabelChars &&
               rules.full_match("layout.label_only", line);
    }

    std::vector<std::string> unflatten(const std::string& page_text) const {
        std::vector<std::string> parts;
        size_t from = 0;
        auto starts = rules.match_starts("layout.flat_break", page_text);
        starts.push_back(page_text.size());
        for (const size_t at : starts) {
            if (at <= from && at != page_text.size()) continue;
            std::string part = page_text.substr(from, at - from);
            for (const auto& p : rules.get("layout.flat_drop"))
                RE2::GlobalReplace(&part, *p.re, " ");
            part = text::collapse(part);
            // A label whose value was lost ("Beslutningskompetence:") keeps no heading after it.
            if (!parts.empty() && is_label_only(parts.back()) && !headings.match(part))
                parts.back() += " " + part;
            else if (!part.empty())
                parts.push_back(std::move(part));
            from = at;
        }
        return parts;
    }

    // Which lines are whole pages of such a rendering: long lines that start with the page
    // numbers in sequence (a shorter page of the sequence counts too).
    std::vector<std::vector<bool>> flat_pages(const ExtractedText& input) const {
        std::vector<std::vector<bool>> flat;
        int expected = 0, long_pages = 0;
        for (const auto& page : input.pages) {
            auto& marks = flat.emplace_back(page.lines.size(), false);
            for (size_t i = 0; i < page.lines.size(); ++i) {
                const auto& line = page.lines[i];
                size_t digits = 0;
                while (digits < line.size() && digits < 4 &&
                       std::isdigit(static_cast<unsigned char>(line[digits])))
                    ++digits;
                if (digits == 0 || digits > 3 || digits >= line.size() || line[digits] != ' ')
                    continue;
                const int number = std::stoi(line.substr(0, digits));
                if (expected == 0 ? number > 3 : number != expected) continue;
                marks[i] = true;
                expected = number + 1;
                if (rules.full_match("layout.flat_page", line)) ++long_pages;
            }
        }
        if (long_pages < 2) flat.assign(flat.size(), {});
        return flat;
    }

    // A heading run onto the end of the line before it by a lost line break: "… vigtigt bidrag
    // til børne- og ungepolitikken. Beskrivelse af sagen", with no space left at all: "… den
    // 12. september 2016Beslutning", or an item heading after the last line of the contents:
    // "… og handlingsplaner174. Godkendelse af dagsorden". A heading starts upper-case: "… til
    // Kommunalbestyrelsens 2. behandling" ends in an ordinal and a word, not in a heading.
    std::vector<std::string> split_trailing_heading(std::string line) const {
        if (const auto stop = line.rfind(". ");
            stop != std::string::npos && line.size() - stop <= 60) {
            auto tail = line.substr(stop + 2);
            // "3. Redegørelse" is an item's number and title.
            const auto head = text::trim(line.substr(0, stop));
            const bool number_only = std::all_of(head.begin(), head.end(), [](char ch) {
                return std::isdigit(static_cast<unsigned char>(ch));
            });
            if (!number_only && text::starts_upper(tail) && is_section_heading_alone(tail))
                return {line.substr(0, stop + 1), std::move(tail)};
        }
        if (const auto glued = last_glued_word(line); glued > 0) {
            auto tail = line.substr(glued);
            auto head = line.substr(0, glued);
            // "… til anden behandling.Beslutning fra forretningsudvalget, 23. november 2021,
            // pkt. 17:": another body's decision quoted after the sentence before.
            const auto quoted = [&] {
                const auto h = head.ends_with('.') ? headings.match(tail) : std::nullopt;
                return h && h->kind == SectionKind::QuotedDecision;
            };
            // "1. Meddelelse fra formandenReferat": the decision's heading after the title.
            const bool decision_after_title = rules.full_match("section.decision_in_item", tail) &&
                                              rules.full_match("item.heading", head);
            if ((line.size() - glued <= 40 && is_section_heading_alone(tail)) ||
                (std::isdigit(static_cast<unsigned char>(tail[0])) &&
                 rules.full_match("item.heading", tail)) ||
                decision_after_title || quoted())
                return {std::move(head), std::move(tail)};
        }
        if (const auto g = rules.first_match("layout.glued_after_date", line, false)) {
            const auto& next = g->at("next");
            if (rules.full_match("item.heading", next)) {
                const auto at = line.size() - next.size();
                return {line.substr(0, at), line.substr(at)};
            }
        }
        return {std::move(line)};
    }

    static bool starts_with_at(std::string_view s) {
        return s.size() > 3 && (s.starts_with("at ") || s.starts_with("At "));
    }

    bool is_section_heading_alone(std::string_view s) const {
        const auto h = headings.match(s);
        return h && h->lines.empty() && h->kind != SectionKind::QuotedDecision;
    }

    // Where the last word glued on by a lost line break starts: a capital after a lower-case
    // letter, a digit or the end of a sentence ("2016Beslutning", "til næste møde.Beslutning"),
    // or a digit after a lower-case letter ("handlingsplaner174."); 0 when there is none.
    static size_t last_glued_word(std::string_view line) {
        const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
        const auto n = static_cast<int32_t>(line.size());
        size_t found = 0;
        UChar32 previous = U_SENTINEL;
        for (int32_t i = 0; i < n;) {
            const int32_t at = i;
            UChar32 c;
            U8_NEXT(bytes, i, n, c);
            const bool after_word = u_islower(previous) || u_isdigit(previous) || previous == '.' ||
                                    previous == '!' || previous == '?' || previous == ')';
            if ((u_isupper(c) && after_word) || (u_isdigit(c) && u_islower(previous)))
                found = static_cast<size_t>(at);
            previous = c;
        }
        return found;
    }

    std::vector<Line> lines_of(const ExtractedText& input) const {
        std::vector<Line> lines;
        const auto flat = flat_pages(input);
        for (size_t p = 0; p < input.pages.size(); ++p) {
            const auto& page = input.pages[p];
            for (size_t i = 0; i < page.lines.size(); ++i) {
                std::vector<std::string> parts;
                if (i < flat[p].size() && flat[p][i]) {
                    const auto& line = page.lines[i];
                    parts = unflatten(text::trim(line.substr(line.find(' '))));
                    parts.emplace_back();  // a page break ends a paragraph
                } else {
                    for (auto& part : clean_markup(page.lines[i]))
                        for (auto& piece : split_trailing_heading(std::move(part)))
                            parts.push_back(std::move(piece));
                }
                for (auto& part : parts) {
                    for (auto& text : normalise(std::move(part))) {
                        // Keep single blank lines: they separate paragraphs and name lists.
                        if (text.empty() && (lines.empty() || lines.back().text.empty())) continue;
                        Line line{std::move(text), page.number, page.is_heading(i), std::nullopt};
                        line.heading = headings.match(line.text);
                        lines.push_back(std::move(line));
                    }
                }
            }
        }
        return lines;
    }

    // The next non-blank line at or after `i`, or lines.size().
    static size_t next_text(const std::vector<Line>& lines, size_t i) {
        while (i < lines.size() && lines[i].text.empty()) ++i;
        return i;
    }

    // The last non-blank line before `i`, or lines.size() when there is none.
    static size_t previous_text(const std::vector<Line>& lines, size_t i) {
        while (i > 0 && lines[i - 1].text.empty()) --i;
        return i == 0 ? lines.size() : i - 1;
    }

    bool is_link_line(const std::string& line) const {
        return rules.partial_match("attachment.link_marker", line);
    }

    bool is_case_number_line(const std::string& line) const {
        return rules.full_match("case.unlabelled", line);
    }

    // "Sagnr.: 1-30-11-06-V": a case number's heading with its value on the line.
    static bool is_labelled_case_number(const Line& line) {
        return line.heading && line.heading->kind == SectionKind::CaseNumber &&
               !line.heading->lines.empty();
    }

    // ---- numbered items ----------------------------------------------------------------------

    enum class Evidence { None, Weak, DecisionFollows, Strong };

    struct Candidate {
        size_t line = 0;
        size_t body = 0;  // first line after the heading (and after a title on its own line)
        int number = 0;
        std::string title;
        Evidence evidence = Evidence::None;
        bool toc = false;        // an entry of a table of contents: the same heading comes again
        bool paragraph = false;  // too long for a title: a numbered paragraph or point
        bool needs_section =
            false;  // "38Godkendelse", "88 Indkaldelse": only where a section follows
    };

    // Longer than any title: a numbered paragraph ("1. Kommune- og Regionsorientering for
    // september 2023, om hvordan ..."), or a title run into its text by a lost line break.
    static constexpr size_t kMaxTitle = 250;

    std::optional<Candidate> candidate(const std::vector<Line>& lines, size_t i) const {
        const auto& line = lines[i].text;
        auto g = rules.first_match("item.heading", line, true);
        bool glued = false;
        if (!g) {
            g = rules.first_match("item.weak_heading", line, true);
            glued = g.has_value();
            // "Skelbækvej 2" / "6200 Aabenraa": an address, not item 6200.
            if (g && rules.full_match("layout.postcode_line", line))
                if (const size_t t = previous_text(lines, i);
                    t < lines.size() && rules.full_match("layout.street_line", lines[t].text))
                    return std::nullopt;
        }
        // The title on the line before, the number after it: "Spørgetid" / "Sag nr. 129".
        if (!g) {
            auto number = rules.first_match("item.number_line", line, true);
            const size_t t = previous_text(lines, i);
            if (!number || t == lines.size() || lines[t].heading ||
                ends_like_sentence(lines[t].text) || lines[t].text.size() > kMaxTitle)
                return std::nullopt;
            auto n = to_int((*number)["number"]);
            if (!n) return std::nullopt;
            return Candidate{t, i + 1, *n, lines[t].text};
        }
        if (!g) return std::nullopt;
        auto n = to_int((*g)["number"]);
        if (!n || *n == 0) return std::nullopt;  // "00 Referat uden bilag": no item is numbered 0
        Candidate c{i, i + 1, *n, text::trim((*g)["title"])};
        // A table of contents that survived extraction must not be taken for the agenda.
        if (rules.full_match("layout.toc_entry", line)) return std::nullopt;
        if (c.title.empty()) {
            // "• 35" with the title on the next line.
            const size_t t = next_text(lines, i + 1);
            if (t >= lines.size() || lines[t].heading ||
                rules.full_match("item.heading", lines[t].text) ||
                rules.full_match("item.weak_heading", lines[t].text))
                return std::nullopt;
            c.title = lines[t].text;
            c.body = t + 1;
        }
        // The number printed twice: "1. 1. Godkendelse af dagsordenen"; not an ordinal that
        // starts the title: "2: 2. behandling af budgettet".
        const std::string again = std::to_string(*n);
        if (c.title.starts_with(again)) {
            const auto rest = std::string_view(c.title).substr(again.size());
            if ((rest.starts_with(". ") || rest.starts_with(" ")) &&
                !text::starts_lower(text::trim(rest.substr(1))))
                c.title = text::trim(rest.substr(1));
        }
        // Recommendation points start lower-case ("1. at ..."); titles do not. A title has
        // letters: "1.079" is an amount in a table's cell.
        if (text::starts_lower(c.title) && !rules.partial_match("item.bulleted", line))
            return std::nullopt;
        if (std::none_of(c.title.begin(), c.title.end(), [](char ch) {
                return std::isalpha(static_cast<unsigned char>(ch)) || (ch & 0x80);
            }))
            return std::nullopt;
        c.paragraph = c.title.size() > kMaxTitle;
        c.needs_section = glued;
        return c;
    }

    // "Beslutning" / "Deltog ikke: …" / "1. Godkendt": the first point of a decision whose heading
    // stands a few lines above it, after the first section of the document (so not a title of
    // the minutes, "Beslutninger").
    static bool first_point_of_decision(const std::vector<Line>& lines, size_t at,
                                        size_t first_section) {
        constexpr size_t kLinesBetween = 3;
        for (size_t i = at, seen = 0; i-- > 0 && seen <= kLinesBetween;) {
            if (lines[i].text.empty()) continue;
            if (const auto& h = lines[i].heading)
                return h->kind == SectionKind::Decision && h->lines.empty() && i > first_section;
            ++seen;
        }
        return false;
    }

    Evidence evidence_for(const std::vector<Line>& lines, const Candidate& c) const {
        const auto& line = lines[c.line].text;
        // A system's own numbering ("ØU-55/07-O") marks an item even when the title runs on.
        if (rules.partial_match("item.system_number", line)) return Evidence::Strong;
        if (c.paragraph) return Evidence::None;
        if (rules.partial_match("item.bulleted", line) ||
            rules.partial_match("item.closed", line) || rules.partial_match("item.closed", c.title))
            return Evidence::Strong;
        Evidence found = Evidence::Weak;  // the last line of the document: a closed item
        bool title_again = false;
        for (size_t j = c.body, seen = 0; j < lines.size() && seen < 3; ++j) {
            // The title printed again under the heading ("1. Titel" / "1. Titel"), "Åben sag":
            // the body is after them.
            if (seen == 0 && !lines[j].text.empty() &&
                text::fold(lines[j].text) == text::fold(c.title))
                title_again = true;
            if (lines[j].text.empty() || same_title(lines[j].text, c.title) ||
                rules.full_match("item.separator", lines[j].text) || repeats_heading(lines, j, c))
                continue;
            ++seen;
            if (is_link_line(lines[j].text) || is_case_number_line(lines[j].text)) {
                found = Evidence::Strong;
                break;
            }
            if (rules.full_match("section.decision_in_item", lines[j].text)) {
                found = Evidence::DecisionFollows;
                break;
            }
            if (const auto& h = lines[j].heading) {
                found = opens_item(h->kind) ? Evidence::Strong : Evidence::Weak;
                // Decision first ("1. Godkendelse af dagsorden" / "Beslutning …"): an item,
                // unless the line is one point of a list (judged where the list is seen).
                if (h->kind == SectionKind::Decision || h->kind == SectionKind::QuotedDecision)
                    found = Evidence::DecisionFollows;
                break;
            }
            if (rules.full_match("item.heading", lines[j].text) ||
                rules.full_match("item.weak_heading", lines[j].text)) {
                found = Evidence::Weak;
                break;
            }
            found = seen == 1 && c.body > c.line + 1 ? Evidence::Weak : Evidence::None;
            // A wrapped title, a category line or a label of the system ("A. Sager til
            // afgørelse", "Sagsbehandler:") may come before the body; a sentence is the body.
            if (!ends_like_sentence(lines[j].text) || is_label_only(lines[j].text)) continue;
            break;
        }
        // A heading set in bold, named "Punkt 12" or with its title printed again under it
        // ("2. Meddelelser" / "Meddelelser") is one unless it reads like a sentence.
        if (found < Evidence::Strong && !ends_like_sentence(c.title) &&
            (lines[c.line].styled || rules.partial_match("item.named", line) || title_again))
            found = Evidence::Strong;
        return found;
    }

    bool introduces_list(const std::vector<Line>& lines, const Candidate& c) const {
        size_t i = c.line;
        while (i > 0 && lines[i - 1].text.empty()) --i;
        if (i == 0) return false;
        const auto& prev = lines[i - 1].text;
        // "Beslutning:" left empty, then "2. Lokalplan 12": a list under a heading starts at 1.
        if (lines[i - 1].heading && c.number != 1) return false;
        // "Fraværende:" with no names is a label of the header, not the start of a list.
        if (rules.first_match("absence.label", prev, true)) return false;
        if (!prev.empty() && prev.back() == ':') return true;
        return prev.size() >= 3 && prev.compare(prev.size() - 3, 3, " at") == 0;
    }

    // Whether line j prints the heading of `c` again ("2. Titel" under "2. Titel").
    bool repeats_heading(const std::vector<Line>& lines, size_t j, const Candidate& c) const {
        if (lines[j].heading) return false;
        auto g = rules.first_match("item.heading", lines[j].text, true);
        return g && to_int((*g)["number"]) == c.number &&
               (same_title(text::trim((*g)["title"]), c.title) || (*g)["title"].empty());
    }

    // Whether two titles are one heading, one of them cut short (a table of contents line).
    static bool same_title(const std::string& a, const std::string& b) {
        const auto fa = text::fold(text::collapse(a)), fb = text::fold(text::collapse(b));
        if (fa.empty() || fb.empty()) return false;
        const size_t n = std::min(fa.size(), fb.size());
        return n >= 8 ? fa.compare(0, n, fb, 0, n) == 0 : fa == fb;
    }

    // A wrapped line can start with a year or an amount ("2025. Der er afsat midler ...") and
    // look like an item heading; but the next item skips at most a few closed or withdrawn
    // numbers.
    static constexpr int kMaxSkip = 50;

    std::vector<Candidate> find_numbered_items(const std::vector<Line>& lines) const {
        std::vector<Candidate> all;
        for (size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].text.empty() || lines[i].heading) continue;
            if (auto c = candidate(lines, i)) {
                c->evidence = evidence_for(lines, *c);
                all.push_back(std::move(*c));
            }
        }
        // A list of the items before the items themselves (contents, "PUNKTER"): its entries come
        // again later with the same number and title, and the list is one run of headings with
        // nothing between them (the minutes may be cut before the later ones come again).
        // The same heading twice in a row ("2. Titel" / "2. Titel", "• Pkt. 42 Titel" / "Pkt. 42")
        // is one heading: the second is dropped.
        for (size_t a = 0; a + 1 < all.size(); ++a)
            if (!all[a].toc && all[a + 1].number == all[a].number &&
                repeats_heading(lines, all[a + 1].line, all[a]) &&
                next_text(lines, all[a].line + 1) == all[a + 1].line)
                all[a + 1].toc = true;
        for (size_t a = 0; a < all.size(); ++a)
            for (size_t b = a + 1; b < all.size() && !all[a].toc; ++b)
                all[a].toc = !all[b].toc && all[b].number == all[a].number &&
                             all[a].evidence < Evidence::DecisionFollows &&
                             same_title(all[a].title, all[b].title);
        // A heading followed by a section is no entry of a list, whatever lies before it.
        auto section_follows = [&](const Candidate& c) {
            const size_t next = next_text(lines, c.body);
            return next < lines.size() && lines[next].heading.has_value();
        };
        auto in_one_list = [&](const Candidate& a, const Candidate& b) {
            return next_text(lines, a.body) == b.line && b.number == a.number + 1 &&
                   !section_follows(b);
        };
        for (size_t a = 0; a + 1 < all.size(); ++a)
            if (in_one_list(all[a], all[a + 1]) && (all[a].toc || all[a + 1].toc))
                all[a].toc = all[a + 1].toc = true;
        for (size_t a = all.size(); a-- > 1;)
            if (in_one_list(all[a - 1], all[a]) && all[a].toc) all[a - 1].toc = true;

        // A numbered heading above every section of the document, with a decision under it before
        // the next heading, opens the first item even when other lines stand between them
        // ("2. Godkendelse af dagsordnen" / "Fraværende med afbud: …" / "Beslutning").
        const auto first_heading = std::find_if(
            lines.begin(), lines.end(), [](const Line& l) { return l.heading.has_value(); });
        const size_t first_section = static_cast<size_t>(first_heading - lines.begin());
        for (size_t a = 0; a < all.size(); ++a) {
            auto& c = all[a];
            if (c.toc || c.evidence != Evidence::None || c.line > first_section || c.paragraph)
                continue;
            const size_t span_end = a + 1 < all.size() ? all[a + 1].line : lines.size();
            for (size_t j = c.body; j < span_end; ++j)
                if (lines[j].heading && lines[j].heading->kind == SectionKind::Decision) {
                    c.evidence = Evidence::Strong;
                    break;
                }
        }

        // What each candidate's evidence comes to in its place.
        std::vector<Candidate> kept;
        std::vector<int> weight;
        const Candidate* previous = nullptr;
        bool previous_pointish = false;
        for (auto& c : all) {
            if (c.toc) continue;
            auto evidence = c.evidence;
            // A line ending in ":" or ", at" introduces a list: what follows are its points.
            if (evidence == Evidence::Weak && introduces_list(lines, c)) evidence = Evidence::None;
            // Numbered points run in sequence ("1.", "2."): the next one is not an item, also
            // after a point in lower case ("1. anbefalinger til …" / "2. Udvalget …").
            const size_t before = previous_text(lines, c.line);
            const auto point = before < lines.size() && !lines[before].heading
                                   ? rules.first_match("point.numbered", lines[before].text, true)
                                   : std::nullopt;
            // "1. at Udvalget godkender dagsordenen." / "2. Budgetopfølgning 1": the points of an
            // Indstilling each begin "at"; a heading after the last one is no point.
            const bool after_point =
                point && to_int(point->at("n")) == c.number - 1 &&
                !(starts_with_at(point->at("text")) && !starts_with_at(c.title));
            const bool continues_points =
                (previous && previous_pointish && c.number == previous->number + 1) || after_point;
            // After a point in lower case even a line with a section after it is the next point,
            // and so is a sentence after the point before it ("3. Orientering fra
            // Administrationen." / "4. Masterplan … er vedlagt." / "Indstilling").
            if (after_point &&
                (text::starts_lower(point->at("text")) || ends_like_sentence(c.title)))
                evidence = Evidence::None;
            if (c.number == 1 && first_point_of_decision(lines, c.line, first_section))
                evidence = Evidence::None;
            // Right under a point numbered as high or higher: a list inside a point ("1. De
            // modtagne ændringsforslag …" / "1. Der foretages afstemning …"), or the outer list
            // going on after it ("4. …" / "2. Der anvendes …").
            if (evidence == Evidence::Weak && point && to_int(point->at("n")) >= c.number)
                evidence = Evidence::None;
            if (evidence == Evidence::DecisionFollows)
                evidence =
                    continues_points || introduces_list(lines, c) || ends_like_sentence(c.title)
                        ? Evidence::None
                        : Evidence::Strong;
            // A number glued to its title or standing bare before it is an item only where a
            // section follows.
            if (c.needs_section && evidence != Evidence::Strong) evidence = Evidence::None;
            const bool weak_item =
                evidence == Evidence::Weak && !ends_like_sentence(c.title) && !continues_points;
            previous_pointish = evidence != Evidence::Strong && !weak_item;
            previous = &c;
            if (evidence != Evidence::Strong && !weak_item) continue;
            c.evidence = evidence == Evidence::Strong ? Evidence::Strong : Evidence::Weak;
            weight.push_back(evidence == Evidence::Strong ? 3 : 1);
            kept.push_back(c);
        }
        // The items are the run of headings in rising order with the most evidence: a heading
        // followed by a section may skip a few closed or withdrawn numbers, a weaker one must be
        // the next number. A list of the items (contents) loses to the items themselves.
        std::vector<int> best(kept.size(), 0);
        std::vector<long> from(kept.size(), -1);
        for (size_t i = 0; i < kept.size(); ++i) {
            best[i] = weight[i];
            for (size_t j = 0; j < i; ++j) {
                const int gap = kept[i].number - kept[j].number;
                const bool follows =
                    kept[i].evidence == Evidence::Strong ? gap > 0 && gap <= kMaxSkip : gap == 1;
                if (follows && best[j] + weight[i] > best[i]) {
                    best[i] = best[j] + weight[i];
                    from[i] = static_cast<long>(j);
                }
            }
        }
        std::vector<Candidate> items;
        if (kept.empty()) return items;
        long at = static_cast<long>(std::max_element(best.begin(), best.end()) - best.begin());
        for (; at >= 0; at = from[static_cast<size_t>(at)])
            items.push_back(kept[static_cast<size_t>(at)]);
        std::reverse(items.begin(), items.end());
        return items;
    }

    // ---- items between separator lines -------------------------------------------------------

    // "Åben" / "Lukket" alone on a line before each item, with a section heading after it.
    std::vector<size_t> find_separated_items(const std::vector<Line>& lines) const {
        std::vector<size_t> starts;
        for (size_t i = 0; i < lines.size(); ++i) {
            if (!rules.full_match("item.separator", lines[i].text)) continue;
            const size_t next = next_text(lines, i + 1);
            if (next < lines.size() && lines[next].heading) starts.push_back(i);
        }
        return starts.size() >= 2 ? starts : std::vector<size_t>{};
    }

    // ---- items by the repeated section structure ---------------------------------------------

    // The decisions that anchor items: when some decision headings name a meeting ("Beslutning
    // i Byrådet den 22-06-2022"), those of the most named date; otherwise every decision heading.
    std::vector<bool> anchors(const std::vector<Line>& lines) const {
        std::map<std::string, int> dates;
        for (const auto& l : lines)
            if (l.heading && l.heading->kind == SectionKind::Decision &&
                !l.heading->date_text.empty())
                ++dates[text::collapse(l.heading->date_text)];
        std::string date;
        int most = 0;
        for (const auto& [d, n] : dates)
            if (n > most) most = n, date = d;
        std::vector<bool> out(lines.size(), false);
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto& h = lines[i].heading;
            if (!h || h->kind != SectionKind::Decision) continue;
            out[i] = date.empty() ? true : text::collapse(h->date_text) == date;
        }
        return out;
    }

    bool is_item_subject(const std::string& token) const {
        for (const auto& p : rules.get("section.item_subject"))
            if (RE2::FullMatch(token, *p.re)) return true;
        return false;
    }

    // A summary, or a heading that states what the item is to decide ("Beslutningstema").
    bool is_summary_heading(const std::string& token) const {
        for (const auto& p : rules.get("section.resume"))
            if (RE2::FullMatch(token, *p.re)) return true;
        return is_item_subject(token);
    }

    // An item begins where the heading sequence goes back in the template: the order in which
    // headings usually follow each other, learnt from this document (a heading seen twice in one
    // item, a second decision, or a heading that usually comes before the one it follows).
    std::vector<size_t> find_structured_items(const std::vector<Line>& lines) const {
        const auto anchor = anchors(lines);
        struct Token {
            size_t line;
            std::string name;
        };
        std::vector<Token> tokens;
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto& h = lines[i].heading;
            // A journal number printed alone ("25-008754 -") opens an item as "Sagsnr." does.
            if (!h && is_case_number_line(lines[i].text)) {
                tokens.push_back({i, kCaseNumberToken});
                continue;
            }
            // Headings without a field ("Bemærkninger") may stand anywhere, the header too.
            if (!h || h->kind == SectionKind::QuotedDecision || h->kind == SectionKind::Other)
                continue;
            std::string name;
            if (h->kind == SectionKind::Decision)
                name = anchor[i] ? kDecisionToken : (h->date_text.empty() ? heading_token(*h) : "");
            else if (h->kind == SectionKind::CaseNumber)
                name = kCaseNumberToken;
            else
                name = heading_token(*h);
            if (name.empty()) continue;
            // A heading repeated right after itself ("Sagsfremstilling" / "Sagsfremstilling:") is
            // one; a decision right after a decision is the next item's.
            if (!tokens.empty() && tokens.back().name == name && name != kDecisionToken) continue;
            tokens.push_back({i, name});
        }
        if (tokens.empty()) return {};
        std::map<std::string, int> count;
        for (const auto& t : tokens) ++count[t.name];
        // An item opens with its case number or its summary where the minutes print them for
        // most items: every one of them starts an item, and so does a second decision.
        std::string opener;
        if (count[kCaseNumberToken] >= 2 || tokens.front().name == kCaseNumberToken)
            opener = kCaseNumberToken;
        else
            for (const auto& [name, n] : count)
                if (n >= 2 && is_summary_heading(name)) opener = name;
        // Where a title stands before every decision, the decisions open the items, and a
        // "Beslutningstema" after one is that item's (decision-first minutes without numbers).
        if (!opener.empty() && is_item_subject(opener)) {
            std::vector<size_t> decisions;
            for (const auto& t : tokens)
                if (t.name == kDecisionToken) decisions.push_back(t.line);
            if (!decisions.empty() && !titles_before(lines, decisions).empty()) opener.clear();
        }
        // A summary printed once, after a decision and the sections that close its item, opens
        // the next item, whose predecessor had none: an excerpt whose second item is cut short.
        // Right under a decision it belongs to it (decision-first layouts).
        if (opener.empty())
            for (size_t t = 2; t < tokens.size(); ++t)
                if (count[tokens[t].name] == 1 && is_summary_heading(tokens[t].name) &&
                    tokens[t - 1].name != kDecisionToken &&
                    std::any_of(tokens.begin(), tokens.begin() + static_cast<long>(t),
                                [](const Token& x) { return x.name == kDecisionToken; }))
                    opener = tokens[t].name;
        if (!opener.empty()) {
            std::vector<size_t> starts{tokens.front().line};
            bool decided = tokens.front().name == kDecisionToken;
            for (size_t t = 1; t < tokens.size(); ++t) {
                const auto& name = tokens[t].name;
                const bool second_decision = name == kDecisionToken && decided;
                if (name == opener || second_decision) {
                    starts.push_back(tokens[t].line);
                    decided = false;
                }
                decided = decided || name == kDecisionToken;
            }
            return starts;
        }
        // Otherwise the template order: repeatedly the heading that most often comes before the
        // rest rather than after (the greedy ordering for a minimum feedback arc set); of headings
        // tied, the one the document prints first (an excerpt's last item may be cut short).
        std::map<std::string, std::map<std::string, int>> follows;
        for (size_t t = 1; t < tokens.size(); ++t)
            if (tokens[t - 1].name != tokens[t].name) ++follows[tokens[t - 1].name][tokens[t].name];
        std::map<std::string, size_t> first_seen;
        for (size_t t = 0; t < tokens.size(); ++t) first_seen.emplace(tokens[t].name, t);
        std::map<std::string, int> rank;
        std::set<std::string> left;
        for (const auto& [name, n] : count) left.insert(name);
        while (!left.empty()) {
            // A heading nothing left comes before goes first (a source of the graph); then the
            // one with the most following it.
            std::string best;
            long best_score = 0;
            bool best_source = false;
            for (const auto& n : left) {
                long score = 0;
                bool source = true;
                for (const auto& m : left) {
                    if (m == n) continue;
                    score += follows[n][m] - follows[m][n];
                    if (follows[m][n] > 0) source = false;
                }
                if (best.empty() || (source && !best_source) ||
                    (source == best_source &&
                     (score > best_score ||
                      (score == best_score && first_seen[n] < first_seen[best]))))
                    best = n, best_score = score, best_source = source;
            }
            rank[best] = static_cast<int>(rank.size());
            left.erase(best);
        }
        std::vector<size_t> starts{tokens.front().line};
        std::set<std::string> seen{tokens.front().name};
        for (size_t t = 1; t < tokens.size(); ++t) {
            const auto& name = tokens[t].name;
            const bool back = rank[name] <= rank[tokens[t - 1].name] || seen.count(name);
            if (back) {
                starts.push_back(tokens[t].line);
                seen.clear();
            }
            seen.insert(name);
        }
        return starts;
    }

    // In minutes without numbers an item may still print its title on the line before its first
    // heading. Taken only when the document does so before every item: the line before an item's
    // first heading is otherwise the end of the item before.
    std::vector<std::string> titles_before(const std::vector<Line>& lines,
                                           std::vector<size_t>& starts) const {
        std::vector<std::string> titles;
        std::vector<size_t> title_lines;
        for (size_t k = 0; k < starts.size(); ++k) {
            size_t t = starts[k];
            while (t > 0 && lines[t - 1].text.empty()) --t;
            const size_t floor = k == 0 ? 0 : starts[k - 1] + 1;
            if (t == 0 || t - 1 < floor) return {};
            const auto& line = lines[t - 1];
            // The first item's title follows the header; the others are set apart from the item
            // before by a blank line (a line right under a heading is that section's text).
            const bool set_apart = k == 0 || lines[t - 2].text.empty() || line.styled;
            if (line.heading || !set_apart || line.text.size() > 200 ||
                ends_like_sentence(line.text) || !text::starts_upper(line.text) ||
                rules.full_match("outcome.phrase", line.text) ||
                rules.full_match("layout.toc_heading", line.text) ||
                rules.full_match("layout.meeting_place", line.text))
                return {};
            titles.push_back(line.text);
            title_lines.push_back(t - 1);
        }
        starts = title_lines;
        return titles;
    }

    // Where each item opens with its case number, the title may stand on the line after it
    // ("Sagsnr.: 00.01.00-G01-4-19 Sagsbehandler: Marie Jensen" / "Cirkulæreskrivelser m.v.").
    // Taken only when every item does so; `title_lines` gets those lines.
    std::vector<std::string> titles_after_case_number(const std::vector<Line>& lines,
                                                      const std::vector<size_t>& starts,
                                                      std::vector<size_t>& title_lines) const {
        std::vector<std::string> titles;
        title_lines.clear();
        for (size_t k = 0; k < starts.size(); ++k) {
            const bool case_number = is_labelled_case_number(lines[starts[k]]) ||
                                     is_case_number_line(lines[starts[k]].text);
            const size_t t = next_text(lines, starts[k] + 1);
            const size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
            if (!case_number || t >= end) return {};
            const auto& line = lines[t];
            // "Cirkulæreskrivelser, orienteringssager m.v.": an abbreviation ends no sentence.
            const auto last_word = std::string_view(line.text).substr(line.text.rfind(' ') + 1);
            const bool abbreviation = std::count(last_word.begin(), last_word.end(), '.') > 1;
            if (line.heading || line.text.size() > 200 ||
                (ends_like_sentence(line.text) && !abbreviation) ||
                !text::starts_upper(line.text) || is_label_only(line.text) ||
                rules.full_match("layout.ui_noise", line.text))
                return {};
            titles.push_back(line.text);
            title_lines.push_back(t);
        }
        return titles;
    }

    // ---- item boundaries ----------------------------------------------------------------------

    struct Start {
        size_t line;  // the item's heading (its first section's, where it has none of its own)
        size_t body;  // the first line after the heading and its title
        int number;
        std::string title;
        bool closed = false;
        size_t first = line;  // the first line of the item: the heading or a line it claims
    };

    // Whether a line begins the part of the meeting closed to the public ("Lukkede
    // dagsordenspunkter", "Disse sager behandles for lukkede døre") or the open part again ("Åbne
    // punkter"); nothing for any other line.
    std::optional<bool> part_begun(const std::string& text) const {
        if (rules.full_match("item.closed_part", text)) return true;
        if (rules.full_match("item.open_part", text)) return false;
        return std::nullopt;
    }

    // The items after a line that begins the closed part, up to one that begins the open part
    // again, are closed. Only between items: a table of contents before the first one lists both.
    void mark_closed_parts(const std::vector<Line>& lines, std::vector<Start>& starts) const {
        bool closed_part = false;
        for (size_t k = 1; k < starts.size(); ++k) {
            for (size_t i = starts[k - 1].body; i < starts[k].first; ++i)
                if (const auto closed = part_begun(lines[i].text)) closed_part = *closed;
            starts[k].closed = starts[k].closed || closed_part;
        }
    }

    // Lines before an item's heading that are the item's own: a journal number printed above the
    // heading ("00.01.00-G01-24-17" / "342. Godkendelse af dagsorden"), and, where an item opens
    // with its decision heading, the text after the last attendance line of the decision before
    // ("Fraværende med afbud: …" / "Sagen omhandler salg af ejendom …").
    // A labelled case number ("Sagnr.: 1-30-11-06-V") is claimed so only where the first item
    // prints one above its heading too: elsewhere it may close the item before.
    void claim_leading_lines(const std::vector<Line>& lines, std::vector<Start>& starts) const {
        bool labelled_above = false;
        for (size_t k = 0; k < starts.size(); ++k) {
            const size_t floor = k == 0 ? 0 : starts[k - 1].body;
            size_t before = starts[k].line;
            while (before > floor && lines[before - 1].text.empty()) --before;
            if (before > floor && k == 0)
                labelled_above = is_labelled_case_number(lines[before - 1]);
            if (before > floor &&
                (is_case_number_line(lines[before - 1].text) ||
                 (labelled_above && is_labelled_case_number(lines[before - 1])))) {
                starts[k].first = before - 1;
                continue;
            }
            const auto& h = lines[starts[k].line].heading;
            if (k == 0 || !h || h->kind != SectionKind::Decision) continue;
            size_t decision = starts[k].line;
            while (decision > floor &&
                   !(lines[decision - 1].heading &&
                     lines[decision - 1].heading->kind == SectionKind::Decision))
                --decision;
            if (decision == floor) continue;
            size_t last_attendance = 0;
            for (size_t i = decision; i < starts[k].line; ++i)
                if (rules.first_match("absence.label", lines[i].text, true) ||
                    rules.partial_match("attendance.substitute_present", lines[i].text))
                    last_attendance = i;
            if (last_attendance == 0) continue;
            const size_t after = next_text(lines, last_attendance + 1);
            if (after < starts[k].line) starts[k].first = after;
        }
    }

    // ---- sections -----------------------------------------------------------------------------

    // Whether lines[i] ends the section before it without a heading of its own: a heading in
    // capitals that no pattern knows ("BESLUTNINGSFORSLAG FRA DD"), a bold line that is no
    // sentence, or — under a decision heading whose decision is one block ("Beslutninger") — the
    // first paragraph after that block.
    bool ends_untitled_field(const Section& current, const std::vector<Line>& lines,
                             size_t i) const {
        const auto& text = lines[i].text;
        if (text.empty() || current.kind == SectionKind::Attachments) return false;
        if (is_caps_heading(text)) return true;
        const bool has_text = std::any_of(current.lines.begin(), current.lines.end(),
                                          [](const std::string& l) { return !l.empty(); });
        if (lines[i].styled && has_text && !ends_like_sentence(text) && text.size() <= 80 &&
            current.kind != SectionKind::Other)
            return true;
        return has_text && current.kind == SectionKind::Decision && i > 0 &&
               lines[i - 1].text.empty() &&
               rules.full_match("section.decision_block", text::trim(current.heading));
    }

    static bool is_caps_heading(const std::string& text) {
        if (text.size() < 8 || text.size() > 100 || text.find(' ') == std::string::npos)
            return false;
        size_t letters = 0;
        for (size_t k = 0; k < text.size();) {
            const auto rest = std::string_view(text).substr(k);
            const int32_t c = text::first_code_point(rest);
            k += static_cast<size_t>(U8_LENGTH(c));
            if (u_islower(c)) return false;
            if (u_isalpha(c)) ++letters;
        }
        return letters >= 8;
    }

    // "Sagsforløb: BY" inside a Resume: a field naming the bodies the case passes, after which
    // the Resume goes on.
    bool is_route_field(const Section& h) const {
        return (h.kind == SectionKind::History || h.kind == SectionKind::Process) &&
               rules.full_match("section.route_field", h.lines.front());
    }
    // Sections of text that a one-line field inside them does not end; the parser reads the
    // first of them that has text (a resume) or all of them (case text).
    static bool continues_after_field(SectionKind k) {
        return k == SectionKind::Resume || k == SectionKind::CaseText;
    }

    static Section untitled_section(const std::string& first_line) {
        Section s;
        s.kind = SectionKind::Other;
        s.lines.push_back(first_line);
        return s;
    }

    RawItem build_item(const std::vector<Line>& lines, const Start& start, size_t end) const {
        RawItem item;
        item.number = start.number;
        item.page = lines[start.line].page;
        item.closed = start.closed;
        std::string title = start.title;
        const size_t begin = start.first, body = start.body;
        if (auto g = rules.first_match("item.closed", title, false)) {
            item.closed = true;
            const auto pos = title.find((*g)[""]);
            title.erase(pos, (*g)[""].size());
        } else if (auto open = rules.first_match("item.open", title, false)) {
            title.erase(0, (*open)[""].size());
        }
        // "BR 217/07. Lokalplan": the body's journal reference goes to the item's text.
        std::string reference;
        if (auto g = rules.first_match("item.title_reference", title, false)) {
            reference = text::trim((*g)["reference"]);
            title.erase(0, (*g)[""].size());
        }
        item.title = text::collapse(title);
        // Lines claimed before the heading, then what follows the heading.
        for (size_t i = begin; i < start.line; ++i) {
            const auto& h = lines[i].heading;
            if (h && h->kind == SectionKind::CaseNumber)
                item.sections.push_back(*h);
            else if (!lines[i].text.empty())
                item.preamble.push_back(lines[i].text);
        }
        if (!reference.empty()) item.preamble.push_back(reference);
        for (size_t i = body; i < end; ++i) {
            const auto& line = lines[i];
            std::optional<Section> h = line.heading;
            if (!h &&
                std::none_of(item.sections.begin(), item.sections.end(),
                             [](const Section& s) { return s.kind == SectionKind::Decision; }))
                if (auto g = rules.first_match("section.decision_in_item", line.text, true)) {
                    h = Section{};
                    h->kind = SectionKind::Decision;
                    h->heading = line.text;
                    if (const auto text = text::trim((*g)["text"]); !text.empty()) {
                        h->heading = line.text.substr(0, line.text.find(':') + 1);
                        h->lines.push_back(text);
                    }
                }
            if (h && !item.sections.empty()) {
                const auto& current = item.sections.back();
                // The lines under "Bilag" are file names, some of them named like a section the
                // item already had ("Indstilling"); a decision or another "Bilag" ends the list.
                if (current.kind == SectionKind::Attachments && h->kind != SectionKind::Decision &&
                    h->kind != SectionKind::QuotedDecision && h->kind != SectionKind::Attachments &&
                    std::any_of(item.sections.begin(), item.sections.end(),
                                [&](const Section& s) { return s.kind == h->kind; }))
                    h.reset();
            }
            if (!h && !item.sections.empty() && ends_untitled_field(item.sections.back(), lines, i))
                h = untitled_section(line.text);
            if (h && h->kind != SectionKind::QuotedDecision && !inline_always(h->kind) &&
                !h->lines.empty()) {
                const bool first_of_kind =
                    std::none_of(item.sections.begin(), item.sections.end(),
                                 [&](const Section& s) { return s.kind == h->kind; });
                if (!first_of_kind) h.reset();
            }
            // "INDSTILLING:" / "Administrationen indstiller:": a heading of the kind of an empty
            // section just opened is that section's first line.
            if (h && !item.sections.empty() && item.sections.back().kind == h->kind &&
                h->kind != SectionKind::Decision && h->kind != SectionKind::QuotedDecision &&
                std::all_of(item.sections.back().lines.begin(), item.sections.back().lines.end(),
                            [](const std::string& l) { return l.empty(); })) {
                item.sections.back().lines.push_back(line.text);
                continue;
            }
            if (h) {
                const bool inside = h->lines.size() == 1 && !item.sections.empty() &&
                                    continues_after_field(item.sections.back().kind) &&
                                    is_route_field(*h);
                std::optional<Section> resumed;
                if (inside) {
                    resumed = item.sections.back();
                    resumed->lines.clear();
                }
                item.sections.push_back(std::move(*h));
                if (resumed) item.sections.push_back(std::move(*resumed));
                continue;
            }
            if (part_begun(line.text)) continue;
            if (item.sections.empty())
                item.preamble.push_back(line.text);
            else
                item.sections.back().lines.push_back(line.text);
        }
        return item;
    }
};

Segmenter::Segmenter(const rules::Rules& rules) : impl_(std::make_unique<Impl>(rules)) {}
Segmenter::~Segmenter() = default;

std::optional<Section> Segmenter::heading(std::string_view line) const {
    return impl_->headings.match(text::trim(line));
}

std::optional<Section> Segmenter::heading_unfiltered(std::string_view line) const {
    return impl_->headings.match_unfiltered(text::trim(line));
}

SegmentedReferat Segmenter::segment(const ExtractedText& input) const {
    const auto lines = impl_->lines_of(input);

    SegmentedReferat out;
    out.source = input.source;
    out.content_hash = input.content_hash;
    out.format = input.format;
    out.ocr = input.ocr;

    std::vector<Impl::Start> starts;
    for (auto& c : impl_->find_numbered_items(lines))
        starts.push_back({c.line, c.body, c.number, std::move(c.title), false, c.line});
    out.numbered = !starts.empty();
    if (starts.empty()) {
        for (const size_t s : impl_->find_separated_items(lines)) {
            // The separator says whether the item is open to the public.
            starts.push_back({s, s + 1, static_cast<int>(starts.size()) + 1, "",
                              impl_->rules.full_match("item.closed_separator", lines[s].text), s});
        }
    }
    if (starts.empty()) {
        auto first_lines = impl_->find_structured_items(lines);
        auto title_lines = first_lines;
        const auto titles = impl_->titles_before(lines, title_lines);
        std::vector<size_t> after;
        const auto titles_after = titles.empty()
                                      ? impl_->titles_after_case_number(lines, first_lines, after)
                                      : std::vector<std::string>{};
        for (size_t k = 0; k < first_lines.size(); ++k) {
            if (!titles_after.empty()) {
                // The case number above the title is the item's first line.
                starts.push_back({after[k], after[k] + 1, static_cast<int>(k) + 1, titles_after[k],
                                  false, first_lines[k]});
                continue;
            }
            const bool titled = !titles.empty();
            const size_t line = titled ? title_lines[k] : first_lines[k];
            starts.push_back({line, titled ? title_lines[k] + 1 : first_lines[k],
                              static_cast<int>(k) + 1, titled ? titles[k] : "", false, line});
        }
    }
    impl_->claim_leading_lines(lines, starts);
    impl_->mark_closed_parts(lines, starts);
    const size_t front_end = starts.empty() ? lines.size() : starts.front().first;
    for (size_t i = 0; i < front_end; ++i) out.front.push_back(lines[i].text);
    for (size_t k = 0; k < starts.size(); ++k) {
        const size_t end = k + 1 < starts.size() ? starts[k + 1].first : lines.size();
        out.items.push_back(impl_->build_item(lines, starts[k], end));
    }
    return out;
}

}  // namespace referat::segment
