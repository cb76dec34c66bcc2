// Bodies are compared by their folded full names, so "ØU" in a route has acted when
// Økonomiudvalget decided.
#include "cases/case_state.hpp"

#include <set>

#include "util/text.hpp"

namespace referat::cases {

namespace {

// The sentence of `text` promising the case a return, if any.
std::optional<std::string> promise(const std::string& text, const rules::Rules& rules) {
    if (auto g = rules.first_match("promise.return", text, false))
        return text::trim(g->at("sentence"));
    return std::nullopt;
}

}  // namespace

std::string decision_ref(const std::string& body, const std::string& date,
                         std::optional<long long> number) {
    std::string s = body;
    if (!date.empty()) s += ", " + date;
    if (number) s += ", pkt. " + std::to_string(*number);
    return s;
}

CaseState case_state(const std::vector<Appearance>& timeline, const std::vector<RouteStop>& route,
                     const rules::Rules& rules, const std::optional<std::string>& municipality) {
    CaseState c;
    std::vector<const Appearance*> decided;
    for (const auto& e : timeline)
        if (!e.outcome.empty()) decided.push_back(&e);
    if (decided.empty()) {
        c.state = "no decision";
        return c;
    }
    auto folded = [&](const std::string& body) { return rules.body_key(body, municipality); };
    std::set<std::string> acted;
    for (const auto* e : decided)
        if (e->outcome != "postponed") acted.insert(folded(e->body));

    bool to_acted = false;
    long furthest_via = -1;
    for (size_t i = 0; i < route.size(); ++i) {
        if (!acted.count(folded(route[i].body))) continue;
        if (route[i].role == "to")
            to_acted = true;
        else
            furthest_via = static_cast<long>(i);
    }
    for (size_t i = 0; i < route.size(); ++i) {
        const auto& s = route[i];
        const bool waiting = s.role == "to" ? !acted.count(folded(s.body))
                                            : !to_acted && static_cast<long>(i) > furthest_via;
        if (!waiting) continue;
        c.awaiting.push_back(
            text::fold(s.written) == text::fold(s.body) ? s.body : s.body + " (" + s.written + ")");
    }

    const auto& latest = timeline.back().date;
    for (const auto* e : decided) {
        if (e->date != latest) continue;
        if (const auto p = promise(e->text, rules))
            c.open_promises.push_back(*p + " (" + decision_ref(e->body, e->date, e->number) + ")");
    }

    if (decided.back()->outcome == "postponed")
        c.state = "postponed";
    else if (!c.awaiting.empty())
        c.state = "awaiting";
    else if (!c.open_promises.empty())
        c.state = "open promise";
    else
        c.state = "decided";
    return c;
}

}  // namespace referat::cases
