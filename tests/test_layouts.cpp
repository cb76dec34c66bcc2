// Segment + parse on small minutes written for the test, one case per kind of layout that real
// minutes of Danish meeting systems use (item numbering, decision headings, absences, votes,
// quoted decisions, what is not minutes), and the contract of the pattern files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "ingest/ingest.hpp"
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

std::vector<int> numbers(const Referat& r) {
    std::vector<int> out;
    for (const auto& it : r.items) out.push_back(it.number);
    return out;
}

std::vector<std::string> names(const std::vector<Person>& people) {
    std::vector<std::string> out;
    for (const auto& p : people) out.push_back(p.name + (p.party.empty() ? "" : "/" + p.party));
    return out;
}

using Strings = std::vector<std::string>;

// Each item's decision text, "-" for an item without one.
Strings decisions(const Referat& r) {
    Strings out;
    for (const auto& item : r.items) out.push_back(item.decision ? item.decision->text : "-");
    return out;
}

}  // namespace

TEST_CASE("item numbers in the forms meeting systems print", "[layouts]") {
    SECTION("Punkt N: with the decision first and a journal number under the title") {
        const auto r = parse_text(R"(REFERATByrådet d. 03-03-2025
Punkt 4: Godkendelse af dagsorden
EMN-2025-000123
Beslutninger
Godkendt.
Punkt 5: Lukket: Salg af grund
EMN-2025-000124
Beslutninger
Godkendt.
)");
        CHECK(numbers(r) == std::vector<int>{4, 5});
        CHECK(r.committee == "Byrådet");
        CHECK(r.items[0].case_number == "EMN-2025-000123");
        CHECK(r.items[1].title == "Salg af grund");
        CHECK(r.items[1].closed);
        CHECK(r.numbered);
    }
    SECTION("the number, then '(Åben)' or '(Lukket)' before the title") {
        const auto r = parse_text(R"(Referat af møde i Kommunalbestyrelsen
Mødetidspunkt 31-08-2015 18:00
1 (Åben) Meddelelser fra formanden
Sagsnr. 050527-2015
Beslutning
Borgmesteren orienterede om flygtninge.
2 (Åben) Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse
Sagsnr. 021236-2015
Beslutning
Vedtaget.
3 (Lukket) Salg af ejendom
Beslutning
Godkendt.
)");
        REQUIRE(numbers(r) == std::vector<int>{1, 2, 3});
        CHECK(r.items[0].title == "Meddelelser fra formanden");
        CHECK_FALSE(r.items[0].closed);
        // The next item's title is not this item's decision.
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Borgmesteren orienterede om flygtninge.");
        CHECK(r.items[2].title == "Salg af ejendom");
        CHECK(r.items[2].closed);
    }
    SECTION("a case number after the label 'Sag', with the system's other fields") {
        const auto r = parse_text(R"(Referat
Byrådet
Mødedato: 28. maj 2019
1.      Spørgetid for borgerne
Sag 306-2009-600
Dok. 306-2019-263412
Åbent
Sagsfremstilling
Byrådet indførte spørgetid i 2009.
Beslutning
Taget til efterretning.
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.items[0].case_number == "306-2009-600");
    }
    SECTION("the number alone after a bullet, the title on the next line") {
        const auto r = parse_text(R"(Udvalg: Økonomiudvalget
  • 7
    Budgetopfølgning
    Sagsid.: 22/100
    BESLUTNING: Økonomiudvalget den 02-02-2022
    Godkendt.
  • 8
    Meddelelser
    Sagsid.:
    BESLUTNING: Økonomiudvalget den 02-02-2022
    Ingen.
)");
        CHECK(numbers(r) == std::vector<int>{7, 8});
        CHECK(r.items[0].title == "Budgetopfølgning");
        CHECK(r.items[0].case_number == "22/100");
        CHECK_FALSE(r.items[1].case_number);  // an empty Sagsid.
        CHECK(r.date == "2022-02-02");
    }
    SECTION("the number printed twice, a number glued to its title, a system's own number") {
        const auto doubled = parse_text(
            " 1.  1. Godkendelse af dagsordenen\nSagsfremstilling\nTekst.\n"
            "Beslutning\nGodkendt.\n");
        CHECK(doubled.items.at(0).title == "Godkendelse af dagsordenen");
        const auto glued = parse_text(
            "38Godkendelse af regnskab\nSagsfremstilling\nTekst.\n"
            "Beslutning\nGodkendt.\n");
        CHECK(numbers(glued) == std::vector<int>{38});
        const auto system = parse_text(
            "Følgende sager blev behandlet\nØU-55/07-O Økonomisk orientering\n"
            "Beslutning: Taget til efterretning.\n");
        CHECK(numbers(system) == std::vector<int>{55});
        CHECK(outcome_name(system.items.at(0).decision->outcome) == "noted");
    }
    SECTION("a list of the items first (contents) is skipped, sub-points 1.1 are no items") {
        const auto r = parse_text(R"(PUNKTER
446. Godkendelse af dagsorden
447. Whistleblowerordning
448. Budgetopfølgning

446. Godkendelse af dagsorden
Beslutning Byrådet den 03-09-2019
Godkendt.

447. Whistleblowerordning
Sagsfremstilling
1.1 Ordningen indføres.
1.2 Den evalueres.
Beslutning Byrådet den 03-09-2019
Godkendt.
)");
        CHECK(numbers(r) == std::vector<int>{446, 447});
        CHECK(r.items[0].decision->text == "Godkendt.");
    }
    SECTION("headings run onto the line before by a lost line break") {
        const auto r = parse_text(R"(PUNKTER
174. Godkendelse af dagsorden
175. Budgetrevision 2 og handlingsplaner174. Godkendelse af dagsorden
Beslutning i Byrådet den 29-06-2016
Godkendt.
175. Budgetrevision 2 og handlingsplaner
Indstilling
1. at godkende protokollen fra mødet den 12. september 2016Beslutning
Godkendt.
)");
        CHECK(numbers(r) == std::vector<int>{174, 175});
        REQUIRE(r.items.at(1).decision);
        CHECK(r.items[1].decision->text == "Godkendt.");
    }
    SECTION("a heading glued to the end of a sentence") {
        const auto r = parse_text(R"(12. Befolkningsprognose
Indstilling
Forvaltningen indstiller, at orienteringen tages til efterretning.Beslutning
Udvalget tager orienteringen til efterretning.
)");
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->text ==
              "Forvaltningen indstiller, at orienteringen tages til efterretning.");
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Udvalget tager orienteringen til efterretning.");
    }
    SECTION("a heading glued to a date, or to a word, that ends the line before") {
        const auto r = parse_text(R"(PUNKTER
8. Godkendelse af dagsorden
9. Frigivelse af anlægsmidler
10. Eventuelt den 29.01.20138. Godkendelse af dagsorden
Hovedindstilling
Direktøren indstiller, at:
  1. dagsordenen bliver godkendt
Beslutning i Udvalget for Børn den 29-01-2013
Godkendt
Referat9. Frigivelse af anlægsmidler
Sagsprocedure
Udvalget for Børn, byrådet
Hovedindstilling
Direktøren indstiller, at:
  1. 2,1 mio. kr. frigives.
)");
        CHECK(numbers(r) == std::vector<int>{8, 9});
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->points == Strings{"dagsordenen bliver godkendt"});
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Godkendt");
        REQUIRE(r.items[1].recommendation);
        CHECK(r.items[1].recommendation->points == Strings{"2,1 mio. kr. frigives."});
    }
    SECTION("sentences numbered under a heading are its points, not items") {
        const auto r = parse_text(R"(2. Orientering fra udvalgsmedlemmer og administration
Beslutningstema
1. Orientering fra udvalgsformanden.
2. Orientering fra udvalgets medlemmer.
3. Orientering fra Administrationen.
4. Masterplan med kommende sager er vedlagt.
Indstilling
1. at orienteringerne tages til efterretning.
Beslutning i Udvalget den 5. marts 2018:
Taget til efterretning.
3. Kompetenceplan 2018
Beslutning i Udvalget den 5. marts 2018:
Godkendt.
)");
        CHECK(numbers(r) == std::vector<int>{2, 3});
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Taget til efterretning.");
    }
    SECTION("'Nr.1 -', a title printed again under its heading, a heading after 'at' points") {
        const auto nr = parse_text(
            "Nr.1 - Godkendelse af dagsordenen\nBeslutning\nGodkendt.\n"
            "Nr.2 - Lukning af Vejenbrødvej\nSagsnr.: 14/30210\nBeslutning\nGodkendt.\n");
        CHECK(numbers(nr) == std::vector<int>{1, 2});
        CHECK(nr.items[0].title == "Godkendelse af dagsordenen");
        CHECK_FALSE(nr.items[0].case_number);
        const auto again = parse_text(
            "1. Bemærkninger til dagsordenen\n\nBemærkninger til dagsordenen\n\nPunkttype\n"
            "Beslutning.\n\nBeslutning Udvalget den 06-03-2018\nIngen.\n\n\n2. Meddelelser\n\n"
            "Meddelelser\n\nPunkttype\nOrientering.\n");
        CHECK(numbers(again) == std::vector<int>{1, 2});
        CHECK(again.items[0].decision->text == "Ingen.");
        const auto after_points = parse_text(
            "1. Godkendelse af dagsorden\n\nBeslutning\n\nAt 1: Godkendt.\n\nIndstilling\n"
            "Direktøren indstiller,\n  1. at Udvalget godkender dagsordenen.\n"
            "2. Budgetopfølgning 1 - forventet regnskab 2023 (B)\n\nBeslutning\n\n"
            "At 1: Indstilles til Byrådets godkendelse.\n\n(Ø) stemte imod.\n");
        CHECK(numbers(after_points) == std::vector<int>{1, 2});
        REQUIRE(after_points.items.at(1).decision);
        CHECK(after_points.items[1].decision->votes->against == Strings{"Ø"});
    }
    SECTION("case numbers after 'Sagsnr.' and a space, and after a KLE code") {
        const auto r = parse_text(
            "15. Beslutninger om dagsordenen\nSagsnr. 249050 Sundheds- og Omsorgsudvalget Åbent "
            "punkt\nBeslutning\nGodkendt.\n16. Godkendelse af protokol\n18.14A00 - 2016/01237\n"
            "Beslutning\nGodkendt.\n17. Udpegning af et nyt medlem til bestyrelsen\n"
            "Åbent - 00.01.00A04 - 2007/34364\n\nSAGSRESUMÉ\nEt medlem skal udpeges.\n"
            "BESLUTNING\nGodkendt.\n");
        REQUIRE(r.items.size() == 3);
        CHECK(r.items[0].case_number == "249050");
        CHECK(r.items[1].case_number == "2016/01237");
        CHECK(r.items[2].case_number == "2007/34364");
        CHECK_FALSE(r.items[2].closed);
        // The case number's label wins over a journal number's, before it or after it.
        const auto journal = parse_text(
            "1. Regnskab\nJ.nr.: 00.01.00.A10-0001/2013\nSagsnr.: 6628\nBeslutning\nGodkendt.\n"
            "2. Budget\nSagsnr.: 6629\nJ.nr.: 00.01.00.A10-0002/2013\nBeslutning\nGodkendt.\n"
            "3. Plan\nJ.nr.: 00.01.00.A10-0003/2013\nBeslutning\nGodkendt.\n");
        Strings numbers_read;
        for (const auto& item : journal.items)
            numbers_read.push_back(item.case_number.value_or("-"));
        CHECK(numbers_read == Strings{"6628", "6629", "00.01.00.A10-0003/2013"});
        // "Sag nr. 129" under the title is the item's number, not its case number.
        const auto sag_nr = parse_text(
            "Sager 129 - 130\n\nSpørgetid\nSag nr. 129\n\nBeslutning\n\nTaget til efterretning.\n\n"
            "Tillæg 1 til Lokalplan 145\nSag nr. 130\n\nBeslutning\n\nGodkendt.\n");
        CHECK(numbers(sag_nr) == std::vector<int>{129, 130});
        CHECK(numbers(parse_text("Bygningsvedligeholdelse\nSag nr. 19 (ØU 23/2010)\n\nBeslutning\n"
                                 "Godkendt.\n\nAgerkær 5\nSag nr. 20 (ØU 24/2010)\n\nBeslutning\n"
                                 "Godkendt.\n")) == std::vector<int>{19, 20});
        CHECK(sag_nr.items[0].title == "Spørgetid");
        CHECK_FALSE(sag_nr.items[0].case_number);
    }
    SECTION("where the meeting is held is no item's title") {
        const auto r = parse_text(
            "Referat\nTeknik- og Bygningsudvalget tirsdag den 16. april 2024 kl. 16.30\n"
            "Mødelokale Tårnbjerget, Rådhuset, Ishøj Store Torv 20, etage 2, 2635 Ishøj\n"
            "Sagsfremstilling\nTekst.\nIndstilling\nat bevillingen frigives.\nBeslutning\n"
            "Tiltrådt.\n");
        REQUIRE(r.items.size() == 1);
        CHECK(r.items[0].title.empty());
    }
}

