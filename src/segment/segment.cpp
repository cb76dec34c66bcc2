#include "segment/segment.hpp"

#include <re2/set.h>

#include <algorithm>

#include "util/text.hpp"

namespace referat::segment {

namespace {

struct Line {
    std::string text;
    int page = 1;
};

struct HeadingPattern {
    SectionKind kind;
    std::unique_ptr<RE2> alone;    // the heading on its own line, optional colon
    std::unique_ptr<RE2> inline_;  // "Heading: content" on one line
};

const std::pair<const char*, SectionKind> kSectionKeys[] = {
    {"section.case_number", SectionKind::CaseNumber},
    {"section.resume", SectionKind::Resume},
    {"section.recommendation", SectionKind::Recommendation},
    {"section.competence", SectionKind::Competence},
    {"section.decision", SectionKind::Decision},
    {"section.orientation", SectionKind::Orientation},
    {"section.case_text", SectionKind::CaseText},
    {"section.process", SectionKind::Process},
    {"section.assessment", SectionKind::Assessment},
    {"section.economy", SectionKind::Economy},
    {"section.legal", SectionKind::Legal},
    {"section.attachments", SectionKind::Attachments},
    {"section.other", SectionKind::Other},
};

// Sections that begin an item's body: an item heading followed by one of these is certain.
bool opens_item(SectionKind k) {
    return k == SectionKind::CaseNumber || k == SectionKind::Resume ||
           k == SectionKind::Recommendation || k == SectionKind::CaseText ||
           k == SectionKind::Attachments;
}

// Sections whose content may stand on the heading line ("Sagsnr.: 17/6692") in any position.
// For the others, inline content is only taken for the item's first section of that kind, so that
// a narrative line like "Beslutning: ... godkendes." inside a case history does not open a section.
bool inline_always(SectionKind k) {
    return k == SectionKind::CaseNumber || k == SectionKind::Competence ||
           k == SectionKind::Orientation;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
    return s;
}

std::optional<int> to_int(const std::string& s) {
    if (s.empty()) return std::nullopt;
    try {
        return std::stoi(s);
    } catch (const std::exception&) {
        return std::nullopt;
    }
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
    std::vector<HeadingPattern> headings;
    const std::vector<rules::Pattern>& quoted_decisions;
    // Heading forms are numbered in the order they are tried: headings[k].alone is 2k,
    // headings[k].inline_ is 2k + 1, then the quoted decisions. One pass of this set over a line
    // tells which can match, instead of trying each form (most lines match none): entry k is
    // heading k's pattern at the start of the line (both of its forms begin so), then the quoted
    // decisions.
    RE2::Set heading_starts;

    explicit Impl(const rules::Rules& r)
        : rules(r),
          quoted_decisions(r.get("quoted.decision")),
          heading_starts(options(), RE2::ANCHOR_START) {
        for (const auto& [key, kind] : kSectionKeys) {
            for (const auto& p : rules.get(key)) {
                const std::string& src = p.re->pattern();
                HeadingPattern h{
                    kind, std::make_unique<RE2>(R"(\s*(?:)" + src + R"()\s*:?\s*)", options()),
                    std::make_unique<RE2>(R"(\s*(?:)" + src + R"()\s*:\s*(?P<inline_text>\S.*))",
                                          options())};
                if (!h.alone->ok() || !h.inline_->ok())
                    throw rules::PatternError(p.where + ": pattern cannot be used as a heading");
                add_to_set(R"(\s*(?:)" + src + ")", p.where);
                headings.push_back(std::move(h));
            }
        }
        for (const auto& p : quoted_decisions) add_to_set(p.re->pattern(), p.where);
        // Fails only when the compiled set exceeds RE2's memory budget.
        if (!heading_starts.Compile())
            throw rules::PatternError(quoted_decisions.back().where +
                                      ": the heading patterns are too large to combine");
    }

    void add_to_set(const std::string& pattern, const std::string& where) {
        std::string error;
        if (heading_starts.Add(pattern, &error) < 0)
            throw rules::PatternError(where + ": pattern cannot be used as a heading: " + error);
    }

    // The options of every pattern in rules::Rules, so that the set matches what they match.
    static RE2::Options options() {
        RE2::Options opt;
        opt.set_log_errors(false);
        return opt;
    }

    std::optional<Section> heading(std::string_view line) const {
        if (line.empty() || line.size() > 300) return std::nullopt;
        std::vector<int> candidates;
        RE2::Set::ErrorInfo error;
        if (!heading_starts.Match(re2::StringPiece(line.data(), line.size()), &candidates,
                                  &error) &&
            error.kind != RE2::Set::kNoError)
            return heading_unfiltered(line);  // the set's DFA ran out of memory
        std::sort(candidates.begin(), candidates.end());
        for (const int entry : candidates) {
            const auto k = static_cast<size_t>(entry);
            if (k >= headings.size()) {
                if (auto s = section_of(2 * headings.size() + (k - headings.size()), line))
                    return s;
                continue;
            }
            for (const size_t form : {2 * k, 2 * k + 1})
                if (auto s = section_of(form, line)) return s;
        }
        return std::nullopt;
    }

    // Every heading form tried in order.
    std::optional<Section> heading_unfiltered(std::string_view line) const {
        if (line.empty() || line.size() > 300) return std::nullopt;
        for (size_t form = 0; form < 2 * headings.size() + quoted_decisions.size(); ++form)
            if (auto s = section_of(form, line)) return s;
        return std::nullopt;
    }

    // The section `line` opens by heading form `form`, if it does.
    std::optional<Section> section_of(size_t form, std::string_view line) const {
        if (form >= 2 * headings.size()) {
            // After the headings: "Beslutning Udvalget for X den 07-06-2017:" is a decision
            // heading.
            auto q =
                rules::match_groups(*quoted_decisions[form - 2 * headings.size()].re, line, true);
            if (!q) return std::nullopt;
            Section s;
            s.kind = SectionKind::QuotedDecision;
            s.heading = std::string(line);
            s.body = text::trim((*q)["body"]);
            s.date_text = (*q)["date"];
            s.item = to_int((*q)["item"]);
            return s;
        }
        const HeadingPattern& h = headings[form / 2];
        const bool inline_form = form % 2 == 1;
        auto g = rules::match_groups(inline_form ? *h.inline_ : *h.alone, line, true);
        if (!g) return std::nullopt;
        Section s;
        s.kind = h.kind;
        s.heading = std::string(line);
        s.body = text::trim((*g)["body"]);
        s.date_text = (*g)["date"];
        if (inline_form) {
            s.lines.push_back(text::trim((*g)["inline_text"]));
            // The heading line is the part before the inline content.
            s.heading = text::trim(line.substr(0, line.size() - (*g)["inline_text"].size()));
        }
        return s;
    }

    bool is_item_candidate(const std::string& line, int* number, std::string* title) const {
        auto g = rules.first_match("item.heading", line, true);
        if (!g) return false;
        auto n = to_int((*g)["number"]);
        if (!n) return false;
        *number = *n;
        *title = text::trim((*g)["title"]);
        // A table of contents that survived extraction must not be taken for the agenda.
        if (rules.has("layout.toc_entry") && rules.full_match("layout.toc_entry", line))
            return false;
        // Recommendation points start lower-case ("1. at ..."); titles do not.
        if (text::starts_lower(*title) && !rules.partial_match("item.bulleted", line)) return false;
        return true;
    }

    bool is_link_line(const std::string& line) const {
        return rules.partial_match("attachment.link_marker", line);
    }

    // How sure we are that lines[i] (an item candidate) opens an agenda item.
    enum class Evidence { None, Weak, Strong };
    Evidence item_evidence(const std::vector<Line>& lines, size_t i) const {
        const auto& line = lines[i].text;
        if (rules.partial_match("item.bulleted", line) || rules.partial_match("item.closed", line))
            return Evidence::Strong;
        for (size_t j = i + 1, seen = 0; j < lines.size() && seen < 3; ++j) {
            if (lines[j].text.empty()) continue;
            ++seen;
            if (is_link_line(lines[j].text)) return Evidence::Strong;
            if (auto h = heading(lines[j].text)) {
                return opens_item(h->kind) ? Evidence::Strong : Evidence::Weak;
            }
            int n;
            std::string t;
            if (is_item_candidate(lines[j].text, &n, &t)) return Evidence::Weak;
            return Evidence::None;
        }
        return Evidence::Weak;  // last line of the document: a closed item without body
    }

    static bool introduces_list(const std::vector<Line>& lines, size_t i) {
        while (i > 0 && lines[i - 1].text.empty()) --i;
        if (i == 0) return false;
        const auto& prev = lines[i - 1].text;
        if (!prev.empty() && prev.back() == ':') return true;
        return prev.size() >= 3 && prev.compare(prev.size() - 3, 3, " at") == 0;
    }

    // A wrapped line can start with a year or an amount ("2025. Der er afsat midler ...") and
    // look like an item heading; but the next item skips at most a few closed or withdrawn
    // numbers.
    static constexpr int kMaxSkip = 50;

    std::vector<size_t> find_numbered_items(const std::vector<Line>& lines) const {
        std::vector<size_t> starts;
        int last = 0;
        bool previous_was_rejected_point = false;
        int previous_point = -1;
        for (size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].text.empty()) continue;
            int n = 0;
            std::string title;
            if (!is_item_candidate(lines[i].text, &n, &title)) {
                previous_was_rejected_point = false;
                continue;
            }
            auto evidence = item_evidence(lines, i);
            // A line ending in ":" or ", at" introduces a list: what follows are its points.
            if (evidence == Evidence::Weak && introduces_list(lines, i)) evidence = Evidence::None;
            const bool ends_like_sentence =
                !title.empty() &&
                (title.back() == '.' || title.back() == ',' || title.back() == ';');
            // Numbered points run in sequence ("1.", "2."): the next one is not an item.
            const bool continues_points = previous_was_rejected_point && n == previous_point + 1;
            bool accept = false;
            if (evidence == Evidence::Strong)
                accept = starts.empty() || (n > last && n - last <= kMaxSkip);
            if (evidence == Evidence::Weak)
                accept =
                    (starts.empty() || n == last + 1) && !ends_like_sentence && !continues_points;
            if (accept) {
                starts.push_back(i);
                last = n;
                previous_was_rejected_point = false;
            } else {
                previous_was_rejected_point = true;
                previous_point = n;
            }
        }
        return starts;
    }

