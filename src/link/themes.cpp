// Linking an item to the themes of the plans that apply to its meeting: each term pattern counts
// once per section, weighted by term and section; exclusions and a plan adopted as a whole are
// evidence too, and every score is kept with its phrases, linked or not.
#include "link/themes.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "util/text.hpp"

namespace referat::link {

namespace {

using Span = std::pair<size_t, size_t>;  // byte offsets [begin, end)

std::vector<Span> find_all(const RE2& re, std::string_view text) {
    std::vector<Span> spans;
    re2::StringPiece match;
    size_t pos = 0;
    while (pos < text.size() && re.Match(re2::StringPiece(text.data(), text.size()), pos,
                                         text.size(), RE2::UNANCHORED, &match, 1)) {
        const auto begin = static_cast<size_t>(match.data() - text.data());
        spans.emplace_back(begin, begin + match.size());
        pos = begin + std::max<size_t>(match.size(), 1);
    }
    return spans;
}

bool overlaps(const Span& a, const std::vector<Span>& others) {
    return std::any_of(others.begin(), others.end(),
                       [&](const Span& b) { return a.first < b.second && b.first < a.second; });
}

struct SectionText {
    std::string name;
    std::string text;
};

std::vector<SectionText> sections_of(const Item& item) {
    std::vector<SectionText> out;
    for (const auto name : kItemSections)
        if (const auto text = section_text(item, name))
            out.push_back({std::string(name), std::string(*text)});
    return out;
}

std::optional<std::string> first_match(const std::vector<rules::ThemeTerm>& terms,
                                       std::string_view text) {
    for (const auto& t : terms)
        if (const auto spans = find_all(*t.re, text); !spans.empty())
            return std::string(text.substr(spans[0].first, spans[0].second - spans[0].first));
    return std::nullopt;
}

// A recommendation or decision point that names the plan and adopts it ("forslaget til
// Udviklingsplan 2 ... tiltrædes") makes the item concern every theme of the plan.
std::optional<ThemeEvidence> plan_adoption(const Item& item, const rules::ThemeSet& set) {
    if (set.plan.empty()) return std::nullopt;
    std::vector<SectionText> points;
    if (item.recommendation)
        for (const auto& p : item.recommendation->points) points.push_back({"recommendation", p});
    if (item.decision) {
        for (const auto& p : item.decision->points) points.push_back({"decision", p.text});
        if (item.decision->points.empty()) points.push_back({"decision", item.decision->text});
    }
    for (const auto& p : points) {
        const auto plan = first_match(set.plan, p.text);
        if (plan && first_match(set.adopt, p.text))
            return ThemeEvidence{p.name, "adopts " + text::collapse(*plan), set.threshold};
    }
    return std::nullopt;
}

}  // namespace

std::vector<ThemeScore> score_item(const Item& item, const rules::ThemeSet& set) {
    const auto sections = sections_of(item);
    const auto adoption = plan_adoption(item, set);
    std::vector<ThemeScore> scores;
    for (const auto& theme : set.themes) {
        ThemeScore score{set.id, theme.number, theme.name, 0, set.threshold, false, {}};
        if (adoption) score.evidence.push_back(*adoption);
        for (const auto& section : sections) {
            std::vector<Span> excluded;
            for (const auto& ex : theme.excludes)
                for (const auto& s : find_all(*ex.re, section.text)) excluded.push_back(s);
            const double section_weight = set.section_weights.find(section.name)->second;
            for (const auto& term : theme.terms) {
                for (const auto& span : find_all(*term.re, section.text)) {
                    if (overlaps(span, excluded)) continue;
                    const auto phrase =
                        text::collapse(std::string_view(section.text)
                                           .substr(span.first, span.second - span.first));
                    score.evidence.push_back({section.name, phrase, term.weight * section_weight});
                    break;  // a term counts once per section: repetition is not more relevance
                }
            }
        }
        for (const auto& e : score.evidence) score.score += e.points;
        if (score.evidence.empty()) continue;
        score.linked = score.score >= set.threshold;
        scores.push_back(std::move(score));
    }
    return scores;
}

std::vector<ThemeScore> link_item(const Item& item, const std::optional<std::string>& municipality,
                                  const std::optional<std::string>& committee,
                                  const rules::Rules& rules) {
    std::vector<ThemeScore> scores;
    if (!municipality || !committee) return scores;
    for (const auto& set : rules.theme_sets()) {
        if (!set.applies_to(*municipality, *committee)) continue;
        auto more = score_item(item, set);
        scores.insert(scores.end(), std::make_move_iterator(more.begin()),
                      std::make_move_iterator(more.end()));
    }
    return scores;
}

Referat link_themes(Referat referat, const rules::Rules& rules) {
    for (auto& item : referat.items)
        item.themes = link_item(item, referat.municipality, referat.committee, rules);
    return referat;
}

}  // namespace referat::link
