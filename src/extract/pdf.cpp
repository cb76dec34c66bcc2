// PDF → lines with their position on the page → paragraphs.
//
// Poppler's own reading-order text (`non_raw_non_physical_layout`) joins every line that ends in a
// hyphen, which ruins Danish suspended compounds ("børne-" + "og" → "børneog") and digit ranges
// ("6-8" → "68"), and can glue a footer into a sentence. So the words come from poppler's word
// list (reading order, with bounding boxes, read by the PDF module referat_pdf.so) and lines are
// grouped and joined here.
#include "extract/pdf.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "extract/lines.hpp"
#include "extract/ocr.hpp"
#include "extract/pdf_module/entry.hpp"
#include "util/install_paths.hpp"
#include "util/text.hpp"

namespace referat::extract {

namespace {

struct Line {
    std::string text;
    double left = 0, top = 0, right = 0, bottom = 0;
    double font_size = 0;  // the size most of its characters have
    bool bold = false;     // every word bold
    bool first_bold = false, last_bold = false;
    double first_word_width = 0;
    bool list_item = false;  // starts with a label ("1.", "•") set off by a tab

    double height() const { return bottom - top; }
};

struct PdfPage {
    std::vector<Line> lines;  // reading order
    bool ocr = false;         // read by OCR
};

// Separators between the words of one line: '\t', ' ' or none before each word (none before the
// first). A gap several times wider than the line's usual word gap is a tab stop (label/value,
// table cell, header table); a justified line has wide gaps everywhere, and a hyphen drawn after a
// justification gap ("analyserappor -") still belongs to its word. The usual gap is taken among
// the gaps narrower than a tab stop, since a table row may have more cells than word spaces; a
// line of more than three words with only wide gaps is a justified one.
std::string separators(const std::vector<const Word*>& words) {
    std::vector<double> gaps, narrow;
    for (size_t i = 1; i < words.size(); ++i) {
        gaps.push_back(words[i]->left - words[i - 1]->right);
        if (gaps.back() <= 2.5 * (words[i - 1]->bottom - words[i - 1]->top))
            narrow.push_back(gaps.back());
    }
    std::sort(narrow.begin(), narrow.end());
    const double usual = narrow.empty() ? 0 : narrow[narrow.size() / 4];
    std::string seps(words.size(), '\0');
    for (size_t i = 1; i < words.size(); ++i) {
        const Word& prev = *words[i - 1];
        const double h = prev.bottom - prev.top;
        const double gap = gaps[i - 1];
        // Fractions of the font size: the narrowest word space in common fonts is about 0.22 em
        // (tight headings set it at 0.17 em), a hyphen set off by justification sits about 0.13 em
        // from its word.
        const double em = prev.font_size > 0 ? prev.font_size : 0.75 * h;
        const double space = words[i]->text == "-" ? 0.18 : 0.15;
        if (gap > 2.5 * h && (narrow.empty() ? words.size() <= 3 : gap > 3 * usual))
            seps[i] = '\t';
        else if ((prev.space_after && gap > space * em) || gap > 0.35 * em)
            seps[i] = ' ';
    }
    return seps;
}

// Characters per font size, rounded to half a point.
using SizeCount = std::map<double, size_t>;

void count_sizes(const Word& w, SizeCount& chars) {
    chars[std::round(2 * w.font_size) / 2] += w.text.size();
}

// The size most characters have; 0 when there are none.
double most_common(const SizeCount& chars) {
    if (chars.empty()) return 0;
    return std::max_element(chars.begin(), chars.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

// Whether every word with a letter or digit in it is bold (punctuation may be set in another font).
bool all_bold(const std::vector<const Word*>& words) {
    bool any = false;
    for (const Word* w : words) {
        if (text::is_blank_or_punct(w->text)) continue;
        if (!w->bold) return false;
        any = true;
    }
    return any;
}

// Groups words into lines. Reading order gives a tab-aligned block (label/value pairs, a small
// table) column by column and can put a list label among header cells, so a word may also join
// one of the last few lines when it sits on the same baseline to the right of it. Only narrow
// lines are joined that way, and only over narrow lines in between: the lines of a two-column
// page are wide, and they must stay apart. The words after the first one of such a cell follow it
// wherever it went.
std::vector<Line> group_lines(const std::vector<Word>& words, double page_width,
                              const rules::Rules& rules) {
    constexpr size_t kLookBack = 8;
    using Group = std::vector<const Word*>;
    // The words after the group's last wide gap: its last cell when it is a table row.
    auto last_cell = [](const Group& g) {
        size_t start = g.size() - 1;
        while (start > 0 && g[start]->left - g[start - 1]->right < g[start]->bottom - g[start]->top)
            --start;
        return std::pair{g.size() - start, g.back()->right - g[start]->left};
    };
    auto is_narrow = [&](const Group& g) {
        const auto [words_in_cell, cell_width] = last_cell(g);
        return words_in_cell <= 5 && cell_width <= 0.25 * page_width;
    };
    std::vector<Group> groups;
    size_t previous = 0;  // the group of the previous word
    for (const auto& w : words) {
        const double h = w.bottom - w.top;
        auto same_row = [&](const Group& group) {
            const Word& last = *group.back();
            const double overlap = std::min(last.bottom, w.bottom) - std::max(last.top, w.top);
            return overlap > 0.5 * std::min(last.bottom - last.top, h) &&
                   w.left > last.right - 0.5 * h;
        };
        std::optional<size_t> target;
        if (!groups.empty() && same_row(groups[previous]) &&
            w.left - groups[previous].back()->right < h)
            target = previous;
        for (size_t back = 0; !target && back < std::min(kLookBack, groups.size()); ++back) {
            const size_t g = groups.size() - 1 - back;
            if (same_row(groups[g]) && (back == 0 || is_narrow(groups[g]))) target = g;
            if (last_cell(groups[g]).second > 0.3 * page_width) break;
        }
        if (target) {
            groups[*target].push_back(&w);
            previous = *target;
        } else {
            groups.push_back({&w});
            previous = groups.size() - 1;
        }
    }
    std::vector<std::string> seps;
    for (const auto& group : groups) seps.push_back(separators(group));
    // A cell of a table row starts where the cells of the rows above and below do, also when its
    // gap is too narrow to tell a tab stop on its own ("Teknisk Udvalg  22-09-2025" under
    // "Magistraten      02-09-2025").
    auto align = [&](size_t g, size_t neighbour) {
        const double h = groups[g].front()->bottom - groups[g].front()->top;
        if (std::abs(groups[neighbour].front()->top - groups[g].front()->top) > 2.5 * h) return;
        std::vector<double> starts;
        for (size_t i = 1; i < groups[neighbour].size(); ++i)
            if (seps[neighbour][i] == '\t') starts.push_back(groups[neighbour][i]->left);
        for (size_t i = 1; i < groups[g].size(); ++i) {
            const Word& word = *groups[g][i];
            const double em = word.font_size > 0 ? word.font_size : 0.75 * h;
            if (word.left - groups[g][i - 1]->right > 1.5 * em &&
                std::any_of(starts.begin(), starts.end(),
                            [&](double x) { return std::abs(x - word.left) <= 1.0; }))
                seps[g][i] = '\t';
        }
    };
    for (size_t g = 0; g < groups.size(); ++g) {
        if (g > 0) align(g, g - 1);
        if (g + 1 < groups.size()) align(g, g + 1);
    }
    std::vector<Line> lines;
    for (size_t g = 0; g < groups.size(); ++g) {
        const auto& group = groups[g];
        Line line;
        line.text = group.front()->text;
        for (size_t i = 1; i < group.size(); ++i) {
            if (seps[g][i]) line.text += seps[g][i];
            line.text += group[i]->text;
        }
        line.left = group.front()->left;
        line.right = group.back()->right;
        line.top = group.front()->top;
        line.bottom = group.front()->bottom;
        for (const Word* w : group) {
            line.top = std::min(line.top, w->top);
            line.bottom = std::max(line.bottom, w->bottom);
        }
        SizeCount chars;
        for (const Word* w : group) count_sizes(*w, chars);
        line.font_size = most_common(chars);
        line.bold = all_bold(group);
        line.first_bold = group.front()->bold;
        line.last_bold = group.back()->bold;
        line.first_word_width = group.front()->right - group.front()->left;
        line.list_item = group.size() > 1 &&
                         group[1]->left - group[0]->right > 0.6 * line.height() &&
                         rules.full_match("layout.list_label", group.front()->text);
        lines.push_back(std::move(line));
    }
    return lines;
}

// Indices of the lines in the top and bottom `rows` rows of a page.
std::set<size_t> band_lines(const PdfPage& page, size_t rows) {
    std::vector<size_t> order(page.lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return page.lines[a].top < page.lines[b].top; });
    std::vector<std::vector<size_t>> by_row;
    for (const size_t i : order) {
        if (by_row.empty() || page.lines[i].top - page.lines[by_row.back().front()].top > 2.0)
            by_row.emplace_back();
        by_row.back().push_back(i);
    }
    std::set<size_t> band;
    for (size_t r = 0; r < by_row.size(); ++r)
        if (r < rows || r + rows >= by_row.size()) band.insert(by_row[r].begin(), by_row[r].end());
    return band;
}

// Running headers and footers are recognised by repetition at the same place on many pages,
// not by their wording: body text can say exactly what the header says. Header tables are
// compared cell by cell, since reading order splits their rows differently from page to page.
// Each cell of the top and bottom rows is looked up once: its places on all pages, sorted by
// height, are swept with a window of kSamePlace on either side that counts the distinct pages in
// it. Comparing every place with every other one took minutes for a 20,000-page PDF.
void remove_page_furniture(std::vector<PdfPage>& pages, const rules::Rules& rules) {
    constexpr size_t kBandRows = 3;
    constexpr double kSamePlace = 4.0;  // points
    struct Place {
        double top;
        size_t page;
        size_t line;  // index into `band`
    };
    struct BandLine {
        size_t page, index;
        size_t cells = 0, repeated = 0;
    };
    std::vector<BandLine> band;
    std::unordered_map<std::string, std::vector<Place>> places;  // masked cell → its places
    for (size_t p = 0; p < pages.size(); ++p) {
        for (const size_t i : band_lines(pages[p], kBandRows)) {
            const auto& line = pages[p].lines[i];
            const auto cells = tab_fields(line.text);
            band.push_back(BandLine{p, i, cells.size()});
            for (const auto& cell : cells)
                places[digits_masked(cell)].push_back(Place{line.top, p, band.size() - 1});
        }
    }
    const size_t needed = std::max<size_t>(2, (pages.size() + 1) / 2);
    std::unordered_map<size_t, size_t> in_window;  // page → its places in the window
    for (auto& [cell, at] : places) {
        if (at.size() < needed) continue;
        std::sort(at.begin(), at.end(),
                  [](const Place& a, const Place& b) { return a.top < b.top; });
        in_window.clear();
        size_t low = 0, high = 0;  // the window is at[low, high)
        for (const Place& place : at) {
            for (; high < at.size() && at[high].top <= place.top + kSamePlace; ++high)
                ++in_window[at[high].page];
            for (; at[low].top < place.top - kSamePlace; ++low)
                if (--in_window[at[low].page] == 0) in_window.erase(at[low].page);
            if (in_window.size() >= needed) ++band[place.line].repeated;
        }
    }
    std::vector<std::vector<bool>> furniture(pages.size());
    for (size_t p = 0; p < pages.size(); ++p) furniture[p].assign(pages[p].lines.size(), false);
    for (const auto& line : band) {
        const auto& text = pages[line.page].lines[line.index].text;
        furniture[line.page][line.index] =
            line.repeated == line.cells || rules.full_match("layout.page_number", text::trim(text));
    }
    for (size_t p = 0; p < pages.size(); ++p) {
        auto& lines = pages[p].lines;
        std::vector<Line> kept;
        for (size_t i = 0; i < lines.size(); ++i)
            if (!furniture[p][i]) kept.push_back(std::move(lines[i]));
        lines = std::move(kept);
    }
}

// The text column a line belongs to: its right edge, which most lines starting near the same
// x reach, and whether the text is justified. Estimated over the whole document, since one
// page may hold only short lines.
class Columns {
  public:
    explicit Columns(const std::vector<PdfPage>& pages) {
        for (const auto& page : pages)
            for (const auto& line : page.lines) edges_.emplace_back(line.left, line.right);
        std::vector<double> rights;
        for (const auto& edge : edges_) rights.push_back(edge.second);
        global_ = measure(rights);
    }

    // Whether `line` was broken because the next line's first word did not fit after it.
    bool is_full(const Line& line, const Line& next) {
        const Column& column = of(line);
        if (column.justified) return line.right >= column.right - kJustifiedSlack;
        const double space = 0.25 * line.height();
        return line.right + space + next.first_word_width > column.right - space;
    }

  private:
    struct Column {
        double right = 0;
        bool justified = false;
    };

    const Column& of(const Line& line) {
        const long key = std::lround(line.left);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
        std::vector<double> rights;
        for (const auto& [left, right] : edges_)
            if (std::abs(left - line.left) <= 20.0) rights.push_back(right);
        // Too few lines in a column (a title block) say nothing about its width.
        return cache_[key] = rights.size() >= 8 ? measure(rights) : global_;
    }

    // Justified text ends its wrapped lines exactly at the margin; ragged text ends them
    // anywhere in the last word's width before it.
    static Column measure(std::vector<double> rights) {
        Column c;
        if (rights.empty()) return c;
        std::sort(rights.begin(), rights.end());
        c.right = rights[rights.size() * 9 / 10];
        size_t at_margin = 0, short_of_it = 0;
        for (const double r : rights) {
            if (std::abs(r - c.right) <= kJustifiedSlack)
                ++at_margin;
            else if (r < c.right && r > c.right - 25.0)
                ++short_of_it;
        }
        c.justified = at_margin >= 5 && at_margin >= 4 * short_of_it;
        return c;
    }

    static constexpr double kJustifiedSlack = 1.5;  // glyph side bearings, in points
    std::vector<std::pair<double, double>> edges_;
    Column global_;
    std::map<long, Column> cache_;
};

// How lines are spaced in the document, to tell a paragraph gap from ordinary line spacing.
class Spacing {
  public:
    // `body_size`: the font size most characters of the document have.
    Spacing(const std::vector<PdfPage>& pages, double body_size) : body_size_(body_size) {
        for (const bool ocr : {false, true}) usual_gap_[ocr] = usual_gap(pages, ocr);
    }

    // Whether `next` is set off from `prev`, the line above it on a page, by clearly more space
    // than the lines of a paragraph: by a quarter of a line more. Table rows are often spaced
    // more widely than text; between two of them it takes a whole empty line.
    bool paragraph_gap(const Line& prev, const Line& next, bool ocr) const {
        const double h = std::min(prev.height(), next.height());
        const double extra = next.top - prev.bottom - usual_gap_[ocr] * h;
        const bool rows =
            prev.text.find('\t') != std::string::npos && next.text.find('\t') != std::string::npos;
        return extra > (rows ? 1.0 : 0.25) * h;
    }

    // Set larger than the running text.
    bool large(const Line& line) const {
        return body_size_ > 0 && line.font_size >= 1.15 * body_size_;
    }

  private:
    // Most pairs of lines that follow each other in one column belong to one paragraph, so the
    // lower quartile of their gaps is the line spacing, whatever the paragraph spacing. Pages
    // read by OCR, whose boxes are drawn differently, are measured apart from the text layer's.
    static double usual_gap(const std::vector<PdfPage>& pages, bool ocr) {
        std::vector<double> gaps;
        for (const auto& page : pages) {
            if (page.ocr != ocr) continue;
            for (size_t i = 1; i < page.lines.size(); ++i) {
                const Line& prev = page.lines[i - 1];
                const Line& next = page.lines[i];
                const double h = std::min(prev.height(), next.height());
                const double gap = next.top - prev.bottom;
                if (h > 0 && std::abs(prev.font_size - next.font_size) <= 0.5 &&
                    next.left < prev.right && next.right > prev.left && gap >= -0.25 * h &&
                    gap <= 1.5 * h)
                    gaps.push_back(gap / h);
            }
        }
        if (gaps.empty()) return 0;
        std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 4, gaps.end());
        return gaps[gaps.size() / 4];
    }

    double body_size_ = 0;
    double usual_gap_[2] = {0, 0};  // between the lines of a paragraph, in line heights; [ocr]
};

// `next` continues the paragraph whose last line is `prev`: same type, normal line spacing, and
// `prev` was broken because the next word did not fit (or the word was hyphenated).
// `ocr`: the lines are on a page read by OCR.
// "Udvalg: …", "Dato: …": one capitalised word and a colon.
bool starts_with_label(std::string_view text) {
    const auto colon = text.find(": ");
    if (colon == std::string_view::npos || colon > 24 || !text::starts_upper(text)) return false;
    return text.substr(0, colon).find(' ') == std::string_view::npos;
}

bool continues(const Line& prev, const Line& next, Columns& columns, const Spacing& spacing,
               bool same_page, bool ocr) {
    // A line with tab stops is a table row or a label with its value, never running text.
    if (next.list_item || prev.text.find('\t') != std::string::npos ||
        next.text.find('\t') != std::string::npos ||
        std::abs(prev.font_size - next.font_size) > 0.5 || prev.last_bold != next.first_bold)
        return false;
    if (same_page &&
        (next.top - prev.bottom < -0.25 * prev.height() || spacing.paragraph_gap(prev, next, ocr)))
        return false;
    // A label starts a field of its own ("Udvalg: Økonomi- og Erhvervsudvalget" after a full line).
    if (starts_with_label(next.text)) return false;
    const bool full = columns.is_full(prev, next);
    const bool hyphenated = ends_with_word_hyphen(prev.text) && text::starts_lower(next.text);
    // Across a page break only a sentence that visibly goes on is joined.
    if (!same_page) return hyphenated || (full && text::starts_lower(next.text));
    return full || hyphenated;
}

struct Paragraph {
    std::string text;
    Line first, last;
    bool gap_before = false;         // set off from the previous paragraph by extra space
    bool bold = true, large = true;  // every line
};

// Lines into paragraphs, with a blank line at each paragraph gap, and each paragraph's style: a
// heading when it is all bold or all larger than the running text.
std::vector<Page> reflow(std::vector<PdfPage>& pdf_pages, double body_size,
                         const rules::Rules& rules) {
    Columns columns(pdf_pages);
    const Spacing spacing(pdf_pages, body_size);
    std::vector<std::vector<Paragraph>> paragraphs(pdf_pages.size());
    for (size_t p = 0; p < pdf_pages.size(); ++p) {
        auto& paras = paragraphs[p];
        for (const auto& line : pdf_pages[p].lines) {
            if (!paras.empty() &&
                continues(paras.back().last, line, columns, spacing, true, pdf_pages[p].ocr)) {
                auto& para = paras.back();
                para.text = join_wrapped(para.text, line.text, rules);
                para.last = line;
                para.bold = para.bold && line.bold;
                para.large = para.large && spacing.large(line);
                continue;
            }
            const bool gap =
                !paras.empty() && spacing.paragraph_gap(paras.back().last, line, pdf_pages[p].ocr);
            paras.push_back(Paragraph{line.text, line, line, gap, line.bold, spacing.large(line)});
        }
        // A paragraph that runs over the page break belongs to the page it starts on.
        if (p > 0 && !paras.empty()) {
            auto& prev_page = paragraphs[p - 1];
            if (!prev_page.empty() && continues(prev_page.back().last, paras.front().first, columns,
                                                spacing, false, false)) {
                auto& para = prev_page.back();
                para.text = join_wrapped(para.text, paras.front().text, rules);
                para.last = paras.front().last;
                para.bold = para.bold && paras.front().bold;
                para.large = para.large && paras.front().large;
                paras.erase(paras.begin());
            }
        }
    }
    std::vector<Page> pages;
    for (size_t p = 0; p < paragraphs.size(); ++p) {
        Page page;
        page.number = static_cast<int>(p) + 1;
        for (const auto& para : paragraphs[p]) {
            if (para.gap_before) {
                page.lines.emplace_back();
                page.styles.emplace_back();
            }
            page.lines.push_back(para.text);
            page.styles.push_back(LineStyle{para.bold || para.large});
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

// The module's entry, or why there is none.
const PdfEntry& pdf_module() {
    static const auto module = install_paths::open_module<PdfEntry>(
        REFERAT_PDF_MODULE_FROM_BIN, REFERAT_PDF_MODULE, REFERAT_BUILD_DIR, kPdfEntrySymbol);
    if (!module.entry) throw InputError("cannot read PDF: the PDF module: " + module.missing);
    return *module.entry;
}

bool ocr_available() {
    return ocr_unavailable_reason().empty();
}

}  // namespace

void read_pdf(const std::string& bytes, const rules::Rules& rules, ExtractedText& doc) {
    std::vector<PdfPage> pdf_pages;
    size_t words = 0;
    SizeCount size_chars;  // of the whole document
    for (auto& page : pdf_module().pages(bytes, OcrReader{ocr_available, ocr_words})) {
        words += page.words.size();
        for (const auto& w : page.words) count_sizes(w, size_chars);
        doc.ocr = doc.ocr || page.ocr;
        pdf_pages.push_back(PdfPage{group_lines(page.words, page.crop_width, rules), page.ocr});
    }
    if (words == 0) {
        const auto no_ocr = ocr_unavailable_reason();
        throw InputError(no_ocr.empty() ? "no text on any page"
                                        : "no text layer (scanned PDF?): " + no_ocr);
    }
    remove_page_furniture(pdf_pages, rules);
    doc.pages = reflow(pdf_pages, most_common(size_chars), rules);
}

}  // namespace referat::extract