TEST_CASE("items without printed numbers", "[layouts]") {
    SECTION("each opens with its case number") {
        const auto r = parse_text(R"(Udvalg: |
Økonomiudvalget |
Sagsnr.: 19/7724
Resumé
Orlov.
Beslutning Økonomiudvalget den 18-03-2019
Forslaget indstilles til godkendelse.
Sagsfremstilling
Tekst.
Sagsnr.: 19/170
Beslutning Økonomiudvalget den 18-03-2019
Godkendt.
)");
        CHECK(numbers(r) == std::vector<int>{1, 2});
        CHECK_FALSE(r.numbered);
        CHECK(r.committee == "Økonomiudvalget");
        CHECK(r.items[1].case_number == "19/170");
        CHECK(r.items[0].title.empty());
        CHECK(outcome_name(r.items[0].decision->outcome) == "recommended");
    }
    SECTION("each opens with its case number, the title on the line after it") {
        const auto r = parse_text(R"(Udvalg: Økonomi- og Erhvervsudvalget
Mødedato: 9. september 2019

Sagsnr.: 00.01.00-G01-4-19 Sagsbehandler: Marie Jensen

Cirkulæreskrivelser, orienteringssager m.v.

Sagsresume
Orientering om cirkulæreskrivelser.
Beslutning
Indstillingen er tiltrådt.

Sagsnr.: 00.30.10-S00-1-18 Sagsbehandler: Anne Marie Muff

Budget 2020-2023 1. behandling af budget

Sagsresume
Forslag til budget 2020.
Beslutning
Oversendes til byrådet.
)");
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].title == "Cirkulæreskrivelser, orienteringssager m.v.");
        CHECK(r.items[1].title == "Budget 2020-2023 1. behandling af budget");
        CHECK(r.items[1].case_number == "00.30.10-S00-1-18");
        CHECK(r.items[0].resume == "Orientering om cirkulæreskrivelser.");
        CHECK(decisions(r) == Strings{"Indstillingen er tiltrådt.", "Oversendes til byrådet."});
    }
    SECTION("an excerpt whose last item is cut short: headings tied in order keep the document's") {
        const auto r = parse_text(R"(Referat
Social- og Sundhedsudvalget mandag den 10. april 2017
Resume
Konsulenterne deltager.
Sagsfremstilling
Konsulenterne fremlægger deres rapport.
Indstilling
Social- og Sundhedsudvalget godkender rapporten.
Beslutning
Tiltrådt.
Bilag
Sagsfremstilling
Årsrapporten er vedhæftet.
)");
        REQUIRE(r.items.size() == 2);
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Tiltrådt.");
        CHECK_FALSE(r.items[1].decision);
    }
    SECTION("the first item a decision alone; each of the others opens with what it is to decide") {
        const auto r = parse_text(R"(Erhvervs- og Turismeudvalget
Referat • 14. august 2024 kl. 15.30
Indhold
Beslutning i Erhvervs- og Turismeudvalget den 14-08-2024
Afbud: Hanne Ringgaard Møller (B)
Dagsorden godkendt.
Beslutningstema
Budgettema til budget 2025
Indstilling
Direktionen indstiller, at anlægstemaet fremsendes.
Sagsfremstilling
Temaet er beskrevet i bilaget.
Beslutning i Erhvervs- og Turismeudvalget den 14-08-2024
Godkendt.
Beslutningstema
Udlejning af bygningerne på Frederiksø
Indstilling
Administrationen anbefaler, at budgetforslaget oversendes.
Sagsfremstilling
Bygningerne udlejes til kulturelle formål.
Beslutning i Erhvervs- og Turismeudvalget den 14-08-2024
Anbefales.
)");
        REQUIRE(r.items.size() == 3);
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Dagsorden godkendt.");
        CHECK_FALSE(r.items[0].recommendation);
        REQUIRE(r.items[1].recommendation);
        CHECK(r.items[1].recommendation->by == "Direktionen");
        REQUIRE(r.items[1].decision);
        CHECK(r.items[1].decision->text == "Godkendt.");
        REQUIRE(r.items[2].recommendation);
        CHECK(r.items[2].recommendation->by == "Administrationen");
        REQUIRE(r.items[2].decision);
        CHECK(r.items[2].decision->text == "Anbefales.");
    }
    SECTION("titles before each decision: the subject after a decision is that item's") {
        const auto r = parse_text(R"(Børne- og Ungeudvalget – Referat – 2. maj 2023

Godkendelse af dagsorden

Beslutning
Godkendt.
Beslutningstema
Udvalget skal godkende dagsordenen.
Indstilling
Direktøren indstiller, at dagsordenen godkendes.

Budgetopfølgning

Beslutning
Anbefales.
Beslutningstema
Udvalget skal behandle budgetopfølgningen.
Indstilling
Direktøren indstiller, at budgetopfølgningen anbefales.
)");
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].title == "Godkendelse af dagsorden");
        CHECK(decisions(r) == Strings{"Godkendt.", "Anbefales."});
        REQUIRE(r.items[1].recommendation);
        CHECK(r.items[1].recommendation->text ==
              "Direktøren indstiller, at budgetopfølgningen anbefales.");
    }
    SECTION("a summary printed once, after the first item's decision, opens the second item") {
        const auto r = parse_text(R"(Referat
Børne- og Undervisningsudvalget tirsdag den 14. december 2021
Sagsfremstilling
Årshjulet er vedhæftet.
Indstilling
Udvalget tager orienteringen til efterretning.
Beslutning
Taget til efterretning.
Bilag
Resume
Der er udarbejdet en analyse.
Sagsfremstilling
En arbejdsgruppe blev nedsat.
)");
        REQUIRE(r.items.size() == 2);
        CHECK_FALSE(r.items[0].resume);
        CHECK(r.items[1].resume == "Der er udarbejdet en analyse.");
    }
    SECTION("each opens with its decision; one item has an Indstilling the others lack") {
        const auto r = parse_text(R"(Referat Magistraten 23-07-2020

Referat fra Magistratens møde den 29. juni 2020

Beslutning
Intet.
Sagens forløb
23-07-2020 Magistraten
Intet.

Bilag

Kongsgården: Håndtering af fogedforbud

Beslutning
Tilbagesendes Borgmesterens Afdeling.

Indstilling
Det indstilles, at Magistraten beslutter.
Sagens forløb
23-07-2020 Magistraten
Tilbagesendes Borgmesterens Afdeling.

Bilag

Eventuelt

Beslutning
Intet.
Sagens forløb
23-07-2020 Magistraten
Intet.
)");
        REQUIRE(r.items.size() == 3);
        CHECK(r.items[1].title == "Kongsgården: Håndtering af fogedforbud");
        CHECK(r.items[2].title == "Eventuelt");
        CHECK(r.items[0].attachments.empty());
        CHECK(decisions(r) == Strings{"Intet.", "Tilbagesendes Borgmesterens Afdeling.", "Intet."});
    }
    SECTION("each opens with its summary; the first item has only a decision") {
        const auto r = parse_text(R"(Referat
Tirsdag d. 3 maj 2022
UdvalgBørn, Unge og Læring
Bemærkninger
Ikke til stede: Anne Jensen (A).

Beslutning
Udvalget godkender dagsordenen.

Resume
Status.
Indstilling
Forvaltningen indstiller, at
1. udvalget tager orienteringen til efterretning.
Beslutning
Udvalget tager orienteringen til efterretning.
Beskrivelse af sagen
Tekst.

Resume
Budget.
Beslutning
Anbefales.
)");
        CHECK(numbers(r) == std::vector<int>{1, 2, 3});
        CHECK(r.committee == "Børn, Unge og Læring");
        CHECK(r.date == "2022-05-03");
        CHECK(names(r.absent) == Strings{"Anne Jensen/A"});
        CHECK_FALSE(r.items[0].resume);
        CHECK(r.items[1].resume == "Status.");
        CHECK(r.items[2].decision->text == "Anbefales.");
    }
    SECTION("separator lines Åben / Lukket between items") {
        const auto r = parse_text(R"(Byrådet 19. juni 2023
Åben
Beslutning
Godkendt.
Mette Ekstrøm og Rikke Pedersen var fraværende.
Lukket
Beslutning
Godkendt.
)");
        CHECK(numbers(r) == std::vector<int>{1, 2});
        CHECK_FALSE(r.items[0].closed);
        CHECK(r.items[1].closed);
        CHECK(r.items[0].decision->text == "Godkendt.");
        CHECK(names(r.items[0].decision->absent) == Strings{"Mette Ekstrøm", "Rikke Pedersen"});
    }
    SECTION("the text after a decision's attendance lines belongs to the next item") {
        const auto r = parse_text(R"(Udvalg: Byrådet
Sagsnr.: 00.00.00-G01-1-21
Beslutning på byrådsmødet den 22. juni 2022
Godkendt
Fraværende med afbud: Frederik Germann (Løsgænger)
Sagen omhandler salg af ejendom, og behandles derfor som lukket punkt.
Beslutning på byrådsmødet den 22. juni 2022
Godkendt
)");
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].decision->text == "Godkendt");
        CHECK(names(r.items[0].decision->absent) == Strings{"Frederik Germann/Løsgænger"});
        CHECK(r.items[1].closed);
    }
}

TEST_CASE("decision headings that name the meeting, and decisions printed as quoted ones",
          "[layouts]") {
    SECTION("eDoc: the committee's genitive, the date and the item, the text after a space") {
        const auto r = parse_text(R"(2. Bygningsvedligeholdelse
Sagsnr.: 2012-28504
Indstilling
Center for Ejendomme indstiller, at
A) Arbejderne godkendes.
B) Bevillingen indgår i anlægssagen.
Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2 Indstillingen godkendt
Følgende deltog ikke i behandlingen af punktet:
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.committee == "Sundheds- og Forebyggelsesudvalget");
        CHECK(r.date == "2012-12-04");
        const auto& it = r.items[0];
        REQUIRE(it.decision);
        CHECK(it.decision->text == "Indstillingen godkendt");
        CHECK(it.recommendation->points ==
              Strings{"Arbejderne godkendes.", "Bevillingen indgår i anlægssagen."});
    }
    SECTION("a decision after its heading on the same line; a heading with a name in capitals") {
        const auto r = parse_text(R"(Referat Aarhus Byråd 03-04-2019

    Etablering af Multihus Hjortshøj

    Beslutning Tilbagesendes Magistratsafdelingen for Børn og Unge med bemærkning, at byrådet har vedtaget indstillingen.

    Resumé
    Hjortshøj er et lokalområde i vækst.
INDSTILLING FRA MAGISTRATSAFDELINGEN FOR TEKNIK OG MILJØ
Beslutningspunkter
Det indstilles:
At 1) der sikres plads til publikum.
)");
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text.starts_with("Tilbagesendes Magistratsafdelingen"));
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->points == Strings{"der sikres plads til publikum."});
        CHECK(r.items[0].recommendation->text.starts_with("Det indstilles"));
    }
    SECTION("quoted decisions of other bodies go to history, with their own absences") {
        const auto r = parse_text(R"(Udvalg: Kommunalbestyrelsen
Mødedato: 25-03-2021
35. Regnskab 2020
Indstilling
Direktionen indstiller, at Kommunalbestyrelsen tager regnskabet til orientering.
Beslutning fra Økonomiudvalget, 17. marts 2021, pkt. 32:
Anbefaler at orienteringen tages til efterretning.
Fraværende: Jens Hansen (V)

Supplerende bemærkninger fra Politik & Borger:

Regnskabet er tilrettet.
Beslutning
Orienteringen blev taget til efterretning.
)");
        const auto& it = r.items.at(0);
        REQUIRE(it.history.size() == 1);
        CHECK(it.history[0].body == "Økonomiudvalget");
        CHECK(it.history[0].date == "2021-03-17");
        CHECK(it.history[0].item == 32);
        CHECK(names(it.history[0].absent) == Strings{"Jens Hansen/V"});
        CHECK(it.history[0].text == "Anbefaler at orienteringen tages til efterretning.");
        CHECK(r.absent.empty());  // another meeting's absence
        CHECK(it.recommendation->to == Strings{"Kommunalbestyrelsen"});
        CHECK(r.committee == "Kommunalbestyrelsen");  // never from a quoted decision
    }
    SECTION("a Sagsforløb table and a Historik entry ending in a full stop") {
        const auto r = parse_text(R"(Punkt 2: Havnens fremtid
Beslutninger
Fremsendes til Teknisk Udvalg til behandling.
Sagsforløb
Udvalg: Magistraten
Dato: 19-08-2025
Punktnummer: 4
Fremsendes til Byrådet.
Jesper Kjeldsen deltog ikke i sagens behandling.
Punkt 3: Trafik
Historik
Økonomi- og Erhvervsudvalget, 15. marts 2016.
Udvalget tiltrådte indstillingen.
Beslutninger
Godkendt.
)");
        REQUIRE(r.items.size() == 2);
        REQUIRE(r.items[0].history.size() == 1);
        const auto& h = r.items[0].history[0];
        CHECK(h.body == "Magistraten");
        CHECK(h.date == "2025-08-19");
        CHECK(h.item == 4);
        CHECK(h.text == "Fremsendes til Byrådet.");
        CHECK(names(h.absent) == Strings{"Jesper Kjeldsen"});
        CHECK(outcome_name(r.items[0].decision->outcome) == "referred");
        REQUIRE(r.items[1].history.size() == 1);
        CHECK(r.items[1].history[0].date == "2016-03-15");
    }
    SECTION("a 'Sagens forløb' log of dated rows ends the decision") {
        const auto r = parse_text(R"(1. Meddelelser
Beslutning
Intet.
Sagens forløb
19-08-2019 Magistraten
Fremsendes til Aarhus Byråd.
28-08-2019 Aarhus Byråd
Sagens behandling blev udsat.
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.items[0].decision->text == "Intet.");
        REQUIRE(r.items[0].history.size() == 2);
        CHECK(r.items[0].history[0].body == "Magistraten");
        CHECK(r.items[0].history[1].date == "2019-08-28");
        CHECK(outcome_name(r.items[0].history[1].outcome) == "postponed");
        // The log's row for this very meeting repeats its decision: no history.
        const auto own = parse_text(R"(Aarhus Byråd
Onsdag den 11. september 2019
1. Meddelelser
Beslutning
Fremsendes til Social- og Beskæftigelsesudvalget.
Sagens forløb
28-08-2019 Aarhus Byråd
Sagens behandling blev udsat.
11-09-2019 Aarhus Byråd
Fremsendes til Social- og Beskæftigelsesudvalget.
)");
        REQUIRE(own.items.size() == 1);
        REQUIRE(own.items[0].history.size() == 1);
        CHECK(own.items[0].history[0].date == "2019-08-28");
    }
}

