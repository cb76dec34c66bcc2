// `referat ingest` end to end: idempotent re-ingest, replacement of a new version, readers while a
// writer holds its transaction, and hostile files (each one line naming the file, never a crash).
#include <sys/stat.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "store/database.hpp"

using referat::store::Database;
using referat::store::Statement;
using referat::testing::read_file;
using referat::testing::run_referat;
using referat::testing::TempDb;
using referat::testing::TempDir;

namespace {

const std::string kCorpus = REFERAT_SOURCE_DIR "/corpus/";

// Every row of every table of the record, as text, in a fixed order.
std::string dump(const std::string& db_path) {
    Database db(db_path);
    std::string out;
    for (const char* table : {"meetings", "items", "recommendation_points", "decision_points",
                              "votes", "history", "absences"}) {
        sqlite3_stmt* st = nullptr;
        // recommendation_points is a view: no rowid.
        const auto sql =
            std::string("SELECT * FROM ") + table +
            (std::string_view(table) == "recommendation_points" ? " ORDER BY item_id, n"
                                                                : " ORDER BY rowid");
        REQUIRE(sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        out += std::string(table) + "\n";
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto* text = sqlite3_column_text(st, c);
                out += (text ? reinterpret_cast<const char*>(text) : "NULL") + std::string("|");
            }
            out += "\n";
        }
        sqlite3_finalize(st);
    }
    return out;
}

long long count(const std::string& db_path, const std::string& sql) {
    Database db(db_path);
    Statement st(db.handle(), sql);
    REQUIRE(st.step());
    return st.column_int(0);
}

std::string last_line(const std::string& text) {
    auto end = text.find_last_not_of('\n');
    auto start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

// The extraction as JSON without the file name, to compare copies of the same minutes.
nlohmann::json extraction(const std::string& path) {
    const auto run = run_referat({"extract", path});
    REQUIRE(run.exit_code == 0);
    auto j = nlohmann::json::parse(run.out);
    j.erase("source");
    return j;
}

}  // namespace

TEST_CASE("ingesting the same files again changes nothing", "[ingest]") {
    TempDb db("referat-ingest-");
    const auto first = run_referat({"ingest", "--db", db.path.string(), kCorpus + "text"});
    REQUIRE(first.exit_code == 0);
    CHECK(last_line(first.out).starts_with("ingest: 3 stored, 0 replaced, 0 unchanged, 0 failed"));
    const auto before = dump(db.path.string());

    const auto again = run_referat({"ingest", "--db", db.path.string(), kCorpus + "text"});
    CHECK(again.exit_code == 0);
    CHECK(last_line(again.out).starts_with("ingest: 0 stored, 0 replaced, 3 unchanged, 0 failed"));
    // Not a row touched, ingested_at included.
    CHECK(dump(db.path.string()) == before);
}

