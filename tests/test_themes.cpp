// Theme linking (patterns/themes/udviklingsplan-2.theme): inflections, compounds, exclusions,
// section weights, whole-plan adoption, municipality scope, storage, explanation and plan import.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "cli/render.hpp"
#include "extract/extract.hpp"
#include "fixtures.hpp"
#include "helpers.hpp"
#include "link/plan_import.hpp"
#include "link/themes.hpp"
#include "query/theme_report.hpp"
#include "store/database.hpp"

using namespace referat;
namespace fs = std::filesystem;

namespace {

const rules::ThemeSet& plan2() {
    for (const auto& s : testing::patterns().theme_sets())
        if (s.id == "udviklingsplan-2") return s;
    throw std::logic_error("udviklingsplan-2 not loaded");
}

Item item_with(const std::string& section, const std::string& text) {
    Item it;
    it.number = 1;
    it.title = section == "title" ? text : "Orientering";
    if (section == "resume") it.resume = text;
    if (section == "recommendation") it.recommendation = Recommendation{text, {}, {}, {}, {}};
    if (section == "decision") it.decision = Decision{text, Outcome::None, {}, {}, {}, {}};
    if (section == "case_text") it.case_text = text;
    return it;
}

std::set<int> linked(const std::vector<ThemeScore>& scores) {
    std::set<int> out;
    for (const auto& s : scores)
        if (s.linked) out.insert(s.theme);
    return out;
}

const ThemeScore* find(const std::vector<ThemeScore>& scores, int theme) {
    for (const auto& s : scores)
        if (s.theme == theme) return &s;
    return nullptr;
}

Referat stevns_bul(std::vector<Item> items) {
    Referat r;
    r.source = "bul.txt";
    r.content_hash = "hash-bul";
    r.municipality = "Stevns";
    r.committee = "Børn, Unge og Læring";
    r.date = "2020-08-31";
    r.items = std::move(items);
    return r;
}

// A patterns folder with the shipped patterns and lists and an empty themes/.
struct PatternsDir : testing::TempDir {
    PatternsDir() : TempDir("referat-patterns-") {
        fs::create_directories(path() / "themes");
        for (const auto& e : fs::directory_iterator(REFERAT_SOURCE_DIR "/patterns"))
            if (e.is_regular_file()) fs::copy_file(e.path(), path() / e.path().filename());
    }
};

}  // namespace

TEST_CASE("the shipped theme set has the plan's ten themes, scoped to Stevns", "[themes]") {
    const auto& set = plan2();
    REQUIRE(set.themes.size() == 10);
    CHECK(set.themes[0].name == "Governance for udviklingsplanen");
    CHECK(set.themes[9].name == "Budgetmæssige forudsætninger");
    CHECK(set.municipality == "Stevns");
    CHECK(set.applies_to("Stevns", "Børn, Unge og Læring"));
    CHECK(set.applies_to("Stevns", "Kommunalbestyrelsen"));
    CHECK_FALSE(set.applies_to("Stevns", "Plan, Miljø og Teknik"));
    CHECK_FALSE(set.applies_to("Lejre", "Udvalget for Børn & Ungdom"));
}

TEST_CASE("inflected forms of a term count", "[themes]") {
    for (const auto* text : {"Task Forcens anbefalinger", "taskforceforløbet fortsætter",
                             "samarbejdet med Task Forcen", "Task Force-forløbet"}) {
        const auto scores = link::score_item(item_with("decision", text), plan2());
        INFO(text);
        CHECK(linked(scores).count(4) == 1);
    }
}

TEST_CASE("compounds count: ledelsesinformationsrapporter is Ledelsesinformation", "[themes]") {
    const auto scores = link::score_item(
        item_with("decision", "Ledelsesinformationsrapporterne tages til efterretning."), plan2());
    CHECK(linked(scores) == std::set<int>{3});
    REQUIRE(find(scores, 3));
    CHECK(find(scores, 3)->evidence.at(0).section == "decision");
    CHECK(find(scores, 3)->evidence.at(0).phrase == "Ledelsesinformation");
}

