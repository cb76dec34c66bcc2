// Case tracking: small hand-written minutes of several bodies run through segment + parse, then
// stored; every join rule, ingest order, splits that survive re-ingest, and the case's state.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "cases/title_similarity.hpp"
#include "cli/render.hpp"
#include "extract/extract.hpp"
#include "helpers.hpp"
#include "parse/json.hpp"
#include "parse/parse.hpp"
#include "query/case.hpp"
#include "segment/segment.hpp"
#include "store/cases.hpp"
#include "store/database.hpp"
#include "util/item_key.hpp"

using namespace referat;
using referat::store::Database;
using referat::store::Statement;
using referat::testing::patterns;
using referat::testing::TempDb;

namespace {

Referat parse_minutes(const std::string& name, const std::string& minutes,
                      SourceFormat format = SourceFormat::Text) {
    ExtractedText t;
    t.source = name;
    t.format = format;
    t.content_hash = std::to_string(std::hash<std::string>{}(minutes));
    t.pages.push_back(Page{});
    std::istringstream in(minutes);
    for (std::string line; std::getline(in, line);) t.pages[0].lines.push_back(line);
    segment::Segmenter seg(patterns());
    return parse::parse(seg.segment(t), patterns());
}

// Stevns: a case passes Direktionen, is postponed by BUL, recommended by BUL, then goes to ØU
// and KB. DIR, BUL and the quoting item use different titles, so only quotations join them.
const std::string kDir = R"(Referat
Stevns Kommune
Direktionen
Mødedato: 17. august 2020

 • 1. Dagsorden - godkendelse
  Beslutning
  Godkendt.

 • 2. Taskforce: rapport og udviklingsplan
  Indstilling
  Børn & Læring indstiller til KB via DIR, BUL og ØU, at
  1. planen godkendes.
  Beslutning
  Anbefales.
)";

const std::string kBul18 = R"(Referat
Børn, Unge og Læring
Mødedato: 18. august 2020

 • 203. Dagsorden - godkendelse
  Beslutning
  Godkendt.

 • 204. Rapport og plan fra Socialstyrelsen
  Indstilling
  Børn & Læring indstiller til KB via DIR, BUL og ØU, at
  1. planen godkendes.
  Direktionen, 17. august 2020, pkt. 2:
  Anbefales.
  Beslutning
  Ikke til stede: Steen S. Hansen (A)
  Sagen udsættes.
)";

const std::string kBul31 = R"(Referat
Børn, Unge og Læring
Mødedato: 31. august 2020

 • 212. Dagsorden - godkendelse
  Beslutning
  Godkendt.

 • 213. Rapport fra socialstyrelsens taskforce og fornyet intern udviklingsplan
  Indstilling
  Børn & Læring indstiller til KB via DIR og BUL og ØU, at
  1. planen godkendes.
  Direktionen, 17. august 2020, pkt. 2:
  Anbefales.
  Børn, Unge og Læring, 18. august 2020, pkt. 204:
  Ikke til stede: Steen S. Hansen (A)
  Sagen udsættes.
  Beslutning
  Ikke tilstede: Jacob Panton-Kristiansen (V)
  Anbefales. BUL forelægges på næste møde en implementeringsplan.
)";

// ØU quotes nothing: only the title (and BUL's route naming ØU) joins it.
std::string ou(const std::string& decision = "Anbefales.") {
    return R"(Referat
Stevns Kommune
Økonomiudvalget
Mødedato: 9. september 2020

 • 300. Dagsorden - godkendelse
  Beslutning
  Godkendt.

 • 301. Rapport fra Socialstyrelsens Task Force og fornyet intern udviklingsplan
  Beslutning
  )" + decision +
           "\n";
}

const std::string kKb = R"(Referat
Stevns Kommune
Kommunalbestyrelsen
Mødedato: 24. september 2020

 • 88. Rapport fra socialstyrelsens taskforce og fornyet intern udviklingsplan
  Beslutning
  Godkendt.
)";

struct Db {
    TempDb tmp{"referat-cases-"};
    Database db{tmp.path.string()};

    Database::Outcome add(const std::string& minutes) {
        return db.store(parse_minutes("m.txt", minutes), patterns()).outcome;
    }

    long long count(const std::string& sql) {
        Statement st(db.handle(), sql);
        REQUIRE(st.step());
        return st.column_int(0);
    }

    long long item(const std::string& committee, const std::string& date, int number,
                   const std::string& municipality = "Stevns") {
        Statement st(db.handle(), "SELECT id FROM items WHERE key = ?1");
        st.bind(1, cases::item_key(municipality, committee, date, number, ""));
        REQUIRE(st.step());
        return st.column_int(0);
    }

