// Segment + parse on small minutes written for the test: one case per format variation.
#include <catch2/catch.hpp>
#include <sstream>

#include "helpers.hpp"
#include "parse/parse.hpp"
#include "segment/segment.hpp"

using namespace referat;

namespace {

Referat parse_text(const std::string& minutes) {
    ExtractedText t;
    t.source = "test.txt";
    t.pages.push_back(Page{});
    std::istringstream in(minutes);
    for (std::string line; std::getline(in, line);) t.pages[0].lines.push_back(line);
    segment::Segmenter seg(testing::patterns());
    return parse::parse(seg.segment(t), testing::patterns());
}

std::vector<std::string> names(const std::vector<Person>& people) {
    std::vector<std::string> out;
    for (const auto& p : people) out.push_back(p.name + (p.party.empty() ? "" : "/" + p.party));
    return out;
}

}  // namespace

TEST_CASE("dates in the Danish forms minutes use") {
    const auto& r = testing::patterns();
    CHECK(parse::parse_date("31. august 2020", r) == "2020-08-31");
    CHECK(parse::parse_date("d. 7 juni 2022", r) == "2022-06-07");
    CHECK(parse::parse_date("07-06-2017", r) == "2017-06-07");
    CHECK(parse::parse_date("7/6 2017", r) == "2017-06-07");
    CHECK(parse::parse_date("onsdag den 7. juni 2017", r) == "2017-06-07");
    CHECK(parse::parse_date("Mødedato: Tirsdag den 9. jun. 2020", r) == "2020-06-09");
    CHECK(parse::parse_date("2020-08-31", r) == "2020-08-31");
    CHECK_FALSE(parse::parse_date("intet her", r).has_value());
    CHECK_FALSE(parse::parse_date("45. august 2020", r).has_value());
}

TEST_CASE("absence lists: separators, party letters, hyphenated names") {
    const auto& r = testing::patterns();
    CHECK(names(parse::parse_people("Jacob Panton-Kristiansen (V)", r)) ==
          std::vector<std::string>{"Jacob Panton-Kristiansen/V"});
    CHECK(names(parse::parse_people("Anne Hansen (A), Bo Jensen (V) og Carl Olsen", r)) ==
          std::vector<std::string>{"Anne Hansen/A", "Bo Jensen/V", "Carl Olsen"});
    CHECK(names(parse::parse_people("Steen S. Hansen, A", r)) ==
          std::vector<std::string>{"Steen S. Hansen/A"});
}

TEST_CASE("outcome vocabulary") {
    const auto& r = testing::patterns();
    CHECK(outcome_name(parse::classify_outcome("Godkendt.", r)) == "approved");
    CHECK(outcome_name(parse::classify_outcome("Anbefales med en bemærkning.", r)) ==
          "recommended");
    CHECK(outcome_name(parse::classify_outcome("Drøftet og anbefales taget til efterretning.",
                                               r)) == "recommended");
    CHECK(outcome_name(parse::classify_outcome(
              "Udvalget bekræfter beslutningen fra mødet den 3. maj.", r)) == "approved");
    // An election decides; a member's nomination or votes before it do not.
    CHECK(outcome_name(parse::classify_outcome(
              "Steen S. Hansen anbefalede Henning Urban Dam som borgmester. For dette stemte 13 "
              "medlemmer (A, V). Henning Urban Dam er herefter valgt til hvervet som borgmester.",
              r)) == "approved");
    CHECK(outcome_name(parse::classify_outcome("Udsatterådet valgte Majbrit Bjerke som formand.",
                                               r)) == "approved");
    CHECK(outcome_name(parse::classify_outcome("Jens Hansen blev genvalgt som næstformand.", r)) ==
          "approved");
    CHECK(
        outcome_name(parse::classify_outcome(
            "Borgmesteren orienterede om at han var valgt til Movias bestyrelse. Til orientering.",
            r)) == "noted");
    CHECK(outcome_name(parse::classify_outcome("Udvalget valgte at udsætte sagen.", r)) ==
          "postponed");
    CHECK(outcome_name(parse::classify_outcome(
              "Stevns Kommune er valgt til at deltage i projektet. Orienteringen blev taget til "
              "efterretning.",
              r)) == "noted");
    CHECK(outcome_name(parse::classify_outcome("Taget til efterretning.", r)) == "noted");
    CHECK(outcome_name(parse::classify_outcome("Taget til orientering.", r)) == "noted");
    CHECK(outcome_name(parse::classify_outcome("Sagen drøftet.", r)) == "discussed");
    CHECK(outcome_name(parse::classify_outcome("Sagen udsættes til næste møde.", r)) ==
          "postponed");
    CHECK(outcome_name(parse::classify_outcome("Genoptages på mødet i juni.", r)) == "postponed");
    CHECK(outcome_name(parse::classify_outcome("Kan ikke anbefales.", r)) == "rejected");
    CHECK(outcome_name(parse::classify_outcome("Indstillingen blev ikke godkendt.", r)) ==
          "rejected");
    CHECK(outcome_name(parse::classify_outcome("Oversendes til Økonomiudvalget.", r)) ==
          "referred");
    CHECK(outcome_name(parse::classify_outcome("Budgetforslaget behandlet", r)) == "handled");
    CHECK(outcome_name(parse::classify_outcome("Intet.", r)) == "other");
}