TEST_CASE("paragraph references and abbreviations are terms", "[themes]") {
    CHECK(linked(link::score_item(item_with("title", "Indsatser efter § 11, stk. 3"), plan2()))
              .count(4));
    CHECK(linked(link::score_item(item_with("title", "Samarbejde med PPR"), plan2())).count(7));
    // PPR inside another word is not PPR.
    CHECK_FALSE(linked(link::score_item(item_with("title", "Opgaver i KAPPRO-projektet"), plan2()))
                    .count(7));
}

TEST_CASE("a budget item is not the plan's budget assumptions", "[themes]") {
    const auto budget =
        link::score_item(item_with("title", "Budgetforslag 2021 og budgetopfølgning"), plan2());
    CHECK(find(budget, 10) == nullptr);
    const auto assumptions = link::score_item(
        item_with("decision",
                  "Der tilføres budgetmidler svarende til 2 stillinger; sagsstamme på 27 sager."),
        plan2());
    CHECK(linked(assumptions).count(10));
}

TEST_CASE("where a match occurs weighs: title and decision over case text", "[themes]") {
    const std::string mention = "Familiehuset deltager.";
    CHECK(linked(link::score_item(item_with("title", mention), plan2())).count(7));
    CHECK(linked(link::score_item(item_with("decision", mention), plan2())).count(7));
    const auto deep = link::score_item(item_with("case_text", mention), plan2());
    REQUIRE(find(deep, 7));
    CHECK_FALSE(find(deep, 7)->linked);
    CHECK(find(deep, 7)->score < find(deep, 7)->threshold);
}

TEST_CASE("a term repeated in one section counts once", "[themes]") {
    const auto scores = link::score_item(
        item_with("case_text", "Familiehuset. Familiehuset. Familiehuset. Familiehuset."), plan2());
    REQUIRE(find(scores, 7));
    CHECK(find(scores, 7)->evidence.size() == 1);
    CHECK_FALSE(find(scores, 7)->linked);
}

TEST_CASE("adopting the whole plan concerns all ten themes", "[themes]") {
    Item it;
    it.title = "Fornyet intern udviklingsplan";
    it.recommendation = Recommendation{
        "", "Børn & Læring", {"KB"}, {}, {"forslaget til Udviklingsplan 2 tiltrædes."}};
    CHECK(linked(link::score_item(it, plan2())).size() == 10);

    it.recommendation->points = {"orienteringen om Udviklingsplan 2 tages til efterretning."};
    CHECK(linked(link::score_item(it, plan2())).size() < 10);
    it.recommendation->points = {"Udviklingsplan 2020 for skolerne godkendes."};
    CHECK(linked(link::score_item(it, plan2())).empty());
}

TEST_CASE("only minutes of the set's municipality and committees are linked", "[themes]") {
    auto r = stevns_bul({item_with("title", "Samarbejde med Familiehuset og PPR")});
    CHECK(link::link_themes(r, testing::patterns()).items[0].themes.size() == 1);
    r.municipality = "Lejre";
    r.committee = "Udvalget for Børn & Ungdom";
    CHECK(link::link_themes(r, testing::patterns()).items[0].themes.empty());
    r.municipality.reset();
    CHECK(link::link_themes(r, testing::patterns()).items[0].themes.empty());
}

