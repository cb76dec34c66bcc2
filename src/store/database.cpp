// The database: opening a file safely (URI, header check, pragmas, schema version), storing a
// meeting's rows in one transaction, indexing new items at commit, re-linking themes and the
// integrity check. The schema's SQL is in store/schema.cpp and the cases tables in
// store/cases.cpp. Longer than most files, because storing a meeting is one transaction that
// writes every table, and reads best as one function.
#include "store/database.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "cases/join_rules.hpp"
#include "cases/title_similarity.hpp"
#include "store/cases.hpp"
#include "store/schema.hpp"
#include "util/item_key.hpp"
#include "util/text.hpp"

namespace referat::store {

namespace {

// ", title, resume, ...": the items_fts columns after the rowid.
std::string fts_column_list() {
    std::string columns;
    for (const auto c : kFtsColumns) (columns += ", ") += c;
    return columns;
}

// meetings.format
std::string_view format_name(SourceFormat format) {
    switch (format) {
        case SourceFormat::Pdf:
            return "pdf";
        case SourceFormat::WebPage:
            return "web page";
        case SourceFormat::Text:
            break;
    }
    return "text";
}

// Of two copies of the same minutes, the higher rank is kept: a PDF is the document as published,
// with the pages an item is cited by; a web page keeps its headings; a text export keeps neither;
// a PDF read by OCR is the least sure reading of all.
int format_rank(std::string_view format, bool ocr) {
    if (format == "pdf") return ocr ? 0 : 3;
    return format == "web page" ? 2 : 1;
}

std::string_view rank_name(int rank) {
    static constexpr std::array<std::string_view, 4> kNames{
        "a PDF read by OCR", "a text export", "a web page", "a PDF with a text layer"};
    return kNames.at(static_cast<size_t>(rank));
}

// Why the copy of rank `kept` is kept rather than the one of rank `other`.
std::string preference(int kept, int other) {
    return std::string(rank_name(kept)) + " is kept rather than " + std::string(rank_name(other));
}

std::optional<std::string> non_empty(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += ", ";
        out += p;
    }
    return out;
}

// JSON text for a column; bytes that are not UTF-8 (none come from extract) become U+FFFD.
std::string json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// items.recommendation_point_spans (see store/schema.cpp): the points are looked for in order, each
// after the one before. None when the Indstilling has no points.
std::optional<std::string> recommendation_point_spans(const Recommendation& rec) {
    if (rec.points.empty()) return std::nullopt;
    const std::string_view whole = rec.text;
    auto spans = nlohmann::json::array();
    size_t from = 0;    // bytes of the text looked past
    size_t before = 0;  // characters before `from`
    for (const auto& point : rec.points) {
        const size_t at = whole.find(point, from);
        if (at == std::string_view::npos) {
            spans.push_back(point);
            continue;
        }
        before += text::code_points(whole.substr(from, at - from));
        const size_t length = text::code_points(point);
        spans.push_back({before + 1, length});
        before += length;
        from = at + point.size();
    }
    return json_text(spans);
}

// A text function of one argument: NULL stays NULL.
template <std::string (*F)(std::string_view)>
void text_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    try {
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
        const auto out = F(std::string_view(p, sqlite3_value_bytes(argv[0])));
        sqlite3_result_text64(ctx, out.data(), out.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } catch (const std::exception&) {
        sqlite3_result_error_nomem(ctx);
    }
}

void register_functions(sqlite3* db) {
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    for (const auto& [name, function] :
         {std::pair{"referat_fold", &text_function<text::fold>},
          std::pair{"referat_person_key", &text_function<person_key>}}) {
        const int rc = sqlite3_create_function_v2(db, name, 1, flags, nullptr, function, nullptr,
                                                  nullptr, nullptr);
        if (rc != SQLITE_OK) throw SqlError(sqlite3_errmsg(db), rc);
    }
    register_key_set_function(db);
    char* error = nullptr;
    if (sqlite3_referatdanish_init(db, &error, nullptr) != SQLITE_OK) {
        const std::string message = error ? error : "cannot register the Danish tokenizer";
        sqlite3_free(error);
        throw SqlError(message, SQLITE_ERROR);
    }
}

// Writes an item's theme scores and their evidence.
class ThemeWriter {
  public:
    explicit ThemeWriter(StatementCache& sql)
        : theme_(sql.get("INSERT INTO item_themes (item_id, theme_set, theme, name, score, "
                         "threshold, linked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")),
          evidence_(sql.get("INSERT INTO theme_evidence (item_id, theme_set, theme, section, "
                            "phrase, points) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")) {}

