#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>

#include "helpers.hpp"
#include "query/query.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

using referat::Item;
using referat::Referat;
using referat::query::Hit;
using referat::query::QueryError;
using referat::query::SearchOptions;
using referat::store::Database;

namespace {

namespace fs = std::filesystem;

using referat::testing::TempDb;

Item item(int number, const std::string& title) {
    Item it;
    it.number = number;
    it.title = title;
    return it;
}

Referat meeting(const std::string& hash, const std::string& committee, const std::string& date,
                std::vector<Item> items) {
    Referat r;
    r.source = hash + ".pdf";
    r.content_hash = hash;
    r.municipality = "Stevns";
    r.committee = committee;
    r.date = date;
    r.items = std::move(items);
    return r;
}

// Three meetings of three committees: BUL 2020, ØU 2021, and one committee not in
// patterns/committees.txt from 2019.
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
        d.outcome = "recommended";
        d.absent = {{"Jacob Panton-Kristiansen", "V"}};
        d.points = {{1, "Anbefales.", "recommended"}};
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
        title.decision = referat::Decision{"Godkendt.", "approved", {}, {}, {}, std::nullopt};
        db.store(meeting("h-ou", "Økonomiudvalget", "2021-03-15", {low, title}), rules);

        Item old = item(1, "Budget for svømmehallen");
        old.resume = "Skolebudget og svømmehallen drøftes.";
        db.store(meeting("h-su", "Særligt Udvalg", "2019-01-10", {old}), rules);
    }

    std::vector<Hit> search(SearchOptions o) { return referat::query::search(db, o, rules); }
};

SearchOptions words(const std::string& q) {
    SearchOptions o;
    o.query = q;
    return o;
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

TEST_CASE_METHOD(Fixture, "by_rank puts a title match above a case text match", "[query]") {
    auto o = words("skolebudget");
    o.committee = "ØU";
    CHECK(dates(search(o)) == std::vector<std::string>{"2021-03-15#2", "2021-03-15#9"});
    o.by_rank = true;
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

TEST_CASE_METHOD(Fixture, "format_hits aligns the columns", "[query]") {
    CHECK(referat::query::format_hits({}) == "no matches\n");
    const auto table = referat::query::format_hits(search(words("skolebudget")));
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

TEST_CASE_METHOD(Fixture, "show_item prints an item in full", "[query]") {
    const auto hits = search(words("taskforce"));
    REQUIRE(hits.size() == 1);
    const auto text = referat::query::show_item(db, hits[0].id);
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
        referat::query::show_item(db, 999999);
        FAIL("no error for an unknown id");
    } catch (const QueryError& e) {
        CHECK(std::string(e.what()) == "no item with id 999999");
    }
}
