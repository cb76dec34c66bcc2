#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fts/compounds.hpp"
#include "fts/danish_tokenizer.hpp"
#include "helpers.hpp"
#include "query/query.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

using referat::fts::DanishTerms;
using referat::query::Hit;
using referat::query::SearchOptions;
using referat::store::Database;
using referat::testing::TempDb;

namespace {

std::string term(const std::string& word) {
    static DanishTerms terms;
    return std::string(terms.term(word));
}

// "Å" written as A + combining ring above (NFD), as some PDF text layers give it.
const std::string kDecomposedAarhus = "A\xCC\x8Arhus";

referat::Referat minutes() {
    referat::Item a;
    a.number = 1;
    a.title = "Beslutninger om forløbet";
    a.resume = "Kommunalbestyrelsen godkendte planen. Task Forcens rapport foreligger.";
    referat::Item b;
    b.number = 2;
    b.title = "Skolerne i " + kDecomposedAarhus;
    b.resume = "Task og Force er to ord. Udvalgets medlemmer mødtes.";

    referat::Referat r;
    r.source = "tok.txt";
    r.content_hash = "tok";
    r.committee = "Børn, Unge og Læring";
    r.date = "2020-08-31";
    r.items = {a, b};
    return r;
}

struct Fixture {
    TempDb tmp{"referat-tokenizer-"};
    referat::rules::Rules rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");

    Fixture() {
        Database db(tmp.path.string());
        db.store(minutes(), referat::testing::patterns());
    }

    std::vector<Hit> search(const std::string& q) {
        Database db(tmp.path.string());
        SearchOptions o;
        o.query = q;
        o.newest_first = true;
        return referat::query::search(db, o, rules).hits;
    }

    std::vector<int> numbers(const std::string& q) {
        std::vector<int> out;
        for (const auto& h : search(q)) out.push_back(h.number);
        std::sort(out.begin(), out.end());
        return out;
    }
};

// A connection of its own, without referat's registration: what sqlite3 or Datasette see.
struct PlainConnection {
    sqlite3* db = nullptr;
    explicit PlainConnection(const std::string& path) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    }
    ~PlainConnection() { sqlite3_close(db); }

    // rowids matching, or the error message of a failed statement.
    std::vector<std::string> match(const std::string& q, const std::string& select = "rowid") {
        sqlite3_stmt* st = nullptr;
        const std::string sql =
            "SELECT " + select + " FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            return {"error: " + std::string(sqlite3_errmsg(db))};
        sqlite3_bind_text(st, 1, q.c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::string> out;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        if (rc != SQLITE_DONE) out = {"error: " + std::string(sqlite3_errmsg(db))};
        sqlite3_finalize(st);
        return out;
    }
};

}  // namespace

TEST_CASE("Danish terms: inflections share a stem", "[tokenizer]") {
    CHECK(term("beslutninger") == term("beslutning"));
    CHECK(term("beslutningerne") == term("beslutning"));
    CHECK(term("kommunalbestyrelsen") == term("kommunalbestyrelser"));
    CHECK(term("udvalget") == term("udvalg"));
    CHECK(term("forløbet") == term("forløb"));
    // Different words stay apart.
    CHECK(term("beslutning") != term("udvalg"));
    CHECK(term("budget") != term("børn"));
}

TEST_CASE("Danish terms: case, NFC and aa/ae/oe are folded", "[tokenizer]") {
    CHECK(term("forloeb") == term("forløb"));
    CHECK(term("FORLØB") == term("forløb"));
    CHECK(term("Aalborg") == term("Ålborg"));
    CHECK(term("AEROE") == term("ærø"));
    CHECK(term(kDecomposedAarhus) == term("Århus"));
    CHECK(term("STRASSE") == term("Straße"));
    // å is not folded to a: har/hår, far/får would merge.
    CHECK(term("får") != term("far"));
    CHECK(term("Århus") != term("arhus"));
}

TEST_CASE_METHOD(Fixture, "search finds inflections and folded spellings", "[tokenizer]") {
    CHECK(numbers("beslutning") == std::vector<int>{1});
    CHECK(numbers("kommunalbestyrelser") == std::vector<int>{1});
    CHECK(numbers("udvalg") == std::vector<int>{2});
    CHECK(numbers("forloeb") == std::vector<int>{1});
    CHECK(numbers("aarhus") == std::vector<int>{2});
    CHECK(numbers("ÅRHUS") == std::vector<int>{2});
    CHECK(numbers("nosuchword") == std::vector<int>{});
}

TEST_CASE_METHOD(Fixture, "snippets mark the words as written", "[tokenizer]") {
    auto hits = search("forloeb");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].snippet == "Beslutninger om [forløbet]");
    // The decomposed original is marked, not a normalised copy.
    hits = search("århus");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].snippet == "Skolerne i [" + kDecomposedAarhus + "]");
}

TEST_CASE_METHOD(Fixture, "phrases need the words in order and next to each other", "[tokenizer]") {
    CHECK(numbers("Task Force") == std::vector<int>{1, 2});
    CHECK(numbers("\"Task Force\"") == std::vector<int>{1});  // "Task Forcens" is an inflection
    CHECK(numbers("\"Force Task\"").empty());
    CHECK(numbers("\"godkendte planen\"") == std::vector<int>{1});
    CHECK(numbers("\"planen godkendte\"").empty());
}

