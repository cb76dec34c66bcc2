// Reads patterns/themes/*.theme into theme sets; a malformed line is refused with its file and
// line number, so a municipality editing its plan sees where.
#include "rules/theme_sets.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/referat.hpp"
#include "rules/rules.hpp"
#include "util/text.hpp"

namespace referat::rules {

namespace {

std::string where(const std::string& path, size_t index) {
    return path + ":" + std::to_string(index + 1);
}

double parse_number(const std::string& s, const std::string& at) {
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < 0)
        throw PatternError(at + ": expected a number, got '" + s + "'");
    return value;
}

// Terms match case-insensitively, so the files need no (?i); they report only where they match.
ThemeTerm term(const std::string& regex, double weight, const std::string& at) {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_case_sensitive(false);
    opt.set_never_capture(true);
    return ThemeTerm{weight,
                     Regex(regex, opt, at + ": bad pattern",
                           [at](const RE2& re) {
                               if (RE2::PartialMatch("", re))
                                   throw PatternError(at + ": pattern matches empty text");
                           }),
                     at};
}

// "WORD rest of line" → {WORD, rest}.
std::pair<std::string, std::string> split_first(const std::string& line) {
    const auto sp = line.find_first_of(" \t");
    if (sp == std::string::npos) return {line, ""};
    return {line.substr(0, sp), text::trim(line.substr(sp))};
}

// A milestone's period: "hvert kvartal" (none: every quarter), YYYYQn, YYYY-MM, YYYY-MM-DD (its
// month up to that day), "forår YYYY" (March to June) or "efterår YYYY" (August to December).
std::pair<std::string, std::string> milestone_period(const std::string& when,
                                                     const std::string& at) {
    static const RE2 quarter(R"((\d{4})Q([1-4]))"), month(R"((\d{4})-(\d{2}))"),
        day(R"((\d{4})-(\d{2})-(\d{2}))"), season(R"((forår|efterår) (\d{4}))");
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m = 0, d = 0;
    std::string s;
    char from[40], to[40];
    const auto month_end = [](int year, int mo) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return mo == 2 && !leap ? 28 : kDays[mo - 1];
    };
    if (text::fold(when) == "hvert kvartal") return {"", ""};
    if (RE2::FullMatch(when, quarter, &y, &m)) {
        std::snprintf(from, sizeof from, "%04d-%02d-01", y, m * 3 - 2);
        std::snprintf(to, sizeof to, "%04d-%02d-%02d", y, m * 3, month_end(y, m * 3));
    } else if (RE2::FullMatch(when, month, &y, &m) && m >= 1 && m <= 12) {
        std::snprintf(from, sizeof from, "%04d-%02d-01", y, m);
        std::snprintf(to, sizeof to, "%04d-%02d-%02d", y, m, month_end(y, m));
    } else if (RE2::FullMatch(when, day, &y, &m, &d) && m >= 1 && m <= 12 && d >= 1 &&
               d <= month_end(y, m)) {
        std::snprintf(from, sizeof from, "%04d-%02d-01", y, m);
        std::snprintf(to, sizeof to, "%04d-%02d-%02d", y, m, d);
    } else if (RE2::FullMatch(text::fold(when), season, &s, &y)) {
        const bool spring = s == "forår";
        std::snprintf(from, sizeof from, "%04d-%02d-01", y, spring ? 3 : 8);
        std::snprintf(to, sizeof to, "%04d-%02d-%02d", y, spring ? 6 : 12, spring ? 30 : 31);
    } else {
        throw PatternError(at + ": unknown milestone time '" + when +
                           "' (expected 'hvert kvartal', YYYYQn, YYYY-MM, YYYY-MM-DD, 'forår YYYY' "
                           "or 'efterår YYYY')");
    }
    return {from, to};
}

}  // namespace

bool ThemeSet::applies_to(const std::string& m, const std::string& committee) const {
    if (text::fold(m) != text::fold(municipality)) return false;
    if (committees.empty()) return true;
    const auto wanted = text::fold(committee);
    return std::any_of(committees.begin(), committees.end(),
                       [&](const std::string& c) { return text::fold(c) == wanted; });
}

