// Searching the store: FTS5 queries with filters, ranked by bm25 with section weights or newest
// first, and one item read back in full. Returns data; the CLI renders it.
#include "query/query.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "fts/compounds.hpp"
#include "fts/rank.hpp"
#include "util/person_key.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::kFtsColumns;
using store::SqlError;
using store::Statement;

// bm25 weight of each items_fts column: title and decision above the rest, case text lowest.
// A decided Indstilling point is also in the recommendation column (3), so decided_points adds 5
// to make a word there weigh like one in the decision itself (8).
constexpr std::array<double, kFtsColumns.size()> kWeights{10.0, 3.0, 3.0, 8.0, 5.0, 1.0};

// The items_fts columns a section searches, in the order a snippet is preferred from.
std::vector<size_t> section_columns(const std::string& section) {
    if (std::find(kSections.begin(), kSections.end(), section) == kSections.end())
        throw QueryError("unknown section: " + section +
                         " (expected title, resume, recommendation, decision, case_text or all)");
    std::vector<size_t> columns;
    for (size_t c = 0; c < kFtsColumns.size(); ++c) {
        const auto name = kFtsColumns[c];
        if (section == "all" || name == section ||
            (section == "decision" && name == "decided_points"))
            columns.push_back(c);
    }
    return columns;
}

// referat_bm25 (src/fts/rank.hpp) is bm25 with its statistics kept for the whole search under
// ?10, so looking up candidates one by one in the index does not walk every match each time.
std::string bm25_call() {
    std::string call = std::string(fts::kRankFunction) + "(items_fts, ?10";
    for (const double w : kWeights) call += ", " + std::to_string(w);
    return call + ")";
}

// How a search runs (a word in most of a million items must still answer in milliseconds).
// items_fts rowids (items.search_key) are in meeting date order, so the search walks the matches
// newest first inside FTS5, with the date range as a rowid range, checks the filters on the way and
// counts the matches up to kCountedMatches (or the page asked for, when more). Ranked by bm25, it
// ranks those newest matches, not all of them (bm25 costs microseconds per row, and the newest
// minutes are the ones a secretariat looks for); SearchPlan says so. The walk reads only the
// index (the rowid and bm25) unless a filter needs the item's row; the item and meeting rows are
// read for the page of hits shown (a page read each: 6 µs a row, 12 ms for 2,000 candidates). A
// filter an index serves (case number, theme, committee, absent person) may leave few items (see
// Driver::most): then the walk checks each match against those items' keys instead of reading
// the item's rows, and when the words match so many that this costs more than looking the items
// up, the rest are looked up in the FTS index one by one (see the walk below). Without words up
// to kListedCandidates of them are listed.
constexpr long long kListedCandidates = 20000;
// Steps of the walk over the words' matches for each item of a driver, and the steps it takes
// before it judges its pace (see the walk below).
constexpr long long kWalkStepsPerLookup = 256;
constexpr long long kWalkSample = 4 * kWalkStepsPerLookup;

// A filter whose index gives its items: their ids (counted to choose the driver) and search keys
// (the keys the walk checks, as they come from the indexes where those hold them); parameters
// as bound in search(). `most`: the items it drives a search with words for at most. Reading the
// keys costs ~0.2 µs an item where an index holds them (a committee's, a meeting's absentees') and
// ~1-2 µs where each is read from its row, which a rare word's few matches would not repay.
struct Driver {
    std::string_view name, items, keys;
    long long most;
};
constexpr std::array<Driver, 4> kDrivers{{
    {"case number", "SELECT id FROM items WHERE case_number = ?11",
     "SELECT search_key AS k FROM items WHERE case_number = ?11", 20000},
    {"theme", "SELECT item_id FROM item_themes WHERE theme = ?8 AND linked = 1",
     "SELECT i.search_key AS k FROM item_themes t JOIN items i ON i.id = t.item_id "
     "WHERE t.theme = ?8 AND t.linked = 1",
     20000},
    {"committee",
     "SELECT x.id FROM meetings mm JOIN items x ON x.meeting_id = mm.id "
     "WHERE mm.committee_key = ?2 AND x.search_key BETWEEN ?3 AND ?4",
     "SELECT x.search_key AS k FROM meetings mm JOIN items x ON x.meeting_id = mm.id "
     "WHERE mm.committee_key = ?2 AND x.search_key BETWEEN ?3 AND ?4",
     100000},
    {"absent",
     "SELECT item_id FROM absences WHERE person_key = ?6 AND kind = 'absent' "
     "AND item_id IS NOT NULL UNION ALL SELECT x.id FROM absences a JOIN items x "
     "ON x.meeting_id = a.meeting_id WHERE a.person_key = ?6 AND a.kind = 'absent' "
     "AND a.item_id IS NULL",
     "SELECT i.search_key AS k FROM absences a JOIN items i ON i.id = a.item_id "
     "WHERE a.person_key = ?6 AND a.kind = 'absent' UNION ALL SELECT x.search_key FROM "
     "absences a JOIN items x ON x.meeting_id = a.meeting_id WHERE a.person_key = ?6 "
     "AND a.kind = 'absent' AND a.item_id IS NULL",
     100000},
}};