    long long case_of(long long item_id) {
        Statement st(db.handle(), "SELECT case_id FROM items WHERE id = ?1");
        st.bind(1, item_id);
        REQUIRE(st.step());
        REQUIRE_FALSE(st.is_null(0));
        return st.column_int(0);
    }

    // Item key → key of its case: the partition of the items into cases, free of row ids.
    std::map<std::string, std::string> partition() {
        std::map<std::string, std::string> out;
        Statement st(db.handle(),
                     "SELECT i.key, c.key FROM items i JOIN cases c ON c.id = i.case_id");
        while (st.step()) out[st.column_text(0)] = st.column_text(1);
        return out;
    }

    // Joins as (key, key, rule), the keys in order.
    std::set<std::tuple<std::string, std::string, std::string>> links() {
        std::set<std::tuple<std::string, std::string, std::string>> out;
        Statement st(db.handle(),
                     "SELECT a.key, b.key, l.rule FROM case_links l JOIN items a ON "
                     "a.id = l.item_id JOIN items b ON b.id = l.other_item_id");
        while (st.step()) {
            const auto a = st.column_text(0), b = st.column_text(1);
            out.emplace(std::min(a, b), std::max(a, b), st.column_text(2));
        }
        return out;
    }

    std::string rule(long long a, long long b) {
        Statement st(db.handle(),
                     "SELECT rule FROM case_links WHERE (item_id = ?1 AND other_item_id = ?2) "
                     "OR (item_id = ?2 AND other_item_id = ?1)");
        st.bind(1, a).bind(2, b);
        return st.step() ? st.column_text(0) : "";
    }

    query::CaseView view(long long item_id) { return query::load_case(db, patterns(), item_id); }
};

const char* const kBul = "Børn, Unge og Læring";

}  // namespace

TEST_CASE("title similarity, item keys and day numbers", "[cases]") {
    CHECK(cases::title_similarity("Rapport fra Task Force", "Rapport fra taskforce") == 1.0);
    CHECK(
        cases::title_similarity("Rapport fra socialstyrelsens taskforce og fornyet udviklingsplan",
                                "Rapport fra Socialstyrelsens Task Force og fornyet intern "
                                "udviklingsplan") > 0.85);
    CHECK(cases::title_similarity("Budget 2021", "Budget 2022") == 0.0);
    CHECK(cases::title_similarity("Kapacitet i dagtilbud", "Indkøb af varslingssystem") < 0.3);
    CHECK(cases::title_similarity("", "") == 0.0);
    CHECK(cases::item_key("Stevns", "Direktionen", "2020-08-17", 2, "abc") ==
          "Stevns|Direktionen|2020-08-17|2");
    CHECK(cases::item_key(std::nullopt, std::nullopt, "2020-08-17", 2, "abc") == "sha256:abc|2");
    CHECK(*cases::day_number("2020-08-31") - *cases::day_number("2020-08-17") == 14);
    CHECK(*cases::day_number("2021-03-01") - *cases::day_number("2020-12-31") == 60);
    CHECK_FALSE(cases::day_number("2020-02-30").has_value());
    CHECK_FALSE(cases::day_number("31-08-2020").has_value());
}

TEST_CASE("body names resolve per municipality", "[cases]") {
    CHECK(patterns().full_body_name("BUL", std::string("Stevns")) == "Børn, Unge og Læring");
    CHECK(patterns().full_body_name("økonomiudvalget", std::nullopt) == "Økonomiudvalget");
    CHECK(patterns().full_body_name("DIR", std::string("Stevns")) == "Direktionen");
    CHECK(patterns().full_body_name("KD", std::string("Lejre")) == "Koncerndirektionen");
    CHECK(patterns().full_body_name("Et  ukendt råd", std::string("Stevns")) == "Et ukendt råd");
}

TEST_CASE("every stored item belongs to a case, procedural items to their own", "[cases]") {
    Db d;
    d.add(kDir);
    d.add(kBul18);
    Statement st(d.db.handle(), "SELECT count(*) FROM items WHERE case_id IS NULL");
    REQUIRE(st.step());
    CHECK(st.column_int(0) == 0);
    // "Dagsorden - godkendelse" at both meetings: generic titles never join.
    CHECK(d.case_of(d.item("Direktionen", "2020-08-17", 1)) !=
          d.case_of(d.item(kBul, "2020-08-18", 203)));
}

