// Text helpers of the parse stage: lists ("DIR, BUL og ØU"), sentences, and the names of bodies
// as printed. The general text functions are in util/text.cpp.
#include <algorithm>

#include "parse/internal.hpp"
#include "util/text.hpp"

namespace referat::parse::detail {

const RE2& table_cell_bar() {
    static const RE2 cell_bar(R"((?:^|\s)\|(?:\s|$))");
    return cell_bar;
}

std::string collapse_lines(const std::vector<std::string>& lines) {
    auto joined = text::join(lines, " ");
    while (RE2::GlobalReplace(&joined, table_cell_bar(), " ") > 0) {
    }
    return text::collapse(joined);
}

std::vector<std::string> split_list(std::string_view s, const Rules& rules) {
    // A suspended compound is one name: "Børne- og Skoleudvalget", "Social-, sundheds- og
    // fritidsudvalget". Its separators are hidden while the list is split.
    static const RE2 suspended(R"((\pL)-(,?)(\s+)(og|eller|samt)(\s+))");
    std::string work(s);
    static const RE2 suspended_comma(R"((\pL)-,(\s+))");
    RE2::GlobalReplace(&work, suspended_comma, "\\1-\x03\x02");
    RE2::GlobalReplace(&work, suspended, "\\1-\\2\x02\\4\x02");
    for (const auto& p : rules.get("list.separator")) RE2::GlobalReplace(&work, *p.re, "\x1f");
    std::replace(work.begin(), work.end(), '\x02', ' ');
    std::replace(work.begin(), work.end(), '\x03', ',');
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= work.size()) {
        const auto end = work.find('\x1f', start);
        auto part = text::trim(std::string_view(work).substr(start, end - start));
        while (!part.empty() && (part.back() == '.' || part.back() == ',')) part.pop_back();
        part = text::trim(part);
        if (!part.empty()) out.push_back(part);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::vector<std::string> sentences(std::string_view line) {
    static const char* const kAbbreviations[] = {
        "kl",   "pkt", "nr",   "jf", "ca", "bl.a", "f.eks", "mio", "mia", "kr", "stk",
        "vedr", "evt", "inkl", "ad", "d",  "dvs",  "mht",   "iht", "ift", "tlf"};
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i + 2 < line.size(); ++i) {
        if (line[i] != '.' || line[i + 1] != ' ') continue;
        auto next = line.substr(i + 2);
        if (next.starts_with('(')) next.remove_prefix(1);  // "Godkendt. (Ø) stemte imod."
        if (!text::starts_upper(next)) continue;
        // The word before the full stop: an initial or an abbreviation does not end a sentence.
        size_t w = i;
        while (w > start && line[w - 1] != ' ' && line[w - 1] != '(') --w;
        const auto word = line.substr(w, i - w);
        if (text::code_points(word) <= 1) continue;
        const auto folded = text::fold(word);
        if (std::any_of(std::begin(kAbbreviations), std::end(kAbbreviations),
                        [&](const char* a) { return folded == a; }))
            continue;
        if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;  // "1. Task Forcens rapport": a numbered point
        out.push_back(text::trim(line.substr(start, i + 1 - start)));
        start = i + 2;
    }
    if (auto rest = text::trim(line.substr(start)); !rest.empty()) out.push_back(std::move(rest));
    return out;
}

// The longest abbreviation of a body's name ("UDSR", "TMU-A").
constexpr size_t kAbbreviationChars = 5;

std::string body_name(std::string_view body, const Rules& rules) {
    std::string name = text::trim(body);
    for (const auto& p : rules.get("body.suffix")) RE2::Replace(&name, *p.re, "");
    for (const auto& p : rules.get("body.prefix")) RE2::Replace(&name, *p.re, "");
    while (!name.empty() &&
           (name.back() == '.' || name.back() == ',' || name.back() == ':' || name.back() == '|'))
        name.pop_back();
    name = text::trim(name);
    // "Kommunalbestyrelsens møde": the meeting of a body.
    for (std::string_view meeting : {" mødet", " møde"})
        if (text::fold(name).ends_with(meeting))
            name = text::trim(name.substr(0, name.size() - meeting.size()));
    // The genitive of a body: "Kultur- og fritidsudvalgets møde", "Sundheds- og
    // Forebyggelsesudvalgets beslutning", "Borgerrepræsentationens beslutning", "Det rådgivende
    // Integrationsudvalgs beslutning".
    for (std::string_view ending : {"udvalgets", "udvalgs", "rådets", "bestyrelsens",
                                    "magistratens", "repræsentationens", "kommissionens"})
        if (name.size() > ending.size() && text::fold(name).ends_with(ending)) name.pop_back();
    // "KOMMUNALBESTYRELSEN", "ERHVERVS- OG FRITIDSUDVALGET": a name printed in capitals is
    // written as a name; an abbreviation ("ØU", "BUL") stays as it is.
    if (text::in_capitals(name) && text::code_points(name) > kAbbreviationChars)
        name = text::lower(name);
    // "referat fra byrådet": a name is written with a capital.
    return text::upper_first(name);
}

bool same_body(const std::string& a, const std::string& b, const Rules& rules) {
    return rules.body_key(a, std::nullopt) == rules.body_key(b, std::nullopt);
}

}  // namespace referat::parse::detail
