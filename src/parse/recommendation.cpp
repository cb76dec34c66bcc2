// The Indstilling: who recommends, the bodies it names as deciding ("til KB via DIR og BUL",
// "fremsender til byrådets orientering", "at Udvalget for Miljø og Teknik tager … til
// efterretning") and its points. A competence field ("Sagen afgøres i") is not the Indstilling's
// route and is not read.
#include <algorithm>

#include "parse/internal.hpp"
#include "parse/parse.hpp"
#include "util/text.hpp"

namespace referat::parse::detail {

namespace {

// How far into the Indstilling its first clause is looked for.
constexpr size_t kOpening = 400;
// The longest recommender's name: "Direktionen for Børn, Unge og Familier samt Kultur og Fritid".
constexpr size_t kRecommenderChars = 80;

// The bodies of a route, each by its name ("byrådets orientering" → "byrådet"). A genitive with
// more after its noun ends the route: the rest is what is sent.
std::vector<std::string> bodies(std::string_view list, const Rules& rules) {
    // "til Udvalget for Kultur og Fritid", "til Social og sundhed": a part that names no body on
    // its own goes on the name before it, as printed.
    std::vector<std::string> parts;
    size_t end_of_previous = 0;
    for (auto& part : split_list(list, rules)) {
        const auto at = list.find(part, end_of_previous);
        if (!parts.empty() && at != std::string_view::npos &&
            !rules.partial_match("recommendation.body_on_its_own", part) &&
            !rules.partial_match("recommendation.body_on_its_own", parts.back()))
            parts.back() += std::string(list.substr(end_of_previous, at - end_of_previous)) + part;
        else
            parts.push_back(part);
        if (at != std::string_view::npos) end_of_previous = at + part.size();
    }
    std::vector<std::string> out;
    for (auto& part : parts) {
        if (rules.partial_match("recommendation.no_body", part)) break;
        bool last = false;
        if (auto g = rules.first_match("recommendation.to_genitive", part, false)) {
            part = (*g)["to"];
            last = !text::trim((*g)["object"]).empty();
        }
        part = text::trim(part);
        if (!part.empty()) out.push_back(part);
        if (last) break;
    }
    return out;
}

// Where the last sentence of `s` starts: after ". " that ends a word in lower case of three
// letters or more, no abbreviation ("Bilag vedlagt. Direktionen"; not "Adm. Direktør", "m.fl.
// Økonomi"), before a capital; 0 when there is none.
size_t last_sentence_start(std::string_view s) {
    constexpr size_t kShortestWord = 3;
    for (size_t stop = s.rfind(". "); stop != std::string_view::npos && stop > 0;
         stop = s.rfind(". ", stop - 1)) {
        const auto before = s.find_last_of(" ,;(", stop - 1);
        const size_t from = before == std::string_view::npos ? 0 : before + 1;
        const auto word = s.substr(from, stop - from);
        if (text::code_points(word) >= kShortestWord && text::fold(word) == word &&
            word.find('.') == std::string_view::npos && text::starts_upper(s.substr(stop + 2)))
            return stop + 2;
    }
    return 0;
}

// The last line is a recommender's clause with nothing after its verb, and is not the only text.
bool ends_in_bare_recommender(const std::vector<std::string>& lines, const Rules& rules) {
    const auto& last = lines.back();
    const bool bare =
        (last.ends_with(',') || last.ends_with(':')) && recommender_clause(last, rules);
    return bare &&
           std::any_of(lines.begin(), lines.end() - 1, [](const auto& l) { return !l.empty(); });
}

}  // namespace

std::optional<rules::Groups> recommender_clause(std::string_view line, const Rules& rules) {
    auto g = rules.first_match("recommendation.by", line, true);
    if (!g) return std::nullopt;
    // "Bilag vedlagt. Direktionen indstiller, at …": the recommender is the last sentence's
    // subject, where a rendering ran the sentences before it onto its line (group "before").
    if (const auto start = last_sentence_start((*g)["by"]); start > 0) {
        (*g)["before"] = (*g)["by"].substr(0, start);
        (*g)["by"] = (*g)["by"].substr(start);
    }
    if (text::code_points((*g)["by"]) > kRecommenderChars) return std::nullopt;
    return g;
}

void parse_first_route(const std::vector<std::string>& lines, Recommendation& rec,
                       const Rules& rules) {
    const auto first =
        std::find_if(lines.begin(), lines.end(), [](const auto& l) { return !l.empty(); });
    if (first == lines.end()) return;
    parse_route(*first, rec, rules);
    if (rec.by) return;
    // "Børn- og Ungeforvaltningen" / "indstiller, at …": the recommender's name on a line of
    // its own, the clause going on in lower case on the next.
    const auto next =
        std::find_if(first + 1, lines.end(), [](const auto& l) { return !l.empty(); });
    if (next == lines.end()) return;
    if (!text::starts_upper(*next)) {
        parse_route(text::join({*first, *next}, " "), rec, rules);
        return;
    }
    // "Sagen bliver behandlet i Økonomiudvalget og Kommunalbestyrelsen." / "Direktionscentret
    // indstiller,": a sentence about the case's way before the recommender's clause.
    if (first->ends_with('.')) parse_route(*next, rec, rules);
}

std::optional<Recommendation> recommendation_from(std::vector<std::string> lines,
                                                  const Rules& rules) {
    // "… tages til efterretning." / "Økonomi- og Erhvervsudvalget indstiller,": a recommender
    // whose recommendation is not printed ends no Indstilling.
    while (lines.size() > 1 && (lines.back().empty() || ends_in_bare_recommender(lines, rules)))
        lines.pop_back();
    auto text = collapse_lines(lines);
    if (text::is_blank_or_punct(text)) return std::nullopt;
    Recommendation r;
    r.text = text;
    parse_first_route(lines, r, rules);
    if (r.to.empty()) {
        // The body the first clause asks to act: "…, at byrådet godkender", "Børne- og
        // Undervisningsudvalget tager orienteringen til efterretning." A generic "udvalget" is no
        // body's name.
        const auto opening = std::string_view(text).substr(0, kOpening);
        if (auto g = rules.first_match("recommendation.to_subject", opening, false)) {
            const auto to = text::trim((*g)["to"]);
            if (!rules.full_match("recommendation.generic_body", to)) r.to.push_back(to);
        }
    }
    for (auto& p : parse_points(lines, rules, true))
        if (!rules.full_match("point.intro", p.text)) r.points.push_back(p.text);
    return r;
}

}  // namespace referat::parse::detail

namespace referat::parse {

void parse_route(std::string_view line, Recommendation& rec, const rules::Rules& rules) {
    if (rules.partial_match("recommendation.impersonal", line)) return;
    auto g = detail::recommender_clause(line, rules);
    if (!g) return;
    rec.by = text::trim((*g)["by"]);
    rec.to = detail::bodies((*g)["to"], rules);
    rec.via = detail::bodies((*g)["via"], rules);
    // "… til Økonomiudvalget at anbefale over for Økonomiudvalget og Byrådet": the last body
    // named decides, the others pass it on.
    if (auto onward = rules.first_match("recommendation.onward", line, false)) {
        auto then = detail::bodies((*onward)["to"], rules);
        if (then.empty()) return;
        std::vector<std::string> via = rec.to;
        via.insert(via.end(), rec.via.begin(), rec.via.end());
        via.insert(via.end(), then.begin(), then.end() - 1);
        rec.to = {then.back()};
        rec.via = std::move(via);
    }
}

}  // namespace referat::parse