// The filters as conditions on item i (and meeting m, for the committee). An absence counts when
// it is of the whole meeting (item_id NULL) or of this item (its decision or a decision quoted in
// it). A theme counts when the item is linked to it (any theme set); the item's own rows are few,
// so `+t.theme` keeps SQLite on the primary key rather than on the theme's index, which holds
// every item scored for the theme.
constexpr const char* kCommitteeFilter = "m.committee_key = ?2";
constexpr const char* kOutcomeFilter =
    "(i.decision_outcome = ?5 OR EXISTS (SELECT 1 FROM decision_points p"
    " WHERE p.item_id = i.id AND p.outcome = ?5))";
constexpr const char* kAbsentFilter =
    "EXISTS (SELECT 1 FROM absences a WHERE a.person_key = ?6"
    " AND a.kind = 'absent' AND a.meeting_id = i.meeting_id"
    " AND (a.item_id IS NULL OR a.item_id = i.id))";
constexpr const char* kThemeFilter =
    "EXISTS (SELECT 1 FROM item_themes t WHERE t.item_id = i.id AND +t.theme = ?8 AND t.linked)";
constexpr const char* kCaseNumberFilter = "i.case_number = ?11";

// What the page's hits show, read for those items only.
constexpr const char* kHitRow =
    "SELECT i.id, m.date, m.committee, i.number, i.title, i.decision_outcome FROM items i "
    "JOIN meetings m ON m.id = i.meeting_id WHERE i.search_key = ?1";

// Snippet markers, so the marks of a snippet can be counted before the visible [ ] and … are put
// in: Unicode noncharacters, which Unicode keeps for a program's own use. Control characters,
// used before, do occur in minutes (a hostile file's title), and then broke the snippet.
constexpr std::string_view kOpen = "\uFDD0", kClose = "\uFDD1", kEllipsis = "\uFDD2";

// A search query's bounds. Ranking walks the index once per word (bm25's statistics), and
// snippets look for every word again, so the cost grows with the words times the items each
// matches: 1,000 words took half a minute.
constexpr size_t kMaxQueryBytes = 2000;
constexpr size_t kMaxQueryWords = 64;

void check_date(const std::optional<std::string>& d, std::string_view what) {
    if (d && !text::is_iso_date(*d))
        throw QueryError("invalid " + std::string(what) + " date: " + *d +
                         " (expected YYYY-MM-DD)");
}

// FTS5 barewords are ASCII letters, digits, '_' and any non-ASCII byte; everything else outside
// a quoted string is syntax or an error.
bool bareword_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool fts_syntax(char c) {
    return std::string_view("(){}:^*+\"").find(c) != std::string_view::npos;
}

