// White space handling of util/text: trim and collapse, on clean lines (the fast path) and on
// lines with runs of any kind of space; code points and calendar dates.
#include <catch2/catch.hpp>
#include <random>

#include "util/text.hpp"

using namespace referat;

namespace {

// The text without any of the white space the helpers know (ASCII, NBSP, narrow NBSP, BOM).
std::string visible(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        bool space = false;
        for (const std::string sp :
             {" ", "\t", "\n", "\r", "\xC2\xA0", "\xE2\x80\xAF", "\xEF\xBB\xBF"})
            if (s.compare(i, sp.size(), sp) == 0) {
                i += sp.size();
                space = true;
                break;
            }
        if (!space) out += s[i++];
    }
    return out;
}

}  // namespace

TEST_CASE("trim cuts white space of any kind at the ends only", "[text]") {
    CHECK(text::trim("Beslutning") == "Beslutning");
    CHECK(text::trim("  Sagsnr.:  17/6692 \t") == "Sagsnr.:  17/6692");
    CHECK(text::trim("\xC2\xA0"
                     "Bilag"
                     "\xE2\x80\xAF") == "Bilag");
    CHECK(text::trim("a\tb") == "a\tb");
    CHECK(text::trim(" \t\n ").empty());
    CHECK(text::trim("").empty());
    CHECK(text::trim(" \xFF ") == "\xFF");  // invalid UTF-8 is text, not space
}

TEST_CASE("collapse makes every run of white space one plain space", "[text]") {
    CHECK(text::collapse("Udvalget godkendte sagen.") == "Udvalget godkendte sagen.");
    CHECK(text::collapse(" Udvalget  godkendte\tsagen. ") == "Udvalget godkendte sagen.");
    CHECK(text::collapse("Børn\xC2\xA0og\xC2\xA0\xC2\xA0Unge") == "Børn og Unge");
    CHECK(text::collapse("a \n b") == "a b");
    CHECK(text::collapse("a\tb") == "a b");
    CHECK(text::collapse("a b ") == "a b");
    CHECK(text::collapse(" \xEF\xBB\xBF ").empty());
    CHECK(text::collapse("\xFF  \xFE") == "\xFF \xFE");
}

TEST_CASE("trim and collapse on random mixes of text and space", "[text]") {
    const std::vector<std::string> pieces = {"a", "ø", "Å",  "1",  ".",        "\xFF",
                                             " ", " ", "\t", "\n", "\xC2\xA0", "\xE2\x80\xAF"};
    std::mt19937 random(8);
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const int length = static_cast<int>(random() % 12);
        for (int k = 0; k < length; ++k) s += pieces[random() % pieces.size()];
        INFO(s);
        const auto trimmed = text::trim(s);
        const auto collapsed = text::collapse(s);
        CHECK(s.find(trimmed) != std::string::npos);
        CHECK(visible(trimmed) == visible(s));
        CHECK(visible(collapsed) == visible(s));
        CHECK(text::trim(trimmed) == trimmed);
        CHECK(text::collapse(collapsed) == collapsed);
        CHECK(text::collapse(trimmed) == collapsed);
        CHECK(collapsed.find("  ") == std::string::npos);
        CHECK(collapsed.find_first_of("\t\n") == std::string::npos);
        CHECK(collapsed.find("\xC2\xA0") == std::string::npos);
    }
}

TEST_CASE("is_blank is true exactly when trim leaves nothing", "[text]") {
    for (const std::string s : {"", " ", "\t\n", "\xC2\xA0", " a ", "\xFF", ".", " \xE2\x80\xAF x"})
        CHECK(text::is_blank(s) == text::trim(s).empty());
}

TEST_CASE("nfc composes what is not NFC and leaves NFC text as it is", "[text]") {
    CHECK(text::nfc("Udvalget godkendte") == "Udvalget godkendte");
    CHECK(text::nfc("Børn og Læring, Å") == "Børn og Læring, Å");
    CHECK(text::nfc("A\xCC\x8A"
                    "rhus") == "Århus");  // A + combining ring
    CHECK(text::nfc("Ma\xCC\x8A"
                    "ned") == "Måned");  // inside a word
    CHECK(text::nfc("a\xFF"
                    "b") ==
          "a\xEF\xBF\xBD"
          "b");  // invalid UTF-8 is replaced
}

TEST_CASE("code_points counts characters, not bytes", "[text]") {
    CHECK(text::code_points("") == 0);
    CHECK(text::code_points("Punkt 3") == 7);
    CHECK(text::code_points("Børn & Unge") == 11);           // ø: 2 bytes
    CHECK(text::code_points("m\u00B2 \u2013 \u20AC") == 6);  // 2 and 3-byte sequences
    CHECK(text::code_points("\U0001F600") == 1);             // 4 bytes
}

TEST_CASE("is_iso_date takes calendar dates written YYYY-MM-DD only", "[text]") {
    for (const char* date : {"2020-02-29", "2000-02-29", "2021-12-31", "1999-01-01"})
        CHECK(text::is_iso_date(date));
    for (const char* other : {"2021-02-29", "1900-02-29", "2020-02-31", "2020-04-31", "2020-13-01",
                              "2020-00-10", "2020-01-00", "2020-1-01", "2020-01-1", "20200101",
                              "2020/01/01", "abcd-01-01", "2020-01-01 ", ""})
        CHECK_FALSE(text::is_iso_date(other));
}
