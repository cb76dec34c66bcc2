// The quarterly follow-up report: decisions per theme, open items, absences in Danish order,
// empty quarters, and safe rendering of document text in every format.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/render.hpp"
#include "fixtures.hpp"
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

std::vector<int> open_numbers(const query::QuarterReport& r) {
    std::vector<int> out;
    for (const auto& c : r.open) out.push_back(c.item.number);
    return out;
}

const query::OpenCase& open_case(const query::QuarterReport& r, int number) {
    for (const auto& c : r.open)
        if (c.item.number == number) return c;
    throw std::logic_error("no open case " + std::to_string(number));
}

query::QuarterReport report(store::Database& db, const std::string& quarter,
                            std::optional<std::string> committee = std::nullopt) {
    return query::build_report(db, quarter, committee, testing::patterns());
}

TEST_CASE("each decision of the quarter once, with its themes; counted per theme", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    db.store(meeting("2020-08-31", {item(1, "Ledelsesinformation for afdelingen", "Godkendt."),
                                    item(2, "Samarbejde med Familiehuset og PPR",
                                         "Taget til efterretning.", "noted"),
                                    item(3, "Indkøb af skolemøbler", "Godkendt.")}),
             testing::patterns());
    db.store(meeting("2020-10-05", {item(9, "Ledelsesinformation, opfølgning", "Godkendt.")}),
             testing::patterns());
    db.store(meeting("2020-09-02",
                     {item(4, "Ledelsesinformation i Direktionen", "Anbefales.", "recommended")},
                     "Direktionen"),
             testing::patterns());

    const auto all = report(db, "2020Q3");
    CHECK(all.meetings == 2);
    // Item 3 links to no theme; every other item is listed once.
    CHECK(numbers(all.decisions) == std::vector<int>{1, 2, 4});
    REQUIRE(all.decisions[0].themes.size() == 1);
    CHECK(all.decisions[0].themes[0].name == "Ledelsesinformation");
    CHECK(all.decisions[1].outcome_label == "taget til efterretning");
    CHECK(all.decisions[2].outcome_label == "anbefalet");
    CHECK(theme(all, 3).decisions == 2);
    CHECK(theme(all, 3).per_month == std::vector<int>{0, 1, 1});
    REQUIRE(theme(all, 3).last);
    CHECK(theme(all, 3).last->number == 4);
    CHECK(theme(all, 7).decisions == 1);
    CHECK(theme(all, 1).decisions == 0);
    CHECK_FALSE(theme(all, 1).last);

    const auto bul = report(db, "2020Q3", "BUL");
    CHECK(bul.committee == "Børn, Unge og Læring");
    CHECK(bul.meetings == 1);
    CHECK(numbers(bul.decisions) == std::vector<int>{1, 2});
    CHECK(theme(bul, 3).decisions == 1);
    // The rendered page names each item once, however many themes it has.
    const auto html = cli::render_html(bul);
    size_t seen = 0;
    for (auto at = html.find("Ledelsesinformation for afdelingen"); at != std::string::npos;
         at = html.find("Ledelsesinformation for afdelingen", at + 1))
        ++seen;
    CHECK(seen == 1);  // the status table names the last decision by date and pkt.
    CHECK_THAT(html, Catch::Contains("31. august 2020, pkt. 1<"));
    CHECK_THAT(html, Catch::Contains("31. august 2020"));
    CHECK(html.find("2020-08-31") == std::string::npos);
}