TEST_CASE("quoted decisions join the items they name, through abbreviations too", "[cases]") {
    Db d;
    d.add(kDir);
    d.add(kBul18);
    d.add(kBul31);
    const auto dir = d.item("Direktionen", "2020-08-17", 2);
    const auto b18 = d.item(kBul, "2020-08-18", 204);
    const auto b31 = d.item(kBul, "2020-08-31", 213);
    CHECK(d.case_of(dir) == d.case_of(b18));
    CHECK(d.case_of(b18) == d.case_of(b31));
    CHECK(d.rule(b18, dir) == "quoted");
    CHECK(d.rule(b31, b18) == "quoted");

    // The stored items stand for their quotations: three entries, none of them quoted.
    const auto c = d.view(b31);
    REQUIRE(c.timeline.size() == 3);
    CHECK(std::none_of(c.timeline.begin(), c.timeline.end(),
                       [](const auto& e) { return !e.item_id; }));
    CHECK(c.timeline[0].item_id == dir);
    CHECK(c.timeline[1].outcome == "postponed");
    CHECK(c.timeline[1].absent == std::vector<std::string>{"Steen S. Hansen (A)"});
    CHECK(c.key == cases::item_key("Stevns", "Direktionen", "2020-08-17", 2, ""));
}

TEST_CASE("a quotation written with an abbreviation joins the full-named meeting", "[cases]") {
    Db d;
    d.add(kDir);
    std::string abbreviated = kBul18;
    const std::string full = "Direktionen, 17. august 2020, pkt. 2:";
    abbreviated.replace(abbreviated.find(full), full.size(), "DIR, 17. august 2020, pkt. 2:");
    d.add(abbreviated);
    CHECK(d.rule(d.item(kBul, "2020-08-18", 204), d.item("Direktionen", "2020-08-17", 2)) ==
          "quoted");
}

TEST_CASE("quoted decisions of meetings not stored appear on the timeline, marked", "[cases]") {
    Db d;
    d.add(kBul31);
    const auto c = d.view(d.item(kBul, "2020-08-31", 213));
    REQUIRE(c.timeline.size() == 3);
    CHECK_FALSE(c.timeline[0].item_id);
    CHECK(c.timeline[0].body == "Direktionen");
    CHECK(c.timeline[0].number == 2);
    CHECK(c.timeline[0].outcome == "recommended");
    CHECK_FALSE(c.timeline[1].item_id);
    CHECK(c.timeline[1].date == "2020-08-18");
    CHECK(c.timeline[1].outcome == "postponed");
    CHECK(c.timeline[1].absent == std::vector<std::string>{"Steen S. Hansen (A)"});
    CHECK(c.timeline[1].quoted_in.find("pkt. 213") != std::string::npos);
    CHECK(c.timeline[2].item_id);
    CHECK(c.timeline[2].absent == std::vector<std::string>{"Jacob Panton-Kristiansen (V)"});
    const auto text = cli::format_case(c);
    CHECK(text.find("Direktionen, pkt. 2  [quoted]  recommended") != std::string::npos);
}

TEST_CASE("a Sagsforløb row joins the decision it reports, like a quotation", "[cases]") {
    // FirstAgenda (Aarhus) reports a case's earlier decisions as Udvalg / Dato / Punktnummer rows.
    Db d;
    d.add(R"(Referat
Aarhus Kommune
Magistraten
Mødedato: 2. september 2025

Punkt 12: Pier 3 - udviklingsplan med omgivelser
Beslutning
Fremsendes til Aarhus Byråd med anbefaling.
)");
    d.add(R"(Referat
Aarhus Kommune
Teknisk Udvalg
Mødedato: 22. september 2025

Punkt 2: Udviklingsplan for Pier 3
Beslutning
Udsat.
Sagsforløb
Udvalg: Magistraten
Dato: 02-09-2025
Punktnummer: 12
Fremsendes til Aarhus Byråd med anbefaling.
)");
    const auto mag = d.item("Magistraten", "2025-09-02", 12, "Aarhus");
    const auto tu = d.item("Teknisk Udvalg", "2025-09-22", 2, "Aarhus");
    CHECK(d.case_of(mag) == d.case_of(tu));
    CHECK(d.rule(mag, tu) == "quoted");
    CHECK(d.view(tu).state == "postponed");
}

TEST_CASE("two items quoting the same decision are one case", "[cases]") {
    Db d;
    d.add(kBul18);  // quotes Direktionen 17 August pkt. 2, which is not stored
    d.add(R"(Referat
Stevns Kommune
Økonomiudvalget
Mødedato: 9. september 2020

 • 301. Helt andet navn på sagen
  Direktionen, 17. august 2020, pkt. 2:
  Anbefales.
  Beslutning
  Anbefales.
)");
    const auto b18 = d.item(kBul, "2020-08-18", 204);
    const auto ou = d.item("Økonomiudvalget", "2020-09-09", 301);
    CHECK(d.case_of(b18) == d.case_of(ou));
    CHECK(d.rule(ou, b18) == "quoted");
    // The shared quotation is on the timeline once.
    CHECK(d.view(ou).timeline.size() == 3);
}

