#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "cli/render.hpp"
#include "helpers.hpp"
#include "query/query.hpp"
#include "referat_fixtures.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

using referat::Item;
using referat::Referat;
using referat::query::Hit;
using referat::query::QueryError;
using referat::query::SearchOptions;
using referat::query::SearchResult;
using referat::store::Database;

namespace {

namespace fs = std::filesystem;

using referat::testing::meeting;
using referat::testing::TempDb;

Item item(int number, const std::string& title) {
    Item it;
    it.number = number;
    it.title = title;
    return it;
}

// Three meetings of three committees: BUL 2020, ØU 2021, and one committee not in
// patterns/committees.txt from 2019. Absences: Mette Hansen from the BUL meeting, Jacob
// Panton-Kristiansen from the decision of BUL 213, Søren Sørensen from the decision quoted in it,
// Steen S. Hansen from the decision of ØU 10; Ole Olsen only partly present at BUL 213.
struct Fixture {
    TempDb tmp{"referat-query-"};
    Database db{tmp.path.string()};
    referat::rules::Rules rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");

    Fixture() {
        Item a = item(213, "Rapport fra taskforce");
        a.case_number = "17/6692";
        a.attachments = {"statusrapport.pdf"};
        a.resume = "Statusrapporten om skolebudget beskriver forløbet";
        a.recommendation =
            referat::Recommendation{"Børn & Læring indstiller til KB via DIR, at planen godkendes",
                                    "Børn & Læring",
                                    {"KB"},
                                    {"DIR"},
                                    {"planen godkendes", "rapporten tages til efterretning"}};
        referat::Decision d;
        d.text = "Anbefales med bemærkning om vej-projektet.";
        d.outcome = referat::Outcome::Recommended;
        d.absent = {{"Jacob Panton-Kristiansen", "V"}};
        d.partial = {{{"Ole Olsen", ""}, "deltog fra kl. 10"}};
        d.points = {{1, "Anbefales.", referat::Outcome::Recommended}};
        d.votes = referat::Votes{{"V", "A"}, {"O"}, {}, "For stemte V og A. Imod stemte O."};
        a.decision = d;
        a.history = {
            {"Direktionen", "2020-08-17", 2, "Drøftet i direktionen.", {{"Søren Sørensen", ""}}}};
        a.case_text = "Sagen handler om svømmehallen.";
        a.page = 3;
        auto bul = meeting("h-bul", "Børn, Unge og Læring", "2020-08-31", {a});
        bul.absent = {{"Mette Hansen", "A"}};
        db.store(bul, rules);

        // Item 2 mentions the word in its case text only, item 9 in its title: by date item 2
        // comes first, by rank item 9.
        Item low = item(2, "Anlægsoversigt");
        low.case_text =
            "Et bilag nævner skolebudget blandt mange andre ting i en lang tekst om "
            "anlæg, veje, bygninger og drift.";
        Item title = item(9, "Skolebudget 2022");
        title.recommendation = referat::Recommendation{
            "Forvaltningen indstiller, at rammen vedtages og anlægsrammen forhøjes",
            "Forvaltningen",
            {},
            {},
            {"rammen vedtages", "anlægsrammen forhøjes"}};
        title.decision =
            referat::Decision{"Godkendt.", referat::Outcome::Approved, {}, {}, {}, std::nullopt};
        // Points with different outcomes; a title with a comma and quotes for CSV.
        Item mixed = item(10, "Vejplan for Nordby, \"etape 2\"");
        mixed.recommendation = referat::Recommendation{
            "Forvaltningen indstiller, at vejplanen vedtages og cykelstien anlægges",
            "Forvaltningen",
            {},
            {},
            {"vejplanen vedtages", "cykelstien anlægges"}};
        mixed.decision = referat::Decision{"1. Godkendt. 2. Kan ikke anbefales.",
                                           referat::Outcome::Mixed,
                                           {{"Steen S. Hansen", "A"}},
                                           {},
                                           {{1, "Godkendt.", referat::Outcome::Approved},
                                            {2, "Kan ikke anbefales.", referat::Outcome::Rejected}},
                                           std::nullopt};
        db.store(meeting("h-ou", "Økonomiudvalget", "2021-03-15", {low, title, mixed}), rules);

        Item old = item(1, "Budget for svømmehallen");
        old.resume = "Skolebudget og svømmehallen drøftes.";
        db.store(meeting("h-su", "Særligt Udvalg", "2019-01-10", {old}), rules);
    }

