// Internal to src/store: the schema's SQL and its version checks (store/schema.cpp).
#pragma once

#include <sqlite3.h>

#include <array>
#include <string>

namespace referat::store::schema {

// Creates every table, view, index and trigger in an empty database, inside the caller's
// transaction.
void create(sqlite3* db);

// The oldest schema version a writer upgrades (upgrade()); an older file is refused.
inline constexpr long long kOldestUpgraded = 7;

// The tables and views create() makes, which an existing file must have before referat reads or
// writes it, each with the schema version that added it: an older file gets it on its upgrade.
struct Name {
    const char* name;
    long long since;
};
extern const std::array<Name, 17> kNames;

// The items_fts columns of the items row `row`, each after ", ": what items_search has.
std::string fts_values(const std::string& row);

// Why a file of schema version `v` is not one this program opens as a writer (which upgrades it)
// or a reader (which needs it upgraded: the full-text index changed), "" when it is.
std::string version_problem(long long v, bool writer);

// Brings a file of version `v` (kOldestUpgraded <= v < kSchemaVersion) to kSchemaVersion, inside
// the caller's write transaction.
void upgrade(sqlite3* db, long long v);
long long user_version(sqlite3* db);

}  // namespace referat::store::schema
