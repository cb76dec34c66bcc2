// Titles are compared by character bigrams rather than words, because the bodies of one
// municipality write the same title with other spacing, hyphens and compounds.
#include "cases/title_similarity.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <vector>

#include "util/text.hpp"

namespace referat::cases {

TitleShape title_shape(std::string_view title) {
    const auto folded = text::fold(title);
    TitleShape out;
    bool in_number = false;
    const auto n = static_cast<int32_t>(folded.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(folded.data()), i, n, c);
        const bool digit = c >= 0 && u_isdigit(c);
        if (digit) {
            if (!in_number) out.numbers.emplace_back();
            out.numbers.back() += static_cast<char32_t>(c);
        }
        in_number = digit;
        if (c >= 0 && u_isalnum(c)) out.letters += static_cast<char32_t>(c);
    }
    for (size_t k = 0; k + 1 < out.letters.size(); ++k)
        out.bigrams.push_back(static_cast<uint64_t>(out.letters[k]) << 32 | out.letters[k + 1]);
    std::sort(out.bigrams.begin(), out.bigrams.end());
    return out;
}

double title_similarity(const TitleShape& a, const TitleShape& b) {
    if (a.numbers != b.numbers) return 0.0;
    if (a.letters == b.letters) return a.letters.empty() ? 0.0 : 1.0;
    const auto& ba = a.bigrams;
    const auto& bb = b.bigrams;
    if (ba.empty() || bb.empty()) return 0.0;
    // Multiset intersection of two sorted lists.
    size_t common = 0;
    for (size_t i = 0, j = 0; i < ba.size() && j < bb.size();) {
        if (ba[i] < bb[j]) {
            ++i;
        } else if (bb[j] < ba[i]) {
            ++j;
        } else {
            ++common, ++i, ++j;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(ba.size() + bb.size());
}

double title_similarity(std::string_view a, std::string_view b) {
    return title_similarity(title_shape(a), title_shape(b));
}

std::optional<long> day_number(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    const auto num = [&](size_t pos, size_t len, auto& out) {
        const auto r = std::from_chars(iso.data() + pos, iso.data() + pos + len, out);
        return r.ec == std::errc() && r.ptr == iso.data() + pos + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string iso_date(long day) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return out;
}

}  // namespace referat::cases
