// Browsing without a search word (query/browse.hpp) and the web interface's answers to bad
// parameters (web::App), on small hand-made meetings.
#include <catch2/catch.hpp>
#include <string>

#include "helpers.hpp"
#include "query/browse.hpp"
#include "referat_fixtures.hpp"
#include "store/database.hpp"
#include "util/text.hpp"
#include "web/app.hpp"
#include "web/html.hpp"

using referat::Item;
using referat::Outcome;
using referat::Referat;
using referat::store::Database;
namespace query = referat::query;
namespace web = referat::web;

namespace {

using referat::testing::meeting;
using referat::testing::patterns;
using referat::testing::TempDb;

Item item(int number, const std::string& title, Outcome outcome = Outcome::Approved) {
    Item it;
    it.number = number;
    it.title = title;
    referat::Decision d;
    d.text = "Beslutning om " + title;
    d.outcome = outcome;
    it.decision = d;
    return it;
}

referat::ThemeScore linked(int theme) {
    return {"udviklingsplan-2", theme, "tema", 9, 6, true, {{"title", "task force", 9}}};
}

// BUL in 2019 and 2020 (the 2020 one missing Mette Hansen, its pkt. 2 decided without Steen S.
// Hansen, who is absent from a decision quoted in pkt. 3 too), and ØU in 2021. Pkt. 2 of BUL 2020
// is postponed under theme 4 and comes back in 2021 (same Sagsnr.); pkt. 3 promises a return.
struct Fixture {
    TempDb tmp{"referat-browse-"};
    Database db{tmp.path.string()};

