// Tests of the web page reader: layout of blocks, lists and tables, line styles, what is left
// out, and broken or hostile pages.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "extract/extract.hpp"
#include "fixtures.hpp"
#include "helpers.hpp"
#include "store/database.hpp"

using referat::ExtractedText;
using referat::extract::extract_file;
using referat::testing::patterns;
using referat::testing::run_referat;
using referat::testing::TempDb;
using referat::testing::TempDir;

namespace {

ExtractedText read_page(const std::string& html, const std::string& name = "side.html") {
    const TempDir dir("referat-html-");
    return extract_file(dir.write(name, html), patterns());
}

// The page's lines (a web page is one page).
std::vector<std::string> lines_of(const std::string& html, const std::string& name = "side.html") {
    const auto doc = read_page(html, name);
    REQUIRE(doc.pages.size() == 1);
    return doc.pages[0].lines;
}

std::string page(const std::string& body) {
    return "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Referat</title>"
           "</head><body>" +
           body + "</body></html>";
}

std::string failure(const std::string& html, const std::string& name = "side.html") {
    try {
        read_page(html, name);
    } catch (const referat::InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("html: blocks and <br> end lines, inline elements flow with the page's spacing",
          "[extract][html]") {
    const auto lines = lines_of(
        page("<div>Udvalg for <a href=\"#\">Teknik</a> og\n   <em>Milj\xc3\xb8</em></div>"
             "<div>F\xc3\xb8rste linje<br>Anden linje</div>"
             "<div><span>Resume</span><div>Sagen handler om skoler.</div>Efter blokken</div>"
             "<p><b>B</b>eslutning: <span>Godkendt</span><span>.</span></p>"
             "<div>F\xc3\xb8r<img src=\"x.png\" alt=\"ikon\">efter</div>"));
    CHECK(lines == std::vector<std::string>{"Udvalg for Teknik og Miljø", "Første linje",
                                            "Anden linje", "Resume", "Sagen handler om skoler.",
                                            "Efter blokken", "", "Beslutning: Godkendt.", "",
                                            "Før efter"});
}

TEST_CASE("html: paragraphs and headings are set apart by one blank line", "[extract][html]") {
    const auto lines = lines_of(
        page("<h3>Beslutninger</h3><div>Godkendt.</div><h3></h3><div>Sagen beskriver planen.</div>"
             "<p>Et</p><p></p><p>To</p><br><br><br><div>Tre</div>"));
    CHECK(lines == std::vector<std::string>{"Beslutninger", "", "Godkendt.", "",
                                            "Sagen beskriver planen.", "", "Et", "", "To", "",
                                            "Tre"});
}

TEST_CASE("html: list items start with a bullet or their number", "[extract][html]") {
    const auto lines = lines_of(page(
        "<ul><li>Indstilling</li><li>Bilag 1: Kort</li></ul>"
        "<ol><li>Godkendt</li><li>Anbefales<ul><li>med en bem\xc3\xa6rkning</li></ul></li></ol>"
        "<ol start=\"3\"><li>tre</li><li value=\"7\">syv</li><li>otte</li></ol>"
        "<ul style=\"list-style: none\"><li>uden punkt</li></ul>"));
    CHECK(lines == std::vector<std::string>{"• Indstilling", "• Bilag 1: Kort", "", "1. Godkendt",
                                            "2. Anbefales", "• med en bemærkning", "", "3. tre",
                                            "7. syv", "8. otte", "", "uden punkt"});
}

TEST_CASE("html: a table row of short cells is one line with tabs", "[extract][html]") {
    const auto doc =
        read_page(page("<table><thead><tr><th>Udvalg</th><th>Dato</th><th></th></tr></thead><tbody>"
                       "<tr><td>Magistraten</td><td> 22-06-2022 </td><td></td></tr>"
                       "<tr><td>Dato:</td><td>\n  <span>22-06-2022</span>\n</td></tr>"
                       "<tr><td>2</td><td><h2>Budget</h2><div>EMN-2025-1</div></td></tr>"
                       "</tbody></table>"));
    REQUIRE(doc.pages.size() == 1);
    const auto& page = doc.pages[0];
    CHECK(page.lines == std::vector<std::string>{"Udvalg\tDato", "Magistraten\t22-06-2022",
                                                 "Dato:\t22-06-2022", "2", "", "Budget", "",
                                                 "EMN-2025-1"});
    REQUIRE(page.styles.size() == page.lines.size());
    CHECK(page.is_heading(0));
    CHECK_FALSE(page.is_heading(1));
    CHECK(page.is_heading(5));
    CHECK_FALSE(page.is_heading(7));
}

TEST_CASE("html: headings and all-bold lines are marked as headings, others not",
          "[extract][html]") {
    const auto doc = read_page(
        page("<h1>Referat</h1><h4>Resume</h4><p>Tekst med <strong>fed</strong> skrift.</p>"
             "<p><strong>Borgmesterens Afdelings</strong> <b>p\xc3\xa5tegning</b></p>"
             "<dl><dt>Sagsnr.</dt><dd>17/6692</dd></dl>"));
    REQUIRE(doc.pages.size() == 1);
    const auto& page = doc.pages[0];
    REQUIRE(page.styles.size() == page.lines.size());
    auto heading = [&](const std::string& line) {
        const auto it = std::find(page.lines.begin(), page.lines.end(), line);
        REQUIRE(it != page.lines.end());
        return page.is_heading(static_cast<size_t>(it - page.lines.begin()));
    };
    CHECK(heading("Referat"));
    CHECK(heading("Resume"));
    CHECK_FALSE(heading("Tekst med fed skrift."));
    CHECK(heading("Borgmesterens Afdelings påtegning"));
    CHECK(heading("Sagsnr."));
    CHECK_FALSE(heading("17/6692"));
}

TEST_CASE("html: scripts, navigation, controls, banners and hidden parts are left out",
          "[extract][html]") {
    const auto lines =
        lines_of(page("<header><a href=\"/\">Forside</a> Aarhus Kommune</header>"
                      "<nav><a href=\"/\">Tilbage</a></nav><div role=\"navigation\">Menu</div>"
                      "<div id=\"cookie-banner\"><p>Vi bruger cookies</p></div>"
                      "<div class=\"CookieConsent\">Accepter</div>"
                      "<script>document.write('skjult')</script><style>p { color: red }</style>"
                      "<noscript>Sl\xc3\xa5 JavaScript til</noscript>"
                      "<main><article><header><h2>Punkt 1: Budget</h2></header>"
                      "<button class=\"overskrift-btn\"><h2>Punkt 2: Skoler</h2></button>"
                      "<p>Godkendt.<span hidden>skjult</span><span aria-hidden=\"true\">+</span>"
                      "<span style=\"display: none\">skjult</span></p>"
                      "<ul><li><span role=\"button\" class=\"pdf-label\">PDF</span>"
                      "<a href=\"b.pdf\">Bilag 1: Kort</a></li></ul>"
                      "<form><label for=\"q\">S\xc3\xb8g</label><input id=\"q\" value=\"x\">"
                      "<select><option>A</option></select><button>Send</button>"
                      "<p>Tekst i formularen</p></form>"
                      "<ul role=\"menu\"><li><a role=\"menuitem\">Hent som PDF</a></li></ul>"
                      "<div class=\"modal\"><h4>Kopier link</h4></div>"
                      "<dialog><p>Dialog</p></dialog></article></main>"
                      "<footer>Kontakt os</footer>"));
    CHECK(lines == std::vector<std::string>{"Punkt 1: Budget", "", "Punkt 2: Skoler", "",
                                            "Godkendt.", "", "• Bilag 1: Kort", "",
                                            "Tekst i formularen"});
}

TEST_CASE("html: character references are decoded, NBSP is a space", "[extract][html]") {
    const auto lines = lines_of(
        page("<p>B&oslash;rn &amp; Unge&nbsp;&nbsp;&ndash; Sk&#229;ne &#x2022; &quot;ok&quot;"
             " &lt;b&gt;</p>"));
    CHECK(lines == std::vector<std::string>{"Børn & Unge – Skåne • \"ok\" <b>"});
}

TEST_CASE("html: broken markup is read as a browser reads it", "[extract][html]") {
    const auto lines = lines_of(
        "<html><body><p>En<p>To </div></span><b><i>fed kursiv</b> kursiv</i>"
        "<table><td>celle<td>to</table><ul><li>a<li>b</ul><p>slut &amp uden semikolon",
        "brudt.html");
    CHECK(lines == std::vector<std::string>{"En", "", "To fed kursiv kursiv", "", "celle\tto", "",
                                            "• a", "• b", "", "slut & uden semikolon"});
    // Garbage never crashes: at worst it is text, or no text.
    std::string garbage;
    for (int i = 0; i < 2000; ++i) {
        garbage += i % 3 ? "</x" : "<x";
        garbage += std::to_string(i % 7);
        garbage += " a='<>";
    }
    CHECK_NOTHROW(failure("<html>" + garbage));
}

TEST_CASE("html: a page without text, an empty file", "[extract][html]") {
    CHECK(failure(page("<script>var x = 1;</script><img src=\"a.png\"><div hidden>x</div>")) ==
          "no text in the web page");
    CHECK(failure("<html><head><title>Referat</title></head></html>") == "no text in the web page");
    CHECK(failure("") == "empty file");
    CHECK(failure(" \n ") == "empty file (only white space)");
}

TEST_CASE("html: .htm, and web pages without the extension, are read as web pages",
          "[extract][html]") {
    const std::string html = page("<h2>1. Budget</h2><p>Godkendt.</p>");
    const std::vector<std::string> expected{"1. Budget", "", "Godkendt."};
    CHECK(lines_of(html, "side.htm") == expected);
    CHECK(lines_of(html, "side") == expected);
    CHECK(lines_of("\xEF\xBB\xBF  \n<HTML><body><h2>1. Budget</h2><p>Godkendt.</p>", "side.txt") ==
          expected);
    // A text file that only mentions a tag stays text.
    CHECK(lines_of("Referat\n<p> er et tag\n", "noter.txt") ==
          std::vector<std::string>{"Referat", "<p> er et tag"});
    const auto doc = read_page(html, "side.htm");
    CHECK(doc.format == referat::SourceFormat::WebPage);
    CHECK(doc.content_hash.size() == 64);
    CHECK(read_page(html, "side").content_hash == doc.content_hash);
}

TEST_CASE("html: deeply nested markup is read, or refused quickly", "[extract][html]") {
    std::string nested;
    for (int i = 0; i < 2000; ++i) nested += "<div>";
    CHECK(lines_of(page(nested + "dybt")) == std::vector<std::string>{"dybt"});

    // gumbo's work grows with the square of the nesting: these would take it hours, or
    // gigabytes of memory.
    const auto started = std::chrono::steady_clock::now();
    std::string deep;
    for (int i = 0; i < 200000; ++i) deep += "<div/>";
    // Also where markup only looks like a comment, foreign content, raw text or a table cell.
    for (const std::string before : {"", "<!-->", "<math><mi>", "<svg><b>", "<svg><title>",
                                     "<table><tr><td><p>", "<script></script>"}) {
        INFO(before);
        CHECK(failure(page(before + deep + "x")) == "web page nested too deeply to be read");
    }
    std::string reopened = "<p>";
    for (int i = 0; i < 3000; ++i) reopened += "<b class=" + std::to_string(i) + ">";
    for (int i = 0; i < 3000; ++i) reopened += "</p><p>x";
    CHECK(failure(page(reopened)) == "web page nested too deeply to be read");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}

TEST_CASE("html: ingest finds web pages in a folder", "[extract][html][ingest]") {
    const TempDir dir("referat-html-");
    dir.write("referater/bul_2020-08-31.html",
              page("<h1>Referat</h1><p>B\xc3\xb8rn, Unge og L\xc3\xa6ring</p>"
                   "<p>M\xc3\xb8"
                   "dedato: Mandag den 31. august 2020</p>"
                   "<h2>212. Dagsorden - godkendelse</h2><h3>Resume</h3>"
                   "<p>Godkendelse af dagsorden for BUL.</p><h3>Beslutning</h3>"
                   "<p>Godkendt uden bem\xc3\xa6rkninger om vindm\xc3\xb8llerne.</p>"));
    dir.write("referater/noter.md", "# ikke et referat");
    TempDb db("referat-html-");
    const auto run = run_referat({"ingest", "--db", db.path.string(), dir.file("referater")});
    CHECK(run.err.empty());
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("bul_2020-08-31.html") != std::string::npos);
    CHECK(run.out.find("noter.md") == std::string::npos);
    CHECK(run.out.find("1 stored") != std::string::npos);
    const auto search = run_referat({"search", "--db", db.path.string(), "vindmøllerne"});
    CHECK(search.exit_code == 0);
    CHECK(search.out.find("Dagsorden - godkendelse") != std::string::npos);
}