    void write(long long item_id, const std::vector<ThemeScore>& themes) {
        for (const auto& t : themes) {
            theme_.bind(1, item_id)
                .bind(2, t.theme_set)
                .bind(3, t.theme)
                .bind(4, t.name)
                .bind(5, t.score)
                .bind(6, t.threshold)
                .bind(7, t.linked ? 1 : 0)
                .run();
            for (const auto& e : t.evidence)
                evidence_.bind(1, item_id)
                    .bind(2, t.theme_set)
                    .bind(3, t.theme)
                    .bind(4, e.section)
                    .bind(5, e.phrase)
                    .bind(6, e.points)
                    .run();
        }
    }

  private:
    Statement &theme_, &evidence_;
};

}  // namespace

std::optional<std::vector<int>> decided_point_numbers(const Item& item) {
    if (!item.decision || !item.recommendation) return std::nullopt;
    const auto& decided = item.decision->points;
    std::vector<int> numbers;
    for (int n = 1; n <= static_cast<int>(item.recommendation->points.size()); ++n)
        if (decided.empty() || std::any_of(decided.begin(), decided.end(),
                                           [n](const DecisionPoint& p) { return p.n == n; }))
            numbers.push_back(n);
    return numbers;
}

namespace {

// YYYYMMDD of an ISO date; 0 for none or anything else.
long long date_number(const std::optional<std::string>& date) {
    if (!date || date->size() != 10 || (*date)[4] != '-' || (*date)[7] != '-') return 0;
    long long n = 0;
    for (const char c : date->substr(0, 4) + date->substr(5, 2) + date->substr(8, 2)) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

// FNV-1a, 64 bits, as a signed SQLite integer: short index keys for long texts. Stable across
// builds and platforms (std::hash is not), which a key stored in a file must be.
long long fnv1a64(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return static_cast<long long>(h);
}

}  // namespace

std::pair<long long, long long> search_key_range(const std::optional<std::string>& from,
                                                 const std::optional<std::string>& to) {
    const long long last = to ? date_number(to) : 99991231;
    return {date_number(from) << kSearchKeyBits, ((last + 1) << kSearchKeyBits) - 1};
}

namespace {

// A file URI for sqlite3_open_v2 (SQLITE_OPEN_URI), which takes query parameters such as
// mode=ro; the characters a URI gives a meaning to are escaped.
std::string file_uri(const std::string& path) {
    if (path == ":memory:") return "file::memory:";  // as sqlite3_open names a memory database
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    std::string uri = "file://";
    for (const char c : ec ? path : absolute.string()) {
        if (c == '%' || c == '?' || c == '#') {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
            uri += hex;
        } else {
            uri += c;
        }
    }
    return uri;
}

// An existing file to write into must be a SQLite database: SQLite itself only notices on the
// first read, after the pragmas of a new file. An empty file is a new database.
void check_header(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;  // a new file, or one SQLite reports as unopenable
    char head[16] = {};
    in.read(head, sizeof head);
    const auto n = static_cast<size_t>(in.gcount());
    if (n > 0 && std::string_view(head, n) != std::string_view("SQLite format 3\0", 16))
        throw SqlError("not a SQLite database (no SQLite header); nothing written", SQLITE_NOTADB);
}

// More page cache than SQLite's 2 MB. A writer inserts into indexes of random keys (items.key,
// cases), which at a million items no longer fit and were read back from the file on every insert
// with 2 MB; but every page of cache is memory the process faults in and the kernel zeroes, and
// at a million items a writer with 64 MB filled all of it: 1,450 items into 1M took 1.22 s with
// 64 MB, 0.97 with 16 (0.66-0.68 s into 16,600 items either way). A reader keeps 64 MB: a report
// of every committee reads far more pages than an ingest writes.
void set_page_cache(sqlite3* db, int megabytes) {
    exec(db, ("PRAGMA cache_size = -" + std::to_string(megabytes * 1024)).c_str());
}

// A reader maps the file into memory, as far as SQLite allows (2 GB): a page is then read where
// the OS cache holds it instead of copied out by a system call into a page SQLite allocates. A
// search at a million items reads a few thousand pages of the full-text index, and that copying
// was a third of its time (the theme search 97 -> 85 ms as a process; the report of every
// committee 41 -> 20 s). The pages it reads count in its RSS, as the OS cache's shared pages. A
// writer gained nothing from it (2,000 items into 1M) and would count up to 2 GB of them.
void map_for_reading(sqlite3* db) {
    exec(db, "PRAGMA mmap_size = 2147418112");
}

}  // namespace

int Database::on_busy(void* arg, int tries) {
    auto& busy = *static_cast<Busy*>(arg);
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0) busy.since = now;
    if (now - busy.since >= busy.wait) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return 1;
}