TEST_CASE("the loadable extension gives other tools the tokenizer", "[tokenizer]") {
    TempDb tmp("referat-extension-");
    std::vector<std::string> in_process;
    {
        Database db(tmp.path.string());
        db.store(minutes(), referat::testing::patterns());
        referat::store::Statement st(
            db.handle(), "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid");
        st.bind(1, "forloeb");
        while (st.step()) in_process.push_back(st.column_text(0));
    }
    REQUIRE(in_process.size() == 1);

    PlainConnection plain(tmp.path.string());
    CHECK(plain.match("forloeb") == std::vector<std::string>{"error: no such tokenizer: danish"});

    REQUIRE(sqlite3_db_config(plain.db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, nullptr) ==
            SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_load_extension(plain.db, REFERAT_DANISH_EXTENSION, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    REQUIRE(rc == SQLITE_OK);

    CHECK(plain.match("forloeb") == in_process);
    CHECK(plain.match("forloeb", "highlight(items_fts, 0, '[', ']')") ==
          std::vector<std::string>{"Beslutninger om [forløbet]"});
    CHECK(plain.match("\"Task Force\"").size() == 1);
    CHECK(plain.match("beslutning").size() == 1);
}

namespace {

// Items whose words the compound rules are about, one word or phrase each.
struct CompoundFixture {
    TempDb tmp{"referat-compounds-"};
    referat::rules::Rules rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");

    CompoundFixture() {
        const std::vector<std::string> texts{
            "Status på taskforceforløb",                   // 1
            "Sammenhængende børne- og ungepolitik",        // 2
            "Forslag til budget",                          // 3
            "Et slag om skolen",                           // 4
            "Planen godkendt",                             // 5
            "Planen godkendes",                            // 6
            "Rapport fra Task Force",                      // 7
            "Udviklingsforløbet blev evalueret",           // 8
            "Skole-, fritids- og kulturområdet",           // 9
            "Anbefalingen anbefales",                      // 10
            "Forslaget anbefalet",                         // 11
            "Samarbejdet med Socialstyrelsens taskforce",  // 12
        };
        referat::Referat r;
        r.source = "compounds.txt";
        r.content_hash = "compounds";
        r.committee = "Børn, Unge og Læring";
        r.date = "2020-08-31";
        for (size_t i = 0; i < texts.size(); ++i) {
            referat::Item it;
            it.number = static_cast<int>(i + 1);
            it.title = texts[i];
            r.items.push_back(it);
        }
        Database db(tmp.path.string());
        db.store(r, referat::testing::patterns());
    }

    std::vector<int> numbers(const std::string& q) {
        Database db(tmp.path.string());
        SearchOptions o;
        o.query = q;
        std::vector<int> out;
        for (const auto& h : referat::query::search(db, o, rules).hits) out.push_back(h.number);
        std::sort(out.begin(), out.end());
        return out;
    }
};

}  // namespace

TEST_CASE_METHOD(CompoundFixture, "a compound is found by its parts and its spaced form",
                 "[tokenizer][compounds]") {
    CHECK(numbers("forløb") == std::vector<int>{1, 8});
    CHECK(numbers("udviklingsforløb") == std::vector<int>{8});
    // A part, the spaced form, the word.
    CHECK(numbers("taskforce") == std::vector<int>{1, 7, 12});
    // Two words that make a listed word find it written as one; a phrase finds the words.
    CHECK(numbers("Task Force") == std::vector<int>{1, 7, 12});
    CHECK(numbers("task forcen") == std::vector<int>{1, 7, 12});
    CHECK(numbers("\"Task Force\"") == std::vector<int>{7});
    CHECK(numbers("Task Force NOT rapport") == std::vector<int>{1, 12});
    // The full forms of an elided compound, and of a list of them.
    CHECK(numbers("børnepolitik") == std::vector<int>{2});
    CHECK(numbers("ungepolitik") == std::vector<int>{2});
    CHECK(numbers("politik") == std::vector<int>{2});
    CHECK(numbers("skoleområdet") == std::vector<int>{9});
    CHECK(numbers("fritidsområde") == std::vector<int>{9});
    // No false parts: forslag is not for + slag.
    CHECK(numbers("slag") == std::vector<int>{4});
    CHECK(numbers("forslag") == std::vector<int>{3, 11});
    // A compound in the query finds the compound, not every text with one of its parts.
    CHECK(numbers("skolepolitik").empty());
}

TEST_CASE_METHOD(CompoundFixture, "the passive and participle of decision verbs find each other",
                 "[tokenizer][compounds]") {
    CHECK(numbers("godkendes") == std::vector<int>{5, 6});
    CHECK(numbers("godkendt") == std::vector<int>{5, 6});
    CHECK(numbers("godkendte") == std::vector<int>{5, 6});
    CHECK(numbers("anbefales") == std::vector<int>{10, 11});
    CHECK(numbers("anbefalet") == std::vector<int>{10, 11});
    CHECK(term("godkendes") == term("godkendt"));
}

TEST_CASE("compound parts from the word list", "[tokenizer][compounds]") {
    using referat::fts::compound_parts;
    const auto parts = [](const std::string& w) {
        std::vector<std::string> out;
        for (const auto p : compound_parts(w)) out.emplace_back(p);
        return out;
    };
    CHECK(parts("udviklingsforløbet") == std::vector<std::string>{"udvikling", "forløbet"});
    CHECK(parts("kommunalbestyrelsen") == std::vector<std::string>{"kommunal", "bestyrelsen"});
    CHECK(parts("taskforceforløb") == std::vector<std::string>{"taskforce", "forløb"});
    for (const char* whole : {"forslag", "muligheden", "fællesskab", "ansvarlige", "overblik",
                              "generation", "budget", "beslutning"}) {
        INFO(whole);
        CHECK(parts(whole).empty());
    }
    CHECK(referat::fts::is_word("taskforcens"));
    CHECK_FALSE(referat::fts::is_word("taskforceforløbet"));
}
