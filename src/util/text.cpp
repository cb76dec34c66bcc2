// Unicode text helpers over ICU: case folding, NFC, code points, trimming and collapsing, and
// the printable form of text from files, shown on a terminal.
#include "util/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace referat::text {

namespace {

std::string normalize(std::string_view s, const icu::Normalizer2* n) {
    UErrorCode status = U_ZERO_ERROR;
    auto u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString out = n->normalize(u, status);
    if (U_FAILURE(status)) return std::string(s);
    std::string r;
    out.toUTF8String(r);
    return r;
}

bool is_space(UChar32 c) {
    return u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F || c == 0xFEFF;
}

bool is_ascii_space(uint8_t b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
}

// Whether the code point at `i` is white space; moves `i` past it. ASCII, most of any Danish
// text, is classified without ICU: its white space is \t-\r and ' '.
bool next_is_space(const uint8_t* bytes, int32_t& i, int32_t n) {
    if (bytes[i] < 0x80) return is_ascii_space(bytes[i++]);
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    return c >= 0 && is_space(c);
}

// Copies `s`, which starts and ends with visible text, with every run of white space as one
// plain space. Visible text is copied a run at a time.
std::string fold_space_runs(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t run = 0;  // start of the visible run being read, -1 within white space
    for (int32_t i = 0; i < n;) {
        const int32_t start = i;
        if (next_is_space(bytes, i, n)) {
            if (run >= 0) {
                out.append(s.substr(run, start - run));
                out += ' ';
                run = -1;
            }
        } else if (run < 0) {
            run = start;
        }
    }
    out.append(s.substr(run));
    return out;
}

// Start of the first visible code point of `s`, or its size when there is none.
int32_t visible_start(const uint8_t* bytes, int32_t n) {
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        if (!next_is_space(bytes, i, n)) return start;
    }
    return n;
}

// End of the last visible code point of `s`, which has one at `first`. Walking back gives the
// same code points as walking forward: a valid sequence starts at its lead byte either way.
int32_t visible_end(const uint8_t* bytes, int32_t first, int32_t n) {
    int32_t end = n;
    while (end > first) {
        if (bytes[end - 1] < 0x80) {
            if (!is_ascii_space(bytes[end - 1])) break;
            --end;
            continue;
        }
        int32_t i = end;
        UChar32 c;
        U8_PREV(bytes, first, i, c);
        if (c < 0 || !is_space(c)) break;
        end = i;
    }
    return end;
}

// Whether `s` holds white space other than single plain spaces.
bool has_irregular_space(const uint8_t* bytes, int32_t n) {
    bool after_space = false;
    for (int32_t i = 0; i < n;) {
        const uint8_t b = bytes[i];
        if (b == ' ') {
            if (after_space) return true;
            after_space = true;
            ++i;
        } else if (b < 0x80) {
            if (is_ascii_space(b)) return true;
            after_space = false;
            ++i;
        } else {
            if (next_is_space(bytes, i, n)) return true;
            after_space = false;
        }
    }
    return false;
}

// Most lines need at most their ends cut: their visible span is found from both ends, and only
// when white space inside it is other than single plain spaces are its runs folded one by one.
std::string collapse_or_trim(std::string_view s, bool inner) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    const int32_t first = visible_start(bytes, n);
    if (first == n) return std::string();
    const auto visible = s.substr(first, visible_end(bytes, first, n) - first);
    if (!inner || !has_irregular_space(reinterpret_cast<const uint8_t*>(visible.data()),
                                       static_cast<int32_t>(visible.size())))
        return std::string(visible);
    return fold_space_runs(visible);
}

}  // namespace

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* normalizer = icu::Normalizer2::getNFCInstance(status);
    // Text is nearly always NFC already (and ASCII is): checking that in UTF-8 is much cheaper
    // than the round trip through UTF-16. Invalid UTF-8 takes the round trip, which replaces it.
    const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    if (ascii || (valid_utf8(s) && U_SUCCESS(status) &&
                  normalizer->isNormalizedUTF8(
                      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status) &&
                  U_SUCCESS(status)))
        return std::string(s);
    status = U_ZERO_ERROR;
    return normalize(s, icu::Normalizer2::getNFCInstance(status));
}

std::string nfkc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    return normalize(s, icu::Normalizer2::getNFKCInstance(status));
}

std::string fold(std::string_view s) {
    auto u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.foldCase();
    std::string r;
    u.toUTF8String(r);
    return r;
}

std::string lower(std::string_view s) {
    auto u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.toLower(icu::Locale("da"));
    std::string r;
    u.toUTF8String(r);
    return r;
}

std::string trim(std::string_view s) {
    return collapse_or_trim(s, false);
}

bool is_blank(std::string_view s) {
    const auto n = static_cast<int32_t>(s.size());
    return visible_start(reinterpret_cast<const uint8_t*>(s.data()), n) == n;
}

std::string collapse(std::string_view s) {
    return collapse_or_trim(s, true);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string r;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) r += sep;
        r += parts[i];
    }
    return r;
}

bool valid_utf8(std::string_view s) {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if (c < 0) return false;
    }
    return true;
}

bool is_blank_or_punct(std::string_view s) {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if (c >= 0 && u_isalnum(c)) return false;
    }
    return true;
}

size_t code_points(std::string_view s) {
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    return static_cast<size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

int32_t first_code_point(std::string_view s) {
    if (s.empty()) return U_SENTINEL;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c;
}

int32_t last_code_point(std::string_view s) {
    if (s.empty()) return U_SENTINEL;
    auto i = static_cast<int32_t>(s.size());
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
    return c;
}

bool starts_lower(std::string_view s) {
    return u_islower(first_code_point(s));
}
bool starts_upper(std::string_view s) {
    return u_isupper(first_code_point(s));
}
bool in_capitals(std::string_view s) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    bool upper = false;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        if (u_islower(c)) return false;
        upper = upper || u_isupper(c);
    }
    return upper;
}

bool starts_capitalised(std::string_view s) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    UChar32 first;
    U8_NEXT(bytes, i, n, first);
    if (!u_isupper(first) || i >= n) return false;
    UChar32 second;
    U8_NEXT(bytes, i, n, second);
    return u_islower(second);
}

std::string upper_first(std::string_view s) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0 || !u_islower(c)) return std::string(s);
    std::string out;
    icu::UnicodeString(static_cast<UChar32>(u_toupper(c))).toUTF8String(out);
    out.append(s.substr(static_cast<size_t>(i)));
    return out;
}

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char buf[8];
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n') {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
            continue;
        }
        if (c < 0x7f) {
            out += s[i++];
            continue;
        }
        const auto start = static_cast<int32_t>(i);
        auto next = start;
        UChar32 cp;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), next, static_cast<int32_t>(s.size()),
                cp);
        const bool control = (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
                             (cp >= 0x2066 && cp <= 0x2069);
        if (control) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(s.substr(i, static_cast<size_t>(next - start)));
        }
        i = static_cast<size_t>(next);
    }
    return out;
}

bool is_iso_date(std::string_view s) {
    const auto digits = [&](size_t at, size_t n) {
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                           std::chrono::day(day)};
    return date.ok();
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace referat::text
