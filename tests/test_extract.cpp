// Tests of the extract stage: encodings, layout repair, and the shipped corpus PDFs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "extract/extract.hpp"
#include "fixtures.hpp"

using referat::ExtractedText;
using referat::InputError;
using referat::SourceFormat;
using referat::extract::extract_file;
using referat::testing::make_pdf;
using referat::testing::Placed;
using referat::testing::TempDir;

namespace {

const referat::rules::Rules& rules() {
    static const auto loaded = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    return loaded;
}

std::vector<std::string> all_lines(const ExtractedText& doc) {
    std::vector<std::string> lines;
    for (const auto& page : doc.pages)
        lines.insert(lines.end(), page.lines.begin(), page.lines.end());
    return lines;
}

size_t count_line(const ExtractedText& doc, const std::string& line) {
    const auto lines = all_lines(doc);
    return static_cast<size_t>(std::count(lines.begin(), lines.end(), line));
}

bool any_line_contains(const ExtractedText& doc, const std::string& part) {
    const auto lines = all_lines(doc);
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

bool any_line_matches(const ExtractedText& doc, const std::regex& re) {
    const auto lines = all_lines(doc);
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return std::regex_search(l, re); });
}

ExtractedText extract_text(const std::string& content, const std::string& name = "referat.txt") {
    const TempDir dir("referat-extract-");
    return extract_file(dir.write(name, content), rules());
}