TEST_CASE("the printed case number joins items of one municipality only", "[cases]") {
    Db d;
    d.add(R"(Referat
Lejre Kommune
Koncerndirektionen
Dato: 30-05-2017

3. KD - Kvalitetsudvikling på børneområdet
Sagsnr.: 17/6488
Beslutning Koncerndirektionen den 30-05-2017:
Godkendt.
)");
    d.add(R"(Referat
Udvalget for Børn & Ungdom
onsdag den 7. juni 2017

6. BU - Nye fokuseringer i det specialiserede børneområde
Sagsnr.: 17/6488
Beslutning Udvalget for Børn & Ungdom den 07-06-2017:
Anbefales.
)");
    // Same number in another municipality: another case.
    d.add(R"(Referat
Børn, Unge og Læring
Mødedato: 8. juni 2017

 • 40. Skolernes ferieplan
  Sagsnr. 17/6488
  Beslutning
  Godkendt.
)");
    const auto kd = d.item("Koncerndirektionen", "2017-05-30", 3, "Lejre");
    const auto bu = d.item("Udvalget for Børn & Ungdom", "2017-06-07", 6, "Lejre");
    const auto stevns = d.item(kBul, "2017-06-08", 40);
    CHECK(d.case_of(kd) == d.case_of(bu));
    CHECK(d.rule(kd, bu) == "case_number");
    CHECK(d.case_of(stevns) != d.case_of(kd));
    CHECK(d.view(bu).case_number == "17/6488");
    // "Where is 17/6488 now": the Lejre case and the Stevns item, each once, in date order;
    // typed with spaces too.
    for (const std::string typed : {"17/6488", " 17 / 6488"}) {
        const auto by_number = query::load_cases_by_number(d.db, patterns(), typed);
        REQUIRE(by_number.size() == 2);
        CHECK(by_number[0].id == d.case_of(kd));
        CHECK(by_number[0].timeline.size() == 2);
        CHECK(by_number[1].id == d.case_of(stevns));
    }
    CHECK_THROWS_WITH(query::load_cases_by_number(d.db, patterns(), "99/1"),
                      "no item with Sagsnr. 99/1");
    CHECK(referat::cli::case_line(query::case_of_item(d.db, bu), bu) ==
          "case: " + std::to_string(d.case_of(bu)) + " (2 items; referat case " +
              std::to_string(bu) + ")\n");
    CHECK_THAT(referat::cli::case_line(query::case_of_item(d.db, stevns), stevns),
               Catch::Contains("(1 item;"));
}

TEST_CASE("a quotation without pkt. joins the item of that meeting with the same title",
          "[cases]") {
    Db d;
    d.add(R"(Referat
Udvalget for Børn & Ungdom
tirsdag den 9. maj 2017

4. BU - Ledelsesinformation på det specialiserede børneområde
Beslutning Udvalget for Børn & Ungdom den 09-05-2017:
Punktet blev udsat.

5. BU - Tilskud til puljeinstitutioner
Beslutning Udvalget for Børn & Ungdom den 09-05-2017:
Godkendt.
)");
    d.add(R"(Referat
Udvalget for Børn & Ungdom
onsdag den 7. juni 2017

4. BU - Ledelsesinformation på det specialiserede børneområde
Beslutning Udvalget for Børn & Ungdom den 09-05-2017:
Punktet blev udsat.
Beslutning Udvalget for Børn & Ungdom den 07-06-2017
Taget til efterretning.
)");
    const auto may = d.item("Udvalget for Børn & Ungdom", "2017-05-09", 4, "Lejre");
    const auto june = d.item("Udvalget for Børn & Ungdom", "2017-06-07", 4, "Lejre");
    CHECK(d.rule(june, may) == "quoted");
    CHECK(d.case_of(d.item("Udvalget for Børn & Ungdom", "2017-05-09", 5, "Lejre")) !=
          d.case_of(june));
    const auto c = d.view(june);
    REQUIRE(c.timeline.size() == 2);
    CHECK(c.timeline[0].item_id == may);
    CHECK(c.state == "decided");
}

