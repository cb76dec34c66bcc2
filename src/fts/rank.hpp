// referat_bm25(fts_table, key, weight...): FTS5's bm25() (same formula, k1 = 1.2, b = 0.75, one
// weight per column; for a search of one phrase without its idf, a factor of every score alike,
// so the order is bm25's) whose per-phrase statistics are kept on the connection under `key`
// instead of per FTS query. bm25 needs how many rows match each phrase, a walk over every match; a
// search that looks up a few hundred candidate items in the index one by one (one FTS query each)
// would walk them once per item. The caller names one search by one key; statistics are recomputed
// when the index's row, token or phrase count has changed.
#pragma once

#include <sqlite3.h>

namespace referat::fts {

inline constexpr const char* kRankFunction = "referat_bm25";

// Adds referat_bm25 to a connection's FTS5 (from sqlite3_referatdanish_init).
int register_rank(fts5_api* fts5);

}  // namespace referat::fts