    std::vector<Hit> search(SearchOptions o) { return found(o).hits; }
    SearchResult found(SearchOptions o) { return referat::query::search(db, o, rules); }
};

SearchOptions words(const std::string& q) {
    SearchOptions o;
    o.query = q;
    o.newest_first = true;
    return o;
}

// Item numbers of the hits, sorted.
std::vector<int> numbers(const std::vector<Hit>& hits) {
    std::vector<int> out;
    for (const auto& h : hits) out.push_back(h.number);
    std::sort(out.begin(), out.end());
    return out;
}

// Every item of the fixture has one of these words.
const std::string kAnyItem = "taskforce OR skolebudget OR vejplan";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            rows.back().push_back(std::exchange(field, {}));
            if (c == '\n') rows.emplace_back();
        } else {
            field += c;
        }
    }
    rows.pop_back();  // after the last line break
    return rows;
}

struct Run {
    int status;
    std::string output;  // stdout and stderr
};

Run referat_cli(const std::string& args) {
    const std::string command = std::string(REFERAT_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::vector<std::string> dates(const std::vector<Hit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.date + "#" + std::to_string(h.number));
    return out;
}

}  // namespace

TEST_CASE_METHOD(Fixture, "search returns the newest meeting first with snippets", "[query]") {
    const auto hits = search(words("skolebudget"));
    CHECK(dates(hits) == std::vector<std::string>{"2021-03-15#2", "2021-03-15#9", "2020-08-31#213",
                                                  "2019-01-10#1"});
    CHECK(hits[0].committee == "Økonomiudvalget");
    CHECK(hits[0].section == "case_text");
    CHECK_THAT(hits[0].snippet, Catch::Contains("[skolebudget]"));
    CHECK(hits[1].section == "title");
    CHECK(hits[1].snippet == "[Skolebudget] 2022");
    CHECK(hits[2].section == "resume");

    auto limited = words("skolebudget");
    limited.limit = 2;
    CHECK(search(limited).size() == 2);
}

TEST_CASE_METHOD(Fixture, "bm25 ranking puts a title match above a case text match", "[query]") {
    auto o = words("skolebudget");
    o.committee = "ØU";
    CHECK(dates(search(o)) == std::vector<std::string>{"2021-03-15#2", "2021-03-15#9"});
    o.newest_first = false;
    CHECK(dates(search(o)) == std::vector<std::string>{"2021-03-15#9", "2021-03-15#2"});
}

TEST_CASE_METHOD(Fixture, "committee filter takes an abbreviation or a name", "[query]") {
    auto o = words("skolebudget OR svømmehallen");
    for (const std::string c : {"BUL", "Børn, Unge og Læring", "børn,  unge og læring"}) {
        o.committee = c;
        const auto hits = search(o);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].committee == "Børn, Unge og Læring");
    }
    // Not in committees.txt: compared as written, with Unicode case folding (Æ/æ).
    o.committee = "SÆRLIGT UDVALG";
    REQUIRE(search(o).size() == 1);
    CHECK(search(o)[0].committee == "Særligt Udvalg");
    o.committee = "Ukendt udvalg";
    CHECK(search(o).empty());
}

TEST_CASE_METHOD(Fixture, "section restricts the match to one column", "[query]") {
    auto o = words("svømmehallen");
    o.committee = "BUL";
    CHECK(search(o).size() == 1);  // in the case text
    o.section = "decision";
    CHECK(search(o).empty());

    auto d = words("bemærkning");
    d.section = "decision";
    const auto hits = search(d);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].section == "decision");
    CHECK_THAT(hits[0].snippet, Catch::Contains("[bemærkning]"));

    auto r = words("godkendes");
    r.section = "recommendation";
    CHECK(search(r).size() == 1);
    r.section = "resume";
    CHECK(search(r).empty());
    r.section = "everything";
    CHECK_THROWS_AS(search(r), QueryError);

    auto t = words("skolebudget");
    t.section = "title";
    CHECK(numbers(search(t)) == std::vector<int>{9});
    t.section = "case_text";
    CHECK(numbers(search(t)) == std::vector<int>{2});
}

