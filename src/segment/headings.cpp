// Section headings: every pattern of patterns/sections.re in three forms (alone on its line, with
// its content after a colon, and — for headings that end in an item number, "… beslutning den
// 04.12.2012 Punkt 2 Godkendt" — with the content after a space), then the quoted decisions of
// patterns/structure.re. One RE2::Set pass over a line tells which forms can match.
#include "segment/headings.hpp"

#include <algorithm>
#include <cctype>

#include "util/text.hpp"

namespace referat::segment {

const SectionKey kSectionKeys[] = {
    {"section.case_number", SectionKind::CaseNumber},
    {"section.resume", SectionKind::Resume},
    {"section.recommendation", SectionKind::Recommendation},
    {"section.competence", SectionKind::Competence},
    {"section.decision", SectionKind::Decision},
    {"section.orientation", SectionKind::Orientation},
    {"section.case_text", SectionKind::CaseText},
    {"section.history", SectionKind::History},
    {"section.process", SectionKind::Process},
    {"section.assessment", SectionKind::Assessment},
    {"section.economy", SectionKind::Economy},
    {"section.legal", SectionKind::Legal},
    {"section.attachments", SectionKind::Attachments},
    {"section.other", SectionKind::Other},
};
const size_t kSectionKeyCount = std::size(kSectionKeys);

namespace {

// Longer than any body's name (patterns leave the length to the code: a counted repeat of a
// Unicode class costs RE2 much memory and start-up time).
constexpr size_t kMaxBody = 100;

RE2::Options options() {
    RE2::Options opt;
    opt.set_log_errors(false);
    return opt;
}

std::optional<int> to_int(const std::string& s) {
    if (s.empty() || s.size() > 6) return std::nullopt;
    return std::stoi(s);
}

// The line after the bullet of a web page's collapsible section ("• Beslutning"), if it has one.
std::string without_bullet(std::string_view line) {
    for (std::string_view bullet : {"• ", "· ", "▪ ", "* "})
        if (line.starts_with(bullet)) return text::trim(line.substr(bullet.size()));
    return {};
}

// "1. Borgermøder - koncept.": a numbered point begins the text.
bool starts_numbered_point(std::string_view s) {
    size_t digits = 0;
    while (digits < s.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(s[digits])))
        ++digits;
    if (digits == 0 || digits + 2 >= s.size() || (s[digits] != '.' && s[digits] != ')') ||
        s[digits + 1] != ' ')
        return false;
    return text::starts_capitalised(s.substr(digits + 2));
}

}  // namespace

struct HeadingMatcher::Form {
    SectionKind kind;
    bool quoted;    // a quoted decision line: the pattern as it is
    bool numbered;  // the heading ends in an item number: its content may follow after a space
    // Compiled when the set first says a line may be this heading: a file uses a few of the
    // headings, and compiling all of them was a third of an ingest's start-up.
    rules::Regex re;
};

HeadingMatcher::HeadingMatcher(const rules::Rules& rules) : starts_(options(), RE2::ANCHOR_START) {
    if (!rules.get("body.not_name").empty()) body_not_name_ = rules.get("body.not_name").front().re;
    auto add_to_set = [&](const std::string& pattern, const std::string& where) {
        std::string error;
        // With the letter classes of every pattern (rules::Regex), which also compiles faster.
        const int entry = starts_.Add(rules::latin_letter_classes(pattern), &error);
        if (entry < 0)
            throw rules::PatternError(where + ": pattern cannot be used as a heading: " + error);
        forms_of_entry_.emplace_back();
        return static_cast<size_t>(entry);
    };
    for (const auto& [key, kind] : kSectionKeys) {
        for (const auto& p : rules.get(key)) {
            const std::string& src = p.re.source();
            const size_t entry = add_to_set(R"(\s*(?:)" + src + ")", p.where);
            // One expression for the heading alone, with its content after a colon, and with its
            // content after a space (section_of says where that is allowed).
            rules::Regex re(
                R"(\s*(?P<head_text>(?:)" + src +
                    R"())(?:\s*:?\s*|\s*:\s*(?P<inline_text>\S.*)|\s+(?P<space_text>\S.*)))",
                options(), p.where + ": pattern cannot be used as a heading");
            forms_of_entry_[entry].push_back(forms_.size());
            forms_.push_back(
                Form{kind, false, p.re->NamedCapturingGroups().count("item") > 0, std::move(re)});
        }
    }
    for (const auto& p : rules.get("quoted.decision")) {
        const size_t entry = add_to_set(p.re.source(), p.where);
        forms_of_entry_[entry].push_back(forms_.size());
        forms_.push_back(Form{SectionKind::QuotedDecision, true, false, p.re});
    }
    // Fails only when the compiled set exceeds RE2's memory budget.
    if (!starts_.Compile())
        throw rules::PatternError(
            "patterns/sections.re: the heading patterns are too large to combine");
}