// The writer stores several files in one transaction; a file the database refuses in the middle
// of one must cost only itself, whatever the number of jobs.
TEST_CASE("a file the database refuses inside a batch fails alone", "[ingest]") {
    const std::string refused = kCorpus + "text/stevns_bul_2020-06-09.txt";
    const std::vector<std::string> files{kCorpus + "text/lejre_bu_2017-06-07.txt", refused,
                                         kCorpus + "text/stevns_bul_2020-08-31.txt"};
    for (const char* jobs : {"1", "2"}) {
        DYNAMIC_SECTION("--jobs " << jobs) {
            TempDb db("referat-ingest-");
            {
                Database created(db.path.string());
                char* error = nullptr;
                REQUIRE(sqlite3_exec(created.handle(),
                                     "CREATE TRIGGER refuse BEFORE INSERT ON meetings "
                                     "WHEN new.source LIKE '%2020-06-09%' "
                                     "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                                     nullptr, nullptr, &error) == SQLITE_OK);
            }
            std::vector<std::string> args{"ingest", "--jobs", jobs, "--db", db.path.string()};
            args.insert(args.end(), files.begin(), files.end());
            const auto run = run_referat(args);
            CHECK(run.exit_code == 1);
            CHECK(run.err_lines() ==
                  std::vector<std::string>{refused + ": database error: refused by the test"});
            // The others stored, reported in input order.
            const auto first = run.out.find(files[0] + ": stored");
            const auto third = run.out.find(files[2] + ": stored");
            CHECK(first != std::string::npos);
            CHECK(third != std::string::npos);
            CHECK(first < third);
            CHECK(last_line(run.out).starts_with(
                "ingest: 2 stored, 0 replaced, 0 unchanged, 1 failed"));
            CHECK(count(db.path.string(),
                        "SELECT count(*) FROM meetings WHERE source LIKE "
                        "'%2020-06-09%'") == 0);
            CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 2);

            // Unchanged files inside a batch leave it open for the one that is new.
            {
                Database reopened(db.path.string());
                REQUIRE(sqlite3_exec(reopened.handle(), "DROP TRIGGER refuse", nullptr, nullptr,
                                     nullptr) == SQLITE_OK);
            }
            const auto again = run_referat(args);
            CHECK(again.exit_code == 0);
            CHECK(last_line(again.out).starts_with(
                "ingest: 1 stored, 0 replaced, 2 unchanged, 0 failed"));
            CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 3);
        }
    }
}

TEST_CASE("a new version of stored minutes replaces the old one whole", "[ingest]") {
    TempDb db("referat-ingest-");
    const TempDir dir("referat-ingest-");
    const auto original = read_file(kCorpus + "text/stevns_bul_2020-08-31.txt");
    auto corrected = original;
    const std::string decision = "Ikke tilstede: Jacob Panton-Kristiansen (V)\n\n  Godkendt.";
    REQUIRE(corrected.find(decision) != std::string::npos);
    corrected.replace(
        corrected.find(decision), decision.size(),
        "Ikke tilstede: Jacob Panton-Kristiansen (V)\n\n  Godkendt med rettelsesblad.");

    REQUIRE(run_referat({"ingest", "--db", db.path.string(), dir.write("v1.txt", original)})
                .exit_code == 0);
    const auto items = count(db.path.string(), "SELECT count(*) FROM items");
    const auto first_id = count(db.path.string(), "SELECT min(id) FROM items");
    const auto run =
        run_referat({"ingest", "--db", db.path.string(), dir.write("v2.txt", corrected)});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("v2.txt: replaced") != std::string::npos);
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 1);
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings WHERE source LIKE '%v2.txt'") ==
          1);
    CHECK(count(db.path.string(), "SELECT count(*) FROM items") == items);
    // The same items keep their ids: saved links (`referat show ID`) still work.
    CHECK(count(db.path.string(), "SELECT min(id) FROM items") == first_id);
    CHECK(count(db.path.string(),
                "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'rettelsesblad'") == 1);
    CHECK(count(db.path.string(),
                "SELECT count(*) FROM items WHERE meeting_id NOT IN "
                "(SELECT id FROM meetings)") == 0);
}

TEST_CASE("searches run while a writer holds its transaction open", "[ingest][concurrency]") {
    TempDb db("referat-ingest-");
    REQUIRE(run_referat({"ingest", "--db", db.path.string(), kCorpus + "text"}).exit_code == 0);
    Database writer(db.path.string());
    referat::store::exec(writer.handle(), "BEGIN IMMEDIATE");
    referat::store::exec(writer.handle(), "DELETE FROM meetings");

    // Readers see the last commit; neither opening the file nor searching it waits for the
    // writer (a wait would end after the 5 s busy timeout in "database is locked").
    const auto search = run_referat({"search", "--db", db.path.string(), "Task Force"});
    CHECK(search.exit_code == 0);
    CHECK(search.err.empty());
    CHECK(search.out.find("Rapport fra socialstyrelsens taskforce") != std::string::npos);
    const auto show = run_referat({"show", "--db", db.path.string(), "1"});
    CHECK(show.exit_code == 0);
    CHECK(show.err.empty());
    referat::store::exec(writer.handle(), "ROLLBACK");
}

