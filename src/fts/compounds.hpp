// Danish compounds and the tokenizer's term table, from data compiled into referat and
// referat_danish.so (scripts/danish_words.py: the word list of hunspell-da and
// patterns/danish_terms.txt). Words here are folded as the tokenizer folds them: case-folded, NFC,
// aa/ae/oe written as å/æ/ø.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referat::fts {

// Case-folded, NFC, aa/ae/oe as å/æ/ø: what the tokenizer stems ("FORLOEBET" → "forløbet").
std::string fold_word(std::string_view word);

// Whether a folded word is in the word list as written or with an inflection ending
// ("taskforcens": taskforce + ns).
bool is_word(std::string_view folded);

// The parts of a compound of listed words, each at least kMinPart letters, as written in it but
// without the linking letter (s, e) after a part: "udviklingsforløbet" → udvikling, forløbet;
// "taskforceforløb" → taskforce, forløb. Views into `folded`; empty when it is no such compound,
// or a word of [whole] in patterns/danish_terms.txt. The fewest parts win, then the longest
// first part.
std::vector<std::string_view> compound_parts(std::string_view folded);
inline constexpr size_t kMinPart = 4;

// The term patterns/danish_terms.txt [terms] gives a folded form ("godkendes" → "godkend").
std::optional<std::string_view> table_term(std::string_view folded);

}  // namespace referat::fts