TEST_CASE("votes: majority, dissent, explicit lists, abstention") {
    const auto& r = testing::patterns();
    auto v = parse::parse_votes(
        "Anbefales af et flertal bestående af V+N+A+B. Liste O kan ikke godkende.", r);
    REQUIRE(v);
    CHECK(v->for_parties == std::vector<std::string>{"V", "N", "A", "B"});
    CHECK(v->against == std::vector<std::string>{"O"});
    v = parse::parse_votes("Godkendt. (Ø) stemte imod.", r);
    REQUIRE(v);
    CHECK(v->against == std::vector<std::string>{"Ø"});
    v = parse::parse_votes("For stemte: A, V og C. Imod stemte: F og Ø. B undlod at stemme.", r);
    REQUIRE(v);
    CHECK(v->for_parties == std::vector<std::string>{"A", "V", "C"});
    CHECK(v->against == std::vector<std::string>{"F", "Ø"});
    CHECK(v->abstained == std::vector<std::string>{"B"});
    CHECK_FALSE(parse::parse_votes("Godkendt.", r).has_value());
    // Two dissents in what reads as one sentence ("punkt 1." does not end it).
    v = parse::parse_votes(
        "Godkendt. Socialistisk Folkepartis byrådsgruppe kunne ikke tiltræde "
        "beslutningspunkt 1. Radikale Venstres og Alternativets byrådsgrupper "
        "kunne ikke tiltræde indstillingen.",
        r);
    REQUIRE(v);
    CHECK(v->against == std::vector<std::string>{"F", "B", "Å"});
    // Letters after "For:" and "Imod:" without a count, one sentence for the splitter.
    v = parse::parse_votes("For: Gruppe A, F, O, V, C og F. Imod: Liste H og Gruppe Ø.", r);
    REQUIRE(v);
    CHECK(v->for_parties == std::vector<std::string>{"A", "F", "O", "V", "C"});
    CHECK(v->against == std::vector<std::string>{"H", "Ø"});
    // "Imod forslaget stemte" with a count, members, a local list and a party by name; a party
    // that split is on both sides.
    v = parse::parse_votes(
        "For forslaget stemte 21, Venstre, Eli Jacobi Nielsen (O) og Socialdemokratiet. Imod "
        "forslaget stemte 4, Lars Folmann (O), Borgerlisten, Liberal Alliance.",
        r);
    REQUIRE(v);
    CHECK(v->for_parties == std::vector<std::string>{"V", "O", "A"});
    CHECK(v->against == std::vector<std::string>{"O", "Borgerlisten", "I"});
}