TEST_CASE("text exports in other encodings read as the UTF-8 original", "[ingest][hostile]") {
    const TempDir dir("referat-ingest-");
    const auto original = read_file(kCorpus + "text/stevns_bul_2020-08-31.txt");
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(original);
    auto encode = [&](const char* codepage) {
        std::string bytes(static_cast<size_t>(text.length()) * 4 + 4, '\0');
        const auto n = text.extract(0, text.length(), bytes.data(),
                                    static_cast<uint32_t>(bytes.size()), codepage);
        bytes.resize(static_cast<size_t>(n));
        return bytes;
    };
    const auto expected = extraction(kCorpus + "text/stevns_bul_2020-08-31.txt");
    REQUIRE(expected["items"].size() == 5);
    const std::vector<std::pair<std::string, std::string>> variants{
        {"windows-1252", encode("windows-1252")},
        {"UTF-8 with BOM", "\xEF\xBB\xBF" + original},
        {"UTF-16LE with BOM", "\xFF\xFE" + encode("UTF-16LE")},
        {"UTF-16BE with BOM", "\xFE\xFF" + encode("UTF-16BE")},
        {"UTF-16LE without BOM", encode("UTF-16LE")},
    };
    for (const auto& [name, bytes] : variants) {
        INFO(name);
        REQUIRE(bytes != original);
        CHECK(extraction(dir.write(name + ".txt", bytes)) == expected);
    }
}

TEST_CASE("hostile files each fail with one line naming them, the rest is stored",
          "[ingest][hostile]") {
    TempDb db("referat-ingest-");
    const TempDir dir("referat-ingest-");
    std::string garbage(256 * 1024, '\0');
    uint32_t state = 12345;
    for (auto& c : garbage) c = static_cast<char>((state = state * 1103515245u + 12345u) >> 24);
    const auto fifo = dir.file("pipe.txt");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto bad = kCorpus + "bad/";
    // file → the reason after "FILE: "
    const std::vector<std::pair<std::string, std::string>> refused{
        {bad + "empty.pdf", "empty file"},
        {bad + "not-a-pdf.pdf", "not a PDF (no %PDF header)"},
        {bad + "stevns_bul_2020-06-09_truncated60.pdf", "damaged PDF: cannot be opened"},
        {bad + "stevns_bul_2020-08-31_encrypted-userpw.pdf", "password-protected PDF"},
        {bad + "news_taskforce_2020-06-25.txt", "no agenda items found (not minutes?)"},
        {dir.write("garbage.txt", garbage), "not a text file (binary data)"},
        {dir.write("garbage.pdf", garbage), "not a PDF (no %PDF header)"},
        {dir.write("header-only.pdf", "%PDF-1.7\n" + garbage), "damaged PDF: cannot be opened"},
        {dir.write("zero.txt", ""), "empty file"},
        {fifo, "not a regular file"},
        {dir.file("missing.pdf"), "no such file or folder"},
    };
    const std::vector<std::string> stored{kCorpus + "text/stevns_bul_2020-06-09.txt",
                                          bad + "stevns_bul_2020-08-31_ownerpw-noextract.pdf"};
    std::vector<std::string> args{"ingest", "--db", db.path.string()};
    for (const auto& [file, reason] : refused) args.push_back(file);
    args.insert(args.end(), stored.begin(), stored.end());

    const auto run = run_referat(args);
    CHECK(run.exit_code == 1);
    auto lines = run.err_lines();
    std::vector<std::string> expected;
    for (const auto& [file, reason] : refused) expected.push_back(file + ": " + reason);
    std::sort(lines.begin(), lines.end());
    std::sort(expected.begin(), expected.end());
    CHECK(lines == expected);
    for (const auto& file : stored) CHECK(run.out.find(file + ": stored") != std::string::npos);
    CHECK(count(db.path.string(), "SELECT count(*) FROM meetings") == 2);
}

