// Cases shown for `referat case` and `referat show`: the timeline of a case's stored items and
// the decisions they quote (read by store::read_case), each quoted decision once, in date order;
// what state that timeline is in is decided in cases/case_state.hpp.
#include "query/case.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "cases/case_state.hpp"
#include "query/layout.hpp"
#include "store/cases.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

std::vector<std::string> people(const std::vector<store::Absentee>& absent) {
    std::vector<std::string> out;
    for (const auto& p : absent) out.push_back(p.name + (p.party ? " (" + *p.party + ")" : ""));
    return out;
}

std::string and_list(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

// A case's texts are wrapped as one paragraph each.
std::string wrap_paragraph(const std::string& s, const std::string& indent) {
    return wrap(text::collapse(s), indent);
}

// The case's state (cases::case_state) from its timeline and the route of the latest stored
// item that names one.
void derive_state(store::Database& db, const rules::Rules& rules, const std::string& municipality,
                  CaseView& c) {
    std::vector<cases::RouteStop> route;
    for (auto e = c.timeline.rbegin(); e != c.timeline.rend() && route.empty(); ++e)
        if (e->item_id) route = store::item_route(db, *e->item_id);
    std::vector<cases::Appearance> timeline;
    for (const auto& e : c.timeline)
        timeline.push_back({e.date, e.body, e.number, e.outcome, e.text});
    auto state = cases::case_state(
        timeline, route, rules,
        municipality.empty() ? std::nullopt : std::optional<std::string>(municipality));
    c.state = std::move(state.state);
    c.awaiting = std::move(state.awaiting);
    c.open_promises = std::move(state.open_promises);
}

}  // namespace

CaseView load_case(store::Database& db, const rules::Rules& rules, long long item_id) {
    const auto stored = store::read_case(db, item_id);
    if (!stored) throw QueryError("no item with id " + std::to_string(item_id));
    CaseView c;
    c.id = stored->id;
    c.key = stored->key;
    c.title = stored->title;
    c.case_number = stored->case_number;

    // How each item joined the case, shown at the item whose text holds the evidence.
    std::map<long long, std::vector<std::string>> joins;
    for (const auto& l : stored->links)
        joins[l.item_id].push_back(l.rule + ": " + l.evidence + " (item " +
                                   std::to_string(l.other_item_id) + ")");

    std::string municipality;
    // Sort key: date (a quotation without one goes just before the item quoting it), then body
    // and pkt.
    using Order = std::tuple<std::string, int, std::string, long long>;
    std::vector<std::pair<Order, CaseEntry>> entries;
    std::set<std::tuple<std::string, std::string, long long>> seen;  // folded body, date, pkt.
    auto folded = [&](const std::string& body, const std::string& mun) {
        return text::fold(rules.full_body_name(
            body, mun.empty() ? std::nullopt : std::optional<std::string>(mun)));
    };

    for (const auto& it : stored->items) {
        CaseEntry e;
        e.item_id = it.id;
        e.date = it.date;
        e.body = it.committee;
        e.number = it.number;
        e.title = it.title;
        e.outcome = it.outcome;
        e.text = it.decision;
        e.source = it.source;
        e.page = it.page;
        if (municipality.empty()) municipality = it.municipality;
        e.absent = people(it.absent);
        if (const auto j = joins.find(it.id); j != joins.end()) e.joins = j->second;
        seen.emplace(folded(e.body, it.municipality), e.date, it.number);
        seen.emplace(folded(e.body, it.municipality), e.date, -1);
        entries.emplace_back(Order{e.date, 1, e.body, it.number}, std::move(e));
    }

    // Quoted decisions of meetings not stored, each once however many items quote it.
    for (const auto& q : stored->quotes) {
        // A quotation without pkt. is the stored item of that body and date, if there is one.
        if (!seen.emplace(folded(q.body, q.municipality), q.date, q.number.value_or(-1)).second)
            continue;
        CaseEntry e;
        e.date = q.date;
        e.body = q.body;
        e.number = q.number;
        e.text = q.text;
        e.outcome = q.outcome;
        e.source = q.source;
        e.page = q.page;
        e.quoted_in = "item " + std::to_string(q.item_id) + ": " +
                      cases::decision_ref(q.item_committee, q.item_date, q.item_number);
        e.absent = people(q.absent);
        const bool dated = !e.date.empty();
        Order order{dated ? e.date : q.item_date, dated ? 1 : 0, e.body, e.number.value_or(0)};
        entries.emplace_back(std::move(order), std::move(e));
    }

    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, e] : entries) c.timeline.push_back(std::move(e));
    derive_state(db, rules, municipality, c);
    return c;
}