TEST_CASE("recommendation route: by, to, via") {
    const auto& r = testing::patterns();
    Recommendation rec;
    parse::parse_route("Børn & Læring indstiller til KB via DIR og BUL og ØU, at", rec, r);
    CHECK(rec.by == "Børn & Læring");
    CHECK(rec.to == std::vector<std::string>{"KB"});
    CHECK(rec.via == std::vector<std::string>{"DIR", "BUL", "ØU"});
    rec = {};
    parse::parse_route("Direktionen indstiller til ØU, via SSU, BUL og AET, at", rec, r);
    CHECK(rec.to == std::vector<std::string>{"ØU"});
    CHECK(rec.via == std::vector<std::string>{"SSU", "BUL", "AET"});
    rec = {};
    parse::parse_route("Koncerndirektionen indstiller:", rec, r);
    CHECK(rec.by == "Koncerndirektionen");
    CHECK(rec.to.empty());
    rec = {};
    parse::parse_route("Det indstilles, at sagen godkendes.", rec, r);
    CHECK_FALSE(rec.by.has_value());
    // The body addressed passes the case on to the bodies that decide.
    const auto route = [&](std::string_view line) {
        Recommendation out;
        parse::parse_route(line, out, r);
        return std::pair{out.to, out.via};
    };
    using Route = std::pair<std::vector<std::string>, std::vector<std::string>>;
    CHECK(route("Direktøren indstiller til Økonomiudvalget at anbefale over for "
                "kommunalbestyrelsen") == Route{{"kommunalbestyrelsen"}, {"Økonomiudvalget"}});
    CHECK(route("Direktionen indstiller til Kultur- og Fritidsudvalget, at det overfor "
                "Økonomiudvalget og Kommunalbestyrelsen anbefales,") ==
          Route{{"Kommunalbestyrelsen"}, {"Kultur- og Fritidsudvalget", "Økonomiudvalget"}});
    CHECK(route("Forvaltningen indstiller til Teknikudvalget at anbefale Byrådet, at") ==
          Route{{"Byrådet"}, {"Teknikudvalget"}});
    CHECK(route("Forvaltningen indstiller til Teknikudvalget at anbefale indstillingen") ==
          Route{{"Teknikudvalget"}, {}});
    CHECK(route("Forvaltningen indstiller til Teknikudvalget, at det over for borgerne "
                "oplyses, at planen er vedtaget") == Route{{"Teknikudvalget"}, {}});
    // A committee's name with "og" or a comma inside is one body; abbreviations are each one.
    CHECK(route("Direktøren for Kultur og Fritid indstiller til Udvalget for Kultur og Fritid:") ==
          Route{{"Udvalget for Kultur og Fritid"}, {}});
    CHECK(route("Forvaltningen indstiller til Social og sundhed via Børn, Unge og Læring, at") ==
          Route{{"Social og sundhed"}, {"Børn, Unge og Læring"}});
    CHECK(route("Forvaltningen indstiller til Økonomiudvalget og Byrådet, at") ==
          Route{{"Økonomiudvalget", "Byrådet"}, {}});
    // What is asked for is no body.
    rec = {};
    parse::parse_route("Kommunaldirektøren indstiller til godkendelse.", rec, r);
    CHECK(rec.by == "Kommunaldirektøren");
    CHECK(rec.to.empty());
    // A genitive names the body addressed; what follows its noun is what is sent, even when it
    // names bodies too.
    rec = {};
    parse::parse_route(
        "Forvaltningen fremsender til Byrådets godkendelse en aftale med Region "
        "Sjælland og Økonomiudvalget om driften.",
        rec, r);
    CHECK(rec.to == std::vector<std::string>{"Byrådet"});
    rec = {};
    parse::parse_route("Forvaltningen fremsender til Økonomiudvalget og Byrådets orientering.", rec,
                       r);
    CHECK(rec.to == std::vector<std::string>{"Økonomiudvalget", "Byrådet"});
}

