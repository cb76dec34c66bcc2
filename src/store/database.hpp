// The SQLite store: one file holds every ingested set of minutes, readable as plain tables in
// Datasette or sqlite-utils. A file is known by the SHA-256 of its bytes, so re-ingesting is
// idempotent, and a corrected file for the same meeting replaces the old one atomically.
#pragma once

#include <sqlite3.h>

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"
#include "store/statement.hpp"

namespace referat::store {

// Schema version kept in PRAGMA user_version; bump it with every schema change.
inline constexpr int kSchemaVersion = 2;

// FTS5 tokenizer of items_fts. The only place it is named, so a Danish stemming tokenizer can
// replace it later (tech-notes B2).
inline constexpr const char* kTokenizer = "unicode61 remove_diacritics 0";

// Columns of items_fts in index order: snippet() and bm25() address them by position. Each is
// the items column of the same name.
inline constexpr std::array<std::string_view, 5> kFtsColumns{"title", "resume", "recommendation",
                                                             "decision", "case_text"};

// RAII over one connection: WAL, foreign keys on, 5 s busy timeout, schema created if missing.
// The connection also has the SQL function referat_fold(text): Unicode case folding, which
// SQLite's lower() and NOCASE lack (they fold ASCII only). Other tools opening the file do not
// have it, so the schema never uses it.
class Database {
  public:
    // Opens or creates the file. Throws SqlError when it cannot be opened, is not a referat
    // database, or was written by a newer schema version.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    enum class Outcome { Stored, Unchanged, Replaced };
    struct StoreResult {
        Outcome outcome;
        long long meeting_id;
        size_t items;  // items of that meeting now in the database
    };

    // Stores one referat in one transaction. A content_hash already present → Unchanged and
    // nothing is written. A meeting with the same committee and date (and municipality, when both
    // know it) but another hash → that meeting and all its rows are replaced. The items are
    // joined into cases (store/cases.hpp) in the same transaction; `rules` resolve the bodies the
    // minutes name. Throws SqlError, std::invalid_argument when the referat has no content hash.
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

    sqlite3* handle() { return db_; }

  private:
    void create_schema();

    sqlite3* db_ = nullptr;
};

}  // namespace referat::store
