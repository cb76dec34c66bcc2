// How alike two agenda titles are, and the dates the title rule counts in: the measures the case
// join rules (cases/join_rules.hpp) and the store's same-meeting check compare titles with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referat::cases {

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
// The ISO date of a day number: day_number's inverse.
std::string iso_date(long day);

}  // namespace referat::cases
