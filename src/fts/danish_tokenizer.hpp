// The Danish FTS5 tokenizer `danish`: unicode61 splits the text into words
// (remove_diacritics 0, so æ/ø/å survive), then each word is case-folded (ICU), put in NFC, has
// aa/ae/oe written as å/æ/ø (so `forloeb` finds `forløb`) and is reduced to its Snowball Danish
// stem (`beslutninger` finds `beslutning`), or the term of patterns/danish_terms.txt (`godkendes`
// finds `godkendt`). Indexing a text (not a query), a compound is indexed as itself and, at the
// same position, as its parts (`forløb` finds `taskforceforløb`); two words that make a listed word
// also as that word (`taskforce` finds `Task Force`); and an elided compound as its full form
// (`børne- og ungepolitik` as børnepolitik too). Queries are not expanded, so a compound in a
// query finds the compound only. Tokens keep the byte offsets of the original text, so snippet()
// and highlight() mark the words as written.
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
#include <vector>

#include "util/stem.hpp"

namespace referat::fts {

inline constexpr const char* kDanishTokenizer = "danish";

// Turns one word into its search terms. Holds a stemmer, which keeps state between calls: one per
// tokenizer instance, never shared between threads.
class DanishTerms {
  public:
    // "Beslutningerne" → "beslutning", "FORLOEBET" → "forløb". Valid until the next
    // make_room().
    const std::string& term(std::string_view word);

    struct Analysis {
        std::string folded;              // fold_word (compounds.hpp)
        std::string term;                // its term: the table's (godkendes → godkend) or stem
        std::vector<std::string> parts;  // terms of its compound parts that differ from term
        // Byte offset in `folded` after the first part and its linking letter: what an elided
        // form puts its own first part before ("børne- og ungepolitik": politik); 0 when the
        // word is no compound.
        size_t after_first = 0;
    };
    // The word's analysis, cached. Valid until the next make_room().
    const Analysis& analyse(std::string_view word);
    // The term of two folded words written as one when that is a listed word ("task" +
    // "forcen"), else "". Cached like analyse().
    const std::string& joined_term(const std::string& first, const std::string& second);
    // The term of a folded word.
    std::string term_of_folded(std::string_view folded);
    // Empties the caches if `words` more might not fit: called before a text, so that what
    // analyse() and joined_term() return stays valid while it is tokenized.
    void make_room(size_t words);

  private:
    Analysis make_analysis(std::string_view word);

    text::DanishStemmer stemmer_;
    // Minutes repeat their words: the ingest's one writer tokenizes every item it stores, and
    // folding, stemming and splitting a word cost far more than looking it up.
    struct WordHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Analysis, WordHash, std::equal_to<>> known_;
    std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> joined_;
    std::string pair_;
};

}  // namespace referat::fts

// The extension's entry point; SQLite derives the name from the file name referat_danish.so.
// referat calls it directly on each of its own connections (api is then unused).
extern "C" __attribute__((visibility("default"))) int sqlite3_referatdanish_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api);
