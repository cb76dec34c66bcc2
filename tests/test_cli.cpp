// The `referat` command itself, run as a user would.
#include <catch2/catch.hpp>
#include <string>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "store/database.hpp"

using namespace referat;

namespace {

// Every stored item and theme link, in a stable order, as text.
std::string dump(const std::string& db_path) {
    store::Database db(db_path);
    store::Statement s(db.handle(),
                       "SELECT m.source, i.number, i.title, coalesce(i.decision, ''), "
                       "(SELECT group_concat(theme) FROM item_themes t WHERE t.item_id = i.id "
                       "AND t.linked) FROM items i JOIN meetings m ON m.id = i.meeting_id "
                       "ORDER BY m.source, i.number");
    std::string out;
    while (s.step())
        for (int c = 0; c < 5; ++c) out += s.column_text(c) + (c == 4 ? "\n" : "|");
    return out;
}

}  // namespace

TEST_CASE("ingest with parallel jobs stores exactly what one job stores", "[cli]") {
    testing::TempDb one, two;
    const std::string corpus = REFERAT_SOURCE_DIR "/corpus";
    const auto first = testing::run_referat(
        {"ingest", "--db", one.path.string(), corpus + "/text", corpus + "/pdf"});
    // More threads than files too: the writer and three workers.
    const char* jobs = GENERATE("2", "4");
    const auto second = testing::run_referat(
        {"ingest", "--jobs", jobs, "--db", two.path.string(), corpus + "/text", corpus + "/pdf"});
    CHECK(first.exit_code == 0);
    CHECK(second.exit_code == 0);
    // Same files, same order, same outcomes; only the database path differs.
    CHECK(first.out.substr(0, first.out.rfind("→")) == second.out.substr(0, second.out.rfind("→")));
    CHECK_THAT(first.out, Catch::Contains("3 stored, 3 replaced"));
    const auto stored = dump(one.path.string());
    CHECK(stored.find("213|Rapport fra socialstyrelsens taskforce") != std::string::npos);
    CHECK(stored == dump(two.path.string()));
}

TEST_CASE("a bad file among good ones fails alone, with parallel jobs too", "[cli]") {
    testing::TempDb tmp;
    const std::string corpus = REFERAT_SOURCE_DIR "/corpus";
    const auto run = testing::run_referat(
        {"ingest", "-j", "2", "--db", tmp.path.string(), corpus + "/bad/not-a-pdf.pdf",
         corpus + "/text/stevns_bul_2020-08-31.txt", corpus + "/bad/empty.pdf"});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("not-a-pdf.pdf: not a PDF (no %PDF header)"));
    CHECK_THAT(run.err, Catch::Contains("empty.pdf: empty file"));
    CHECK_THAT(run.out, Catch::Contains("ingest: 1 stored, 0 replaced, 0 unchanged, 2 failed"));
}

TEST_CASE("attachments and a header alone are refused with one line each, minutes are stored",
          "[cli]") {
    testing::TempDb tmp;
    const testing::TempDir dir;
    const auto header = dir.write("header.txt",
                                  "Referat\nØkonomiudvalget\nMødedato: 16. marts 2015\n"
                                  "Fraværende:\nMarlene Harpsøe\n");
    const std::string real = REFERAT_SOURCE_DIR "/tests/real/pdf";
    const auto run =
        testing::run_referat({"ingest", "--db", tmp.path.string(), real + "/not-minutes", header,
                              real + "/02_ballerup_sfu_2012-12-04_referat_edoc_adlib.pdf"});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err,
               Catch::Contains("bilag_sager-paa-vej_word.pdf: no decisions found (not minutes?)"));
    CHECK_THAT(run.err,
               Catch::Contains("bilag_email_printtopdf.pdf: no agenda items found (not minutes?)"));
    CHECK_THAT(run.err,
               Catch::Contains("header.txt: no agenda items found (only the meeting header"));
    CHECK_THAT(run.out, Catch::Contains("ingest: 1 stored, 0 replaced, 0 unchanged, 3 failed"));
    // `extract` shows what a header alone says.
    const auto shown = testing::run_referat({"extract", header});
    CHECK(shown.exit_code == 0);
    CHECK_THAT(shown.out, Catch::Contains("\"committee\": \"Økonomiudvalget\""));
}