TEST_CASE("nearly the same title joins a body on the route within a few months", "[cases]") {
    Db d;
    d.add(kBul31);
    d.add(ou());
    const auto b31 = d.item(kBul, "2020-08-31", 213);
    const auto ou_item = d.item("Økonomiudvalget", "2020-09-09", 301);
    CHECK(d.case_of(b31) == d.case_of(ou_item));
    CHECK(d.rule(b31, ou_item) == "title");

    SECTION("not at a body off the route") {
        Db other;
        other.add(kBul31);
        std::string pmt = ou();
        pmt.replace(pmt.find("Økonomiudvalget"), std::string("Økonomiudvalget").size(),
                    "Plan, Miljø og Teknik");
        other.add(pmt);
        CHECK(other.case_of(other.item(kBul, "2020-08-31", 213)) !=
              other.case_of(other.item("Plan, Miljø og Teknik", "2020-09-09", 301)));
    }
    SECTION("not half a year later") {
        Db other;
        other.add(kBul31);
        std::string late = ou();
        late.replace(late.find("9. september 2020"), std::string("9. september 2020").size(),
                     "9. marts 2021");
        other.add(late);
        CHECK(other.case_of(other.item(kBul, "2020-08-31", 213)) !=
              other.case_of(other.item("Økonomiudvalget", "2021-03-09", 301)));
    }
    SECTION("not with another title") {
        Db other;
        other.add(kBul31);
        std::string unlike = ou();
        unlike.replace(unlike.find("Rapport fra"), std::string("Rapport fra").size(),
                       "Budgetopfølgning og");
        other.add(unlike);
        CHECK(other.case_of(other.item(kBul, "2020-08-31", 213)) !=
              other.case_of(other.item("Økonomiudvalget", "2020-09-09", 301)));
    }
}

TEST_CASE("ingest order does not change the cases", "[cases]") {
    const std::vector<std::string> files{kDir, kBul18, kBul31, ou(), kKb};
    std::vector<size_t> order{0, 1, 2, 3, 4};
    Db first;
    for (const auto i : order) first.add(files[i]);
    const auto expected = first.partition();
    const auto expected_links = first.links();
    // All five items of the case in one case, keyed by the earliest.
    const auto dir_key = cases::item_key("Stevns", "Direktionen", "2020-08-17", 2, "");
    CHECK(std::count_if(expected.begin(), expected.end(),
                        [&](const auto& kv) { return kv.second == dir_key; }) == 5);

    int permutations = 0;
    while (std::next_permutation(order.begin(), order.end())) {
        if (++permutations % 7 != 0 && order != std::vector<size_t>{4, 3, 2, 1, 0}) continue;
        Db other;
        for (const auto i : order) other.add(files[i]);
        INFO("order " << order[0] << order[1] << order[2] << order[3] << order[4]);
        CHECK(other.partition() == expected);
        CHECK(other.links() == expected_links);
    }
}

TEST_CASE("case split undoes a join and survives re-ingest of corrected minutes", "[cases]") {
    Db d;
    d.add(kDir);
    d.add(kBul18);
    d.add(kBul31);
    d.add(ou());
    const auto dir = d.item("Direktionen", "2020-08-17", 2);
    auto ou_item = d.item("Økonomiudvalget", "2020-09-09", 301);
    REQUIRE(d.case_of(ou_item) == d.case_of(dir));

    const auto new_case = store::split_case(d.db, {ou_item});
    CHECK(new_case == d.case_of(ou_item));
    CHECK(d.case_of(ou_item) != d.case_of(dir));
    CHECK(d.case_of(d.item(kBul, "2020-08-31", 213)) == d.case_of(dir));

    // A corrected ØU file replaces the meeting: the split holds.
    CHECK(d.add(ou("Anbefales med en bemærkning.")) == Database::Outcome::Replaced);
    ou_item = d.item("Økonomiudvalget", "2020-09-09", 301);
    CHECK(d.case_of(ou_item) != d.case_of(dir));
    // So it does when the other side of the split is replaced.
    std::string corrected = kBul31;
    corrected.replace(corrected.find("implementeringsplan."),
                      std::string("implementeringsplan.").size(), "implementeringsplan for BUL.");
    CHECK(d.add(corrected) == Database::Outcome::Replaced);
    const auto b31 = d.item(kBul, "2020-08-31", 213);
    CHECK(d.case_of(b31) == d.case_of(dir));
    CHECK(d.case_of(ou_item) != d.case_of(dir));
    CHECK(d.partition().size() == 8);  // every item of the four meetings still has a case

    SECTION("bad splits are refused with one line") {
        CHECK_THROWS_WITH(store::split_case(d.db, {999999}), "no item with id 999999");
        CHECK_THROWS_WITH(store::split_case(d.db, {ou_item}),
                          Catch::StartsWith("nothing to split"));
        CHECK_THROWS_WITH(store::split_case(d.db, {dir, ou_item}),
                          Catch::Contains("different cases"));
    }
    SECTION("several items leave together and stay joined to each other") {
        const auto b18 = d.item(kBul, "2020-08-18", 204);
        store::split_case(d.db, {b18, b31});
        CHECK(d.case_of(b18) == d.case_of(b31));
        CHECK(d.case_of(b18) != d.case_of(dir));
    }
}