TEST_CASE("the meeting header in the forms web pages and renderings print", "[layouts]") {
    // The committee a header names, above an item with a decision.
    const auto committee_of = [](const std::string& header) {
        return parse_text(header + "\n1. Dagsorden\nBeslutning\nGodkendt.\n").committee;
    };
    // Titles, labels and name lines: "19. juni 2023 - referat fra byrådet"; the election period
    // before the name; the genitive of a body; an icon's text after the label, a table's bars
    // around the value; a name that ends in no body word, before "møde".
    const std::vector<std::pair<std::string, std::string>> titles{
        {"19. juni 2023 - referat fra byrådet", "Byrådet"},
        {"UDVALG\n14-17 Byrådet", "Byrådet"},
        {"Referat fra Sammenlægningsudvalgets ordinære møde", "Sammenlægningsudvalget"},
        {"Referat af Byrådets møde d. 20.09.2016", "Byrådet"},
        {"Referat - Åben dagsorden Økonomiudvalget Borgmesterkontoret", "Økonomiudvalget"},
        {"Referat Udvalget for Kultur og Planlægning's møde Tirsdag den Kl. 13:30",
         "Udvalget for Kultur og Planlægning"},
        {"Referat - Forretningsudvalget 2018-2021", "Forretningsudvalget"},
        {"Udvalg Ikon\nRegionsrådet", "Regionsrådet"},
        {"Udvalg: | Byrådet |", "Byrådet"},
        {"Borgerrepræsentationen", "Borgerrepræsentationen"},
        {"Referat Udvalget for Teknik & Miljø onsdag den 14. januar 2015",
         "Udvalget for Teknik & Miljø"},
        {"Økonomiudvalget Åben beslutningsprotokol", "Økonomiudvalget"},
        {"1 Kommunalbestyrelsen DAGSORDEN Sted: Rådhuset", "Kommunalbestyrelsen"},
        {"Dagsorden\nRegionsrådet 24-11-2020 13:00", "Regionsrådet"},
        {"Møde i Udvalg for natur, miljø og grøn omstilling Åben Referat",
         "Udvalg for natur, miljø og grøn omstilling"},
    };
    for (const auto& [header, committee] : titles) {
        INFO(header);
        CHECK(committee_of(header) == committee);
    }
    CHECK(parse_text(
              "Referat\ntil\nmødet i Kommunalbestyrelsen 2018-21\nden 5. november 2019 kl. 17:00\n"
              "1. Dagsorden\nBeslutning\nGodkendt.\n")
              .committee == "Kommunalbestyrelsen");
    const auto genitive = parse_text(
        "åbent møde for Kultur- og fritidsudvalgets møde den 05. marts 2009 kl. 14:00\n"
        "1. Dagsorden\nBeslutning\nGodkendt.\n");
    CHECK(genitive.committee == "Kultur- og fritidsudvalget");
    CHECK(genitive.date == "2009-03-05");
    // A date of publication is not the meeting's.
    CHECK(parse_text("Referat byrådet\nPubliceringsdato: den 02. november 2018\n"
                     "Onsdag den 31. oktober 2018\n1. Dagsorden\nBeslutning\nGodkendt.\n")
              .date == "2018-10-31");
    // Empty header fields, one under the other, name nothing; a download link is no label.
    const auto empty_fields = parse_text(
        "Byrådet - 14-03-2019\nReferat\nUdvalg:\nDato:\nTorsdag, 14 marts, 2019 - 18:30\n"
        "Hent som fil:\n23. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
        "24. Spørgetid\n\nBeslutning\nIngen spørgsmål.\n");
    CHECK(empty_fields.committee == "Byrådet");
    CHECK(numbers(empty_fields) == std::vector<int>{23, 24});
    // A name in capitals with its municipality.
    const auto capitals = parse_text(
        "KOMMUNALBESTYRELSEN FOR NORDFYNS KOMMUNE\n1. Dagsorden\nBeslutning\nGodkendt.\n");
    CHECK(capitals.committee == "Kommunalbestyrelsen");
    CHECK(capitals.municipality == "Nordfyns");
    CHECK(parse_text("Referat Magistraten 29-06-2020\n1. Dagsorden\nBeslutning\nIntet.\n")
              .committee == "Magistraten");
    // A name that ends in no body word, in the genitive before "møde den".
    const auto named = parse_text(
        "Social og sundheds møde den 17. april 2023\n1. Dagsorden\nBeslutning\nGodkendt.\n");
    CHECK(named.committee == "Social og sundhed");
    CHECK(named.date == "2023-04-17");
    // The decision heading names the meeting with its weekday and item number.
    const auto weekday = parse_text(
        "Møde i Forretningsudvalget 2018-2021\n1. Godkendelse af dagsorden\nBeslutning i "
        "Forretningsudvalget 2018-2021 fredag den 14. august 2020, pkt. 1\nGodkendt.\n");
    REQUIRE(weekday.items.size() == 1);
    REQUIRE(weekday.items[0].decision);
    CHECK(weekday.items[0].decision->text == "Godkendt.");
    CHECK(weekday.date == "2020-08-14");
    // The contents of the agenda under a header, no item in the excerpt: the header alone.
    const auto contents = parse_text(
        "Regionsrådet - Referat - 25. november 2019\nMødedato\n25-11-2019 kl. 15:00\n\n"
        "1. Regnskabsafslutningen for 2019\n2. SANO Middelfart\n3. Førstehjælpere\n");
    CHECK(contents.committee == "Regionsrådet");
    CHECK(contents.date == "2019-11-25");
    CHECK(contents.items.empty());
}

TEST_CASE("the municipality is the one the minutes name, or whose own bodies they name",
          "[layouts]") {
    // Every municipality has an Økonomiudvalget: committees.txt lists Stevns' but that names no
    // municipality, unless the minutes name Stevns or one of its own bodies.
    const std::string decided = "1. Dagsorden\nBeslutning\nGodkendt.\n";
    CHECK_FALSE(parse_text("Referat\nØkonomiudvalget\n" + decided).municipality);
    CHECK(parse_text("Referat\nØkonomiudvalget\n1. Stevns Kommuneplan\nBeslutning\nGodkendt.\n")
              .municipality == "Stevns");
    CHECK(parse_text("Referat\nØkonomiudvalget\n1. Skoleplan\nIndstilling\n"
                     "Direktionen indstiller til KB via BUL og ØU, at planen godkendes.\n"
                     "Beslutning\nAnbefales.\n")
              .municipality == "Stevns");
    // A body only Stevns has; a name many municipalities use is not resolved to one of them.
    CHECK(parse_text("Referat\nBørn, Unge og Læring\n" + decided).municipality == "Stevns");
    // Written otherwise than Stevns writes its Social og Sundhed: another municipality's body.
    CHECK_FALSE(parse_text("Referat\nSocial og sundhed\n" + decided).municipality);
    const auto common_name =
        parse_text("Åbent Referat til Udvalget for Kultur og Fritid\n" + decided);
    CHECK(common_name.committee == "Udvalget for Kultur og Fritid");
    CHECK_FALSE(common_name.municipality);
    // Nor is it when the items' routes name it.
    const auto routed = parse_text(
        "Åbent Referat til Udvalget for Kultur og Fritid\n1. Plan\n"
        "Indstilling\nDirektøren indstiller til Udvalget for Kultur og "
        "Fritid:\n1. At planen godkendes.\nBeslutning\nGodkendt.\n");
    const auto& route = routed.items.at(0).recommendation;
    CHECK((route && route->to == Strings{"Udvalget for Kultur og Fritid"}));
    CHECK((routed.committee == "Udvalget for Kultur og Fritid" && !routed.municipality));
    CHECK(parse_text("Referat\nØU\n" + decided).committee == "Økonomiudvalget");
    CHECK(parse_text("Referat\nØkonomiudvalget\nKøge Kommune\n" + decided).municipality == "Køge");
}

TEST_CASE("absences in the forms minutes record them", "[layouts]") {
    const auto r = parse_text(R"(Referat
Medlemmer:
Marlene Harpsøe (O)
Ib Olsen (V)
Fraværende:
Marlene Harpsøe
1. Dagsorden
Beslutning
Godkendt.
Afbud fra Anne-Merete Mikkelsen (A). John Larsen deltager i stedet.
2. Budget
Beslutning
Godkendt.
Mette Hoff (A) var fraværende. I stedet deltog Rie Frank (A)
Jakob Engel-Schmidt var fraværende under punkt 13.
Hanne Jensen (F) deltog i stedet for Bo Bech (F).
Åse Høeg forlod mødet kl. 16.35.
3. Regnskab
Beslutning
Godkendt.
Eva Kjer Hansen
)");
    // The party from the member list; substitutes present, the replaced absent; partial
    // attendance recorded apart; a name alone after the decision is the absence slot.
    CHECK(names(r.absent) == Strings{"Marlene Harpsøe/O", "Anne-Merete Mikkelsen/A", "Mette Hoff/A",
                                     "Bo Bech/F", "Eva Kjer Hansen"});
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[0].decision->text == "Godkendt.");
    CHECK(r.items[1].decision->text == "Godkendt.");
    CHECK(r.items[1].decision->partial.size() == 2);
    CHECK(r.items[2].decision->text == "Godkendt.");
    const auto numbered = parse_text(
        "1. Dagsorden\nBeslutning i Kommunalbestyrelsen den 17-01-2018\n"
        "Godkendt.\nAfbud:\n  1. Robert Sørensen, Ø\n");
    CHECK(names(numbered.items.at(0).decision->absent) == Strings{"Robert Sørensen/Ø"});
    CHECK(numbered.items[0].decision->points.empty());
}

