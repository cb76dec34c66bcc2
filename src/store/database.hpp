// The SQLite store: one file holds every ingested set of minutes, readable as plain tables in
// Datasette or sqlite-utils. A file is known by the SHA-256 of its bytes, so re-ingesting is
// idempotent, and a corrected file for the same meeting replaces the old one atomically.
#pragma once

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fts/danish_tokenizer.hpp"
#include "model/referat.hpp"
#include "rules/rules.hpp"
#include "store/statement.hpp"
#include "util/person_key.hpp"

namespace referat::store {

// Schema version kept in PRAGMA user_version; bump it with every schema change.
inline constexpr int kSchemaVersion = 9;

// FTS5 tokenizer of items_fts (src/fts). The Database registers it on its connection; other
// tools need the loadable extension referat_danish.so for MATCH.
inline constexpr const char* kTokenizer = fts::kDanishTokenizer;

// Columns of items_fts in index order: snippet() and bm25() address them by position. Each is
// the column of the same name of the view items_search, its content table: items with
// decided_points spelled out (Indstilling texts are stored once, in items.recommendation).
// The item's sections, with decided_points after the decision it belongs to.
inline constexpr auto kFtsColumns = [] {
    std::array<std::string_view, kItemSections.size() + 1> out{};
    size_t n = 0;
    for (const auto s : kItemSections) {
        out[n++] = s;
        if (s == "decision") out[n++] = "decided_points";
    }
    return out;
}();
static_assert(kFtsColumns.back() == "case_text", "decided_points follows the decision");

// The Indstilling points the Beslutning answers, by number from 1 (items.decided_point_numbers):
// a decision with numbered points answers the recommendation points of the same numbers; a
// decision without points answers all of them. nullopt when the item has no decision or no
// recommendation. items_search.decided_points is those points, one "N. text" line each (the
// whole Indstilling when it has no points), so a search of the decision also finds what was
// decided.
std::optional<std::vector<int>> decided_point_numbers(const Item& item);

// items.search_key, the rowid of items_fts, orders items by meeting date: the date YYYYMMDD in
// the high bits and the order of storing below. search_key_range(from, to) is every key of the
// meetings on those dates (ISO, inclusive); items of a meeting without a date get keys from 0.
// 20 bits are a million items a date; FTS5 stores the rowid gaps between an index's rows, and
// with 24 bits a day's gap took a byte more (the index was 4 % larger at 100,000 items).
inline constexpr int kSearchKeyBits = 20;
std::pair<long long, long long> search_key_range(const std::optional<std::string>& from,
                                                 const std::optional<std::string>& to);

// How long a writer waits for another one's write lock before it gives up (SQLITE_BUSY): an
// ingest holds it for a batch at a time, so a second ingest gets its turn between batches.
inline constexpr std::chrono::milliseconds kWriterWait{std::chrono::minutes(10)};
// Readers never wait for a writer (WAL); only for a moment while one starts a new log.
inline constexpr std::chrono::milliseconds kReaderWait{std::chrono::seconds(10)};

// RAII over one connection: WAL, foreign keys on, schema created if missing. The connection also
// has the Danish tokenizer and the SQL functions referat_fold(text) (Unicode case folding, which
// SQLite's lower() and NOCASE lack: they fold ASCII only) and referat_person_key(name). Other
// tools opening the file do not have the functions, so the schema never uses them.
class MeetingCache;  // store/cases.hpp

class Database {
  public:
    // Create: opens the file, or creates it with the schema; an existing one must have SQLite's
    // header and referat's schema before anything is written. Write: the same for a database
    // that exists already. Read: never writes; works without write access to the file or its
    // folder (and on a read-only mount, where the file is opened as immutable). `wait` bounds how
    // long a statement waits for another connection's lock.
    enum class Mode { Create, Write, Read };
    // Throws SqlError (without the path: callers name the file) when it cannot be opened, is
    // not a referat database, or was written by another schema version.
    explicit Database(const std::string& path, Mode mode = Mode::Create,
                      std::chrono::milliseconds wait = kWriterWait);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    enum class Outcome { Stored, Unchanged, Replaced };
    struct Replacement {
        std::string source;  // of the version replaced
        std::string why;     // "the same source", "the same items and titles"
    };
    struct StoreResult {
        Outcome outcome;
        long long meeting_id;
        size_t items;  // items of that meeting now in the database
        std::vector<Replacement> replaced;
        // Sources of stored meetings of the same committee and date that are other minutes,
        // kept beside this one.
        std::vector<std::string> beside;
        // Unchanged because another copy of the same minutes that ranks higher is stored
        // (a PDF rather than its text export): that copy, and why it is kept.
        std::optional<Replacement> kept;
    };

