// Faults that must neither lose data nor be misreported: a full disk, meetings that collide,
// unreadable folders, concurrent writers, damaged or read-only databases, hostile sizes, cells
// and characters.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/render.hpp"
#include "fixtures.hpp"
#include "helpers.hpp"
#include "query/query.hpp"
#include "query/report.hpp"
#include "store/database.hpp"
#include "util/text.hpp"

using namespace referat;
using testing::read_file;
using testing::run_referat;
using testing::TempDb;
using testing::TempDir;

namespace {

const std::string kText = REFERAT_SOURCE_DIR "/corpus/text/";

// The three shipped text exports with their year changed to each of `years`: one meeting per
// file, written into `folder` of `dir`; returns their paths.
std::vector<std::string> minutes(const TempDir& dir, const std::string& folder, int first,
                                 int last) {
    const std::vector<std::pair<std::string, std::string>> sources{
        {"lejre_bu_2017-06-07.txt", "2017"},
        {"stevns_bul_2020-06-09.txt", "2020"},
        {"stevns_bul_2020-08-31.txt", "2020"}};
    std::vector<std::string> files;
    for (int year = first; year <= last; ++year)
        for (const auto& [name, old_year] : sources) {
            auto text = read_file(kText + name);
            for (size_t at = text.find(old_year); at != std::string::npos;
                 at = text.find(old_year, at + 4))
                text.replace(at, 4, std::to_string(year));
            files.push_back(dir.write(folder + "/" + std::to_string(year) + "_" + name, text));
        }
    return files;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

long long count(const std::string& db_path, const std::string& sql) {
    store::Database db(db_path, store::Database::Mode::Read);
    store::Statement st(db.handle(), sql);
    REQUIRE(st.step());
    return st.column_int(0);
}

std::set<std::string> sources(const std::string& db_path) {
    store::Database db(db_path, store::Database::Mode::Read);
    store::Statement st(db.handle(), "SELECT source FROM meetings");
    std::set<std::string> out;
    while (st.step()) out.insert(st.column_text(0));
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// What comes before ": " on a line: the file it is about.
std::string file_of(const std::string& line) {
    return line.substr(0, line.find(": "));
}

// A command prefix that runs referat as a user without root's powers, so that file permissions
// hold: nobody when the tests run as root (CI does; root reads and writes whatever the
// permissions say), nothing otherwise. nullopt when root cannot become nobody here, or nobody
// cannot run this build (a checkout under /root).
std::optional<std::string> unprivileged() {
    if (geteuid() != 0) return "";
    const std::string prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
    if (run_referat({"extract", kText + "lejre_bu_2017-06-07.txt"}, prefix).exit_code != 0)
        return std::nullopt;
    return prefix;
}

}  // namespace

TEST_CASE("a full disk fails the files that did not fit; the database holds what the lines say",
          "[faults][ingest]") {
    // RLIMIT_FSIZE: writes past 1.5 MB fail (EFBIG; SIGXFSZ ignored), which SQLite reports as
    // it reports a full disk. Unprivileged, unlike a small tmpfs mount.
    const TempDir dir("referat-full-");
    const auto files = minutes(dir, "in", 1900, 1919);
    const auto db = dir.file("full.db");
    const auto run = run_referat({"ingest", "--db", db, dir.file("in")},
                                 "trap '' XFSZ; prlimit --fsize=1500000");
    CHECK(run.exit_code == 1);
    std::set<std::string> stored, failed;
    for (const auto& line : lines(run.out))
        if (line.find(": stored (") != std::string::npos) stored.insert(file_of(line));
    for (const auto& line : run.err_lines()) {
        INFO(line);
        CHECK((line.find(": database error: disk I/O error") != std::string::npos ||
               line.find(": database error: database or disk is full") != std::string::npos ||
               line.find(": merging the full-text index: ") != std::string::npos));
        if (line.find(": database error: ") != std::string::npos) failed.insert(file_of(line));
    }
    // The limit falls inside the ingest: some files fit, the rest do not, each said once.
    CHECK(!stored.empty());
    CHECK(!failed.empty());
    CHECK(stored.size() + failed.size() == files.size());
    CHECK_THAT(run.out, Catch::Contains("ingest: " + std::to_string(stored.size()) +
                                        " stored, 0 replaced, 0 unchanged, " +
                                        std::to_string(failed.size()) + " failed"));
    // Without the limit: the file is whole, and holds exactly the files reported stored.
    const auto check = run_referat({"check", "--db", db});
    CHECK(check.exit_code == 0);
    CHECK(check.err.empty());
    CHECK(sources(db) == stored);
    // The next ingest stores the rest.
    const auto again = run_referat({"ingest", "--db", db, dir.file("in")});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("ingest: " + std::to_string(failed.size()) +
                                          " stored, 0 replaced, " + std::to_string(stored.size()) +
                                          " unchanged, 0 failed"));
}

TEST_CASE("a store that does not fit in the file leaves the database as it was",
          "[faults][store]") {
    // SQLITE_FULL itself: the file may not grow past max_page_count.
    TempDb tmp;
    const auto& rules = testing::patterns();
    store::Database db(tmp.path.string());
    Referat r;
    r.source = "big.txt";
    r.content_hash = "hash-big";
    r.committee = "Børn, Unge og Læring";
    r.date = "2020-08-31";
    for (int n = 1; n <= 40; ++n) {
        Item it;
        it.number = n;
        it.title = "Punkt " + std::to_string(n);
        it.case_text = std::string(20000, 'x');
        r.items.push_back(std::move(it));
    }
    store::Statement pages(db.handle(), "PRAGMA page_count");
    REQUIRE(pages.step());
    const auto limit = "PRAGMA max_page_count = " + std::to_string(pages.column_int(0) + 10);
    pages.reset();
    store::exec(db.handle(), limit.c_str());
    try {
        db.store(r, rules);
        FAIL("stored past the file's limit");
    } catch (const store::SqlError& e) {
        CHECK(e.code() == SQLITE_FULL);
    }
    store::exec(db.handle(), "PRAGMA max_page_count = 1073741823");
    CHECK(db.check().empty());
    store::Statement meetings(db.handle(), "SELECT count(*) FROM meetings");
    REQUIRE(meetings.step());
    CHECK(meetings.column_int(0) == 0);
}

TEST_CASE("two files claiming one meeting are both kept unless they are the same minutes",
          "[faults][ingest]") {
    const TempDir dir("referat-collide-");
    TempDb db("referat-collide-");
    const auto original = read_file(kText + "stevns_bul_2020-08-31.txt");
    // Another meeting of the same committee on the same day, or one whose committee was misread
    // the same way: the same heading, other items.
    const auto other = dir.write(
        "other.txt",
        replace(original, "Rapport fra socialstyrelsens taskforce", "Ny struktur for dagtilbud"));
    const auto first = dir.write("first.txt", original);
    auto run = run_referat({"ingest", "--db", db.path.string(), first, other});
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains(first + ": stored (Børn, Unge og Læring, 2020-08-31, 5 "
                                                "items)\n"));
    CHECK_THAT(run.out, Catch::Contains(other +
                                        ": stored (Børn, Unge og Læring, 2020-08-31, 5 items; kept "
                                        "beside " +
                                        first + ": the same committee and date, other items)"));
    CHECK_THAT(run.out, Catch::Contains("ingest: 2 stored, 0 replaced"));
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 2);
    CHECK(count(db.path.string(), "SELECT count(*) FROM items") == 10);

    // A corrected version of the first (same items, another decision) replaces it alone.
    const auto corrected = dir.write(
        "corrected.txt", replace(original, "Jacob Panton-Kristiansen (V)\n\n  Godkendt.",
                                 "Jacob Panton-Kristiansen (V)\n\n  Godkendt med rettelsesblad."));
    run = run_referat({"ingest", "--db", db.path.string(), corrected});
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains(corrected +
                                        ": replaced (Børn, Unge og Læring, 2020-08-31, "
                                        "5 items; replaces " +
                                        first + ": the same items and titles)"));
    CHECK(sources(db.path.string()) == std::set<std::string>{other, corrected});

    // The same source edited in place (an item added) is a new version of it too.
    const auto grown = replace(read_file(other), "Ny struktur for dagtilbud",
                               "Ny struktur for dagtilbud og skoler");
    dir.write("other.txt", grown);
    run = run_referat({"ingest", "--db", db.path.string(), other});
    CHECK_THAT(run.out, Catch::Contains("; replaces " + other + ": the same source)"));
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 2);
    CHECK(count(db.path.string(), "SELECT count(*) FROM items") == 10);
}