TEST_CASE("a corrected version of a meeting keeps its items', meeting's and cases' ids",
          "[cases]") {
    Db d;
    d.add(kDir);
    d.add(kBul18);
    d.add(kBul31);
    const auto b212 = d.item(kBul, "2020-08-31", 212);
    const auto b213 = d.item(kBul, "2020-08-31", 213);
    const auto case213 = d.case_of(b213), case212 = d.case_of(b212);
    const auto meeting = d.count("SELECT meeting_id FROM items WHERE id = " + std::to_string(b213));
    REQUIRE(case213 == d.case_of(d.item("Direktionen", "2020-08-17", 2)));

    // Corrected: a word of 213's decision, and an item added.
    std::string corrected = kBul31;
    corrected.replace(corrected.find("implementeringsplan."),
                      std::string("implementeringsplan.").size(), "implementeringsplan for BUL.");
    corrected += "\n • 214. Samarbejdet i de politiske udvalg\n  Beslutning\n  Drøftet.\n";
    REQUIRE(d.add(corrected) == Database::Outcome::Replaced);
    CHECK(d.item(kBul, "2020-08-31", 213) == b213);
    CHECK(d.item(kBul, "2020-08-31", 212) == b212);
    CHECK(d.item(kBul, "2020-08-31", 214) > b213);  // new: an id never used before
    CHECK(d.case_of(b213) == case213);
    CHECK(d.case_of(b212) == case212);
    CHECK(d.count("SELECT meeting_id FROM items WHERE id = " + std::to_string(b213)) == meeting);
    // The corrected text is what search finds, and the index agrees with the rows.
    CHECK(d.count("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'decision: bul'") == 1);
    CHECK(d.db.check().empty());
}

TEST_CASE("the PDF and the text export of one meeting are one meeting, the PDF kept", "[cases]") {
    const auto pdf = parse_minutes("bul.pdf", kBul31, SourceFormat::Pdf);
    std::string exported = kBul31;
    exported.replace(exported.find("Referat\n"), 8, "Referat\n\n");  // another file's bytes
    const auto text = parse_minutes("bul.txt", exported);
    REQUIRE(pdf.content_hash != text.content_hash);

    for (const bool pdf_first : {true, false}) {
        INFO("PDF first: " << pdf_first);
        Db d;
        const auto first = d.db.store(pdf_first ? pdf : text, patterns());
        CHECK(first.outcome == Database::Outcome::Stored);
        const auto b213 = d.item(kBul, "2020-08-31", 213);
        for (int run = 0; run < 2; ++run) {  // a second run changes nothing
            const auto second = d.db.store(pdf_first ? text : pdf, patterns());
            const auto again = d.db.store(pdf_first ? pdf : text, patterns());
            CHECK(d.count("SELECT count(*) FROM meetings") == 1);
            CHECK(d.count("SELECT count(*) FROM meetings WHERE source = 'bul.pdf'") == 1);
            CHECK(d.item(kBul, "2020-08-31", 213) == b213);
            const auto& text_result = pdf_first ? second : again;
            CHECK(text_result.outcome == Database::Outcome::Unchanged);
            REQUIRE(text_result.kept);
            CHECK(text_result.kept->source == "bul.pdf");
            CHECK(text_result.kept->why ==
                  "a PDF with a text layer is kept rather than a text export");
            if (!pdf_first && run == 0) {
                CHECK(second.outcome == Database::Outcome::Replaced);
                REQUIRE(second.replaced.size() == 1);
                CHECK(second.replaced[0].source == "bul.txt");
                CHECK_THAT(second.replaced[0].why, Catch::Contains("a PDF with a text layer"));
            }
        }
    }
    SECTION("a PDF read by OCR gives way to the text export") {
        Db d;
        auto scanned = pdf;
        scanned.ocr = true;
        d.db.store(scanned, patterns());
        CHECK(d.db.store(text, patterns()).outcome == Database::Outcome::Replaced);
        CHECK(d.count("SELECT count(*) FROM meetings WHERE source = 'bul.txt'") == 1);
    }
}