HeadingMatcher::~HeadingMatcher() = default;

// A heading starts within this many bytes of its line; what follows on the line may be its
// content, as long as a page a rendering put on one line.
constexpr size_t kHeadingProbe = 300;

std::optional<Section> HeadingMatcher::match(std::string_view line) const {
    if (line.empty()) return std::nullopt;
    if (const auto rest = without_bullet(line); !rest.empty())
        if (auto s = match(rest)) return s;
    std::vector<int> entries;
    RE2::Set::ErrorInfo error;
    const auto probe = line.substr(0, kHeadingProbe);
    if (!starts_.Match(re2::StringPiece(probe.data(), probe.size()), &entries, &error) &&
        error.kind != RE2::Set::kNoError)
        return match_unfiltered(line);  // the set's DFA ran out of memory
    std::vector<size_t> forms;
    for (const int e : entries)
        for (const size_t f : forms_of_entry_[static_cast<size_t>(e)]) forms.push_back(f);
    std::sort(forms.begin(), forms.end());
    for (const size_t f : forms)
        if (auto s = section_of(f, line)) return s;
    return std::nullopt;
}

std::optional<Section> HeadingMatcher::match_unfiltered(std::string_view line) const {
    if (line.empty()) return std::nullopt;
    if (const auto rest = without_bullet(line); !rest.empty())
        if (auto s = match_unfiltered(rest)) return s;
    for (size_t f = 0; f < forms_.size(); ++f)
        if (auto s = section_of(f, line)) return s;
    return std::nullopt;
}

// The most digits an item number has ("Sag nr. 1234"); a case number has more, or other marks.
constexpr size_t kMaxItemDigits = 4;

std::optional<Section> HeadingMatcher::section_of(size_t form, std::string_view line) const {
    const Form& f = forms_[form];
    auto g = rules::match_groups(*f.re, line, true);
    if (!g) return std::nullopt;
    // Content after a space: after "… Punkt 2", or after a capitalised heading where a sentence
    // follows ("RESUMÉ Godkendt.", "Beslutning Tilbagesendes Magistratsafdelingen …"; not
    // "INDSTILLING FRA MAGISTRATSAFDELINGEN").
    if (const auto& space_text = (*g)["space_text"]; !space_text.empty()) {
        const auto& head = (*g)["head_text"];
        const bool sentence_follows =
            text::fold(head) != head &&
            (text::starts_capitalised(space_text) || starts_numbered_point(space_text));
        // "Sagsnr. 249050 Sundheds- og Omsorgsudvalget": a case number needs no colon ("Sag nr.
        // 129" is an item's number).
        const auto token = std::string_view(space_text).substr(0, space_text.find(' '));
        const bool number_follows =
            f.kind == SectionKind::CaseNumber &&
            std::isdigit(static_cast<unsigned char>(space_text[0])) &&
            (token.size() > kMaxItemDigits ||
             !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }));
        if (!f.numbered && !sentence_follows && !number_follows) return std::nullopt;
        (*g)["inline_text"] = space_text;
    }
    Section s;
    s.kind = f.kind;
    s.heading = std::string(line);
    s.body = text::trim((*g)["body"]);
    // A body's name is short: a longer "body" is a sentence that ends in a date ("Følgende emner
    // blev nævnt under dette punkt på Regionsrådets møde den 22. december 2020:").
    // "På baggrund af Fritids-, Kultur- og Forebyggelsesudvalgets beslutning d. 3. april 2013
    // anmodede udvalget …" is a sentence too: no body's name says "af".
    if (s.body.size() > kMaxBody || (body_not_name_ && RE2::PartialMatch(s.body, **body_not_name_)))
        return std::nullopt;
    s.date_text = (*g)["date"];
    s.item = to_int((*g)["item"]);
    if (const auto& inline_text = (*g)["inline_text"]; !inline_text.empty()) {
        s.lines.push_back(text::trim(inline_text));
        // The heading is the part before the inline content.
        s.heading = text::trim(line.substr(0, line.size() - inline_text.size()));
    }
    return s;
}

}  // namespace referat::segment
