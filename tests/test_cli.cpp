// The `referat` command itself, run as a user would.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "store/database.hpp"
#include "util/text.hpp"

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

TEST_CASE("the version: --version prints the project's version", "[cli]") {
    const auto run = testing::run_referat({"--version"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "referat " REFERAT_VERSION "\n");
}

TEST_CASE("the command line's conventions: global options anywhere, exit code 2 for usage errors",
          "[cli]") {
    testing::TempDb tmp;
    const auto db = tmp.path.string();
    const std::string corpus = REFERAT_SOURCE_DIR "/corpus";
    // --db before the command, and --quiet: no line per file; failures and the summary remain.
    const auto ingest = testing::run_referat(
        {"--db", db, "ingest", "--quiet", corpus + "/text", corpus + "/bad/empty.pdf"});
    CHECK(ingest.exit_code == 1);
    CHECK(ingest.out == "ingest: 3 stored, 0 replaced, 0 unchanged, 1 failed → " + db + "\n");
    CHECK(ingest.err == corpus + "/bad/empty.pdf: empty file\n");  // no progress line in a pipe

    // --db after the command, and --patterns too.
    const auto found = testing::run_referat(
        {"search", "taskforce", "--db", db, "--patterns", REFERAT_SOURCE_DIR "/patterns"});
    CHECK(found.exit_code == 0);
    CHECK_THAT(found.out, Catch::Contains("Rapport fra socialstyrelsens taskforce"));

    for (const std::vector<std::string>& usage : std::vector<std::vector<std::string>>{
             {"search"},
             {"search", "x", "--no-such-option"},
             {"ingest", "--jobs", "0", corpus + "/text"},
             {"frobnicate"},
             {"search", "x", "--db", db, "--from", "2020-02-31"},
             {"search", "x", "--db", db, "--to", "2021-2-1"},
             {"search", "x", "--db", db, "--outcome", "sometimes"},
             {"report", "--db", db, "--quarter", "2020Q5"},
             {"case", "--db", db}}) {
        const auto run = testing::run_referat(usage);
        CHECK(run.exit_code == 2);
        CHECK(run.err_lines().size() == 1);
    }
    // A leap day is a date.
    CHECK(testing::run_referat({"search", "x", "--db", db, "--from", "2020-02-29"}).exit_code == 0);

    const auto committee =
        testing::run_referat({"search", "skole", "--db", db, "--committee", "BULL"});
    CHECK(committee.exit_code == 2);
    CHECK(committee.err ==
          "--committee: unknown committee BULL (stored: Børn, Unge og Læring, Udvalget for Børn & "
          "Ungdom)\n");
    CHECK(testing::run_referat({"search", "skole", "--db", db, "--committee", "BUL"}).exit_code ==
          0);
    const auto theme = testing::run_referat({"search", "skole", "--db", db, "--theme", "99"});
    CHECK(theme.exit_code == 2);
    CHECK_THAT(theme.err, Catch::StartsWith("--theme: no theme 99 (themes: 1, 2,"));
    const auto report = testing::run_referat(
        {"report", "--db", db, "--quarter", "2020Q3", "--committee", "Nowhere"});
    CHECK(report.exit_code == 2);
    CHECK_THAT(report.err, Catch::StartsWith("--committee: unknown committee Nowhere"));
}

TEST_CASE("search output fits the terminal; in a pipe nothing is cut", "[cli]") {
    testing::TempDb tmp;
    const auto db = tmp.path.string();
    REQUIRE(
        testing::run_referat({"ingest", "--db", db, REFERAT_SOURCE_DIR "/corpus/text"}).exit_code ==
        0);
    const testing::TempDir dir("referat-tty-");
    // The widest of the lines, and how many there are.
    const auto widest = [](const std::string& output) {
        size_t most = 0, lines = 0;
        std::istringstream in(output);
        for (std::string line; std::getline(in, line); ++lines) {
            if (!line.empty() && line.back() == '\r') line.pop_back();  // a terminal's line end
            most = std::max(most, referat::text::code_points(line));
        }
        CHECK(lines > 2);
        return most;
    };
    const auto on_terminal = [&](const std::string& args) {
        // script(1) runs the command on a pseudo-terminal, here of 80 columns.
        const std::string inner = "stty cols 80; " + testing::shell_quote(REFERAT_BINARY) +
                                  " search --db " + testing::shell_quote(db) + " " + args;
        const std::string command = "script -qec " + testing::shell_quote(inner) + " /dev/null >" +
                                    testing::shell_quote(dir.file("out"));
        REQUIRE(std::system(command.c_str()) == 0);
        return testing::read_file(dir.file("out"));
    };
    CHECK(widest(on_terminal("udvalget")) <= 80);
    CHECK(widest(on_terminal("--by-case udvalget")) <= 80);
    CHECK(widest(testing::run_referat({"search", "--db", db, "udvalget"}).out) > 80);
}

TEST_CASE("show, case and themes list print JSON with --json", "[cli]") {
    testing::TempDb tmp;
    const auto db = tmp.path.string();
    REQUIRE(
        testing::run_referat({"ingest", "--db", db, REFERAT_SOURCE_DIR "/corpus/text"}).exit_code ==
        0);
    const auto hits = testing::run_referat({"search", "taskforce", "--json", "--db", db});
    REQUIRE(hits.exit_code == 0);
    const auto id = nlohmann::json::parse(hits.out.substr(0, hits.out.find('\n')))["id"];

    const auto show = testing::run_referat({"show", "--json", "--db", db, id.dump()});
    REQUIRE(show.exit_code == 0);
    const auto item = nlohmann::json::parse(show.out);
    CHECK(item["id"] == id);
    CHECK(item["date"] == "2020-08-31");
    CHECK_THAT(item["title"].get<std::string>(), Catch::Contains("taskforce"));
    CHECK(item["decision"]["text"].is_string());
    CHECK(item["case"].is_number());

    const auto c = testing::run_referat({"case", id.dump(), "--json", "--db", db});
    REQUIRE(c.exit_code == 0);
    const auto view = nlohmann::json::parse(c.out);
    CHECK(view["id"] == item["case"]);
    REQUIRE_FALSE(view["timeline"].empty());
    bool found = false;
    for (const auto& e : view["timeline"]) found = found || e["item"] == id;
    CHECK(found);

    const auto themes = testing::run_referat({"themes", "list", "--json", "--db", db});
    REQUIRE(themes.exit_code == 0);
    const auto set = nlohmann::json::parse(themes.out.substr(0, themes.out.find('\n')));
    CHECK(set["theme_set"].is_string());
    REQUIRE_FALSE(set["themes"].empty());
    CHECK(set["themes"][0]["items"].is_number());
}
