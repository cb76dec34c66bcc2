// Thin RAII over SQLite statements: errors become SqlError with the system's reason, and a cache
// keeps the statements a writer prepares for every file.
#include "store/statement.hpp"

#include <algorithm>
#include <cstring>

namespace referat::store {

namespace {

// The type sqlite3_bind_pointer tags a KeySet with: referat_in_keys reads no other pointer.
constexpr const char* kKeySetType = "referat::store::KeySet";

// referat_in_keys(set, key): 1 when key is in the set, else 0; an error when the set's `stop`
// refuses the check.
void in_keys(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* set = static_cast<KeySet*>(sqlite3_value_pointer(argv[0], kKeySetType));
    if (!set) return sqlite3_result_error(ctx, "referat_in_keys: no key set bound", -1);
    const auto key = sqlite3_value_int64(argv[1]);
    try {
        if (set->stop && set->stop(key, set->checked, set->found)) {
            set->stopped_at = key;
            return sqlite3_result_error(ctx, "referat_in_keys: stopped", -1);
        }
    } catch (const std::exception&) {
        return sqlite3_result_error_nomem(ctx);
    }
    ++set->checked;
    const bool in = std::binary_search(set->keys.begin(), set->keys.end(), key);
    set->found += in;
    sqlite3_result_int(ctx, in);
}

// SQLite's message, with the system's reason for a failed read or write ("disk I/O error (No
// space left on device)"): which of a full disk, a file size limit or a failing disk it was.
std::string message(sqlite3* db, int rc, const char* what) {
    std::string out = what ? what : sqlite3_errstr(rc);
    const int primary = rc & 0xff;
    if (db && (primary == SQLITE_IOERR || primary == SQLITE_FULL))
        if (const int e = sqlite3_system_errno(db); e != 0)
            out += std::string(" (") + std::strerror(e) + ")";
    return out;
}

[[noreturn]] void fail(sqlite3* db, int rc) {
    throw SqlError(message(db, rc, db ? sqlite3_errmsg(db) : nullptr), rc & 0xff);
}

}  // namespace

void exec(sqlite3* db, const char* sql) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
    if (rc == SQLITE_OK) return;
    const std::string what = message(db, rc, msg);
    sqlite3_free(msg);
    throw SqlError(what, rc & 0xff);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        fail(db, rc);
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& StatementCache::get(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end())
        it = statements_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
    it->second->reset();
    return *it->second;
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK) fail(db_, rc);
}

Statement& Statement::bind(int i, std::string_view v) {
    check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int i, const std::optional<std::string>& v) {
    return v ? bind(i, std::string_view(*v)) : bind_null(i);
}

Statement& Statement::bind(int i, long long v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
}

Statement& Statement::bind(int i, double v) {
    check(sqlite3_bind_double(stmt_, i, v));
    return *this;
}

Statement& Statement::bind(int i, KeySet& keys) {
    check(sqlite3_bind_pointer(stmt_, i, &keys, kKeySetType, nullptr));
    return *this;
}

Statement& Statement::bind_null(int i) {
    check(sqlite3_bind_null(stmt_, i));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // The message belongs to the connection; read it before reset() can overwrite it.
    SqlError error(message(db_, rc, sqlite3_errmsg(db_)), rc & 0xff);
    sqlite3_reset(stmt_);
    throw error;
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

long long Statement::column_int(int col) const {
    return sqlite3_column_int64(stmt_, col);
}

double Statement::column_double(int col) const {
    return sqlite3_column_double(stmt_, col);
}

std::string Statement::column_text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}

std::optional<std::string> Statement::column_optional(int col) const {
    if (is_null(col)) return std::nullopt;
    return column_text(col);
}

Transaction::Transaction(sqlite3* db) : db_(db), joined_(sqlite3_get_autocommit(db) == 0) {
    if (!joined_) exec(db_, "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    // A destructor must not throw; a failed rollback leaves SQLite to roll back on close.
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    if (!joined_) exec(db_, "COMMIT");
    done_ = true;
}

ReadSnapshot::ReadSnapshot(sqlite3* db) : db_(db), joined_(sqlite3_get_autocommit(db) == 0) {
    if (!joined_) exec(db_, "BEGIN DEFERRED");
}

ReadSnapshot::~ReadSnapshot() {
    // A destructor must not throw. Should COMMIT fail (a statement still running), ROLLBACK
    // ends the read all the same: the connection must not keep reading this snapshot.
    if (!joined_ && sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void register_key_set_function(sqlite3* db) {
    const int rc = sqlite3_create_function_v2(db, "referat_in_keys", 2, SQLITE_UTF8, nullptr,
                                              in_keys, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw SqlError(sqlite3_errmsg(db), rc);
}

}  // namespace referat::store
