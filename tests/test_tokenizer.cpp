#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

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
