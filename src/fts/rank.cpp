// Built like danish_tokenizer.cpp: into referat with SQLITE_CORE, and into the loadable extension.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <cmath>
#include <map>
#include <new>
#include <string>
#include <vector>

#include "fts/rank.hpp"

namespace referat::fts {

namespace {

// What bm25 knows of the whole index for one search.
struct Statistics {
    sqlite3_int64 rows = 0, tokens = 0;
    std::vector<double> idf;  // per phrase
};

// Per connection: the statistics of the latest searches, by the caller's key.
struct Cache {
    std::map<std::string, Statistics> by_key;
};
constexpr size_t kSearchesKept = 16;

// The rows of a phrase, counted up to `enough`: past half the rows its idf is the floor anyway.
struct Count {
    sqlite3_int64 hits = 0, enough = 0;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* state) {
    auto& count = *static_cast<Count*>(state);
    return ++count.hits > count.enough ? SQLITE_DONE : SQLITE_OK;
}

int statistics(const Fts5ExtensionApi* api, Fts5Context* fts, Cache& cache, const std::string& key,
               const Statistics*& out) {
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) return rc;
    const int phrases = api->xPhraseCount(fts);
    if (auto it = cache.by_key.find(key); it != cache.by_key.end() && it->second.rows == rows &&
                                          it->second.tokens == tokens &&
                                          it->second.idf.size() == static_cast<size_t>(phrases)) {
        out = &it->second;
        return SQLITE_OK;
    }
    if (cache.by_key.size() >= kSearchesKept) cache.by_key.clear();
    Statistics s{rows, tokens, {}};
    // One phrase's idf multiplies every row's score alike, so it cannot change the order, and
    // counting a word of most rows was a third of a search's time at a million items.
    if (phrases == 1) s.idf.push_back(1.0);
    for (int i = 0; phrases > 1 && i < phrases; ++i) {
        Count count{0, rows / 2};
        rc = api->xQueryPhrase(fts, i, &count, count_row);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        if (rc != SQLITE_OK) return rc;
        // As FTS5's bm25: a phrase in more than half the rows still counts a little.
        const auto hits = static_cast<double>(count.hits);
        const double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
        s.idf.push_back(idf <= 0.0 ? 1e-6 : idf);
    }
    out = &(cache.by_key[key] = std::move(s));
    return SQLITE_OK;
}

// referat_bm25(table, key, weight...): see rank.hpp.
void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int n_args,
          sqlite3_value** args) {
    constexpr double k1 = 1.2, b = 0.75;
    try {
        if (n_args < 1 || sqlite3_value_type(args[0]) != SQLITE_TEXT) {
            sqlite3_result_error(result, "referat_bm25: the first argument is the search's key",
                                 -1);
            return;
        }
        const std::string key(reinterpret_cast<const char*>(sqlite3_value_text(args[0])),
                              static_cast<size_t>(sqlite3_value_bytes(args[0])));
        auto& cache = *static_cast<Cache*>(api->xUserData(fts));
        const Statistics* s = nullptr;
        int rc = statistics(api, fts, cache, key, s);
        int instances = 0, doc_tokens = 0;
        if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
        if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &doc_tokens);
        std::vector<double> freq(s ? s->idf.size() : 0, 0.0);
        for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
            int phrase = 0, column = 0, offset = 0;
            rc = api->xInst(fts, i, &phrase, &column, &offset);
            if (rc == SQLITE_OK)
                freq[static_cast<size_t>(phrase)] +=
                    column + 1 < n_args ? sqlite3_value_double(args[column + 1]) : 1.0;
        }
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(result, rc);
            return;
        }
        const double average = s->rows > 0 ? static_cast<double>(s->tokens) / s->rows : 1.0;
        double score = 0.0;
        for (size_t i = 0; i < freq.size(); ++i)
            score += s->idf[i] * freq[i] * (k1 + 1.0) /
                     (freq[i] + k1 * (1.0 - b + b * doc_tokens / average));
        sqlite3_result_double(result, -score);  // like bm25(): lower is better
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(result);
    }
}

void destroy_cache(void* cache) {
    delete static_cast<Cache*>(cache);
}

}  // namespace

int register_rank(fts5_api* fts5) {
    auto* cache = new (std::nothrow) Cache;
    if (!cache) return SQLITE_NOMEM;
    return fts5->xCreateFunction(fts5, kRankFunction, cache, rank, destroy_cache);
}

}  // namespace referat::fts