TEST_CASE("an unreadable folder or entry is reported and the walk goes on", "[faults][ingest]") {
    const auto prefix = unprivileged();
    if (!prefix) {
        WARN("skipped: running as root, and user nobody cannot run " REFERAT_BINARY
             " (root reads any folder, so the test needs another user)");
        return;
    }
    const TempDir dir("referat-walk-");
    const auto a = dir.write("in/a/1.txt", read_file(kText + "lejre_bu_2017-06-07.txt"));
    dir.write("in/b/2.txt", read_file(kText + "stevns_bul_2020-06-09.txt"));
    const auto c = dir.write("in/c/3.txt", read_file(kText + "stevns_bul_2020-08-31.txt"));
    const auto loop = dir.file("in/c/loop.txt");
    REQUIRE(symlink("loop.txt", loop.c_str()) == 0);
    std::filesystem::permissions(dir.file("in/b"), std::filesystem::perms::none);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all);  // for the database
    const auto db = dir.file("walk.db");

    const auto run = run_referat({"ingest", "--db", db, dir.file("in"), loop}, *prefix);
    std::filesystem::permissions(dir.file("in/b"), std::filesystem::perms::owner_all);
    CHECK(run.exit_code == 1);
    auto errors = run.err_lines();
    std::sort(errors.begin(), errors.end());
    CHECK(errors ==
          std::vector<std::string>{dir.file("in/b") + ": folder cannot be read: Permission denied",
                                   loop + ": symbolic link loop", loop + ": symbolic link loop"});
    CHECK_THAT(run.out, Catch::Contains(a + ": stored"));
    CHECK_THAT(run.out, Catch::Contains(c + ": stored"));
    CHECK_THAT(run.out, Catch::Contains("ingest: 2 stored, 0 replaced, 0 unchanged, 3 failed"));
}