    // Minutes without item numbers: an item begins where the first section kind of the document
    // (typically Sagsnr. or Resume) recurs; its title is the line before.
    std::vector<size_t> find_unnumbered_items(const std::vector<Line>& lines) const {
        std::optional<SectionKind> opener;
        std::vector<size_t> starts;
        for (size_t i = 0; i < lines.size(); ++i) {
            auto h = heading(lines[i].text);
            if (!h || h->kind == SectionKind::QuotedDecision) continue;
            if (!opener) {
                if (!opens_item(h->kind)) continue;
                opener = h->kind;
            }
            if (h->kind != *opener) continue;
            size_t t = i;
            while (t > 0 && lines[t - 1].text.empty()) --t;
            if (t == 0) continue;
            --t;
            if (heading(lines[t].text)) continue;
            if (!starts.empty() && t <= starts.back()) continue;
            starts.push_back(t);
        }
        return starts;
    }

    RawItem build_item(const std::vector<Line>& lines, size_t begin, size_t end, int number,
                       std::string title) const {
        RawItem item;
        item.number = number;
        item.page = lines[begin].page;
        if (auto g = rules.first_match("item.closed", title, false)) {
            item.closed = true;
            const auto pos = title.find((*g)[""]);
            title.erase(pos, (*g)[""].size());
        }
        item.title = text::collapse(title);
        for (size_t i = begin + 1; i < end; ++i) {
            const auto& line = lines[i].text;
            std::optional<Section> h = heading(line);
            if (h && h->kind != SectionKind::QuotedDecision && !inline_always(h->kind) &&
                !h->lines.empty()) {
                const bool first_of_kind =
                    std::none_of(item.sections.begin(), item.sections.end(),
                                 [&](const Section& s) { return s.kind == h->kind; });
                if (!first_of_kind) h.reset();
            }
            if (h) {
                item.sections.push_back(std::move(*h));
                continue;
            }
            if (item.sections.empty())
                item.preamble.push_back(line);
            else
                item.sections.back().lines.push_back(line);
        }
        return item;
    }
};