std::string failure_reason(const std::string& path) {
    try {
        extract_file(path, rules());
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

const std::regex kPageNumberLine(R"(^\s*Side \d+( af \d+)?\s*$)");
const std::string kPdfDir = REFERAT_SOURCE_DIR "/corpus/pdf/";
const std::string kBadDir = REFERAT_SOURCE_DIR "/corpus/bad/";

}  // namespace

TEST_CASE("text: running headers go by their changing page numbers, repeated body lines stay",
          "[extract]") {
    const std::string page =
        "Lejre Kommune Udvalget for Børn & Ungdom\t07-06-2017\tSide @\n"
        "--\t------------\t--------\n"
        "\n"
        "Afbud:\n"
        "Christian Plank (F)\n"
        "Sagsnr.: 17/66@2\n"
        "Beslutning Udvalget for Børn & Ungdom den 07-06-2017:\n"
        "Godkendt.\n";
    std::string content;
    for (const char n : {'1', '2', '3'}) {
        std::string p = page;
        for (auto at = p.find('@'); at != std::string::npos; at = p.find('@')) p[at] = n;
        content += p;
    }
    content +=
        "Lejre Kommune\t07-06-2017\tSide 11\nUdvalget for Børn & Ungdom\t\t\nSidste linje.\n";
    const auto doc = extract_text(content);

    CHECK_FALSE(any_line_contains(doc, "Side "));
    CHECK_FALSE(any_line_contains(doc, "----"));
    CHECK(count_line(doc, "Udvalget for Børn & Ungdom") == 0);
    CHECK(count_line(doc, "Afbud:") == 3);
    CHECK(count_line(doc, "Christian Plank (F)") == 3);
    CHECK(count_line(doc, "Beslutning Udvalget for Børn & Ungdom den 07-06-2017:") == 3);
    // Digits change here as well, but a case number is no page number.
    CHECK(count_line(doc, "Sagsnr.: 17/6612") == 1);
    CHECK(count_line(doc, "Sagsnr.: 17/6632") == 1);
    CHECK(count_line(doc, "Sidste linje.") == 1);
}

TEST_CASE("text: lines that are only a page number are dropped", "[extract]") {
    const auto doc =
        extract_text("Første afsnit.\nSide 3\n- 4 -\n5/16\nSide 5 af 16\nAndet afsnit.\n");
    CHECK(all_lines(doc) == std::vector<std::string>{"Første afsnit.", "Andet afsnit."});
    // A case number on the line after its label looks like a page number, and is none.
    const auto labelled = extract_text("Sagsnr:\n\n09/141\n\nResumé\n");
    CHECK(count_line(labelled, "09/141") == 1);
}

TEST_CASE("text: a table of contents and its heading are removed, the items stay", "[extract]") {
    const auto doc = extract_text(
        "Referat\n\nIndholdsfortegnelse\n\n"
        "1. BU - Godkendelse af dagsorden\t1\n"
        "2. BU - Orientering - juni\t2\n"
        "3. BU - Tilskud til puljeinstitutioner.....\t7\n"
        "4. BU - Eventuelt........................19\n\n"
        "1. BU - Godkendelse af dagsorden\n\nDagsorden godkendt.\n\n"
        "2. BU - Orientering - juni\n");
    CHECK(count_line(doc, "Indholdsfortegnelse") == 0);
    CHECK(count_line(doc, "1. BU - Godkendelse af dagsorden") == 1);
    CHECK(count_line(doc, "2. BU - Orientering - juni") == 1);
    CHECK_FALSE(any_line_contains(doc, "Eventuelt"));
    CHECK_FALSE(any_line_contains(doc, "puljeinstitutioner"));
    CHECK(all_lines(doc).front() == "Referat");
}

TEST_CASE("text: a lone numbered line with a tab is not a table of contents", "[extract]") {
    const auto doc = extract_text("Skoler:\n1. Store Heddinge Skole\t120\nI alt.\n");
    CHECK(count_line(doc, "1. Store Heddinge Skole\t120") == 1);
}

TEST_CASE("text: line-end hyphens join words but keep suspended compounds", "[extract]") {
    const auto doc = extract_text(
        "Forslag til udviklings-\nplan for området.\n\n"
        "Sagen går til Børne-\nog Ungeudvalget.\n\n"
        "Skole-\neller dagtilbud.\n\n"
        "Et forløb på 6-\n8 uger.\n\n"
        "Godkendt af EU-\nKommissionen.\n\n"
        "Nye ikke-\nakutte underretninger og PPR-\nydelserne.\n");
    CHECK(count_line(doc, "Forslag til udviklingsplan for området.") == 1);
    CHECK(count_line(doc, "Sagen går til Børne- og Ungeudvalget.") == 1);
    CHECK(count_line(doc, "Skole- eller dagtilbud.") == 1);
    // Text lines are paragraphs already: only a hyphenated word is joined.
    CHECK(count_line(doc, "Et forløb på 6-") == 1);
    CHECK(count_line(doc, "Godkendt af EU-") == 1);
    // A hyphen after "ikke" or an abbreviation belongs to the word.
    CHECK(count_line(doc, "Nye ikke-akutte underretninger og PPR-ydelserne.") == 1);
}

TEST_CASE("text: NBSP, soft hyphens and ligatures are normalised, Danish letters kept",
          "[extract]") {
    const auto doc = extract_text(
        "kommunal\u00ADbestyrelsen\n"
        "10\u00A0000\u00A0kr. til \uFB01nansiering\n"
        "1.      Task Forcens rapport\n"
        "\u00A0\u00A0\n\n"
        "a\u030Arlig m\u00B2 \u00BD plads, Æ Ø Å æ ø å\n");
    CHECK(all_lines(doc) ==
          std::vector<std::string>{"kommunalbestyrelsen", "10 000 kr. til finansiering",
                                   "1. Task Forcens rapport", "", "årlig m² ½ plads, Æ Ø Å æ ø å"});
}

TEST_CASE("text: encodings, BOM, CRLF and form feeds", "[extract]") {
    SECTION("Windows-1252") {
        const auto doc = extract_text(
            "B\xf8rn & L\xe6ring\r\nM\xf8\x64\x65 p\xe5 R\xe5\x64huset \x96 kl. 16\r\n");
        CHECK(all_lines(doc) ==
              std::vector<std::string>{"Børn & Læring", "Møde på Rådhuset – kl. 16"});
    }
    SECTION("UTF-8 with BOM") {
        const auto doc = extract_text("\xEF\xBB\xBFReferat\nØkonomi\n");
        CHECK(all_lines(doc) == std::vector<std::string>{"Referat", "Økonomi"});
    }
    SECTION("UTF-16 LE and BE with BOM") {
        const std::u16string text = u"Børn og Læring\r\nÅben sag\n";
        std::string le = "\xFF\xFE", be = "\xFE\xFF";
        for (const char16_t c : text) {
            le += static_cast<char>(c & 0xFF);
            le += static_cast<char>(c >> 8);
            be += static_cast<char>(c >> 8);
            be += static_cast<char>(c & 0xFF);
        }
        const std::vector<std::string> expected{"Børn og Læring", "Åben sag"};
        CHECK(all_lines(extract_text(le)) == expected);
        CHECK(all_lines(extract_text(be)) == expected);
        // Without the BOM the zero bytes give the byte order away.
        CHECK(all_lines(extract_text(le.substr(2))) == expected);
        CHECK(all_lines(extract_text(be.substr(2))) == expected);
    }
    SECTION("UTF-8 with broken bytes stays UTF-8") {
        const auto doc = extract_text(
            "Børn og Læring\nM\xf8"
            "de på Rådhuset\xff\n");
        CHECK(all_lines(doc) ==
              std::vector<std::string>{"Børn og Læring", "M\uFFFDde på Rådhuset\uFFFD"});
    }
    SECTION("form feeds split pages") {
        const auto doc = extract_text("Side et\fSide to\n");
        REQUIRE(doc.pages.size() == 2);
        CHECK(doc.pages[1].number == 2);
        CHECK(doc.pages[1].lines == std::vector<std::string>{"Side to"});
        CHECK(doc.format == SourceFormat::Text);
    }
}

TEST_CASE("content hash is the SHA-256 of the file bytes", "[extract]") {
    const auto doc = extract_text("abc");
    CHECK(doc.content_hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("unusable files give a one-line reason", "[extract]") {
    CHECK_THROWS_WITH(extract_text(""), "empty file");
    CHECK_THROWS_WITH(extract_text(" \n\t\n"), Catch::Contains("empty file"));
    CHECK_THROWS_WITH(extract_text(std::string("PK\x03\x04\0\0binary", 12), "doc.txt"),
                      Catch::Contains("not a text file"));
    CHECK_THROWS_WITH(extract_text("Dokumentet kunne ikke dannes.", "referat.pdf"),
                      Catch::Contains("not a PDF"));
    CHECK_THROWS_WITH(extract_file("/nonexistent/referat.pdf", rules()),
                      Catch::Contains("cannot be read"));
    CHECK_THROWS_WITH(extract_file(REFERAT_SOURCE_DIR "/corpus", rules()), "is a directory");
    CHECK_THROWS_WITH(extract_file("/dev/zero", rules()), "not a regular file");
    std::string garbage(64 * 1024, '\0');
    std::mt19937 random(7);
    for (auto& c : garbage) c = static_cast<char>(random());
    CHECK_THROWS_WITH(extract_text(garbage, "referat.txt"), "not a text file (binary data)");
    CHECK_THROWS_WITH(extract_text(garbage, "referat.pdf"), Catch::StartsWith("not a PDF"));
    // Ten NUL bytes a copy left in 45 KB of minutes are no binary data; they are dropped.
    std::string minutes = "Referat\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n";
    while (minutes.size() < 45 * 1024) minutes += "Sagsfremstilling med en lang tekst om sagen.\n";
    for (size_t k = 1; k <= 10; ++k) minutes.insert(k * 4000, 1, '\0');
    const auto nul = extract_text(minutes, "referat.txt");
    const auto lines = all_lines(nul);
    CHECK(std::none_of(lines.begin(), lines.end(),
                       [](const std::string& l) { return l.find('\0') != std::string::npos; }));
    CHECK(count_line(nul, "Godkendt.") == 1);
    CHECK_THROWS_WITH(extract_text("%PDF-1.7\n" + garbage, "referat.pdf"),
                      Catch::StartsWith("damaged PDF"));
}

TEST_CASE("a text file beyond 16 MB, any file beyond 512 MB is refused", "[extract]") {
    // 100 MB of real minutes would take half a minute and most of a gigabyte.
    const TempDir dir("referat-extract-");
    const auto minutes =
        referat::testing::read_file(REFERAT_SOURCE_DIR "/corpus/text/stevns_bul_2020-08-31.txt");
    const auto path = dir.file("huge.txt");
    {
        std::ofstream out(path, std::ios::binary);
        for (size_t written = 0; written < 100u << 20; written += minutes.size()) out << minutes;
    }
    CHECK_THROWS_WITH(extract_file(path, rules()), "text file too large (101 MB; at most 16 MB)");
    // Nothing is read of a file beyond 512 MB (a sparse file: no disk space is used).
    std::filesystem::resize_file(path, 600u << 20);
    CHECK_THROWS_WITH(extract_file(path, rules()), "too large (600 MB; at most 512 MB)");
}

TEST_CASE("a line of a megabyte is kept whole", "[extract]") {
    std::string line;
    while (line.size() < 1u << 20) line += "udviklingsplan og økonomi ";
    line.pop_back();
    const auto doc = extract_text("Referat\n" + line + "\nSidste linje.\n");
    CHECK(all_lines(doc) == std::vector<std::string>{"Referat", line, "Sidste linje."});
}

TEST_CASE("pdf: furniture, hyphenation and two columns in a generated PDF", "[extract][pdf]") {
    // WinAnsi: \xe5 = å, \xf8 = ø. Two columns of about 40 % of the page width each with the
    // same baselines and a gutter of at least 30 points (poppler's reading order merges columns
    // whose gutter is hardly wider than a word space).
    // Only the header and the footer repeat; the body differs from page to page.
    auto page = [](int n, const std::string& word) {
        const std::string num = std::to_string(n);
        return std::vector<Placed>{
            {50, 800, "Testkommune - Udvalget - 1. juni 2020"},
            {50, 700, "Sagen om den " + word + " skolestruktur g\xe5r til B\xf8rne-"},
            {50, 688, "og Ungeudvalget i " + word + " august, og der er fokus p\xe5"},
            {50, 676, "det samlede forslag til en " + word + " udviklings-"},
            {50, 664, "plan for den " + word + " venstre spalte"},
            {335, 700, "H\xf8jre spalte begynder her med en " + word + " linje"},
            {335, 688, "og den forts\xe6tter her i linje to p\xe5 " + word + " side"},
            {50, 40, "Side " + num + " af 2"},
        };
    };
    const TempDir dir("referat-extract-");
    const auto doc = extract_file(
        dir.write("generated.pdf", make_pdf({page(1, "nye"), page(2, "gamle")})), rules());

    REQUIRE(doc.format == SourceFormat::Pdf);
    REQUIRE(doc.pages.size() == 2);
    CHECK(doc.pages[1].number == 2);
    CHECK_FALSE(any_line_contains(doc, "Testkommune"));
    CHECK_FALSE(any_line_contains(doc, "Side "));
    CHECK(any_line_contains(doc, "nye skolestruktur går til Børne- og Ungeudvalget i nye august"));
    CHECK(
        any_line_contains(doc, "forslag til en gamle udviklingsplan for den gamle venstre spalte"));
    CHECK(count_line(doc,
                     "Højre spalte begynder her med en gamle linje og den fortsætter her i "
                     "linje to på gamle side") == 1);
    CHECK_FALSE(any_line_matches(doc, std::regex("Børne-.*Højre|Højre.*(Børne|venstre)")));
}

// Whether the line `text` is on a page of `doc` and marked as set like a heading.
std::optional<bool> heading_style(const ExtractedText& doc, const std::string& text) {
    for (const auto& page : doc.pages) {
        REQUIRE(page.styles.size() == page.lines.size());
        for (size_t i = 0; i < page.lines.size(); ++i)
            if (page.lines[i] == text) return page.is_heading(i);
    }
    return std::nullopt;
}

TEST_CASE("pdf: bold and larger lines are headings, running text is not", "[extract][pdf]") {
    const std::vector<Placed> page{
        {50, 780,
         "Punkt 4: Budget for skoleomr\xe5"
         "det",
         false, 16},
        {50, 750, "Beslutning", true},
        {50, 736, "Udvalget godkendte indstillingen og bad om en status til n\xe6ste"},
        {50, 723,
         "m\xf8"
         "de. Forvaltningen udarbejder et notat om udgifterne til"},
        {50, 710, "bygningerne, og det forel\xe6gges udvalget efter sommerferien."},
        {50, 690, "Sagsfremstilling", true},
        {50, 676, "Kort tekst med et"},
        {138, 676, "fremh\xe6vet", true},
        {205, 676, "ord."},
        {50, 663,
         "Afsnittet forts\xe6tter med almindelig tekst i l\xf8"
         "bende linjer her."},
    };
    const TempDir dir("referat-extract-");
    const auto doc = extract_file(dir.write("styles.pdf", make_pdf({page})), rules());
    CHECK(heading_style(doc, "Punkt 4: Budget for skoleområdet") == true);
    CHECK(heading_style(doc, "Beslutning") == true);
    CHECK(heading_style(doc, "Sagsfremstilling") == true);
    CHECK(heading_style(doc, "Kort tekst med et fremhævet ord.") == false);
    CHECK(heading_style(doc, "Afsnittet fortsætter med almindelig tekst i løbende linjer her.") ==
          false);
    const auto decision = std::find_if(doc.pages[0].lines.begin(), doc.pages[0].lines.end(),
                                       [](const auto& l) { return l.starts_with("Udvalget"); });
    REQUIRE(decision != doc.pages[0].lines.end());
    CHECK_FALSE(
        doc.pages[0].is_heading(static_cast<size_t>(decision - doc.pages[0].lines.begin())));
}

TEST_CASE("pdf: a paragraph gap is a blank line, ordinary line spacing is not", "[extract][pdf]") {
    // 11 pt type set solid (11 pt apart); the decision block ends before 4 points more, less
    // than half a line: the space FirstAgenda puts between a decision and the field after it.
    const std::vector<Placed> page{
        {50, 780, "Beslutninger", true},
        {50, 762,
         "Tilbagesendes Magistratsafdelingen med bem\xe6rkning, at byr\xe5"
         "det har vedtaget"},
        {50, 751, "indstillingen af 12. august 2025."},
        {50, 740, "Magistratsafdelingen udarbejder notat."},
        {50, 725, "Indstillingen vedr\xf8rer anl\xe6gsregnskaber afsluttet i 2024."},
        {50, 706, "Resume", true},
        {50, 690, "Det indstilles:"},
        {50, 679, "At 1) regnskaberne godkendes."},
        {50, 668, "At 2) der gives en anl\xe6gsudgiftsbevilling."},
        {50, 657, "At 3) sagen sendes videre."},
    };
    const TempDir dir("referat-extract-");
    const auto doc = extract_file(dir.write("gaps.pdf", make_pdf({page})), rules());
    REQUIRE(doc.pages.size() == 1);
    const auto& lines = doc.pages[0].lines;
    const auto at = [&](const std::string& text) {
        const auto it = std::find(lines.begin(), lines.end(), text);
        REQUIRE(it != lines.end());
        return static_cast<size_t>(it - lines.begin());
    };
    const size_t note = at("Magistratsafdelingen udarbejder notat.");
    const size_t field = at("Indstillingen vedrører anlægsregnskaber afsluttet i 2024.");
    CHECK(field == note + 2);
    CHECK(lines[note + 1].empty());
    CHECK(at("At 1) regnskaberne godkendes.") == at("Det indstilles:") + 1);
    CHECK(at("At 2) der gives en anlægsudgiftsbevilling.") ==
          at("At 1) regnskaberne godkendes.") + 1);
    CHECK(at("At 3) sagen sendes videre.") == at("At 2) der gives en anlægsudgiftsbevilling.") + 1);
    // The decision is one block of two paragraphs: no blank line inside it.
    CHECK(lines[note - 1].starts_with("Tilbagesendes"));
}

TEST_CASE("pdf: two columns on the same baselines are read one after the other", "[extract][pdf]") {
    // The left column ends in a short line on the baseline of a line of the right column. Every
    // line has a word of its page, so that nothing repeats as a running header would.
    auto page = [](const std::string& w) {
        return std::vector<Placed>{
            {50, 700, "Den venstre spalte handler om " + w + " skoler og"},
            {50, 688, "om de " + w + " dagtilbud, som kommunen driver"},
            {50, 676, "i alle " + w + " dele af kommunen, og om"},
            {50, 664, "budgettet for " + w + " \xe5r."},
            {330, 700, "Den h\xf8jre spalte handler om " + w + " veje"},
            {330, 688, "og om de " + w + " cykelstier, der skal"},
            {330, 676, "bygges i de " + w + " \xe5r langs vejene og"},
            {330, 664, "ved skolerne, hvis de " + w + " penge"},
            {330, 652, "r\xe6kker til det " + w + " hele."},
        };
    };
    const TempDir dir("referat-extract-");
    const auto doc =
        extract_file(dir.write("columns.pdf", make_pdf({page("nye"), page("gamle")})), rules());
    REQUIRE(doc.pages.size() == 2);
    CHECK(doc.pages[1].lines ==
          std::vector<std::string>{"Den venstre spalte handler om gamle skoler og om de gamle "
                                   "dagtilbud, som kommunen driver i alle gamle dele af kommunen, "
                                   "og om budgettet for gamle år.",
                                   "Den højre spalte handler om gamle veje og om de gamle "
                                   "cykelstier, der skal bygges i de gamle år langs vejene og ved "
                                   "skolerne, hvis de gamle penge rækker til det gamle hele."});
}

TEST_CASE("pdf: a table is read row by row, its cells separated by tabs", "[extract][pdf]") {
    // The gap after "Teknisk Udvalg" is too narrow to be a tab stop by itself; the column it
    // starts is not.
    const std::vector<Placed> page{
        {50, 760,
         "Sagsforl\xf8"
         "b",
         true},
        {50, 730, "Udvalg", true},
        {150, 730, "Dato", true},
        {250, 730, "Punktnummer", true},
        {50, 714, "Magistraten"},
        {150, 714, "02-09-2025"},
        {250, 714, "12"},
        {50, 698,
         "Aarhus Byr\xe5"
         "d"},
        {150, 698, "10-09-2025"},
        {250, 698, "11"},
        {50, 682, "Teknisk Udvalg"},
        {150, 682, "22-09-2025"},
        {250, 682, "2"},
        {50, 650,
         "Teksten efter tabellen er et almindeligt afsnit, som fylder hele bredden af "
         "siden, og slutter her."},
        // Label and value, read column by column: a value of many words stays whole.
        {50, 620,
         "M\xf8"
         "dedato:"},
        {150, 620, "Mandag den 31. august 2020 kl. 16.00"},
        {50, 606, "Frav\xe6rende:"},
        {150, 606, "Anne Hansen (A), Bo Jensen (V) og Carl Berg (O)"},
        {50, 592,
         "M\xf8"
         "dested:"},
        {150, 592,
         "R\xe5"
         "dhuset, m\xf8"
         "delokale 2"},
    };
    const TempDir dir("referat-extract-");
    const auto doc = extract_file(dir.write("table.pdf", make_pdf({page})), rules());
    auto lines = all_lines(doc);
    lines.erase(std::remove(lines.begin(), lines.end(), ""), lines.end());
    CHECK(lines == std::vector<std::string>{
                       "Sagsforløb", "Udvalg\tDato\tPunktnummer", "Magistraten\t02-09-2025\t12",
                       "Aarhus Byråd\t10-09-2025\t11", "Teknisk Udvalg\t22-09-2025\t2",
                       "Teksten efter tabellen er et almindeligt afsnit, som fylder hele bredden "
                       "af siden, og slutter her.",
                       "Mødedato:\tMandag den 31. august 2020 kl. 16.00",
                       "Fraværende:\tAnne Hansen (A), Bo Jensen (V) og Carl Berg (O)",
                       "Mødested:\tRådhuset, mødelokale 2"});
    // Rows spaced a little wider than text are still one table: no blank lines between them.
    const auto& page_lines = doc.pages[0].lines;
    const auto first = std::find(page_lines.begin(), page_lines.end(), "Udvalg\tDato\tPunktnummer");
    REQUIRE(std::distance(first, page_lines.end()) >= 4);
    CHECK(std::none_of(first, first + 4, [](const std::string& l) { return l.empty(); }));
    CHECK(heading_style(doc, "Udvalg\tDato\tPunktnummer") == true);
    CHECK(heading_style(doc, "Magistraten\t02-09-2025\t12") == false);
}

TEST_CASE("pdf: running headers and footers go on a long document, body text stays",
          "[extract][pdf]") {
    // 60 pages; the header moves by up to 3 points from page to page, the page number changes,
    // and the body of every tenth page starts with the header's words. Each body line is on
    // fewer than half of the pages with its wording.
    const std::vector<std::string> subjects{"skolerne.", "vejene.", "budgettet.", "havnen.",
                                            "klimaet."};
    std::vector<std::vector<Placed>> pages;
    for (int n = 1; n <= 60; ++n) {
        std::vector<Placed> page{{50, 800 - n % 4, "Testkommune - Udvalget for Skoler"},
                                 {480, 800 - n % 4, "Side " + std::to_string(n)}};
        if (n % 10 == 0) page.push_back({50, 700, "Testkommune - Udvalget for Skoler"});
        page.push_back({50, 680, "Punkt " + std::to_string(n) + " handler om " + subjects[n % 5]});
        page.push_back({50, 667, "Sagen er " + subjects[(n + 1) % 5]});
        page.push_back({50, 60, "Dokument " + std::to_string(1000 + n) + " af 2020"});
        pages.push_back(std::move(page));
    }
    const TempDir dir("referat-extract-");
    const auto doc = extract_file(dir.write("long.pdf", make_pdf(pages)), rules());
    REQUIRE(doc.pages.size() == 60);
    CHECK(count_line(doc, "Testkommune - Udvalget for Skoler") == 6);
    CHECK_FALSE(any_line_contains(doc, "Side "));
    CHECK_FALSE(any_line_contains(doc, "Dokument "));
    // The two body lines make one paragraph (both fill the text width); the header line stays
    // apart from it, a paragraph gap above.
    const std::string body37 = "Punkt 37 handler om budgettet. Sagen er havnen.";
    CHECK(doc.pages[36].lines == std::vector<std::string>{body37});
    CHECK(doc.pages[39].lines ==
          std::vector<std::string>{"Testkommune - Udvalget for Skoler", "",
                                   "Punkt 40 handler om skolerne. Sagen er vejene."});
}

TEST_CASE("pdf corpus: headings whole, furniture gone, hyphens right", "[extract][pdf][corpus]") {
    SECTION("Stevns 31 August 2020") {
        const auto doc = extract_file(kPdfDir + "stevns_bul_2020-08-31.pdf", rules());
        CHECK(doc.format == SourceFormat::Pdf);
        CHECK(doc.pages.size() == 5);
        CHECK_FALSE(any_line_matches(doc, kPageNumberLine));
        CHECK_FALSE(any_line_contains(doc, "Side 1 af 5"));
        CHECK_FALSE(
            any_line_contains(doc, "Stevns Kommune – Børn, Unge og Læring – 31. august 2020"));
        CHECK(count_line(
                  doc,
                  "213. Rapport fra socialstyrelsens taskforce og fornyet intern udviklingsplan") ==
              1);
        CHECK(count_line(doc, "212. Dagsorden - godkendelse") == 1);
        CHECK(count_line(doc, "Resume") >= 3);
        CHECK(count_line(doc, "Beslutning") >= 3);
        CHECK(count_line(doc, "Mødedato:\tMandag den 31. august 2020") == 1);
        CHECK(count_line(doc, "• udviklingsplan_2_-_ubu_0.pdf") == 1);
        // A hyphen set after a justification gap still joins its word.
        CHECK(any_line_contains(doc, "på baggrund af analyserapporten har iværksat"));
        CHECK(any_line_contains(
            doc,
            "retningslinjer og ledelsestilsyn for håndtering af nye ikke-akutte underretninger."));
        CHECK_FALSE(any_line_contains(doc, "børneog"));
        // The Beslutning list goes on at the top of page 2.
        CHECK(doc.pages[1].lines.front().rfind("2. Anbefales med en bemærkning", 0) == 0);
    }
    SECTION("Stevns 9 June 2020") {
        const auto doc = extract_file(kPdfDir + "stevns_bul_2020-06-09.pdf", rules());
        CHECK(doc.pages.size() == 16);
        CHECK_FALSE(any_line_matches(doc, kPageNumberLine));
        CHECK_FALSE(any_line_contains(doc, " af 16"));
        CHECK(count_line(doc, "191. Dagsorden - godkendelse") == 1);
        CHECK(any_line_contains(doc, "et interval på 6-8 uger"));
        CHECK_FALSE(any_line_contains(doc, "68 uger"));
        // The word split over the page break is joined, without the footer inside it.
        CHECK(any_line_contains(doc, "tilførelse af budgetmidler"));
        CHECK(count_line(doc, "Område Hårlev\t40\t28") == 1);
    }
    SECTION("Lejre 7 June 2017: cover page, table of contents, header table") {
        const auto doc = extract_file(kPdfDir + "lejre_bu_2017-06-07.pdf", rules());
        REQUIRE(doc.pages.size() == 20);
        CHECK_FALSE(any_line_matches(doc, kPageNumberLine));
        CHECK_FALSE(any_line_contains(doc, "07-06-2017\t"));
        CHECK(count_line(doc, "Lejre Kommune") == 0);
        CHECK(count_line(doc, "Indholdsfortegnelse") == 0);
        CHECK_FALSE(any_line_contains(doc, "....."));
        CHECK(count_line(doc, "1. BU - Godkendelse af dagsorden") == 1);
        CHECK(doc.pages[2].lines.front() == "2. BU - Orientering - juni");
        CHECK(count_line(doc, "Sagsnr.: 16/15092") == 1);
        CHECK(count_line(doc, "Sagsnr.: 17/6692") == 1);
        CHECK(count_line(doc, "Resumé:") == 8);
        CHECK(count_line(doc, "Beslutning Udvalget for Børn & Ungdom den 07-06-2017:") >= 7);
        // Body text equal to the header's committee name stays.
        CHECK(count_line(doc, "Udvalget for Børn & Ungdom") >= 2);
        CHECK(any_line_contains(doc, "Lejre Kommunes Børn- og Ungeudvalg"));
        CHECK(any_line_contains(doc, "teamkoordinator/leder."));
        // A list label that reading order puts among the header cells stays with its item.
        CHECK(count_line(doc, "- At der foreligger relevant dokumentation i integrationssager") ==
              1);
        // A word hyphenated across a page break.
        CHECK(any_line_contains(doc, "det der virker godt og afdække hvor der skal sættes ind"));
    }
}

TEST_CASE("pdf corpus: broken and protected files", "[extract][pdf][corpus]") {
    CHECK(failure_reason(kBadDir + "empty.pdf") == "empty file");
    CHECK_THAT(failure_reason(kBadDir + "not-a-pdf.pdf"), Catch::StartsWith("not a PDF"));
    CHECK_THAT(failure_reason(kBadDir + "stevns_bul_2020-06-09_truncated60.pdf"),
               Catch::StartsWith("damaged PDF"));
    CHECK(failure_reason(kBadDir + "stevns_bul_2020-08-31_encrypted-userpw.pdf") ==
          "password-protected PDF");

    const auto plain = extract_file(kPdfDir + "stevns_bul_2020-08-31.pdf", rules());
    for (const char* name : {"stevns_bul_2020-08-31_ownerpw-noprint.pdf",
                             "stevns_bul_2020-08-31_ownerpw-noextract.pdf"}) {
        INFO(name);
        const auto doc = extract_file(kBadDir + name, rules());
        CHECK(doc.format == SourceFormat::Pdf);
        CHECK(all_lines(doc) == all_lines(plain));
        CHECK(doc.content_hash != plain.content_hash);
    }
}

#ifdef REFERAT_HAVE_TESSERACT

namespace {

// A page of minutes in the layout the OCR tests scan: a table of contents with dot leaders, an
// item with a decision, and a paragraph with a word hyphenated at the line end. Lower by `down`
// points, so that two pages share no running header.
std::vector<Placed> minutes_page(const std::string& item_title, int down = 0) {
    std::vector<Placed> page{
        {70, 780, "Referat"},
        {70, 740, "Indholdsfortegnelse"},
        {70, 720,
         "1. " + item_title + " ......................................................... 1"},
        {70, 660, "1. " + item_title},
        {70, 636, "Beslutning:"},
        {70, 622, "Godkendt. Udvalget bad om en opf\xf8lgning p\xe5 \xe6ndringerne."},
        {70, 590, "Sagsfremstilling:"},
        {70, 576, "Forvaltningen har udarbejdet et forslag til en ny udviklings-"},
        {70, 562,
         "plan for skoleomr\xe5"
         "det, som beskriver de kommende tre \xe5r."},
    };
    for (auto& placed : page) placed.y -= down;
    return page;
}

}  // namespace

TEST_CASE("pdf: a page without a text layer is read by OCR in Danish", "[extract][pdf][ocr]") {
    const TempDir dir("referat-ocr-");
    const auto path = dir.write("scan.pdf", referat::testing::make_scanned_pdf(
                                                {minutes_page("Godkendelse af dagsorden")}, {0}));
    const auto doc = extract_file(path, rules());
    CHECK(doc.format == SourceFormat::Pdf);
    CHECK(doc.ocr);
    REQUIRE(doc.pages.size() == 1);
    // The table of contents goes (its dot leaders are no letters), the item heading stays.
    CHECK(count_line(doc, "1. Godkendelse af dagsorden") == 1);
    CHECK_FALSE(any_line_contains(doc, "Indholdsfortegnelse"));
    CHECK(count_line(doc, "Godkendt. Udvalget bad om en opfølgning på ændringerne.") == 1);
    CHECK(any_line_contains(doc, "et forslag til en ny udviklingsplan for skoleområdet"));
}

TEST_CASE("pdf: only the scanned pages of a partly scanned PDF are read by OCR",
          "[extract][pdf][ocr]") {
    const TempDir dir("referat-ocr-");
    const auto pages =
        std::vector<std::vector<Placed>>{minutes_page("Orientering"), minutes_page("Budget", 40)};
    const auto text = extract_file(dir.write("text.pdf", make_pdf({pages[0]})), rules());
    const auto mixed = extract_file(
        dir.write("mixed.pdf", referat::testing::make_scanned_pdf(pages, {1})), rules());
    CHECK_FALSE(text.ocr);
    CHECK(mixed.ocr);
    REQUIRE(mixed.pages.size() == 2);
    CHECK(mixed.pages[0].lines == text.pages[0].lines);
    CHECK(count_line(mixed, "1. Budget") == 1);
    CHECK(count_line(mixed, "Godkendt. Udvalget bad om en opfølgning på ændringerne.") == 2);
}

TEST_CASE("pdf: a scanned PDF without Tesseract's Danish data is refused naming the fix",
          "[extract][pdf][ocr]") {
    const auto run = referat::testing::run_referat(
        {"extract", kBadDir + "lejre_bu_2017-06-07_scanned.pdf"}, "TESSDATA_PREFIX=/nonexistent");
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(run.err_lines() ==
          std::vector<std::string>{kBadDir +
                                   "lejre_bu_2017-06-07_scanned.pdf: no text layer (scanned "
                                   "PDF?): Tesseract's Danish data is missing (apt-get install "
                                   "tesseract-ocr-dan, or set TESSDATA_PREFIX)"});
}

#else

TEST_CASE("pdf: a scanned PDF in a build without OCR is refused naming the fix", "[extract][pdf]") {
    CHECK_THAT(failure_reason(kBadDir + "lejre_bu_2017-06-07_scanned.pdf"),
               Catch::StartsWith("no text layer (scanned PDF?): built without OCR"));
}

#endif
