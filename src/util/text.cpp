#include "util/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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

// Walks code points once: drops leading/trailing space and, when `inner`, folds inner runs.
std::string collapse_or_trim(std::string_view s, bool inner) {
    std::string out;
    out.reserve(s.size());
    std::string pending;  // white space seen since the last visible character
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if (c >= 0 && is_space(c)) {
            if (!out.empty()) pending.append(s.substr(start, i - start));
            continue;
        }
        if (!pending.empty()) {
            out += inner ? std::string(" ") : pending;
            pending.clear();
        }
        out.append(s.substr(start, i - start));
    }
    return out;
}

}  // namespace

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
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

std::string trim(std::string_view s) {
    return collapse_or_trim(s, false);
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

}  // namespace referat::text
