// The cases stage called directly: the join rules, the grouping into cases and a case's state on
// items made up here, with no minutes parsed and no database (test_cases.cpp covers the same
// through the store).
#include <catch2/catch.hpp>

#include "cases/case_state.hpp"
#include "cases/join_rules.hpp"
#include "helpers.hpp"

using namespace referat;
using cases::Item;
using cases::Meeting;
using cases::Quote;
using cases::Rule;
using referat::testing::patterns;

namespace {

Meeting meeting(long long id, const std::string& committee, const std::string& date,
                std::vector<Item> items, const std::string& municipality = "Stevns") {
    return Meeting{id, municipality, committee, date, std::move(items)};
}

Item item(long long id, long long number, const std::string& title) {
    Item x;
    x.id = id;
    x.number = number;
    x.title = title;
    return x;
}

const cases::Link* link_between(const std::vector<cases::Link>& links, long long a, long long b) {
    for (const auto& l : links)
        if ((l.from == a && l.to == b) || (l.from == b && l.to == a)) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("join rules: the same Sagsnr. joins items of one municipality only", "[case_rules]") {
    auto x = item(10, 1, "Skolestruktur");
    x.case_number = "17.01.00-P20-1-20";
    auto same = item(1, 4, "Høring om skoler");
    same.case_number = "17.01.00-P20-1-20";
    auto elsewhere = item(2, 4, "Skolestruktur");
    elsewhere.case_number = "17.01.00-P20-1-20";
    auto blank = item(11, 2, "Budget");
    blank.case_number = std::string(" ");
    auto blank_stored = item(3, 5, "Budget");
    blank_stored.case_number = std::string(" ");

    const auto links =
        cases::find_links(meeting(5, "Børn, Unge og Læring", "2020-08-31", {x, blank}),
                          {meeting(1, "Økonomiudvalget", "2019-01-10", {same, blank_stored}),
                           meeting(2, "Økonomiudvalget", "2020-08-10", {elsewhere}, "Lejre")},
                          patterns());
    REQUIRE(links.size() == 1);
    CHECK(links[0].from == 10);
    CHECK(links[0].to == 1);
    CHECK(links[0].rule == Rule::CaseNumber);
    CHECK(links[0].evidence == "Sagsnr. 17.01.00-P20-1-20");
}

TEST_CASE("join rules: a quoted decision joins the item it quotes, by pkt. or by title",
          "[case_rules]") {
    // "DIR" is Stevns' Direktionen (committees.txt), so the quotation names the stored meeting.
    auto quoting = item(20, 213, "Taskforce: rapport og udviklingsplan");
    quoting.quotes = {Quote{"DIR", "2020-08-17", 2}, Quote{"Økonomiudvalget", "2020-08-24", {}}};
    const auto dir = meeting(1, "Direktionen", "2020-08-17",
                             {item(1, 1, "Dagsorden - godkendelse"), item(2, 2, "Rapport")});
    const auto ou =
        meeting(2, "Økonomiudvalget", "2020-08-24",
                {item(3, 7, "Taskforce - rapport og udviklingsplan"), item(4, 8, "Budget 2021")});
    const auto links = cases::find_links(
        meeting(9, "Børn, Unge og Læring", "2020-08-31", {quoting}), {dir, ou}, patterns());
    REQUIRE(links.size() == 2);
    const auto* by_number = link_between(links, 20, 2);
    REQUIRE(by_number);
    CHECK(by_number->from == 20);
    CHECK(by_number->rule == Rule::Quoted);
    CHECK(by_number->evidence == "quotes DIR, 2020-08-17, pkt. 2");
    const auto* by_title = link_between(links, 20, 3);
    REQUIRE(by_title);
    CHECK(by_title->evidence == "quotes Økonomiudvalget, 2020-08-24");
    CHECK_FALSE(link_between(links, 20, 1));
}

TEST_CASE("join rules: a stored item quoting the new meeting joins it, from the stored item",
          "[case_rules]") {
    auto later = item(1, 88, "Kapacitet i dagtilbud");
    later.quotes = {Quote{"BUL", "2020-08-31", 5}};
    const auto links = cases::find_links(
        meeting(7, "Børn, Unge og Læring", "2020-08-31",
                {item(70, 4, "Noget andet"), item(71, 5, "Kapacitet i dagtilbud")}),
        {meeting(3, "Økonomiudvalget", "2020-09-14", {later})}, patterns());
    REQUIRE(links.size() == 1);
    CHECK(links[0].from == 1);
    CHECK(links[0].to == 71);
    CHECK(links[0].evidence == "quotes BUL, 2020-08-31, pkt. 5");
}

TEST_CASE("join rules: two items quoting one decision not stored are one case", "[case_rules]") {
    auto a = item(30, 1, "Helhedsplan");
    a.quotes = {Quote{"KB", "2019-05-14", 88}};
    auto b = item(3, 9, "Ny helhedsplan for området");
    b.quotes = {Quote{"Kommunalbestyrelsen", "2019-05-14", 88}};
    auto other_pkt = item(4, 10, "Helhedsplan");
    other_pkt.quotes = {Quote{"Kommunalbestyrelsen", "2019-05-14", 89}};
    const auto links = cases::find_links(
        meeting(8, "Økonomiudvalget", "2020-03-02", {a}),
        {meeting(2, "Kultur og Fritid", "2020-01-20", {b, other_pkt})}, patterns());
    REQUIRE(links.size() == 1);
    CHECK(links[0].from == 30);
    CHECK(links[0].to == 3);
    CHECK(links[0].evidence == "both quote KB, 2019-05-14, pkt. 88");
}

TEST_CASE("join rules: a nearly equal title joins only along the route and within the window",
          "[case_rules]") {
    auto routed = item(40, 3, "Rapport fra Task Force");
    routed.routes = {"ØU", "KB"};
    const auto near =
        meeting(4, "Økonomiudvalget", "2020-10-05",
                {item(5, 1, "ØU - Rapport fra taskforce"), item(6, 2, "Rapport om veje og stier")});
    // The same title, but more than four months later, and at a body not on the route.
    const auto late =
        meeting(5, "Kommunalbestyrelsen", "2021-03-01", {item(7, 1, "Rapport fra Task Force")});
    const auto off_route =
        meeting(6, "Kultur og Fritid", "2020-09-07", {item(8, 1, "Rapport fra Task Force")});
    const auto links = cases::find_links(meeting(9, "Børn, Unge og Læring", "2020-08-31", {routed}),
                                         {near, late, off_route}, patterns());
    REQUIRE(links.size() == 1);
    CHECK(links[0].from == 40);
    CHECK(links[0].to == 5);
    CHECK(links[0].rule == Rule::Title);
    CHECK(links[0].evidence ==
          "title 100% alike; its Indstilling routes the case to Økonomiudvalget");

    // The other direction: the stored item routes the case to the new meeting's body.
    auto routes_here = item(9, 1, "Rapport fra Task Force");
    routes_here.routes = {"BUL"};
    const auto back = cases::find_links(
        meeting(9, "Børn, Unge og Læring", "2020-08-31", {item(41, 3, "Rapport fra taskforce")}),
        {meeting(3, "Direktionen", "2020-08-17", {routes_here})}, patterns());
    REQUIRE(back.size() == 1);
    CHECK(back[0].from == 9);
    CHECK(back[0].to == 41);
    CHECK(cases::title_window("2020-08-31") ==
          std::pair<std::string, std::string>{"2020-05-01", "2020-12-31"});
    CHECK_FALSE(cases::title_window("31-08-2020"));
}

TEST_CASE("join rules: one link per pair, by the most trusted rule", "[case_rules]") {
    auto x = item(50, 1, "Rapport fra Task Force");
    x.case_number = "00.01";
    x.quotes = {Quote{"ØU", "2020-08-24", 2}};
    x.routes = {"ØU"};
    auto y = item(2, 2, "Rapport fra Task Force");
    y.case_number = "00.01";
    const auto links =
        cases::find_links(meeting(9, "Børn, Unge og Læring", "2020-08-31", {x}),
                          {meeting(1, "Økonomiudvalget", "2020-08-24", {y})}, patterns());
    REQUIRE(links.size() == 1);
    CHECK(links[0].rule == Rule::CaseNumber);
    CHECK(cases::rule_name(Rule::Quoted) == "quoted");
    CHECK(cases::rule_named("case_number") == Rule::CaseNumber);
    CHECK(cases::rule_named("something else") == Rule::Title);
}

TEST_CASE("grouping: joined items are one case, named after the earliest, split items never",
          "[case_rules]") {
    const std::vector<cases::Member> members = {
        {10, "S|BUL|2020-08-31|213", "2020-08-31", "Taskforce (BUL)", std::nullopt, 7},
        {11, "S|DIR|2020-08-17|2", "2020-08-17", "Taskforce (DIR)", "00.01", 7},
        {12, "S|ØU|2020-09-14|5", "2020-09-14", "Taskforce (ØU)", "00.02", std::nullopt},
        {13, "S|KB|2020-09-28|9", "2020-09-28", "Taskforce (KB)", std::nullopt, std::nullopt},
    };
    const std::vector<cases::StoredLink> links = {
        {10, 11, Rule::Quoted}, {12, 10, Rule::Title}, {13, 12, Rule::Quoted}};
    const std::vector<cases::CaseRow> old = {{7, "S|DIR|2020-08-17|2", "Old title", "00.01"}};

    auto planned = cases::group_cases(members, links, {}, old);
    REQUIRE(planned.size() == 1);
    CHECK(planned[0].members == std::vector<size_t>{1, 0, 2, 3});
    CHECK(planned[0].key == "S|DIR|2020-08-17|2");
    CHECK(planned[0].title == "Taskforce (DIR)");
    CHECK(planned[0].case_number == "00.01");
    CHECK(planned[0].reuse == 7);
    CHECK(planned[0].row_changed);  // the title changed

    // The user split ØU's item from BUL's: the title link between them is refused, and the
    // quotation joins KB to ØU, so ØU and KB are a case of their own, a new row.
    planned =
        cases::group_cases(members, links, {{"S|BUL|2020-08-31|213", "S|ØU|2020-09-14|5"}}, old);
    REQUIRE(planned.size() == 2);
    CHECK(planned[0].members == std::vector<size_t>{1, 0});
    CHECK(planned[0].reuse == 7);
    CHECK(planned[1].members == std::vector<size_t>{2, 3});
    CHECK(planned[1].key == "S|ØU|2020-09-14|5");
    CHECK_FALSE(planned[1].reuse);
    CHECK(planned[1].case_number == "00.02");
}

TEST_CASE("case state: postponed, awaiting the route, open promise, decided", "[case_rules]") {
    const auto& rules = patterns();
    const std::optional<std::string> stevns = "Stevns";
    const std::vector<cases::RouteStop> route = {{"via", "Direktionen", "DIR"},
                                                 {"via", "Økonomiudvalget", "ØU"},
                                                 {"to", "Kommunalbestyrelsen", "KB"}};
    std::vector<cases::Appearance> timeline = {
        {"2020-08-17", "Direktionen", 2, "recommended", "Anbefales."}};

    CHECK(
        cases::case_state({{"2020-08-17", "Direktionen", 2, "", ""}}, route, rules, stevns).state ==
        "no decision");

    auto s = cases::case_state(timeline, route, rules, stevns);
    CHECK(s.state == "awaiting");
    CHECK(s.awaiting ==
          std::vector<std::string>{"Økonomiudvalget (ØU)", "Kommunalbestyrelsen (KB)"});

    timeline.push_back({"2020-09-14", "ØU", 5, "postponed", "Udsat."});
    CHECK(cases::case_state(timeline, route, rules, stevns).state == "postponed");

    timeline.push_back(
        {"2020-09-28", "KB", 9, "approved", "Godkendt. Sagen forelægges igen i foråret 2021."});
    s = cases::case_state(timeline, route, rules, stevns);
    CHECK(s.state == "open promise");
    CHECK(s.awaiting.empty());
    REQUIRE(s.open_promises.size() == 1);
    CHECK(s.open_promises[0] == "Sagen forelægges igen i foråret 2021. (KB, 2020-09-28, pkt. 9)");

    timeline.back().text = "Godkendt.";
    CHECK(cases::case_state(timeline, route, rules, stevns).state == "decided");
    CHECK(cases::decision_ref("KB", "", 9) == "KB, pkt. 9");
}
