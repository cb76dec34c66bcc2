// The schema in SQL: every table with its indexes, the views that spell out stored offsets, and
// the full-text index with the triggers that keep it in step. Kept apart from database.cpp, so
// the statements that define the rows are in one place and those that read and write them in
// another.
#include "store/schema.hpp"

#include "store/database.hpp"
#include "store/statement.hpp"

namespace referat::store::schema {

namespace {

// Each table carries a one-line comment inside its CREATE statement, because SQLite keeps that
// text in sqlite_master and Datasette shows it as the table's schema.
// Made by create() and by the upgrade from version 8.
constexpr const char* kMeetingRoutes = R"sql(
CREATE TABLE meeting_routes (  -- the bodies a meeting's items route a case through or to: the case join's title window
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    body_key TEXT NOT NULL,            -- item_routes.body as the case join compares bodies
    PRIMARY KEY (meeting_id, body_key)
) WITHOUT ROWID;
)sql";

constexpr const char* kTables = R"sql(
CREATE TABLE meetings (  -- one set of minutes (one source file), known by the SHA-256 of its bytes
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so an id seen once stays unambiguous
    municipality TEXT,
    committee TEXT,                    -- full name as the municipality writes it
    committee_key TEXT,                -- committee case-folded: what reports filter and compare by
    date TEXT,                         -- ISO 8601
    source TEXT NOT NULL,              -- path as given when ingested
    content_hash TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,              -- pdf, web page or text: which of two copies is kept
    ocr INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL          -- UTC, ISO 8601
);
CREATE INDEX meetings_committee_date ON meetings (committee, date);
CREATE INDEX meetings_committee_key_date ON meetings (committee_key, date);
CREATE INDEX meetings_date ON meetings (date);
-- A new file's case join reads one municipality's meetings of a date or of months around it.
CREATE INDEX meetings_municipality_date ON meetings (municipality, date);

CREATE TABLE cases (  -- items joined across meetings and bodies (see case_links); recomputed on ingest
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,                 -- key of the case's earliest stored item (items.key)
    title TEXT,                        -- title of that item
    case_number TEXT                   -- first printed Sagsnr. of its items, if any
);

CREATE TABLE items (  -- one agenda item (punkt); its texts are indexed by items_fts
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: `referat show ID` must not change meaning
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    key TEXT NOT NULL,                 -- municipality|committee|date|number: survives re-ingest
    search_key INTEGER NOT NULL UNIQUE,  -- rowid in items_fts: meeting date (YYYYMMDD) << 20 | n
    case_id INTEGER REFERENCES cases (id) ON DELETE SET NULL,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    body_title_hash INTEGER,           -- hash of committee and title, case-folded; see index
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
    recommendation_point_spans TEXT,   -- JSON; the text of each point: view recommendation_points
    decided_point_numbers TEXT,        -- JSON: points the decision answers; see view items_search
    votes_text TEXT,                   -- the vote as printed; NULL when none is recorded
    decision_promise TEXT,             -- sentence promising a return; the case stays open
    case_text TEXT,
    attachments TEXT NOT NULL DEFAULT '[]'  -- JSON array of attachment names
);
-- search_key too: a committee's items in a date range come from indexes alone (query.cpp).
CREATE INDEX items_meeting ON items (meeting_id, search_key);
CREATE INDEX items_case ON items (case_id);
-- meeting_id too: the case join asks which meetings of a municipality share a Sagsnr., and at a
-- million items reading each item's row for it was most of that query.
CREATE INDEX items_case_number ON items (case_number, meeting_id);

CREATE TABLE item_routes (  -- bodies an Indstilling is routed through (via, in order) and to
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,              -- from 1: via bodies in order, then the deciding ones
    role TEXT NOT NULL CHECK (role IN ('via', 'to')),
    body TEXT NOT NULL,                -- full name, resolved through patterns/committees.txt
    written TEXT NOT NULL              -- as the minutes write it ("ØU")
);
CREATE INDEX item_routes_item ON item_routes (item_id, seq);

CREATE TABLE case_links (  -- why two items are one case: the rule that joined them and its evidence
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,  -- the item holding the evidence
    other_item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    rule TEXT NOT NULL CHECK (rule IN ('case_number', 'quoted', 'title')),  -- in order of trust
    evidence TEXT NOT NULL             -- "Sagsnr. 17/6488", "quotes Direktionen, 2020-08-17, pkt. 2"
);
CREATE INDEX case_links_item ON case_links (item_id);
CREATE INDEX case_links_other ON case_links (other_item_id);

CREATE TABLE case_splits (  -- `referat case split`: two items never to be one case (by items.key)
    key TEXT NOT NULL,
    other_key TEXT NOT NULL,           -- key < other_key
    created_at TEXT NOT NULL,          -- UTC, ISO 8601
    PRIMARY KEY (key, other_key)
) WITHOUT ROWID;
CREATE INDEX case_splits_other ON case_splits (other_key);

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
    body_key TEXT,                     -- body case-folded: what reports filter by
    date TEXT,                         -- ISO 8601
    item_number INTEGER,               -- pkt. in that body's meeting
    text TEXT,
    outcome TEXT                       -- outcome vocabulary, as items.decision_outcome
);
CREATE INDEX history_item ON history (item_id, ord);
CREATE INDEX history_date ON history (date, item_number);
CREATE INDEX history_body_key_date ON history (body_key, date);
-- The report's "same title at the same body later": one range of this index per item (the hash
-- is checked against the folded committee and title, so it may collide).
CREATE INDEX items_body_title ON items (body_title_hash, search_key);