TEST_CASE("decided_points holds the Indstilling points the decision answers", "[query]") {
    const referat::Recommendation rec{"at a, b og c", {}, {}, {}, {"a", "b", "c"}};
    const referat::Decision plain{"Godkendt.", referat::Outcome::Approved, {}, {}, {},
                                  std::nullopt};
    std::vector<Item> items(6, item(1, "Punkt"));
    for (size_t k = 0; k < items.size(); ++k) items[k].number = static_cast<int>(k + 1);
    items[0].recommendation = rec;  // no decision yet
    items[1].recommendation = rec;
    items[1].decision = plain;  // without points: all of them
    items[2].recommendation = rec;
    items[2].decision = plain;
    items[2].decision->points = {{1, "Godkendt.", referat::Outcome::Approved},
                                 {3, "Udsat.", referat::Outcome::Postponed}};
    items[3].recommendation = rec;
    items[3].decision = plain;
    items[3].recommendation->points.clear();  // the whole Indstilling
    items[4].recommendation = rec;
    items[4].decision = plain;
    items[4].decision->points = {
        {4, "Godkendt.", referat::Outcome::Approved}};  // answers none of the points
    items[5].decision = plain;                          // no Indstilling

    using referat::store::decided_point_numbers;
    CHECK_FALSE(decided_point_numbers(items[0]));
    CHECK(decided_point_numbers(items[1]) == std::vector<int>{1, 2, 3});
    CHECK(decided_point_numbers(items[2]) == std::vector<int>{1, 3});
    CHECK(decided_point_numbers(items[3]) == std::vector<int>{});
    CHECK(decided_point_numbers(items[4]) == std::vector<int>{});
    CHECK_FALSE(decided_point_numbers(items[5]));

    // What items_fts indexes and shows, as every tool reads it.
    TempDb tmp;
    Database db(tmp.path.string());
    db.store(meeting("h", "Børn, Unge og Læring", "2020-08-31", items),
             referat::testing::patterns());
    referat::store::Statement st(
        db.handle(),
        "SELECT coalesce(s.decided_points, 'NULL') FROM items i "
        "JOIN items_search s ON s.search_key = i.search_key ORDER BY i.number");
    std::vector<std::string> decided;
    while (st.step()) decided.push_back(st.column_text(0));
    CHECK(decided == std::vector<std::string>{"NULL", "1. a\n2. b\n3. c", "1. a\n3. c",
                                              "at a, b og c", "NULL", "NULL"});
}

TEST_CASE("recommendation points read back as stored, found in the Indstilling or not", "[query]") {
    // Characters before a point that take more than one byte, a point twice, a point that is not
    // in the text verbatim (a line joined otherwise), and an empty one.
    Item it = item(1, "Punkt");
    it.recommendation = referat::Recommendation{
        "Økonomiudvalget indstiller, at 1. «skøn» for æbler godkendes 2. æbler plukkes "
        "3. æbler plukkes",
        {},
        {},
        {},
        {"«skøn» for æbler godkendes", "æbler plukkes", "æbler plukkes", "ikke i teksten \"her\"",
         ""}};
    it.decision =
        referat::Decision{"Godkendt.", referat::Outcome::Approved, {}, {}, {}, std::nullopt};
    TempDb tmp;
    Database db(tmp.path.string());
    db.store(meeting("h", "Børn, Unge og Læring", "2020-08-31", {it}),
             referat::testing::patterns());

    referat::store::Statement points(db.handle(),
                                     "SELECT n, text FROM recommendation_points ORDER BY n");
    std::vector<std::string> read;
    while (points.step()) {
        CHECK(points.column_int(0) == static_cast<long long>(read.size()) + 1);
        read.push_back(points.column_text(1));
    }
    CHECK(read == it.recommendation->points);
    // Only the point not in the text keeps its own text.
    referat::store::Statement spans(db.handle(), "SELECT recommendation_point_spans FROM items");
    REQUIRE(spans.step());
    CHECK(spans.column_text(0) == R"([[35,26],[65,13],[82,13],"ikke i teksten \"her\"",[95,0]])");
    const auto check_index = [&] {
        referat::store::exec(db.handle(),
                             "INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
    };
    check_index();

    // The triggers spell decided_points out from the row as the view does: an edit of the points
    // and a replaced meeting leave the index as it should be.
    SearchOptions o;
    o.query = "plukkes";
    o.section = "decision";
    CHECK(referat::query::search(db, o, referat::testing::patterns()).hits.size() == 1);
    referat::store::exec(db.handle(), "UPDATE items SET recommendation_point_spans = '[[35,26]]'");
    check_index();
    CHECK(referat::query::search(db, o, referat::testing::patterns()).hits.empty());
    it.decision->points = {{1, "Godkendt.", referat::Outcome::Approved}};
    auto corrected = meeting("h2", "Børn, Unge og Læring", "2020-08-31", {it});
    CHECK(db.store(corrected, referat::testing::patterns()).outcome == Database::Outcome::Replaced);
    check_index();
    CHECK(referat::query::search(db, o, referat::testing::patterns()).hits.empty());
    o.query = "skøn";
    CHECK(referat::query::search(db, o, referat::testing::patterns()).hits.size() == 1);
}

