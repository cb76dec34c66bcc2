// Loads the data files of patterns/: regular expressions, committee names and month names.
// Everything Danish-specific that varies between municipalities lives there, not in code.
#pragma once

#include <re2/re2.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/regex.hpp"
#include "rules/theme_sets.hpp"

namespace referat::rules {

struct Pattern {
    std::string key;  // e.g. "section.resume"
    Regex re;
    std::string where;  // "patterns/sections.re:12"
};

struct Party {
    std::string letter;              // "A", "Ø"
    std::vector<std::string> names;  // "Socialdemokratiet", abbreviations
};

struct Committee {
    std::string municipality;
    std::string name;                  // full name as the municipality writes it
    std::vector<std::string> aliases;  // abbreviations and other spellings
};

// Named groups of a match ("" for a group that did not take part), or nothing when no match.
using Groups = std::map<std::string, std::string>;
std::optional<Groups> match_groups(const RE2& re, std::string_view text, bool whole_text);
// The groups of every match of `re` in `text`, one after the other (each starts where the one
// before ended).
std::vector<Groups> each_match_groups(const RE2& re, std::string_view text);

class Rules {
  public:
    // Reads every *.re file, committees.txt, months.txt, outcomes.txt, parties.txt and
    // themes/*.theme from `dir`, holding the pattern lines to the contract of rules/contract.hpp
    // (known key, its file, no required key missing). Throws PatternError. The expressions are
    // compiled when first used (a bad one throws PatternError then), or all at once by compile_all.
    static Rules load(const std::string& dir);
    // Compiles every pattern and theme term, holding each to the named groups the contract asks
    // of its key: a command that reads minutes calls it before the first file, so a bad pattern
    // stops it at start with "patterns/FILE:LINE: reason". Throws PatternError.
    void compile_all() const;
    // The directory given by $REFERAT_PATTERNS; else share/referat/patterns beside the folder of
    // the running program (an installed referat: <prefix>/bin/referat); else, for a program of
    // the build tree, the checkout's patterns folder.
    static std::string default_dir();

    // All patterns with this key, in file order (none for an optional key a file leaves out).
    // Throws std::logic_error for a key the contract does not declare (a typo in code must not
    // silently match nothing).
    const std::vector<Pattern>& get(std::string_view key) const;
    // Keys starting with `prefix`, in file order of first appearance.
    std::vector<std::string> keys_with_prefix(std::string_view prefix) const;
    bool has(std::string_view key) const { return patterns_.count(key) != 0; }

    // True when any pattern of `key` matches the whole of `text`.
    bool full_match(std::string_view key, std::string_view text) const;
    // True when any pattern of `key` matches somewhere in `text`.
    bool partial_match(std::string_view key, std::string_view text) const;
    // Groups of the first pattern of `key` that matches (whole text or anywhere).
    std::optional<Groups> first_match(std::string_view key, std::string_view text,
                                      bool whole_text) const;
    // Where the matches of `key`'s patterns start in `text`, in order (non-overlapping per
    // pattern).
    std::vector<size_t> match_starts(std::string_view key, std::string_view text) const;

    // Resolves an abbreviation or a spelling of a committee to its entry (case-insensitive).
    const Committee* committee(std::string_view abbr_or_name) const;
    const std::vector<Committee>& committees() const { return committees_; }
    // The full name of a body as `municipality` writes it: an abbreviation or other spelling is
    // resolved through committees.txt, that municipality's entries first; an unknown body keeps
    // its name as written (spacing collapsed). The one resolver of committee names: parse, store,
    // cases and query all name bodies through it.
    std::string full_body_name(std::string_view written,
                               const std::optional<std::string>& municipality) const;
    // full_body_name case-folded: what two spellings of one body have in common, the key cases,
    // reports and votes compare bodies by.
    std::string body_key(std::string_view written,
                         const std::optional<std::string>& municipality) const;

    // Month number for a Danish month name or abbreviation ("august", "aug."), 0 if unknown.
    int month(std::string_view name) const;

    // The Danish label of an outcome value ("approved" → "godkendt", outcomes.txt); "" for none.
    std::string outcome_label(std::string_view value) const;

    const std::vector<ThemeSet>& theme_sets() const { return theme_sets_; }

    // Danish parties with the names minutes write for them, longest name first.
    const std::vector<Party>& parties() const { return parties_; }

  private:
    // Looked up on every match: hashed, and by string_view without a copy.
    struct KeyHash {
        using is_transparent = void;
        size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    std::unordered_map<std::string, std::vector<Pattern>, KeyHash, std::equal_to<>> patterns_;
    std::vector<std::string> key_order_;
    std::vector<Committee> committees_;
    // Folded name or alias → index of the first committee in committees_ that has it.
    std::map<std::string, size_t, std::less<>> committee_keys_;
    std::map<std::string, int, std::less<>> months_;
    std::map<std::string, std::string, std::less<>> outcome_labels_;
    std::vector<ThemeSet> theme_sets_;
    std::vector<Party> parties_;
};

}  // namespace referat::rules