CREATE TABLE absences (  -- who was absent: from the meeting (item_id NULL), a decision, or a quoted one
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items (id) ON DELETE CASCADE,
    history_id INTEGER REFERENCES history (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    party TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('absent', 'partial')),  -- partial: attended part only
    note TEXT,
    person_key TEXT NOT NULL           -- name folded, hyphens and full stops ignored (--absent)
);
CREATE INDEX absences_meeting ON absences (meeting_id);
CREATE INDEX absences_person ON absences (person_key, meeting_id);
CREATE INDEX absences_item ON absences (item_id);
CREATE INDEX absences_history ON absences (history_id);

CREATE TABLE item_themes (  -- each theme (patterns/themes) an item was scored against, linked or not
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    theme_set TEXT NOT NULL,           -- theme file name without extension
    theme INTEGER NOT NULL,
    name TEXT NOT NULL,
    score REAL NOT NULL,
    threshold REAL NOT NULL,           -- the set's threshold when the item was linked
    linked INTEGER NOT NULL,           -- score >= threshold
    PRIMARY KEY (item_id, theme_set, theme)
);
CREATE INDEX item_themes_theme ON item_themes (theme, linked);

CREATE TABLE theme_evidence (  -- why: each matched phrase, where it was, and its points
    item_id INTEGER NOT NULL,
    theme_set TEXT NOT NULL,
    theme INTEGER NOT NULL,
    section TEXT NOT NULL,             -- title, resume, recommendation, decision, case_text
    phrase TEXT NOT NULL,
    points REAL NOT NULL,
    FOREIGN KEY (item_id, theme_set, theme)
        REFERENCES item_themes (item_id, theme_set, theme) ON DELETE CASCADE
);
CREATE INDEX theme_evidence_item ON theme_evidence (item_id, theme_set, theme);
)sql";

// A text the Indstilling already holds is not stored again: a point is where it is in
// items.recommendation, [start, length] in characters from 1 (what substr() counts), and only a
// point not there verbatim keeps its own text. Plain SQL, so every tool reads the views.
std::string point_text_sql(const std::string& row, const std::string& point) {
    return "CASE " + point + ".type WHEN 'array' THEN substr(" + row + ".recommendation, " +
           "json_extract(" + point + ".value, '$[0]'), json_extract(" + point +
           ".value, '$[1]')) ELSE " + point + ".value END";
}

