// Compiling a pattern once, on first use, from whichever thread asks first, with its letter
// classes narrowed to the Latin script.
#include "rules/regex.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace referat::rules {

namespace {

// The ranges of each Latin letter class, as the inside of a bracket expression ("A-Za-z…").
struct LatinClasses {
    std::string letter, upper, lower;
};

void append_utf8(std::string& out, UChar32 c) {
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<size_t>(n));
}

std::string ranges_of(bool (*member)(UChar32)) {
    static constexpr std::array<std::pair<UChar32, UChar32>, 2> kLatin{
        {{0x0041, 0x024F}, {0x1E00, 0x1EFF}}};
    std::string out;
    for (const auto& [first, last] : kLatin) {
        for (UChar32 c = first; c <= last; ++c) {
            if (!member(c)) continue;
            UChar32 end = c;
            while (end < last && member(end + 1)) ++end;
            append_utf8(out, c);
            if (end > c) {
                out += '-';
                append_utf8(out, end);
            }
            c = end;
        }
    }
    return out;
}

bool is_letter(UChar32 c) {
    return (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0;
}

// Beyond Latin-1 the cases alternate letter by letter (Ā ā Ă ă ...): exact classes there are
// hundreds of one-letter ranges, which more than doubled the compile time of the patterns. There
// every letter counts as either case, so "Łukasz" and "łukasz" both start with a capital.
bool is_upper(UChar32 c) {
    return c > 0xFF ? is_letter(c) : u_charType(c) == U_UPPERCASE_LETTER;
}
bool is_lower(UChar32 c) {
    return c > 0xFF ? is_letter(c) : u_charType(c) == U_LOWERCASE_LETTER;
}

const LatinClasses& latin_classes() {
    static const LatinClasses classes{ranges_of(is_letter), ranges_of(is_upper),
                                      ranges_of(is_lower)};
    return classes;
}

}  // namespace

std::string latin_letter_classes(std::string_view pattern) {
    const auto& classes = latin_classes();
    const std::array<std::pair<std::string_view, const std::string*>, 4> kClasses{
        {{"\\p{L}", &classes.letter},
         {"\\pL", &classes.letter},
         {"\\p{Lu}", &classes.upper},
         {"\\p{Ll}", &classes.lower}}};
    std::string out;
    out.reserve(pattern.size());
    bool in_brackets = false;
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '\\') {
            const std::string* ranges = nullptr;
            size_t length = 2;
            for (const auto& [name, body] : kClasses)
                if (pattern.substr(i, name.size()) == name) {
                    ranges = body;
                    length = name.size();
                    break;
                }
            if (!ranges)
                out.append(pattern.substr(i, 2));
            else if (in_brackets)
                out += *ranges;
            else
                out += '[' + *ranges + ']';
            i += length;
            continue;
        }
        if (!in_brackets && pattern[i] == '[') {
            // "[^]…]" and "[]…]": a ']' right after the opening is a member, not the end.
            in_brackets = true;
            out += pattern[i++];
            if (i < pattern.size() && pattern[i] == '^') out += pattern[i++];
            if (i < pattern.size() && pattern[i] == ']') out += pattern[i++];
            continue;
        }
        if (in_brackets && pattern[i] == ']') in_brackets = false;
        out += pattern[i++];
    }
    return out;
}

Regex::Regex(std::string source, const RE2::Options& options, std::string failure, Check check)
    : state_(std::make_shared<State>()) {
    state_->source = std::move(source);
    state_->options = options;
    state_->failure = std::move(failure);
    state_->check = std::move(check);
}

const RE2& Regex::compiled() const {
    // A call that throws leaves the flag unset: the next use reports the same fault.
    std::call_once(state_->once, [s = state_.get()] {
        auto re = std::make_unique<RE2>(latin_letter_classes(s->source), s->options);
        if (!re->ok()) throw PatternError(s->failure + ": " + re->error());
        if (s->check) s->check(*re);
        s->re = std::move(re);
    });
    return *state_->re;
}

}  // namespace referat::rules