TEST_CASE_METHOD(Fixture, "a decision search covers the Indstilling points it answers", "[query]") {
    // BUL 213 decides point 1 (planen godkendes) only.
    auto o = words("planen");
    o.section = "decision";
    auto hits = search(o);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].number == 213);
    CHECK(hits[0].section == "decided_points");
    CHECK(hits[0].snippet == "1. [planen] godkendes");
    o.query = "rapporten";
    CHECK(search(o).empty());

    // A decision without points answers all of them; a rejected point is answered too.
    o.query = "anlægsrammen";
    CHECK(numbers(search(o)) == std::vector<int>{9});
    o.query = "cykelstien";
    CHECK(numbers(search(o)) == std::vector<int>{10});

    // A word in the decision itself shows the decision.
    o.query = "bemærkning OR planen";
    hits = search(o);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].section == "decision");

    // Without a section the snippet comes from the recommendation text that holds the point.
    hits = search(words("cykelstien"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].section == "recommendation");
}

TEST_CASE("outcome wording maps to the stored values", "[query]") {
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    using referat::query::outcome_value;
    CHECK(outcome_value("approved", rules) == "approved");
    CHECK(outcome_value("Mixed", rules) == "mixed");
    CHECK(outcome_value("godkendt", rules) == "approved");
    CHECK(outcome_value("anbefales", rules) == "recommended");
    CHECK(outcome_value("taget til efterretning", rules) == "noted");
    CHECK(outcome_value("til orientering", rules) == "noted");
    CHECK(outcome_value("drøftet", rules) == "discussed");
    CHECK(outcome_value("udsat", rules) == "postponed");
    CHECK(outcome_value("genoptages", rules) == "postponed");
    CHECK(outcome_value("ikke godkendt", rules) == "rejected");
    CHECK(outcome_value("kan ikke anbefales", rules) == "rejected");
    CHECK(outcome_value("oversendes", rules) == "referred");
    CHECK(outcome_value("behandlet", rules) == "handled");
    try {
        outcome_value("sometimes", rules);
        FAIL("no error for an unknown outcome");
    } catch (const QueryError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("unknown outcome: sometimes (expected "));
        CHECK_THAT(e.what(), Catch::Contains("approved"));
    }
}

TEST_CASE_METHOD(Fixture, "outcome filter matches the decision or one of its points", "[query]") {
    auto o = words(kAnyItem);
    CHECK(numbers(search(o)) == std::vector<int>{1, 2, 9, 10, 213});
    const std::vector<std::pair<std::string, std::vector<int>>> cases{
        {"anbefales", {213}},  {"recommended", {213}},       {"godkendt", {9, 10}},
        {"APPROVED", {9, 10}}, {"kan ikke anbefales", {10}}, {"mixed", {10}},
        {"udsat", {}},
    };
    for (const auto& [outcome, expected] : cases) {
        o.outcome = outcome;
        INFO(outcome);
        CHECK(numbers(search(o)) == expected);
    }
    o.outcome = "sometimes";
    CHECK_THROWS_AS(search(o), QueryError);
}

TEST_CASE_METHOD(Fixture, "absent filter: decision, quoted decision or meeting; one person",
                 "[query]") {
    auto o = words(kAnyItem);
    const std::vector<std::pair<std::string, std::vector<int>>> cases{
        {"Jacob Panton-Kristiansen", {213}},  // the decision
        {"jacob panton kristiansen", {213}},  // case and hyphen do not matter
        {"JACOB  PANTON\u2011KRISTIANSEN", {213}},
        {"Søren Sørensen", {213}},  // a decision quoted in the item
        {"Mette Hansen", {213}},    // the whole BUL meeting, not the ØU one
        {"Steen S. Hansen", {10}},  // ØU decision
        {"steen s hansen", {10}},
        {"Ole Olsen", {}},  // only partly present
        {"Steen Hansen", {}},
    };
    for (const auto& [name, expected] : cases) {
        o.absent = name;
        INFO(name);
        CHECK(numbers(search(o)) == expected);
    }
}

