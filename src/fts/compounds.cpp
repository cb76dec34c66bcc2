// Compound splitting as a dictionary decompounder does it (Lucene's
// DictionaryCompoundWordTokenFilter, with the fewest parts rather than every subword): a word is
// split where each part is a listed word of at least kMinPart letters, a linking s or e may follow
// a part, and the last part may carry an inflection ending. The word list is hunspell-da's
// (about 150,000 words), compiled in sorted, a word a line, so lookups are binary searches over
// that text.
#include "fts/compounds.hpp"

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace referat::fts {

namespace data {
extern const char kWords[];
extern const char kTerms[];
extern const char kWhole[];
}  // namespace data

namespace {

// The line of a sorted list (one text, a line each) whose key, the line up to `key_end` or
// whole, is `key`, by binary search over the text itself: splitting the list into a vector
// first took a tenth of a search's start-up.
std::optional<std::string_view> find_line(std::string_view list, std::string_view key,
                                          char key_end = '\n') {
    // [lo, hi) holds whole lines.
    size_t lo = 0, hi = list.size();
    while (lo < hi) {
        size_t start = lo + (hi - lo) / 2;
        while (start > lo && list[start - 1] != '\n') --start;
        const size_t end = std::min(list.find('\n', start), hi);
        const auto line = list.substr(start, end - start);
        const auto line_key = line.substr(0, line.find(key_end));
        if (line_key == key) return line;
        if (line_key < key)
            lo = std::min(end + 1, hi);
        else
            hi = start;
    }
    return std::nullopt;
}

// The word list as a view, measured once: it is looked up for every part of every word.
std::string_view word_list() {
    static const std::string_view list(data::kWords);
    return list;
}

bool listed(std::string_view list, std::string_view w) {
    return find_line(list, w).has_value();
}

// Letters, not bytes: the minimum part length counts æ, ø and å once.
size_t letters(std::string_view s) {
    return static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Endings of the last part: noun (definite, plural, genitive), verb and adjective forms.
constexpr std::array<std::string_view, 22> kEndings{
    "erne", "ernes", "enes", "ene", "ens", "ets", "ers", "ede", "en", "et", "er",
    "es",   "ne",    "ns",   "ts",  "rs",  "te",  "de",  "s",   "e",  "n",  "t"};

// A listed word, or one with an ending whose stem is listed (and long enough to be a part).
bool word_or_inflected(std::string_view w) {
    if (listed(word_list(), w)) return true;
    for (const auto ending : kEndings)
        if (w.size() > ending.size() && w.ends_with(ending)) {
            const auto base = w.substr(0, w.size() - ending.size());
            if (letters(base) >= kMinPart && listed(word_list(), base)) return true;
        }
    return false;
}

bool char_start(std::string_view s, size_t i) {
    return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// The fewest parts covering w[from..]; the last may be inflected. Empty: none.
std::vector<std::string_view> split_from(std::string_view w, size_t from, bool whole_allowed) {
    const auto rest = w.substr(from);
    if (whole_allowed && letters(rest) >= kMinPart && word_or_inflected(rest)) return {rest};
    std::vector<std::string_view> best;
    // Longest first part first, so a tie in the number of parts keeps it.
    for (size_t end = w.size(); end > from; --end) {
        if (!char_start(w, end)) continue;
        const auto part = w.substr(from, end - from);
        if (letters(part) < kMinPart || letters(w.substr(end)) < kMinPart - 1) continue;
        if (!listed(word_list(), part)) continue;
        // A linking letter first: after a part, an s is more often one (helbredstilstand,
        // oversigtstabel) than the first letter of the next part.
        for (const size_t next : {end + 1, end}) {
            if (next > end && (end >= w.size() || (w[end] != 's' && w[end] != 'e'))) continue;
            if (letters(w.substr(next)) < kMinPart) continue;
            auto tail = split_from(w, next, true);
            if (tail.empty()) continue;
            if (best.empty() || tail.size() + 1 < best.size()) {
                best = {part};
                best.insert(best.end(), tail.begin(), tail.end());
            }
        }
        if (best.size() == 2) break;  // no split has fewer parts
    }
    return best;
}

}  // namespace

std::string fold_word(std::string_view word) {
    std::string folded;
    if (std::all_of(word.begin(), word.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        // Most words: ASCII is already NFC, and its case folding is tolower.
        folded.assign(word);
        for (auto& c : folded)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        // Fold first, then compose: a decomposed "A" + ring becomes "a" + ring, then "å".
        folded = text::nfc(text::fold(word));
    }
    // aa, ae and oe are how Danish is typed without å, æ and ø. Normalising them on both the
    // index and the query side (as Lucene's ScandinavianNormalizationFilter does) makes `forloeb`
    // find `forløb`, at the price of a few false friends (ekstraarbejde, Michael). Each letter
    // is two bytes in UTF-8, like the pair it replaces, so this works in place.
    for (size_t i = 0; i + 1 < folded.size(); ++i) {
        const char* letter = nullptr;
        if (folded[i] == 'a' && folded[i + 1] == 'a') letter = "å";
        if (folded[i] == 'a' && folded[i + 1] == 'e') letter = "æ";
        if (folded[i] == 'o' && folded[i + 1] == 'e') letter = "ø";
        if (letter) {
            folded[i] = letter[0];
            folded[++i] = letter[1];
        }
    }
    return folded;
}

bool is_word(std::string_view folded) {
    return word_or_inflected(folded);
}

std::vector<std::string_view> compound_parts(std::string_view folded) {
    static const std::string_view whole(data::kWhole);
    if (letters(folded) < 2 * kMinPart || listed(whole, folded)) return {};
    return split_from(folded, 0, false);
}

std::optional<std::string_view> table_term(std::string_view folded) {
    // "form\tterm" lines, sorted by form.
    static const std::string_view table(data::kTerms);
    const auto line = find_line(table, folded, '\t');
    if (!line) return std::nullopt;
    return line->substr(line->find('\t') + 1);
}

}  // namespace referat::fts
