#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>

#include "helpers.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "util/person_key.hpp"

using referat::Referat;
using referat::store::Database;
using referat::store::SqlError;
using referat::store::Statement;

namespace {

namespace fs = std::filesystem;

using referat::testing::patterns;
using referat::testing::TempDb;

long long scalar(Database& db, const std::string& sql, const std::string& arg = {}) {
    Statement st(db.handle(), sql);
    if (!arg.empty()) st.bind(1, arg);
    REQUIRE(st.step());
    return st.column_int(0);
}

long long rows(Database& db, const std::string& table) {
    return scalar(db, "SELECT count(*) FROM " + table);
}

long long fts_hits(Database& db, const std::string& match) {
    return scalar(db, "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?1", match);
}

Referat sample(const std::string& hash, const std::string& decision_word = "godkendt") {
    Referat r;
    r.source = "bul_2020-08-31.pdf";
    r.content_hash = hash;
    r.municipality = "Stevns";
    r.committee = "Børn, Unge og Læring";
    r.date = "2020-08-31";
    r.absent = {{"Jacob Panton-Kristiansen", "V"}};

    referat::Item a;
    a.number = 213;
    a.title = "Rapport fra taskforce";
    a.case_number = "17/6692";
    a.attachments = {"statusrapport.pdf", "notat \"A\".pdf"};
    a.resume = "Statusrapporten beskriver forløbet";
    a.recommendation = referat::Recommendation{
        "Børn & Læring indstiller til KB via DIR og ØU, at rapporten tages til efterretning",
        "Børn & Læring",
        {"KB"},
        {"DIR", "ØU"},
        {"rapporten tages til efterretning", "planen godkendes"}};
    referat::Decision d;
    d.text = "Anbefales " + decision_word + ".";
    d.outcome = referat::Outcome::Recommended;
    d.absent = {{"Jacob Panton-Kristiansen", "V"}};
    d.partial = {{{"Mette Hansen", "A"}, "deltog fra kl. 10"}};
    d.points = {{1, "Anbefales.", referat::Outcome::Recommended},
                {2, "Godkendt.", referat::Outcome::Approved}};
    d.votes = referat::Votes{{"V", "A"}, {"O"}, {}, "For stemte V og A. Imod stemte O."};
    a.decision = d;
    a.history = {{"Direktionen", "2020-08-17", 2, "Anbefales.", {{"Søren Sørensen", ""}}}};
    a.case_text = "Sagsfremstilling om svømmehallen";
    a.page = 3;

    referat::Item b;
    b.number = 214;
    b.title = "Lukket punkt";
    b.closed = true;

    r.items = {a, b};
    return r;
}

}  // namespace

