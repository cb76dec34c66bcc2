// The cases tables in SQL: loads what the join rules (cases/join_rules.hpp) look at, and writes
// the links and cases they decide. The queries only narrow the stored items down to those that
// may join (same municipality, a quoted date, a Sagsnr., the title window); the rules check
// every condition themselves. Also reads a case back for `referat case` (read_case).
#include "store/cases.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "cases/join_rules.hpp"
#include "util/text.hpp"

namespace referat::store {

namespace {

// Meetings with their items, routes and dated quotations, as the join rules take them.
class MeetingLoader {
  public:
    MeetingLoader(StatementCache& sql, MeetingCache& cache) : sql_(sql), cache_(cache) {}

    // One meeting; throws std::logic_error for an id not stored.
    cases::Meeting meeting(long long id) {
        Statement& m = sql_.get(
            "SELECT municipality, committee, date, content_hash, "
            "(SELECT min(id) FROM items WHERE meeting_id = ?1) FROM meetings WHERE id = ?1");
        if (!m.bind(1, id).step()) throw std::logic_error("join_cases: no such meeting");
        cases::Meeting out{
            id, m.column_optional(0), m.column_optional(1), m.column_optional(2), {}};
        const auto hash = m.column_text(3);
        const auto first_item = m.column_int(4);
        m.reset();
        if (const auto* cached = cache_.find(id, hash, first_item)) return *cached;
        Statement& items =
            sql_.get(std::string("SELECT id, number, title, case_number, ") + kAwaitsReturn +
                     " FROM items i WHERE i.meeting_id = ?1 ORDER BY i.id");
        items.bind(1, id);
        while (items.step()) out.items.push_back(item(items, 0));
        items.reset();
        std::vector<cases::Meeting> one{std::move(out)};
        Statement& routes = sql_.get(
            "SELECT r.item_id, r.body FROM item_routes r JOIN items i ON i.id = r.item_id "
            "WHERE i.meeting_id = ?1");
        routes.bind(1, id);
        Statement& quotes = sql_.get(
            "SELECT h.item_id, h.body, h.date, h.item_number FROM history h "
            "JOIN items i ON i.id = h.item_id WHERE i.meeting_id = ?1 AND h.date IS NOT NULL "
            "ORDER BY h.item_id, h.ord");
        quotes.bind(1, id);
        attach(one, routes, quotes);
        cache_.put(hash, first_item, one.front());
        return std::move(one.front());
    }

    // The ids of the other meetings of `meeting`'s municipality from `first` to `last` (ISO dates)
    // that the title rules can join: of its own body (a matter come back), of a body one of its
    // items routes the case to or through, and with an item routing the case to its body. Every
    // meeting of those months, of all the municipality's committees, was most of the cost of an
    // ingest into a large database, and the other rules find their meetings by their own queries.
    std::set<long long> title_window(const cases::Meeting& meeting, const std::string& first,
                                     const std::string& last, const rules::Rules& rules) {
        // The window's rows name few bodies, each many times.
        std::unordered_map<std::string, std::string> keys;
        const auto key = [&](const std::string& body) -> const std::string& {
            auto it = keys.find(body);
            if (it == keys.end())
                it = keys.emplace(body, rules.body_key(body, meeting.municipality)).first;
            return it->second;
        };
        const std::string here = key(meeting.committee.value_or(""));
        std::set<std::string> bodies{here};
        for (const auto& x : meeting.items)
            for (const auto& r : x.routes) bodies.insert(key(r));
        // The window's meetings, each with whether one of its items routes a case to this body.
        Statement& window = sql_.get(
            "SELECT m.id, m.committee, EXISTS (SELECT 1 FROM meeting_routes k WHERE "
            "k.meeting_id = m.id AND k.body_key = ?5) FROM meetings m WHERE m.municipality IS ?1 "
            "AND m.date BETWEEN ?2 AND ?3 AND m.id != ?4");
        window.bind(1, meeting.municipality)
            .bind(2, first)
            .bind(3, last)
            .bind(4, meeting.id)
            .bind(5, here);
        std::set<long long> ids;
        while (window.step())
            if (window.column_int(2) != 0 || bodies.count(key(window.column_text(1))))
                ids.insert(window.column_int(0));
        window.reset();
        return ids;
    }

