// Loading patterns/: every pattern line held to the contract (key, file) and kept to be compiled
// on first use (or by compile_all, which also checks the named groups), committees, parties,
// months and theme sets read; any fault is reported as FILE:LINE.
#include "rules/rules.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/referat.hpp"
#include "rules/contract.hpp"
#include "util/install_paths.hpp"
#include "util/text.hpp"

#ifndef REFERAT_PATTERNS_DIR
#define REFERAT_PATTERNS_DIR "patterns"
#endif
#ifndef REFERAT_PATTERNS_FROM_BIN
#define REFERAT_PATTERNS_FROM_BIN "../share/referat/patterns"
#endif
#ifndef REFERAT_BUILD_DIR
#define REFERAT_BUILD_DIR "."
#endif

namespace referat::rules {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> read_lines(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw PatternError(p.string() + ": cannot be read");
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

bool skip(const std::string& line) {
    const auto t = text::trim(line);
    return t.empty() || t[0] == '#';
}

std::string where(const fs::path& p, size_t index) {
    return p.string() + ":" + std::to_string(index + 1);
}

std::vector<std::string> split_list(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string part;
    while (std::getline(ss, part, sep)) {
        part = text::trim(part);
        if (!part.empty()) out.push_back(part);
    }
    return out;
}

// Edit distance, for naming the key a misspelt one was meant to be.
size_t distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// Holds one pattern line's key to the contract (rules/contract.hpp): known, and in its file.
const KeySpec& check_key(const std::string& key, const fs::path& file, const std::string& at) {
    const KeySpec* spec = key_spec(key);
    if (!spec) {
        std::string_view nearest;
        size_t best = 4;  // suggest only a close one
        for (const auto& k : contract())
            if (const size_t d = distance(key, k.key); d < best) best = d, nearest = k.key;
        throw PatternError(
            at + ": unknown key '" + key + "'" +
            (nearest.empty() ? "" : " (did you mean '" + std::string(nearest) + "'?)"));
    }
    if (file.filename() != spec->file)
        throw PatternError(at + ": key '" + key + "' belongs in " + std::string(spec->file));
    return *spec;
}

}  // namespace

std::string Rules::default_dir() {
    if (const char* env = std::getenv("REFERAT_PATTERNS"); env && *env) return env;
    const auto installed = install_paths::beside_program(REFERAT_PATTERNS_FROM_BIN);
    if (!installed) return REFERAT_PATTERNS_DIR;
    std::error_code ec;
    if (fs::is_directory(*installed, ec)) return installed->string();
    return install_paths::in_build_tree(REFERAT_BUILD_DIR) ? REFERAT_PATTERNS_DIR
                                                           : installed->string();
}

Rules Rules::load(const std::string& dir) {
    Rules r;
    if (!fs::is_directory(dir)) throw PatternError(dir + ": patterns directory not found");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".re") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    // *.re: "key<spaces>regex"; the regex is the rest of the line (RE2 syntax, UTF-8).
    for (const auto& f : files) {
        const auto lines = read_lines(f);
        for (size_t i = 0; i < lines.size(); ++i) {
            if (skip(lines[i])) continue;
            const auto& line = lines[i];
            const auto sp = line.find_first_of(" \t");
            if (sp == std::string::npos) throw PatternError(where(f, i) + ": expected 'key regex'");
            const std::string key = line.substr(0, sp);
            const std::string regex = text::trim(line.substr(sp));
            if (regex.empty()) throw PatternError(where(f, i) + ": empty pattern for " + key);
            const auto at = where(f, i);
            const KeySpec& spec = check_key(key, f, at);
            RE2::Options opt;
            opt.set_log_errors(false);
            // The named groups the code takes from the key's matches.
            auto groups = [&spec, key, at](const RE2& re) {
                for (const auto group : spec.groups)
                    if (!re.NamedCapturingGroups().count(std::string(group)))
                        throw PatternError(at + ": pattern for '" + key +
                                           "' lacks the named group (?P<" + std::string(group) +
                                           ">...)");
            };
            if (!r.patterns_.count(key)) r.key_order_.push_back(key);
            r.patterns_[key].push_back(
                Pattern{key, Regex(regex, opt, at + ": bad pattern for " + key, groups), at});
        }
    }

    for (const auto& spec : contract())
        if (spec.required && !r.patterns_.count(spec.key))
            throw PatternError((fs::path(dir) / spec.file).string() + ": no pattern for '" +
                               std::string(spec.key) + "'");