TEST_CASE("a megabyte line and broken UTF-8 bytes go through to the database",
          "[ingest][hostile]") {
    const TempDir dir("referat-ingest-");
    auto minutes = read_file(kCorpus + "text/lejre_bu_2017-06-07.txt");
    const std::string resume = "KORA har gennemført et forskningsprojekt";
    REQUIRE(minutes.find(resume) != std::string::npos);
    std::string line;
    while (line.size() < 1u << 20) line += "Tildelingsmodellen fordeler midler efter behov. ";
    minutes.insert(minutes.find(resume), line);
    // A cut-off byte sequence inside the Danish text.
    const auto broken = minutes.replace(minutes.find("Børn & Ungdom"), 3, "B\xc3");

    TempDb db("referat-ingest-");
    const auto run =
        run_referat({"ingest", "--db", db.path.string(), dir.write("long.txt", broken)});
    CHECK(run.err.empty());
    REQUIRE(run.exit_code == 0);
    CHECK(count(db.path.string(), "SELECT count(*) FROM items") == 8);
    CHECK(count(db.path.string(), "SELECT max(length(resume)) FROM items") > 1000000);
    CHECK(count(db.path.string(),
                "SELECT count(*) FROM meetings WHERE committee = 'Udvalget for Børn & Ungdom'") ==
          1);
    // The rest of the text stays UTF-8; the broken sequence shows as U+FFFD.
    const auto text = run_referat({"extract", "--text", dir.file("long.txt")});
    CHECK(text.out.find("Udvalget for B\uFFFDrn & Ungdom") != std::string::npos);
}

TEST_CASE("a 2,000-page PDF is read page by page and stored", "[ingest][hostile]") {
    // One agenda item a page, with a running header and a page number to remove. Items sit
    // lower or higher from page to page, or they would be page furniture themselves.
    std::vector<std::vector<referat::testing::Placed>> pages;
    for (int p = 1; p <= 2000; ++p) {
        const auto n = std::to_string(p);
        const int y = 680 - (p * 37) % 300;
        std::vector<referat::testing::Placed> page{
            {70, 800, "Stevns Kommune - B\xf8rn, Unge og L\xe6ring - 31. august 2020"},
            {70, 40, "Side " + n + " af 2000"}};
        if (p == 1)
            page.insert(page.end(), {{70, 760, "Referat"},
                                     {70, 740, "B\xf8rn, Unge og L\xe6ring"},
                                     {70, 720,
                                      "M\xf8"
                                      "dedato: Mandag den 31. august 2020"}});
        page.insert(page.end(), {{70, y, n + ". Sag nummer " + n + " om skolernes budget"},
                                 {70, y - 30, "Resume"},
                                 {70, y - 45, "Forvaltningen freml\xe6gger sag " + n + "."},
                                 {70, y - 75, "Beslutning"},
                                 {70, y - 90, "Godkendt."}});
        pages.push_back(std::move(page));
    }
    TempDb db("referat-ingest-");
    const TempDir dir("referat-ingest-");
    const auto path = dir.write("long.pdf", referat::testing::make_pdf(pages));
    const auto run = run_referat({"ingest", "--db", db.path.string(), path});
    CHECK(run.err.empty());
    REQUIRE(run.exit_code == 0);
    CHECK(count(db.path.string(), "SELECT count(*) FROM items") == 2000);
    CHECK(count(db.path.string(),
                "SELECT count(*) FROM items WHERE decision_outcome = "
                "'approved' AND page = number") == 2000);
    CHECK(count(db.path.string(),
                "SELECT count(*) FROM items WHERE resume LIKE '%Side%' OR "
                "resume LIKE '%Stevns Kommune%'") == 0);
}
