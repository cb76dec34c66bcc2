// Who was absent, who attended only part of the meeting, and the member list of the header.
//
// Absences are written as a label with names ("Fraværende: A (V), B", names on the next lines
// too), as sentences ("A og B var fraværende.", "A (O) deltog ikke i mødet."), as substitutions
// ("C deltog i stedet for A": A is absent) and, where a PDF lost the label, as a name alone on a
// line. Partial attendance ("forlod mødet kl. 18", "deltog ikke i behandlingen af pkt. 4") is
// recorded but is no absence.
#include <algorithm>

#include "parse/internal.hpp"
#include "parse/parse.hpp"
#include "util/person_key.hpp"
#include "util/text.hpp"

namespace referat::parse::detail {

namespace {

// "1. Robert Sørensen, Ø", "• Marlene Harpsøe": a list marker before a name.
std::string without_marker(const std::string& line) {
    static const RE2 marker(R"(^(?:\d{1,2}[.)]|[•·▪*\-–])\s+)");
    std::string out = line;
    RE2::Replace(&out, marker, "");
    return out;
}

// "• Afbud": a label in a bulleted list.
std::string without_bullet(const std::string& line) {
    static const RE2 bullet(R"(^[•·▪*]\s*)");
    std::string out = line;
    RE2::Replace(&out, bullet, "");
    return out;
}

// "Lars Egedal (V), Hans Nissen (A)": every entry a name with its party in brackets.
bool is_party_name_list(std::string_view line, const Rules& rules) {
    const auto parts = split_list(line, rules);
    return !parts.empty() && std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
        return rules.full_match("person.bare", part);
    });
}

// The sentences of a line, each cell of a table row on its own ("Bemærkninger: | Der er afbud
// fra Eivind Underbjerg Hansen. |").
std::vector<std::string> cell_sentences(const std::string& line) {
    std::string cells = line;
    RE2::GlobalReplace(&cells, table_cell_bar(), "\x1f");
    std::vector<std::string> out;
    for (size_t start = 0; start <= cells.size();) {
        auto end = cells.find('\x1f', start);
        if (end == std::string::npos) end = cells.size();
        for (auto& s : sentences(cells.substr(start, end - start))) out.push_back(std::move(s));
        start = end + 1;
    }
    return out;
}

// Looks like a line of names after an absence label whose names are on the next line: every
// entry is a person ("Borgmester Anna Mee Allerslev pga. arbejde." is one, "Mikkel Houmann havde
// meldt afbud, og …" is a sentence).
bool looks_like_names(std::string_view line, const Rules& rules) {
    if (line.empty() || line.size() > 200 || !text::starts_upper(line) || line.back() == ':')
        return false;
    if (rules.full_match("person.bare", line)) return true;
    if (rules.first_match("absence.label", line, true)) return false;
    // A name has a first name and a surname; a lone word is a heading ("Sagsoversigt").
    if (line.find(' ') == std::string_view::npos) return false;
    bool any = false;
    for (const auto& part : split_list(line, rules)) {
        if (is_party_letter(without_trailer(part, rules))) continue;
        if (any && rules.full_match("person.reason", part)) continue;
        if (!person_of(part, rules) && !rules.partial_match("person.substitute_entry", part))
            return false;
        any = true;
    }
    return any;
}

// The names of a label's value, up to where a sentence about something else begins:
// "Lone Langballe. Åse Kubel Høeg forlod mødet kl. 16.35" → "Lone Langballe" and the rest; or
// where the next label of a page run onto one line begins: "Torben Skovhus Til behandling
// forelå: …" → "Torben Skovhus".
std::pair<std::string, std::string> cut_names(const std::string& names, const Rules& rules) {
    if (auto g = rules.first_match("person.list_end", names, false)) {
        const auto& match = (*g)[""];
        const auto stop = names.find(match) + match.find('.') + 1;
        return {names.substr(0, stop), text::trim(names.substr(stop))};
    }
    if (const auto next = rules.match_starts("absence.next_label", names); !next.empty())
        return {text::trim(names.substr(0, next.front())), ""};
    return {names, ""};
}