    // committees.txt: "[Municipality]" sections, then "ALIAS; ALIAS = Full name" (names such as
    // "Børn, Unge og Læring" contain commas).
    const fs::path cf = fs::path(dir) / "committees.txt";
    std::string municipality;
    const auto clines = read_lines(cf);
    for (size_t i = 0; i < clines.size(); ++i) {
        if (skip(clines[i])) continue;
        const auto line = text::trim(clines[i]);
        if (line.front() == '[') {
            if (line.back() != ']') throw PatternError(where(cf, i) + ": expected [Municipality]");
            municipality = text::trim(line.substr(1, line.size() - 2));
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            throw PatternError(where(cf, i) + ": expected 'ALIAS; ... = Full name'");
        Committee c{municipality, text::trim(line.substr(eq + 1)),
                    split_list(line.substr(0, eq), ';')};
        if (c.name.empty()) throw PatternError(where(cf, i) + ": empty committee name");
        r.committees_.push_back(std::move(c));
    }
    for (size_t i = 0; i < r.committees_.size(); ++i) {
        r.committee_keys_.emplace(text::fold(r.committees_[i].name), i);
        for (const auto& a : r.committees_[i].aliases) r.committee_keys_.emplace(text::fold(a), i);
    }

    // months.txt: "NUMBER = name, abbreviation, ..."
    const fs::path mf = fs::path(dir) / "months.txt";
    const auto mlines = read_lines(mf);
    for (size_t i = 0; i < mlines.size(); ++i) {
        if (skip(mlines[i])) continue;
        const auto eq = mlines[i].find('=');
        int number = 0;
        try {
            number = std::stoi(mlines[i].substr(0, eq));
        } catch (const std::exception&) {
            number = 0;
        }
        if (eq == std::string::npos || number < 1 || number > 12)
            throw PatternError(where(mf, i) + ": expected 'MONTH = name, abbreviation'");
        for (const auto& name : split_list(mlines[i].substr(eq + 1), ','))
            r.months_[text::fold(name)] = number;
    }
    if (r.months_.size() < 12) throw PatternError(mf.string() + ": fewer than twelve month names");

    // outcomes.txt: "VALUE = label", one line for every value of the outcome vocabulary.
    const fs::path of = fs::path(dir) / "outcomes.txt";
    const auto olines = read_lines(of);
    for (size_t i = 0; i < olines.size(); ++i) {
        if (skip(olines[i])) continue;
        const auto eq = olines[i].find('=');
        const auto value = text::trim(olines[i].substr(0, eq));
        const auto label = eq == std::string::npos ? "" : text::trim(olines[i].substr(eq + 1));
        if (label.empty()) throw PatternError(where(of, i) + ": expected 'VALUE = label'");
        if (outcome_from_name(value) == Outcome::None)
            throw PatternError(where(of, i) + ": unknown outcome '" + value + "'");
        if (!r.outcome_labels_.emplace(value, label).second)
            throw PatternError(where(of, i) + ": outcome '" + value + "' labelled twice");
    }
    for (const auto& [value, name] : kOutcomeNames)
        if (!r.outcome_labels_.count(name))
            throw PatternError(of.string() + ": no label for outcome '" + name + "'");

    // parties.txt: "LETTER = name; name; ..."
    const fs::path pf = fs::path(dir) / "parties.txt";
    const auto plines = read_lines(pf);
    for (size_t i = 0; i < plines.size(); ++i) {
        if (skip(plines[i])) continue;
        const auto eq = plines[i].find('=');
        Party party{text::trim(plines[i].substr(0, eq)),
                    eq == std::string::npos ? std::vector<std::string>{}
                                            : split_list(plines[i].substr(eq + 1), ';')};
        // A group without a letter ("Løsgænger = Løsgænger; løsg.") is kept under its own name.
        const bool own_name =
            std::find(party.names.begin(), party.names.end(), party.letter) != party.names.end();
        if (party.letter.empty() || party.names.empty() ||
            (text::code_points(party.letter) > 2 && !own_name))
            throw PatternError(where(pf, i) + ": expected 'LETTER = name; name'");
        r.parties_.push_back(std::move(party));
    }

    // themes/*.theme: one theme set per file, after committees.txt (they name committees).
    std::vector<fs::path> theme_files;
    if (const auto td = fs::path(dir) / "themes"; fs::is_directory(td))
        for (const auto& e : fs::directory_iterator(td))
            if (e.is_regular_file() && e.path().extension() == ".theme")
                theme_files.push_back(e.path());
    std::sort(theme_files.begin(), theme_files.end());
    for (const auto& f : theme_files) r.theme_sets_.push_back(load_theme_set(f.string(), r));
    return r;
}

void Rules::compile_all() const {
    for (const auto& key : key_order_)
        for (const auto& p : patterns_.at(key)) p.re.compiled();
    for (const auto& set : theme_sets_) {
        for (const auto* terms : {&set.plan, &set.adopt})
            for (const auto& t : *terms) t.re.compiled();
        for (const auto& theme : set.themes)
            for (const auto* terms : {&theme.terms, &theme.excludes})
                for (const auto& t : *terms) t.re.compiled();
    }
}

const std::vector<Pattern>& Rules::get(std::string_view key) const {
    auto it = patterns_.find(key);
    if (it != patterns_.end()) return it->second;
    // A key the contract does not declare is a typo in code; a declared optional one may be absent.
    if (!key_spec(key))
        throw std::logic_error("no pattern key " + std::string(key) + " in the contract");
    static const std::vector<Pattern> none;
    return none;
}

std::vector<std::string> Rules::keys_with_prefix(std::string_view prefix) const {
    std::vector<std::string> out;
    for (const auto& k : key_order_)
        if (k.compare(0, prefix.size(), prefix) == 0) out.push_back(k);
    return out;
}

bool Rules::full_match(std::string_view key, std::string_view s) const {
    for (const auto& p : get(key))
        if (RE2::FullMatch(s, *p.re)) return true;
    return false;
}

std::vector<size_t> Rules::match_starts(std::string_view key, std::string_view s) const {
    std::vector<size_t> starts;
    for (const auto& p : get(key)) {
        const re2::StringPiece input(s.data(), s.size());
        re2::StringPiece match;
        size_t from = 0;
        while (from < s.size() && p.re->Match(input, from, s.size(), RE2::UNANCHORED, &match, 1)) {
            const auto at = static_cast<size_t>(match.data() - s.data());
            starts.push_back(at);
            from = at + std::max<size_t>(match.size(), 1);
        }
    }
    std::sort(starts.begin(), starts.end());
    return starts;
}

bool Rules::partial_match(std::string_view key, std::string_view s) const {
    for (const auto& p : get(key))
        if (RE2::PartialMatch(s, *p.re)) return true;
    return false;
}

namespace {

// The named groups of one match, and "" the whole match.
Groups groups_of(const RE2& re, const std::vector<re2::StringPiece>& pieces) {
    Groups groups;
    for (const auto& [name, index] : re.NamedCapturingGroups()) {
        const auto& piece = pieces[static_cast<size_t>(index)];
        groups[name] = piece.data() ? std::string(piece.data(), piece.size()) : std::string();
    }
    groups[""] = std::string(pieces[0].data(), pieces[0].size());
    return groups;
}

}  // namespace

std::optional<Groups> match_groups(const RE2& re, std::string_view text, bool whole_text) {
    const re2::StringPiece input(text.data(), text.size());
    const auto anchor = whole_text ? RE2::ANCHOR_BOTH : RE2::UNANCHORED;
    // Most calls do not match. Asked for submatches, RE2 skips its DFA and backtracks over the
    // text; asked only whether it matches, it runs the DFA, several times faster.
    if (!re.Match(input, 0, text.size(), anchor, nullptr, 0)) return std::nullopt;
    std::vector<re2::StringPiece> pieces(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    if (!re.Match(input, 0, text.size(), anchor, pieces.data(), static_cast<int>(pieces.size())))
        return std::nullopt;
    return groups_of(re, pieces);
}

std::vector<Groups> each_match_groups(const RE2& re, std::string_view text) {
    std::vector<Groups> out;
    const re2::StringPiece input(text.data(), text.size());
    // The DFA first, as in match_groups: most texts hold no match at all.
    if (!re.Match(input, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) return out;
    std::vector<re2::StringPiece> pieces(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    size_t from = 0;
    while (from <= text.size() && re.Match(input, from, text.size(), RE2::UNANCHORED, pieces.data(),
                                           static_cast<int>(pieces.size()))) {
        out.push_back(groups_of(re, pieces));
        const auto end = static_cast<size_t>(pieces[0].data() - text.data()) + pieces[0].size();
        from = end > from ? end : from + 1;
    }
    return out;
}

std::optional<Groups> Rules::first_match(std::string_view key, std::string_view s,
                                         bool whole_text) const {
    for (const auto& p : get(key))
        if (auto g = match_groups(*p.re, s, whole_text)) return g;
    return std::nullopt;
}

const Committee* Rules::committee(std::string_view abbr_or_name) const {
    const auto it = committee_keys_.find(text::fold(text::collapse(abbr_or_name)));
    return it == committee_keys_.end() ? nullptr : &committees_[it->second];
}

std::string Rules::body_key(std::string_view written,
                            const std::optional<std::string>& municipality) const {
    return text::fold(full_body_name(written, municipality));
}

std::string Rules::full_body_name(std::string_view written,
                                  const std::optional<std::string>& municipality) const {
    const auto name = text::collapse(written);
    if (municipality) {
        const auto wanted = text::fold(name);
        for (const auto& c : committees_) {
            if (c.municipality != *municipality) continue;
            if (text::fold(c.name) == wanted) return c.name;
            for (const auto& a : c.aliases)
                if (text::fold(a) == wanted) return c.name;
        }
    }
    if (const auto* c = committee(name)) return c->name;
    return name;
}

int Rules::month(std::string_view name) const {
    auto key = text::fold(text::trim(name));
    if (!key.empty() && key.back() == '.') key.pop_back();
    auto it = months_.find(key);
    return it == months_.end() ? 0 : it->second;
}

std::string Rules::outcome_label(std::string_view value) const {
    const auto it = outcome_labels_.find(value);
    return it == outcome_labels_.end() ? "" : it->second;
}

}  // namespace referat::rules
