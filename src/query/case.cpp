// Cases shown for `referat case` and `referat show`: the timeline of a case's stored items and
// the decisions they quote (read by store::read_case), each quoted decision once, in date order;
// what state that timeline is in is decided in cases/case_state.hpp.
#include "query/case.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "cases/case_state.hpp"
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

std::vector<CaseView> load_cases_by_number(store::Database& db, const rules::Rules& rules,
                                           const std::string& case_number) {
    const auto trimmed = text::trim(case_number);
    std::vector<CaseView> out;
    for (const long long item : store::items_by_case_number(db, std::string(trimmed)))
        out.push_back(load_case(db, rules, item));
    if (out.empty()) throw QueryError("no item with Sagsnr. " + std::string(trimmed));
    return out;
}

CaseView load_case(store::Database& db, const rules::Rules& rules, long long item_id,
                   CaseDetail detail) {
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
        return rules.body_key(body, mun.empty() ? std::nullopt : std::optional<std::string>(mun));
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
        e.quoted_in_item = q.item_id;
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
    if (detail == CaseDetail::WithState) derive_state(db, rules, municipality, c);
    return c;
}

std::vector<CaseHits> group_hits_by_case(store::Database& db, const std::vector<Hit>& hits) {
    Statement st(db.handle(),
                 "SELECT c.id, c.title, (SELECT count(*) FROM items WHERE case_id = c.id) "
                 "FROM items i JOIN cases c ON c.id = i.case_id WHERE i.id = ?1");
    std::vector<CaseHits> groups;
    std::map<long long, size_t> group_of;  // case id (0: none) → index in groups
    for (const auto& hit : hits) {
        CaseHits found;
        if (st.bind(1, hit.id).step()) {
            found.case_id = st.column_int(0);
            found.title = text::collapse(st.column_text(1));
            found.items = st.column_int(2);
        }
        st.reset();
        const long long key = found.case_id.value_or(0);
        auto [it, added] = group_of.emplace(key, groups.size());
        if (added) groups.push_back(std::move(found));
        groups[it->second].hits.push_back(hit);
    }
    return groups;
}

std::optional<CaseSize> case_of_item(store::Database& db, long long item_id) {
    Statement st(db.handle(),
                 "SELECT i.case_id, (SELECT count(*) FROM items o WHERE o.case_id = i.case_id) "
                 "FROM items i WHERE i.id = ?1 AND i.case_id IS NOT NULL");
    if (!st.bind(1, item_id).step()) return std::nullopt;
    return CaseSize{st.column_int(0), st.column_int(1)};
}

}  // namespace referat::query