ThemeSet load_theme_set(const std::string& path, const Rules& rules) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw PatternError(path + ": cannot be read");
    ThemeSet set;
    set.id = std::filesystem::path(path).stem().string();
    std::vector<std::string> committee_names;
    std::string committees_at;
    std::set<int> numbers;
    std::string line;
    for (size_t i = 0; std::getline(in, line); ++i) {
        const auto at = where(path, i);
        const auto trimmed = text::trim(line);
        if (trimmed.empty() || trimmed[0] == '#') continue;
        if (!text::valid_utf8(trimmed)) throw PatternError(at + ": not UTF-8");
        // Named copies, not structured bindings: lambdas below capture them (C++20 allows
        // capturing bindings, clang 14 does not).
        const auto parts = split_first(text::nfc(trimmed));
        const std::string& directive = parts.first;
        const std::string& rest = parts.second;
        if (rest.empty()) throw PatternError(at + ": '" + directive + "' needs a value");
        Theme* theme = set.themes.empty() ? nullptr : &set.themes.back();
        const auto need_theme = [&] {
            if (!theme) throw PatternError(at + ": '" + directive + "' before the first 'theme'");
            return theme;
        };
        if (directive == "name") {
            set.name = rest;
        } else if (directive == "municipality") {
            set.municipality = rest;
        } else if (directive == "committees") {
            committees_at = at;
            std::string part;
            for (std::stringstream ss(rest); std::getline(ss, part, ';');)
                if (const auto name = text::trim(part); !name.empty())
                    committee_names.push_back(name);
        } else if (directive == "threshold") {
            set.threshold = parse_number(rest, at);
        } else if (directive == "section") {
            const auto [name, weight] = split_first(rest);
            // A theme file weighs each of the item's sections.
            if (std::find(kItemSections.begin(), kItemSections.end(), name) == kItemSections.end())
                throw PatternError(at + ": unknown section '" + name + "'");
            set.section_weights[name] = parse_number(weight, at);
        } else if (directive == "plan" || directive == "adopt") {
            (directive == "plan" ? set.plan : set.adopt).push_back(term(rest, 0, at));
        } else if (directive == "theme") {
            const auto [number, name] = split_first(rest);
            const int n = static_cast<int>(parse_number(number, at));
            if (n < 1 || name.empty()) throw PatternError(at + ": expected 'theme NUMBER NAME'");
            if (!numbers.insert(n).second)
                throw PatternError(at + ": theme " + number + " defined twice");
            set.themes.push_back(Theme{n, name, "", {}, {}});
        } else if (directive == "description") {
            auto& d = need_theme()->description;
            d += (d.empty() ? "" : " ") + rest;
        } else if (directive == "term") {
            const auto [weight, regex] = split_first(rest);
            if (regex.empty()) throw PatternError(at + ": expected 'term WEIGHT REGEX'");
            need_theme()->terms.push_back(term(regex, parse_number(weight, at), at));
        } else if (directive == "exclude") {
            need_theme()->excludes.push_back(term(rest, 0, at));
        } else if (directive == "milestone") {
            std::vector<std::string> fields;
            std::string part;
            for (std::stringstream ss(rest); std::getline(ss, part, ';');)
                fields.push_back(text::trim(part));
            if (fields.size() != 3 || fields[0].empty() || fields[1].empty() || fields[2].empty())
                throw PatternError(at + ": expected 'milestone BODY; WHEN; TEXT'");
            const auto* body = rules.committee(fields[0]);
            if (!body) throw PatternError(at + ": unknown body '" + fields[0] + "'");
            const auto [from, to] = milestone_period(fields[1], at);
            set.milestones.push_back(Milestone{theme ? theme->number : 0, body->name, fields[1],
                                               from, to, fields[2], at});
        } else {
            throw PatternError(at + ": unknown directive '" + directive + "'");
        }
    }
    if (set.municipality.empty()) throw PatternError(path + ": no 'municipality'");
    if (set.themes.empty()) throw PatternError(path + ": no 'theme'");
    for (const auto& t : set.themes)
        if (t.terms.empty())
            throw PatternError(path + ": theme " + std::to_string(t.number) + " has no 'term'");
    if (set.plan.empty() != set.adopt.empty())
        throw PatternError(path + ": 'plan' and 'adopt' go together");
    for (const auto s : kItemSections)
        if (!set.section_weights.count(std::string(s)))
            throw PatternError(path + ": no weight for section '" + std::string(s) + "'");
    for (const auto& name : committee_names) {
        const auto* c = rules.committee(name);
        if (!c || text::fold(c->municipality) != text::fold(set.municipality))
            throw PatternError(committees_at + ": committee '" + name + "' is not listed for " +
                               set.municipality + " in committees.txt");
        set.committees.push_back(c->name);
    }
    return set;
}

}  // namespace referat::rules
