// Thin RAII layer over the SQLite C API: prepared statements, transactions, errors.
// Every value reaches SQL through a bound parameter; SQL text is always a constant.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace referat::store {

// A database operation failed. what() is SQLite's message; code() its primary result code,
// so callers can tell a bad FTS query (SQLITE_ERROR) from a locked or corrupt file.
class SqlError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
    SqlError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

  private:
    int code_ = SQLITE_ERROR;
};

// Runs SQL without parameters (DDL, pragmas, BEGIN/COMMIT). Throws SqlError.
void exec(sqlite3* db, const char* sql);

// Sorted keys a statement checks rows against with referat_in_keys(?N, key), the set bound to ?N
// by Statement::bind: a walk over many rows that checks each against a few keys. When `stop`
// says so before a check (given the key, the checks so far and how many found a key), the check
// fails the statement (SqlError) and records where: the caller goes on another way from there.
struct KeySet {
    std::vector<long long> keys;  // ascending
    std::function<bool(long long key, long long checked, long long found)> stop;
    long long checked = 0, found = 0;
    std::optional<long long> stopped_at;  // the key whose check `stop` refused
};
// Registers referat_in_keys on a connection.
void register_key_set_function(sqlite3* db);

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite. Text is copied, so temporaries are safe.
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::optional<std::string>& v);  // nullopt → NULL
    Statement& bind(int i, long long v);
    Statement& bind(int i, int v) { return bind(i, static_cast<long long>(v)); }
    Statement& bind(int i, double v);
    Statement& bind_null(int i);
    // The set lives until the statement is reset or done (SQLite keeps only the pointer).
    Statement& bind(int i, KeySet& keys);
    // The highest parameter number the SQL uses (?N): binding up to it is valid.
    int parameter_count() const { return sqlite3_bind_parameter_count(stmt_); }

    // Advances one row: true when a row is ready, false when done. Throws SqlError.
    bool step();
    // Steps to completion and resets, keeping bindings cleared for the next use.
    void run();
    void reset();

    bool is_null(int col) const;
    long long column_int(int col) const;
    double column_double(int col) const;
    std::string column_text(int col) const;  // NULL → ""
    std::optional<std::string> column_optional(int col) const;

  private:
    void check(int rc) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// The prepared statements of one connection, each prepared on first use and kept until the cache
// goes (before the connection closes): the writer runs the same few dozen statements for every
// file, and preparing them anew was a sixth of its time.
class StatementCache {
  public:
    explicit StatementCache(sqlite3* db) : db_(db) {}

    // The statement for `sql`, reset and without bindings. There is one per SQL text, so a
    // caller is done with it before the same text is asked for again.
    Statement& get(std::string_view sql);
    sqlite3* db() const { return db_; }

  private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    sqlite3* db_;
    std::unordered_map<std::string, std::unique_ptr<Statement>, Hash, std::equal_to<>> statements_;
};

// BEGIN IMMEDIATE on construction (take the write lock up front, so a concurrent writer waits
// in busy_timeout instead of failing at the first write); ROLLBACK unless commit() was called.
// Inside a transaction already open on the connection (an ingest batch) it joins that one:
// commit() leaves the commit to its owner, and without commit() the whole transaction is rolled
// back; the owner, told by the exception that went through, redoes its work. No savepoint per
// join: FTS5 writes its pending terms out at every savepoint.
class Transaction {
  public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    // Whether this joined a transaction already open, which its owner commits.
    bool joined() const { return joined_; }

  private:
    sqlite3* db_;
    bool joined_;
    bool done_ = false;
};

// One read transaction (BEGIN DEFERRED) for its lifetime: every statement in it reads the same
// snapshot, so a report is not made of two states of a database an ingest commits to meanwhile,
// and SQLite takes the WAL read lock once rather than for every statement (that was a quarter of
// a report's time). Ends with COMMIT, which for a reader releases the lock. Inside a transaction
// already open on the connection it does nothing.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(sqlite3* db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  private:
    sqlite3* db_;
    bool joined_;
};

}  // namespace referat::store