TEST_CASE("absences in the forms a second review of real minutes found", "[layouts]") {
    SECTION("a capitalised label inside the decision, with the substitute after a dash") {
        const auto r = parse_text(R"(1. Godkendelse af dagsorden
Indstilling
Det indstilles, at dagsordenen godkendes.
BESLUTNING I ØKONOMIUDVALGET den 07-03-2016
FRAVÆRENDE: Anne Holm – som stedfortræder deltog Bo Lind.

Godkendt
)");
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].decision);
        CHECK(names(r.items[0].decision->absent) == Strings{"Anne Holm"});
        CHECK(names(r.absent) == Strings{"Anne Holm"});
        CHECK(r.items[0].decision->text == "Godkendt");
    }
    SECTION("an absence label after a label of notes, and alone after a decision") {
        const auto r = parse_text(R"(Beslutningsprotokol
Udvalg: Teknik- og Miljøudvalget
Bemærkninger: Afbud: Karen Dal
Udskriv hele dagsordnen
• Udskriv
Sagsid.: 20/11111

Sagsfremstilling

Dagsorden for mødet.

Beslutning Teknik- og Miljøudvalget den 01-09-2021

Godkendt.

Afbud: Karen Dal

• Udskriv
Sagsid.: 20/22222

Sagsfremstilling

Et regnvandsbassin.

Beslutning Teknik- og Miljøudvalget den 01-09-2021

Taget til efterretning.
)");
        CHECK(names(r.absent) == Strings{"Karen Dal"});
        REQUIRE(r.items.size() == 2);
        // The attendance line is the first item's, not the title of the second.
        CHECK(r.items[1].title.empty());
        // The page's heading over its items is no item's title; the line after the case number
        // is.
        const auto page = parse_text(
            "Udvalg: Teknik- og Miljøudvalget\nMødedato: 6. november 2017\nMødested: C3.40\n\n"
            "Dagsordenpunkter\n\nSagsnr.: 05.00.00-A00-2-17 Sagsbehandler: Lene Jakobsen\n\n"
            "Orientering om beskæftigelsesprojektet\n\nSagsfremstilling\n\nProjektet er i gang."
            "\n\nBeslutning\n\nTaget til efterretning.\n");
        REQUIRE(page.items.size() == 1);
        CHECK(page.items[0].title == "Orientering om beskæftigelsesprojektet");
        REQUIRE(r.items[0].decision);
        CHECK(names(r.items[0].decision->absent) == Strings{"Karen Dal"});
        CHECK(r.items[0].decision->text == "Godkendt.");
        // In the header alone; "Bemærkninger:" with no absence label records nobody.
        const std::string header = "Referat\nUdvalg: Byrådet\nBemærkninger: ";
        const std::string item = "\n1. Dagsorden\nBeslutning\nGodkendt.\n";
        CHECK(names(parse_text(header + "Afbud: Karen Dal" + item).absent) == Strings{"Karen Dal"});
        CHECK(parse_text(header + "Ingen" + item).absent.empty());
    }
    SECTION("sentences: not at the meeting, substitutes, in someone's place") {
        const auto r = parse_text(R"(1. Godkendelse af dagsorden
Beslutning
Godkendt
Per Holm, Gert vinther og Lise Dam deltog ikke på mødet.
Karl Bo og Mona Ib deltog som suppleanter.
2. Budget
Beslutning
Godkendt.
Inge Berg (A) deltog i mødet i stedet for Tove Lund (A).
)");
        REQUIRE(r.items.size() == 2);
        // "Gert vinther" is no name as printed (a surname in lower case): the others are still
        // read, and the substitutes are present.
        CHECK(names(r.items[0].decision->absent) == Strings{"Per Holm", "Lise Dam"});
        CHECK(r.items[0].decision->text == "Godkendt");
        CHECK(names(r.items[1].decision->absent) == Strings{"Tove Lund/A"});
        CHECK(r.items[1].decision->text == "Godkendt.");
        CHECK(names(r.absent) == Strings{"Per Holm", "Lise Dam", "Tove Lund/A"});
    }
    SECTION("a header's Afbud block of substitutions; partial attendance is no absence") {
        const auto r = parse_text(R"(Regionsrådet - referat 26-01-2009
Mødedato
26-01-2009 kl. 15:00
Afbud:
Bo Hald - Ulla Mik deltager som stedfortræder.
Jens Borg - Hanne Li deltager som stedfortræder.

Carl Ek og Dan Fog deltog ikke i pkt. 14-19 og den lukkede dagsorden.

1. Fusion af trafikselskaberne
Beslutning
Godkendt.
)");
        CHECK(names(r.absent) == Strings{"Bo Hald", "Jens Borg"});
    }
    SECTION("a participant list marking who sent word") {
        const auto r = parse_text(R"(Referat
Møde i Regionsrådet
mandag den 6. januar 2020 kl. 16:00
Deltagere:

Anna Krog (A), Formand

Peter Holm (O), 1. næstformand- afbud

Freddy Lyng (A)- deltog ikke i behandlingen af punkt: 1

Jorun Bak (A)- afbud

Susanne Vang (A)

Ellen Hald (C), stedfortræder for Jorun Bak

1. Godkendelse af dagsorden
Beslutning
Godkendt.
)");
        CHECK(names(r.absent) == Strings{"Peter Holm/O", "Jorun Bak/A"});
    }
    SECTION("a label alone on its line in an attendance item, the name on the next") {
        const std::string item = R"(Referat
Kommunalbestyrelsen
31-01-2019 kl. 18:00
1 Fraværende og bemærkninger til dagsorden
00.01.00P35-0098
Behandling
Mødedato
Kommunalbestyrelsen
31-01-2019
Fraværende
)";
        const std::string rest = R"(Bemærkninger til dagsordenen
Ingen.
2 Nyt børnehus
82.06.02P20-0001
Beslutning
Godkendt.
)";
        CHECK(names(parse_text(item + "Maja Fil\n" + rest).absent) == Strings{"Maja Fil"});
        CHECK(parse_text(item + "Ingen.\n" + rest).absent.empty());
        // The substitute summoned names the one replaced.
        CHECK(names(parse_text(item +
                               "Ingen.\nCarl Hest er indkaldt som suppleant for Maja Fil.\n" + rest)
                        .absent) == Strings{"Maja Fil"});
    }
    SECTION("a list that ends at a date") {
        const auto r = parse_text(
            "Referat\nMødedato: 25. april 2013\n"
            "Fraværende: Birte Fisk, Kristina Hat, Eik Alb 25. april 2013\n"
            "1. Overførsel af driftsbevillinger\nBeslutning\nGodkendt.\n");
        CHECK(names(r.absent) == Strings{"Birte Fisk", "Kristina Hat", "Eik Alb"});
    }
}

TEST_CASE("absences in the forms a third review of real minutes found", "[layouts]") {
    const std::string item = "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n";
    SECTION("a sentence run on after the header, names with initials") {
        const auto r = parse_text(
            "Referat af mødet i Regionsrådet 14. november 2007 i Regionshuset Viborg, 8800 Viborg "
            "Medlemmerne var mødt, bortset fra Anne V. Kristensen, Alice Espeholt og Tove "
            "Videbæk, der havde meldt afbud. Jonas Dahl forlod mødet kl. 16.\n" +
            item);
        CHECK(names(r.absent) == Strings{"Anne V. Kristensen", "Alice Espeholt", "Tove Videbæk"});
    }
    SECTION("a table cell of notes, a bulleted label with substitutes after a dash") {
        CHECK(names(parse_text("Referat\nUdvalg: | Byrådet |\nBemærkninger: | Der er afbud fra "
                               "Eivind Hansen. |\n" +
                               item)
                        .absent) == Strings{"Eivind Hansen"});
        const auto bulleted = parse_text(
            "Regionsrådet - Referat\n • Afbud\n\n • Villy Søvndal, F - Tine Jensen stedfortræder\n"
            " • Bo Libergren, V - Herdis Hanghøi stedfortræder\n\n" +
            item);
        CHECK(names(bulleted.absent) == Strings{"Villy Søvndal/F", "Bo Libergren/V"});
    }
    SECTION("names and parties each on a line of their own; a name glued to an address") {
        CHECK(
            names(parse_text("Referat - Forretningsudvalget\nFraværende:\n\nClaus Bakke\n\n(V)\n\n"
                             "Tina Boel\n\n(F)\n\nReferent: Ole Hansen\n" +
                             item)
                      .absent) == Strings{"Claus Bakke/V", "Tina Boel/F"});
        CHECK(names(parse_text("Økonomiudvalget Beslutningsprotokol\nAfbud: Jørgen S. Rask, Erling "
                               "Prang Silkeborg Kommune Søvej 1, 8600 Silkeborg\n" +
                               item)
                        .absent) == Strings{"Jørgen S. Rask", "Erling Prang"});
    }
    SECTION("a member marked away after a colon, in a list after the agenda's contents") {
        const auto r = parse_text(
            "Møde i regionsrådet den 22. marts 2022\nUdvalg\nRegionsrådet\nReferat\n"
            "1. Godkendelse af dagsorden\n2. Lånesag 2022\n\nMedlemmer\n\n"
            " • Lars Gaardhøj: Deltog\n • Sofie de Bretteville Olsen: Afbud (Stedfortræder Jarl "
            "Feyling, fraværende ved sag 1-4. )\n • Leila Lindén: Deltog\n");
        CHECK(r.items.empty());
        CHECK(names(r.absent) == Strings{"Sofie de Bretteville Olsen"});
    }
    SECTION("a line of names with their parties under the title or the case number") {
        const auto r = parse_text(
            "Nr.178 - Godkendelse af dagsordenen\nLars Egedal (V), Hans Nissen (A)\n"
            "Beslutning i Byrådet den 19-12-2016\nGodkendt.\n"
            "Nr.179 - Trafikplan\nSagsnr.: 17/27367\nCarsten Nielsen (A)\nBeslutningstema\n"
            "Planen drøftes.\nBeslutning i Byrådet den 19-12-2016\nGodkendt.\n");
        REQUIRE(r.items.size() == 2);
        REQUIRE(r.items[0].decision);
        CHECK(names(r.items[0].decision->absent) == Strings{"Lars Egedal/V", "Hans Nissen/A"});
        REQUIRE(r.items[1].decision);
        CHECK(names(r.items[1].decision->absent) == Strings{"Carsten Nielsen/A"});
        CHECK(r.items[1].case_number == "17/27367");
    }
}

TEST_CASE("decisions a third review of real minutes found", "[layouts]") {
    SECTION("an earlier meeting's decision printed first under the same kind of heading") {
        const auto r = parse_text(
            "9. Udførte arbejder i trafik i 2017\nBeslutning i Udvalget for Infrastruktur og "
            "Trafik den 13-12-2017\nOrienteringen taget til efterretning.\n"
            "Beslutning i Infrastruktur- og Teknikudvalget den 10-01-2018\n"
            "Orienteringen tages til efterretning.\n");
        CHECK(r.date == "2018-01-10");
        CHECK(r.committee == "Infrastruktur- og Teknikudvalget");
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Orienteringen tages til efterretning.");
        REQUIRE(r.items[0].history.size() == 1);
        CHECK(r.items[0].history[0].date == "2017-12-13");
    }
    SECTION("a decision reported after the Indstilling, with no heading; a journal reference") {
        const auto r = parse_text(R"(Borgerrepræsentationen
BESLUTNINGSPROTOKOL
fra Ordinært møde torsdag den 31. maj 2007
Nr. 26           BR 217/07. Lokalplan "Hf Engvang"
Indstilling om,
1.                  at forslag til lokalplan "Hf. Engvang" vedtages,
2.                  at indsigelsesfristen fastsættes til 2 måneder.
(Teknik- og Miljøudvalget)
Indstillingen blev godkendt uden afstemning.
Til top
Nr. 27           BR 218/07. Medlemsforslag om cykelstier
Det foreslås,
1.            at der anlægges cykelstier.
Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.
)");
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].title == "Lokalplan \"Hf Engvang\"");
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->points.size() == 2);
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Indstillingen blev godkendt uden afstemning.");
        CHECK(outcome_name(r.items[0].decision->outcome) == "approved");
        REQUIRE(r.items[1].decision);
        CHECK(outcome_name(r.items[1].decision->outcome) == "approved");
    }
    SECTION("a field naming the bodies the case passes does not end the Resume it stands in") {
        const auto r = parse_text(R"(Byrådet - Referat
Dato: 29. januar 2020
3. Godkendelse af indkaldte stedfortrædere
Resume
Sagsforløb: BY
Byrådet anmodes om at godkende, at 1. stedfortræder på liste V indkaldes.
Sagsfremstilling
Det fremgår af styrelsesloven, at Byrådet træffer beslutning.
Sagsgang: TMU - ØU - BY
Byrådet skal derfor godkende indkaldte stedfortrædere.
Beslutning
Godkendt
4. Orientering om Sagsforløb
Resume
Sagsforløb: Sagen blev behandlet i Økonomiudvalget i maj.
Beslutning
Taget til efterretning.
)");
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].resume ==
              "Byrådet anmodes om at godkende, at 1. stedfortræder på liste V indkaldes.");
        CHECK(r.items[0].case_text.find("Byrådet skal derfor") != std::string::npos);
        REQUIRE(r.items[0].decision);
        CHECK(r.items[0].decision->text == "Godkendt");
        // A history in words is a section of its own.
        CHECK(!r.items[1].resume);
    }
    SECTION("an absentee of some items is absent from the meeting when they are all its items") {
        const std::string minutes = R"(Kommunalbestyrelsen
24-09-2019
Fraværende

Britt Jensen (A), sag 129-130
Brian Møller (A), sag 130

Spørgetid
Sag nr. 129
Sagens kerne
Beslutning
Taget til efterretning.

Lokalplan 145 - endelig vedtagelse
Sag nr. 130
Sagens kerne
Forslaget har været i høring.
Beslutning
Godkendt.
)";
        const auto r = parse_text(minutes);
        REQUIRE(r.items.size() == 2);
        // Britt Jensen missed both items; Brian Møller attended item 129.
        REQUIRE(r.absent.size() == 1);
        CHECK(r.absent[0].name == "Britt Jensen");
        CHECK(r.absent[0].party == "A");
    }
    SECTION("members who propose are who recommends") {
        const auto r = parse_text(
            "1. Priser i Cafe Tryk\nIndstilling\nMaria Haladyn (A) og Karl Magnus Bidstrup (A) "
            "fremsætter forslag om at priserne fastsættes efter laveste sats.\nBeslutning\n"
            "Godkendt.\n");
        REQUIRE(r.items.at(0).recommendation);
        CHECK(r.items[0].recommendation->by == "Maria Haladyn (A) og Karl Magnus Bidstrup (A)");
    }
}