TEST_CASE("two ingests into one database both complete", "[faults][ingest][concurrency]") {
    const TempDir dir("referat-two-");
    minutes(dir, "a", 1900, 1919);
    minutes(dir, "b", 1920, 1939);
    const auto db = dir.file("two.db");
    testing::Run first, second;
    std::thread other([&] {
        first = run_referat({"ingest", "-j", "2", "--db", db, dir.file("a")});
    });
    second = run_referat({"ingest", "--db", db, dir.file("b")});
    other.join();
    CHECK(first.exit_code == 0);
    CHECK(first.err.empty());
    CHECK_THAT(first.out, Catch::Contains("ingest: 60 stored, 0 replaced, 0 unchanged, 0 failed"));
    CHECK(second.exit_code == 0);
    CHECK(second.err.empty());
    CHECK_THAT(second.out, Catch::Contains("ingest: 60 stored, 0 replaced, 0 unchanged, 0 failed"));
    CHECK(count(db, "SELECT count(*) FROM meetings") == 120);
    CHECK(run_referat({"check", "--db", db}).exit_code == 0);
}

TEST_CASE("an ingest waits for another writer, and one that gives up says what it stored",
          "[faults][ingest][concurrency]") {
    TempDb db("referat-wait-");
    REQUIRE(run_referat({"ingest", "--db", db.path.string(), kText + "lejre_bu_2017-06-07.txt"})
                .exit_code == 0);
    const std::vector<std::string> files{kText + "stevns_bul_2020-06-09.txt",
                                         kText + "stevns_bul_2020-08-31.txt"};
    std::vector<std::string> args{"ingest", "--wait", "1", "--db", db.path.string()};
    args.insert(args.end(), files.begin(), files.end());
    {
        store::Database writer(db.path.string());
        store::exec(writer.handle(), "BEGIN IMMEDIATE");
        const auto run = run_referat(args);
        CHECK(run.exit_code == 1);
        CHECK(run.err_lines() ==
              std::vector<std::string>{db.path.string() +
                                       ": database is locked (another writer held it for more than "
                                       "1 s); ingest stopped, 2 files not stored"});
        CHECK(run.out ==
              "ingest: 0 stored, 0 replaced, 0 unchanged, 2 failed → " + db.path.string() + "\n");
        store::exec(writer.handle(), "ROLLBACK");
    }
    // A writer that holds the lock for a while: the ingest waits its turn (default wait).
    store::Database writer(db.path.string());
    store::exec(writer.handle(), "BEGIN IMMEDIATE");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        store::exec(writer.handle(), "ROLLBACK");
    });
    args.erase(args.begin() + 1, args.begin() + 3);  // no --wait 1
    const auto run = run_referat(args);
    release.join();
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK_THAT(run.out, Catch::Contains("ingest: 2 stored, 0 replaced, 0 unchanged, 0 failed"));
}