// "Anders Linde, Søren Laulund Godkendt.": a rendering ran the decision onto the line of names.
// The shortest run of words at the end, from a capital, that decides is the decision's.
std::pair<std::string, std::string> split_decision_tail(const std::string& names,
                                                        const Rules& rules) {
    constexpr int kDecisionWords = 6;
    int words = 0;
    for (size_t at = names.size(); at-- > 1 && words < kDecisionWords;) {
        if (names[at - 1] != ' ') continue;
        ++words;
        const std::string_view tail = std::string_view(names).substr(at);
        if (!text::starts_upper(tail)) continue;
        const auto o = classify_text(tail, rules);
        if (o != Outcome::Other && o != Outcome::None)
            return {text::trim(names.substr(0, at)), std::string(tail)};
    }
    return {names, ""};
}

// "Referent: …": a word and a colon (not "Anne Hansen (V): afbud").
bool starts_with_other_label(std::string_view s) {
    constexpr size_t kLabelChars = 20;
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > kLabelChars) return false;
    const auto word = s.substr(0, colon);
    return text::starts_upper(word) && word.find(' ') == std::string_view::npos &&
           word.find('(') == std::string_view::npos;
}

struct Sentence {
    std::vector<Person> absent;
    std::vector<PartialAttendance> partial;
    bool about_attendance = false;
};

Sentence classify(const std::string& s, const Rules& rules, AttendanceIn where) {
    Sentence out;
    auto absent = [&](std::string_view names) {
        add_unique(out.absent, parse_people(names, rules));
        out.about_attendance = true;
    };
    if (auto g = rules.first_match("absence.substitute", s, true)) {
        absent((*g)["names"]);
        return out;
    }
    if (auto g = rules.first_match("absence.listed", s, false)) {
        absent((*g)["names"]);
        return out;
    }
    if (auto g = rules.first_match("absence.substitute_for", s, true)) {
        absent((*g)["names"]);
        return out;
    }
    if (auto g = rules.first_match("absence.substitute_note", s, false)) {
        absent((*g)["names"]);
        return out;
    }
    if (auto g = rules.first_match("absence.member_note", s, false)) {
        add_unique(out.absent, {Person{text::trim((*g)["name"]), (*g)["party"]}});
        out.about_attendance = true;
        return out;
    }
    if (auto g = rules.first_match("attendance.partial", s, true)) {
        // A quoted decision records who did not take part in that body's handling of the case:
        // for that meeting it is the absence.
        if (where == AttendanceIn::History && rules.partial_match("attendance.history_absent", s)) {
            absent((*g)["names"]);
            return out;
        }
        for (const auto& p : parse_people((*g)["names"], rules))
            out.partial.push_back(PartialAttendance{p, text::trim((*g)["note"])});
        out.about_attendance = true;
        return out;
    }
    std::string_view rest = s;
    for (const auto& p : rules.get("absence.sentence")) {
        while (auto g = rules::match_groups(*p.re, rest, false)) {
            const auto& whole = (*g)[""];
            if ((*g)["partial"].empty()) {
                absent((*g)["names"]);
            } else {
                for (const auto& person : parse_people((*g)["names"], rules))
                    out.partial.push_back(
                        PartialAttendance{person, "fraværende under en del af mødet"});
                out.about_attendance = true;
            }
            const auto pos = rest.find(whole);
            if (pos == std::string_view::npos || whole.empty()) break;
            rest = rest.substr(pos + whole.size());
        }
    }
    if (rules.partial_match("attendance.substitute_present", s) ||
        rules.partial_match("attendance.present", s))
        out.about_attendance = true;
    return out;
}

}  // namespace

bool is_party_letter(std::string_view s) {
    return !s.empty() && text::code_points(s) <= 2 && text::fold(s) != std::string(s) &&
           text::starts_upper(s) && s.find(' ') == std::string_view::npos;
}

std::string party_letter(std::string_view written, const Rules& rules) {
    const auto folded = text::fold(text::trim(written));
    for (const auto& party : rules.parties())
        for (const auto& name : party.names) {
            const auto n = text::fold(name);
            if (folded == n || folded == n + "s" || folded == n + "es" || folded == "det " + n ||
                folded == "det " + n + "s")
                return party.letter;
        }
    return {};
}