  private:
    // cases::Item::awaits_return of an item row `i`.
    static constexpr const char* kAwaitsReturn =
        "CASE WHEN i.decision_outcome = 'postponed' THEN 'postponed' "
        "WHEN i.decision_promise IS NOT NULL THEN 'promised a return' ELSE '' END";

    // An item from columns id, number, title, case_number, awaits_return starting at `col`.
    static cases::Item item(Statement& st, int col) {
        return cases::Item{st.column_int(col),
                           st.column_int(col + 1),
                           st.column_text(col + 2),
                           st.column_optional(col + 3),
                           {},
                           {},
                           st.column_text(col + 4)};
    }

    // Adds the rows of bound `routes` (item id, body) and `quotes` (item id, body, date, pkt.)
    // to the items of `meetings`.
    static void attach(std::vector<cases::Meeting>& meetings, Statement& routes,
                       Statement& quotes) {
        std::unordered_map<long long, cases::Item*> by_id;
        for (auto& m : meetings)
            for (auto& it : m.items) by_id.emplace(it.id, &it);
        while (routes.step())
            if (const auto it = by_id.find(routes.column_int(0)); it != by_id.end())
                it->second->routes.push_back(routes.column_text(1));
        routes.reset();
        while (quotes.step()) {
            const auto it = by_id.find(quotes.column_int(0));
            if (it == by_id.end()) continue;
            std::optional<long long> n;
            if (!quotes.is_null(3)) n = quotes.column_int(3);
            it->second->quotes.push_back(
                cases::Quote{quotes.column_text(1), quotes.column_text(2), n});
        }
        quotes.reset();
    }