    Fixture() {
        db.store(meeting("a", "Børn, Unge og Læring", "2019-03-05", {item(1, "Budget")}),
                 patterns());
        auto postponed = item(2, "Skolestruktur", Outcome::Postponed);
        postponed.case_number = "20/100";
        postponed.themes = {linked(4)};
        postponed.decision->absent = {{"Steen S. Hansen", "A"}};
        auto promising = item(3, "Task Force", Outcome::Recommended);
        promising.decision->promise = "BUL forelægges en plan";
        promising.themes = {linked(4)};
        promising.history = {
            {"Direktionen", "2020-08-17", 2, "Anbefales.", {{"Steen Hansen", ""}}}};
        auto r = meeting("b", "Børn, Unge og Læring", "2020-08-31",
                         {item(1, "Godkendelse af dagsorden"), postponed, promising});
        r.absent = {{"Mette Hansen", "V"}};
        db.store(r, patterns());
        auto back = item(7, "Skolestruktur igen");
        back.case_number = "20/100";
        db.store(meeting("c", "Økonomiudvalget", "2021-02-01", {back}), patterns());
    }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "committees, their meetings newest first, a meeting's agenda",
                 "[browse]") {
    const auto committees = query::committee_summaries(db);
    REQUIRE(committees.size() == 2);
    CHECK(committees[0].name == "Børn, Unge og Læring");
    CHECK(committees[0].meetings == 2);
    CHECK(committees[0].first == "2019-03-05");
    CHECK(committees[0].last == "2020-08-31");

    const auto meetings = query::committee_meetings(db, "BUL", patterns());
    REQUIRE(meetings.size() == 2);
    CHECK(meetings[0].date == "2020-08-31");
    CHECK(meetings[0].items == 3);
    CHECK(query::committee_meetings(db, "Findes ikke", patterns()).empty());

    const auto m = query::load_meeting(db, meetings[0].id);
    REQUIRE(m.agenda.size() == 3);
    CHECK(m.agenda[1].number == 2);
    CHECK(m.agenda[1].outcome == "postponed");
    REQUIRE(m.agenda[1].absent.size() == 1);
    CHECK(m.agenda[1].absent[0].name == "Steen S. Hansen");
    REQUIRE(m.absences.absent.size() == 1);
    CHECK(m.absences.absent[0].name == "Mette Hansen");
    CHECK(query::meeting_of_item(db, m.agenda[0].id) == meetings[0].id);
    CHECK_THROWS_AS(query::load_meeting(db, 999), query::QueryError);
}

TEST_CASE_METHOD(Fixture, "a person's absences: meetings, decisions, quoted decisions",
                 "[browse]") {
    // "Steen Hansen" of the quotation is another spelling: person_key keeps them apart, so
    // only the decision counts for Steen S. Hansen.
    const auto p = query::load_person(db, "steen s hansen");
    CHECK(p.name == "Steen S. Hansen");
    CHECK(p.party == "A");
    REQUIRE(p.absences.size() == 1);
    CHECK(p.absences[0].kind == "decision");
    CHECK(p.absences[0].item_number == 2);

    const auto quoted = query::load_person(db, "Steen Hansen");
    REQUIRE(quoted.absences.size() == 1);
    CHECK(quoted.absences[0].kind == "quoted");
    CHECK(quoted.absences[0].date == "2020-08-17");
    CHECK(quoted.absences[0].body == "Direktionen");

    const auto mette = query::load_person(db, "Mette Hansen");
    REQUIRE(mette.by_quarter.size() == 1);
    CHECK(mette.by_quarter[0].quarter == "2020Q3");
    CHECK(mette.by_quarter[0].count == 1);
    CHECK_THROWS_AS(query::load_person(db, "Ingen Ingensen"), query::QueryError);

    const auto people = query::absent_people(db);
    CHECK(people.size() == 3);
}

TEST_CASE_METHOD(Fixture, "theme dashboard: decisions by quarter, what is open", "[browse]") {
    const auto themes = query::theme_dashboards(db, patterns(), 4);
    REQUIRE(themes.size() == 1);
    const auto& t = themes[0];
    CHECK(t.items == 2);
    REQUIRE(t.decisions.size() == 1);
    CHECK(t.decisions[0].quarter == "2020Q3");
    CHECK(t.decisions[0].count == 2);
    // The postponed pkt. 2 came back in 2021 (its Sagsnr. joins them); pkt. 3's promise is open.
    REQUIRE(t.open.size() == 1);
    CHECK(t.open[0].number == 3);
    CHECK(t.open[0].because == "BUL forelægges en plan");
    CHECK(query::theme_decisions(db, "udviklingsplan-2", 4, "2020Q3").size() == 2);
    CHECK(query::theme_decisions(db, "udviklingsplan-2", 4, "2020Q4").empty());
    CHECK(query::theme_dashboards(db, patterns(), 99).empty());
}

TEST_CASE_METHOD(Fixture, "quarters, case numbers", "[browse]") {
    CHECK(query::meeting_quarters(db) == std::vector<std::string>{"2021Q1", "2020Q3", "2019Q1"});
    // Both items of 20/100 are one case (the Sagsnr. joins them): its earliest item stands for it.
    const auto by_number = query::items_with_case_number(db, " 20/ 100 ");
    REQUIRE(by_number.size() == 1);
    CHECK(query::load_item(db, by_number[0]).date == "2020-08-31");
    CHECK(query::items_with_case_number(db, "20/101").empty());
    CHECK(query::quarter_dates("2020Q3") ==
          std::pair<std::string, std::string>{"2020-07-01", "2020-09-31"});
    CHECK_FALSE(query::quarter_dates("2020Q5"));
    CHECK_FALSE(query::quarter_dates("2020-Q3x"));
}

TEST_CASE_METHOD(Fixture, "web: bad parameters are 400, unknown ids 404, text escaped", "[web]") {
    web::App app(tmp.path.string(), patterns());
    const auto get = [&](const std::string& path, web::Params params) {
        return app.get(path, params);
    };
    CHECK(get("/punkt", {{"id", "abc"}}).status == 400);
    CHECK(get("/punkt", {{"id", "0"}}).status == 400);
    CHECK(get("/punkt", {{"id", "999"}}).status == 404);
    CHECK(get("/moede", {{"id", "1e3"}}).status == 400);
    CHECK(get("/", {{"q", "x"}, {"side", "-2"}}).status == 400);
    CHECK(get("/", {{"q", "\xff"}}).status == 400);
    CHECK(get("/", {{"q", "x"}, {"udvalg", "Findes ikke"}}).status == 400);
    CHECK(get("/ingenting", {}).status == 404);

    const auto hostile = get("/", {{"q", "Skolestruktur <b>"}});
    CHECK(hostile.status == 200);
    CHECK(hostile.body.find("Skolestruktur &lt;b&gt;") != std::string::npos);
    CHECK(hostile.body.find("<b>") == std::string::npos);
    const auto search = get("/", {{"q", "skolestruktur"}});
    CHECK(search.body.find("1–2 af 2 punkter") != std::string::npos);
    CHECK(search.body.find("<mark>Skolestruktur</mark>") != std::string::npos);

    const auto by_number = get("/sag", {{"sagsnr", "20/100"}});
    CHECK(by_number.status == 200);
    CHECK(by_number.body.find("Skolestruktur igen") != std::string::npos);

    CHECK(referat::text::html_escape("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(web::query_string({{"navn", "Ø b&c"}, {"tom", ""}}) == "?navn=%C3%98%20b%26c");
}
