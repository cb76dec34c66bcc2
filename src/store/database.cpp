#include "store/database.hpp"

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace referat::store {

namespace {

// Each table carries a one-line comment inside its CREATE statement, because SQLite keeps that
// text in sqlite_master and Datasette shows it as the table's schema.
constexpr const char* kSchema = R"sql(
CREATE TABLE meetings (  -- one set of minutes (one source file), known by the SHA-256 of its bytes
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so an id seen once stays unambiguous
    municipality TEXT,
    committee TEXT,                    -- full name as the municipality writes it
    date TEXT,                         -- ISO 8601
    source TEXT NOT NULL,              -- path as given when ingested
    content_hash TEXT NOT NULL UNIQUE,
    ocr INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL          -- UTC, ISO 8601
);
CREATE INDEX meetings_committee_date ON meetings (committee, date);

CREATE TABLE items (  -- one agenda item (punkt); its texts are indexed by items_fts
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: `referat show ID` must not change meaning
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0,
    case_number TEXT,
    page INTEGER,
    resume TEXT,
    recommendation TEXT,
    recommendation_by TEXT,
    recommendation_to TEXT,            -- deciding body, comma-joined, as written
    recommendation_via TEXT,           -- bodies on the way, comma-joined, in order
    decision TEXT,
    decision_outcome TEXT,             -- approved, recommended, noted, discussed, ...
    votes_text TEXT,                   -- the vote as printed; NULL when none is recorded
    case_text TEXT,
    attachments TEXT NOT NULL DEFAULT '[]'  -- JSON array of attachment names
);
CREATE INDEX items_meeting ON items (meeting_id);

CREATE TABLE recommendation_points (  -- numbered points of an item's Indstilling
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX recommendation_points_item ON recommendation_points (item_id, n);

CREATE TABLE decision_points (  -- numbered points of an item's Beslutning with their outcome
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    outcome TEXT
);
CREATE INDEX decision_points_item ON decision_points (item_id, n);

CREATE TABLE votes (  -- party-letter votes recorded in a decision (minutes name parties, not people)
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('for', 'against', 'abstained')),
    party TEXT NOT NULL
);
CREATE INDEX votes_item ON votes (item_id);

CREATE TABLE history (  -- decisions of other bodies or earlier meetings quoted inside an item
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,              -- order within the item, from 1
    body TEXT,
    date TEXT,                         -- ISO 8601
    item_number INTEGER,               -- pkt. in that body's meeting
    text TEXT
);
CREATE INDEX history_item ON history (item_id, ord);

CREATE TABLE absences (  -- who was absent: from the meeting (item_id NULL), a decision, or a quoted one
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items (id) ON DELETE CASCADE,
    history_id INTEGER REFERENCES history (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    party TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('absent', 'partial')),  -- partial: attended part only
    note TEXT
);
CREATE INDEX absences_meeting ON absences (meeting_id);
CREATE INDEX absences_item ON absences (item_id);
CREATE INDEX absences_history ON absences (history_id);

-- The standard external-content triggers (names as sqlite-utils makes them) keep items_fts in
-- step with items, including rows removed by ON DELETE CASCADE.
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, title, resume, recommendation, decision, case_text)
    VALUES (new.id, new.title, new.resume, new.recommendation, new.decision, new.case_text);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, resume, recommendation, decision, case_text)
    VALUES ('delete', old.id, old.title, old.resume, old.recommendation, old.decision, old.case_text);
END;
CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, resume, recommendation, decision, case_text)
    VALUES ('delete', old.id, old.title, old.resume, old.recommendation, old.decision, old.case_text);
    INSERT INTO items_fts (rowid, title, resume, recommendation, decision, case_text)
    VALUES (new.id, new.title, new.resume, new.recommendation, new.decision, new.case_text);
END;
)sql";