TEST_CASE("every open case of the committee: postponed, awaiting, promise, overdue promise",
          "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto postponed = item(1, "Tilskud til puljeinstitutioner", "Udsat.", "postponed");
    auto awaits = item(2, "Indkøb af varslingssystem", "Anbefales.", "recommended");
    awaits.recommendation = Recommendation{
        "At BUL anbefaler over for ØU og KB", "Forvaltningen", {"KB"}, {"BUL", "ØU"}, {}};
    auto promised = item(3, "Tværgående velfærdsprogram",
                         "Taget til efterretning. Sagen vender tilbage til alle udvalg i "
                         "september 2020.",
                         "noted");
    promised.decision->promise = "Sagen vender tilbage til alle udvalg i september 2020.";
    auto decided = item(4, "Kapacitet i dagtilbud", "Godkendt.");
    db.store(meeting("2020-06-09", {postponed, awaits, promised, decided}), testing::patterns());

    auto r = report(db, "2020Q3", "BUL");
    // None links to a theme, and every one is listed.
    CHECK(open_numbers(r) == std::vector<int>{1, 2, 3});
    CHECK(open_case(r, 1).state == "postponed");
    CHECK(open_case(r, 1).item.themes.empty());
    CHECK(open_case(r, 2).state == "awaiting");
    CHECK(open_case(r, 2).awaiting ==
          std::vector<std::string>{"Økonomiudvalget (ØU)", "Kommunalbestyrelsen (KB)"});
    CHECK(open_case(r, 3).state == "open promise");
    CHECK(open_case(r, 3).promises ==
          std::vector<std::string>{"Sagen vender tilbage til alle udvalg i september 2020."});
    CHECK(open_case(r, 3).since == "2020-06-09");
    CHECK(open_case(r, 3).age_days == 113);  // 9 June to 30 September
    CHECK(open_case(r, 3).due == "2020-09-30");
    CHECK_FALSE(open_case(r, 3).overdue);  // September is not over before the quarter is
    CHECK_THAT(cli::render_html(r), Catch::Contains("afventer Økonomiudvalget (ØU)"));

    // A quarter later the promised month has passed.
    r = report(db, "2020Q4", "BUL");
    CHECK(open_case(r, 3).overdue);
    CHECK(open_case(r, 3).age_days == 205);
    CHECK_FALSE(open_case(r, 1).overdue);  // a postponement names no date
    CHECK_THAT(cli::render_markdown(r),
               Catch::Contains("overskredet: lovet senest 30. september 2020"));
    CHECK_THAT(cli::render_html(r), Catch::Contains("1 med overskredet frist"));

    // Before the meeting nothing was open.
    CHECK(report(db, "2020Q1", "BUL").open.empty());
}

TEST_CASE("every committee's report: a case is open while a body of its route has not decided",
          "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    const auto routed = [](int number, const std::string& title, const std::string& sagsnr) {
        auto it = item(number, title, "Anbefales.", "recommended");
        it.case_number = sagsnr;
        it.recommendation = Recommendation{
            "At BUL anbefaler over for ØU og KB", "Forvaltningen", {"KB"}, {"BUL", "ØU"}, {}};
        return it;
    };
    const auto decided = [](int number, const std::string& sagsnr) {
        auto it = item(number, "Ny skolestruktur", "Godkendt.");
        it.case_number = sagsnr;
        return it;
    };
    db.store(meeting("2020-06-09", {routed(2, "Indkøb af varslingssystem", "20/111"),
                                    routed(5, "Ny skolestruktur", "20/222")}),
             testing::patterns());
    db.store(meeting("2020-06-16", {decided(7, "20/222")}, "Økonomiudvalget"), testing::patterns());
    db.store(meeting("2020-07-06", {decided(9, "20/222")}, "Kommunalbestyrelsen"),
             testing::patterns());

    // At the end of June ØU had decided the school structure and KB had not.
    auto june = report(db, "2020Q2");
    CHECK(open_numbers(june) == std::vector<int>{2, 7});
    CHECK(open_case(june, 7).awaiting == std::vector<std::string>{"Kommunalbestyrelsen (KB)"});
    // Once KB has decided, only the case still waiting for ØU and KB is open, in every
    // committee's report and in BUL's own.
    const auto september = report(db, "2020Q3");
    CHECK(open_numbers(september) == std::vector<int>{2});
    CHECK(open_case(september, 2).awaiting ==
          std::vector<std::string>{"Økonomiudvalget (ØU)", "Kommunalbestyrelsen (KB)"});
    CHECK(open_numbers(report(db, "2020Q3", "BUL")) == std::vector<int>{2});
}