TEST_CASE_METHOD(Fixture, "filters combine", "[query]") {
    auto o = words(kAnyItem);
    o.committee = "ØU";
    o.outcome = "godkendt";
    o.absent = "Steen S. Hansen";
    CHECK(numbers(search(o)) == std::vector<int>{10});
    o.to = "2020-12-31";
    CHECK(search(o).empty());
}

TEST_CASE_METHOD(Fixture, "date range is inclusive", "[query]") {
    auto o = words("skolebudget");
    o.from = "2020-08-31";
    CHECK(dates(search(o)) ==
          std::vector<std::string>{"2021-03-15#2", "2021-03-15#9", "2020-08-31#213"});
    o.to = "2020-08-31";
    CHECK(dates(search(o)) == std::vector<std::string>{"2020-08-31#213"});
    o.from = "2020-09-01";
    CHECK(search(o).empty());
    o.from = "31-08-2020";
    CHECK_THROWS_AS(search(o), QueryError);
}

TEST_CASE_METHOD(Fixture, "plain text with punctuation and FTS5 syntax both work", "[query]") {
    CHECK(search(words("vej-projektet")).size() == 1);
    CHECK(search(words("Anbefales, bemærkning.")).size() == 1);
    CHECK(search(words("\"mange andre ting\"")).size() == 1);
    CHECK(search(words("\"andre mange ting\"")).empty());
    CHECK(search(words("svømme*")).size() == 2);
    CHECK(search(words("NEAR(skolebudget forløbet, 3)")).size() == 1);
    CHECK(search(words("title:skolebudget")).size() == 1);
}

TEST_CASE_METHOD(Fixture, "a malformed query is one clear error", "[query]") {
    for (const std::string q : {"\"unbalanced", "AND OR", "skole)", "nosuchcolumn:word"}) {
        try {
            search(words(q));
            FAIL("no error for " << q);
        } catch (const QueryError& e) {
            CHECK(std::string(e.what()) == "malformed search query: " + q);
        }
    }
    CHECK_THROWS_AS(search(words("   ")), QueryError);
}

TEST_CASE_METHOD(Fixture, "JSON output: one object per line and hit", "[query]") {
    CHECK(referat::cli::hits_json({}).empty());
    const auto result = found(words(kAnyItem));
    const auto& hits = result.hits;
    const auto lines = lines_of(referat::cli::hits_json(result));
    REQUIRE(lines.size() == hits.size());
    for (size_t i = 0; i < hits.size(); ++i) {
        const auto j = nlohmann::json::parse(lines[i]);
        for (const char* key :
             {"id", "date", "committee", "number", "title", "section", "snippet", "outcome"})
            CHECK(j.contains(key));
        CHECK(j["total"] == hits.size());
        CHECK(j["total_capped"] == false);
        CHECK(j["id"] == hits[i].id);
        CHECK(j["date"] == hits[i].date);
        CHECK(j["committee"] == hits[i].committee);
        CHECK(j["number"] == hits[i].number);
        CHECK(j["section"] == hits[i].section);
        CHECK(j["snippet"] == hits[i].snippet);
        CHECK_THAT(j["snippet"].get<std::string>(), Catch::Contains("["));
        if (hits[i].number == 2) CHECK(j["outcome"].is_null());
        if (hits[i].number == 10) {
            CHECK(j["outcome"] == "mixed");
            CHECK(j["title"] == "Vejplan for Nordby, \"etape 2\"");
        }
    }
}

TEST_CASE_METHOD(Fixture, "CSV output quotes fields that need it", "[query]") {
    const auto result = found(words(kAnyItem));
    const auto& hits = result.hits;
    const auto csv = referat::cli::hits_csv(result);
    CHECK_THAT(csv, Catch::Contains(",\"Vejplan for Nordby, \"\"etape 2\"\"\","));
    const auto rows = parse_csv(csv);
    REQUIRE(rows.size() == hits.size() + 1);
    CHECK(rows[0] == std::vector<std::string>{"id", "date", "committee", "number", "title",
                                              "section", "snippet", "outcome", "total",
                                              "total_capped"});
    for (size_t i = 0; i < hits.size(); ++i) {
        const auto& r = rows[i + 1];
        REQUIRE(r.size() == 10);
        CHECK(r[8] == std::to_string(hits.size()));
        CHECK(r[9] == "false");
        CHECK(r[0] == std::to_string(hits[i].id));
        CHECK(r[2] == hits[i].committee);  // "Børn, Unge og Læring" has commas
        CHECK(r[4] == hits[i].title);
        CHECK(r[6] == hits[i].snippet);
        CHECK(r[7] == hits[i].outcome.value_or(""));
    }
}

