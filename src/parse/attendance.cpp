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
#include "util/text.hpp"

namespace referat::parse::detail {

namespace {

bool all_upper_letters(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    return text::fold(s) != std::string(s) && text::starts_upper(s) &&
           s.find(' ') == std::string_view::npos;
}

// "1. Robert Sørensen, Ø", "• Marlene Harpsøe": a list marker before a name.
std::string without_marker(const std::string& line) {
    static const RE2 marker(R"(^(?:\d{1,2}[.)]|[•·▪*\-–])\s+)");
    std::string out = line;
    RE2::Replace(&out, marker, "");
    return out;
}

// Looks like a line of names after an absence label whose names are on the next line.
bool looks_like_names(std::string_view line, const Rules& rules) {
    if (line.empty() || line.size() > 200 || !text::starts_upper(line)) return false;
    if (rules.full_match("person.bare", line)) return true;
    if (rules.first_match("absence.label", line, true)) return false;
    // A name has a first name and a surname; a lone word is a heading ("Sagsoversigt").
    if (line.find(' ') == std::string_view::npos) return false;
    for (const auto& part : split_list(line, rules)) {
        auto g = rules.first_match("person.entry", part, true);
        if (!g || all_upper_letters(part)) continue;
        const auto& name = (*g)["name"];
        if (std::count(name.begin(), name.end(), ' ') > 4) return false;
        if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
    }
    return line.back() != ':';
}

// The names of a label's value, up to where a sentence about something else begins:
// "Lone Langballe. Åse Kubel Høeg forlod mødet kl. 16.35" → "Lone Langballe" and the rest.
std::pair<std::string, std::string> cut_names(const std::string& names, const Rules& rules) {
    if (auto g = rules.first_match("person.list_end", names, false)) {
        const auto pos = names.find((*g)[""]);
        return {names.substr(0, pos + 1), text::trim(names.substr(pos + 1))};
    }
    return {names, ""};
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
                    out.partial.push_back(PartialAttendance{person, "fraværende under en del af mødet"});
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

std::string person_key(const Person& p) {
    std::string k = text::fold(p.name);
    std::replace(k.begin(), k.end(), '-', ' ');
    k.erase(std::remove(k.begin(), k.end(), '.'), k.end());
    return text::collapse(k);
}

void add_unique(std::vector<Person>& to, const std::vector<Person>& people) {
    for (const auto& p : people) {
        const auto key = person_key(p);
        const auto seen =
            std::find_if(to.begin(), to.end(), [&](const Person& q) { return person_key(q) == key; });
        if (seen == to.end())
            to.push_back(p);
        else if (seen->party.empty())
            seen->party = p.party;
    }
}

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
            while (j < lines.size() && (lines[j].empty() || looks_like_names(without_marker(lines[j]), rules) ||
                                        rules.partial_match("person.role", without_marker(lines[j]))))
                ++j;
            // The names stop at the last one; a blank line after them stays.
            while (j > i + 1 && lines[j - 1].empty()) --j;
            i = j - 1;
            continue;
        }
        if (auto g = rules.first_match("absence.label", line, true)) {
            const auto names = text::trim((*g)["names"]);
            if (!names.empty()) {
                const auto [list, rest] = cut_names(names, rules);
                add_unique(a.absent, parse_people(list, rules));
                for (const auto& s : sentences(rest)) {
                    auto c = classify(s, rules, where);
                    add_unique(a.absent, c.absent);
                    a.partial.insert(a.partial.end(), c.partial.begin(), c.partial.end());
                }
                continue;
            }
            // The names on the following lines, after more labels ("Fraværende:" / "Afbud:") and
            // blank lines.
            size_t j = i + 1;
            while (j < lines.size() && j <= i + 3 &&
                   (lines[j].empty() || (rules.first_match("absence.label", lines[j], true) &&
                                         text::trim(rules.first_match("absence.label", lines[j], true)
                                                        ->at("names"))
                                             .empty())))
                ++j;
            size_t taken = j;
            while (taken < lines.size() && looks_like_names(without_marker(lines[taken]), rules)) {
                add_unique(a.absent, parse_people(without_marker(lines[taken]), rules));
                ++taken;
            }
            if (taken > j) i = taken - 1;
            continue;
        }
        std::vector<Person> absent;
        std::vector<PartialAttendance> partial;
        bool all_attendance = true;
        for (const auto& s : sentences(line)) {
            auto c = classify(s, rules, where);
            all_attendance = all_attendance && c.about_attendance;
            add_unique(absent, c.absent);
            partial.insert(partial.end(), c.partial.begin(), c.partial.end());
        }
        if (all_attendance) {
            add_unique(a.absent, absent);
            a.partial.insert(a.partial.end(), partial.begin(), partial.end());
            continue;
        }
        // A PDF conversion loses the label but keeps the name: "Christian Plank (F)".
        if (where != AttendanceIn::Other && rules.full_match("person.bare", line)) {
            add_unique(a.absent, parse_people(line, rules));
            continue;
        }
        a.kept.push_back(line);
    }
    // The absence slot of a format that prints names without a label: a name alone on the last
    // line of a decision ("Godkendt." / "Eva Kjer Hansen").
    if (where == AttendanceIn::Decision) {
        auto last = std::find_if(a.kept.rbegin(), a.kept.rend(),
                                 [](const std::string& l) { return !l.empty(); });
        const bool other_text =
            std::any_of(last == a.kept.rend() ? a.kept.rend() : std::next(last), a.kept.rend(),
                        [](const std::string& l) { return !l.empty(); });
        if (last != a.kept.rend() && other_text && rules.full_match("person.name_only", *last)) {
            add_unique(a.absent, parse_people(*last, rules));
            a.kept.erase(std::next(last).base());
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
        const auto key = person_key(p);
        for (const auto& m : members)
            if (person_key(m) == key) p.party = m.party;
    }
}

}  // namespace referat::parse::detail