// content="items" in double quotes: Datasette detects the index only in that spelling (tech-notes
// C1). The triggers in kSchema list the same columns.
std::string fts_schema() {
    std::string columns;
    for (const auto c : kFtsColumns) (columns += c) += ", ";
    return "CREATE VIRTUAL TABLE items_fts USING fts5(" + columns +
           "content=\"items\", content_rowid=\"id\", tokenize=\"" + kTokenizer + "\");";
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

std::string json_array(const std::vector<std::string>& values) {
    std::string out = "[";
    for (const auto& v : values) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (const char c : v) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
                out += esc;
            } else {
                out += c;
            }
        }
        out += '"';
    }
    return out + "]";
}

// Case folding in SQL: SQLite's own lower() and NOCASE fold ASCII only (Ø stays Ø).
void fold_sql(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    try {
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
        const auto folded = text::fold(std::string_view(p, sqlite3_value_bytes(argv[0])));
        sqlite3_result_text64(ctx, folded.data(), folded.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } catch (const std::exception&) {
        sqlite3_result_error_nomem(ctx);
    }
}

void register_fold(sqlite3* db) {
    const int rc = sqlite3_create_function_v2(db, "referat_fold", 1,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                              nullptr, fold_sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw SqlError(sqlite3_errmsg(db), rc);
}

}  // namespace

Database::Database(const std::string& path) {
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    try {
        if (rc != SQLITE_OK)
            throw SqlError(db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc), rc & 0xff);
        sqlite3_busy_timeout(db_, 5000);
        register_fold(db_);
        exec(db_, "PRAGMA foreign_keys = ON");
        exec(db_, "PRAGMA journal_mode = WAL");
        // WAL + NORMAL may lose the last commit on power loss, never consistency; re-ingest
        // is idempotent, so that is the right trade for ingest speed (tech-notes E).
        exec(db_, "PRAGMA synchronous = NORMAL");
        create_schema();
    } catch (const SqlError& e) {
        sqlite3_close(db_);
        throw SqlError(path + ": " + e.what(), e.code());
    }
}

Database::~Database() {
    sqlite3_close(db_);
}

