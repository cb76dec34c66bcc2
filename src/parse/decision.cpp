// A decision: its text without attendance lines, its points, its outcome and the votes it records.
//
// The outcome is the body's own: a decision's sentences are read in order, and those that record
// a member's or a minority's position or a vote count ("X kan ikke anbefale indstillingen",
// "Imod stemte 5 medlemmer") say nothing of what the body decided. Within a sentence the
// outcome named first wins ("Godkendt med den ændring, at punkt 85 udsættes" is approved), except
// that "drøftet" and "behandlet" yield to any other ("Drøftet og anbefales").
#include <algorithm>
#include <utility>

#include "parse/internal.hpp"
#include "parse/parse.hpp"
#include "util/text.hpp"

namespace referat::parse::detail {

namespace {

bool is_weak(Outcome o) {
    return o == Outcome::Discussed || o == Outcome::Handled;
}

// Position of the first match of any pattern of `key` in `s`, or npos.
size_t first_position(const Rules& rules, const std::string& key, std::string_view s) {
    size_t best = std::string_view::npos;
    const re2::StringPiece input(s.data(), s.size());
    for (const auto& p : rules.get(key)) {
        re2::StringPiece match;
        if (p.re->Match(input, 0, s.size(), RE2::UNANCHORED, &match, 1))
            best = std::min(best, static_cast<size_t>(match.data() - s.data()));
    }
    return best;
}

// `sentence` without what its relative clauses say was done to something else.
std::string without_relative_clauses(std::string sentence, const Rules& rules) {
    for (const auto& p : rules.get("outcome.relative_clause"))
        RE2::GlobalReplace(&sentence, *p.re, " ");
    return sentence;
}

Outcome classify_sentence(std::string_view s, const Rules& rules) {
    Outcome best = Outcome::None, weak = Outcome::None;
    size_t best_position = std::string_view::npos;
    for (const auto& key : rules.keys_with_prefix("outcome.")) {
        const Outcome o = outcome_from_name(std::string_view(key).substr(8));
        // outcome.phrase, .aside, .relative_clause: no outcome of their own
        if (o == Outcome::None) continue;
        const size_t pos = first_position(rules, key, s);
        if (pos == std::string_view::npos) continue;
        if (is_weak(o)) {
            if (weak == Outcome::None) weak = o;
        } else if (pos < best_position) {
            best = o;
            best_position = pos;
        }
    }
    if (best != Outcome::None) return best;
    return weak != Outcome::None ? weak : Outcome::Other;
}

// Party letters and names of the voters a vote sentence lists: "23 medlemmer (V, A (undtagen
// Henrik Hansen), B og C)" → V, A, B, C; "Socialistisk Folkepartis og Enhedslisten de
// Rød-Grønnes byrådsgrupper og Viggo Jonasen" → F, Ø, Viggo Jonasen; "Claus Redder Madsen (F)" → F.
std::vector<std::string> voters(std::string group, const Rules& rules) {
    for (const auto& p : rules.get("votes.noise")) RE2::GlobalReplace(&group, *p.re, " ");
    // "Knud Løkke Rasmussen (Frie Liberale)": the party, marked as one in brackets, stands for
    // the member.
    constexpr std::string_view kBracketed = "\x1e";
    for (const auto& p : rules.get("votes.member_party"))
        RE2::GlobalReplace(&group, *p.re, std::string(kBracketed) + "\\1");
    std::replace(group.begin(), group.end(), '(', ',');
    std::replace(group.begin(), group.end(), ')', ',');
    std::vector<std::string> out;
    auto add = [&](const std::string& v) {
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    };
    const auto parts = split_list(group, rules);
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string_view marked = parts[i];
        const bool bracketed = marked.starts_with(kBracketed);
        if (bracketed) marked.remove_prefix(kBracketed.size());
        const std::string part = text::trim(marked);
        // A party's name or abbreviation ("DF", "SF", "EL") before a letter of two capitals.
        if (const auto letter = detail::party_letter(part, rules); !letter.empty()) {
            add(letter);
            continue;
        }
        if (text::code_points(part) <= 2 && text::fold(part) != part && text::starts_upper(part) &&
            part.find(' ') == std::string::npos) {
            add(part);  // a party letter
            continue;
        }
        if (bracketed || rules.full_match("votes.local_list", part)) {
            add(part);  // a party without a letter, as written
            continue;
        }
        // A member by name: the party letter after the name stands for the member.
        if (rules.full_match("person.name_only", part) || rules.full_match("person.bare", part)) {
            const bool party_follows = i + 1 < parts.size() &&
                                       text::code_points(parts[i + 1]) <= 2 &&
                                       text::starts_upper(parts[i + 1]);
            if (!party_follows) add(part);
        }
    }
    return out;
}

}  // namespace

