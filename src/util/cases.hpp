// Pure helpers for case tracking, shared by `referat extract` (no database) and the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referat::cases {

// Stable identity of an agenda item, the same across re-ingests of corrected minutes:
// "municipality|committee|date|number" ("Stevns|Direktionen|2020-08-17|2"). Without a committee
// or a date the file's content hash stands in ("sha256:HASH|number"). Quoted decisions of
// meetings not stored get the key their own item would have.
std::string item_key(const std::optional<std::string>& municipality,
                     const std::optional<std::string>& committee,
                     const std::optional<std::string>& date, std::optional<int> number,
                     std::string_view content_hash);

// How alike two titles are, 0..1: Dice coefficient of the character bigrams of their folded
// letters and digits (spaces and punctuation ignored, so "Task Force" = "taskforce"). Titles
// whose numbers differ ("Budget 2021" / "Budget 2022") score 0: recurring items are not one case.
double title_similarity(std::string_view a, std::string_view b);

// A title prepared for title_similarity, for comparing one title with many.
struct TitleShape {
    std::u32string letters;               // folded letters and digits
    std::vector<std::u32string> numbers;  // the runs of digits
    std::vector<uint64_t> bigrams;        // pairs of code points, sorted
};
TitleShape title_shape(std::string_view title);
double title_similarity(const TitleShape& a, const TitleShape& b);

// Days since 1970-01-01 of an ISO date (YYYY-MM-DD); nothing when it is not a valid date.
std::optional<long> day_number(std::string_view iso);

}  // namespace referat::cases