TEST_CASE("the outcome is the body's own decision", "[layouts]") {
    const auto& r = testing::patterns();
    auto outcome = [&](const char* text) { return outcome_name(parse::classify_outcome(text, r)); };
    // "udsat" about another point does not postpone the item.
    CHECK(outcome("Dagsordenen blev godkendt med følgende ændring: punkt 85 udsættes.") ==
          "approved");
    // A member's position is no decision of the body.
    CHECK(outcome("Administrationens indstilling anbefales. Claus Madsen (F) kan ikke anbefale "
                  "indstillingen.") == "recommended");
    CHECK(outcome("Rie Nielsen fremsatte forslag om, at punkt 8 udsættes. For stemte 23 medlemmer. "
                  "Forslaget var herefter vedtaget.") == "approved");
    // A discussion first, the decision after.
    CHECK(outcome("Udvalget drøftede sagen. Udvalget tog orienteringen til efterretning.") ==
          "noted");
    CHECK(outcome("Fremsendes til Teknisk Udvalg til behandling.") == "referred");
    // A relative clause says what was done to something else; "Der blev …" is the decision.
    CHECK(outcome("Sagen, som blev udsat på sidste møde, blev godkendt.") == "approved");
    CHECK(outcome("Hjemmesiden ajourføres for byrådsmedlemmer, der er bevilget orlov.") == "other");
    CHECK(outcome("Der blev bevilget 2 mio. kr. til projektet.") == "approved");
    CHECK(outcome("Udvalget kan ikke anbefale indstillingen.") == "rejected");
    CHECK(outcome("Indstilles godkendt.") == "recommended");
    // The noun is no recommendation; a body that handles a proposal has handled it.
    CHECK(outcome("Anbefalingerne til det videre arbejde blev drøftet.") == "discussed");
    CHECK(outcome("Udvalgets anbefalinger indgår i de videre forhandlinger.") == "other");
    CHECK(outcome("Udvalget behandler forslag til budget 2023.") == "handled");
    // Sent on to another body, whatever that body is to do with it.
    for (const char* sent :
         {"Sendt til behandling i Magistraten", "sendt til Teknisk Udvalg",
          "Sendt til Kulturudvalget. Behandlet sammen med sag 4.",
          "Henvist til Magistraten med henblik på at indgå i budgetdrøftelserne.",
          "Rådets forslag sendes herefter til endelig godkendelse i SSU den 1. december 2021."}) {
        INFO(sent);
        CHECK(outcome(sent) == "referred");
    }
    CHECK(outcome("Vedtaget. Behandlet sammen med sag 24.") == "approved");
    CHECK(outcome("Sagen sendes tilbage til forvaltningen.") == "postponed");
    CHECK(
        outcome("Forslagets indstillingspunkt 1 og 2 var herefter fremmet til realitetsbehandling "
                "i forretningsudvalget.") == "referred");
    // A sentence that opens with another item's number is about that item.
    const auto agenda = parse_text(
        "24. Godkendelse af dagsorden\nBeslutning\nPunkt 28. Beslutning om aftale med Lejerbo "
        "13/39690 udsat.\nDagsordenen blev herefter godkendt.\nReferat\n");
    REQUIRE(agenda.items.at(0).decision);
    CHECK(outcome_name(agenda.items[0].decision->outcome) == "approved");
    CHECK(agenda.items[0].decision->points.empty());
    CHECK(agenda.items[0].decision->text.ends_with("herefter godkendt."));
}

TEST_CASE("votes with party letters, party names and members", "[layouts]") {
    const auto& r = testing::patterns();
    auto v = parse::parse_votes(
        "For stemte 23 medlemmer (V, A (undtagen Henrik Hansen), B og C). Imod stemte 5 medlemmer "
        "(O og Ø).",
        r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"V", "A", "B", "C"});
    CHECK(v->against == Strings{"O", "Ø"});
    v = parse::parse_votes(
        "Socialistisk Folkeparti og Socialdemokratiet stemte for denne ændring. Venstre, "
        "Det Konservative Folkeparti og Radikale Venstre stemte imod.",
        r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"F", "A"});
    CHECK(v->against == Strings{"V", "C", "B"});
    v = parse::parse_votes(
        "6 medlemmer (V+A+C+N) anbefaler indstillingen. O (1) kan ikke anbefale den.", r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"V", "A", "C", "N"});
    CHECK(v->against == Strings{"O"});
    v = parse::parse_votes(
        "Socialistisk Folkepartis og Enhedslisten de Rød-Grønnes byrådsgrupper og Viggo "
        "Jonasen kunne ikke tiltræde indstillingen.",
        r);
    REQUIRE(v);
    CHECK(v->for_parties.empty());
    CHECK(v->against == Strings{"F", "Ø", "Viggo Jonasen"});
    // Majorities and minorities named by their members, parties by abbreviation, members with an
    // initial, more ways to dissent: (text, for, against). A majority's own "kan ikke godkende"
    // is the decision; a minority is against whatever it wishes.
    const std::vector<std::tuple<std::string, Strings, Strings>> sides{
        {"Et flertal bestående af Line Krogh Lay (B), Helen Sørensen (A) og Flemming Petersen (V) "
         "kan ikke godkende, at sagen er på dagsordenen. Et mindretal bestående af Varly Jensen "
         "(O) og Jørgen Larsen (N) ønsker sagen behandlet.",
         {"B", "A", "V"},
         {"O", "N"}},
        {"DF, Enhedslisten, Marie Louise Brehm Nielsen og Henning A. Rasmussen kan ikke tiltræde "
         "beslutningen. SF kan ikke tilslutte sig rammeudmeldingen. Konservative kan ikke "
         "anerkende redegørelsen.",
         {},
         {"O", "Ø", "Marie Louise Brehm Nielsen", "Henning A. Rasmussen", "F", "C"}},
        {"Et flertal af Økonomiudvalget (Anette Mortensen (V), Steen S. Hansen (A) og Mikkel "
         "Lundemann Rasmussen (C) anbefaler visionsforslaget: Stevns - Du kommer igen! Varly "
         "Jensen (O) ønsker klare målsætninger.",
         {"V", "A", "C"},
         {}},
        {"Et flertal (V, O og C) godkender. Et mindretal (A) stemte imod.", {"V", "O", "C"}, {"A"}},
    };
    for (const auto& [text, for_parties, against] : sides) {
        INFO(text);
        const auto read = parse::parse_votes(text, r);
        CHECK((read && read->for_parties == for_parties && read->against == against));
    }
    // Counted by party, an amendment voted on first: the last vote is the decision's.
    v = parse::parse_votes(
        "For stemte: A (9), Karin Friis Bach (B), C (10), M (1), i alt 30. Imod stemte: B (4) og Ø "
        "(6), i alt 10. Ændringsforslaget var herefter fremmet. For stemte: A (9), C (10) og Anne "
        "Ehrenreich (ufp), i alt 28. Imod stemte: B (4) og Ø (6), i alt 10. Undlod at stemme: "
        "Karin "
        "Friis Bach (B) og M (1), i alt 2.",
        r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"A", "C", "Anne Ehrenreich"});
    CHECK(v->against == Strings{"B", "Ø"});
    CHECK(v->abstained == Strings{"B", "M"});
    // A member with a party of no letter: the party as written stands for the member.
    v = parse::parse_votes(
        "For: 3 (Bo Hilsted (A), Knud Løkke Rasmussen (Frie Liberale), Helle Abild Hansen (I)) "
        "Imod: 1 (Hanne Berg (F))",
        r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"A", "Frie Liberale", "I"});
    CHECK(v->against == Strings{"F"});
    // The parts of a vote on lines of their own, run into one sentence.
    v = parse::parse_votes("For stemte: V og I Imod stemte: A, B, C, F, O og Ø.", r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"V", "I"});
    CHECK(v->against == Strings{"A", "B", "C", "F", "O", "Ø"});
    v = parse::parse_votes(
        "For flertalsindstillingen fra ØK stemte 11 (Radikale Venstre, Klaus Anker Hansen) Imod "
        "stemte 8 (Jeppe Ugilt, Venstre) Undlod at stemme 5 (Dansk Folkeparti, Morten Lem)",
        r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"B", "Klaus Anker Hansen"});
    CHECK(v->against == Strings{"Jeppe Ugilt", "V"});
    CHECK(v->abstained == Strings{"O", "Morten Lem"});
    v = parse::parse_votes(
        "For: 20 (Bo Hilsted (A), Helle Abild Hansen (I)) Imod: 6 (Ulla Hansen (C))", r);
    REQUIRE(v);
    CHECK(v->for_parties == Strings{"A", "I"});
    CHECK(v->against == Strings{"C"});
}

TEST_CASE("the recommendation's route and points", "[layouts]") {
    SECTION("a route ending in a semicolon; 'Baggrund og vurdering' ends the Indstilling") {
        const auto r = parse_text(
            "1. Lokalplan\nIndstilling\nDirektøren for Teknik og Miljø indstiller til udvalget;\n"
            "at planen godkendes.\nBaggrund og vurdering\nPlanen er udarbejdet.\nBeslutning\n"
            "Godkendt.\n");
        REQUIRE(r.items.at(0).recommendation);
        CHECK(r.items[0].recommendation->to == Strings{"udvalget"});
        CHECK(r.items[0].recommendation->text.find("udarbejdet") == std::string::npos);
    }
    SECTION("the recommender after another sentence, on a line of its own, or bare at the end") {
        const auto r = parse_text(
            "1. Regnskab\nIndstilling\nBilag vedlagt. Direktionen indstiller, at regnskabet "
            "godkendes.\nBeslutning\nGodkendt.\n2. Kvalitetsrapport\nIndstilling\n"
            "Børn- og Ungeforvaltningen\nindstiller, at byrådet godkender rapporten.\nBeslutning\n"
            "Godkendt.\n3. Status\nIndstilling\nØkonomi- og Erhvervsudvalget indstiller,\n\n"
            "at orienteringen tages til efterretning.\nØkonomi- og Erhvervsudvalget indstiller,\n"
            "\nBeslutning\nTaget til efterretning.\n");
        REQUIRE(r.items.size() == 3);
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->by == "Direktionen");
        REQUIRE(r.items[1].recommendation);
        CHECK(r.items[1].recommendation->by == "Børn- og Ungeforvaltningen");
        CHECK(r.items[1].recommendation->to == Strings{"byrådet"});
        REQUIRE(r.items[2].recommendation);
        CHECK(r.items[2].recommendation->text ==
              "Økonomi- og Erhvervsudvalget indstiller, at orienteringen tages til efterretning.");
        // An abbreviation ends no sentence of the recommender's name.
        for (const std::string by : {"Adm. Direktør Hans Hansen", "Sekretariatet m.fl. Økonomi"}) {
            const auto named = parse_text("1. Regnskab\nIndstilling\n" + by +
                                          " indstiller, at regnskabet godkendes.\nBeslutning\n"
                                          "Godkendt.\n");
            REQUIRE(named.items.at(0).recommendation);
            CHECK(named.items[0].recommendation->by == by);
        }
        // A sentence about the case's way in a paragraph before the recommender's.
        const auto way = parse_text(
            "1. Diæter\nIndstilling\nSagen bliver behandlet i Økonomiudvalget og "
            "Kommunalbestyrelsen.\n\nDirektionscentret indstiller,\n\n• at det bliver "
            "drøftet\n\n• at det bliver fastsat\nBeslutning\nGodkendt.\n");
        const auto& rec = way.items.at(0).recommendation;
        CHECK((rec && rec->by == "Direktionscentret" &&
               rec->points == Strings{"det bliver drøftet", "det bliver fastsat"}));
    }
    SECTION("the body the first clause asks to act, whatever it is asked to do") {
        const std::vector<std::pair<std::string, std::string>> clauses{
            {"Byrådet frigiver en anlægsbevilling", "Byrådet"},
            {"byrådet hjemtager et lån", "byrådet"},
            {"Kommunalbestyrelsen fastsætter taksterne", "Kommunalbestyrelsen"},
            {"Udvalget for Teknik afsætter midler", "Udvalget for Teknik"}};
        for (const auto& [clause, body] : clauses) {
            INFO(clause);
            const auto r = parse_text("1. Sag\nIndstilling\nDirektionen indstiller, at " + clause +
                                      ".\nBeslutning\nGodkendt.\n");
            REQUIRE(r.items.at(0).recommendation);
            CHECK(r.items[0].recommendation->to == Strings{body});
        }
    }
    const auto r = parse_text(R"(1. Orlov
Forslag
Borgmesteren foreslår,
at anmodningen imødekommes,
at Simon Rømer indtræder.
Beslutning
Godkendt.
2. Workshop
Indstilling
Økonomi og Erhverv fremsender til Økonomiudvalgets orientering en workshop.
Beslutning
Til orientering.
3. Stedfortræder
Sagsnummer: 00.22.04-G01-2-18

Administrationen indstiller til Byrådet
  1. at godkende dagsorden
Beslutning
Godkendt.
)");
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[0].recommendation->by == "Borgmesteren");
    CHECK(r.items[0].recommendation->points ==
          Strings{"anmodningen imødekommes,", "Simon Rømer indtræder."});
    CHECK(r.items[1].recommendation->to == Strings{"Økonomiudvalget"});
    // An Indstilling printed without its heading; a journal number with its KLE code whole.
    REQUIRE(r.items[2].recommendation);
    CHECK(r.items[2].recommendation->to == Strings{"Byrådet"});
    CHECK(r.items[2].recommendation->points == Strings{"godkende dagsorden"});
    CHECK(r.items[2].case_number == "00.22.04-G01-2-18");

    // The heading names the recommender; a saved page's table cells; a recommendation with no
    // route or "at".
    const auto heading = parse_text(
        "1. Dagsorden\nAdministrationen indstiller\nat | dagsordenen godkendes |\nBeslutning\n"
        "Godkendt\n2. Kulturstrategi\nIndstilling og beslutning\nOmrådechefen for Fritid og Kultur "
        "indstiller udviklingen af en kulturstrategi til drøftelse.\n");
    REQUIRE(heading.items.size() == 2);
    REQUIRE(heading.items[0].recommendation);
    CHECK(heading.items[0].recommendation->by == "Administrationen");
    CHECK(heading.items[0].recommendation->text == "at dagsordenen godkendes");
    REQUIRE(heading.items[1].recommendation);
    CHECK(heading.items[1].recommendation->by == "Områdechefen for Fritid og Kultur");
    CHECK(heading.items[1].recommendation->to.empty());
}