TEST_CASE("Stevns web export: bullets, quoted decisions, absences under each decision") {
    const auto r = parse_text(R"(Referat

 • 12. Dagsorden - godkendelse
  Resume
  Godkendelse af dagsorden for BUL den 31. august 2020.
  Beslutning
  Ikke tilstede: Anne Hansen (V)
  Godkendt.

 • 13. Skolestruktur
  application/pdf icon bilag_1.pdfapplication/pdf icon bilag_2.pdf
  Resume
  En sag om skoler.
  Indstilling
  Børn & Læring indstiller til KB via DIR og BUL, at
  1. planen drøftes
  2. planen godkendes.
  Direktionen, 17. august 2020, pkt. 2:
  Anbefales.
  Børn, Unge og Læring, 18. august 2020, pkt. 204:
  Ikke til stede: Steen S. Hansen (A)
  Sagen udsættes.
  Beslutning
  Ikke tilstede: Anne Hansen (V)
  1. Drøftet.
  2. Anbefales.
  Sagsfremstilling
  Lang tekst om skoler.

 • 14. Personalesag (Lukket)
)");
    CHECK(r.committee == "Børn, Unge og Læring");
    CHECK(r.date == "2020-08-31");
    CHECK(names(r.absent) == std::vector<std::string>{"Anne Hansen/V"});
    REQUIRE(r.items.size() == 3);
    const auto& it = r.items[1];
    CHECK(it.number == 13);
    CHECK(it.attachments == std::vector<std::string>{"bilag_1.pdf", "bilag_2.pdf"});
    REQUIRE(it.recommendation);
    CHECK(it.recommendation->points ==
          std::vector<std::string>{"planen drøftes", "planen godkendes."});
    REQUIRE(it.history.size() == 2);
    CHECK(it.history[0].body == "Direktionen");
    CHECK(it.history[0].item == 2);
    CHECK(it.history[1].body == "Børn, Unge og Læring");
    CHECK(it.history[1].date == "2020-08-18");
    CHECK(names(it.history[1].absent) == std::vector<std::string>{"Steen S. Hansen/A"});
    CHECK(it.history[1].text == "Sagen udsættes.");
    REQUIRE(it.decision);
    CHECK(it.decision->text == "1. Drøftet. 2. Anbefales.");
    CHECK(outcome_name(it.decision->outcome) == "mixed");
    CHECK(it.case_text == "Lang tekst om skoler.");
    CHECK(r.items[2].closed);
    CHECK(r.items[2].title == "Personalesag");
}

TEST_CASE("Lejre layout: cover page, Sagsnr., dated decision headings, bare absent name, Bilag") {
    const auto r = parse_text(R"(Referat
Udvalget for Børn & Ungdom
onsdag den 7. juni 2017
Afbud:

Christian Plank (F)

4. BU - Ledelsesinformation
Sagsnr.: 16/13789
Resumé:
Kvartalsvis ledelsesinformation.
Indstilling:
Koncerndirektionen indstiller:
1. at ledelsesinformationen tages til efterretning.
Beslutningskompetence:
Udvalget for Børn & Ungdom.
Beslutning Udvalget for Børn & Ungdom den 09-05-2017:
Punktet blev udsat.
Afbud:
Henning Nielsen (V)
Beslutning Udvalget for Børn & Ungdom den 07-06-2017
Ad 1) taget til efterretning.
Ad 2) anbefales.
Christian Plank (F)
Sagsfremstilling:
Tekst.
Bilag:
1. Ledelsesinformation maj 17
2. Oversigt over sager
5. BU - Eventuelt
Sagsnr.:
Resumé:**Indstilling:****Beslutningskompetence:****Beslutning Udvalget for Børn & Ungdom den 07-06-2017:**
Intet.
)");
    CHECK(r.committee == "Udvalget for Børn & Ungdom");
    CHECK(r.date == "2017-06-07");
    CHECK(names(r.absent) == std::vector<std::string>{"Christian Plank/F"});
    REQUIRE(r.items.size() == 2);
    const auto& it = r.items[0];
    CHECK(it.case_number == "16/13789");
    REQUIRE(it.recommendation);
    CHECK(it.recommendation->by == "Koncerndirektionen");
    CHECK(it.recommendation->to.empty());  // the competence field is no route
    CHECK(it.recommendation->points ==
          std::vector<std::string>{"ledelsesinformationen tages til efterretning."});
    REQUIRE(it.history.size() == 1);
    CHECK(it.history[0].date == "2017-05-09");
    CHECK(names(it.history[0].absent) == std::vector<std::string>{"Henning Nielsen/V"});
    REQUIRE(it.decision);
    CHECK(it.decision->text == "Ad 1) taget til efterretning. Ad 2) anbefales.");
    REQUIRE(it.decision->points.size() == 2);
    CHECK(outcome_name(it.decision->points[0].outcome) == "noted");
    CHECK(outcome_name(it.decision->points[1].outcome) == "recommended");
    CHECK(outcome_name(it.decision->outcome) == "mixed");
    CHECK(names(it.decision->absent) == std::vector<std::string>{"Christian Plank/F"});
    CHECK(it.attachments ==
          std::vector<std::string>{"Ledelsesinformation maj 17", "Oversigt over sager"});
    const auto& last = r.items[1];
    CHECK_FALSE(last.case_number.has_value());
    CHECK_FALSE(last.recommendation.has_value());
    REQUIRE(last.decision);
    CHECK(last.decision->text == "Intet.");
}