// items_search.decided_points of the items row `row` (see store::decided_point_numbers).
std::string decided_points_sql(const std::string& row) {
    return "CASE WHEN " + row + ".decided_point_numbers IS NULL THEN NULL WHEN " + row +
           ".recommendation_point_spans IS NULL THEN " + row +
           ".recommendation ELSE (SELECT group_concat((p.key + 1) || '. ' || " +
           point_text_sql(row, "p") + ", char(10)) FROM json_each(" + row +
           ".recommendation_point_spans) p WHERE p.key + 1 IN (SELECT value FROM json_each(" + row +
           ".decided_point_numbers))) END";
}

std::string views_schema() {
    std::string columns;
    for (const auto c : kFtsColumns)
        (columns += ", ") += c == "decided_points"
                                 ? decided_points_sql("items") + " AS " + std::string(c)
                                 : std::string(c);
    return "CREATE VIEW recommendation_points (item_id, n, text) AS  -- numbered points of an "
           "item's Indstilling\nSELECT i.id, p.key + 1, " +
           point_text_sql("i", "p") +
           "\nFROM items i, json_each(i.recommendation_point_spans) p;\n"
           "CREATE VIEW items_search AS  -- items as items_fts indexes them: decided_points "
           "spelled out\nSELECT search_key" +
           columns + "\nFROM items;\n";
}

}  // namespace

std::string fts_values(const std::string& row) {
    std::string values;
    for (const auto c : kFtsColumns)
        values +=
            ", " + (c == "decided_points" ? decided_points_sql(row) : row + "." + std::string(c));
    return values;
}

namespace {

// items_fts, kept in step with items, including rows removed by ON DELETE CASCADE. New items are
// not indexed by a trigger, one file at a time: FTS5 writes its pending terms out as a new index
// segment at the end of every statement that touched it, which was most of the writer's time.
// They are indexed together when their transaction commits (index_new_items); fts_indexed_to
// tells which items are in the index, so deleting or editing one that is not yet touches no
// index. The delete and update triggers (names as sqlite-utils makes them) spell out
// decided_points as the view does, from the row alone, so they do not depend on when cascaded
// rows go. The content table is the view items_search, so Datasette does not detect the index by
// its content= option: the README's metadata names it (fts_table).
// The FTS rowid is items.search_key, which sorts by meeting date, so "newest first" and a date
// range are rowid order and a rowid range inside FTS5: a search stops after the rows it shows
// instead of sorting every match. Only edits of indexed columns re-index a row (cases update
// items.case_id on every ingest).
// ", title, resume, ...": the indexed columns, each after ", ".
std::string fts_columns() {
    std::string columns;
    for (const auto c : kFtsColumns) (columns += ", ") += c;
    return columns;
}

std::string fts_table() {
    return "CREATE VIRTUAL TABLE items_fts USING fts5(" + fts_columns().substr(2) +
           ", content=\"items_search\", content_rowid=\"search_key\", tokenize=\"" + kTokenizer +
           "\");\n";
}

std::string fts_schema() {
    std::string columns, read;
    for (const auto c : kFtsColumns) {
        (columns += ", ") += c;
        (read += ", ") +=
            c == "decided_points" ? "recommendation_point_spans, decided_point_numbers" : c;
    }
    const auto insert = "INSERT INTO items_fts (rowid" + columns + ") VALUES (new.search_key" +
                        fts_values("new") + ");\n";
    const auto remove = "INSERT INTO items_fts (items_fts, rowid" + columns +
                        ") VALUES ('delete', old.search_key" + fts_values("old") + ");\n";
    const std::string indexed = " WHEN old.id <= (SELECT item_id FROM fts_indexed_to)";
    return "CREATE TABLE fts_indexed_to (  -- items up to this id are in items_fts; later ones are "
           "indexed at commit\n    item_id INTEGER NOT NULL\n);\n"
           "INSERT INTO fts_indexed_to VALUES (0);\n" +
           fts_table() + "CREATE TRIGGER items_ad AFTER DELETE ON items" + indexed +
           " BEGIN\n    " + remove + "END;\n" +
           "CREATE TRIGGER items_au AFTER UPDATE OF search_key" + read + " ON items" + indexed +
           " BEGIN\n    " + remove + "    " + insert + "END;\n";
}

}  // namespace