TEST_CASE("a PDF-to-text rendering with each page on one line", "[layouts]") {
    const auto r = parse_text(
        "Transkript\n\n"
        "1 TÅRNBY KOMMUNE Referat til Kommunalbestyrelsen Mødedato: Tirsdag den 30. april 2013 "
        "Mødetidspunkt: 18:30 Medlemmer: Afbud: Henrik Zimino, Allan S. Andersen, Arne Hansen\n\n"
        "2 1. Godkendelse af dagsorden Åben sag Sagsnr.: 13/10057 Sagsansvarlig: mhe Fraværende: "
        "Afbud: Jannie Meiltoft, Lars Brandstrup RESUMÉ Dagsorden for mødet. BESLUTNING I "
        "KOMMUNALBESTYRELSEN DEN Godkendt. 2\n");
    CHECK(r.committee == "Kommunalbestyrelsen");
    CHECK(r.date == "2013-04-30");
    CHECK(names(r.absent) == Strings{"Jannie Meiltoft", "Lars Brandstrup"});
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].title == "Godkendelse af dagsorden");
    CHECK(r.items[0].case_number == "13/10057");
    CHECK(r.items[0].resume == "Dagsorden for mødet.");
    REQUIRE(r.items[0].decision);
    CHECK(r.items[0].decision->text == "Godkendt.");

    // A running header with the municipality before the body and its page number.
    const auto running = parse_text(
        "Transkript\n\n1 Referat Økonomiudvalget tirsdag den 16. januar 2018 kl. 16:00 i "
        "Rådhuset, med en lang række deltagere og bemærkninger til mødet\n\n"
        "2 Lejre Kommune Økonomiudvalget Side 1 1. ØU - Godkendelse af dagsorden Sagsnr.: 17/1 "
        "Beslutning den : Godkendt.\n\n3 Lejre Kommune Økonomiudvalget Side 2 2. ØU - Orientering "
        "Sagsnr.: 17/2 Beslutning den : Taget til efterretning.\n");
    CHECK(numbers(running) == std::vector<int>{1, 2});
    REQUIRE(running.items.size() == 2);
    CHECK(running.items[0].title == "ØU - Godkendelse af dagsorden");

    // A decision labelled by the meeting, run on after other text, with no date left.
    const auto labelled = parse_text(
        "Transkript\n\n1 side 1 Åbent referat for Byrådets møde den kl. 17:00 Tilgår pressen\n\n"
        "2 side Spørgetid P24 sagsnr Byrådets møde punkt 657: Simon Riber Christensen spurgte til "
        "Borgerservice. Borgmesteren lovede at sende et skriftligt svar på proces og på de "
        "konkrete forslag.\n\n3 side 3 Byrådet Budgetopfølgning og budgetproces for de kommende "
        "år med alle udvalg og et langt referat på hele siden uden overskrifter\n");
    REQUIRE(labelled.items.size() == 1);
    REQUIRE(labelled.items[0].decision);
    CHECK(labelled.items[0].decision->text.starts_with("Simon Riber Christensen spurgte"));

    // The meeting's date before "Sluttidspunkt" on a run-on header line; a running header whose
    // fields lost their values is no part of the title.
    const auto header = parse_text(
        "Transkript\n\n1 Erhvervsudvalget Referat Dato 08. september 2014 Mødetidspunkt 16:00 "
        "Sluttidspunkt 18:05 Sted Lokale 1, Vordingborg Rådhus og et langt referat videre\n\n"
        "2 Vordingborg Kommune Dato Side Erhvervsudvalget Godkendelse af dagsorden Sagsnr.: 14/ "
        "Sagsfremstilling Dagsorden til mødet er udsendt. Indstilling Administrationen indstiller, "
        "at dagsordenen godkendes. Beslutning i Erhvervsudvalget den Indstillingen tiltrådt. 2\n\n"
        "3 Vordingborg Kommune Dato Side Erhvervsudvalget Orientering fra formanden Sagsnr.: 13/ "
        "Sagsfremstilling Formanden orienterer om diverse emner. Beslutning i Erhvervsudvalget "
        "den Til orientering. 3\n");
    CHECK(header.date == "2014-09-08");
    REQUIRE(header.items.size() == 2);
    CHECK(header.items[0].title == "Godkendelse af dagsorden");

    // Two headings one space apart: the space that ends the first begins the second.
    const auto adjacent = parse_text(
        "Transkript\n\n1 Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 "
        "Mødetidspunkt: 9:30-11:00 Deltagere: Johnny Søtrup (V), Henrik Vallø (C) Afbud:\n\n"
        "2 1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.: 14/40 Initialer: dosko Åben sag "
        "Beslutning Økonomiudvalget den Godkendt. Afbud: Ingen Side 2\n\n"
        "3 2. Opfølgning på lokalrådsmøder Dok.nr.: 2005 Sagsid.: 14/19290 Åben sag Indledning "
        "Lokalrådene har holdt møder. Beslutning Økonomiudvalget den Taget til efterretning. "
        "Side 3\n");
    CHECK(decisions(adjacent) == Strings{"Godkendt.", "Taget til efterretning."});

    // The absentees run on into the decision, the decision into the page number; a decision
    // word before "Side" is no running footer.
    const auto run_on = parse_text(
        "Transkript\n\n1 Åbent Referat til Byrådet Mødedato: Tirsdag den 30. juni 2015 "
        "Mødetidspunkt: 17:00 Mødested: Deltagere: Fraværende: Referent: Bytoften, Mødesalen Erik "
        "Buhl Nielsen, Peder Foldager Hansen, Holger Grumme Nielsen Anders Linde, Søren Laulund "
        "Britta Boel\n\n"
        "2 436. Godkendelse af dagsorden Dok.nr.: 5726 Åben sag Beslutning Byrådet den "
        "Fraværende: Anders Linde, Søren Laulund Godkendt. Side 1027\n\n"
        "3 437. Budgetopfølgning Dok.nr.: 5727 Åben sag Beslutning Byrådet den Godkendt Side "
        "1028\n");
    // The header's labels in a row, then their values: who was absent is told by the items.
    CHECK(names(run_on.absent) == Strings{"Anders Linde", "Søren Laulund"});
    CHECK(decisions(run_on) == Strings{"Godkendt.", "Godkendt"});
    CHECK(names(run_on.items.at(0).decision->absent) == Strings{"Anders Linde", "Søren Laulund"});

    // The page's running header, the committee, run onto the title that starts the page.
    const auto headed = parse_text(
        "Transkript\n\n1 Referat Kultur-, Idræts- og Fritidsudvalget Mødedato: Onsdag den 13. "
        "januar 2016 Mødested: Rådhuset, med medlemmer og afbud på en lang linje\n\n"
        "2 Kultur-, Idræts- og Fritidsudvalget Godkendelse af dagsorden januar 2016 Sagsnr.: 14/1 "
        "Sagsfremstilling Dagsorden er udsendt. Beslutning Godkendt. Side 2\n\n"
        "3 Kultur-, Idræts- og Fritidsudvalget Orienteringspunkter januar 2016 Sagsnr.: 13/2 "
        "Sagsfremstilling Orientering. Beslutning Taget til efterretning. Side 3\n");
    REQUIRE(headed.items.size() == 2);
    CHECK(headed.items[0].title == "Godkendelse af dagsorden januar 2016");
    CHECK(headed.items[1].title == "Orienteringspunkter januar 2016");

    // A decision that is a numbered list, run on after its heading.
    const auto listed = parse_text(
        "Transkript\n\n1 Referat Økonomiudvalget Mødedato: Torsdag den 15. maj 2014 Mødested: "
        "Rådhuset, mødelokale 1, med deltagere og afbud\n\n2 1. Orientering fra borgmesteren "
        "Sagsfremstilling Orientering fra borgmesteren. Beslutning 1. Borgermøder - koncept. 2. "
        "Turismepolitik og ny aftale med turistforeningen. Side 2\n");
    CHECK(
        decisions(listed) ==
        Strings{"1. Borgermøder - koncept. 2. Turismepolitik og ny aftale med turistforeningen."});

    // Labels whose values were lost, then "Beslutning [i <body>] den :" with no date: the
    // decision is no label's value, and an empty "Indstilling:" is no recommendation.
    const auto empty_labels = parse_text(
        "Transkript\n\n1 Referat fra mødet i Udvalget for Kultur og Planlægning Mødedato: "
        "Tirsdag den 6. april 2010 Mødested: Udvalgsværelse 3, med deltagere og afbud\n\n"
        "2 Side 1 1. Godkendelse af dagsorden Sagsnr.: Resumé: Indstilling: "
        "Beslutningskompetence: Beslutning den : Godkendt. Side 2\n\n"
        "3 35 Kulturpuljen Sagsnr.: Sagen afgøres i: Udvalget for Kultur og Planlægning "
        "Indstillinger: Indstilles til godkendelse Bilag: Beslutning i Udvalget for Kultur og "
        "Planlægning den : Godkendt med den ændring, at puljen deles. Side 3\n");
    CHECK(decisions(empty_labels) ==
          Strings{"Godkendt.", "Godkendt med den ændring, at puljen deles."});
    CHECK_FALSE(empty_labels.items.front().recommendation);
    REQUIRE(empty_labels.items.back().recommendation);
    CHECK(empty_labels.items.back().recommendation->text == "Indstilles til godkendelse");
}

TEST_CASE("what is not minutes stays not minutes; a header alone is", "[layouts]") {
    // A list of cases with headings but no decision and nothing of a meeting.
    CHECK_THROWS_WITH(parse_text("Sager på vej\nResume\nEn sag.\nBilag\nliste.pdf\n"),
                      Catch::Contains("not minutes"));
    CHECK_THROWS_WITH(
        parse_text("Dagsorden\n1. Budget\nResume\nBudgettet.\n2. Anlæg\nResume\nPlan.\n"),
        Catch::Contains("agenda"));
    // The header of minutes cut before their first item.
    const auto r = parse_text(
        "Referat\nØkonomiudvalget\nMødedato:\nMandag den 16. marts 2015\n"
        "Fraværende:\nMarlene Harpsøe\n");
    CHECK(r.items.empty());
    CHECK(r.committee == "Økonomiudvalget");
    CHECK(r.date == "2015-03-16");
    CHECK(names(r.absent) == Strings{"Marlene Harpsøe"});
}

namespace {

// A copy of the shipped patterns with one file's text replaced.
struct EditedPatterns : testing::TempDir {
    EditedPatterns(const std::string& file, const std::string& from, const std::string& to)
        : TempDir("referat-contract-") {
        namespace fs = std::filesystem;
        fs::create_directories(path() / "themes");
        for (const auto& e : fs::directory_iterator(REFERAT_SOURCE_DIR "/patterns"))
            if (e.is_regular_file()) fs::copy_file(e.path(), path() / e.path().filename());
        const auto p = path() / file;
        auto text = testing::read_file(p.string());
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
    }

    // What loading and compiling every pattern (as `referat ingest` does at start) reports.
    std::string load_error() const {
        try {
            rules::Rules::load(path().string()).compile_all();
            return "";
        } catch (const rules::PatternError& e) {
            return e.what();
        }
    }
};

}  // namespace

TEST_CASE("the pattern files are held to the contract at load", "[layouts][rules]") {
    // A renamed group: the code reads "names".
    CHECK_THAT(EditedPatterns("parse.re", ")+(?P<names>.*)$", ")+(?P<navne>.*)$").load_error(),
               Catch::Matches(".*/parse\\.re:\\d+: pattern for 'absence\\.label' lacks the named "
                              "group \\(\\?P<names>\\.\\.\\.\\)"));
    // A misspelt key names the one it was meant to be.
    CHECK_THAT(EditedPatterns("parse.re", "absence.label ", "absense.label ").load_error(),
               Catch::Matches(".*parse\\.re:\\d+: unknown key 'absense\\.label' \\(did you mean "
                              "'absence\\.label'\\?\\)"));
    // A key in the wrong file, and a required key left out.
    CHECK_THAT(EditedPatterns("parse.re", "list.separator ", "section.other ").load_error(),
               Catch::Contains("key 'section.other' belongs in sections.re"));
    CHECK_THAT(EditedPatterns("parse.re", "point.intro ", "# point.intro ").load_error(),
               Catch::Contains("parse.re: no pattern for 'point.intro'"));
    // An optional key may be left out.
    CHECK(EditedPatterns("structure.re", "item.number_line ", "# item.number_line ")
              .load_error()
              .empty());
}

