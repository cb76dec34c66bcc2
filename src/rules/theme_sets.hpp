// Theme sets: the themes of a plan (patterns/themes/*.theme) that decisions are linked to, with
// the Danish patterns that signal each theme. A municipality adds a plan by adding a file.
#pragma once

#include <re2/re2.h>

#include <map>
#include <string>
#include <vector>

#include "rules/regex.hpp"

namespace referat::rules {

class Rules;

struct ThemeTerm {
    double weight = 1;
    Regex re;
    std::string where;  // "file:line", for explanations and errors
};

struct Theme {
    int number = 0;
    std::string name;
    std::string description;
    std::vector<ThemeTerm> terms;
    // A term match overlapping a match of one of these does not count ("budget" in "budget 2021"
    // is not the plan's budget assumptions).
    std::vector<ThemeTerm> excludes;
};

// A point of the plan's follow-up the report checks (`milestone BODY; WHEN; TEXT`): met when BODY
// decided an item linked to the theme (any theme of the set for a plan milestone) within
// [from, to]; a quarterly one is due every quarter and leaves from and to empty.
struct Milestone {
    int theme = 0;     // 0: the whole plan
    std::string body;  // full name
    std::string when;  // as written: "hvert kvartal", "2021Q2", "forår 2021", ...
    std::string from, to;
    std::string text;
    std::string where;  // "file:line"
};

struct ThemeSet {
    std::string id;  // file name without extension
    std::string name;
    std::string municipality;
    std::vector<std::string> committees;  // full names; empty = every committee of the municipality
    double threshold = 1;
    std::map<std::string, double, std::less<>> section_weights;  // section → weight
    // A recommendation or decision point naming the plan (`plan`) and adopting it (`adopt`)
    // concerns every theme of the set.
    std::vector<ThemeTerm> plan, adopt;
    std::vector<Theme> themes;
    std::vector<Milestone> milestones;

    // True when minutes of this municipality and committee are followed up against this set.
    bool applies_to(const std::string& municipality, const std::string& committee) const;
};

// Parses one theme file; committee abbreviations are resolved through `rules`. Throws
// PatternError "FILE:LINE: reason".
ThemeSet load_theme_set(const std::string& path, const Rules& rules);

}  // namespace referat::rules