TEST_CASE("a new database has the schema, version and the FTS table over items_search", "[store]") {
    TempDb tmp("referat-store-");
    {
        Database db(tmp.path.string());
        CHECK(scalar(db, "PRAGMA user_version") == referat::store::kSchemaVersion);
        CHECK(scalar(db, "PRAGMA foreign_keys") == 1);
        Statement st(db.handle(), "SELECT sql FROM sqlite_master WHERE name = 'items_fts'");
        REQUIRE(st.step());
        // Datasette finds it through fts_table in its metadata (docs/schema.md), not by this name.
        CHECK_THAT(st.column_text(0), Catch::Contains("content=\"items_search\""));
        CHECK(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'view'") == 2);
        CHECK_THAT(st.column_text(0), Catch::Contains(referat::store::kTokenizer));
        // Delete and update only: new items are indexed when their transaction commits.
        CHECK(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == 2);
    }
    // Reopening an existing database keeps it as it is.
    Database again(tmp.path.string());
    CHECK(scalar(again, "PRAGMA user_version") == referat::store::kSchemaVersion);
}

TEST_CASE("a file that is not a referat database is refused", "[store]") {
    TempDb tmp("referat-store-");
    {
        Database db(tmp.path.string());
        referat::store::exec(db.handle(), "PRAGMA user_version = 0; CREATE TABLE other (x)");
    }
    CHECK_THROWS_AS(Database(tmp.path.string()), SqlError);
}

TEST_CASE("a database of an older schema version is refused with a clear reason", "[store]") {
    TempDb tmp("referat-store-");
    {
        Database db(tmp.path.string());
        referat::store::exec(db.handle(), "PRAGMA user_version = 1");
    }
    CHECK_THROWS_WITH(Database(tmp.path.string()), Catch::Contains("is older than this program"));
}

// Version 8 had no meeting_routes and a Sagsnr. index without the meeting.
constexpr const char* kBefore9 =
    "DROP TABLE meeting_routes; DROP INDEX items_case_number; "
    "CREATE INDEX items_case_number ON items (case_number)";

TEST_CASE("a database of schema 8 gets the bodies each meeting routes cases to on its upgrade",
          "[store]") {
    TempDb tmp("referat-store-");
    const auto route_keys = [](Database& db) {
        Statement st(db.handle(),
                     "SELECT group_concat(body_key, '|') FROM (SELECT meeting_id || ' ' || "
                     "body_key AS body_key FROM meeting_routes ORDER BY 1)");
        REQUIRE(st.step());
        return st.column_text(0);
    };
    std::string stored;
    {
        Database db(tmp.path.string());
        db.store(sample("hash-1"), patterns());
        stored = route_keys(db);
        CHECK(rows(db, "meeting_routes") == 3);  // KB, DIR and ØU, by their keys
        referat::store::exec(db.handle(), kBefore9);
        referat::store::exec(db.handle(), "PRAGMA user_version = 8");
    }
    CHECK_THROWS_WITH(Database(tmp.path.string(), Database::Mode::Read),
                      Catch::Contains("schema version 8 is older than this program"));
    Database writer(tmp.path.string());
    CHECK(scalar(writer, "PRAGMA user_version") == referat::store::kSchemaVersion);
    // The keys the upgrade gives are those an ingest stores.
    CHECK(route_keys(writer) == stored);
    CHECK(scalar(writer,
                 "SELECT count(*) FROM pragma_index_info('items_case_number') WHERE name = "
                 "'meeting_id'") == 1);
    CHECK(writer.check().empty());
    auto again = sample("hash-2");
    again.date = "2020-09-14";
    writer.store(again, patterns());
    CHECK(rows(writer, "meeting_routes") == 6);
}

TEST_CASE("a database of schema 7 is upgraded by the first writer, refused by readers before",
          "[store]") {
    TempDb tmp("referat-store-");
    {
        Database db(tmp.path.string());
        db.store(sample("hash-1", "vejrapport"), patterns());
        // Version 7: no index, no format column, a full-text index of other tokens, and what
        // version 9 added missing (below).
        referat::store::exec(db.handle(),
                             "DROP INDEX meetings_municipality_date; ALTER TABLE meetings DROP "
                             "COLUMN format; INSERT INTO items_fts (items_fts) VALUES "
                             "('delete-all'); PRAGMA user_version = 7");
        referat::store::exec(db.handle(), kBefore9);
    }
    const auto has_index = [](Database& db) {
        return scalar(
            db, "SELECT count(*) FROM sqlite_master WHERE name = 'meetings_municipality_date'");
    };
    CHECK_THROWS_WITH(Database(tmp.path.string(), Database::Mode::Read),
                      "schema version 7 is older than this program (" +
                          std::to_string(referat::store::kSchemaVersion) +
                          "): the next ingest into it upgrades it");
    {
        Database writer(tmp.path.string());
        CHECK(scalar(writer, "PRAGMA user_version") == referat::store::kSchemaVersion);
        CHECK(has_index(writer) == 1);
        CHECK(rows(writer, "items") == 2);
        // Told from the source's name: bul_2020-08-31.pdf.
        CHECK(scalar(writer, "SELECT count(*) FROM meetings WHERE format = 'pdf'") == 1);
        CHECK(writer.check().empty());
    }
    Database reader(tmp.path.string(), Database::Mode::Read);
    CHECK(fts_hits(reader, "vejrapport") == 1);  // the index was rebuilt
}

TEST_CASE("a read snapshot sees the database as it was when it began", "[store]") {
    TempDb tmp("referat-store-");
    Database writer(tmp.path.string());
    writer.store(sample("hash-1"), patterns());
    Database reader(tmp.path.string(), Database::Mode::Read);
    {
        const referat::store::ReadSnapshot snapshot(reader.handle());
        CHECK(rows(reader, "meetings") == 1);
        auto later = sample("hash-2");
        later.date = "2020-09-14";
        writer.store(later, patterns());
        // The writer's commit is not seen half-way through a report or a page.
        CHECK(rows(reader, "meetings") == 1);
        CHECK(rows(reader, "items") == 2);
        {
            // Nested, it joins the snapshot open.
            const referat::store::ReadSnapshot inner(reader.handle());
            CHECK(rows(reader, "meetings") == 1);
        }
        CHECK(rows(reader, "meetings") == 1);
    }
    CHECK(rows(reader, "meetings") == 2);
    CHECK(rows(reader, "items") == 4);
}

TEST_CASE("the full-text index's item count comes from FTS5's own totals", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    CHECK(db.indexed_items() == 0);
    {
        // 140 items: the count takes two bytes of FTS5's varint.
        Database::Batch batch(db);
        for (int day = 1; day <= 70; ++day) {
            auto r = sample("hash-" + std::to_string(day));
            r.date = "2020-0" + std::to_string(1 + day / 28) + "-" +
                     (day % 28 + 1 < 10 ? "0" : "") + std::to_string(day % 28 + 1);
            db.store(r, patterns());
        }
        CHECK(db.indexed_items() == 0);  // indexed when the batch commits
        batch.commit();
    }
    CHECK(rows(db, "items") == 140);
    CHECK(db.indexed_items() == 140);
    referat::store::exec(db.handle(),
                         "DELETE FROM meetings WHERE id = (SELECT min(id) FROM meetings)");
    CHECK(db.indexed_items() == 138);
}

TEST_CASE("person_key: case, hyphens and spacing do not tell people apart", "[store]") {
    using referat::person_key;
    CHECK(person_key("Jacob Panton-Kristiansen") == "jacob panton kristiansen");
    CHECK(person_key(" JACOB  Panton\u2011Kristiansen ") == "jacob panton kristiansen");
    CHECK(person_key("Søren Sørensen") == person_key("SØREN SØRENSEN"));
    CHECK(person_key("Steen S. Hansen") == person_key("steen s hansen"));
    CHECK(person_key("Steen S. Hansen") != person_key("Steen Hansen"));
}

TEST_CASE("storing a referat writes every table and indexes every section", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    const auto res = db.store(sample("hash-1"), patterns());
    CHECK(res.outcome == Database::Outcome::Stored);
    CHECK(res.items == 2);

    CHECK(rows(db, "meetings") == 1);
    CHECK(rows(db, "items") == 2);
    CHECK(rows(db, "recommendation_points") == 2);
    CHECK(rows(db, "decision_points") == 2);
    CHECK(rows(db, "votes") == 3);
    CHECK(rows(db, "history") == 1);
    // meeting + decision absent, one partial, one in the quoted history
    CHECK(rows(db, "absences") == 4);
    CHECK(scalar(db, "SELECT count(*) FROM absences WHERE kind = 'partial' AND note = ?1",
                 "deltog fra kl. 10") == 1);
    CHECK(scalar(db,
                 "SELECT count(*) FROM absences WHERE history_id IS NOT NULL AND party IS NULL") ==
          1);
    CHECK(scalar(db, "SELECT count(*) FROM votes WHERE side = 'against' AND party = ?1", "O") == 1);
    CHECK(scalar(db, "SELECT count(*) FROM items WHERE recommendation_via = ?1", "DIR, ØU") == 1);
    CHECK(scalar(db, "SELECT count(*) FROM items WHERE closed = 1 AND decision IS NULL") == 1);
    CHECK(scalar(db, "SELECT meeting_id FROM items WHERE number = 213") == res.meeting_id);
    // The route with its bodies resolved, in order: via DIR, ØU, then to KB.
    CHECK(rows(db, "item_routes") == 3);
    CHECK(scalar(db, "SELECT seq FROM item_routes WHERE role = 'to' AND body = ?1",
                 "Kommunalbestyrelsen") == 3);
    CHECK(scalar(db, "SELECT seq FROM item_routes WHERE written = 'ØU' AND body = ?1",
                 "Økonomiudvalget") == 2);
    CHECK(scalar(db, "SELECT count(*) FROM items WHERE key = ?1",
                 "Stevns|Børn, Unge og Læring|2020-08-31|213") == 1);
    CHECK(scalar(db, "SELECT count(*) FROM items WHERE case_id IS NULL") == 0);
    // Attachments are a JSON array that survives quotes in names.
    CHECK(scalar(db, "SELECT count(*) FROM items, json_each(items.attachments) WHERE value = ?1",
                 "notat \"A\".pdf") == 1);

    CHECK(fts_hits(db, "{title} : taskforce") == 1);
    CHECK(fts_hits(db, "{resume} : statusrapporten") == 1);
    CHECK(fts_hits(db, "{recommendation} : efterretning") == 1);
    CHECK(fts_hits(db, "{decision} : godkendt") == 1);
    CHECK(fts_hits(db, "{case_text} : svømmehallen") == 1);
    CHECK(fts_hits(db, "{decision} : svømmehallen") == 0);
    // The decision answers both Indstilling points.
    CHECK(fts_hits(db, "{decided_points} : planen AND rapporten") == 1);
    CHECK(fts_hits(db, "{decided_points} : svømmehallen") == 0);
    referat::store::exec(db.handle(),
                         "INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
}

TEST_CASE("storing the same file twice changes nothing", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    const auto first = db.store(sample("hash-1"), patterns());
    const auto second = db.store(sample("hash-1"), patterns());
    CHECK(second.outcome == Database::Outcome::Unchanged);
    CHECK(second.meeting_id == first.meeting_id);
    CHECK(second.items == 2);
    CHECK(rows(db, "meetings") == 1);
    CHECK(rows(db, "items") == 2);
    CHECK(rows(db, "absences") == 4);
    CHECK(fts_hits(db, "taskforce") == 1);
}

TEST_CASE("check finds what is wrong with a database", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    db.store(sample("hash-1"), patterns());
    CHECK(db.check().empty());
    // A damaged block of the index.
    referat::store::exec(db.handle(),
                         "UPDATE items_fts_data SET block = x'0000ffff' "
                         "WHERE id = (SELECT max(id) FROM items_fts_data)");
    const auto problems = db.check();
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("full-text index"));
}

TEST_CASE("check finds items left out of the full-text index", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    db.store(sample("hash-1"), patterns());
    referat::store::exec(db.handle(), "UPDATE fts_indexed_to SET item_id = 1");
    const auto problems = db.check();
    REQUIRE(!problems.empty());
    CHECK(problems[0] == "1 items are not in the full-text index");
}

TEST_CASE("a batch's items are indexed when it commits, replaced ones never", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    auto older = sample("hash-0", "tidligord");
    older.date = "2019-03-04";
    {
        Database::Batch batch(db);
        db.store(sample("hash-1", "gammelord"), patterns());
        // The same meeting again inside the batch: the first version goes before it was indexed.
        CHECK(db.store(sample("hash-2", "nyord"), patterns()).outcome ==
              Database::Outcome::Replaced);
        db.store(older, patterns());  // an earlier date: a lower FTS rowid than the items before
        CHECK(rows(db, "items") == 4);
        CHECK(fts_hits(db, "nyord OR tidligord") == 0);
        batch.commit();
    }
    CHECK(fts_hits(db, "gammelord") == 0);
    CHECK(fts_hits(db, "nyord") == 1);
    CHECK(fts_hits(db, "tidligord") == 1);
    CHECK(db.check().empty());
    {
        Database::Batch rolled_back(db);
        auto later = sample("hash-3", "senereord");
        later.date = "2021-01-01";
        db.store(later, patterns());
    }
    CHECK(rows(db, "items") == 4);
    CHECK(fts_hits(db, "senereord") == 0);
    CHECK(db.check().empty());
}

TEST_CASE("a new file for the same meeting replaces the old one", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    const auto old = db.store(sample("hash-1", "gammelord"), patterns());
    auto corrected = sample("hash-2", "nyord");
    corrected.items.pop_back();
    const auto res = db.store(corrected, patterns());
    CHECK(res.outcome == Database::Outcome::Replaced);
    CHECK(res.meeting_id == old.meeting_id);  // the same meeting, corrected
    CHECK(res.items == 1);

    CHECK(rows(db, "meetings") == 1);
    CHECK(scalar(db, "SELECT count(*) FROM meetings WHERE content_hash = 'hash-2'") == 1);
    CHECK(rows(db, "items") == 1);
    CHECK(scalar(db, "SELECT id FROM items") == 1);  // the item of the same key keeps its id
    CHECK(rows(db, "recommendation_points") == 2);
    CHECK(rows(db, "history") == 1);
    CHECK(rows(db, "absences") == 4);
    CHECK(fts_hits(db, "gammelord") == 0);
    CHECK(fts_hits(db, "nyord") == 1);
    referat::store::exec(db.handle(),
                         "INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
}

TEST_CASE("only the same committee and date is replaced", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    db.store(sample("hash-1"), patterns());

    auto other_committee = sample("hash-2");
    other_committee.committee = "Økonomiudvalget";
    CHECK(db.store(other_committee, patterns()).outcome == Database::Outcome::Stored);

    auto other_municipality = sample("hash-3");
    other_municipality.municipality = "Lejre";
    CHECK(db.store(other_municipality, patterns()).outcome == Database::Outcome::Stored);

    // Without a date a file cannot be matched to a meeting, so it is only ever added.
    auto undated = sample("hash-4");
    undated.date.reset();
    CHECK(db.store(undated, patterns()).outcome == Database::Outcome::Stored);
    auto undated_again = sample("hash-5");
    undated_again.date.reset();
    CHECK(db.store(undated_again, patterns()).outcome == Database::Outcome::Stored);

    CHECK(rows(db, "meetings") == 5);
}

TEST_CASE("a referat without a content hash is not stored", "[store]") {
    TempDb tmp("referat-store-");
    Database db(tmp.path.string());
    CHECK_THROWS_AS(db.store(sample(""), patterns()), std::invalid_argument);
    CHECK(rows(db, "meetings") == 0);
}
