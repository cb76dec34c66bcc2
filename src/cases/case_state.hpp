// A case's state and open promises from its timeline, on plain data: the query stage loads the
// timeline and the route, and shows what this decides.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rules.hpp"

namespace referat::cases {

// The case at one meeting: a stored item, or a decision quoted in one.
struct Appearance {
    std::string date;                 // ISO; empty for a quotation without a date
    std::string body;                 // as written
    std::optional<long long> number;  // pkt.
    std::string outcome;              // outcome vocabulary; empty without a decision
    std::string text;                 // the decision
};

// A body of an Indstilling's route: "via" (in order) or "to" (the deciding ones).
struct RouteStop {
    std::string role, body, written;  // body: full name; written: as the minutes wrote it
};

struct CaseState {
    // decided | awaiting (recommended onwards to the bodies in `awaiting`) | postponed |
    // open promise | no decision
    std::string state;
    std::vector<std::string> awaiting;       // "Økonomiudvalget (ØU)", in route order
    std::vector<std::string> open_promises;  // the promising sentence, then " (where)"
};

// "Direktionen, 2020-08-17, pkt. 2": where a decision was made (no date when it is unknown).
std::string decision_ref(const std::string& body, const std::string& date,
                         std::optional<long long> number);

// The state of a case whose `timeline` is in date order and whose latest route (of the latest
// stored item that names one) is `route`: postponed when the latest decision postpones it;
// awaiting the bodies of the route (via in order, then the deciding ones) that have not acted
// yet, after the furthest one that has; an open promise when a decision of the latest date
// promises a return (patterns/parse.re promise.return); otherwise decided.
CaseState case_state(const std::vector<Appearance>& timeline, const std::vector<RouteStop>& route,
                     const rules::Rules& rules, const std::optional<std::string>& municipality);

}  // namespace referat::cases