TEST_CASE("a promise for the next meeting is overdue once that meeting has passed", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto promised = item(1, "Implementeringsplan for distrikterne",
                         "Godkendt. BUL forelægges på næste møde en plan.");
    promised.decision->promise = "BUL forelægges på næste møde en plan.";
    db.store(meeting("2020-07-06", {promised}), testing::patterns());
    auto r = report(db, "2020Q3", "BUL");
    REQUIRE(open_numbers(r) == std::vector<int>{1});
    CHECK(open_case(r, 1).due.empty());  // no next meeting stored yet

    db.store(
        meeting("2020-08-17", {item(5, "Skoleårets start", "Taget til efterretning.", "noted")}),
        testing::patterns());
    r = report(db, "2020Q3", "BUL");
    CHECK(open_case(r, 1).due == "2020-08-17");
    CHECK(open_case(r, 1).overdue);
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

    auto r = report(db, "2020Q3");
    CHECK(open_numbers(r) == std::vector<int>{1, 2, 3});
    CHECK(open_case(r, 1).state == "postponed");
    CHECK(open_case(r, 2).promises == std::vector<std::string>{"BUL forelægges en plan."});
    CHECK(theme(r, 3).open == 1);
    CHECK(theme(r, 8).open == 1);

    // Later: the same title at the same body, and the same sagsnr. under another title.
    auto again = item(11, "Ledelsesinformation", "Godkendt.");
    auto follow_up = item(12, "Opfølgning", "Godkendt.");
    follow_up.case_number = "20/123";
    db.store(meeting("2020-09-07", {again, follow_up}), testing::patterns());
    r = report(db, "2020Q3");
    CHECK(open_numbers(r) == std::vector<int>{2});
    CHECK(theme(r, 3).open == 0);

    // A later item that quotes the decision (body, date, pkt.) answers it too.
    auto quoting = item(5, "Plan for servicekataloget", "Godkendt.");
    quoting.history.push_back(
        HistoryEntry{"Børn, Unge og Læring", "2020-07-06", 2, "Godkendt.", {}});
    db.store(meeting("2020-09-21", {quoting}), testing::patterns());
    r = report(db, "2020Q3");
    CHECK(r.open.empty());
    CHECK(theme(r, 8).decisions == 2);
}

TEST_CASE("what changed since the previous quarter: closed, kept promises, newly opened",
          "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto postponed = item(1, "Ledelsesinformation", "Udsat.", "postponed");
    auto promised = item(2, "Servicekatalog", "Godkendt. Sagen genoptages på næste møde.");
    promised.decision->promise = "Sagen genoptages på næste møde.";
    promised.case_number = "20/7";
    auto stays = item(3, "Tilskud til puljeinstitutioner", "Udsat.", "postponed");
    db.store(meeting("2020-06-08", {postponed, promised, stays}), testing::patterns());
    auto kept = item(4, "Servicekatalog, revideret", "Godkendt.");
    kept.case_number = "20/7";
    db.store(meeting("2020-08-10", {item(1, "Ledelsesinformation", "Godkendt."), kept,
                                    item(5, "Budget for effektmåling", "Udsat.", "postponed")}),
             testing::patterns());

    const auto r = report(db, "2020Q3", "BUL");
    CHECK(r.changes.previous_quarter == "2020Q2");
    CHECK(r.changes.previous_decisions == 2);  // items 1 and 2 link to themes 3 and 8
    REQUIRE(r.changes.closed.size() == 2);
    CHECK(r.changes.closed[0].item.date == "2020-06-08");
    CHECK(r.changes.closed[0].item.number == 1);
    CHECK(r.changes.closed_by[0].number == 1);
    CHECK(r.changes.closed_by[0].date == "2020-08-10");
    CHECK(r.changes.closed[1].item.number == 2);
    CHECK_FALSE(r.changes.closed[1].promises.empty());
    CHECK(r.changes.closed_by[1].number == 4);
    REQUIRE(r.changes.opened.size() == 1);
    CHECK(r.changes.opened[0].item.number == 5);
    CHECK(open_numbers(r) == std::vector<int>{3, 5});
    const auto html = cli::render_html(r);
    CHECK_THAT(html, Catch::Contains("Ændringer siden 2. kvartal 2020"));
    CHECK_THAT(html, Catch::Contains("(løfte indfriet)"));
    const auto md = cli::render_markdown(r);
    CHECK_THAT(md, Catch::Contains("| løfte indfriet | 8. juni 2020, pkt. 2: Servicekatalog |"));
    CHECK_THAT(
        md, Catch::Contains("| ny åben sag | 10. august 2020, pkt. 5: Budget for effektmåling |"));
}

TEST_CASE("plan milestones from the theme file: met, overdue, upcoming", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    // Theme 1 of the shipped plan: a status to BUL every quarter; theme 2: KB in spring 2021.
    db.store(
        meeting("2020-08-31", {item(1, "Status på udviklingsplanen, governance", "Godkendt.")}),
        testing::patterns());
    const auto status = [&](const std::string& quarter, int n) {
        const auto r = report(db, quarter, "BUL");  // kept: t refers into it
        const auto& t = theme(r, n);
        REQUIRE_FALSE(t.milestones.empty());
        return t.milestones.front().status;
    };
    CHECK(status("2020Q3", 1) == "met");
    CHECK(status("2020Q4", 1) == "overdue");
    CHECK(status("2020Q3", 2) == "upcoming");
    CHECK(status("2021Q1", 2) == "due");  // spring has begun, its end not reached
    CHECK(status("2021Q2", 2) == "overdue");
    CHECK(status("2021Q3", 2) == "overdue");
    const auto r = report(db, "2020Q3", "BUL");
    REQUIRE(theme(r, 1).milestones[0].met_by);
    CHECK(theme(r, 1).milestones[0].met_by->date == "2020-08-31");
    CHECK_THAT(cli::render_html(r), Catch::Contains("nået 31. august 2020 (pkt. 1)"));
}