Outcome classify_text(std::string_view text, const Rules& rules) {
    if (text::is_blank_or_punct(text)) return Outcome::None;
    const auto all = sentences(text);
    std::vector<std::string> own;  // each sentence without its relative clauses
    for (const auto& s : all) own.push_back(without_relative_clauses(s, rules));
    // The first sentence with a firm outcome; "drøftet" and "behandlet" only when none has one
    // ("Udvalget drøftede … Udvalget tog orienteringen til efterretning.").
    Outcome weak = Outcome::None;
    for (size_t i = 0; i < all.size(); ++i) {
        if (rules.partial_match("outcome.aside", all[i])) continue;
        const auto o = classify_sentence(own[i], rules);
        if (is_weak(o) && weak == Outcome::None) weak = o;
        if (o != Outcome::Other && !is_weak(o)) return o;
    }
    if (weak != Outcome::None) return weak;
    // Only positions and votes: the body's decision is what they decide ("Udvalget kan ikke
    // anbefale indstillingen.").
    for (const auto& s : own)
        if (const auto o = classify_sentence(s, rules); o != Outcome::Other) return o;
    return Outcome::Other;
}

std::vector<Point> parse_points(const std::vector<std::string>& lines, const Rules& rules,
                                bool allow_unnumbered) {
    std::vector<Point> points;
    bool numbered = false;
    bool blank_before = false;
    // A point with text on its marker's line ends at a paragraph break; one whose marker stands
    // alone ("Ad 1.") runs on to the next point.
    bool marker_alone = false;
    // "at"-listed points: a list of them, not the single "at" clause of a sentence.
    const auto at_lines = std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
        return rules.partial_match("point.at", l);
    });
    auto without_at = [](std::string t) {
        t = text::trim(t);
        if (t.size() > 3 && (t.starts_with("at ") || t.starts_with("At ")))
            t = text::trim(t.substr(3));
        return t;
    };
    // A list numbered from 1 again right under a point's line is that point's sub-list ("1. De
    // modtagne ændringsforslag …" / "1. Der foretages afstemning …" / "2. …"), kept in its text
    // like lettered sub-options, until the outer list goes on. After the point's own bullets
    // ("3. … formål er:" / "• …" / "1. …") a page's list only started its numbers again.
    int sub_list_at = 0;  // the number of the sub-list's last point; 0 outside one
    bool after_point_line = false;
    for (const auto& line : lines) {
        if (line.empty()) {
            blank_before = true;
            continue;
        }
        const bool after_blank = std::exchange(blank_before, false);
        const bool right_after_point = std::exchange(after_point_line, false);
        if (auto g = rules.first_match("point.numbered", line, true)) {
            after_point_line = true;
            const auto& n = (*g)["n"];
            const int number = n.empty() ? static_cast<int>(points.size()) + 1 : std::stoi(n);
            const bool opens_sub_list = number == 1 && !points.empty() && right_after_point &&
                                        !after_blank && !marker_alone && sub_list_at == 0;
            if (opens_sub_list || (sub_list_at > 0 && number == sub_list_at + 1)) {
                sub_list_at = number;
                auto& t = points.back().text;
                t = text::collapse(t + " " + line);
                continue;
            }
            sub_list_at = 0;
            points.push_back(Point{number, without_at((*g)["text"])});
            marker_alone = points.back().text.empty();
            numbered = true;
            continue;
        }
        // A list without numbers: lettered ("A) De foreslåede arbejder godkendes"), bulleted or
        // "at"-listed points. Under a numbered point, letters are its sub-points.
        if (!numbered && allow_unnumbered) {
            auto g = rules.first_match("point.lettered", line, true);
            if (!g) g = rules.first_match("point.bullet", line, true);
            if (g) {
                points.push_back(
                    Point{static_cast<int>(points.size()) + 1, without_at((*g)["text"])});
                marker_alone = points.back().text.empty();
                continue;
            }
            if (at_lines >= 2 && rules.partial_match("point.at", line)) {
                points.push_back(Point{static_cast<int>(points.size()) + 1, without_at(line)});
                marker_alone = false;
                continue;
            }
        }
        if (!points.empty() && (!after_blank || marker_alone)) {
            auto& t = points.back().text;
            t = text::collapse(t + " " + line);
        }
    }
    return points;
}