TEST_CASE("minutes that name no committee: the body their Indstillinger address") {
    // A web export without a header: the committee is the body the items' routes name most,
    // whether as the body deciding or as the one the case passes through.
    const auto r = parse_text(R"(Referat
1. Økonomi i hjemmeplejen
Indstilling
Sundhed og Omsorg indstiller til PMT, at orienteringen tages til efterretning.
Beslutning
Taget til efterretning.
2. Ny affaldsordning
Indstilling
Direktionen indstiller til KB via PMT, at ordningen godkendes.
Beslutning
Anbefales.
3. Vejplan
Indstilling
Direktionen indstiller til PMT, at planen godkendes.
Beslutning
Godkendt.
)");
    CHECK(r.committee == "Plan, Miljø og Teknik");
    // As often one body as another: no guess.
    const auto tie = parse_text(R"(Referat
1. Ny affaldsordning
Indstilling
Direktionen indstiller til KB via PMT, at ordningen godkendes.
Beslutning
Anbefales.
2. Vejplan
Indstilling
Direktionen indstiller til KB via PMT, at planen godkendes.
Beslutning
Anbefales.
)");
    CHECK_FALSE(tie.committee.has_value());
}

TEST_CASE("absence variants: labels, substitutes, partial attendance") {
    const auto r = parse_text(R"(1. Godkendelse af dagsorden
Resume
Dagsorden for Økonomiudvalget den 3. marts 2021.
Beslutning
Fraværende: Anne Hansen (V) og Bo Jensen
Deltog ikke: Carl Olsen, O
Forfald: Dorte Berg-Nielsen (A)
Erik Holm (A) deltog i stedet for Dorte Berg Nielsen (A)
Finn Lund (C) deltog fra kl. 10.30
Godkendt.
)");
    REQUIRE(r.items.size() == 1);
    const auto& d = r.items[0].decision;
    REQUIRE(d);
    CHECK(names(d->absent) == std::vector<std::string>{"Anne Hansen/V", "Bo Jensen", "Carl Olsen/O",
                                                       "Dorte Berg-Nielsen/A"});
    REQUIRE(d->partial.size() == 1);
    CHECK(d->partial[0].person.name == "Finn Lund");
    CHECK(d->text == "Godkendt.");
    CHECK(outcome_name(d->outcome) == "approved");
    CHECK(r.date == "2021-03-03");
    CHECK(r.committee == "Økonomiudvalget");

    // A label followed by a sentence instead of a list; a name with an initial in a sentence
    // listing absentees; the substitute said first.
    const auto sentences = parse_text(R"(1. Godkendelse af dagsorden
Beslutning
Fraværende: Lars Folmann (O) deltog ikke i mødet.
Godkendt.
2. Valg af formand
Beslutning
Fraværende: Allan Tirsgaard (C) deltog i mødet i stedet for Michael Christensen (C).
Der var afbud fra Lina H. Jespersen og Jette Ramskov.
Som suppleant deltog Hanne Ringgaard Møller.
Godkendt.
)");
    REQUIRE(sentences.items.size() == 2);
    REQUIRE(sentences.items[0].decision);
    CHECK(names(sentences.items[0].decision->absent) == std::vector<std::string>{"Lars Folmann/O"});
    REQUIRE(sentences.items[1].decision);
    CHECK(names(sentences.items[1].decision->absent) ==
          std::vector<std::string>{"Michael Christensen/C", "Lina H. Jespersen", "Jette Ramskov"});
    CHECK(sentences.items[1].decision->text == "Godkendt.");

    // The party printed in the header's absence line, not in the item's.
    const auto header = parse_text(R"(Referat
Handicaprådet
Afbud: Morten Kasper (A)
1. Godkendelse af dagsorden
Beslutning
Deltog ikke: Morten Kasper.
Godkendt.
)");
    REQUIRE(header.items.size() == 1);
    REQUIRE(header.items[0].decision);
    CHECK(names(header.items[0].decision->absent) == std::vector<std::string>{"Morten Kasper/A"});
}