std::string without_trailer(std::string part, const Rules& rules) {
    for (const auto& p : rules.get("person.trailer")) RE2::Replace(&part, *p.re, "");
    return text::trim(part);
}

std::optional<Person> person_of(std::string part, const Rules& rules) {
    // "Merete Øverup indkaldt": the one who came instead is no absentee.
    if (rules.partial_match("person.substitute_entry", part)) return std::nullopt;
    for (const auto& p : rules.get("person.role")) RE2::Replace(&part, *p.re, "");
    // "(løsg.)", "(løsgænger)": a party written in small letters, which a reason's trailer
    // ("(ferie)") would take away.
    static const RE2 last_bracket(R"(^(.*\S)\s*\(([^()]+)\)\.?$)");
    if (std::string name, inside; RE2::FullMatch(part, last_bracket, &name, &inside))
        if (const auto letter = party_letter(inside, rules); !letter.empty())
            part = name + " (" + letter + ")";
    part = without_trailer(std::move(part), rules);
    // "Hans Østergaard ()": no party printed.
    if (part.size() > 3 && part.ends_with("()")) part = text::trim(part.substr(0, part.size() - 2));
    // "Anders Fog- Petersen": a double name broken at its hyphen by a line break.
    static const RE2 broken_hyphen(R"((\pL)- (\p{Lu}))");
    RE2::GlobalReplace(&part, broken_hyphen, "\\1-\\2");
    // Words that are no part of a name: "REFERAT Mette Busk".
    std::string kept;
    for (size_t start = 0; start < part.size();) {
        auto end = part.find(' ', start);
        if (end == std::string::npos) end = part.size();
        const auto word = part.substr(start, end - start);
        if (!rules.full_match("person.not_name", word)) kept += (kept.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (kept.empty() || !text::starts_upper(kept)) return std::nullopt;
    auto g = rules.first_match("person.entry", kept, true);
    if (!g) return std::nullopt;
    Person p{text::trim((*g)["name"]), (*g)["party"].empty() ? (*g)["letter"] : (*g)["party"]};
    // "(Enhedslisten)": a party written out is its letter, as in votes.
    if (text::code_points(p.party) > 3)
        if (auto letter = party_letter(p.party, rules); !letter.empty()) p.party = letter;
    // A name is a few capitalised words: "Bemærkninger til dagsordenen" is none, nor are names
    // run together by a lost column ("Torben Myrup Ninni Lodahl Gjessing").
    // A first name alone is a list cut short ("Jannie Meiltoft, Lars").
    const auto words = std::count(p.name.begin(), p.name.end(), ' ') + 1;
    if (words > 5 || (words == 1 && p.party.empty()) || !rules.full_match("person.name", p.name) ||
        rules.full_match("person.not_name", p.name))
        return std::nullopt;
    return p;
}

void add_unique(std::vector<Person>& to, const std::vector<Person>& people) {
    for (const auto& p : people) {
        const auto key = person_key(p.name);
        const auto seen = std::find_if(to.begin(), to.end(),
                                       [&](const Person& q) { return person_key(q.name) == key; });
        if (seen == to.end())
            to.push_back(p);
        else if (seen->party.empty())
            seen->party = p.party;
    }
}

namespace {

// "Jan Sørensen 1. Status på …": names with the decision's first point run onto them by a lost
// line break, as (names, point); nothing for a line of names alone, or of no names.
std::optional<std::pair<std::string, std::string>> names_then_point(std::string_view line,
                                                                    const Rules& rules) {
    const auto g = rules.first_match("absence.name_then_point", line, true);
    if (!g || looks_like_names(line, rules) || !looks_like_names(g->at("names"), rules))
        return std::nullopt;
    return std::pair{g->at("names"), g->at("point")};
}

// The absentees and partial attendance a sentence records, added to `a`.
void record(Attendance& a, const Sentence& c) {
    add_unique(a.absent, c.absent);
    a.partial.insert(a.partial.end(), c.partial.begin(), c.partial.end());
}

}  // namespace

Attendance take_attendance(const std::vector<std::string>& lines, const Rules& rules,
                           AttendanceIn where) {
    Attendance a;
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.empty()) {
            a.kept.push_back(line);
            continue;
        }
        // "Deltagerne var:" / names: who attended, not about absence.
        if (rules.full_match("attendance.present_label", line)) {
            size_t j = i + 1;
            while (j < lines.size() &&
                   (lines[j].empty() || looks_like_names(without_marker(lines[j]), rules) ||
                    rules.partial_match("person.role", without_marker(lines[j]))))
                ++j;
            // The names stop at the last one; a blank line after them stays.
            while (j > i + 1 && lines[j - 1].empty()) --j;
            i = j - 1;
            continue;
        }
        if (auto g = rules.first_match("absence.label", without_bullet(line), true)) {
            const auto names = text::trim((*g)["names"]);
            // "Fraværende: Referent: Bytoften, Mødesalen Erik Buhl Nielsen, …": labels in a row,
            // a table's header run together with its values, which cannot be told apart.
            if (starts_with_other_label(names)) continue;
            // "Fraværende: Lars Folmann (O) deltog ikke i mødet.": a sentence, not a list.
            if (const auto said = sentences(names); !said.empty())
                if (const auto first = classify(said.front(), rules, where);
                    first.about_attendance) {
                    record(a, first);
                    for (size_t k = 1; k < said.size(); ++k)
                        record(a, classify(said[k], rules, where));
                    continue;
                }
            if (!names.empty()) {
                const auto [named, decided] = split_decision_tail(names, rules);
                if (!decided.empty()) a.kept.push_back(decided);
                const auto [list, rest] = cut_names(named, rules);
                add_unique(a.absent, parse_people(list, rules));
                for (const auto& s : sentences(rest)) record(a, classify(s, rules, where));
                continue;
            }
            // "Deltagere:" / "Fraværende:" / names: labels stacked as a table's first column,
            // whose values cannot be told apart (the names are most likely the participants).
            size_t before = i;
            while (before > 0 && lines[before - 1].empty()) --before;
            if (before > 0 && rules.full_match("attendance.present_label", lines[before - 1]))
                continue;
            // The names on the following lines, after more labels ("Fraværende:" / "Afbud:") and
            // blank lines.
            size_t j = i + 1;
            while (j < lines.size() && j <= i + 3 &&
                   (lines[j].empty() ||
                    (rules.first_match("absence.label", lines[j], true) &&
                     text::trim(rules.first_match("absence.label", lines[j], true)->at("names"))
                         .empty())))
                ++j;
            size_t taken = j;
            // "Fraværende med afbud:" / "Ingen.": nobody.
            if (taken < lines.size() &&
                rules.full_match("person.not_name", text::trim(lines[taken])))
                ++taken;
            // A blank line may stand between the lines of a list that sets each name and each
            // party on a line of its own ("Claus Bakke" / "" / "(V)" / "" / "Tina Boel").
            bool spaced = false;
            while (taken < lines.size()) {
                // "Britt Jensen (A), sag 129-138": absent from those items only.
                auto names = without_marker(lines[taken]);
                if (auto g = rules.first_match("absence.item_range", names, false)) {
                    const auto cut = names.rfind((*g)[""]);
                    const auto people = parse_people(text::trim(names.substr(0, cut)), rules);
                    if (people.empty()) break;
                    const int first = std::stoi((*g)["first"]);
                    const int last = (*g)["last"].empty() ? first : std::stoi((*g)["last"]);
                    // Printed with an item, the range is about that item.
                    if (where != AttendanceIn::Other) add_unique(a.absent, people);
                    for (const auto& p : people) a.ranged.push_back({p, first, last});
                    ++taken;
                    continue;
                }
                // The decision's first point run onto the last name.
                if (const auto split = names_then_point(names, rules)) {
                    add_unique(a.absent, parse_people(split->first, rules));
                    a.kept.push_back(split->second);
                    ++taken;
                    break;
                }
                if (!looks_like_names(names, rules)) break;
                for (const size_t gap : {size_t{1}, size_t{2}}) {
                    const auto party = taken + gap;
                    if (party < lines.size() && (gap == 1 || lines[taken + 1].empty()) &&
                        rules.full_match("person.party_only", lines[party])) {
                        names.append(" ").append(text::trim(lines[party]));
                        spaced = spaced || gap == 2;
                        taken = party;
                        break;
                    }
                }
                add_unique(a.absent, parse_people(names, rules));
                ++taken;
                // Each name a paragraph of its own ("Line Krogh Lay" / "" / "Sejer Folke").
                size_t next = taken;
                while (next < lines.size() && next < taken + 2 && lines[next].empty()) ++next;
                if (next > taken && next < lines.size()) {
                    const auto line_after = without_marker(lines[next]);
                    if (spaced || looks_like_names(line_after, rules) ||
                        names_then_point(line_after, rules))
                        taken = next;
                }
            }
            if (taken > j) i = taken - 1;
            continue;
        }
        // "Godkendt (afbud fra Søren Larsen).": the bracket goes, the absence is recorded.
        std::string rest = line;
        for (const auto& p : rules.get("absence.parenthetical")) {
            while (auto g = rules::match_groups(*p.re, rest, false)) {
                add_unique(a.absent, parse_people((*g)["names"], rules));
                rest.erase(rest.find((*g)[""]), (*g)[""].size());
            }
        }
        // The sentences about attendance go; a line keeps the others ("1. Afbud. Der var afbud
        // fra …" keeps "1. Afbud.").
        std::vector<std::string> others;
        const auto all = cell_sentences(rest);
        for (const auto& s : all) {
            const auto c = classify(s, rules, where);
            record(a, c);
            if (!c.about_attendance) others.push_back(s);
        }
        if (others.empty()) continue;
        const std::string kept = others.size() == all.size() ? rest : text::join(others, " ");
        // A PDF conversion loses the label but keeps the name: "Christian Plank (F)"; under an
        // item's title a format prints its absentees without a label.
        if ((where != AttendanceIn::Other && rules.full_match("person.bare", kept)) ||
            (where == AttendanceIn::ItemHead && is_party_name_list(kept, rules))) {
            add_unique(a.absent, parse_people(kept, rules));
            continue;
        }
        a.kept.push_back(kept);
    }
    // The absence slot of a format that prints names without a label: a name alone on the last
    // line of a decision ("Godkendt." / "Eva Kjer Hansen"), or with the party after the decision's
    // last sentence.
    if (where == AttendanceIn::Decision) {
        auto last = std::find_if(a.kept.rbegin(), a.kept.rend(),
                                 [](const std::string& l) { return !l.empty(); });
        const bool other_text =
            std::any_of(last == a.kept.rend() ? a.kept.rend() : std::next(last), a.kept.rend(),
                        [](const std::string& l) { return !l.empty(); });
        if (last != a.kept.rend() && other_text && rules.full_match("person.name_only", *last)) {
            add_unique(a.absent, parse_people(*last, rules));
            a.kept.erase(std::next(last).base());
        } else if (last != a.kept.rend()) {
            // A page run onto one line: "Dagsorden godkendt. Birger Prahl (F)".
            auto said = sentences(*last);
            if (said.size() > 1 && rules.full_match("person.bare", said.back())) {
                add_unique(a.absent, parse_people(said.back(), rules));
                said.pop_back();
                *last = text::join(said, " ");
            }
        }
    }
    return a;
}

std::vector<Person> member_list(const std::vector<std::string>& front, const Rules& rules) {
    std::vector<Person> members;
    for (const auto& raw : front) {
        std::string line = without_marker(raw);
        if (auto g = rules.first_match("meeting.members_label", line, true)) line = (*g)["names"];
        if (line.empty() || line.size() > 2000) continue;
        for (const auto& p : parse_people(line, rules)) {
            const auto words = std::count(p.name.begin(), p.name.end(), ' ') + 1;
            if (!p.party.empty() && words >= 2 && words <= 5) add_unique(members, {p});
        }
    }
    return members;
}

void fill_parties(std::vector<Person>& people, const std::vector<Person>& members) {
    for (auto& p : people) {
        if (!p.party.empty()) continue;
        const auto key = person_key(p.name);
        for (const auto& m : members)
            if (person_key(m.name) == key) p.party = m.party;
    }
}

}  // namespace referat::parse::detail