// Makes plain text a valid FTS5 query without changing real FTS5 syntax: a word with
// punctuation ("17/6692", "Børne-", "pkt.") becomes a quoted phrase, which FTS5 tokenizes
// like the indexed text; bare punctuation is dropped. Quoted strings, operators, column
// filters, prefixes and NEAR(a b, N) pass through, so malformed FTS5 still fails to parse.
// Two plain words that make a listed Danish word also find it written as one: `Task Force`
// becomes `(Task Force OR taskforce)` (the index has the spaced form as the joined word too, so
// `taskforce` finds `Task Force`; see src/fts/danish_tokenizer.hpp).
std::string prepare_query(std::string_view q) {
    std::string out;
    std::vector<bool> near_parens;  // one entry per open '(': opened by NEAR?
    std::string_view last_word;
    // The last plain word and where it starts in `out`, while only spaces follow it.
    std::string_view joinable;
    size_t joinable_at = std::string::npos;
    size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (c == '"') {
            // A quoted string runs to the next lone '"' ("" is an escaped quote inside it).
            size_t j = i + 1;
            while (j < q.size() && !(q[j] == '"' && (j + 1 == q.size() || q[j + 1] != '"')))
                j += q[j] == '"' ? 2 : 1;
            j = std::min(j + 1, q.size());
            out.append(q.substr(i, j - i));
            i = j;
            last_word = {};
            joinable_at = std::string::npos;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            out += c;
            ++i;
            continue;
        }
        const bool in_near = !near_parens.empty() && near_parens.back();
        if (fts_syntax(c) || (c == ',' && in_near)) {
            if (c == '(') near_parens.push_back(last_word == "NEAR");
            if (c == ')' && !near_parens.empty()) near_parens.pop_back();
            out += c;
            ++i;
            last_word = {};
            joinable_at = std::string::npos;
            continue;
        }
        size_t j = i;
        while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j])) &&
               !fts_syntax(q[j]) && !(q[j] == ',' && in_near))
            ++j;
        const auto run = q.substr(i, j - i);
        if (std::all_of(run.begin(), run.end(), bareword_char)) {
            const bool plain = run != "AND" && run != "OR" && run != "NOT" && run != "NEAR" &&
                               !in_near && (j == q.size() || q[j] != '*');
            std::string joined;
            if (plain && joinable_at != std::string::npos) {
                const auto first = fts::fold_word(joinable), second = fts::fold_word(run);
                if (first.size() >= 3 && second.size() >= 3 && fts::is_word(first + second))
                    joined = first + second;
            }
            if (!joined.empty()) {
                out.resize(joinable_at);
                out.append("(").append(joinable).append(" ").append(run);
                out.append(" OR ").append(joined).append(")");
                joinable_at = std::string::npos;
            } else {
                joinable_at = plain ? out.size() : std::string::npos;
                joinable = run;
                out.append(run);
            }
            last_word = run;
        } else {
            if (std::any_of(run.begin(), run.end(), bareword_char))
                out.append("\"").append(run).append("\"");
            last_word = {};
            joinable_at = std::string::npos;
        }
        i = j;
    }
    return out;
}

// The snippet with [ ] and … in place of the markers, and where its [marked] terms are.
// Collapsing first leaves the markers where they are: they are not white space.
std::pair<std::string, std::vector<std::pair<size_t, size_t>>> replace_markers(
    std::string_view raw) {
    const auto s = text::collapse(raw);
    std::string out;
    std::vector<std::pair<size_t, size_t>> marks;
    for (size_t i = 0; i < s.size();) {
        const auto rest = std::string_view(s).substr(i);
        if (rest.starts_with(kOpen)) {
            marks.emplace_back(out.size(), out.size());
            out += '[';
            i += kOpen.size();
        } else if (rest.starts_with(kClose)) {
            out += ']';
            if (!marks.empty()) marks.back().second = out.size();
            i += kClose.size();
        } else if (rest.starts_with(kEllipsis)) {
            out += "…";
            i += kEllipsis.size();
        } else {
            out += s[i++];
        }
    }
    std::erase_if(marks, [](const auto& m) { return m.second <= m.first; });
    return {std::move(out), std::move(marks)};
}

