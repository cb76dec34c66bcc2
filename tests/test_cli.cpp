// The `referat` command itself, run as a user would.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "helpers.hpp"
#include "store/database.hpp"

using namespace referat;

namespace {

// Runs a shell command; returns its exit code and what it printed on stdout.
std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

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
    const std::string bin = REFERAT_BINARY, corpus = REFERAT_SOURCE_DIR "/corpus";
    const auto [rc1, out1] = run(bin + " ingest --db " + one.path.string() + " " + corpus +
                                 "/text " + corpus + "/pdf 2>/dev/null");
    const auto [rc2, out2] = run(bin + " ingest --jobs 2 --db " + two.path.string() + " " + corpus +
                                 "/text " + corpus + "/pdf 2>/dev/null");
    CHECK(rc1 == 0);
    CHECK(rc2 == 0);
    // Same files, same order, same outcomes; only the database path differs.
    CHECK(out1.substr(0, out1.rfind("→")) == out2.substr(0, out2.rfind("→")));
    CHECK_THAT(out1, Catch::Contains("3 stored, 3 replaced"));
    const auto stored = dump(one.path.string());
    CHECK(stored.find("213|Rapport fra socialstyrelsens taskforce") != std::string::npos);
    CHECK(stored == dump(two.path.string()));
}

TEST_CASE("a bad file among good ones fails alone, with parallel jobs too", "[cli]") {
    testing::TempDb tmp;
    const std::string bin = REFERAT_BINARY, corpus = REFERAT_SOURCE_DIR "/corpus";
    const auto [rc, out] =
        run(bin + " ingest -j 2 --db " + tmp.path.string() + " " + corpus + "/bad/not-a-pdf.pdf " +
            corpus + "/text/stevns_bul_2020-08-31.txt " + corpus + "/bad/empty.pdf 2>&1");
    CHECK(rc == 1);
    CHECK_THAT(out, Catch::Contains("not-a-pdf.pdf: not a PDF (no %PDF header)"));
    CHECK_THAT(out, Catch::Contains("empty.pdf: empty file"));
    CHECK_THAT(out, Catch::Contains("ingest: 1 stored, 0 replaced, 0 unchanged, 2 failed"));
}