TEST_CASE("headings with and without colon, alternative names, HTML leftovers") {
    const auto r = parse_text(R"(<h2>7. Ny legeplads</h2>
<p><b>Sagsfremstilling:</b></p>
<p>Beskrivelse af en legeplads.</p>
**Forvaltningens indstilling:**
Forvaltningen indstiller, at
• legepladsen etableres
• udgiften finansieres af puljen
Beslutning i Teknik- og Miljøudvalget den 4. maj 2021:
Godkendt. (Ø) stemte imod.
8. Eventuelt
Beslutning:
Intet.
)");
    REQUIRE(r.items.size() == 2);
    const auto& it = r.items[0];
    CHECK(it.title == "Ny legeplads");
    CHECK(it.case_text == "Beskrivelse af en legeplads.");
    REQUIRE(it.recommendation);
    CHECK(it.recommendation->by == "Forvaltningen");
    CHECK(it.recommendation->points ==
          std::vector<std::string>{"legepladsen etableres", "udgiften finansieres af puljen"});
    REQUIRE(it.decision);
    CHECK(outcome_name(it.decision->outcome) == "approved");
    REQUIRE(it.decision->votes);
    CHECK(it.decision->votes->against == std::vector<std::string>{"Ø"});
    CHECK(r.date == "2021-05-04");
}

TEST_CASE("items without numbers are segmented on the repeated section structure") {
    const auto r = parse_text(R"(Referat
Godkendelse af dagsorden
Resumé
Dagsorden for Social og Sundhed den 1. februar 2021.
Beslutning
Godkendt.

Nyt plejecenter
Resumé
Et nyt plejecenter.
Beslutning
Anbefales.
)");
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].number == 1);
    CHECK(r.items[1].number == 2);
    CHECK(r.items[1].title == "Nyt plejecenter");
    CHECK(outcome_name(r.items[1].decision->outcome) == "recommended");
}

TEST_CASE("a text that is not minutes is refused") {
    CHECK_THROWS_AS(parse_text("Nyhed\n\nKommunen fik en rapport.\n2018:\nEn plan.\n"), InputError);
    CHECK_THROWS_WITH(parse_text("1. Indkøbsliste\n2. Mælk\n"),
                      Catch::Contains("no agenda items found"));
}

TEST_CASE("numbered points inside a section are not agenda items") {
    const auto r = parse_text(R"(1. Budget
Indstilling
Forvaltningen indstiller, at
2. Udvalget godkender budgettet
3. Udvalget sender det videre
Beslutning
Godkendt.
2. Anlæg
Resume
Anlægsplan.
Beslutning
Anbefales.
)");
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[1].title == "Anlæg");
    CHECK(r.items[0].recommendation->points.size() == 2);
}

