// The ingest stage called as a library (src/ingest): per-file results, the summary, a bad file
// among good ones, and an interruption between files.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "ingest/ingest.hpp"
#include "store/database.hpp"

using namespace referat;

namespace {

const std::string kCorpus = REFERAT_SOURCE_DIR "/corpus/";

struct Ingested {
    std::vector<ingest::FileResult> results;
    ingest::Summary summary;
};

Ingested ingest_paths(const std::string& db, const std::vector<std::string>& paths,
                      ingest::Options options = {}) {
    Ingested out;
    const ingest::Pipeline pipeline(testing::patterns());
    options.on_result = [&](const ingest::FileResult& r) { out.results.push_back(r); };
    out.summary = ingest::run(pipeline, db, ingest::collect_files(paths), options);
    return out;
}

long long count(const std::string& db_path, const std::string& sql) {
    store::Database db(db_path, store::Database::Mode::Read);
    store::Statement st(db.handle(), sql);
    REQUIRE(st.step());
    return st.column_int(0);
}

}  // namespace

TEST_CASE("two files are stored, each with its result, and counted in the summary", "[ingest]") {
    testing::TempDb db;
    const auto first = kCorpus + "text/stevns_bul_2020-06-09.txt";
    const auto second = kCorpus + "text/lejre_bu_2017-06-07.txt";
    const auto run = ingest_paths(db.path.string(), {first, second});
    REQUIRE(run.results.size() == 2);
    CHECK(run.results[0].file == first);
    CHECK(run.results[1].file == second);
    for (const auto& r : run.results) {
        CHECK(r.outcome == ingest::Outcome::Stored);
        CHECK(r.reason.empty());
        CHECK(r.items > 0);
    }
    CHECK(run.results[0].date == "2020-06-09");
    CHECK(run.results[1].date == "2017-06-07");
    CHECK(run.summary.stored == 2);
    CHECK(run.summary.failed == 0);
    CHECK(run.summary.not_stored == 0);
    CHECK_FALSE(run.summary.interrupted);
    CHECK(run.summary.stop_reason.empty());
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 2);
    CHECK(count(db.path.string(), "SELECT count(*) FROM items") ==
          static_cast<long long>(run.results[0].items + run.results[1].items));

    // The same files again change nothing.
    const auto again = ingest_paths(db.path.string(), {first, second});
    CHECK(again.summary.unchanged == 2);
    CHECK(again.summary.stored == 0);
    for (const auto& r : again.results) CHECK(r.outcome == ingest::Outcome::Unchanged);
}

TEST_CASE("a bad file fails with its reason and the others are stored", "[ingest]") {
    testing::TempDb db;
    const testing::TempDir dir;
    const auto missing = dir.file("missing.txt");
    ingest::Options options;
    options.jobs = GENERATE(1u, 3u);
    const auto run =
        ingest_paths(db.path.string(),
                     {kCorpus + "bad/not-a-pdf.pdf", kCorpus + "text/stevns_bul_2020-08-31.txt",
                      missing, kCorpus + "bad/empty.pdf"},
                     options);
    REQUIRE(run.results.size() == 4);
    // Unreadable paths are reported first, then the files in input order.
    CHECK(run.results[0].file == missing);
    CHECK(run.results[0].reason == "no such file or folder");
    CHECK(run.results[1].reason == "not a PDF (no %PDF header)");
    CHECK(run.results[2].outcome == ingest::Outcome::Stored);
    CHECK(run.results[3].reason == "empty file");
    for (const size_t failed : {0, 1, 3})
        CHECK(run.results[failed].outcome == ingest::Outcome::Failed);
    CHECK(run.summary.stored == 1);
    CHECK(run.summary.failed == 3);
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 1);
}

TEST_CASE("an interrupted ingest stops before the next file and counts the rest", "[ingest]") {
    testing::TempDb db;
    const testing::TempDir dir;
    std::atomic<bool> interrupt{false};
    ingest::Options options;
    options.interrupt = &interrupt;
    // A path that cannot be read is reported before any file is read: a Ctrl-C then.
    std::vector<ingest::FileResult> results;
    options.on_result = [&](const ingest::FileResult& r) {
        results.push_back(r);
        interrupt = true;
    };
    const ingest::Pipeline pipeline(testing::patterns());
    const auto summary =
        ingest::run(pipeline, db.path.string(),
                    ingest::collect_files({dir.file("missing"), kCorpus + "text"}), options);
    CHECK(summary.interrupted);
    REQUIRE(results.size() == 1);
    CHECK(summary.failed == 1);
    CHECK(summary.stored == 0);
    CHECK(summary.not_stored == 3);
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 0);
}

TEST_CASE("the pipeline reads a text into linked minutes", "[ingest]") {
    const ingest::Pipeline pipeline(testing::patterns());
    const auto referat = pipeline.read_file(kCorpus + "text/stevns_bul_2020-08-31.txt");
    CHECK(referat.date == "2020-08-31");
    CHECK_FALSE(referat.items.empty());
    CHECK_THROWS_AS(pipeline.read_file(kCorpus + "bad/empty.pdf"), InputError);
}
