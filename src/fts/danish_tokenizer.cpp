// Built with SQLITE_CORE into referat (sqlite3ext.h then calls SQLite directly) and without it as
// the loadable extension (calls go through the sqlite3_api table the host passes in).
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <algorithm>
#include <memory>
#include <new>
#include <vector>

#include "fts/danish_tokenizer.hpp"
#include "fts/rank.hpp"
#include "util/text.hpp"

namespace referat::fts {

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// aa, ae and oe are how Danish is typed without å, æ and ø. Normalising them on both the index and
// the query side (as Lucene's ScandinavianNormalizationFilter does) makes `forloeb`
// find `forløb`, at the price of a few false friends (ekstraarbejde, Michael). Each letter is two
// bytes in UTF-8, like the pair it replaces, so this works in place.
void normalise_digraphs(std::string& s) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        const char* letter = nullptr;
        if (s[i] == 'a' && s[i + 1] == 'a') letter = "å";
        if (s[i] == 'a' && s[i + 1] == 'e') letter = "æ";
        if (s[i] == 'o' && s[i + 1] == 'e') letter = "ø";
        if (letter) {
            s[i] = letter[0];
            s[++i] = letter[1];
        }
    }
}

}  // namespace

const std::string& DanishTerms::term(std::string_view word) {
    // Enough for the vocabulary of years of minutes; a pathological text only empties it.
    constexpr size_t kKnownWords = 1 << 17;
    if (const auto it = known_.find(word); it != known_.end()) return it->second;
    if (known_.size() >= kKnownWords) known_.clear();
    return known_.emplace(word, make_term(word)).first->second;
}

std::string DanishTerms::make_term(std::string_view word) {
    if (is_ascii(word)) {
        // Most words: ASCII is already NFC, and its case folding is tolower.
        folded_.assign(word);
        for (auto& c : folded_)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        // Fold first, then compose: a decomposed "A" + ring becomes "a" + ring, then "å".
        folded_ = text::nfc(text::fold(word));
    }
    normalise_digraphs(folded_);
    return stemmer_.stem(folded_);
}

namespace {

// Exceptions must not cross SQLite's C frames.
template <class F>
int guarded(F&& f) {
    try {
        return f();
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

// One instance per FTS5 table and connection: unicode61 does the word splitting.
struct Tokenizer {
    fts5_tokenizer parent{};
    Fts5Tokenizer* parent_instance = nullptr;
    DanishTerms terms;

    ~Tokenizer() {
        if (parent_instance) parent.xDelete(parent_instance);
    }
};

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// Where unicode61's words go: turned into terms, passed on with their original offsets.
struct Sink {
    void* context;
    TokenCallback token;
    DanishTerms& terms;
};

int create(void* fts5, const char** args, int n_args, Fts5Tokenizer** out) {
    *out = nullptr;
    return guarded([&] {
        auto* api = static_cast<fts5_api*>(fts5);
        auto tok = std::make_unique<Tokenizer>();
        void* parent_context = nullptr;
        int rc = api->xFindTokenizer(api, "unicode61", &parent_context, &tok->parent);
        if (rc != SQLITE_OK) return rc;
        // remove_diacritics 0 keeps æ, ø and å; options given to danish come after, so
        // `tokenize="danish tokenchars '-'"` reaches unicode61.
        std::vector<const char*> parent_args{"remove_diacritics", "0"};
        parent_args.insert(parent_args.end(), args, args + n_args);
        rc = tok->parent.xCreate(parent_context, parent_args.data(),
                                 static_cast<int>(parent_args.size()), &tok->parent_instance);
        if (rc != SQLITE_OK) return rc;
        *out = reinterpret_cast<Fts5Tokenizer*>(tok.release());
        return SQLITE_OK;
    });
}

void destroy(Fts5Tokenizer* tok) {
    delete reinterpret_cast<Tokenizer*>(tok);
}

int forward(void* sink_ptr, int flags, const char* word, int size, int start, int end) {
    auto* sink = static_cast<Sink*>(sink_ptr);
    return guarded([&] {
        const auto& term = sink->terms.term({word, static_cast<size_t>(size)});
        return sink->token(sink->context, flags, term.data(), static_cast<int>(term.size()), start,
                           end);
    });
}

int tokenize(Fts5Tokenizer* t, void* context, int flags, const char* text, int size,
             TokenCallback token) {
    auto* tok = reinterpret_cast<Tokenizer*>(t);
    Sink sink{context, token, tok->terms};
    return tok->parent.xTokenize(tok->parent_instance, &sink, flags, text, size, forward);
}

}  // namespace

}  // namespace referat::fts

extern "C" int sqlite3_referatdanish_init(sqlite3* db, char** error,
                                          const sqlite3_api_routines* api) {
    SQLITE_EXTENSION_INIT2(api);
    // The documented way to reach a connection's fts5_api (fts5.html §7).
    fts5_api* fts5 = nullptr;
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, &fts5, "fts5_api_ptr", nullptr);
        sqlite3_step(st);
        rc = sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK || !fts5) {
        if (error) *error = sqlite3_mprintf("this SQLite has no FTS5");
        return SQLITE_ERROR;
    }
    static fts5_tokenizer methods{referat::fts::create, referat::fts::destroy,
                                  referat::fts::tokenize};
    rc = fts5->xCreateTokenizer(fts5, referat::fts::kDanishTokenizer, fts5, &methods, nullptr);
    return rc == SQLITE_OK ? referat::fts::register_rank(fts5) : rc;
}

#ifndef SQLITE_CORE
// The entry point SQLite falls back to when the file has been renamed.
extern "C" __attribute__((visibility("default"))) int sqlite3_extension_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
    return sqlite3_referatdanish_init(db, error, api);
}
#endif