Segmenter::Segmenter(const rules::Rules& rules) : impl_(std::make_unique<Impl>(rules)) {}
Segmenter::~Segmenter() = default;

std::optional<Section> Segmenter::heading(std::string_view line) const {
    return impl_->heading(text::trim(line));
}

std::optional<Section> Segmenter::heading_unfiltered(std::string_view line) const {
    return impl_->heading_unfiltered(text::trim(line));
}

SegmentedReferat Segmenter::segment(const ExtractedText& input) const {
    std::vector<Line> lines;
    for (const auto& page : input.pages) {
        for (const auto& raw : page.lines) {
            for (auto& part : clean_markup(raw)) {
                // Keep single blank lines: they separate paragraphs and name lists.
                if (part.empty() && (lines.empty() || lines.back().text.empty())) continue;
                lines.push_back(Line{std::move(part), page.number});
            }
        }
    }

    SegmentedReferat out;
    out.source = input.source;
    out.content_hash = input.content_hash;
    out.ocr = input.ocr;

    auto starts = impl_->find_numbered_items(lines);
    const bool numbered = !starts.empty();
    if (!numbered) starts = impl_->find_unnumbered_items(lines);
    if (starts.empty()) throw InputError("no agenda items found (not minutes?)");

    for (size_t i = 0; i < starts.front(); ++i) out.front.push_back(lines[i].text);
    for (size_t k = 0; k < starts.size(); ++k) {
        const size_t begin = starts[k];
        const size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
        int number = static_cast<int>(k) + 1;
        std::string title = lines[begin].text;
        if (numbered) impl_->is_item_candidate(lines[begin].text, &number, &title);
        out.items.push_back(impl_->build_item(lines, begin, end, number, title));
    }
    // A document whose "items" carry no sections at all is not minutes (e.g. a numbered list).
    const bool any_section = std::any_of(out.items.begin(), out.items.end(),
                                         [](const RawItem& it) { return !it.sections.empty(); });
    if (!any_section) throw InputError("no agenda items found (not minutes?)");
    return out;
}

}  // namespace referat::segment
