// Built with SQLITE_CORE into referat (sqlite3ext.h then calls SQLite directly) and without it as
// the loadable extension (calls go through the sqlite3_api table the host passes in).
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <algorithm>
#include <memory>
#include <new>
#include <vector>

#include "fts/compounds.hpp"
#include "fts/danish_tokenizer.hpp"
#include "fts/rank.hpp"
#include "util/text.hpp"

namespace referat::fts {

const std::string& DanishTerms::term(std::string_view word) {
    return analyse(word).term;
}

void DanishTerms::make_room(size_t words) {
    // Enough for the vocabulary of years of minutes; a pathological text only empties them.
    constexpr size_t kKnownWords = 1 << 17;
    if (known_.size() + words > kKnownWords) known_.clear();
    if (joined_.size() + words > kKnownWords) joined_.clear();
}

const DanishTerms::Analysis& DanishTerms::analyse(std::string_view word) {
    if (const auto it = known_.find(word); it != known_.end()) return it->second;
    return known_.emplace(word, make_analysis(word)).first->second;
}

const std::string& DanishTerms::joined_term(const std::string& first, const std::string& second) {
    // Most pairs of words make no word, and asking costs a search per inflection ending.
    pair_.assign(first).append(second);
    if (const auto it = joined_.find(pair_); it != joined_.end()) return it->second;
    std::string t = is_word(pair_) ? term_of_folded(pair_) : std::string();
    return joined_.emplace(pair_, std::move(t)).first->second;
}

std::string DanishTerms::term_of_folded(std::string_view folded) {
    if (const auto t = table_term(folded)) return std::string(*t);
    return stemmer_.stem(folded);
}

DanishTerms::Analysis DanishTerms::make_analysis(std::string_view word) {
    Analysis a;
    a.folded = fold_word(word);
    a.term = term_of_folded(a.folded);
    const auto parts = compound_parts(a.folded);
    if (parts.size() >= 2) {
        a.after_first = static_cast<size_t>(parts[1].data() - a.folded.data());
        for (const auto part : parts) {
            auto t = term_of_folded(part);
            if (t != a.term && std::find(a.parts.begin(), a.parts.end(), t) == a.parts.end())
                a.parts.push_back(std::move(t));
        }
    }
    return a;
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

// A word as unicode61 gives it: its bytes and where they are in the text.
struct Word {
    std::string text;
    int start, end;
};

int collect(void* words, int, const char* word, int size, int start, int end) {
    return guarded([&] {
        static_cast<std::vector<Word>*>(words)->push_back(
            {std::string(word, static_cast<size_t>(size)), start, end});
        return SQLITE_OK;
    });
}

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Words that join the members of an elided list ("børne- og ungepolitik", "skole-, fritids- eller
// kulturområdet").
bool list_word(std::string_view folded) {
    return folded == "og" || folded == "eller" || folded == "samt";
}

// The extra terms a text's word i is indexed as (see danish_tokenizer.hpp), at its position.
std::vector<std::string> extra_terms(DanishTerms& terms, const std::vector<Word>& words, size_t i,
                                     std::string_view text) {
    const auto& a = terms.analyse(words[i].text);
    std::vector<std::string> out = a.parts;
    const auto add = [&](std::string t) {
        if (t != a.term && std::find(out.begin(), out.end(), t) == out.end())
            out.push_back(std::move(t));
    };
    const auto end = static_cast<size_t>(words[i].end);
    if (i + 1 < words.size()) {
        // Two words that make a listed word: "Task Force" is also "taskforce".
        const auto gap = text.substr(end, static_cast<size_t>(words[i + 1].start) - end);
        if (!gap.empty() && std::all_of(gap.begin(), gap.end(), space) && a.folded.size() >= 3) {
            const auto& next = terms.analyse(words[i + 1].text).folded;
            if (next.size() >= 3)
                if (const auto& joined = terms.joined_term(a.folded, next); !joined.empty())
                    add(joined);
        }
    }
    // An elided compound: "børne-" before "og ungepolitik" is also "børnepolitik".
    if (end + 1 < text.size() && text[end] == '-' &&
        (space(text[end + 1]) || text[end + 1] == ',')) {
        size_t k = i + 1;
        // Other members of the list ("skole-, fritids- og ...").
        while (k < words.size() && static_cast<size_t>(words[k].end) < text.size() &&
               text[static_cast<size_t>(words[k].end)] == '-')
            ++k;
        if (k + 1 < words.size() && list_word(terms.analyse(words[k].text).folded)) {
            const auto& last = terms.analyse(words[k + 1].text);
            if (last.after_first > 0)
                add(terms.term_of_folded(a.folded + last.folded.substr(last.after_first)));
        }
    }
    return out;
}

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

int tokenize(Fts5Tokenizer* t, void* context, int flags, const char* text, int size,
             TokenCallback token) {
    auto* tok = reinterpret_cast<Tokenizer*>(t);
    std::vector<Word> words;
    int rc = tok->parent.xTokenize(tok->parent_instance, &words, flags, text, size, collect);
    if (rc != SQLITE_OK) return rc;
    tok->terms.make_room(2 * words.size());
    // Only a text being indexed gets the extra terms: in a query they would be alternatives
    // (a compound would find every text with one of its parts), and snippets and highlights
    // (FTS5_TOKENIZE_AUX) count positions, which colocated terms do not take.
    const bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
    const std::string_view all(text, size > 0 ? static_cast<size_t>(size) : 0);
    return guarded([&] {
        for (size_t i = 0; i < words.size(); ++i) {
            const auto& w = words[i];
            const auto& term = tok->terms.term(w.text);
            int rc = token(context, 0, term.data(), static_cast<int>(term.size()), w.start, w.end);
            if (rc != SQLITE_OK || !document) {
                if (rc != SQLITE_OK) return rc;
                continue;
            }
            for (const auto& extra : extra_terms(tok->terms, words, i, all)) {
                rc = token(context, FTS5_TOKEN_COLOCATED, extra.data(),
                           static_cast<int>(extra.size()), w.start, w.end);
                if (rc != SQLITE_OK) return rc;
            }
        }
        return SQLITE_OK;
    });
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
