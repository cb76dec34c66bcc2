// Drafting a theme file from a plan document: the plan's numbered theme list, then a section per
// theme found by its heading (spelling variants allowed), its description and candidate terms
// for a person to review. Nothing here is trusted without that review.
#include "link/plan_import.hpp"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "util/stem.hpp"
#include "util/text.hpp"

namespace referat::link {

namespace {

// Headings and list entries are short; longer lines are body text.
constexpr size_t kMaxHeading = 120;
// Words and stems shorter than this are mostly function words; too weak as theme terms.
constexpr size_t kMinTermLength = 6;
constexpr size_t kTermsPerTheme = 6;

std::vector<std::string> document_lines(const ExtractedText& plan) {
    std::vector<std::string> lines;
    for (const auto& page : plan.pages)
        for (const auto& l : page.lines) lines.push_back(text::collapse(l));
    return lines;
}

// Letters and digits only, case-folded: "Service niveauer/servicekatalog" and
// "Serviceniveauer/servicekatalog" have the same key.
std::string key(std::string_view s) {
    const auto u = icu::UnicodeString::fromUTF8(text::fold(s));
    icu::UnicodeString out;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (u_isalnum(c)) out.append(c);
    }
    std::string k;
    return out.toUTF8String(k);
}

std::vector<std::string> words(std::string_view s) {
    const auto u = icu::UnicodeString::fromUTF8(text::fold(s));
    std::vector<std::string> out;
    icu::UnicodeString word;
    auto flush = [&] {
        if (word.length() > 0) {
            std::string w;
            out.push_back(word.toUTF8String(w));
            word.remove();
        }
    };
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (u_isalpha(c))
            word.append(c);
        else
            flush();
    }
    flush();
    return out;
}

// Levenshtein distance over code points, for spelling variants of one heading.
size_t edit_distance(const std::string& a, const std::string& b) {
    const auto ua = icu::UnicodeString::fromUTF8(a), ub = icu::UnicodeString::fromUTF8(b);
    std::vector<UChar32> x, y;
    for (int32_t i = 0; i < ua.length(); i = ua.moveIndex32(i, 1)) x.push_back(ua.char32At(i));
    for (int32_t i = 0; i < ub.length(); i = ub.moveIndex32(i, 1)) y.push_back(ub.char32At(i));
    std::vector<size_t> row(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= x.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= y.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] != y[j - 1])});
            diagonal = up;
        }
    }
    return row[y.size()];
}

// The heading names the theme when it is the theme's name, up to a letter or two of spelling
// ("børne- og ungepolitik" for "børn- og ungepolitik"), a shortening of it ("Governance" for
// "Governance for udviklingsplanen") or an extension of it.
bool names_theme(const std::string& heading, const std::string& name) {
    constexpr size_t kShortest = 5, kTypos = 2;
    const auto h = key(heading), n = key(name);
    if (h.size() < kShortest) return h == n;
    return n.rfind(h, 0) == 0 || h.rfind(n, 0) == 0 || edit_distance(h, n) <= kTypos;
}

bool standalone(const std::vector<std::string>& lines, size_t i) {
    const bool before = i == 0 || lines[i - 1].empty();
    const bool after = i + 1 == lines.size() || lines[i + 1].empty();
    return before && after && !lines[i].empty() && lines[i].size() <= kMaxHeading &&
           lines[i].back() != '.';
}

struct ListRun {
    size_t first = 0, last = 0;  // line indexes
    std::vector<std::string> names;
};

// The longest run of lines numbered 1, 2, 3, ... with only blank lines between them.
ListRun theme_list(const std::vector<std::string>& lines, const rules::Rules& rules) {
    ListRun best, current;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        const auto g = lines[i].size() <= kMaxHeading
                           ? rules.first_match("point.numbered", lines[i], true)
                           : std::nullopt;
        auto name = g ? g->at("text") : std::string();
        name.erase(std::remove(name.begin(), name.end(), '*'), name.end());  // markdown emphasis
        name = text::trim(name);
        const int n = g ? std::atoi(g->at("n").c_str()) : 0;
        if (name.empty()) {
            current = {};
        } else if (n == 1) {
            current = ListRun{i, i, {name}};
        } else if (n == static_cast<int>(current.names.size()) + 1) {
            current.last = i;
            current.names.push_back(name);
        } else {
            current = {};
        }
        if (current.names.size() > best.names.size()) best = current;
    }
    return best;
}

std::string first_paragraph(const std::vector<std::string>& lines, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
        if (lines[i].empty()) {
            if (!out.empty()) break;
            continue;
        }
        out += (out.empty() ? "" : " ") + lines[i];
    }
    return out;
}

}  // namespace