TEST_CASE("ingest checks the database before it writes", "[faults][ingest]") {
    const TempDir dir("referat-damaged-");
    const auto file = kText + "lejre_bu_2017-06-07.txt";
    const auto refused = [&](const std::string& db, const std::string& why) {
        const auto before = read_file(db);
        const auto run = run_referat({"ingest", "--db", db, file});
        CHECK(run.exit_code == 1);
        // One line, naming the database once.
        CHECK(run.err == db + ": " + why + "\n");
        CHECK((read_file(db) == before));  // (bytes: not printed)
        std::error_code ec;
        CHECK(!std::filesystem::exists(db + "-wal", ec));
    };
    SECTION("not a database") {
        refused(dir.write("notes.db", "Dagsorden for mødet\n"),
                "not a SQLite database (no SQLite header); nothing written");
    }
    SECTION("another program's database") {
        const auto db = dir.file("other.db");
        {
            sqlite3* h = nullptr;
            REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
            const auto sql = "CREATE TABLE notes (text); PRAGMA user_version = " +
                             std::to_string(referat::store::kSchemaVersion);
            REQUIRE(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
            sqlite3_close(h);
        }
        refused(db, "not a referat database (no table meetings)");
    }
    SECTION("a damaged schema") {
        const auto db = dir.file("damaged.db");
        REQUIRE(
            run_referat({"ingest", "--db", db, kText + "stevns_bul_2020-06-09.txt"}).exit_code ==
            0);
        auto bytes = read_file(db);
        // Page 1 after the header holds the schema (sqlite_master): scribble over its cells.
        REQUIRE(bytes.size() > 16384);
        for (size_t i = 2000; i < 16000; ++i) bytes[i] = static_cast<char>(i * 7);
        dir.write("damaged.db", bytes);
        const auto run = run_referat({"ingest", "--db", db, file});
        CHECK(run.exit_code == 1);
        CHECK_THAT(run.err, Catch::StartsWith(db + ": ") && Catch::Contains("malformed"));
        CHECK(lines(run.err).size() == 1);
        CHECK((read_file(db) == bytes));
    }
}

TEST_CASE("readers work on a read-only copy and never write", "[faults][query]") {
    const auto prefix = unprivileged();
    if (!prefix) {
        WARN("skipped: running as root, and user nobody cannot run " REFERAT_BINARY);
        return;
    }
    const TempDir dir("referat-readonly-");
    const auto db = dir.file("made.db");
    REQUIRE(run_referat({"ingest", "--db", db, kText}).exit_code == 0);
    // A copy in a folder nobody may write to, without -wal and -shm (closed cleanly).
    const auto copy = dir.file("ro/copy.db");
    std::filesystem::create_directories(dir.file("ro"));
    std::filesystem::copy_file(db, copy);
    using std::filesystem::perms;
    std::filesystem::permissions(copy, perms::owner_read | perms::group_read | perms::others_read);
    std::filesystem::permissions(dir.file("ro"), perms::owner_read | perms::owner_exec |
                                                     perms::group_read | perms::group_exec |
                                                     perms::others_read | perms::others_exec);
    const auto search = run_referat({"search", "--db", copy, "Task Force"}, *prefix);
    CHECK(search.exit_code == 0);
    CHECK(search.err.empty());
    CHECK_THAT(search.out, Catch::Contains("Rapport fra socialstyrelsens taskforce"));
    const auto show = run_referat({"show", "--db", copy, "1"}, *prefix);
    CHECK(show.exit_code == 0);
    CHECK_THAT(show.out, Catch::StartsWith("item 1: BU - Godkendelse af dagsorden"));
    const auto report =
        run_referat({"report", "--db", copy, "--quarter", "2020Q3", "--format", "csv"}, *prefix);
    CHECK(report.exit_code == 0);
    CHECK_THAT(report.out, Catch::Contains("Rapport fra socialstyrelsens taskforce"));
    const auto case_run = run_referat({"case", "--db", copy, "21"}, *prefix);
    CHECK(case_run.exit_code == 0);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.file("ro")),
                        std::filesystem::directory_iterator()) == 1);
    std::filesystem::permissions(dir.file("ro"), perms::owner_all);
}