TEST_CASE_METHOD(Fixture, "the search command: formats, malformed queries", "[query][cli]") {
    const std::string db_arg = "search --db " + tmp.path.string() + " ";
    auto r = referat_cli(db_arg + "--json '" + kAnyItem + "'");
    CHECK(r.status == 0);
    const auto lines = lines_of(r.output);
    CHECK(lines.size() == 5);
    for (const auto& l : lines) CHECK(nlohmann::json::parse(l).contains("snippet"));

    r = referat_cli(db_arg + "--csv --section decision planen");
    CHECK(r.status == 0);
    CHECK(parse_csv(r.output).size() == 2);
    CHECK_THAT(r.output, Catch::Contains("decided_points"));

    for (const std::string q : {"'\"unbalanced'", "'AND OR'"}) {
        r = referat_cli(db_arg + q);
        CHECK(r.status != 0);
        CHECK(lines_of(r.output).size() == 1);
        CHECK_THAT(r.output, Catch::StartsWith("malformed search query: "));
    }
    r = referat_cli(db_arg + "--outcome sometimes skolebudget");
    CHECK(r.status != 0);
    CHECK(lines_of(r.output).size() == 1);
    CHECK(referat_cli(db_arg + "--json --csv skolebudget").status != 0);
}

TEST_CASE("on the corpus, a decision search for Task Force finds BUL item 213", "[query][cli]") {
    TempDb tmp("referat-corpus-");
    const std::string db_arg = "--db " + tmp.path.string() + " ";
    REQUIRE(referat_cli("ingest " + db_arg + REFERAT_SOURCE_DIR "/corpus/text").status == 0);

    // Its Beslutning does not name the Task Force; the Indstilling point it answers does.
    auto r = referat_cli("search " + db_arg +
                         "--json --committee BUL --section decision '\"Task Force\"'");
    REQUIRE(r.status == 0);
    bool found = false;
    for (const auto& line : lines_of(r.output)) {
        const auto j = nlohmann::json::parse(line);
        if (j["number"] == 213 && j["date"] == "2020-08-31") {
            found = true;
            CHECK(j["section"] == "decided_points");
            CHECK_THAT(j["snippet"].get<std::string>(), Catch::Contains("[Task Forcens]"));
        }
    }
    CHECK(found);

    r = referat_cli("search " + db_arg + "--json forloeb");
    REQUIRE(r.status == 0);
    const auto hits = lines_of(r.output);
    REQUIRE_FALSE(hits.empty());
    // A marked word is forløb or a compound of it (udviklingsforløbet).
    for (const auto& line : hits) {
        const auto snippet = nlohmann::json::parse(line)["snippet"].get<std::string>();
        bool marked = false;
        for (size_t open = snippet.find('['); open != std::string::npos;
             open = snippet.find('[', open + 1)) {
            const auto word = snippet.substr(open, snippet.find(']', open) - open);
            marked = marked || word.find("orløb") != std::string::npos;
        }
        CHECK(marked);
    }

    // Theme 4 (Task Force workflows): item 213 adopts the whole plan, item 198 is about the
    // Task Force; no other item is linked to it.
    r = referat_cli("search " + db_arg + "--json --theme 4 '\"Task Force\" OR taskforce'");
    REQUIRE(r.status == 0);
    std::set<int> numbers;
    for (const auto& line : lines_of(r.output))
        numbers.insert(nlohmann::json::parse(line)["number"].get<int>());
    CHECK(numbers == std::set<int>{198, 213});
    r = referat_cli("search " + db_arg + "--json --theme 9 '\"Task Force\" OR taskforce'");
    REQUIRE(r.status == 0);
    REQUIRE(lines_of(r.output).size() == 1);
    CHECK(nlohmann::json::parse(lines_of(r.output)[0])["number"] == 213);
}