TEST_CASE("links and evidence are stored, listed and explained", "[themes][store]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    auto r = link::link_themes(
        stevns_bul({item_with("title", "Ledelsesinformation og ledelsestilsyn"),
                    item_with("case_text", "Familiehuset nævnes i forbifarten.")}),
        testing::patterns());
    db.store(r, testing::patterns());

    const auto list = cli::format_theme_list(query::theme_counts(db, testing::patterns()));
    CHECK(list.find("udviklingsplan-2") != std::string::npos);
    CHECK(list.find("      3      1  Ledelsesinformation") != std::string::npos);
    CHECK(list.find("      7      0  Udvidet samarbejde med Familiehuset/PPR") !=
          std::string::npos);

    store::Statement ids(db.handle(), "SELECT id FROM items ORDER BY id");
    ids.step();
    const long long first = ids.column_int(0);
    ids.step();
    const long long second = ids.column_int(0);

    const auto explained =
        cli::format_item_themes(query::explain_item(db, first, testing::patterns()));
    CHECK(explained.find("3 Ledelsesinformation: 15 / 6  linked") != std::string::npos);
    CHECK(explained.find("title: \"Ledelsesinformation\"") != std::string::npos);
    CHECK(explained.find("10 Budgetmæssige forudsætninger: 0 / 6  not linked") !=
          std::string::npos);
    const auto passing =
        cli::format_item_themes(query::explain_item(db, second, testing::patterns()));
    CHECK(passing.find("7 Udvidet samarbejde med Familiehuset/PPR: 3 / 6  not linked") !=
          std::string::npos);
    CHECK(cli::linked_themes_line(query::linked_themes(db, first)) ==
          "themes: 3 Ledelsesinformation\n");
    CHECK(cli::linked_themes_line(query::linked_themes(db, second)).empty());
}

TEST_CASE("a theme file with a mistake names file and line", "[themes]") {
    PatternsDir dir;
    const auto load_with = [&](const std::string& body) -> std::string {
        std::ofstream(dir.path() / "themes" / "plan.theme") << body;
        try {
            rules::Rules::load(dir.path().string()).compile_all();
            return "";
        } catch (const rules::PatternError& e) {
            return e.what();
        }
    };
    const std::string head =
        "municipality Stevns\nthreshold 6\nsection title 3\nsection decision 3\n"
        "section recommendation 2\nsection resume 2\nsection case_text 1\n";
    CHECK(load_with(head + "theme 1 A\nterm 2 abc\n").empty());
    CHECK_THAT(load_with(head + "theme 1 A\nterm 2 (unclosed\n"),
               Catch::Contains("plan.theme:9: bad pattern"));
    CHECK_THAT(load_with(head + "term 2 abc\n"), Catch::Contains("plan.theme:8: 'term' before"));
    CHECK_THAT(load_with(head + "theme 1 A\nterm x abc\n"),
               Catch::Contains("plan.theme:9: expected a number"));
    CHECK_THAT(load_with(head + "committees BUL; XYZ\ntheme 1 A\nterm 2 abc\n"),
               Catch::Contains("plan.theme:8: committee 'XYZ'"));
    CHECK_THAT(load_with(head + "theme 1 A\n"), Catch::Contains("theme 1 has no 'term'"));
    CHECK_THAT(load_with(head + "theme 1 A\nterm 2 a*\n"), Catch::Contains("matches empty text"));
    // Milestones: three fields, a known body and a period the report can check.
    CHECK(load_with(head + "milestone KB; forår 2021; status\ntheme 1 A\nterm 2 abc\n"
                           "milestone BUL; hvert kvartal; status\nmilestone BUL; 2021Q2; x\n"
                           "milestone BUL; 2021-03; x\nmilestone BUL; 2021-02-28; x\n")
              .empty());
    CHECK_THAT(load_with(head + "theme 1 A\nterm 2 abc\nmilestone BUL; 2021Q2\n"),
               Catch::Contains("plan.theme:10: expected 'milestone BODY; WHEN; TEXT'"));
    CHECK_THAT(load_with(head + "theme 1 A\nterm 2 abc\nmilestone XYZ; 2021Q2; x\n"),
               Catch::Contains("plan.theme:10: unknown body 'XYZ'"));
    CHECK_THAT(load_with(head + "theme 1 A\nterm 2 abc\nmilestone BUL; sommer 2021; x\n"),
               Catch::Contains("plan.theme:10: unknown milestone time 'sommer 2021'"));
    CHECK_THAT(load_with(head + "theme 1 A\nterm 2 abc\nmilestone BUL; 2021-02-30; x\n"),
               Catch::Contains("plan.theme:10: unknown milestone time"));
}