TEST_CASE("a reader neither creates nor fills a database", "[faults][query]") {
    const TempDir dir("referat-empty-");
    const auto empty = dir.write("empty.db", "");
    const auto run = run_referat({"search", "--db", empty, "budget"});
    CHECK(run.exit_code == 1);
    CHECK(run.err == empty + ": not a referat database (no schema)\n");
    CHECK(std::filesystem::file_size(empty) == 0);
}

TEST_CASE("formulas in CSV cells are neutralised", "[faults][query]") {
    const std::vector<query::Hit> hits{
        {7, "2020-08-31", "+Udvalg", 3, "=HYPERLINK(\"http://x\",\"klik\")", "title", "-2+3",
         std::string("@SUM(A1)")},
        {8, "2020-08-31", "\tTab", 4, "x", "title", "\rCR", std::nullopt}};
    const auto csv = cli::hits_csv({hits, 2, false});
    CHECK(csv ==
          "id,date,committee,number,title,section,snippet,outcome,total,total_capped\n"
          "7,2020-08-31,'+Udvalg,3,\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",title,'-2+3,"
          "'@SUM(A1),2,false\n"
          "8,2020-08-31,'\tTab,4,x,title,\"'\rCR\",,2,false\n");

    query::QuarterReport r;
    r.quarter = "2020Q3";
    r.from = "2020-07-01";
    r.to = "2020-09-30";
    r.months = {"2020-07", "2020-08", "2020-09"};
    r.meetings = 1;
    query::ReportTheme t;
    t.theme_set = "udviklingsplan-2";
    t.theme = 1;
    t.name = "=cmd|' /C calc'!A0";
    t.per_month = {0, 1, 0};
    t.decisions.push_back({9, "2020-08-31", "@Udvalg", 1, "[klik](javascript:alert(1))", "approved",
                           "+Godkendt", ""});
    r.themes.push_back(t);
    r.absences.push_back({"-Jens", "A", {"2020-08-31"}});
    const auto report_csv = cli::render_csv(r);
    CHECK_THAT(report_csv, Catch::Contains("\"'=cmd|' /C calc'!A0\""));
    CHECK_THAT(report_csv, Catch::Contains("\"'@Udvalg\""));
    CHECK_THAT(report_csv, Catch::Contains("\"'+Godkendt\""));
    CHECK_THAT(report_csv, Catch::Contains("\"'-Jens\""));
    // Markdown: text of the minutes makes no link.
    const auto md = cli::render_markdown(r);
    CHECK_THAT(md, Catch::Contains("pkt. 1 \\[klik\\](javascript:alert(1))"));
    CHECK(md.find("[klik](") == std::string::npos);
}