const std::array<Name, 17> kNames{{{"meetings", kOldestUpgraded},
                                   {"cases", kOldestUpgraded},
                                   {"items", kOldestUpgraded},
                                   {"item_routes", kOldestUpgraded},
                                   {"meeting_routes", 9},
                                   {"case_links", kOldestUpgraded},
                                   {"case_splits", kOldestUpgraded},
                                   {"decision_points", kOldestUpgraded},
                                   {"votes", kOldestUpgraded},
                                   {"history", kOldestUpgraded},
                                   {"absences", kOldestUpgraded},
                                   {"item_themes", kOldestUpgraded},
                                   {"theme_evidence", kOldestUpgraded},
                                   {"fts_indexed_to", kOldestUpgraded},
                                   {"items_fts", kOldestUpgraded},
                                   {"items_search", kOldestUpgraded},
                                   {"recommendation_points", kOldestUpgraded}}};

void create(sqlite3* db) {
    exec(db, kTables);
    exec(db, kMeetingRoutes);
    exec(db, views_schema().c_str());
    exec(db, fts_schema().c_str());
}

std::string version_problem(long long v, bool writer) {
    if (v > kSchemaVersion)
        return "schema version " + std::to_string(v) + " is newer than this program (" +
               std::to_string(kSchemaVersion) + ")";
    // Older files than kOldestUpgraded: the minutes are the record, and a new database is rebuilt
    // from them.
    if (v > 0 && v < kOldestUpgraded)
        return "schema version " + std::to_string(v) + " is older than this program (" +
               std::to_string(kSchemaVersion) + "): ingest into a new database";
    if (v > 0 && v < kSchemaVersion && !writer)
        return "schema version " + std::to_string(v) + " is older than this program (" +
               std::to_string(kSchemaVersion) + "): the next ingest into it upgrades it";
    return "";
}

void upgrade(sqlite3* db, long long v) {
    // 7 → 8: an index; meetings.format, told for the meetings stored before from the source's
    // extension, as the reader told it then; and the full-text index rebuilt, because the
    // tokenizer now splits compounds (and a 'delete' must give the tokens the insert gave).
    if (v < 8) {
        exec(db, "CREATE INDEX meetings_municipality_date ON meetings (municipality, date)");
        exec(db,
             "ALTER TABLE meetings ADD COLUMN format TEXT NOT NULL DEFAULT 'text';"
             "UPDATE meetings SET format = CASE WHEN lower(source) LIKE '%.pdf' THEN 'pdf' "
             "WHEN lower(source) LIKE '%.htm' OR lower(source) LIKE '%.html' THEN 'web page' "
             "ELSE 'text' END");
        // FTS5's own 'rebuild' fails on this view as content table; the index is made anew.
        exec(db, "DROP TABLE items_fts");
        exec(db, fts_table().c_str());
        exec(db, ("INSERT INTO items_fts (rowid" + fts_columns() + ") SELECT search_key" +
                  fts_values("i") + " FROM items i WHERE i.id <= (SELECT item_id FROM " +
                  "fts_indexed_to) ORDER BY search_key")
                     .c_str());
    }
    // 8 → 9: the bodies each meeting routes cases to, and the Sagsnr. index with the meeting.
    // Before, the routes' keys are their stored full names folded, which is what the case join's
    // body key makes of a name committees.txt resolved already.
    if (v < 9) {
        exec(db, kMeetingRoutes);
        exec(db,
             "INSERT OR IGNORE INTO meeting_routes (meeting_id, body_key) SELECT i.meeting_id, "
             "referat_fold(r.body) FROM item_routes r JOIN items i ON i.id = r.item_id");
        exec(db,
             "DROP INDEX items_case_number; "
             "CREATE INDEX items_case_number ON items (case_number, meeting_id)");
    }
    exec(db, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
}

long long user_version(sqlite3* db) {
    Statement version(db, "PRAGMA user_version");
    version.step();
    return version.column_int(0);
}

}  // namespace referat::store::schema