PlanDraft draft_plan(const ExtractedText& plan, const rules::Rules& rules) {
    const auto lines = document_lines(plan);
    const auto list = theme_list(lines, rules);
    if (list.names.size() < 3)
        throw InputError("no numbered list of themes found (expected lines 1., 2., 3., ...)");

    PlanDraft draft;
    for (const auto& l : lines)
        if (!l.empty()) {
            draft.name = l;
            break;
        }
    std::map<std::string, int> municipalities;
    for (const auto& l : lines)
        if (auto g = rules.first_match("meeting.municipality", l, false))
            ++municipalities[g->at("name")];
    if (!municipalities.empty())
        draft.municipality =
            std::max_element(municipalities.begin(), municipalities.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; })
                ->first;

    // Each theme's heading, in order, after the list.
    std::vector<size_t> starts;
    size_t from = list.last + 1;
    for (size_t t = 0; t < list.names.size(); ++t) {
        draft.themes.push_back({static_cast<int>(t + 1), list.names[t], "", {}, false});
        for (size_t i = from; i < lines.size(); ++i)
            if (standalone(lines, i) && names_theme(lines[i], list.names[t])) {
                draft.themes.back().section_found = true;
                starts.push_back(i);
                from = i + 1;
                break;
            }
        if (!draft.themes.back().section_found) starts.push_back(lines.size());
    }

    // Section bounds: to the next found heading, the appendix, or the end.
    std::vector<std::pair<size_t, size_t>> sections;
    for (size_t t = 0; t < starts.size(); ++t) {
        size_t end = lines.size();
        for (size_t u = t + 1; u < starts.size(); ++u)
            if (draft.themes[u].section_found) {
                end = starts[u];
                break;
            }
        if (draft.themes[t].section_found)
            for (size_t i = starts[t] + 1; i < end; ++i)
                if (rules.full_match("plan.appendix", lines[i])) {
                    end = i;
                    break;
                }
        sections.emplace_back(std::min(starts[t] + 1, end), end);
    }

    // Terms: stems frequent in one theme's section and rare in the others (tf × idf).
    text::DanishStemmer stemmer;
    std::vector<std::map<std::string, std::pair<int, std::string>>> counts(sections.size());
    std::map<std::string, int> document_frequency;
    for (size_t t = 0; t < sections.size(); ++t) {
        for (size_t i = sections[t].first; i < sections[t].second; ++i)
            for (const auto& w : words(lines[i]))
                if (w.size() >= kMinTermLength) {
                    auto& c = counts[t][stemmer.stem(w)];
                    if (c.first++ == 0) c.second = w;
                }
        for (const auto& [stem, c] : counts[t]) ++document_frequency[stem];
    }
    const double n_sections = static_cast<double>(sections.size());
    for (size_t t = 0; t < sections.size(); ++t) {
        auto& theme = draft.themes[t];
        const auto [begin, end] = sections[t];
        size_t purpose = begin;
        for (size_t i = begin; i < end; ++i)
            if (rules.full_match("plan.purpose", lines[i])) {
                purpose = i + 1;
                break;
            }
        theme.description = first_paragraph(lines, purpose, end);

        std::vector<std::pair<double, std::string>> ranked;
        for (const auto& [stem, c] : counts[t]) {
            if (c.first < 2) continue;
            const double idf = std::log(n_sections / document_frequency[stem]);
            if (idf > 0) ranked.emplace_back(c.first * idf, stem);
        }
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto& a, const auto& b) { return a.first > b.first; });
        // The theme's own name words come first: they are what minutes cite.
        std::set<std::string> seen;
        // ... unless every other section uses them too.
        for (const auto& w : words(theme.name)) {
            const auto stem = stemmer.stem(w);
            if (stem.size() >= kMinTermLength &&
                static_cast<size_t>(document_frequency[stem]) * 2 <= sections.size() &&
                seen.insert(stem).second)
                theme.terms.push_back(stem);
        }
        for (const auto& [score, stem] : ranked) {
            if (theme.terms.size() >= kTermsPerTheme) break;
            if (stem.size() >= kMinTermLength && seen.insert(stem).second)
                theme.terms.push_back(stem);
        }
    }
    return draft;
}

std::string format_theme_file(const PlanDraft& draft) {
    std::string out =
        "# DRAFT written by `referat themes import`: review every line before use.\n"
        "# Terms are Snowball stems of words typical of each theme's section; check they do not\n"
        "# match unrelated items, add phrases the minutes use, and add `exclude` lines.\n"
        "# `committees` and `plan`/`adopt` are left for you (see udviklingsplan-2.theme).\n\n";
    out += "name " + draft.name + "\n";
    out += draft.municipality.empty() ? "# municipality NAME  (none found in the document)\n"
                                      : "municipality " + draft.municipality + "\n";
    out +=
        "threshold 6\nsection title 3\nsection decision 3\nsection recommendation 2\n"
        "section resume 2\nsection case_text 1\n";
    for (const auto& t : draft.themes) {
        out += "\ntheme " + std::to_string(t.number) + " " + t.name + "\n";
        if (!t.section_found) out += "# no section heading found for this theme\n";
        if (!t.description.empty()) out += "description " + t.description + "\n";
        for (const auto& term : t.terms) out += "term 2 " + RE2::QuoteMeta(term) + "\n";
    }
    return out;
}

}  // namespace referat::link