TEST_CASE_METHOD(Fixture, "format_hits aligns the columns", "[query]") {
    CHECK(referat::cli::format_hits({}) == "no matches\n");
    const auto table = referat::cli::format_hits(search(words("skolebudget")));
    std::istringstream in(table);
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    REQUIRE(lines.size() == 5);
    CHECK_THAT(lines[0], Catch::StartsWith("id  date"));
    // Same code-point column for the title on every line, whatever the committee's letters.
    auto title_column = [](const std::string& l, const std::string& title) {
        const auto prefix = l.substr(0, l.find(title));
        return std::count_if(prefix.begin(), prefix.end(),
                             [](char c) { return (c & 0xC0) != 0x80; });
    };
    CHECK(title_column(lines[0], "title") == title_column(lines[1], "Anlægsoversigt"));
    CHECK(title_column(lines[0], "title") == title_column(lines[3], "Rapport fra taskforce"));
    CHECK(title_column(lines[0], "title") == title_column(lines[4], "Budget for svømmehallen"));
}

TEST_CASE_METHOD(Fixture, "an item loaded and printed in full", "[query]") {
    const auto hits = search(words("taskforce"));
    REQUIRE(hits.size() == 1);
    const auto text = referat::cli::item_text(referat::query::load_item(db, hits[0].id));
    for (const char* part : {"item 213: Rapport fra taskforce",
                             "Børn, Unge og Læring, 2020-08-31, Stevns",
                             "h-bul.pdf, page 3",
                             "closed: no",
                             "case number: 17/6692",
                             "statusrapport.pdf",
                             "Resume",
                             "Indstilling",
                             "by: Børn & Læring",
                             "to: KB",
                             "via: DIR",
                             "1. planen godkendes",
                             "Beslutning (recommended)",
                             "Anbefales med bemærkning om vej-projektet.",
                             "1. Anbefales. (recommended)",
                             "votes: for V, A; against O",
                             "absent: Jacob Panton-Kristiansen (V)",
                             "absent: Mette Hansen (A)",
                             "Direktionen, 2020-08-17, pkt. 2",
                             "Drøftet i direktionen.",
                             "absent: Søren Sørensen",
                             "Sagsfremstilling",
                             "svømmehallen"})
        CHECK_THAT(text, Catch::Contains(part));

    try {
        referat::query::load_item(db, 999999);
        FAIL("no error for an unknown id");
    } catch (const QueryError& e) {
        CHECK(std::string(e.what()) == "no item with id 999999");
    }
}

TEST_CASE_METHOD(Fixture, "without a word, the items the filters leave are listed newest first",
                 "[query]") {
    SearchOptions o;
    o.from = "2019-01-01";
    auto result = found(o);
    CHECK(dates(result.hits) == std::vector<std::string>{"2021-03-15#2", "2021-03-15#9",
                                                         "2021-03-15#10", "2020-08-31#213",
                                                         "2019-01-10#1"});
    CHECK(result.total == 5);
    CHECK_FALSE(result.total_capped);
    for (const auto& h : result.hits) CHECK(h.snippet.empty());
    // --newest or not: there is nothing to rank.
    o.newest_first = true;
    CHECK(dates(search(o)) == dates(result.hits));

    SearchOptions committee;
    committee.committee = "ØU";
    CHECK(dates(search(committee)) ==
          std::vector<std::string>{"2021-03-15#2", "2021-03-15#9", "2021-03-15#10"});
    committee.outcome = "godkendt";  // ØU 9 approved, ØU 10 mixed with an approved point
    CHECK(numbers(search(committee)) == std::vector<int>{9, 10});
    SearchOptions absent;
    absent.absent = "Mette Hansen";
    CHECK(numbers(search(absent)) == std::vector<int>{213});

    // No word and no filter is not a search.
    CHECK_THROWS_AS(search(SearchOptions{}), QueryError);
}

