// The quarterly follow-up report: decisions per theme, open items, absences in Danish order,
// empty quarters, and safe rendering of document text in every format.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/render.hpp"
#include "helpers.hpp"
#include "link/themes.hpp"
#include "query/query.hpp"
#include "query/report.hpp"
#include "store/database.hpp"

using namespace referat;

namespace {

Item item(int number, const std::string& title, const std::string& decision,
          const std::string& outcome = "approved") {
    Item it;
    it.number = number;
    it.title = title;
    it.decision = Decision{decision, outcome_from_name(outcome), {}, {}, {}, {}};
    return it;
}

Referat meeting(const std::string& date, std::vector<Item> items,
                const std::string& committee = "Børn, Unge og Læring") {
    Referat r;
    r.source = "bul-" + date + ".txt";
    r.content_hash = "hash-" + committee + date;
    r.municipality = "Stevns";
    r.committee = committee;
    r.date = date;
    r.items = std::move(items);
    return link::link_themes(std::move(r), testing::patterns());
}

const query::ReportTheme& theme(const query::QuarterReport& r, int n) {
    for (const auto& t : r.themes)
        if (t.theme_set == "udviklingsplan-2" && t.theme == n) return t;
    throw std::logic_error("no theme");
}

std::vector<int> numbers(const std::vector<query::ReportItem>& items) {
    std::vector<int> out;
    for (const auto& i : items) out.push_back(i.number);
    return out;
}

}  // namespace

TEST_CASE("a quarter is YYYYQn", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    const auto r = query::build_report(db, "2020q4", std::nullopt, testing::patterns());
    CHECK(r.quarter == "2020Q4");
    CHECK(r.from == "2020-10-01");
    CHECK(r.to == "2020-12-31");
    CHECK(r.months == std::vector<std::string>{"2020-10", "2020-11", "2020-12"});
    CHECK(query::build_report(db, "2021-Q2", std::nullopt, testing::patterns()).to == "2021-06-30");
    for (const auto* bad : {"2020Q5", "Q3", "2020", "2020Q3x"})
        CHECK_THROWS_AS(query::build_report(db, bad, std::nullopt, testing::patterns()),
                        query::QueryError);
}

TEST_CASE("decisions of the quarter are listed under each theme they link to", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    db.store(meeting("2020-08-31", {item(1, "Ledelsesinformation for afdelingen", "Godkendt."),
                                    item(2, "Samarbejde med Familiehuset og PPR",
                                         "Taget til efterretning.", "noted"),
                                    item(3, "Indkøb af skolemøbler", "Godkendt.")}),
             testing::patterns());
    db.store(meeting("2020-10-05", {item(9, "Ledelsesinformation, opfølgning", "Godkendt.")}),
             testing::patterns());
    db.store(meeting("2020-09-02", {item(4, "Ledelsesinformation i Direktionen", "Anbefales.")},
                     "Direktionen"),
             testing::patterns());

    const auto all = query::build_report(db, "2020Q3", std::nullopt, testing::patterns());
    CHECK(all.meetings == 2);
    CHECK(numbers(theme(all, 3).decisions) == std::vector<int>{1, 4});
    CHECK(theme(all, 3).per_month == std::vector<int>{0, 1, 1});
    CHECK(numbers(theme(all, 7).decisions) == std::vector<int>{2});
    CHECK(theme(all, 1).decisions.empty());

    const auto bul = query::build_report(db, "2020Q3", std::string("BUL"), testing::patterns());
    CHECK(bul.committee == "Børn, Unge og Læring");
    CHECK(bul.meetings == 1);
    CHECK(numbers(theme(bul, 3).decisions) == std::vector<int>{1});
}