void Database::create_schema() {
    // Readers must not wait for a writer: an up-to-date file is recognised by a plain read, and
    // only a new (or older) one takes the write lock below.
    {
        Statement current(db_, "PRAGMA user_version");
        if (current.step() && current.column_int(0) == kSchemaVersion) return;
    }
    // Inside one write transaction, so two processes opening a new file do not both create it.
    Transaction tx(db_);
    Statement version(db_, "PRAGMA user_version");
    version.step();
    const long long v = version.column_int(0);
    version.reset();
    if (v == kSchemaVersion) return;
    if (v > kSchemaVersion)
        throw SqlError("schema version " + std::to_string(v) + " is newer than this program (" +
                           std::to_string(kSchemaVersion) + ")",
                       SQLITE_ERROR);
    Statement tables(db_, "SELECT count(*) FROM sqlite_master");
    tables.step();
    if (tables.column_int(0) != 0) throw SqlError("not a referat database", SQLITE_ERROR);
    tables.reset();
    // The FTS table comes before the triggers that write to it.
    exec(db_, fts_schema().c_str());
    exec(db_, kSchema);
    // PRAGMA takes no bound parameters; the value is a compile-time constant.
    exec(db_, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    tx.commit();
}

Database::StoreResult Database::store(const Referat& r) {
    if (r.content_hash.empty()) throw std::invalid_argument("store: referat has no content hash");
    Transaction tx(db_);

    auto count_items = [&](long long meeting_id) {
        Statement count(db_, "SELECT count(*) FROM items WHERE meeting_id = ?1");
        count.bind(1, meeting_id).step();
        return static_cast<size_t>(count.column_int(0));
    };

    Statement known(db_, "SELECT id FROM meetings WHERE content_hash = ?1");
    if (known.bind(1, r.content_hash).step()) {
        const long long id = known.column_int(0);
        return {Outcome::Unchanged, id, count_items(id)};  // tx rolls back: nothing written
    }

    // A new version of a meeting already stored. Without both committee and date two unrelated
    // files could collide, so such files are only ever added.
    Outcome outcome = Outcome::Stored;
    if (r.committee && r.date) {
        Statement old(db_,
                      "DELETE FROM meetings WHERE committee = ?1 AND date = ?2 "
                      "AND (?3 IS NULL OR municipality IS NULL OR municipality = ?3)");
        old.bind(1, *r.committee).bind(2, *r.date).bind(3, r.municipality).run();
        if (sqlite3_changes(db_) > 0) outcome = Outcome::Replaced;
    }

    Statement meeting(db_,
                      "INSERT INTO meetings (municipality, committee, date, source, content_hash, "
                      "ocr, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    meeting.bind(1, r.municipality)
        .bind(2, r.committee)
        .bind(3, r.date)
        .bind(4, r.source)
        .bind(5, r.content_hash)
        .bind(6, r.ocr ? 1 : 0)
        .run();
    const long long meeting_id = sqlite3_last_insert_rowid(db_);

    Statement item_stmt(
        db_,
        "INSERT INTO items (meeting_id, number, title, closed, case_number, page, resume, "
        "recommendation, recommendation_by, recommendation_to, recommendation_via, decision, "
        "decision_outcome, votes_text, case_text, attachments) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    Statement rec_point(db_,
                        "INSERT INTO recommendation_points (item_id, n, text) VALUES (?1, ?2, ?3)");
    Statement dec_point(
        db_, "INSERT INTO decision_points (item_id, n, text, outcome) VALUES (?1, ?2, ?3, ?4)");
    Statement vote(db_, "INSERT INTO votes (item_id, side, party) VALUES (?1, ?2, ?3)");
    Statement hist(db_,
                   "INSERT INTO history (item_id, ord, body, date, item_number, text) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    Statement absence(
        db_,
        "INSERT INTO absences (meeting_id, item_id, history_id, name, party, kind, note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

    auto add_absence = [&](std::optional<long long> item_id, std::optional<long long> history_id,
                           const Person& p, std::string_view kind,
                           const std::optional<std::string>& note) {
        absence.bind(1, meeting_id);
        item_id ? absence.bind(2, *item_id) : absence.bind_null(2);
        history_id ? absence.bind(3, *history_id) : absence.bind_null(3);
        absence.bind(4, p.name).bind(5, non_empty(p.party)).bind(6, kind).bind(7, note).run();
    };

    for (const auto& p : r.absent)
        add_absence(std::nullopt, std::nullopt, p, "absent", std::nullopt);

    for (const auto& it : r.items) {
        const auto& rec = it.recommendation;
        const auto& dec = it.decision;
        item_stmt.bind(1, meeting_id)
            .bind(2, it.number)
            .bind(3, it.title)
            .bind(4, it.closed ? 1 : 0)
            .bind(5, it.case_number)
            .bind(6, it.page)
            .bind(7, it.resume);
        if (rec) {
            item_stmt.bind(8, rec->text)
                .bind(9, rec->by)
                .bind(10, non_empty(join(rec->to)))
                .bind(11, non_empty(join(rec->via)));
        }
        if (dec) {
            item_stmt.bind(12, dec->text).bind(13, non_empty(dec->outcome));
            if (dec->votes) item_stmt.bind(14, dec->votes->text);
        }
        item_stmt.bind(15, non_empty(it.case_text)).bind(16, json_array(it.attachments)).run();
        const long long item_id = sqlite3_last_insert_rowid(db_);

        if (rec) {
            for (size_t i = 0; i < rec->points.size(); ++i)
                rec_point.bind(1, item_id)
                    .bind(2, static_cast<long long>(i + 1))
                    .bind(3, rec->points[i])
                    .run();
        }
        if (dec) {
            for (const auto& pt : dec->points)
                dec_point.bind(1, item_id)
                    .bind(2, pt.n)
                    .bind(3, pt.text)
                    .bind(4, non_empty(pt.outcome))
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
            hist.bind(6, h.text).run();
            const long long history_id = sqlite3_last_insert_rowid(db_);
            for (const auto& p : h.absent)
                add_absence(item_id, history_id, p, "absent", std::nullopt);
        }
    }

    tx.commit();
    return {outcome, meeting_id, r.items.size()};
}

}  // namespace referat::store
