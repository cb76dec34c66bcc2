// Reading cases back for `referat case` and `referat show`: the timeline of stored items and
// quoted decisions, in SQL; what state that timeline is in is decided in cases/case_state.hpp.
#include "query/case.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "cases/case_state.hpp"
#include "query/layout.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

std::vector<std::string> people(Statement& st) {
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.column_text(0) + (st.is_null(1) ? "" : " (" + st.column_text(1) + ")"));
    st.reset();
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
    Statement routes(db.handle(),
                     "SELECT role, body, written FROM item_routes WHERE item_id = ?1 ORDER BY seq");
    for (auto e = c.timeline.rbegin(); e != c.timeline.rend() && route.empty(); ++e) {
        if (!e->item_id) continue;
        routes.bind(1, *e->item_id);
        while (routes.step())
            route.push_back({routes.column_text(0), routes.column_text(1), routes.column_text(2)});
        routes.reset();
    }
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
    sqlite3* h = db.handle();
    CaseView c;
    {
        Statement st(h,
                     "SELECT c.id, c.key, c.title, c.case_number FROM items i "
                     "JOIN cases c ON c.id = i.case_id WHERE i.id = ?1");
        if (!st.bind(1, item_id).step())
            throw QueryError("no item with id " + std::to_string(item_id));
        c.id = st.column_int(0);
        c.key = st.column_text(1);
        c.title = st.column_text(2);
        c.case_number = st.column_optional(3);
    }

    // How each item joined the case, shown at the item whose text holds the evidence.
    std::map<long long, std::vector<std::string>> joins;
    {
        Statement st(h,
                     "SELECT l.item_id, l.other_item_id, l.rule, l.evidence FROM case_links l "
                     "JOIN items a ON a.id = l.item_id JOIN items b ON b.id = l.other_item_id "
                     "WHERE a.case_id = ?1 AND b.case_id = ?1 ORDER BY l.rowid");
        st.bind(1, c.id);
        while (st.step())
            joins[st.column_int(0)].push_back(st.column_text(2) + ": " + st.column_text(3) +
                                              " (item " + st.column_text(1) + ")");
    }

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

    Statement decision_absent(h,
                              "SELECT name, party FROM absences WHERE item_id = ?1 "
                              "AND history_id IS NULL AND kind = 'absent' ORDER BY id");
    Statement meeting_absent(h,
                             "SELECT name, party FROM absences WHERE meeting_id = ?1 "
                             "AND item_id IS NULL AND kind = 'absent' ORDER BY id");
    Statement items(h,
                    "SELECT i.id, m.date, m.committee, m.municipality, i.number, i.title, "
                    "i.decision_outcome, i.decision, m.source, i.page, m.id FROM items i "
                    "JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = ?1 "
                    "ORDER BY m.date, i.number, i.id");
    items.bind(1, c.id);
    while (items.step()) {
        CaseEntry e;
        e.item_id = items.column_int(0);
        e.date = items.column_text(1);
        e.body = items.column_text(2);
        e.number = items.column_int(4);
        e.title = items.column_text(5);
        e.outcome = items.column_text(6);
        e.text = items.column_text(7);
        e.source = items.column_text(8);
        e.page = items.column_int(9);
        if (municipality.empty()) municipality = items.column_text(3);
        decision_absent.bind(1, *e.item_id);
        e.absent = people(decision_absent);
        if (e.absent.empty() && !e.outcome.empty()) {
            meeting_absent.bind(1, items.column_int(10));
            e.absent = people(meeting_absent);
        }
        if (const auto j = joins.find(*e.item_id); j != joins.end()) e.joins = j->second;
        seen.emplace(folded(e.body, items.column_text(3)), e.date, *e.number);
        seen.emplace(folded(e.body, items.column_text(3)), e.date, -1);
        entries.emplace_back(Order{e.date, 1, e.body, *e.number}, std::move(e));
    }

    // Quoted decisions of meetings not stored, each once however many items quote it.
    Statement quoted_absent(h,
                            "SELECT name, party FROM absences WHERE history_id = ?1 "
                            "AND kind = 'absent' ORDER BY id");
    Statement quotes(h,
                     "SELECT h.id, h.body, h.date, h.item_number, h.text, h.outcome, i.id, "
                     "m.committee, m.date, i.number, m.source, i.page, m.municipality "
                     "FROM history h JOIN items i ON i.id = h.item_id "
                     "JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = ?1 "
                     "ORDER BY m.date, i.number, i.id, h.ord");
    quotes.bind(1, c.id);
    while (quotes.step()) {
        CaseEntry e;
        e.date = quotes.column_text(2);
        e.body = quotes.column_text(1);
        if (!quotes.is_null(3)) e.number = quotes.column_int(3);
        const auto body_key = folded(e.body, quotes.column_text(12));
        // A quotation without pkt. is the stored item of that body and date, if there is one.
        if (!seen.emplace(body_key, e.date, e.number.value_or(-1)).second) continue;
        e.text = quotes.column_text(4);
        e.outcome = quotes.column_text(5);
        e.source = quotes.column_text(10);
        e.page = quotes.column_int(11);
        e.quoted_in =
            "item " + quotes.column_text(6) + ": " +
            cases::decision_ref(quotes.column_text(7), quotes.column_text(8), quotes.column_int(9));
        quoted_absent.bind(1, quotes.column_int(0));
        e.absent = people(quoted_absent);
        const bool dated = !e.date.empty();
        Order order{dated ? e.date : quotes.column_text(8), dated ? 1 : 0, e.body,
                    e.number.value_or(0)};
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