TEST_CASE("postponed items and promises stay open until a later item of the case", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto postponed = item(1, "Ledelsesinformation", "Udsat.", "postponed");
    auto promised = item(2, "Servicekatalog for området", "Godkendt. BUL forelægges en plan.");
    promised.decision->promise = "BUL forelægges en plan.";
    auto answered = item(3, "Familiehuset: ny model", "Godkendt. Sagen genoptages på næste møde.");
    answered.decision->promise = "Sagen genoptages på næste møde.";
    answered.case_number = "20/123";
    db.store(meeting("2020-07-06", {postponed, promised, answered}), testing::patterns());

    auto r = query::build_report(db, "2020Q3", std::nullopt, testing::patterns());
    CHECK(numbers(theme(r, 3).open) == std::vector<int>{1});
    CHECK(theme(r, 3).open[0].open_because == "udsat");
    REQUIRE(numbers(theme(r, 8).open) == std::vector<int>{2});
    CHECK(theme(r, 8).open[0].open_because == "BUL forelægges en plan.");
    CHECK(numbers(theme(r, 7).open) == std::vector<int>{3});

    // Later: the same title at the same body, and the same sagsnr. under another title.
    auto again = item(11, "Ledelsesinformation", "Godkendt.");
    auto follow_up = item(12, "Opfølgning", "Godkendt.");
    follow_up.case_number = "20/123";
    db.store(meeting("2020-09-07", {again, follow_up}), testing::patterns());
    r = query::build_report(db, "2020Q3", std::nullopt, testing::patterns());
    CHECK(theme(r, 3).open.empty());
    CHECK(theme(r, 7).open.empty());
    CHECK(numbers(theme(r, 8).open) == std::vector<int>{2});

    // A later item that quotes the decision (body, date, pkt.) answers it too.
    auto quoting = item(5, "Plan for servicekataloget", "Godkendt.");
    quoting.history.push_back(
        HistoryEntry{"Børn, Unge og Læring", "2020-07-06", 2, "Godkendt.", {}});
    db.store(meeting("2020-09-21", {quoting}), testing::patterns());
    r = query::build_report(db, "2020Q3", std::nullopt, testing::patterns());
    CHECK(theme(r, 8).open.empty());
    CHECK(numbers(theme(r, 8).decisions) == std::vector<int>{2, 5});
}

TEST_CASE("only the same title at the same body, later and by the quarter's end, answers",
          "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    db.store(meeting("2020-07-06", {item(1, "Ledelsesinformation", "Udsat.", "postponed")}),
             testing::patterns());
    const auto open_numbers = [&] {
        return numbers(
            theme(query::build_report(db, "2020Q3", std::nullopt, testing::patterns()), 3).open);
    };
    REQUIRE(open_numbers() == std::vector<int>{1});

    // Another body, a longer title, the same day, and after the quarter: still open.
    db.store(meeting("2020-08-03", {item(2, "Ledelsesinformation", "Godkendt.")},
                     "Teknik- og Miljøudvalget"),
             testing::patterns());
    db.store(meeting("2020-08-10", {item(3, "Ledelsesinformation 2", "Godkendt.")}),
             testing::patterns());
    Referat same_day = meeting("2020-07-06", {item(4, "Ledelsesinformation", "Godkendt.")});
    same_day.content_hash += "-b";
    same_day.committee = "BØRN, UNGE OG LÆRING";  // another meeting, so nothing is replaced
    db.store(same_day, testing::patterns());
    db.store(meeting("2020-10-05", {item(5, "Ledelsesinformation", "Godkendt.")}),
             testing::patterns());
    CHECK(open_numbers() == std::vector<int>{1});

    // The last day of the quarter is still in it.
    db.store(meeting("2020-09-30", {item(6, "ledelsesinformation", "Godkendt.")}),
             testing::patterns());
    CHECK(open_numbers().empty());
}