TEST_CASE("a pattern is compiled when first used, a bad one failing with its file and line",
          "[layouts][rules]") {
    // An unclosed group in a parse pattern: loading reads it without compiling it, so a command
    // that never uses it (search reads no parse pattern) is not stopped by it.
    const EditedPatterns edited("parse.re", "point.intro ", "point.intro (unclosed ");
    const auto rules = rules::Rules::load(edited.path().string());
    CHECK(rules.committee("BUL") != nullptr);
    CHECK(rules.full_match("date.iso", "2020-08-31"));
    CHECK_THROWS_WITH(rules.partial_match("point.intro", "Det indstilles, at"),
                      Catch::Matches(".*/parse\\.re:\\d+: bad pattern for point\\.intro: .*"));
    // Every use after the first failure fails the same way; the ingest pipeline compiles all first.
    CHECK_THROWS_AS(rules.partial_match("point.intro", "at"), rules::PatternError);
    CHECK_THROWS_WITH(ingest::Pipeline(rules), Catch::Contains("bad pattern for point.intro"));
}

TEST_CASE("letter classes mean letters of the Latin script", "[layouts][rules]") {
    using rules::latin_letter_classes;
    const auto compiled = [](const std::string& pattern) {
        return std::make_unique<RE2>(latin_letter_classes(pattern));
    };
    // Outside brackets a class becomes a bracket expression, inside one its bare ranges.
    CHECK(latin_letter_classes("\\p{Lu}\\d").front() == '[');
    CHECK(latin_letter_classes("[\\p{L}\\s-]").find("[[") == std::string::npos);
    // Other escapes and classes, and an escaped bracket, stay as written.
    CHECK(latin_letter_classes("\\d+\\[x\\]\\p{N}\\\\") == "\\d+\\[x\\]\\p{N}\\\\");
    // A ']' opening a bracket expression is a member: the class after it is still inside.
    const auto negated = compiled("^[^]\\pL]+$");
    REQUIRE(negated->ok());
    CHECK(RE2::FullMatch("12 34", *negated));
    CHECK_FALSE(RE2::FullMatch("12 a", *negated));

    const auto name = compiled("^\\p{Lu}\\p{Ll}+(?:[\\s-]\\p{Lu}[\\p{L}]+)*$");
    REQUIRE(name->ok());
    for (const char* written :
         {"Ærø", "Åse Østergård", "Şahin-Đorđević", "Łukasz Žukauskas", "Nguyễn Văn"})
        CHECK(RE2::FullMatch(written, *name));
    // Lower case first (exact in Latin-1), or letters of other scripts, are not such names.
    for (const char* written : {"ærø", "über", "Ωmega", "Иван", "Ab1"})
        CHECK_FALSE(RE2::FullMatch(written, *name));
    // Beyond Latin-1 a letter is of either case.
    CHECK(RE2::FullMatch("łukasz", *name));
    // Under (?i) a narrowed upper-case class still folds.
    CHECK(RE2::FullMatch("ø", *compiled("(?i)\\p{Lu}")));
}

TEST_CASE("items without titles whose decisions are numbered points", "[layouts]") {
    // A web page whose items lost their titles: each opens with its Resume, and its decision is
    // one numbered point under "Beslutning", after the members who did not take part.
    const auto r = parse_text(R"(Referat

Torsdag d. 2 juni 2022
UdvalgFolkeoplysningsudvalget
Bemærkninger
Deltog ikke på mødet: Bjarne Lykke, Anne Munch

Resume

Godkendelse af dagsorden for FOU den 2. juni 2022.

Indstilling

Forvaltningen indstiller, at

1. dagsorden godkendes.

Beslutning

Deltog ikke ved sagens behandling: Anne Munch, John Dalsgaard, Bjarne Lykke

 1. Godkendt

Resume

Budgetorientering

Indstilling

Forvaltningen indstiller, at

1. orientering tages til efterretning.

Beslutning

Følgende udeblev uden afbud: Anne Munch, John Dalsgaard og Bjarne Lykke.

 1. Taget til efterretning
)");
    CHECK(r.committee == "Folkeoplysningsudvalget");
    CHECK(names(r.absent) == Strings{"Bjarne Lykke", "Anne Munch", "John Dalsgaard"});
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[1].resume == "Budgetorientering");
    for (const auto& item : r.items) {
        REQUIRE(item.decision);
        CHECK(names(item.decision->absent) ==
              Strings{"Anne Munch", "John Dalsgaard", "Bjarne Lykke"});
    }
    CHECK(outcome_name(r.items[0].decision->outcome) == "approved");
    CHECK(outcome_name(r.items[1].decision->outcome) == "noted");
}

TEST_CASE("a region's minutes: case numbers above the headings, an Indstilling without one",
          "[layouts]") {
    // The case number is printed above each item's heading, the first item's too; the
    // recommendation stands in the Resume, its "at" clause after a blank line.
    const auto r = parse_text(R"(Referat
til
mødet i regionsrådet
den 23. november 2021 kl. 13:00

Alle medlemmer var mødt undtagen fra Signe Lund Jensen og Ulrich Fredberg.

Sagnr.: 1-30-11-06-V

32. Belægningssituationen

Resume

Notatet illustrerer belægningen.

Forretningsudvalget indstiller,

at sagen drøftes.

Beslutning

Drøftet.

Bente Nielsen og Anders Kühnau var forhindrede i at deltage i sagens behandling.

Anne Kristensen var forhindret i at deltage i mødet.

Tilbage til toppen
Sagnr.: 1-21-78-7-12

33. Driftsoverførsler

Resume

Forslag til overførsler.

Beslutning

Godkendt.
)");
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].case_number == "1-30-11-06-V");
    CHECK(r.items[1].case_number == "1-21-78-7-12");
    CHECK(r.items[0].resume == "Notatet illustrerer belægningen.");
    REQUIRE(r.items[0].recommendation);
    CHECK(r.items[0].recommendation->text == "Forretningsudvalget indstiller, at sagen drøftes.");
    const auto& decision = *r.items[0].decision;
    CHECK(decision.text == "Drøftet.");
    Strings partial;
    for (const auto& p : decision.partial) partial.push_back(p.person.name);
    CHECK(partial == Strings{"Bente Nielsen", "Anders Kühnau"});
    CHECK(names(decision.absent) == Strings{"Anne Kristensen"});
    CHECK(names(r.absent) == Strings{"Signe Lund Jensen", "Ulrich Fredberg", "Anne Kristensen"});
}

TEST_CASE("a list numbered inside a point of the Indstilling opens no items", "[layouts]") {
    const auto r = parse_text(R"(Referat

Tirsdag d. 27 september 2022, kl. 15:00
UdvalgØkonomiudvalget

Resume

Godkendelse af dagsorden.

Beslutning

Dagsordenen blev godkendt.

Resume

Budgettet for 2023-2026.

Indstilling

Forvaltningen indstiller, at

 1. De modtagne ændringsforslag fremsendes til 2. behandling
  1. Der foretages afstemning om ændringsforslag fra A
  2. Der foretages afstemning om ændringsforslag fra B
 2. Der anvendes det statsgaranterede udskrivningsgrundlag
 3. Kirkeskatteprocenten fastholdes

Beslutning

Anbefales.
)");
    CHECK(numbers(r) == std::vector<int>{1, 2});
    REQUIRE(r.items.size() == 2);
    CHECK(decisions(r) == Strings{"Dagsordenen blev godkendt.", "Anbefales."});
    REQUIRE(r.items[1].recommendation);
    CHECK(r.items[1].recommendation->points ==
          Strings{"De modtagne ændringsforslag fremsendes til 2. behandling 1. Der foretages "
                  "afstemning om ændringsforslag fra A 2. Der foretages afstemning om "
                  "ændringsforslag fra B",
                  "Der anvendes det statsgaranterede udskrivningsgrundlag",
                  "Kirkeskatteprocenten fastholdes"});
    // After a point's own bullets, a list numbered from 1 again goes on with its own points.
    const auto renumbered = parse_text(R"(1. Velkomsthus
Indstilling
Forvaltningen indstiller, at
 1. Der etableres et velkomsttilbud
 2. Velkomsthusets formål er:
  • at bygge bro til skolevæsenet
  • at være et åbent tilbud
 1. Modtageklasserne suppleres
 2. Finansieringen drøftes.
Beslutning
Godkendt.
)");
    REQUIRE(renumbered.items.at(0).recommendation);
    CHECK(renumbered.items[0].recommendation->points.size() == 4);
}

TEST_CASE("absences in the forms a fourth review of real minutes found", "[layouts]") {
    SECTION("a name with its party after the decision's last sentence, no label") {
        const auto r = parse_text(
            "1. Dagsorden\nBeslutning den : Dagsorden godkendt. Birger Prahl (F)\n2. Plan\n"
            "Beslutning den : Godkendt. Planen sendes i høring.\n");
        CHECK(decisions(r) == Strings{"Dagsorden godkendt.", "Godkendt. Planen sendes i høring."});
        CHECK(names(r.absent) == Strings{"Birger Prahl/F"});
    }
    SECTION("labels stacked as a table's first column: no absentees can be read") {
        const auto r = parse_text(
            "Referat\nDeltagere:\nFraværende:\nPeder Chr. Kirkegaard, Anna-Lise Vestergaard, "
            "Bolette "
            "Dahl\nPedersen, Preben Andersen\n1. Sag\nBeslutning\nGodkendt.\n");
        CHECK(r.absent.empty());
    }
    SECTION("a page run onto one line: the next label ends the names, the contents no date") {
        const auto r = parse_text(
            "GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 18:00 "
            "Indholdsfortegnelse 8 (Åben) Økonomisk rapportering pr. 30. juni 2015\n"
            "Fraværende: Torben Skovhus Til behandling forelå: SAGER TIL AFGØRELSE\n"
            "1. Sag\nIndstilling\nBorgmesteren indstiller, det udsendte forslag godkendes.\n"
            "Beslutning\nGodkendt.\n");
        CHECK(r.date == "2015-08-31");
        CHECK(names(r.absent) == Strings{"Torben Skovhus"});
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->by == "Borgmesteren");
    }
    SECTION("substitutes after a dash or named first, no afbud, afbud for the meeting") {
        const auto r = parse_text(R"(Referat
Bemærkninger
Afbud: Karsten P. Smith - indkaldt som suppleant for Britta Jensen-Terpet.
Afbud: Peter Kristensen og Pia Uth. Uden afbud Martin Bech.

1. Sag
Beslutning
Godkendt.
Stedfortræder Jacob Rosenberg mødte for Laura Lindahl, der havde forfald.
Martin Nielson havde meldt afbud til mødet.
)");
        // A double name broken at its hyphen by a line break is one name.
        CHECK(names(parse_text("Referat\nFraværende: Arne Kruse, Anders Fog- Petersen.\n" +
                               std::string("1. Sag\nBeslutning\nGodkendt.\n"))
                        .absent) == Strings{"Arne Kruse", "Anders Fog-Petersen"});
        CHECK(names(r.absent) == Strings{"Britta Jensen-Terpet", "Peter Kristensen", "Pia Uth",
                                         "Martin Bech", "Laura Lindahl", "Martin Nielson"});
        CHECK(decisions(r) == Strings{"Godkendt."});
        // A reason between the label and its colon.
        const auto reason = parse_text(
            "1. Sag\nBeslutning\n\nIkke til stede på grund af tekniske problemer: Steen S. "
            "Hansen (A)\n\nØU's indstilling godkendt.\n");
        CHECK(names(reason.absent) == Strings{"Steen S. Hansen/A"});
        CHECK(decisions(reason) == Strings{"ØU's indstilling godkendt."});
        // Who came instead, and who was away from part of the meeting, leave the decision too.
        const auto notes = parse_text(
            "1. Sag\nBeslutning\nGodkendt.\nNiels Kirkegaard er indkaldt som suppleant.\nRicky "
            "van Overeem var ikke til stede under den lukkede del af mødet.\n");
        CHECK(decisions(notes) == Strings{"Godkendt."});
        CHECK(notes.absent.empty());
    }
    SECTION("each name a paragraph of its own, the decision's first point run onto the last") {
        const auto r = parse_text(R"(1. Dagsorden
Beslutning

Deltog ikke:

Line Krogh Lay

Sejer Folke

Jan Sørensen


Dagsordenen blev vedtaget
2. Anbefalinger
Beslutning

Deltog ikke:

Line Krogh Lay

Jan Sørensen 1. Status blev drøftet
2. Anbefalingerne blev drøftet
)");
        REQUIRE(r.items.size() == 2);
        CHECK(names(r.absent) == Strings{"Line Krogh Lay", "Sejer Folke", "Jan Sørensen"});
        CHECK(decisions(r) == Strings{"Dagsordenen blev vedtaget",
                                      "1. Status blev drøftet 2. Anbefalingerne blev drøftet"});
        CHECK(names(r.items[1].decision->absent) == Strings{"Line Krogh Lay", "Jan Sørensen"});
        CHECK(r.items[1].decision->points.size() == 2);
    }
    SECTION("a party written out, the reason after the name; a body's genitive heading") {
        const auto r = parse_text(R"(Mødedato: 04.11.2021, kl. 17:30

Godkendelse af dagsordenen

Beslutning

Borgerrepræsentationens beslutning i mødet den 4. november 2021

Fraværende med afbud:

Ninna Hedeager Olsen (Enhedslisten), tjenesterejse.

Kåre Traberg Smith (Løsgænger), arbejde.

Anette Holst Christensen, A, (anden årsag)

Signe Goldmann, F, ankom til mødet kl. 17.32 under behandlingen af punkt 1.

Dagsordenen blev godkendt.
)");
        CHECK(r.committee == "Borgerrepræsentationen");
        CHECK(names(r.absent) == Strings{"Ninna Hedeager Olsen/Ø", "Kåre Traberg Smith/Løsgænger",
                                         "Anette Holst Christensen/A"});
        REQUIRE(r.items.size() == 1);
        CHECK(decisions(r) == Strings{"Dagsordenen blev godkendt."});
    }
}