    // A write transaction: store() calls made while one is open join it, and the items they add
    // are indexed for full-text search when it commits, all in one statement. Rolled back
    // unless commit() is called.
    class Batch {
      public:
        explicit Batch(Database& db);
        void commit();

      private:
        Database& db_;
        Transaction tx_;
    };

    // Stores one referat in one transaction (a Batch's, when one is open). A content_hash already
    // present → Unchanged and nothing is written. A meeting with the same committee and date (and
    // municipality, when both know it) but another hash is replaced, with all its rows, when it
    // is the same minutes: the same source, or the same item numbers and (nearly) the same
    // titles; otherwise both are kept (StoreResult::beside). The items are joined into cases
    // (store/cases.hpp) in the same transaction; `rules` resolve the bodies the minutes name.
    // Throws SqlError, std::invalid_argument when the referat has no content hash.
    StoreResult store(const Referat& r, const rules::Rules& rules);

    // An item as theme linking reads it back: texts and points, and its meeting's municipality
    // and committee.
    struct StoredItem {
        long long id = 0;
        std::optional<std::string> municipality, committee;
        Item item;
    };
    using ThemeScorer = std::function<std::vector<ThemeScore>(const StoredItem&)>;
    // Replaces every item's theme scores with what `score` says, in one transaction: for a new or
    // edited theme file, without re-ingesting. Returns the number of items scored.
    size_t relink_themes(const ThemeScorer& score);

    // After an ingest that stored `items` items: every transaction adds FTS5 index segments,
    // and a search that looks items up one by one seeks in each segment (a theme search took 4×
    // as long on an unmerged index of 300,000 items). When the batch is a tenth of the items or
    // more, the index is merged into one segment and the pages it frees are given back to the
    // file system (incremental vacuum); a small batch leaves it to FTS5's automerge, since
    // merging rewrites the whole index.
    void merge_index(size_t items);
    // Merges the full-text index into one segment and gives the pages it frees back to the file
    // system: after many small ingests (each adds segments that FTS5 merges only four at a time)
    // a search that looks its items up one by one probes every segment. Rewrites the whole
    // index: 10 s at 1,000,000 items (`referat optimize`).
    void optimize_index();
    // How many items the full-text index holds, read from FTS5's own totals (its "averages"
    // record) instead of counting rows: a count(*) of the items table read every item's index
    // entry, 14 % of storing one file into a 1,000,000-item database.
    long long indexed_items();

    // Copies the write-ahead log into the database file and truncates it, giving its space back
    // to the file system: when a commit failed for want of space, the log holds what the
    // transactions before it wrote, and the next one might fit once it is moved. Best effort:
    // a failure is left for the next write to report.
    void release_log() noexcept;

    // What is wrong with the file, empty when nothing: SQLite's integrity and foreign-key checks
    // and FTS5's own check of the full-text index (which needs the danish tokenizer, registered
    // here, so plain sqlite3 cannot run it).
    std::vector<std::string> check();

    // The connection, for the query stage's read-only SQL; the schema and every write stay in
    // src/store.
    sqlite3* handle() { return db_; }
    // How long a statement waits for another connection's lock.
    std::chrono::milliseconds wait() const { return busy_.wait; }
    // The connection's prepared statements, for the writes that go with store().
    StatementCache& statements() { return *statements_; }

  private:
    static int on_busy(void* busy, int tries);
    void open(const std::string& uri, int flags);
    void create_schema();
    // Throws SqlError when the file is not a referat database this program can open in `mode`.
    void check_schema(Mode mode);
    // Brings a file of an older schema version that this program still reads up to date.
    void upgrade_schema();
    // Whether the stored meeting has the same item numbers as `items`, each with (nearly) the
    // same title.
    bool same_items(long long meeting_id, const std::vector<Item>& items);
    // Adds the items not yet in items_fts (see fts_indexed_to) to it.
    void index_new_items();

    sqlite3* db_ = nullptr;
    // For the busy handler: how long to wait, and since when the current wait lasts.
    struct Busy {
        std::chrono::milliseconds wait;
        std::chrono::steady_clock::time_point since;
    } busy_;
    std::unique_ptr<StatementCache> statements_;   // finalized before db_ is closed
    std::unique_ptr<MeetingCache> meetings_read_;  // by the case join, for the next files
};

}  // namespace referat::store