TEST_CASE("absences per member, one person however the name is hyphenated, in Danish order",
          "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto first = meeting("2020-07-06", {item(1, "Dagsorden", "Godkendt.")});
    first.absent = {{"Åse Holm", "A"}, {"Zenia Lund", "V"}, {"Dorte Berg-Nielsen", "C"}};
    auto second = meeting("2020-08-03", {item(2, "Dagsorden", "Godkendt.")});
    second.items[0].decision->absent = {{"Dorte Berg Nielsen", "C"},
                                        {"Øjvind Berg", "O"},
                                        {"Aage Nielsen", "F"},
                                        {"Ærenfred Dal", ""}};
    second.items[0].history.push_back(
        HistoryEntry{"Direktionen", "2020-08-01", 1, "Anbefales.", {{"Åse Holm", "A"}}});
    db.store(first, testing::patterns());
    db.store(second, testing::patterns());

    const auto r = query::build_report(db, "2020Q3", std::string("BUL"), testing::patterns());
    std::vector<std::string> names;
    for (const auto& a : r.absences) names.push_back(a.name);
    // Danish collation: Z < Æ < Ø < Å, and "Aa" sorts as Å.
    CHECK(names == std::vector<std::string>{"Dorte Berg-Nielsen", "Zenia Lund", "Ærenfred Dal",
                                            "Øjvind Berg", "Aage Nielsen", "Åse Holm"});
    CHECK(r.absences[0].dates == std::vector<std::string>{"2020-07-06", "2020-08-03"});
    // Absent from Direktionen's meeting is not an absence from BUL.
    CHECK(r.absences.back().dates == std::vector<std::string>{"2020-07-06"});
}

TEST_CASE("an empty quarter is a report that says so", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    const auto r = query::build_report(db, "2031Q1", std::nullopt, testing::patterns());
    CHECK(r.meetings == 0);
    CHECK(r.themes.size() == 10);
    CHECK_THAT(cli::render_markdown(r), Catch::Contains("No meetings in 2031Q1"));
    CHECK_THAT(cli::render_html(r), Catch::Contains("No meetings in 2031Q1"));
    CHECK(nlohmann::json::parse(cli::render_json(r))["meetings"] == 0);
}

TEST_CASE("document text is escaped in HTML, Markdown and CSV", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    db.store(meeting("2020-07-06", {item(1, "Ledelsesinformation <script>alert(1)</script>",
                                         "Godkendt | med \"forbehold\", se bilag.")}),
             testing::patterns());
    const auto r = query::build_report(db, "2020Q3", std::nullopt, testing::patterns());

    const auto html = cli::render_html(r);
    CHECK(html.find("<script") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(html, Catch::Contains("<svg"));

    const auto md = cli::render_markdown(r);
    CHECK_THAT(md, Catch::Contains("Godkendt \\| med"));

    const auto csv = cli::render_csv(r);
    CHECK_THAT(csv, Catch::Contains("\"Godkendt | med \"\"forbehold\"\", se bilag.\""));

    const auto json = nlohmann::json::parse(cli::render_json(r));
    CHECK(json["themes"][2]["decisions"][0]["title"] ==
          "Ledelsesinformation <script>alert(1)</script>");
    CHECK(json["themes"][2]["per_month"]["2020-07"] == 1);
}

TEST_CASE("committees, quoted bodies and titles compare case-folded", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto postponed = item(1, "Ledelsesinformation", "Udsat.", "postponed");
    auto first = meeting("2020-07-06", {postponed}, "BØRN, UNGE OG LÆRING");
    first.items[0].history.push_back(
        HistoryEntry{"børn, unge og læring", "2020-07-01", 4, "Godkendt.", {{"Åse Holm", "A"}}});
    db.store(first, testing::patterns());

    auto r = query::build_report(db, "2020Q3", std::string("BUL"), testing::patterns());
    CHECK(r.meetings == 1);
    CHECK(numbers(theme(r, 3).open) == std::vector<int>{1});
    REQUIRE(r.absences.size() == 1);
    CHECK(r.absences[0].dates == std::vector<std::string>{"2020-07-01"});

    // The same title in other letter case at the same body, written otherwise, answers it.
    db.store(meeting("2020-09-07", {item(8, "LEDELSESINFORMATION", "Godkendt.")},
                     "Børn, Unge og Læring"),
             testing::patterns());
    r = query::build_report(db, "2020Q3", std::string("BUL"), testing::patterns());
    CHECK(r.meetings == 2);
    CHECK(theme(r, 3).open.empty());
}