// Words of a query as FTS5 reads them (runs of bareword characters, in quoted phrases too),
// without the operators.
size_t query_words(std::string_view q) {
    size_t words = 0;
    for (size_t i = 0; i < q.size();) {
        if (!bareword_char(q[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < q.size() && bareword_char(q[j])) ++j;
        const auto word = q.substr(i, j - i);
        if (word != "AND" && word != "OR" && word != "NOT" && word != "NEAR") ++words;
        i = j;
    }
    return words;
}

// The snippet of the best column: the most marked terms, the earlier column on a tie. `row` has
// one snippet per items_fts column.
std::pair<size_t, std::string> best_snippet(const Statement& row,
                                            const std::vector<size_t>& columns) {
    size_t best = columns.front();
    long best_marks = -1;
    for (const size_t c : columns) {
        const auto s = row.column_text(static_cast<int>(c));
        long marks = 0;
        for (size_t at = s.find(kOpen); at != std::string::npos; at = s.find(kOpen, at + 1))
            ++marks;
        if (marks > best_marks && (marks > 0 || !s.empty())) {
            best = c;
            best_marks = marks;
        }
    }
    return {best, row.column_text(static_cast<int>(best))};
}

// Absences of a meeting, a decision or a quoted decision.
Absences absences(sqlite3* db, long long meeting_id, std::optional<long long> item_id,
                  std::optional<long long> history_id) {
    Statement st(db,
                 "SELECT kind, name, party, note FROM absences WHERE meeting_id = ?1 "
                 "AND item_id IS ?2 AND history_id IS ?3 ORDER BY id");
    st.bind(1, meeting_id);
    item_id ? st.bind(2, *item_id) : st.bind_null(2);
    history_id ? st.bind(3, *history_id) : st.bind_null(3);
    Absences out;
    while (st.step()) {
        Person p{st.column_text(1), st.column_optional(2), std::nullopt};
        if (st.column_text(0) == "absent") {
            out.absent.push_back(std::move(p));
        } else {
            p.note = st.column_optional(3);
            out.partly_present.push_back(std::move(p));
        }
    }
    return out;
}

std::vector<Point> points(sqlite3* db, const char* sql, long long item_id, bool with_outcome) {
    Statement st(db, sql);
    st.bind(1, item_id);
    std::vector<Point> out;
    while (st.step())
        out.push_back({st.column_text(0), st.column_text(1),
                       with_outcome ? st.column_optional(2) : std::nullopt});
    return out;
}

}  // namespace

std::string outcome_value(std::string_view wording, const rules::Rules& rules) {
    const auto folded = text::collapse(text::fold(wording));
    std::vector<std::string> values;
    for (const auto& [value, name] : kOutcomeNames) values.emplace_back(name);
    if (std::find(values.begin(), values.end(), folded) != values.end()) return folded;
    // Same classification as a decision text gets in parse: first pattern in file order wins
    // (outcome.phrase and outcome.aside name no outcome of their own).
    for (const auto& key : rules.keys_with_prefix("outcome.")) {
        const auto name = key.substr(std::string_view("outcome.").size());
        if (outcome_from_name(name) != Outcome::None && rules.partial_match(key, wording))
            return name;
    }
    throw QueryError("unknown outcome: " + std::string(wording) + " (expected " +
                     text::join(values, ", ") +
                     ", or Danish such as godkendt, anbefales, taget til efterretning, udsat)");
}

bool is_case_number(std::string_view query, const rules::Rules& rules) {
    return rules.full_match("case.query", text::trim(query));
}

SearchResult search(store::Database& db, const SearchOptions& o, const rules::Rules& rules,
                    SearchPlan* plan) {
    std::string q = text::trim(o.query);
    std::optional<std::string> case_number;
    if (o.case_number) case_number = text::trim(*o.case_number);
    if (!case_number && !q.empty() && is_case_number(q, rules)) {
        case_number = q;
        q.clear();
    }
    const bool words = !q.empty();
    if (!words && !o.committee && !o.outcome && !o.absent && !o.from && !o.to && !o.theme &&
        !case_number)
        throw QueryError("empty search query (give words, a case number or a filter)");
    if (const auto n = query_words(q); n > kMaxQueryWords)
        throw QueryError("search query too long: " + std::to_string(n) + " words (at most " +
                         std::to_string(kMaxQueryWords) + ")");
    if (q.size() > kMaxQueryBytes)
        throw QueryError("search query too long: " + std::to_string(q.size()) + " bytes (at most " +
                         std::to_string(kMaxQueryBytes) + ")");
    if (o.offset < 0) throw QueryError("invalid offset: " + std::to_string(o.offset));
    const auto columns = section_columns(o.section);
    check_date(o.from, "from");
    check_date(o.to, "to");

    std::string match = prepare_query(q);
    if (words && o.section != "all") {
        std::string filter;
        for (const size_t c : columns) (filter += filter.empty() ? "" : " ") += kFtsColumns[c];
        match = "{" + filter + "} : (" + match + ")";
    }

    std::optional<std::string> committee;
    if (o.committee) {
        const auto* c = rules.committee(*o.committee);
        committee = text::fold(text::collapse(c ? c->name : *o.committee));
    }
    std::optional<std::string> outcome;
    if (o.outcome) outcome = outcome_value(*o.outcome, rules);
    std::optional<std::string> absent;
    if (o.absent) absent = person_key(*o.absent);
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    const auto key_range = store::search_key_range(o.from, o.to);

    // Binds the parameters a statement has (the highest it names, and every one below).
    const auto bind = [&](Statement& st) -> Statement& {
        const int n = st.parameter_count();
        const auto set = [&](int i, const auto& value) {
            if (i <= n) st.bind(i, value);
        };
        set(1, match);
        set(2, committee);
        set(3, key_range.first);
        set(4, key_range.second);
        set(5, outcome);
        set(6, absent);
        if (8 <= n) o.theme ? st.bind(8, *o.theme) : st.bind_null(8);
        set(11, case_number);
        return st;
    };

    // The smallest set of items an index gives for a filter, when it is small enough to drive
    // the search.
    const Driver* driver = nullptr;
    long long fewest = std::numeric_limits<long long>::max();
    for (const auto& candidate : kDrivers) {
        const auto name = candidate.name;
        if ((name == "theme" && !o.theme) || (name == "absent" && !absent) ||
            (name == "committee" && !committee) || (name == "case number" && !case_number))
            continue;
        Statement count(db.handle(),
                        "SELECT count(*) FROM (" + std::string(candidate.items) + " LIMIT ?9)");
        const long long most = words ? candidate.most : kListedCandidates;
        bind(count).bind(9, most + 1).step();
        if (count.column_int(0) <= most && count.column_int(0) < fewest) {
            fewest = count.column_int(0);
            driver = &candidate;
        }
    }

    // The filters the walk checks on the item's row; none: the walk reads the index alone.
    std::vector<const char*> filters;
    if (committee) filters.push_back(kCommitteeFilter);
    if (outcome) filters.push_back(kOutcomeFilter);
    if (absent) filters.push_back(kAbsentFilter);
    if (o.theme) filters.push_back(kThemeFilter);
    if (case_number) filters.push_back(kCaseNumberFilter);
    const bool meeting_rows = committee.has_value();

    // Without words there is nothing to rank: the items are listed newest first.
    const bool ranked = words && !o.newest_first;
    const std::string score = ranked ? bm25_call() : std::string("0");
    // The matches walked newest first inside FTS5; `in_keys`: checked against the driver's items.
    const auto walk_sql = [&](bool in_keys) {
        std::string sql = "SELECT items_fts.rowid, " + score + " FROM items_fts";
        if (!filters.empty()) sql += " CROSS JOIN items i ON i.search_key = items_fts.rowid";
        if (meeting_rows) sql += " CROSS JOIN meetings m ON m.id = i.meeting_id";
        sql += " WHERE items_fts MATCH ?1 AND items_fts.rowid BETWEEN ?3 AND ?4";
        if (in_keys) sql += " AND referat_in_keys(?12, items_fts.rowid)";
        for (const auto* f : filters) (sql += " AND ") += f;
        return sql + " ORDER BY items_fts.rowid DESC";
    };
    std::string sql;
    if (words && !driver) {
        sql = walk_sql(false);
    } else {
        if (!driver && meeting_rows) {
            // A large committee listed without a word: its meetings newest first by their
            // index, each meeting's items by theirs, instead of every item of every committee
            // walked for the committee's (a day of search_key is its meeting's date: the order
            // the walk needs).
            sql =
                "SELECT i.search_key, 0 FROM meetings m CROSS JOIN items i ON i.meeting_id = m.id "
                "WHERE i.search_key BETWEEN ?3 AND ?4";
        } else {
            sql = "SELECT i.search_key, " + score + " FROM items i";
            if (meeting_rows) sql += " CROSS JOIN meetings m ON m.id = i.meeting_id";
            if (words) sql += " CROSS JOIN items_fts ON items_fts.rowid = i.search_key";
            sql += " WHERE ";
            if (driver) sql += "i.search_key IN (" + std::string(driver->keys) + ") AND ";
            sql += "i.search_key BETWEEN ?3 AND ?4";
            if (words) sql += " AND items_fts MATCH ?1";
        }
        for (const auto* f : filters) (sql += " AND ") += f;
        // Newest first, so that counting stops at the newest (a driver gives its items by id).
        sql += !driver && meeting_rows ? " ORDER BY m.date DESC" : " ORDER BY i.search_key DESC";
    }

    // The walk counts (and ranks) the newest kCountedMatches matches, or the page when it asks
    // for more. Newest first, it also takes the rest of the last date counted, whose items are
    // put in number order below.
    const long long offset = o.offset;
    const long long wanted = o.limit > 0 ? offset + o.limit : -1;
    const long long cap = o.limit > 0 ? std::max(wanted, kCountedMatches) : -1;
    const auto day = [](long long key) { return key >> store::kSearchKeyBits; };
    struct Candidate {
        long long search_key;
        double score;
    };
    std::vector<Candidate> found;
    bool capped = false;
    // One key per search: its statistics are computed once, and never outlive it.
    static std::atomic<unsigned long long> searches{0};
    const std::string rank_key = std::to_string(++searches) + '\x1f' + match;
    // Steps `st` into `found`; false when the driver's key set stopped the walk.
    const auto collect = [&](Statement& st, const store::KeySet* keys) {
        if (ranked) st.bind(10, rank_key);
        try {
            while (st.step()) {
                const Candidate c{st.column_int(0), st.column_double(1)};
                if (cap >= 0 && static_cast<long long>(found.size()) >= cap &&
                    (ranked || day(c.search_key) != day(found.back().search_key))) {
                    capped = true;
                    break;
                }
                found.push_back(c);
            }
        } catch (const SqlError& e) {
            if (keys && keys->stopped_at) return false;
            // SQLITE_ERROR here is FTS5 rejecting the expression; busy or corrupt files keep
            // their error.
            if (e.code() == SQLITE_ERROR) throw QueryError("malformed search query: " + q);
            throw;
        }
        return true;
    };

    // Words and a driver: which costs less, walking the words' matches and checking each
    // against the driver's items, or looking each item up in the FTS index, is not known before
    // (how many items the words match is not). A lookup probes every segment of the index (at a
    // million items ~13 µs in one segment, ~33 µs in seven); a step of the walk ~0.06-0.09 µs.
    // So the walk goes first, newest first over the span of the items' keys, and from
    // kWalkSample steps on, every kWalkStepsPerLookup steps, it estimates the steps left: to the
    // end of the span at its pace so far, or to the count's end at the rate it found items. Once
    // these cost more than looking up the items still ahead, or the steps taken already did
    // (kWalkStepsPerLookup each), it stops and those items are looked up.
    // The theme search at 1M (1,728 items, a word in 353,000) walks in 31 ms what the lookups
    // took 57 ms for; a word in most items, few of them the driver's, stops it after its sample.
    store::KeySet driver_keys;
    size_t looked_up = 0;
    if (words && driver) {
        Statement keys(db.handle(), "SELECT k FROM (" + std::string(driver->keys) +
                                        ") WHERE k BETWEEN ?3 AND ?4 ORDER BY 1");
        bind(keys);
        auto& items = driver_keys.keys;
        while (keys.step()) items.push_back(keys.column_int(0));
        driver_keys.stop = [&items, cap](long long key, long long checked, long long found) {
            if (checked < kWalkSample || checked % kWalkStepsPerLookup != 0) return false;
            if (checked >= kWalkStepsPerLookup * static_cast<long long>(items.size())) return true;
            const auto ahead = std::upper_bound(items.begin(), items.end(), key) - items.begin();
            // Steps to the end of the span, at the pace so far; or, when the count will stop the
            // walk first, steps to the count at the rate items were found so far.
            const double span = static_cast<double>(items.back() - items.front()) + 1.0;
            const double done = static_cast<double>(items.back() - key) / span;
            double steps_left = done > 0.0 ? static_cast<double>(checked) * (1.0 - done) / done
                                           : std::numeric_limits<double>::infinity();
            if (cap >= 0 && found > 0)
                steps_left = std::min(steps_left, static_cast<double>(cap - found) *
                                                      static_cast<double>(checked) /
                                                      static_cast<double>(found));
            return steps_left >
                   static_cast<double>(kWalkStepsPerLookup) * static_cast<double>(ahead);
        };
        if (!items.empty()) {
            Statement walk(db.handle(), walk_sql(true));
            bind(walk).bind(3, items.front()).bind(4, items.back()).bind(12, driver_keys);
            if (!collect(walk, &driver_keys) && !capped) {
                const auto last = *driver_keys.stopped_at;
                looked_up = static_cast<size_t>(std::upper_bound(items.begin(), items.end(), last) -
                                                items.begin());
                Statement st(db.handle(), sql);
                bind(st).bind(4, last);
                collect(st, nullptr);
            }
        }
    } else {
        Statement st(db.handle(), sql);
        bind(st);
        collect(st, nullptr);
    }

    // In order by what the index holds (score, then meeting date); the items' own order within
    // a date (item number) needs their rows, read for the page and for the candidates that tie
    // with its first or last hit.
    const auto coarse_less = [&](const Candidate& a, const Candidate& b) {
        if (ranked && a.score != b.score) return a.score < b.score;  // bm25: lower is better
        return day(a.search_key) > day(b.search_key);
    };
    const auto coarse_equal = [&](const Candidate& a, const Candidate& b) {
        return !coarse_less(a, b) && !coarse_less(b, a);
    };
    std::stable_sort(found.begin(), found.end(), coarse_less);
    const auto n = static_cast<long long>(found.size());
    const long long first = std::min(offset, n);
    const long long end = wanted >= 0 ? std::min(wanted, n) : n;
    long long lo = first, hi = end;
    if (lo < hi) {
        while (lo > 0 && coarse_equal(found[lo - 1], found[lo])) --lo;
        while (hi < n && coarse_equal(found[hi], found[hi - 1])) ++hi;
    }

    struct Row {
        Hit hit;
        long long search_key;
        double score;
    };
    std::vector<Row> rows;
    Statement row(db.handle(), kHitRow);
    for (long long k = lo; k < hi; ++k) {
        row.bind(1, found[k].search_key);
        if (row.step())
            rows.push_back({{row.column_int(0),
                             row.column_text(1),
                             row.column_text(2),
                             static_cast<int>(row.column_int(3)),
                             row.column_text(4),
                             "",
                             "",
                             row.column_optional(5),
                             {}},
                            found[k].search_key,
                            found[k].score});
        row.reset();
    }
    if (plan) {
        plan->driver = driver ? std::string(driver->name) : words ? "fts" : "items";
        plan->rows = found.size();
        plan->fetched = rows.size();
        plan->ranked_newest = ranked && capped ? static_cast<size_t>(cap) : 0;
        plan->walked = static_cast<size_t>(driver_keys.checked);
        plan->looked_up = looked_up;
    }
    const auto by_date = [](const Row& a, const Row& b) {
        if (a.hit.date != b.hit.date) return a.hit.date > b.hit.date;
        if (a.hit.number != b.hit.number) return a.hit.number < b.hit.number;
        return a.hit.id < b.hit.id;
    };
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        if (ranked && a.score != b.score) return a.score < b.score;
        return by_date(a, b);
    });
    // The page: rows [first - lo, end - lo) of those read.
    const auto skip = std::min(static_cast<size_t>(first - lo), rows.size());
    const auto keep = std::min(static_cast<size_t>(end - first), rows.size() - skip);
    rows.erase(rows.begin(), rows.begin() + static_cast<long>(skip));
    rows.resize(keep);

    SearchResult result;
    result.total = n;
    result.total_capped = capped;
    if (!words) {
        for (auto& r : rows) result.hits.push_back(std::move(r.hit));
        return result;
    }
    // Snippets only for the rows shown: they cost ~10 µs each. One per column,
    // so the hit can say which section matched.
    static const std::string snippet_sql = [] {
        std::string sql = "SELECT ";
        for (size_t c = 0; c < kFtsColumns.size(); ++c)
            sql += (c ? ", " : "") + std::string("snippet(items_fts, ") + std::to_string(c) +
                   ", ?3, ?4, ?5, 12)";
        return sql + " FROM items_fts WHERE items_fts MATCH ?1 AND rowid = ?2";
    }();
    Statement snip(db.handle(), snippet_sql);
    for (auto& r : rows) {
        snip.bind(1, match).bind(2, r.search_key).bind(3, kOpen).bind(4, kClose).bind(5, kEllipsis);
        if (snip.step()) {
            const auto [column, raw] = best_snippet(snip, columns);
            r.hit.section = kFtsColumns[column];
            std::tie(r.hit.snippet, r.hit.marks) = replace_markers(raw);
        }
        snip.reset();
        result.hits.push_back(std::move(r.hit));
    }
    return result;
}