TEST_CASE("a postponed item joins the committee's next item of the same title", "[cases]") {
    const auto meeting = [](const std::string& date, int number, const std::string& decision) {
        return "Referat\nBørn, Unge og Læring\nMødedato: " + date + "\n\n • " +
               std::to_string(number) + ". Kapacitet i dagtilbud\n  Beslutning\n  " + decision +
               "\n";
    };
    const auto june = meeting("9. juni 2020", 197, "Udsat til næste møde.");
    const auto august = meeting("31. august 2020", 214, "Godkendt.");
    const auto october = meeting("5. oktober 2020", 230, "Godkendt.");
    Db d;
    d.add(october);  // out of order: the join does not depend on it
    d.add(august);
    d.add(june);
    const auto jun = d.item(kBul, "2020-06-09", 197);
    const auto aug = d.item(kBul, "2020-08-31", 214);
    const auto oct = d.item(kBul, "2020-10-05", 230);
    CHECK(d.case_of(jun) == d.case_of(aug));
    CHECK(d.rule(jun, aug) == "title");
    // October's item is another matter: August decided it, and only the next item joins.
    CHECK(d.case_of(oct) != d.case_of(aug));
    const auto timeline = d.view(aug).timeline;
    REQUIRE(timeline.size() == 2);
    CHECK_THAT(timeline.front().joins.at(0), Catch::Contains("postponed"));

    SECTION("a decision that promises a return joins too") {
        Db p;
        p.add(meeting("9. juni 2020", 197,
                      "Taget til efterretning. Administrationen vender tilbage i august."));
        p.add(august);
        CHECK(p.case_of(p.item(kBul, "2020-06-09", 197)) ==
              p.case_of(p.item(kBul, "2020-08-31", 214)));
    }
    SECTION("a decided item does not join the next of the same title") {
        Db p;
        p.add(meeting("9. juni 2020", 197, "Godkendt."));
        p.add(august);
        CHECK(p.case_of(p.item(kBul, "2020-06-09", 197)) !=
              p.case_of(p.item(kBul, "2020-08-31", 214)));
    }
}

TEST_CASE("a meeting the join read in a batch that rolled back is read again", "[cases]") {
    const auto meeting = [](const std::string& date, const std::string& title,
                            const std::string& decision) {
        return "Referat\nBørn, Unge og Læring\nMødedato: " + date + "\n\n • 197. " + title +
               "\n  Beslutning\n  " + decision + "\n";
    };
    const auto august = meeting("31. august 2020", "Kapacitet i dagtilbud", "Godkendt.");
    Db d;
    long long rolled_back_id = 0;
    {
        // June postponed the item August decides: the join reads June's meeting for August's.
        Database::Batch batch(d.db);
        rolled_back_id =
            d.db.store(parse_minutes("m.txt", meeting("9. juni 2020", "Kapacitet i dagtilbud",
                                                      "Udsat til næste møde.")),
                       patterns())
                .meeting_id;
        d.add(august);
        REQUIRE(d.count("SELECT count(*) FROM case_links") == 1);
    }
    // Other minutes of June take the ids the rolled-back rows had.
    const auto june = d.db.store(
        parse_minutes("m.txt", meeting("9. juni 2020", "Skolestruktur", "Udsat til næste møde.")),
        patterns());
    REQUIRE(june.meeting_id == rolled_back_id);
    d.add(august);
    CHECK(d.count("SELECT count(*) FROM case_links") == 0);
    CHECK(d.case_of(d.item(kBul, "2020-06-09", 197)) != d.case_of(d.item(kBul, "2020-08-31", 197)));
}

TEST_CASE("the state of a case: postponed, awaiting, open promise, decided", "[cases]") {
    Db d;
    d.add(kDir);
    d.add(kBul18);
    const auto dir = d.item("Direktionen", "2020-08-17", 2);
    CHECK(d.view(dir).state == "postponed");

    d.add(kBul31);
    auto c = d.view(dir);
    CHECK(c.state == "awaiting");
    CHECK(c.awaiting ==
          std::vector<std::string>{"Økonomiudvalget (ØU)", "Kommunalbestyrelsen (KB)"});
    REQUIRE(c.open_promises.size() == 1);
    CHECK(c.open_promises[0].find("BUL forelægges på næste møde en implementeringsplan.") == 0);
    CHECK(cli::format_case(c).find(
              "recommended onwards, awaits Økonomiudvalget (ØU) and Kommunalbestyrelsen (KB)") !=
          std::string::npos);

    d.add(ou());
    c = d.view(dir);
    CHECK(c.awaiting == std::vector<std::string>{"Kommunalbestyrelsen (KB)"});
    CHECK(c.open_promises.empty());  // a later item followed the promise

    d.add(kKb);
    c = d.view(dir);
    CHECK(c.state == "decided");
    CHECK(c.awaiting.empty());
    CHECK(c.timeline.size() == 5);

    Db promise;
    promise.add(R"(Referat
Børn, Unge og Læring
Mødedato: 31. august 2020

 • 220. Ny legeplads ved skolen
  Beslutning
  Drøftet. Forvaltningen vender tilbage til udvalget i september.

 • 221. Skolebus
)");
    c = promise.view(promise.item(kBul, "2020-08-31", 220));
    CHECK(c.state == "open promise");
    CHECK(c.open_promises ==
          std::vector<std::string>{"Forvaltningen vender tilbage til udvalget i september. "
                                   "(Børn, Unge og Læring, 2020-08-31, pkt. 220)"});
    CHECK(promise.view(promise.item(kBul, "2020-08-31", 221)).state == "no decision");
}