    StatementCache& sql_;
    MeetingCache& cache_;
};

// The stored meetings that may join `meeting`'s items, by id: those of the title window the title
// rules can join, and the meetings of items that share a Sagsnr. with them, quote them or the
// decisions they quote, or that they quote.
std::vector<cases::Meeting> stored_neighbours(MeetingLoader& load, StatementCache& sql,
                                              const cases::Meeting& meeting,
                                              const rules::Rules& rules) {
    std::set<long long> more;
    if (meeting.committee && meeting.date)
        if (const auto window = cases::title_window(*meeting.date))
            more = load.title_window(meeting, window->first, window->second, rules);

    auto collect = [&](Statement& st) {
        while (st.step()) more.insert(st.column_int(0));
        st.reset();
    };
    Statement& by_case_number = sql.get(
        "SELECT i.meeting_id FROM items i JOIN meetings m ON m.id = i.meeting_id "
        "WHERE i.case_number = ?1 AND m.municipality IS ?2 AND m.id != ?3");
    Statement& on_date =
        sql.get("SELECT id FROM meetings WHERE date = ?1 AND municipality IS ?2 AND id != ?3");
    static constexpr const char* kQuoting =
        "SELECT i.meeting_id FROM history h JOIN items i ON i.id = h.item_id "
        "JOIN meetings m ON m.id = i.meeting_id "
        "WHERE m.municipality IS ?1 AND m.id != ?2 AND h.date = ?3";
    Statement& quoting_date = sql.get(kQuoting);
    Statement& quoting = sql.get(std::string(kQuoting) + " AND h.item_number = ?4");
    for (const auto& x : meeting.items) {
        if (x.case_number && !text::trim(*x.case_number).empty())
            collect(by_case_number.bind(1, *x.case_number)
                        .bind(2, meeting.municipality)
                        .bind(3, meeting.id));
        for (const auto& q : x.quotes) {
            collect(on_date.bind(1, q.date).bind(2, meeting.municipality).bind(3, meeting.id));
            if (q.number)
                collect(quoting.bind(1, meeting.municipality)
                            .bind(2, meeting.id)
                            .bind(3, q.date)
                            .bind(4, *q.number));
        }
    }
    if (meeting.committee && meeting.date)
        collect(
            quoting_date.bind(1, meeting.municipality).bind(2, meeting.id).bind(3, *meeting.date));
    std::vector<cases::Meeting> out;
    for (const long long id : more) out.push_back(load.meeting(id));
    return out;
}

// Recomputes the cases of every item reachable over case_links from `seeds`
// (cases::group_cases decides, this reads and writes the rows). `dirty_cases` are cases that may
// have lost items.
void assign_cases(StatementCache& sql, const std::vector<long long>& seeds,
                  const std::vector<long long>& dirty_cases) {
    std::vector<long long> ids;
    {
        std::set<long long> seen;
        Statement& next = sql.get(
            "SELECT other_item_id FROM case_links WHERE item_id = ?1 "
            "UNION SELECT item_id FROM case_links WHERE other_item_id = ?1");
        std::vector<long long> todo(seeds.begin(), seeds.end());
        while (!todo.empty()) {
            const long long id = todo.back();
            todo.pop_back();
            if (!seen.insert(id).second) continue;
            ids.push_back(id);
            next.bind(1, id);
            while (next.step()) todo.push_back(next.column_int(0));
            next.reset();
        }
    }

    std::vector<cases::Member> members;
    std::set<long long> old_ids(dirty_cases.begin(), dirty_cases.end());
    Statement& load = sql.get(
        "SELECT i.key, m.date, i.title, i.case_number, i.case_id FROM items i "
        "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1");
    for (const long long id : ids) {
        if (!load.bind(1, id).step()) throw std::logic_error("assign_cases: item vanished");
        cases::Member m{id,
                        load.column_text(0),
                        load.column_text(1),
                        load.column_text(2),
                        load.column_optional(3),
                        std::nullopt};
        if (!load.is_null(4)) old_ids.insert(*(m.case_id = load.column_int(4)));
        load.reset();
        members.push_back(std::move(m));
    }

    std::vector<std::pair<std::string, std::string>> splits;
    Statement& split = sql.get(
        "SELECT other_key FROM case_splits WHERE key = ?1 "
        "UNION SELECT key FROM case_splits WHERE other_key = ?1");
    std::vector<cases::StoredLink> links;
    Statement& link = sql.get("SELECT other_item_id, rule FROM case_links WHERE item_id = ?1");
    for (const auto& m : members) {
        split.bind(1, m.key);
        while (split.step()) splits.emplace_back(m.key, split.column_text(0));
        split.reset();
        link.bind(1, m.id);
        while (link.step())
            links.push_back({m.id, link.column_int(0), cases::rule_named(link.column_text(1))});
        link.reset();
    }

    std::vector<cases::CaseRow> old_rows;
    Statement& old = sql.get("SELECT key, title, case_number FROM cases WHERE id = ?1");
    for (const long long id : old_ids) {
        if (old.bind(1, id).step())
            old_rows.push_back(
                {id, old.column_text(0), old.column_optional(1), old.column_optional(2)});
        old.reset();
    }

    Statement& update = sql.get("UPDATE cases SET title = ?2, case_number = ?3 WHERE id = ?1");
    Statement& insert = sql.get("INSERT INTO cases (key, title, case_number) VALUES (?1, ?2, ?3)");
    Statement& set_case = sql.get("UPDATE items SET case_id = ?2 WHERE id = ?1");
    std::set<long long> used;
    for (const auto& c : cases::group_cases(members, links, splits, old_rows)) {
        long long case_id = 0;
        if (c.reuse) {
            case_id = *c.reuse;
            if (c.row_changed)
                update.bind(1, case_id).bind(2, c.title).bind(3, c.case_number).run();
        } else {
            insert.bind(1, c.key).bind(2, c.title).bind(3, c.case_number).run();
            case_id = sqlite3_last_insert_rowid(sql.db());
        }
        used.insert(case_id);
        for (const size_t i : c.members)
            if (members[i].case_id != case_id)
                set_case.bind(1, members[i].id).bind(2, case_id).run();
    }
    Statement& drop = sql.get(
        "DELETE FROM cases WHERE id = ?1 "
        "AND NOT EXISTS (SELECT 1 FROM items WHERE case_id = ?1)");
    for (const long long id : old_ids)
        if (!used.count(id)) drop.bind(1, id).run();
}

}  // namespace

const cases::Meeting* MeetingCache::find(long long id, const std::string& hash,
                                         long long first_item) const {
    const auto it = entries_.find(id);
    if (it == entries_.end() || it->second.hash != hash || it->second.first_item != first_item)
        return nullptr;
    return &it->second.meeting;
}

void MeetingCache::put(const std::string& hash, long long first_item,
                       const cases::Meeting& meeting) {
    // A few municipalities' months of meetings: an ingest goes through its files in order.
    constexpr size_t kMeetings = 1024;
    if (entries_.size() >= kMeetings) entries_.clear();
    entries_[meeting.id] = Entry{hash, first_item, meeting};
}

void join_cases(StatementCache& sql, MeetingCache& cache, const rules::Rules& rules,
                long long meeting_id, const std::vector<long long>& dirty_cases) {
    MeetingLoader load(sql, cache);
    const auto meeting = load.meeting(meeting_id);
    const auto stored = stored_neighbours(load, sql, meeting, rules);
    Statement& insert = sql.get(
        "INSERT INTO case_links (item_id, other_item_id, rule, evidence) "
        "VALUES (?1, ?2, ?3, ?4)");
    for (const auto& link : cases::find_links(meeting, stored, rules, cache.titles()))
        insert.bind(1, link.from)
            .bind(2, link.to)
            .bind(3, cases::rule_name(link.rule))
            .bind(4, link.evidence)
            .run();

    std::vector<long long> seeds;
    for (const auto& x : meeting.items) seeds.push_back(x.id);
    Statement& members = sql.get("SELECT id FROM items WHERE case_id = ?1");
    for (const long long c : dirty_cases) {
        members.bind(1, c);
        while (members.step()) seeds.push_back(members.column_int(0));
        members.reset();
    }
    assign_cases(sql, seeds, dirty_cases);
}

long long split_case(Database& database, const std::vector<long long>& item_ids) {
    if (item_ids.empty()) throw std::invalid_argument("case split: no item given");
    sqlite3* db = database.handle();
    Transaction tx(db);
    Statement item(db, "SELECT case_id FROM items WHERE id = ?1");
    std::optional<long long> case_id;
    for (const long long id : item_ids) {
        if (!item.bind(1, id).step())
            throw std::invalid_argument("no item with id " + std::to_string(id));
        const long long c = item.column_int(0);
        item.reset();
        if (case_id && *case_id != c)
            throw std::invalid_argument("items " + std::to_string(item_ids.front()) + " and " +
                                        std::to_string(id) + " are in different cases");
        case_id = c;
    }

    const std::set<long long> leaving(item_ids.begin(), item_ids.end());
    std::vector<long long> all;
    std::vector<std::string> leaving_keys, staying_keys;
    Statement members(db, "SELECT id, key FROM items WHERE case_id = ?1");
    members.bind(1, *case_id);
    while (members.step()) {
        all.push_back(members.column_int(0));
        (leaving.count(all.back()) ? leaving_keys : staying_keys).push_back(members.column_text(1));
    }
    members.reset();
    if (staying_keys.empty())
        throw std::invalid_argument("nothing to split: the items are all of case " +
                                    std::to_string(*case_id));

    Statement split(db,
                    "INSERT OR IGNORE INTO case_splits (key, other_key, created_at) "
                    "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    for (const auto& a : leaving_keys)
        for (const auto& b : staying_keys)
            if (a != b) split.bind(1, std::min(a, b)).bind(2, std::max(a, b)).run();

    assign_cases(database.statements(), all, {*case_id});
    item.bind(1, item_ids.front()).step();
    const long long result = item.column_int(0);
    item.reset();
    tx.commit();
    return result;
}

namespace {

std::vector<Absentee> absentees(Statement& st) {
    std::vector<Absentee> out;
    while (st.step()) out.push_back({st.column_text(0), st.column_optional(1)});
    st.reset();
    return out;
}

}  // namespace

std::vector<long long> items_by_case_number(Database& database, const std::string& case_number) {
    // The exact form is found by index; only a number typed differently costs a scan.
    std::string folded;
    for (const char ch : case_number)
        if (ch != ' ') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::pair<const char*, const std::string*> tries[] = {
        {"i.case_number = ?1", &case_number},
        {"lower(replace(i.case_number, ' ', '')) = ?1", &folded}};
    std::vector<long long> out;
    for (const auto& [where, value] : tries) {
        Statement st(database.handle(),
                     std::string("SELECT i.id, i.case_id FROM items i JOIN meetings m ON m.id = "
                                 "i.meeting_id WHERE ") +
                         where + " ORDER BY m.date, i.number, i.id");
        st.bind(1, *value);
        std::set<long long> cases;
        while (st.step())
            if (st.is_null(1) || cases.insert(st.column_int(1)).second)
                out.push_back(st.column_int(0));
        if (!out.empty()) break;
    }
    return out;
}

std::optional<StoredCase> read_case(Database& database, long long item_id) {
    // The connection's prepared statements: a report reads hundreds of cases, and preparing
    // these anew for each was most of its time.
    auto& cached = database.statements();
    StoredCase c;
    {
        Statement& st = cached.get(
            "SELECT c.id, c.key, c.title, c.case_number FROM items i "
            "JOIN cases c ON c.id = i.case_id WHERE i.id = ?1");
        const bool found = st.bind(1, item_id).step();
        if (found) {
            c.id = st.column_int(0);
            c.key = st.column_text(1);
            c.title = st.column_text(2);
            c.case_number = st.column_optional(3);
        }
        st.reset();
        if (!found) return std::nullopt;
    }
    {
        Statement& st = cached.get(
            "SELECT l.item_id, l.other_item_id, l.rule, l.evidence FROM case_links l "
            "JOIN items a ON a.id = l.item_id JOIN items b ON b.id = l.other_item_id "
            "WHERE a.case_id = ?1 AND b.case_id = ?1 ORDER BY l.rowid");
        st.bind(1, c.id);
        while (st.step())
            c.links.push_back(
                {st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3)});
    }

    Statement& decision_absent = cached.get(
        "SELECT name, party FROM absences WHERE item_id = ?1 "
        "AND history_id IS NULL AND kind = 'absent' ORDER BY id");
    Statement& meeting_absent = cached.get(
        "SELECT name, party FROM absences WHERE meeting_id = ?1 "
        "AND item_id IS NULL AND kind = 'absent' ORDER BY id");
    Statement& items = cached.get(
        "SELECT i.id, m.date, m.committee, m.municipality, i.number, i.title, "
        "i.decision_outcome, i.decision, m.source, i.page, m.id FROM items i "
        "JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = ?1 "
        "ORDER BY m.date, i.number, i.id");
    items.bind(1, c.id);
    while (items.step()) {
        StoredCaseItem it;
        it.id = items.column_int(0);
        it.date = items.column_text(1);
        it.committee = items.column_text(2);
        it.municipality = items.column_text(3);
        it.number = items.column_int(4);
        it.title = items.column_text(5);
        it.outcome = items.column_text(6);
        it.decision = items.column_text(7);
        it.source = items.column_text(8);
        it.page = items.column_int(9);
        decision_absent.bind(1, it.id);
        it.absent = absentees(decision_absent);
        if (it.absent.empty() && !it.outcome.empty()) {
            meeting_absent.bind(1, items.column_int(10));
            it.absent = absentees(meeting_absent);
        }
        c.items.push_back(std::move(it));
    }

    Statement& quoted_absent = cached.get(
        "SELECT name, party FROM absences WHERE history_id = ?1 "
        "AND kind = 'absent' ORDER BY id");
    Statement& quotes = cached.get(
        "SELECT h.id, h.body, h.date, h.item_number, h.text, h.outcome, i.id, "
        "m.committee, m.date, i.number, m.source, i.page, m.municipality "
        "FROM history h JOIN items i ON i.id = h.item_id "
        "JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = ?1 "
        "ORDER BY m.date, i.number, i.id, h.ord");
    quotes.bind(1, c.id);
    while (quotes.step()) {
        StoredCaseQuote q;
        q.body = quotes.column_text(1);
        q.date = quotes.column_text(2);
        if (!quotes.is_null(3)) q.number = quotes.column_int(3);
        q.text = quotes.column_text(4);
        q.outcome = quotes.column_text(5);
        q.item_id = quotes.column_int(6);
        q.item_committee = quotes.column_text(7);
        q.item_date = quotes.column_text(8);
        q.item_number = quotes.column_int(9);
        q.source = quotes.column_text(10);
        q.page = quotes.column_int(11);
        q.municipality = quotes.column_text(12);
        quoted_absent.bind(1, quotes.column_int(0));
        q.absent = absentees(quoted_absent);
        c.quotes.push_back(std::move(q));
    }
    return c;
}

std::vector<cases::RouteStop> item_route(Database& database, long long item_id) {
    std::vector<cases::RouteStop> route;
    Statement& st = database.statements().get(
        "SELECT role, body, written FROM item_routes WHERE item_id = ?1 ORDER BY seq");
    st.bind(1, item_id);
    while (st.step()) route.push_back({st.column_text(0), st.column_text(1), st.column_text(2)});
    return route;
}

}  // namespace referat::store