TEST_CASE("amounts of a table, one cell a line, are no items; a control glued to a label",
          "[layouts]") {
    const auto r = parse_text(R"(Beslutningsprotokol
onsdag den 20. marts 2013 kl. 17:00
Udvalg: | Byrådet |
-
UdskrivSagsid.: 13/11537, Sagsinitialer: dlj
Sagsfremstilling
Anmodning om genoptagelse.
Beslutning Byrådet den 20-03-2013
Udgik.
Afbud: Jørgen Witte, Dorte Soll.
-
UdskrivSagsid.: 12/41405, Sagsinitialer: KSA
Sagsfremstilling
De ansøgte overførsler er vist efterfølgende:
Regnskab 2012 1)
Korrigeret budget 2012 1)
Økonomiudvalg
-6.949
1.079
Socialudvalg
2.756
3.755
Beslutning Byrådet den 20-03-2013
Godkendt.
)");
    CHECK(numbers(r) == std::vector<int>{1, 2});
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].case_number == "13/11537");
    CHECK(r.items[1].case_number == "12/41405");
    CHECK(decisions(r) == Strings{"Udgik.", "Godkendt."});
    CHECK(names(r.absent) == Strings{"Jørgen Witte", "Dorte Soll"});
}

TEST_CASE("headings a fourth review of real minutes found", "[layouts]") {
    SECTION("a motion's text after the decision, under 'Beslutningsforslag fra …'") {
        const auto r = parse_text(
            "1. Klimavenligt byggeri\nBeslutning\nFremsendes til Teknisk Udvalg.\n\nSagen blev "
            "behandlet sammen med sagerne 2 og 3.\nBeslutningsforslag fra ALT\nByggematerialerne "
            "vejer tungere.\n");
        CHECK(
            decisions(r) ==
            Strings{
                "Fremsendes til Teknisk Udvalg. Sagen blev behandlet sammen med sagerne 2 og 3."});
    }
    SECTION("an item titled like a section heading") {
        const auto r = parse_text(
            "1. Plan\nBeslutning\nGodkendt.\n3. Redegørelse\nBeslutning\nTaget til "
            "efterretning.\n");
        CHECK(numbers(r) == std::vector<int>{1, 3});
        CHECK(decisions(r) == Strings{"Godkendt.", "Taget til efterretning."});
    }
    SECTION("an empty 'Beslutning:' before the next item's heading") {
        const auto r = parse_text(
            "Referat Byrådet\nDato 12. maj 2021\n\n1. Godkendelse af dagsorden\nBeslutning:\n\n"
            "2. Lokalplan 12\nBeslutning:\n\n3. Budget\nBeslutning: Vedtaget\n");
        CHECK(numbers(r) == std::vector<int>{1, 2, 3});
        CHECK(decisions(r) == Strings{"-", "-", "Vedtaget"});
    }
    SECTION("a title that starts with an ordinal; a decision heading glued to the title") {
        const auto r = parse_text(R"(1: Godkendelse af dagsorden
BeslutningGodkendt.
2: 2. behandling af budgettet for perioden 2026-2029
Sagsnr: 24-025116
Beslutning
Godkendt.
3. Meddelelse fra formandenReferat
Der var ingen meddelelser.
)");
        REQUIRE(r.items.size() == 3);
        CHECK(r.items[1].title == "2. behandling af budgettet for perioden 2026-2029");
        CHECK(r.items[1].case_number == "24-025116");
        CHECK(r.items[2].title == "Meddelelse fra formanden");
        CHECK(decisions(r) == Strings{"Godkendt.", "Godkendt.", "Der var ingen meddelelser."});
    }
    SECTION("this meeting's decision named after its body, the meeting's fields under it") {
        const auto r = parse_text(R"(66.    Temadag for Integrationsrådet

Sag 306-2014-5450

Beslutningstema

Fastlæggelse af dato for temadagen.

Beslutning fra Integrationsrådet

Dato: 10. december 2015

Sted: Café Lulu, Algade 25, 4500 Nykøbing Sj.

Fraværende: Burkhard Sievers, Jette Isling

Forslag om lørdag den 9. april 2016.
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.items[0].case_number == "306-2014-5450");
        CHECK(decisions(r) == Strings{"Forslag om lørdag den 9. april 2016."});
        CHECK(names(r.absent) == Strings{"Burkhard Sievers", "Jette Isling"});
    }
    SECTION("another body's decision quoted after a sentence; 'Inddragelse' ends a section") {
        const auto r = parse_text(R"(1. Styrelsesvedtægt
Indstilling
Forretningsudvalget indstiller, at vedtægten oversendes til anden behandling.
Inddragelse
Der holdes borgermøde.
Sagsfremstilling
Vedtægten er revideret.Beslutning fra forretningsudvalget, 23. november 2021, pkt. 17:
Indstillingen blev tiltrådt.
Beslutning
Godkendt.
)");
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->text ==
              "Forretningsudvalget indstiller, at vedtægten oversendes til anden behandling.");
        REQUIRE(r.items[0].history.size() == 1);
        CHECK(r.items[0].history[0].date == "2021-11-23");
        CHECK(r.items[0].history[0].text == "Indstillingen blev tiltrådt.");
        CHECK(decisions(r) == Strings{"Godkendt."});
    }
}

TEST_CASE("attachments printed as file names on one line", "[layouts]") {
    const auto r = parse_text(R"(Referat
 • 610. Fredning af Stevns Klint

    afgoerelse_om_fredning_final.pdf afgoerelse_om_erstatning_final.pdf Kort.PDF

Resume
Fredningsnævnet har truffet afgørelse.
Beslutning
Taget til efterretning.
)");
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].attachments == Strings{"afgoerelse_om_fredning_final.pdf",
                                            "afgoerelse_om_erstatning_final.pdf", "Kort.PDF"});
    CHECK(r.items[0].resume == "Fredningsnævnet har truffet afgørelse.");
}

TEST_CASE("what a fifth review of real minutes found", "[layouts]") {
    SECTION("a decision headed by the body's meeting and its date, a colon after it") {
        const auto r = parse_text(R"(3.     Budgetaftalen 2022
Sagsnr.: 326-2021-39518
Indstillinger
Direktøren indstiller at sagen drøftes.
Sagsfremstilling
Følgende emner blev nævnt under dette punkt på Regionsrådets møde den 24. november 2020:
Budgettet.
Hovedudvalgets møde den 26. oktober 2021:
Orienteringen blev taget til efterretning.
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.committee == "Hovedudvalget");
        CHECK(r.date == "2021-10-26");
        CHECK(decisions(r) == Strings{"Orienteringen blev taget til efterretning."});
    }
    SECTION("'beslutning på mødet'; who sent apologies, under a plain heading before it") {
        const auto r = parse_text(R"(1. Godkendelse af dagsorden
Beslutning
I mødet deltog:
Rikke Lauritzen og Sofie Seidenfaden.

Følgende havde meldt afbud:

Badar Shah, Mara Frej og Martin Duus.

Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019:

Dagsordenen blev godkendt.
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.committee == "Folkeoplysningsudvalget");
        CHECK(r.date == "2019-04-05");
        CHECK(decisions(r) == Strings{"Dagsordenen blev godkendt."});
        CHECK(names(r.absent) == Strings{"Badar Shah", "Mara Frej", "Martin Duus"});
    }
}

TEST_CASE("a member outside any party, written in short or in small letters", "[layouts]") {
    const auto r = parse_text(R"(1. Godkendelse af dagsorden

Beslutning

Godkendt.

Rasmus Feldingbjerg Drabe (løsg.) var fraværende.

Anne Hansen (løsgænger) og Per Holm (ferie) var fraværende.
)");
    REQUIRE(r.absent.size() == 3);
    CHECK(r.absent[0].party == "Løsgænger");
    CHECK(r.absent[1].party == "Løsgænger");
    CHECK(r.absent[2].name == "Per Holm");
    CHECK(r.absent[2].party.empty());
}

TEST_CASE("an Indstilling without a heading, bullets after a blank line; an address in the text",
          "[layouts]") {
    SECTION("'Forvaltningen foreslår:' / '' / bulleted 'At …' points") {
        const auto r = parse_text(R"(39. Anmodning om lokalplan
Sagsnr.: 2017-004392

Forvaltningen foreslår:

  • At der kan igangsættes lokalplanlægning
  • At forvaltningen afklarer antal boliger

Sagsbeskrivelse:

Noget tekst.

Beslutning i Økonomiudvalget den 22. maj 2017:

Godkendt.
)");
        REQUIRE(r.items.size() == 1);
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->by == "Forvaltningen");
        CHECK(r.items[0].recommendation->points == Strings{"der kan igangsættes lokalplanlægning",
                                                           "forvaltningen afklarer antal boliger"});
    }
    SECTION("the recommender's clause after the summary's last sentence, on its line") {
        const auto r = parse_text(R"(19. Bygningsvedligeholdelse 2010

Sagens kerne

Der ansøges om en anlægsbevilling. Teknisk Forvaltning indstiller,
 1. at der gives en anlægsbevilling, samt
 2. at der frigives rådighedsbeløb.

Beslutning

Godkendt.
)");
        REQUIRE(r.items.size() == 1);
        CHECK(r.items[0].resume == "Der ansøges om en anlægsbevilling.");
        REQUIRE(r.items[0].recommendation);
        CHECK(r.items[0].recommendation->by == "Teknisk Forvaltning");
        CHECK(r.items[0].recommendation->points ==
              Strings{"der gives en anlægsbevilling, samt", "der frigives rådighedsbeløb."});
    }
    SECTION("'Skelbækvej 2' / '6200 Aabenraa' is an address, not item 6200") {
        const auto r = parse_text(R"(Beslutningsprotokol

onsdag den 4. marts 2015 kl. 09:00

Udvalg: Teknik- og Miljøudvalget

 • Udskriv
  Sagsid.: 15/240

  Sagsfremstilling

  Mødet holdes i lokale 412

  Skelbækvej 2

  6200 Aabenraa

  Beslutning Teknik- og Miljøudvalget den 04-03-2015

  Godkendt.

 • Udskriv
  Sagsid.: 15/3279

  Indstilling

  Forvaltningen indstiller,

  at tidsplanen drøftes.

  Beslutning Teknik- og Miljøudvalget den 04-03-2015

  Drøftet.
)");
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].case_number == "15/240");
        CHECK(r.items[1].case_number == "15/3279");
        CHECK(decisions(r) == Strings{"Godkendt.", "Drøftet."});
    }
}

TEST_CASE("a body named with its election period after an underscore", "[layouts]") {
    const auto r = parse_text(
        "Referat til mødet i Kommunalbestyrelsen_2018-21 den 17. maj 2021 kl. 19:00 i "
        "Kommunalbestyrelsens mødesal\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n");
    CHECK(r.committee == "Kommunalbestyrelsen");
    CHECK(r.date == "2021-05-17");
}

TEST_CASE("the body of 'Åbent referat for Økonomiudvalgets møde den …'", "[layouts]") {
    for (const char* header : {"Åbent referat for Økonomiudvalgets møde den 12. august 2014",
                               "Referat for Økonomiudvalgets møde den 12. august 2014",
                               "ÅBEN DAGSORDEN ØKONOMIUDVALGET\nMødedato: 12. august 2014"}) {
        CAPTURE(header);
        const auto r = parse_text(std::string(header) +
                                  "\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n");
        CHECK(r.committee == "Økonomiudvalget");
    }
}

TEST_CASE("a line between items that begins the closed part of the meeting", "[layouts]") {
    const auto r = parse_text(R"(Referat

1. Godkendelse af dagsorden

Beslutning

Godkendt.

Disse sager behandles for lukkede døre

2. Salg af areal

Beslutning

Godkendt.

3. Personalesag

Beslutning

Taget til efterretning.

Åbne punkter

4. Eventuelt

Beslutning

Intet.
)");
    REQUIRE(r.items.size() == 4);
    CHECK_FALSE(r.items[0].closed);
    CHECK(r.items[1].closed);
    CHECK(r.items[2].closed);
    CHECK_FALSE(r.items[3].closed);
    CHECK(decisions(r) == Strings{"Godkendt.", "Godkendt.", "Taget til efterretning.", "Intet."});
}

TEST_CASE("a web page's link texts are no part of an item", "[layouts]") {
    const auto r = parse_text(R"(Kommunalbestyrelsen

Mødested: Rådhuset

Godkendelse af dagsordenen

Se alle bilag

Sagens kerne

Der ansøges om en anlægsbevilling.

Klik her for at se sagsfremstillingen

Beslutning

Godkendt.
)");
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].resume == "Der ansøges om en anlægsbevilling.");
    CHECK(decisions(r) == Strings{"Godkendt."});
}
