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

// Whether the code point at `i` is white space; moves `i` past it. ASCII, most of any Danish
// text, is classified without ICU: its white space is \t-\r and ' '.
bool next_is_space(const uint8_t* bytes, int32_t& i, int32_t n) {
    if (bytes[i] < 0x80) {
        const uint8_t b = bytes[i++];
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    return c >= 0 && is_space(c);
}

// Walks code points once: drops leading/trailing space and, when `inner`, folds inner runs.
// Visible text is copied a run at a time.
std::string collapse_or_trim(std::string_view s, bool inner) {
    std::string out;
    out.reserve(s.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t run = -1;      // start of the visible run being read
    int32_t pending = -1;  // start of the white space after the last visible run
    for (int32_t i = 0; i < n;) {
        const int32_t start = i;
        if (next_is_space(bytes, i, n)) {
            if (run >= 0) {
                out.append(s.substr(run, start - run));
                run = -1;
                pending = start;
            }
            continue;
        }
        if (run < 0) {
            if (pending >= 0) {
                if (inner)
                    out += ' ';
                else
                    out.append(s.substr(pending, start - pending));
                pending = -1;
            }
            run = start;
        }
    }
    if (run >= 0) out.append(s.substr(run));
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