Decision decision_from(std::vector<std::string> lines, const Rules& rules) {
    Decision d;
    // "Beslutning" / "Landdistriktsudvalget, 19.11.2018": the line naming the meeting is part of
    // the heading.
    // "Dato: 10. december 2015" / "Sted: Café Lulu": the meeting's fields under the heading too.
    while (true) {
        const auto first = std::find_if(lines.begin(), lines.end(),
                                        [](const std::string& l) { return !l.empty(); });
        if (first == lines.end() || !rules.full_match("decision.meeting_line", *first)) break;
        lines.erase(first);
    }
    // "Godkendt." / "Referat": the next field's heading, left empty, is no part of it.
    while (!lines.empty() && (text::is_blank(lines.back()) ||
                              rules.full_match("section.decision_in_item", lines.back())))
        lines.pop_back();
    auto a = take_attendance(lines, rules, AttendanceIn::Decision);
    // "Udgik." / "Afbud: …" / "-": a separator line after the attendance ends the decision.
    while (!a.kept.empty() && text::is_blank_or_punct(a.kept.back())) a.kept.pop_back();
    d.text = collapse_lines(a.kept);
    d.absent = a.absent;
    d.partial = a.partial;
    if (text::is_blank_or_punct(d.text) && !a.absent.empty()) {
        // An item that only records attendance keeps the list as its decision.
        std::vector<std::string> listed;
        for (const auto& l : lines) {
            auto label = rules.first_match("absence.label", l, true);
            if (!label || !text::is_blank((*label)["names"])) listed.push_back(l);
        }
        d.text = collapse_lines(listed);
    }
    for (const auto& p : parse_points(a.kept, rules, false))
        d.points.push_back(DecisionPoint{p.n, p.text, classify_text(p.text, rules)});
    if (d.points.empty()) {
        d.outcome = classify_text(d.text, rules);
    } else {
        d.outcome = d.points.front().outcome;
        for (const auto& p : d.points)
            if (p.outcome != d.outcome) d.outcome = Outcome::Mixed;
        // "1. X havde modtaget en anmodning …" / "Dagsorden blev godkendt.": points that decide
        // nothing leave the outcome to the text around them.
        if (d.outcome == Outcome::Other) d.outcome = classify_text(d.text, rules);
    }
    d.votes = parse_votes(d.text, rules);
    if (auto g = rules.first_match("promise.return", d.text, false))
        d.promise = text::trim(g->at("sentence"));
    return d;
}

}  // namespace referat::parse::detail

namespace referat::parse {

std::optional<Votes> parse_votes(std::string_view text, const rules::Rules& rules) {
    Votes v;
    // Each part of a vote is read on its own, also where a rendering ran them into one sentence.
    std::vector<std::string> parts;
    for (const auto& sentence : detail::sentences(text)) {
        size_t from = 0;
        for (const size_t at : rules.match_starts("votes.part", sentence)) {
            if (at <= from) continue;
            parts.push_back(text::trim(std::string_view(sentence).substr(from, at - from)));
            from = at;
        }
        parts.push_back(text::trim(std::string_view(sentence).substr(from)));
    }
    for (const auto& s : parts) {
        // A second "For stemte" is the next vote: amendments are voted on before the proposal,
        // so the last vote is the decision's.
        if (!v.for_parties.empty() && rules.partial_match("votes.for", s)) v = Votes{};
        bool counted = false;
        // The first pattern of the key that matches; each of its matches in the part: a part may
        // hold two dissents ("F kunne ikke tiltræde beslutningspunkt 1. B og Å kunne ikke
        // tiltræde indstillingen.", where "1." ends no sentence).
        auto collect = [&](const char* key, const char* group, std::vector<std::string>& into) {
            for (const auto& p : rules.get(key)) {
                const auto found = rules::each_match_groups(*p.re, s);
                if (found.empty()) continue;
                for (const auto& g : found) {
                    // "Et flertal … kan ikke godkende, at …": the majority decides, no dissent.
                    if (&into == &v.against && rules.partial_match("votes.majority", g.at(group)))
                        continue;
                    for (auto& voter : detail::voters(g.at(group), rules))
                        if (std::find(into.begin(), into.end(), voter) == into.end())
                            into.push_back(voter);
                }
                counted = true;
                return;
            }
        };
        collect("votes.for", "for", v.for_parties);
        collect("votes.against", "against", v.against);
        collect("votes.abstained", "abstained", v.abstained);
        if (counted) v.text = v.text.empty() ? s : v.text + " " + s;
    }
    if (v.for_parties.empty() && v.against.empty() && v.abstained.empty()) return std::nullopt;
    return v;
}

}  // namespace referat::parse