TEST_CASE("extract exposes the item's case key and the keys it quotes", "[cases]") {
    const auto j = parse::to_json(parse_minutes("m.txt", kBul31));
    const auto& item = j["items"][1];
    CHECK(item["case"]["key"] == "Stevns|Børn, Unge og Læring|2020-08-31|213");
    CHECK(item["case"]["quoted"] ==
          nlohmann::ordered_json::array(
              {"Stevns|Direktionen|2020-08-17|2", "Stevns|Børn, Unge og Læring|2020-08-18|204"}));
    CHECK(item["history"][1]["outcome"] == "postponed");
}

TEST_CASE("the corpus: item 213 of 31 August 2020 and its case", "[cases][corpus]") {
    Db d;
    for (const char* f :
         {"lejre_bu_2017-06-07.pdf", "stevns_bul_2020-06-09.pdf", "stevns_bul_2020-08-31.pdf"}) {
        const auto text =
            extract::extract_file(std::string(REFERAT_SOURCE_DIR "/corpus/pdf/") + f, patterns());
        segment::Segmenter seg(patterns());
        d.db.store(parse::parse(seg.segment(text), patterns()), patterns());
    }
    const auto c = d.view(d.item(kBul, "2020-08-31", 213));
    REQUIRE(c.timeline.size() == 3);
    CHECK(c.timeline[0].body == "Direktionen");
    CHECK(c.timeline[0].date == "2020-08-17");
    CHECK(c.timeline[0].number == 2);
    CHECK_FALSE(c.timeline[0].item_id);
    CHECK(c.timeline[1].body == kBul);
    CHECK(c.timeline[1].number == 204);
    CHECK(c.timeline[1].outcome == "postponed");
    CHECK(c.timeline[1].absent == std::vector<std::string>{"Steen S. Hansen (A)"});
    CHECK(c.timeline[2].number == 213);
    CHECK(c.timeline[2].outcome == "recommended");
    CHECK(c.timeline[2].source.find("stevns_bul_2020-08-31.pdf") != std::string::npos);
    CHECK(c.state == "awaiting");
    CHECK(c.awaiting ==
          std::vector<std::string>{"Økonomiudvalget (ØU)", "Kommunalbestyrelsen (KB)"});
}

TEST_CASE("the command line: case, case split and search --by-case", "[cases][cli]") {
    TempDb tmp("referat-cases-cli-");
    const std::string bin = REFERAT_BINARY;
    const std::string db = " --db '" + tmp.path.string() + "'";
    auto run = [](const std::string& cmd, std::string& out) {
        FILE* p = popen((cmd + " 2>&1").c_str(), "r");
        REQUIRE(p);
        char buf[4096];
        out.clear();
        while (const size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
        return pclose(p);
    };
    std::string out;
    REQUIRE(run(bin + " ingest" + db + " '" REFERAT_SOURCE_DIR "/corpus/text'", out) == 0);
    long long id = 0;
    {
        Database opened(tmp.path.string());
        Statement st(opened.handle(), "SELECT id FROM items WHERE number = 213");
        REQUIRE(st.step());
        id = st.column_int(0);
    }
    CHECK(run(bin + " case" + db + " " + std::to_string(id), out) == 0);
    CHECK_THAT(out, Catch::Contains("2020-08-18  Børn, Unge og Læring, pkt. 204  [quoted]  "
                                    "postponed"));
    CHECK_THAT(out, Catch::Contains("awaits Økonomiudvalget (ØU) and Kommunalbestyrelsen (KB)"));
    CHECK(run(bin + " case split" + db + " " + std::to_string(id), out) != 0);
    CHECK_THAT(out, Catch::StartsWith("nothing to split"));
    CHECK(run(bin + " case" + db, out) != 0);
    // By Sagsnr.: the Lejre item of 17/6488 (the shipped Lejre minutes print it).
    CHECK(run(bin + " case" + db + " 17/6488", out) == 0);
    CHECK_THAT(out, Catch::Contains("Sagsnr. 17/6488"));
    CHECK(run(bin + " case --json" + db + " 17/6488", out) == 0);
    CHECK_THAT(out, Catch::StartsWith("[{\"id\":"));
    CHECK(run(bin + " case" + db + " 99/99999", out) != 0);
    CHECK_THAT(out, Catch::StartsWith("no item with Sagsnr. 99/99999"));
    CHECK(run(bin + " search --by-case" + db + " taskforce", out) == 0);
    CHECK_THAT(out, Catch::Contains("item): Rapport fra socialstyrelsens taskforce"));
}