ItemView load_item(store::Database& db, long long id) {
    sqlite3* h = db.handle();
    Statement it(
        h,
        "SELECT m.id, m.committee, m.date, m.municipality, m.source, i.page, i.number, "
        "i.title, i.closed, i.case_number, i.resume, i.recommendation, i.recommendation_by, "
        "i.recommendation_to, i.recommendation_via, i.decision, i.decision_outcome, "
        "i.votes_text, i.case_text, i.case_id FROM items i JOIN meetings m "
        "ON m.id = i.meeting_id WHERE i.id = ?1");
    if (!it.bind(1, id).step()) throw QueryError("no item with id " + std::to_string(id));
    const long long meeting_id = it.column_int(0);
    ItemView v;
    v.id = id;
    v.committee = it.column_text(1);
    v.date = it.column_optional(2);
    v.municipality = it.column_optional(3);
    v.source = it.column_text(4);
    if (!it.is_null(5)) v.page = it.column_int(5);
    v.number = it.column_text(6);
    v.title = it.column_text(7);
    v.closed = it.column_int(8) != 0;
    v.case_number = it.column_optional(9);
    v.resume = it.column_optional(10);
    v.recommendation = it.column_optional(11);
    v.recommendation_by = it.column_optional(12);
    v.recommendation_to = it.column_optional(13);
    v.recommendation_via = it.column_optional(14);
    v.decision = it.column_optional(15);
    v.decision_outcome = it.column_optional(16);
    v.votes_text = it.column_optional(17);
    v.case_text = it.column_optional(18);
    if (!it.is_null(19)) v.case_id = it.column_int(19);

    Statement att(h, "SELECT value FROM items, json_each(items.attachments) WHERE items.id = ?1");
    att.bind(1, id);
    while (att.step()) v.attachments.push_back(att.column_text(0));
    v.recommendation_points = points(
        h, "SELECT n, text FROM recommendation_points WHERE item_id = ?1 ORDER BY n", id, false);
    v.decision_points = points(
        h, "SELECT n, text, outcome FROM decision_points WHERE item_id = ?1 ORDER BY n, rowid", id,
        true);
    Statement votes(h, "SELECT side, party FROM votes WHERE item_id = ?1 ORDER BY rowid");
    votes.bind(1, id);
    while (votes.step()) v.votes.push_back({votes.column_text(0), votes.column_text(1)});
    v.decision_absences = absences(h, meeting_id, id, std::nullopt);
    v.meeting_absences = absences(h, meeting_id, std::nullopt, std::nullopt);

    Statement hist(h,
                   "SELECT id, body, date, item_number, text FROM history WHERE item_id = ?1 "
                   "ORDER BY ord");
    hist.bind(1, id);
    while (hist.step())
        v.history.push_back({hist.column_text(1), hist.column_optional(2), hist.column_optional(3),
                             hist.column_text(4), absences(h, meeting_id, id, hist.column_int(0))});

    Statement themes(h,
                     "SELECT theme_set, theme, name FROM item_themes WHERE item_id = ?1 AND linked "
                     "ORDER BY theme_set, theme");
    themes.bind(1, id);
    while (themes.step())
        v.themes.push_back({themes.column_text(0), themes.column_int(1), themes.column_text(2)});
    return v;
}

bool committee_known(store::Database& db, const std::string& name, const rules::Rules& rules) {
    if (rules.committee(name)) return true;
    Statement st(db.handle(), "SELECT 1 FROM meetings WHERE committee_key = ?1 LIMIT 1");
    return st.bind(1, text::fold(text::collapse(name))).step();
}

std::vector<std::string> stored_committees(store::Database& db) {
    Statement st(db.handle(), "SELECT DISTINCT committee FROM meetings ORDER BY committee");
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

std::vector<ThemeCount> theme_counts(store::Database& db, const rules::Rules& rules) {
    Statement counts(db.handle(),
                     "SELECT theme, count(*) FROM item_themes WHERE theme_set = ?1 AND linked "
                     "GROUP BY theme");
    std::vector<ThemeCount> out;
    for (const auto& set : rules.theme_sets()) {
        std::map<long long, long long> linked;
        counts.bind(1, set.id);
        while (counts.step()) linked[counts.column_int(0)] = counts.column_int(1);
        counts.reset();
        for (const auto& t : set.themes) out.push_back({&set, &t, linked[t.number]});
    }
    return out;
}

}  // namespace referat::query