TEST_CASE("a wrapped line starting with a year or a far-off number is not an agenda item") {
    // PDF line wrapping can put a year or an amount at the start of a line, followed by a
    // sentence and a section heading: it looks like a strong item heading, but it cannot be
    // the next item, and taking it would lose the items after it.
    const auto r = parse_text(R"(5. Budget
Resume
Budgettet for næste år er klar. Midlerne er fordelt i
2025. Der er afsat midler til vedligehold.
Indstilling
Forvaltningen indstiller, at budgettet godkendes.
Beslutning
Godkendt.
6. Anlæg
Resume
Anlægsplan, hvor der i alt er brugt
900. Kroner blev tilbage.
Sagsfremstilling
Planen er fulgt.
Beslutning
Anbefales.
7. Skoler
Resume
Skoleplan.
Beslutning
Godkendt.
)");
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[0].number == 5);
    CHECK(r.items[1].number == 6);
    CHECK(r.items[1].title == "Anlæg");
    CHECK(r.items[2].number == 7);
}

TEST_CASE("a decision promising a return to the body keeps its sentence") {
    const auto r = parse_text(R"(1. Implementering af ny model
Resume
Sagen forelægges for Økonomiudvalget den 3. marts 2021.
Beslutning
1. Anbefales. Forvaltningen vender tilbage til udvalget i september 2021 med en status.
2. Ny plan for pkt. 3 fremlægges på næste møde.

2. Tilskud til skoler
Beslutning
Godkendt. Ordningen genoptages senest 1. juni 2021.

3. Legepladser
Beslutning
Udsat. Sagen genoptages på næste møde.
)");
    REQUIRE(r.items.size() == 3);
    REQUIRE(r.items[0].decision);
    CHECK(r.items[0].decision->promise ==
          "Forvaltningen vender tilbage til udvalget i september 2021 med en status.");
    REQUIRE(r.items[1].decision);
    CHECK_FALSE(r.items[1].decision->promise);  // a model resumed is no return to the body
    REQUIRE(r.items[2].decision);
    CHECK(r.items[2].decision->promise == "Sagen genoptages på næste møde.");
}

TEST_CASE("committee names with commas resolve whole, never by their parts") {
    const auto& r = testing::patterns();
    REQUIRE(r.committee("Børn, Unge og Læringsudvalget"));
    CHECK(r.committee("Børn, Unge og Læringsudvalget")->name == "Børn, Unge og Læring");
    CHECK(r.committee("BUL")->name == "Børn, Unge og Læring");
    CHECK(r.committee("Børn") == nullptr);
    CHECK(r.committee("Udvalget for Social, Sundhed og Ældre")->name ==
          "Udvalget for Social, Sundhed & Ældre");
}

TEST_CASE("points that decide nothing leave the outcome to the decision's other text") {
    const auto r = parse_text(R"(1. Godkendelse af dagsorden
Beslutning
1. Bent Christensen havde modtaget en anmodning om at flytte punktet.

Dagsorden blev godkendt som udsendt.
)");
    REQUIRE(r.items.size() == 1);
    REQUIRE(r.items[0].decision);
    CHECK(outcome_name(r.items[0].decision->outcome) == "approved");
}

TEST_CASE("an absentee named twice, once without the space after an initial, is one person") {
    // The parser de-duplicates by the store's person key (util/person_key.hpp), which counts a
    // full stop as a space.
    const auto r = parse_text(R"(1. Godkendelse af dagsorden
Resume
Dagsorden for Økonomiudvalget den 3. marts 2021.
Beslutning
Fraværende: Steen S. Hansen (A)
Forfald: Steen S.Hansen
Godkendt.
)");
    REQUIRE(r.items.size() == 1);
    REQUIRE(r.items[0].decision);
    CHECK(names(r.items[0].decision->absent) == std::vector<std::string>{"Steen S. Hansen/A"});
}