TEST_CASE_METHOD(Fixture, "a case number finds its items, as the query or as a filter", "[query]") {
    // The word alone finds two items; the case number one of them.
    CHECK(numbers(search(words("svømmehallen"))) == std::vector<int>{1, 213});
    for (const auto& query : {"17/6692", " 17/6692 "}) {
        SearchOptions o;
        o.query = query;
        const auto result = found(o);
        CHECK(numbers(result.hits) == std::vector<int>{213});
        CHECK(result.total == 1);
    }
    auto o = words("svømmehallen");
    o.case_number = "17/6692";
    CHECK(numbers(search(o)) == std::vector<int>{213});
    SearchOptions only;
    only.case_number = "17/6692";
    CHECK(numbers(search(only)) == std::vector<int>{213});
    only.case_number = "17/6693";
    CHECK(search(only).empty());
    // A query that only looks like a number in a text is not a case number.
    CHECK_FALSE(referat::query::is_case_number("2020", rules));
    CHECK(referat::query::is_case_number("EMN-2025-003383", rules));
    CHECK(referat::query::is_case_number("00.22.04-G01-2-18", rules));
    CHECK(referat::query::is_case_number("306-2009-600", rules));
}

TEST_CASE_METHOD(Fixture, "a search counts all its matches and pages with an offset", "[query]") {
    for (const bool newest : {false, true}) {
        INFO("newest first " << newest);
        auto o = words(kAnyItem);
        o.newest_first = newest;
        o.limit = 0;
        const auto all = found(o);
        REQUIRE(all.hits.size() >= 4);
        CHECK(all.total == static_cast<long long>(all.hits.size()));
        // Pages of two, one after the other, are the whole list in the same order.
        std::vector<long long> paged;
        o.limit = 2;
        for (o.offset = 0; o.offset < static_cast<int>(all.hits.size()) + 2; o.offset += 2) {
            const auto page = found(o);
            CHECK(page.total == all.total);
            CHECK(
                page.hits.size() ==
                std::min<size_t>(2, all.hits.size() - std::min<size_t>(o.offset, all.hits.size())));
            for (const auto& h : page.hits) paged.push_back(h.id);
        }
        std::vector<long long> ids;
        for (const auto& h : all.hits) ids.push_back(h.id);
        CHECK(paged == ids);
    }
    auto o = words(kAnyItem);
    o.limit = 2;
    auto page = found(o);
    CHECK(referat::cli::matches_line(page, 0) == "2 of " + std::to_string(page.total) + " matches");
    o.offset = 2;
    page = found(o);
    CHECK(referat::cli::matches_line(page, 2) ==
          "3–4 of " + std::to_string(page.total) + " matches");
    o.offset = -1;
    CHECK_THROWS_AS(found(o), QueryError);
}

TEST_CASE("on the corpus, every spelling of Task Force finds the BUL decisions on it",
          "[query][cli][compounds]") {
    TempDb tmp("referat-corpus-");
    const std::string db_arg = "--db " + tmp.path.string() + " ";
    REQUIRE(referat_cli("ingest " + db_arg + REFERAT_SOURCE_DIR "/corpus/text").status == 0);
    const auto numbers_of = [&](const std::string& args) {
        const auto r =
            referat_cli("search " + db_arg + "--json --limit 100 --committee BUL " + args);
        REQUIRE(r.status == 0);
        std::vector<int> out;
        for (const auto& line : lines_of(r.output))
            out.push_back(nlohmann::json::parse(line)["number"].get<int>());
        std::sort(out.begin(), out.end());
        return out;
    };
    // The decision on 198 writes "task forcen", 213 decides the point "Task Forcens rapport":
    // the compound finds the spaced form.
    const std::vector<int> decisions{198, 213};
    for (const std::string q :
         {"'Task Force'", "'Task Forcens'", "taskforce", "TASKFORCE", "'\"Task Force\"'"}) {
        INFO(q);
        CHECK(numbers_of("--section decision " + q) == decisions);
    }
    // In all sections, the spellings find the same items: these two and 195, whose case text
    // names the taskforce in passing. `Task Force-forløbet` (a phrase of force and forløbet)
    // finds the two that write so.
    const auto all = numbers_of("taskforce");
    CHECK(all == std::vector<int>{195, 198, 213});
    CHECK(numbers_of("'Task Force'") == all);
    CHECK(numbers_of("'Task Forcens'") == all);
    CHECK(numbers_of("'Task Force-forløbet'") == decisions);
    // A part finds its compounds: 198's title says taskforceforløb, its decision
    // udviklingsforløb.
    CHECK(numbers_of("--section title forløb") == std::vector<int>{198});
    CHECK(numbers_of("--section decision forløb") == std::vector<int>{198});
    // 213's plan lists the theme "Sammenhængende børne- og ungepolitik".
    CHECK(numbers_of("børnepolitik") == std::vector<int>{213});
    CHECK(numbers_of("ungepolitik") == std::vector<int>{213});
}
