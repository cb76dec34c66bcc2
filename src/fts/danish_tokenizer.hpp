// The Danish FTS5 tokenizer `danish`: unicode61 splits the text into words
// (remove_diacritics 0, so æ/ø/å survive), then each word is case-folded (ICU), put in NFC, has
// aa/ae/oe written as å/æ/ø (so `forloeb` finds `forløb`) and is reduced to its Snowball Danish
// stem (`beslutninger` finds `beslutning`). Tokens keep the byte offsets of the original text, so
// snippet() and highlight() mark the words as written.
//
// danish_tokenizer.cpp is compiled twice: into referat itself with SQLITE_CORE (store registers
// the tokenizer on every connection it opens) and as the SQLite loadable extension
// referat_danish.so, which other tools (sqlite3, Datasette) need to run MATCH on the database.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/stem.hpp"

namespace referat::fts {

inline constexpr const char* kDanishTokenizer = "danish";

// Turns one word into its search term. Holds a stemmer, which keeps state between calls: one per
// tokenizer instance, never shared between threads.
class DanishTerms {
  public:
    // "Beslutningerne" → "beslutning", "FORLOEBET" → "forløb". Valid until the next call.
    const std::string& term(std::string_view word);

  private:
    std::string make_term(std::string_view word);

    text::DanishStemmer stemmer_;
    std::string folded_;
    // Minutes repeat their words: the ingest's one writer tokenizes every item it stores, and
    // folding and stemming a word costs far more than looking it up.
    struct WordHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> known_;
};

}  // namespace referat::fts

// The extension's entry point; SQLite derives the name from the file name referat_danish.so.
// referat calls it directly on each of its own connections (api is then unused).
extern "C" __attribute__((visibility("default"))) int sqlite3_referatdanish_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api);