TEST_CASE("control characters of the minutes reach no terminal and break no snippet",
          "[faults][query]") {
    const TempDir dir("referat-escape-");
    TempDb db("referat-escape-");
    const auto text = replace(read_file(kText + "stevns_bul_2020-08-31.txt"),
                              "Rapport fra socialstyrelsens taskforce",
                              "Rapport\x1b]0;pwned\x07 fra \x1b[31msocialstyrelsens\x01 taskforce");
    const auto file = dir.write("esc\x1b[2J.txt", text);
    const auto ingest = run_referat({"ingest", "--db", db.path.string(), file});
    CHECK(ingest.exit_code == 0);
    CHECK_THAT(ingest.out, Catch::Contains("esc\\x1b[2J.txt: stored"));
    const auto search =
        run_referat({"search", "--db", db.path.string(), "--section", "title", "taskforce"});
    CHECK(search.exit_code == 0);
    const auto show = run_referat({"show", "--db", db.path.string(), "2"});
    const auto case_run = run_referat({"case", "--db", db.path.string(), "2"});
    const auto csv = run_referat({"search", "--db", db.path.string(), "--csv", "taskforce"});
    for (const auto* run : {&ingest, &search, &show, &case_run, &csv}) {
        CHECK(run->out.find_first_of("\x1b\x07\x01") == std::string::npos);
        CHECK(run->err.find_first_of("\x1b\x07\x01") == std::string::npos);
    }
    CHECK_THAT(show.out, Catch::Contains("Rapport\\x1b]0;pwned\\x07 fra \\x1b[31msocialstyrelsens"
                                         "\\x01 taskforce"));
    // The snippet marks the word, and only it: the control characters are no markers.
    CHECK_THAT(search.out, Catch::Contains("socialstyrelsens\\x01 [taskforce] og fornyet"));
}

TEST_CASE("a query of too many words is refused, the most allowed is answered", "[faults][query]") {
    TempDb db("referat-words-");
    REQUIRE(run_referat({"ingest", "--db", db.path.string(), kText}).exit_code == 0);
    const auto words = [](size_t n) {
        std::string q;
        for (size_t i = 0; i < n; ++i) q += (i ? " OR ord" : "ord") + std::to_string(i);
        return q;
    };
    const auto refused = run_referat({"search", "--db", db.path.string(), words(5000)});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err == "search query too long: 5000 words (at most 64)\n");
    const auto answered =
        run_referat({"search", "--db", db.path.string(), words(63) + " OR taskforce"});
    CHECK(answered.exit_code == 0);
    CHECK_THAT(answered.out, Catch::Contains("Rapport fra socialstyrelsens taskforce"));
    const auto long_phrase = "\"" + std::string(3000, 'a') + "\"";
    CHECK(run_referat({"search", "--db", db.path.string(), long_phrase}).err ==
          "search query too long: 3002 bytes (at most 2000)\n");
}

TEST_CASE("a text over the size limit is refused before it is read", "[faults][ingest]") {
    const TempDir dir("referat-size-");
    const auto big = dir.write("big.txt", "Referat\n");
    std::filesystem::resize_file(big, 400u << 20);  // sparse: no disk, 400 MB to read
    const auto small = dir.write("small.txt", "Referat\n");
    const auto out = dir.file("out"), err = dir.file("err");
    // The peak memory (KB) of `referat extract PATH`, and how it ended.
    const auto extract = [&](const std::string& path, int& status) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            dup2(o, 1);
            dup2(e, 2);
            execl(REFERAT_BINARY, REFERAT_BINARY, "extract", path.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        rusage usage{};
        REQUIRE(wait4(pid, &status, 0, &usage) == pid);
        return usage.ru_maxrss;
    };
    int status = 0;
    const long baseline = extract(small, status);  // start-up: patterns, and ASan's own
    const long peak = extract(big, status);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(read_file(err) == big + ": text file too large (400 MB; at most 16 MB)\n");
    // Reading it would take 400 MB more than starting up (ru_maxrss is in KB).
    CHECK(peak < baseline + 100 * 1024);
}

TEST_CASE("printable escapes what drives a terminal, and keeps JSON valid", "[faults][text]") {
    CHECK(text::printable("Budget\x1b[31m rød\tå\n\x07") == "Budget\\x1b[31m rød\tå\n\\x07");
    // DEL, C1 (CSI as U+009B) and a right-to-left override, as JSON escapes them.
    CHECK(text::printable("a\x7f b\u009b2J c\u202eevil") == "a\\u007f b\\u009b2J c\\u202eevil");
    const auto json = nlohmann::json{{"title", "x\x1by\u009bz\u202e\x7f"}}.dump();
    const auto shown = text::printable(json);
    CHECK(shown.find_first_of("\x1b\x7f") == std::string::npos);
    CHECK(nlohmann::json::parse(shown)["title"] == "x\x1by\u009bz\u202e\x7f");
}