void Database::open(const std::string& uri, int flags) {
    statements_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
    const int rc = sqlite3_open_v2(uri.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) throw SqlError(db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc), rc & 0xff);
    sqlite3_busy_handler(db_, &Database::on_busy, &busy_);
    register_functions(db_);
}

Database::Database(const std::string& path, Mode mode, std::chrono::milliseconds wait)
    : busy_{wait, {}} {
    try {
        if (mode == Mode::Read) {
            open(file_uri(path) + "?mode=ro", SQLITE_OPEN_READONLY);
            try {
                check_schema(Mode::Read);
            } catch (const SqlError& e) {
                // SQLite reads a WAL database with its -shm index, which it cannot create without
                // write access to the folder (a read-only copy or mount). Without a -wal file no
                // writer is at work there either, so the file is read as immutable.
                std::error_code ec;
                if ((e.code() != SQLITE_CANTOPEN && e.code() != SQLITE_READONLY) ||
                    std::filesystem::exists(path + "-wal", ec))
                    throw;
                open(file_uri(path) + "?immutable=1", SQLITE_OPEN_READONLY);
                check_schema(Mode::Read);
            }
            set_page_cache(db_, 64);
            map_for_reading(db_);
            statements_ = std::make_unique<StatementCache>(db_);
            return;
        }
        check_header(path);
        open(file_uri(path), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        exec(db_, "PRAGMA foreign_keys = ON");
        // A file without a schema (new, or empty) gets referat's. Any other is checked before
        // anything, its journal mode included, is written to it.
        Statement entries(db_, "SELECT count(*) FROM sqlite_master");
        const bool new_file =
            schema::user_version(db_) == 0 && entries.step() && entries.column_int(0) == 0;
        entries.reset();
        if (!new_file) check_schema(mode);
        if (new_file && mode == Mode::Write)
            throw SqlError("not a referat database (no schema)", SQLITE_NOTADB);
        // A new file only: an item row is 1-2 KB, so a 4 KB page left a fifth of the items table
        // empty (dbstat, 300,000 items).
        exec(db_, "PRAGMA page_size = 16384");
        // A new file only, too (before WAL writes its first page): pages freed by merging the
        // full-text index (merge_index) can then be given back to the file system instead of
        // staying in the file as free pages. Not asked of an existing file, where the pragma
        // takes the write lock, and a reader must not wait for the writer.
        if (new_file) exec(db_, "PRAGMA auto_vacuum = INCREMENTAL");
        exec(db_, "PRAGMA journal_mode = WAL");
        // WAL + NORMAL may lose the last commit on power loss, never consistency; re-ingest
        // is idempotent, so that is the right trade for ingest speed (a commit need not wait
        // for the disk).
        exec(db_, "PRAGMA synchronous = NORMAL");
        set_page_cache(db_, 16);
        if (new_file)
            create_schema();
        else
            upgrade_schema();
        statements_ = std::make_unique<StatementCache>(db_);
    } catch (const SqlError&) {
        statements_.reset();
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() {
    statements_.reset();
    sqlite3_close(db_);
}

void Database::check_schema(Mode mode) {
    const long long v = schema::user_version(db_);
    if (v == 0) throw SqlError("not a referat database (no schema)", SQLITE_NOTADB);
    if (const auto problem = schema::version_problem(v, mode != Mode::Read); !problem.empty())
        throw SqlError(problem, SQLITE_ERROR);
    // Reading sqlite_master makes SQLite parse the whole schema, so a damaged one is found here,
    // before anything is written.
    std::set<std::string> names;
    Statement tables(db_, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')");
    while (tables.step()) names.insert(tables.column_text(0));
    for (const auto& [name, since] : schema::kNames)
        if (since <= v && !names.count(name))
            throw SqlError(std::string("not a referat database (no table ") + name + ")",
                           SQLITE_NOTADB);
}

void Database::create_schema() {
    // Inside one write transaction, so two processes opening a new file do not both create it.
    Transaction tx(db_);
    const long long v = schema::user_version(db_);
    if (v == kSchemaVersion) return check_schema(Mode::Create);
    if (const auto problem = schema::version_problem(v, true); !problem.empty())
        throw SqlError(problem, SQLITE_ERROR);
    Statement tables(db_, "SELECT count(*) FROM sqlite_master");
    tables.step();
    if (tables.column_int(0) != 0) throw SqlError("not a referat database", SQLITE_NOTADB);
    tables.reset();
    schema::create(db_);
    // PRAGMA takes no bound parameters; the value is a compile-time constant.
    exec(db_, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    tx.commit();
}

void Database::upgrade_schema() {
    if (schema::user_version(db_) == kSchemaVersion) return;
    Transaction tx(db_);
    // Again under the write lock: another writer may have upgraded the file meanwhile.
    if (const long long v = schema::user_version(db_); v < kSchemaVersion) schema::upgrade(db_, v);
    tx.commit();
}

Database::Batch::Batch(Database& db) : db_(db), tx_(db.db_) {}

void Database::Batch::commit() {
    if (!tx_.joined()) db_.index_new_items();
    tx_.commit();
}

void Database::index_new_items() {
    // In search_key order: FTS5 starts a new segment whenever a rowid goes down, and the
    // batch's files are of many dates. +search_key keeps SQLite from walking the whole
    // search_key index for that order instead of reading the batch's id range and sorting it.
    statements_
        ->get("INSERT INTO items_fts (rowid" + fts_column_list() + ") SELECT i.search_key" +
              schema::fts_values("i") +
              " FROM items i WHERE i.id > (SELECT item_id FROM fts_indexed_to) ORDER BY "
              "+i.search_key")
        .run();
    statements_
        ->get(
            "UPDATE fts_indexed_to SET item_id = max(item_id, (SELECT coalesce(max(id), 0) FROM "
            "items))")
        .run();
}

Database::StoreResult Database::store(const Referat& r, const rules::Rules& rules) {
    if (r.content_hash.empty()) throw std::invalid_argument("store: referat has no content hash");
    Batch tx(*this);

    auto count_items = [&](long long meeting_id) {
        Statement& count = statements_->get("SELECT count(*) FROM items WHERE meeting_id = ?1");
        count.bind(1, meeting_id).step();
        const auto n = static_cast<size_t>(count.column_int(0));
        count.reset();
        return n;
    };

    Statement& known = statements_->get("SELECT id FROM meetings WHERE content_hash = ?1");
    if (known.bind(1, r.content_hash).step()) {
        const long long id = known.column_int(0);
        known.reset();
        const StoreResult unchanged{Outcome::Unchanged, id, count_items(id), {}, {}, {}};
        tx.commit();  // nothing written; a batch this joined goes on
        return unchanged;
    }

    // A new version of a meeting already stored replaces it. Committee and date alone do not make
    // two files one meeting: either may be misread (a committee read as "mødet"), and then the
    // minutes of different meetings collide. A stored meeting of the same committee and date is
    // replaced only when it is the same minutes: the same source, or the same item numbers with
    // (nearly) the same titles. Any other is kept beside the new one. Without both committee
    // and date nothing is replaced.
    StoreResult result{Outcome::Stored, 0, r.items.size(), {}, {}, {}};
    std::vector<long long> dirty_cases;  // cases of the replaced version's items
    // The ids of the replaced version's items and meeting, by item key, so that a corrected
    // version keeps them: saved links (`referat show ID`, a case's id) keep working.
    std::map<std::string, std::pair<long long, std::optional<long long>>> old_items;
    std::optional<long long> old_meeting_id;
    if (r.committee && r.date) {
        Statement& same_day = statements_->get(
            "SELECT id, source, format, ocr FROM meetings WHERE committee = ?1 AND date = ?2 "
            "AND (?3 IS NULL OR municipality IS NULL OR municipality = ?3) ORDER BY id");
        same_day.bind(1, *r.committee).bind(2, *r.date).bind(3, r.municipality);
        struct Stored {
            long long id;
            std::string source;
            int rank;
        };
        std::vector<Stored> stored;
        while (same_day.step())
            stored.push_back({same_day.column_int(0), same_day.column_text(1),
                              format_rank(same_day.column_text(2), same_day.column_int(3) != 0)});
        same_day.reset();
        const int rank = format_rank(format_name(r.format), r.ocr);
        std::vector<std::pair<const Stored*, std::string>> replace;
        for (const auto& s : stored) {
            const bool same_source = std::filesystem::path(s.source).lexically_normal() ==
                                     std::filesystem::path(r.source).lexically_normal();
            if (same_source) {
                replace.emplace_back(&s, "the same source");
            } else if (!same_items(s.id, r.items)) {
                result.beside.push_back(s.source);
            } else if (s.rank > rank) {
                // Another copy of these minutes that reads better is stored: keep it. Ranking
                // by format rather than by which came last stops two copies from replacing each
                // other on every run.
                const Replacement kept{s.source, preference(s.rank, rank)};
                StoreResult unchanged{Outcome::Unchanged, s.id, count_items(s.id), {}, {}, kept};
                tx.commit();
                return unchanged;
            } else {
                std::string why = "the same items and titles";
                if (s.rank < rank) why += "; " + preference(rank, s.rank);
                replace.emplace_back(&s, why);
            }
        }
        for (const auto& [s, why] : replace) {
            result.replaced.push_back({s->source, why});
            Statement& items = statements_->get(
                "SELECT key, id, case_id FROM items WHERE meeting_id = ?1 ORDER BY id");
            items.bind(1, s->id);
            while (items.step()) {
                std::optional<long long> case_id;
                if (!items.is_null(2)) case_id = items.column_int(2);
                old_items.try_emplace(items.column_text(0), items.column_int(1), case_id);
                if (!items.is_null(2)) dirty_cases.push_back(items.column_int(2));
            }
            items.reset();
            if (!old_meeting_id) old_meeting_id = s->id;
            statements_->get("DELETE FROM meetings WHERE id = ?1").bind(1, s->id).run();
        }
        if (!result.replaced.empty()) result.outcome = Outcome::Replaced;
    }

    Statement& meeting = statements_->get(
        "INSERT INTO meetings (municipality, committee, date, source, content_hash, "
        "ocr, committee_key, format, id, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    meeting.bind(1, r.municipality)
        .bind(2, r.committee)
        .bind(3, r.date)
        .bind(4, r.source)
        .bind(5, r.content_hash)
        .bind(6, r.ocr ? 1 : 0);
    if (r.committee) meeting.bind(7, text::fold(*r.committee));
    meeting.bind(8, format_name(r.format));
    old_meeting_id ? meeting.bind(9, *old_meeting_id) : meeting.bind_null(9);
    meeting.run();
    const long long meeting_id = result.meeting_id = sqlite3_last_insert_rowid(db_);

    Statement& route = statements_->get(
        "INSERT INTO item_routes (item_id, seq, role, body, written) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    Statement& meeting_route = statements_->get(
        "INSERT OR IGNORE INTO meeting_routes (meeting_id, body_key) VALUES (?1, ?2)");
    Statement& dec_point = statements_->get(
        "INSERT INTO decision_points (item_id, n, text, outcome) VALUES (?1, ?2, ?3, ?4)");
    Statement& vote =
        statements_->get("INSERT INTO votes (item_id, side, party) VALUES (?1, ?2, ?3)");
    Statement& hist = statements_->get(
        "INSERT INTO history (item_id, ord, body, date, item_number, text, outcome, "
        "body_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ThemeWriter themes(*statements_);
    Statement& absence = statements_->get(
        "INSERT INTO absences (meeting_id, item_id, history_id, name, party, kind, note, "
        "person_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

    auto add_absence = [&](std::optional<long long> item_id, std::optional<long long> history_id,
                           const Person& p, std::string_view kind,
                           const std::optional<std::string>& note) {
        absence.bind(1, meeting_id);
        item_id ? absence.bind(2, *item_id) : absence.bind_null(2);
        history_id ? absence.bind(3, *history_id) : absence.bind_null(3);
        absence.bind(4, p.name)
            .bind(5, non_empty(p.party))
            .bind(6, kind)
            .bind(7, note)
            .bind(8, person_key(p.name))
            .run();
    };

    for (const auto& p : r.absent)
        add_absence(std::nullopt, std::nullopt, p, "absent", std::nullopt);

    // Keys name the committee by its full name, so "BUL" and "Børn, Unge og Læring" agree.
    std::optional<std::string> committee;
    if (r.committee) committee = rules.full_body_name(*r.committee, r.municipality);

    // Folded as the report compares them (meetings.committee_key); the date is in search_key.
    // None without a committee or date: such an item never answers another.
    const auto body_title_hash = [&](const std::string& title) -> std::optional<long long> {
        if (!r.committee || date_number(r.date) == 0) return std::nullopt;
        return fnv1a64(text::fold(*r.committee) + '\x1f' + text::fold(title));
    };

    // Keys of the date count up from the last one stored.
    const auto [first_key, last_key] =
        r.date ? search_key_range(r.date, r.date) : std::pair{0LL, (1LL << kSearchKeyBits) - 1};
    Statement& last_stored =
        statements_->get("SELECT max(search_key) FROM items WHERE search_key BETWEEN ?1 AND ?2");
    last_stored.bind(1, first_key).bind(2, last_key).step();
    long long search_key = last_stored.is_null(0) ? first_key : last_stored.column_int(0) + 1;
    last_stored.reset();
    if (search_key + static_cast<long long>(r.items.size()) > last_key)
        throw SqlError("too many items stored for the date " + r.date.value_or("(none)"),
                       SQLITE_FULL);
    // Each item comes with a case of its own, which join_cases keeps when the item joins no
    // other: setting items.case_id afterwards rewrote every new item's row a second time.
    Statement& own_case =
        statements_->get("INSERT INTO cases (key, title, case_number) VALUES (?1, ?2, ?3)");
    Statement& insert_item = statements_->get(
        "INSERT INTO items (meeting_id, number, title, closed, case_number, page, resume, "
        "recommendation, recommendation_by, recommendation_to, recommendation_via, decision, "
        "decision_outcome, votes_text, case_text, attachments, key, decision_promise, "
        "decided_point_numbers, search_key, body_title_hash, recommendation_point_spans, case_id, "
        "id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, ?20, ?21, ?22, ?23, ?24)");
    // An item that takes the id of one already indexed for search is indexed now: the commit
    // indexes only ids above fts_indexed_to.
    Statement& index_item = statements_->get(
        "INSERT INTO items_fts (rowid" + fts_column_list() + ") SELECT i.search_key" +
        schema::fts_values("i") +
        " FROM items i WHERE i.id = ?1 AND i.id <= (SELECT item_id FROM fts_indexed_to)");
    std::vector<long long> item_ids;
    for (const auto& it : r.items) {
        const auto key =
            cases::item_key(r.municipality, committee, r.date, it.number, r.content_hash);
        std::optional<long long> old_id, case_id;
        if (const auto old = old_items.find(key); old != old_items.end()) {
            std::tie(old_id, case_id) = old->second;
            old_items.erase(old);  // two items of one key: the second gets a new id
        }
        if (!case_id) {
            own_case.bind(1, key).bind(2, it.title).bind(3, it.case_number).run();
            case_id = sqlite3_last_insert_rowid(db_);
        }
        const auto& rec = it.recommendation;
        const auto& dec = it.decision;
        insert_item.bind(1, meeting_id)
            .bind(2, it.number)
            .bind(3, it.title)
            .bind(4, it.closed ? 1 : 0)
            .bind(5, it.case_number)
            .bind(6, it.page)
            .bind(7, it.resume);
        if (rec) {
            insert_item.bind(8, rec->text)
                .bind(9, rec->by)
                .bind(10, non_empty(join(rec->to)))
                .bind(11, non_empty(join(rec->via)))
                .bind(22, recommendation_point_spans(*rec));
        }
        if (dec) {
            insert_item.bind(12, dec->text).bind(13, non_empty(outcome_name(dec->outcome)));
            if (dec->votes) insert_item.bind(14, dec->votes->text);
            insert_item.bind(18, dec->promise);
        }
        insert_item.bind(15, non_empty(it.case_text))
            .bind(16, json_text(it.attachments))
            .bind(17, key)
            .bind(20, search_key++)
            .bind(23, *case_id);
        old_id ? insert_item.bind(24, *old_id) : insert_item.bind_null(24);
        if (const auto numbers = decided_point_numbers(it))
            insert_item.bind(19, json_text(*numbers));
        if (const auto hash = body_title_hash(it.title)) insert_item.bind(21, *hash);
        insert_item.run();
        item_ids.push_back(sqlite3_last_insert_rowid(db_));
        if (old_id) index_item.bind(1, *old_id).run();
    }

    for (size_t k = 0; k < r.items.size(); ++k) {
        const auto& it = r.items[k];
        const auto& rec = it.recommendation;
        const auto& dec = it.decision;
        const long long item_id = item_ids[k];

        if (rec) {
            long long seq = 0;
            for (const auto& [role, bodies] :
                 {std::pair{"via", &rec->via}, std::pair{"to", &rec->to}})
                for (const auto& b : *bodies) {
                    const auto body = rules.full_body_name(b, r.municipality);
                    route.bind(1, item_id)
                        .bind(2, ++seq)
                        .bind(3, role)
                        .bind(4, body)
                        .bind(5, b)
                        .run();
                    meeting_route.bind(1, meeting_id)
                        .bind(2, rules.body_key(body, r.municipality))
                        .run();
                }
        }
        if (dec) {
            for (const auto& pt : dec->points)
                dec_point.bind(1, item_id)
                    .bind(2, pt.n)
                    .bind(3, pt.text)
                    .bind(4, non_empty(outcome_name(pt.outcome)))
                    .run();
            if (dec->votes) {
                const std::pair<const char*, const std::vector<std::string>*> sides[] = {
                    {"for", &dec->votes->for_parties},
                    {"against", &dec->votes->against},
                    {"abstained", &dec->votes->abstained}};
                for (const auto& [side, parties] : sides)
                    for (const auto& party : *parties)
                        vote.bind(1, item_id).bind(2, side).bind(3, party).run();
            }
            for (const auto& p : dec->absent)
                add_absence(item_id, std::nullopt, p, "absent", std::nullopt);
            for (const auto& pa : dec->partial)
                add_absence(item_id, std::nullopt, pa.person, "partial", non_empty(pa.note));
        }
        for (size_t i = 0; i < it.history.size(); ++i) {
            const auto& h = it.history[i];
            hist.bind(1, item_id)
                .bind(2, static_cast<long long>(i + 1))
                .bind(3, h.body)
                .bind(4, h.date);
            h.item ? hist.bind(5, *h.item) : hist.bind_null(5);
            hist.bind(6, h.text)
                .bind(7, non_empty(outcome_name(h.outcome)))
                .bind(8, text::fold(h.body))
                .run();
            const long long history_id = sqlite3_last_insert_rowid(db_);
            for (const auto& p : h.absent)
                add_absence(item_id, history_id, p, "absent", std::nullopt);
        }
        themes.write(item_id, it.themes);
    }

    if (!meetings_read_) meetings_read_ = std::make_unique<MeetingCache>();
    join_cases(*statements_, *meetings_read_, rules, meeting_id, dirty_cases);
    tx.commit();
    return result;
}

bool Database::same_items(long long meeting_id, const std::vector<Item>& items) {
    std::vector<std::pair<int, const std::string*>> mine;
    for (const auto& it : items) mine.emplace_back(it.number, &it.title);
    std::sort(mine.begin(), mine.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    Statement& stored = statements_->get(
        "SELECT number, title FROM items WHERE meeting_id = ?1 ORDER BY number, id");
    stored.bind(1, meeting_id);
    size_t k = 0;
    bool same = true;
    while (same && stored.step()) {
        if (k == mine.size() || stored.column_int(0) != mine[k].first) {
            same = false;
            break;
        }
        const auto title = stored.column_text(1);
        const auto& other = *mine[k++].second;
        // As PDF and text exports of one set of minutes differ, in spacing, case or a hyphen.
        same = text::fold(text::collapse(title)) == text::fold(text::collapse(other)) ||
               cases::title_similarity(title, other) >= cases::kTitleSimilarity;
    }
    stored.reset();
    return same && k == mine.size();
}

size_t Database::relink_themes(const ThemeScorer& score) {
    Transaction tx(db_);
    exec(db_, "DELETE FROM item_themes");  // evidence goes with it (ON DELETE CASCADE)
    Statement items(db_,
                    "SELECT i.id, m.municipality, m.committee, i.number, i.title, i.resume, "
                    "i.recommendation, i.decision, i.case_text FROM items i "
                    "JOIN meetings m ON m.id = i.meeting_id ORDER BY i.id");
    Statement rec_points(db_,
                         "SELECT text FROM recommendation_points WHERE item_id = ?1 ORDER BY n");
    Statement dec_points(db_,
                         "SELECT n, text, coalesce(outcome, '') FROM decision_points "
                         "WHERE item_id = ?1 ORDER BY n, rowid");
    ThemeWriter themes(*statements_);
    size_t count = 0;
    while (items.step()) {
        StoredItem stored;
        stored.id = items.column_int(0);
        stored.municipality = items.column_optional(1);
        stored.committee = items.column_optional(2);
        auto& it = stored.item;
        it.number = static_cast<int>(items.column_int(3));
        it.title = items.column_text(4);
        it.resume = items.column_optional(5);
        if (auto text = items.column_optional(6)) {
            it.recommendation = Recommendation{*text, {}, {}, {}, {}};
            rec_points.bind(1, stored.id);
            while (rec_points.step())
                it.recommendation->points.push_back(rec_points.column_text(0));
            rec_points.reset();
        }
        if (auto text = items.column_optional(7)) {
            it.decision = Decision{*text, referat::Outcome::None, {}, {}, {}, {}, {}};
            dec_points.bind(1, stored.id);
            while (dec_points.step())
                it.decision->points.push_back(DecisionPoint{
                    static_cast<int>(dec_points.column_int(0)), dec_points.column_text(1),
                    outcome_from_name(dec_points.column_text(2))});
            dec_points.reset();
        }
        it.case_text = items.column_text(8);
        themes.write(stored.id, score(stored));
        ++count;
    }
    tx.commit();
    return count;
}

long long Database::indexed_items() {
    // FTS5 keeps the row count of the index as the first varint of the record with id 1 of its
    // %_data table (fts5_index.c, "the averages record"), in SQLite's varint format: big-endian
    // groups of 7 bits, the high bit set on all but the last, and a ninth byte of all 8 bits.
    Statement& averages = statements_->get("SELECT block FROM items_fts_data WHERE id = 1");
    long long rows = 0;
    if (averages.step()) {
        const auto block = averages.column_text(0);  // a BLOB: its bytes as they are
        for (size_t i = 0; i < block.size() && i < 9; ++i) {
            const auto byte = static_cast<unsigned char>(block[i]);
            if (i == 8) {
                rows = (rows << 8) | byte;
                break;
            }
            rows = (rows << 7) | (byte & 0x7f);
            if (!(byte & 0x80)) break;
        }
    }
    averages.reset();
    return rows;
}

void Database::merge_index(size_t items) {
    if (items == 0 || static_cast<long long>(items) * 10 < indexed_items()) return;
    optimize_index();
}

void Database::optimize_index() {
    exec(db_, "INSERT INTO items_fts (items_fts) VALUES ('optimize')");
    // The merge leaves the old segments' pages free (3 % of the file at 100,000 items).
    exec(db_, "PRAGMA incremental_vacuum");
}

void Database::release_log() noexcept {
    sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
}

std::vector<std::string> Database::check() {
    std::vector<std::string> problems;
    Statement integrity(db_, "PRAGMA integrity_check");
    while (integrity.step())
        if (integrity.column_text(0) != "ok") problems.push_back(integrity.column_text(0));
    Statement foreign(db_, "PRAGMA foreign_key_check");
    while (foreign.step())
        problems.push_back("row " + foreign.column_text(1) + " of " + foreign.column_text(0) +
                           " points to a missing row of " + foreign.column_text(2));
    Statement unindexed(
        db_, "SELECT count(*) FROM items WHERE id > (SELECT item_id FROM fts_indexed_to)");
    if (unindexed.step() && unindexed.column_int(0) > 0)
        problems.push_back(std::to_string(unindexed.column_int(0)) +
                           " items are not in the full-text index");
    try {
        exec(db_, "INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
    } catch (const SqlError& e) {
        problems.push_back(std::string("full-text index damaged: ") + e.what());
    }
    return problems;
}

}  // namespace referat::store