TEST_CASE("only the same title at the same body, later and by the quarter's end, answers",
          "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    db.store(meeting("2020-07-06", {item(1, "Ledelsesinformation", "Udsat.", "postponed")}),
             testing::patterns());
    const auto still_open = [&] { return open_numbers(report(db, "2020Q3")); };
    REQUIRE(still_open() == std::vector<int>{1});

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
    CHECK(still_open() == std::vector<int>{1});

    // The last day of the quarter is still in it.
    db.store(meeting("2020-09-30", {item(6, "ledelsesinformation", "Godkendt.")}),
             testing::patterns());
    CHECK(still_open().empty());
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
    CHECK(r.absences.back().quoted.empty());
}

TEST_CASE("an empty quarter is a report that says so", "[report]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    const auto r = query::build_report(db, "2031Q1", std::nullopt, testing::patterns());
    CHECK(r.meetings == 0);
    CHECK(r.themes.size() == 10);
    CHECK_THAT(cli::render_markdown(r), Catch::Contains("Ingen møder i 1. kvartal 2031"));
    CHECK_THAT(cli::render_html(r), Catch::Contains("Ingen møder i 1. kvartal 2031"));
    CHECK(nlohmann::json::parse(cli::render_json(r))["meetings"].empty());
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
    CHECK(json["decisions"][0]["title"] == "Ledelsesinformation <script>alert(1)</script>");
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
    CHECK(open_numbers(r) == std::vector<int>{1});
    // Absent from a meeting known only from a quotation: shown apart, not a meeting missed.
    REQUIRE(r.absences.size() == 1);
    CHECK(r.absences[0].dates.empty());
    CHECK(r.absences[0].quoted == std::vector<std::string>{"2020-07-01|Børn, Unge og Læring"});

    // The same title in other letter case at the same body, written otherwise, answers it.
    db.store(meeting("2020-09-07", {item(8, "LEDELSESINFORMATION", "Godkendt.")},
                     "Børn, Unge og Læring"),
             testing::patterns());
    r = query::build_report(db, "2020Q3", std::string("BUL"), testing::patterns());
    CHECK(r.meetings == 2);
    CHECK(r.open.empty());
}

TEST_CASE("the shipped minutes: open cases linked to no theme, a postponement, a late promise",
          "[report][corpus]") {
    testing::TempDb tmp;
    REQUIRE(testing::run_referat(
                {"ingest", "--db", tmp.path.string(), REFERAT_SOURCE_DIR "/corpus/text"})
                .exit_code == 0);
    store::Database db(tmp.path.string(), store::Database::Mode::Read);

    // BUL 196 and 214 link to no theme and await ØU (and KB).
    auto r = report(db, "2020Q3", "BUL");
    CHECK(open_case(r, 196).item.themes.empty());
    CHECK(open_case(r, 196).state == "awaiting");
    CHECK(open_case(r, 214).awaiting == std::vector<std::string>{"Økonomiudvalget (ØU)"});
    // "vender tilbage til alle udvalg i september 2020": due then, overdue a quarter later.
    CHECK(open_case(r, 195).due == "2020-09-30");
    CHECK_FALSE(open_case(r, 195).overdue);
    CHECK(open_case(report(db, "2020Q4", "BUL"), 195).overdue);
    // Steen S. Hansen is absent only in a quoted decision of 18 August: no BUL meeting missed.
    const auto steen = std::find_if(r.absences.begin(), r.absences.end(),
                                    [](const auto& a) { return a.name == "Steen S. Hansen"; });
    REQUIRE(steen != r.absences.end());
    CHECK(steen->dates.empty());
    CHECK(steen->quoted == std::vector<std::string>{"2020-08-18|Børn, Unge og Læring"});

    // Lejre: item 5 was postponed to the next meeting.
    r = report(db, "2017Q2", std::nullopt);
    CHECK(open_case(r, 5).state == "postponed");
    CHECK_THAT(cli::render_markdown(r), Catch::Contains("1 åben sag ved kvartalets udgang"));
}
