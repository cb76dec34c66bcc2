// The segmenter's heading prefilter (one RE2::Set over every heading form) must find exactly the
// headings that trying each pattern in turn finds.
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "helpers.hpp"
#include "segment/segment.hpp"

using namespace referat;

namespace {

std::string upper(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toUpper().toUTF8String(out);
    return out;
}

// Every line of the development minutes, and the examples quoted in the pattern files' comments
// ("Sagsnr.: 17/6692"), each also with a colon, with inline content and in upper case.
std::set<std::string> candidate_lines() {
    namespace fs = std::filesystem;
    std::set<std::string> lines;
    auto add = [&](const std::string& line) {
        for (const auto& part : segment::clean_markup(line)) {
            lines.insert(part);
            lines.insert(part + ":");
            lines.insert(part + ": Udvalget godkendte sagen.");
            lines.insert(upper(part));
        }
    };
    const fs::path src(REFERAT_SOURCE_DIR);
    for (const auto& e : fs::directory_iterator(src / "corpus/text")) {
        std::ifstream in(e.path());
        for (std::string line; std::getline(in, line);) add(line);
    }
    for (const auto& e : fs::directory_iterator(src / "patterns")) {
        if (e.path().extension() != ".re") continue;
        std::ifstream in(e.path());
        for (std::string line; std::getline(in, line);) {
            if (line.rfind('#', 0) != 0) continue;
            for (size_t open = line.find('"'); open != std::string::npos;) {
                const size_t close = line.find('"', open + 1);
                if (close == std::string::npos) break;
                add(line.substr(open + 1, close - open - 1));
                open = line.find('"', close + 1);
            }
        }
    }
    return lines;
}

}  // namespace

TEST_CASE("heading prefilter: the same sections as trying every pattern", "[segment]") {
    const segment::Segmenter seg(testing::patterns());
    size_t headings = 0, quoted = 0;
    for (const auto& line : candidate_lines()) {
        INFO(line);
        const auto fast = seg.heading(line);
        const auto slow = seg.heading_unfiltered(line);
        REQUIRE(fast.has_value() == slow.has_value());
        if (!fast) continue;
        ++headings;
        if (fast->kind == SectionKind::QuotedDecision) ++quoted;
        CHECK(fast->kind == slow->kind);
        CHECK(fast->heading == slow->heading);
        CHECK(fast->body == slow->body);
        CHECK(fast->date_text == slow->date_text);
        CHECK(fast->item == slow->item);
        CHECK(fast->lines == slow->lines);
    }
    // The lines hold headings of every kind, quoted decisions among them.
    CHECK(headings > 100);
    CHECK(quoted > 0);
}