TEST_CASE("importing the Udviklingsplan 2 finds its ten themes and their sections",
          "[themes][import]") {
    const auto plan = extract::extract_file(
        REFERAT_SOURCE_DIR "/corpus/reference/stevns_udviklingsplan_2.txt", testing::patterns());
    const auto draft = link::draft_plan(plan, testing::patterns());
    CHECK(draft.municipality == "Stevns");
    REQUIRE(draft.themes.size() == 10);
    for (size_t i = 0; i < 10; ++i) {
        INFO(i + 1);
        // The plan's own list names the themes; the shipped set follows it.
        CHECK(draft.themes[i].name.substr(0, 12) == plan2().themes[i].name.substr(0, 12));
        CHECK(draft.themes[i].section_found);
        CHECK_FALSE(draft.themes[i].terms.empty());
        CHECK_FALSE(draft.themes[i].description.empty());
    }
    CHECK(draft.themes[2].terms.at(0) == "ledelsesinformation");
    CHECK(draft.themes[6].description.find("Familiehuset/PPR") != std::string::npos);

    // The draft is a valid theme file.
    PatternsDir dir;
    std::ofstream(dir.path() / "themes" / "draft.theme") << link::format_theme_file(draft);
    const auto loaded = rules::Rules::load(dir.path().string());
    REQUIRE(loaded.theme_sets().size() == 1);
    CHECK(loaded.theme_sets()[0].themes.size() == 10);
}

TEST_CASE("a document without a numbered theme list is refused", "[themes][import]") {
    ExtractedText t;
    t.pages.push_back(Page{1, {"Referat", "", "Ingen liste her.", "", "1. Kun et punkt"}});
    CHECK_THROWS_AS(link::draft_plan(t, testing::patterns()), InputError);
}

TEST_CASE("a second theme set is a file: relinking stored items adds its links",
          "[themes][store]") {
    testing::TempDb tmp;
    store::Database db(tmp.path.string());
    db.store(link::link_themes(
                 stevns_bul({item_with("title", "Inklusion i folkeskolen og samarbejde med PPR")}),
                 testing::patterns()),
             testing::patterns());

    PatternsDir dir;
    fs::copy_file(fs::path(REFERAT_SOURCE_DIR "/patterns/themes/udviklingsplan-2.theme"),
                  dir.path() / "themes" / "udviklingsplan-2.theme");
    std::ofstream(dir.path() / "themes" / "skolepolitik.theme")
        << "name Skolepolitik 2021\nmunicipality Stevns\ncommittees BUL\nthreshold 6\n"
           "section title 3\nsection decision 3\nsection recommendation 2\nsection resume 2\n"
           "section case_text 1\ntheme 1 Inklusion\nterm 2 inklusion\n";
    const auto rules = rules::Rules::load(dir.path().string());
    REQUIRE(rules.theme_sets().size() == 2);

    const auto relinked = db.relink_themes([&](const store::Database::StoredItem& s) {
        return link::link_item(s.item, s.municipality, s.committee, rules);
    });
    CHECK(relinked == 1);
    store::Statement links(db.handle(),
                           "SELECT theme_set || ':' || theme FROM item_themes WHERE linked "
                           "ORDER BY theme_set, theme");
    std::vector<std::string> found;
    while (links.step()) found.push_back(links.column_text(0));
    CHECK(found == std::vector<std::string>{"skolepolitik:1", "udviklingsplan-2:7"});
    store::Statement id(db.handle(), "SELECT id FROM items");
    id.step();
    CHECK_THAT(cli::format_item_themes(query::explain_item(db, id.column_int(0), rules)),
               Catch::Contains("skolepolitik: Skolepolitik 2021") &&
                   Catch::Contains("1 Inklusion: 6 / 6  linked"));
}