std::string format_case(const CaseView& c) {
    std::string out = "Case " + std::to_string(c.id) + ": " + text::collapse(c.title) + "\n";
    out += "  key: " + c.key;
    if (c.case_number) out += "  Sagsnr. " + *c.case_number;
    out += "\n";
    std::string state;
    if (c.state == "awaiting") {
        const auto& last = c.timeline.back().outcome;
        state = (last == "recommended" ? "recommended onwards, awaits " : "awaits ") +
                and_list(c.awaiting);
    } else {
        state = c.state;
    }
    out += "State: " + state + "\n";
    for (const auto& p : c.open_promises) out += wrap_paragraph("Open promise: " + p, "");
    out += "\n";

    for (const auto& e : c.timeline) {
        out += (e.date.empty() ? std::string("(no date)") : e.date) + "  " + e.body;
        if (e.number) out += ", pkt. " + std::to_string(*e.number);
        out += e.item_id ? "  [item " + std::to_string(*e.item_id) + "]" : "  [quoted]";
        out += "  " + (e.outcome.empty() ? std::string("no decision") : e.outcome) + "\n";
        if (!e.title.empty()) out += wrap_paragraph(e.title, "    ");
        if (!e.text.empty()) out += wrap_paragraph(e.text, "    | ");
        if (!e.absent.empty())
            out += wrap_paragraph("absent: " + text::join(e.absent, ", "), "    ");
        std::string source = "source: " + e.source;
        if (e.page > 0) source += ", page " + std::to_string(e.page);
        if (!e.quoted_in.empty()) source += ", quoted in " + e.quoted_in;
        out += wrap_paragraph(source, "    ");
        for (const auto& j : e.joins) out += wrap_paragraph("joined by " + j, "    ");
    }
    return out;
}

std::string format_hits_by_case(store::Database& db, const std::vector<Hit>& hits) {
    if (hits.empty()) return format_hits(hits);
    Statement st(db.handle(),
                 "SELECT c.id, c.title, (SELECT count(*) FROM items WHERE case_id = c.id) "
                 "FROM items i JOIN cases c ON c.id = i.case_id WHERE i.id = ?1");
    std::vector<long long> order;                    // case ids by first hit
    std::map<long long, std::string> headings;       // case id → heading line
    std::map<long long, std::vector<size_t>> group;  // case id → hit indexes
    for (size_t i = 0; i < hits.size(); ++i) {
        long long id = 0;
        if (st.bind(1, hits[i].id).step()) {
            id = st.column_int(0);
            if (!headings.count(id))
                headings[id] = "case " + std::to_string(id) + " (" + st.column_text(2) +
                               (st.column_int(2) == 1 ? " item): " : " items): ") +
                               text::collapse(st.column_text(1));
        }
        st.reset();
        if (!group.count(id)) order.push_back(id);
        group[id].push_back(i);
    }

    std::vector<Hit> grouped;
    for (const long long id : order)
        for (const size_t i : group[id]) grouped.push_back(hits[i]);
    // format_hits gives one header line and then one line per hit, aligned over all hits.
    std::istringstream table(format_hits(grouped));
    std::string line;
    std::getline(table, line);
    std::string out = "  " + line + "\n";
    for (const long long id : order) {
        out += headings.count(id) ? headings[id] : std::string("no case");
        out += "\n";
        for (size_t n = 0; n < group[id].size() && std::getline(table, line); ++n)
            out += "  " + line + "\n";
    }
    return out;
}

std::string case_line(store::Database& db, long long item_id) {
    Statement st(db.handle(),
                 "SELECT i.case_id, (SELECT count(*) FROM items o WHERE o.case_id = i.case_id) "
                 "FROM items i WHERE i.id = ?1 AND i.case_id IS NOT NULL");
    if (!st.bind(1, item_id).step()) return "";
    const auto n = st.column_int(1);
    return "case: " + st.column_text(0) + " (" + std::to_string(n) + (n == 1 ? " item" : " items") +
           "; referat case " + std::to_string(item_id) + ")\n";
}

}  // namespace referat::query
