#include "parse/parse.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "util/text.hpp"

namespace referat::parse {

namespace {

using rules::Rules;

std::string collapse_lines(const std::vector<std::string>& lines) {
    return text::collapse(text::join(lines, " "));
}

std::optional<std::string> non_empty(std::string s) {
    if (text::is_blank_or_punct(s)) return std::nullopt;
    return s;
}

// Splits "DIR, BUL og ØU" into its parts.
std::vector<std::string> split_list(std::string_view s, const Rules& rules) {
    std::string work(s);
    for (const auto& p : rules.get("list.separator")) RE2::GlobalReplace(&work, *p.re, "\x1f");
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= work.size()) {
        const auto end = work.find('\x1f', start);
        auto part = text::trim(std::string_view(work).substr(start, end - start));
        while (!part.empty() && (part.back() == '.' || part.back() == ',')) part.pop_back();
        part = text::trim(part);
        if (!part.empty()) out.push_back(part);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

bool all_upper_letters(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    return text::fold(s) != std::string(s) && text::starts_upper(s) &&
           s.find(' ') == std::string_view::npos;
}

// Identity of a person for de-duplication: case, hyphens and spacing do not matter.
std::string person_key(const Person& p) {
    std::string k = text::fold(p.name);
    std::replace(k.begin(), k.end(), '-', ' ');
    return text::collapse(k);
}

void add_unique(std::vector<Person>& to, const std::vector<Person>& people) {
    for (const auto& p : people) {
        const auto key = person_key(p);
        const bool seen = std::any_of(to.begin(), to.end(),
                                      [&](const Person& q) { return person_key(q) == key; });
        if (!seen) to.push_back(p);
    }
}

// Looks like a line of names after an absence label whose names are on the next line.
bool looks_like_names(std::string_view line, const Rules& rules) {
    if (line.empty() || line.size() > 200 || !text::starts_upper(line)) return false;
    if (rules.full_match("person.bare", line)) return true;
    for (const auto& part : split_list(line, rules)) {
        auto g = rules.first_match("person.entry", part, true);
        if (!g || all_upper_letters(part)) continue;
        const auto& name = (*g)["name"];
        if (std::count(name.begin(), name.end(), ' ') > 4) return false;
        if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
    }
    return !line.empty() && line.back() != ':';
}

struct Attendance {
    std::vector<std::string> kept;  // lines that are not about attendance
    std::vector<Person> absent;
    std::vector<PartialAttendance> partial;
};

// Separates attendance lines from a block of text. `bare_names` treats "Name (P)" alone on a
// line as an absence (PDF conversions lose the label but keep the name).
Attendance take_attendance(const std::vector<std::string>& lines, const Rules& rules,
                           bool bare_names) {
    Attendance a;
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (auto g = rules.first_match("absence.label", line, true)) {
            const auto names = text::trim((*g)["names"]);
            if (!names.empty()) {
                add_unique(a.absent, parse_people(names, rules));
                continue;
            }
            // Names on the following lines, possibly after one blank line.
            size_t j = i + 1;
            if (j < lines.size() && lines[j].empty()) ++j;
            bool took = false;
            while (j < lines.size() && looks_like_names(lines[j], rules)) {
                add_unique(a.absent, parse_people(lines[j], rules));
                took = true;
                ++j;
            }
            if (took) i = j - 1;
            continue;
        }
        if (auto g = rules.first_match("absence.substitute", line, true)) {
            add_unique(a.absent, parse_people((*g)["names"], rules));
            continue;
        }
        if (auto g = rules.first_match("attendance.partial", line, true)) {
            for (const auto& p : parse_people((*g)["names"], rules))
                a.partial.push_back(PartialAttendance{p, text::trim((*g)["note"])});
            continue;
        }
        if (bare_names && rules.full_match("person.bare", line)) {
            add_unique(a.absent, parse_people(line, rules));
            continue;
        }
        a.kept.push_back(line);
    }
    return a;
}

struct Point {
    int n = 0;
    std::string text;
};

// Numbered points ("1.", "Ad 1)"), else bulleted or "at"-listed ones. Lettered sub-points and
// continuation lines belong to the point before them.
std::vector<Point> parse_points(const std::vector<std::string>& lines, const Rules& rules,
                                bool allow_unnumbered) {
    std::vector<Point> points;
    bool numbered = false;
    for (const auto& line : lines) {
        if (line.empty()) continue;
        if (auto g = rules.first_match("point.numbered", line, true)) {
            points.push_back(Point{std::stoi((*g)["n"]), text::trim((*g)["text"])});
            numbered = true;
            continue;
        }
        if (!numbered && allow_unnumbered) {
            if (auto g = rules.first_match("point.bullet", line, true)) {
                points.push_back(
                    Point{static_cast<int>(points.size()) + 1, text::trim((*g)["text"])});
                continue;
            }
            if (rules.partial_match("point.at", line)) {
                points.push_back(Point{static_cast<int>(points.size()) + 1, text::trim(line)});
                continue;
            }
        }
        if (!points.empty()) {
            auto& t = points.back().text;
            t = text::collapse(t + " " + line);
        }
    }
    return points;
}

std::vector<std::string> party_letters(std::string_view group, const Rules& rules) {
    std::vector<std::string> out;
    std::string g(group);
    // "Jens Hansen (V)": the letters in brackets are the parties.
    static const RE2 bracketed(R"(\((\p{Lu}{1,2})\))");
    re2::StringPiece input(g);
    std::string letter;
    while (RE2::FindAndConsume(&input, bracketed, &letter)) out.push_back(letter);
    if (!out.empty()) return out;
    for (auto part : split_list(g, rules)) {
        part = text::trim(part);
        while (!part.empty() && (part.front() == '(')) part.erase(0, 1);
        while (!part.empty() && (part.back() == ')')) part.pop_back();
        if (all_upper_letters(part) && part.size() <= 4) out.push_back(part);
    }
    return out;
}

std::string resolve_body(const std::string& body, const Rules& rules) {
    if (const auto* c = rules.committee(body)) return c->name;
    return body;
}

bool same_body(const std::string& a, const std::string& b, const Rules& rules) {
    return text::fold(resolve_body(a, rules)) == text::fold(resolve_body(b, rules));
}

std::vector<std::string> section_lines(const RawItem& item, SectionKind kind) {
    for (const auto& s : item.sections)
        if (s.kind == kind) return s.lines;
    return {};
}

std::vector<std::string> split_links(const std::string& line, const Rules& rules) {
    std::string work = line;
    for (const auto& p : rules.get("attachment.link_marker"))
        RE2::GlobalReplace(&work, *p.re, "\x1f");
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const auto end = work.find('\x1f', start);
        auto name = text::trim(std::string_view(work).substr(start, end - start));
        if (!name.empty()) out.push_back(name);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

struct MeetingContext {
    std::optional<std::string> committee;
    std::optional<std::string> date;
};

bool is_this_meeting(const Section& s, const MeetingContext& m, const Rules& rules) {
    if (!s.date_text.empty()) {
        const auto d = parse_date(s.date_text, rules);
        if (d && m.date) return *d == *m.date;
    }
    if (!s.body.empty() && m.committee) return same_body(s.body, *m.committee, rules);
    return true;
}

HistoryEntry history_entry(const Section& s, const Rules& rules) {
    HistoryEntry h;
    h.body = s.body;
    h.date = parse_date(s.date_text, rules);
    h.item = s.item;
    auto a = take_attendance(s.lines, rules, true);
    h.text = collapse_lines(a.kept);
    h.absent = a.absent;
    h.outcome = classify_outcome(h.text, rules);
    return h;
}

Decision decision_from(const Section& s, const Rules& rules) {
    Decision d;
    auto a = take_attendance(s.lines, rules, true);
    d.text = collapse_lines(a.kept);
    d.absent = a.absent;
    d.partial = a.partial;
    for (const auto& p : parse_points(a.kept, rules, false)) {
        d.points.push_back(DecisionPoint{p.n, p.text, classify_outcome(p.text, rules)});
    }
    if (d.points.empty()) {
        d.outcome = classify_outcome(d.text, rules);
    } else {
        d.outcome = d.points.front().outcome;
        for (const auto& p : d.points)
            if (p.outcome != d.outcome) d.outcome = "mixed";
    }
    d.votes = parse_votes(d.text, rules);
    if (auto g = rules.first_match("promise.return", d.text, false))
        d.promise = text::trim(g->at("sentence"));
    return d;
}

std::optional<Recommendation> recommendation_from(const RawItem& item, const Rules& rules) {
    auto lines = section_lines(item, SectionKind::Recommendation);
    auto text = collapse_lines(lines);
    if (text::is_blank_or_punct(text)) return std::nullopt;
    Recommendation r;
    r.text = text;
    for (const auto& line : lines) {
        if (line.empty()) continue;
        parse_route(line, r, rules);
        break;
    }
    if (r.to.empty()) {
        // "Beslutningskompetence: Økonomiudvalget." names the body that finally decides.
        auto competence = collapse_lines(section_lines(item, SectionKind::Competence));
        while (!competence.empty() && competence.back() == '.') competence.pop_back();
        if (!competence.empty()) r.to.push_back(competence);
    }
    for (auto& p : parse_points(lines, rules, true)) r.points.push_back(p.text);
    return r;
}

Item item_from(const RawItem& raw, const MeetingContext& meeting, const Rules& rules,
               std::vector<Person>& meeting_absent) {
    Item item;
    item.number = raw.number;
    item.title = raw.title;
    item.closed = raw.closed;
    item.page = raw.page;
    for (const auto& line : raw.preamble)
        if (rules.partial_match("attachment.link_marker", line))
            for (auto& name : split_links(line, rules)) item.attachments.push_back(name);

    std::vector<std::string> case_text;
    for (const auto& s : raw.sections) {
        switch (s.kind) {
            case SectionKind::CaseNumber: {
                for (const auto& l : s.lines)
                    if (!l.empty()) {
                        if (l.size() < 40) item.case_number = text::trim(l);
                        break;
                    }
                break;
            }
            case SectionKind::Resume:
                if (!item.resume) item.resume = non_empty(collapse_lines(s.lines));
                break;
            case SectionKind::Attachments:
                for (const auto& l : s.lines) {
                    std::string name = l;
                    for (const auto& p : rules.get("attachment.marker"))
                        RE2::Replace(&name, *p.re, "");
                    name = text::trim(name);
                    if (!name.empty()) item.attachments.push_back(name);
                }
                break;
            case SectionKind::QuotedDecision:
                item.history.push_back(history_entry(s, rules));
                break;
            case SectionKind::Decision:
                if (!item.decision && is_this_meeting(s, meeting, rules)) {
                    auto d = decision_from(s, rules);
                    add_unique(meeting_absent, d.absent);
                    if (!text::is_blank_or_punct(d.text)) item.decision = std::move(d);
                } else {
                    auto h = history_entry(s, rules);
                    if (h.body.empty() && meeting.committee) h.body = *meeting.committee;
                    item.history.push_back(std::move(h));
                }
                break;
            case SectionKind::CaseText:
            case SectionKind::Process:
            case SectionKind::Assessment:
            case SectionKind::Economy:
            case SectionKind::Legal:
            case SectionKind::Other: {
                auto a = take_attendance(s.lines, rules, false);
                add_unique(meeting_absent, a.absent);
                case_text.insert(case_text.end(), a.kept.begin(), a.kept.end());
                break;
            }
            case SectionKind::Recommendation:
            case SectionKind::Competence:
            case SectionKind::Orientation:
                break;
        }
    }
    item.recommendation = recommendation_from(raw, rules);
    item.case_text = collapse_lines(case_text);
    return item;
}

// The meeting's committee, date and municipality, from the cover page first, then from what the
// items say about their own meeting.
MeetingContext find_meeting(const SegmentedReferat& doc, const Rules& rules, Referat& out) {
    MeetingContext m;
    for (const auto& line : doc.front) {
        if (!m.committee)
            if (const auto* c = rules.committee(line)) {
                m.committee = c->name;
                out.municipality = c->municipality;
            }
        if (!m.date && rules.full_match("meeting.date_line", line))
            m.date = parse_date(line, rules);
    }
    std::map<std::string, int> heading_dates, heading_bodies;
    for (const auto& item : doc.items) {
        for (const auto& s : item.sections) {
            if (s.kind == SectionKind::Decision) {
                if (auto d = parse_date(s.date_text, rules)) ++heading_dates[*d];
                if (!s.body.empty()) ++heading_bodies[resolve_body(s.body, rules)];
            }
            if (m.committee && m.date) continue;
            if (s.kind != SectionKind::Resume && s.kind != SectionKind::Decision) continue;
            for (const auto& line : s.lines) {
                auto g = rules.first_match("meeting.agenda_for", line, false);
                if (!g) continue;
                if (!m.committee) m.committee = resolve_body(text::trim((*g)["body"]), rules);
                if (!m.date) m.date = parse_date((*g)["date"], rules);
            }
        }
    }
    auto most_common = [](const std::map<std::string, int>& counts) {
        return std::max_element(counts.begin(), counts.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    };
    if (!m.date && !heading_dates.empty()) m.date = most_common(heading_dates);
    if (!m.committee && !heading_bodies.empty()) m.committee = most_common(heading_bodies);
    if (m.committee && !out.municipality)
        if (const auto* c = rules.committee(*m.committee)) out.municipality = c->municipality;
    if (!out.municipality) {
        for (const auto& line : doc.front)
            if (auto g = rules.first_match("meeting.municipality", line, false)) {
                out.municipality = (*g)["name"];
                break;
            }
    }
    return m;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view s, const Rules& rules) {
    if (s.empty()) return std::nullopt;
    auto format = [](int y, int m, int d) -> std::optional<std::string> {
        if (y < 100) y += 2000;
        if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return std::nullopt;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    };
    for (const char* key : {"date.iso", "date.named", "date.numeric"}) {
        for (const auto& p : rules.get(key)) {
            // Scan every match: "den 7. i juni" style noise must not hide a later real date.
            std::string_view rest = s;
            while (auto g = rules::match_groups(*p.re, rest, false)) {
                int month = 0;
                if (!(*g)["month"].empty())
                    month = rules.month((*g)["month"]);
                else
                    month = std::atoi((*g)["m"].c_str());
                if (auto iso =
                        format(std::atoi((*g)["y"].c_str()), month, std::atoi((*g)["d"].c_str())))
                    return iso;
                const auto pos = rest.find((*g)[""]);
                if (pos == std::string_view::npos || (*g)[""].empty()) break;
                rest = rest.substr(pos + (*g)[""].size());
            }
        }
    }
    return std::nullopt;
}

std::vector<Person> parse_people(std::string_view list, const Rules& rules) {
    std::vector<Person> people;
    for (const auto& part : split_list(list, rules)) {
        // "Jens Hansen, V": a lone party letter belongs to the name before it.
        if (all_upper_letters(part) && part.size() <= 4 && !people.empty() &&
            people.back().party.empty()) {
            people.back().party = part;
            continue;
        }
        auto g = rules.first_match("person.entry", part, true);
        if (!g) continue;
        Person p{text::trim((*g)["name"]), (*g)["party"].empty() ? (*g)["letter"] : (*g)["party"]};
        if (p.name.empty()) continue;
        people.push_back(std::move(p));
    }
    std::vector<Person> unique;
    add_unique(unique, people);
    return unique;
}

std::string classify_outcome(std::string_view text, const Rules& rules) {
    for (const auto& key : rules.keys_with_prefix("outcome."))
        if (rules.partial_match(key, text)) return key.substr(std::string("outcome.").size());
    return "other";
}

std::optional<Votes> parse_votes(std::string_view text, const Rules& rules) {
    Votes v;
    auto collect = [&](const char* key, const char* group, std::vector<std::string>& into) {
        for (const auto& p : rules.get(key)) {
            if (auto g = rules::match_groups(*p.re, text, false)) {
                for (auto& party : party_letters((*g)[group], rules))
                    if (std::find(into.begin(), into.end(), party) == into.end())
                        into.push_back(party);
                if (!v.text.empty()) v.text += " ";
                v.text += (*g)[""];
            }
        }
    };
    collect("votes.for", "for", v.for_parties);
    collect("votes.against", "against", v.against);
    collect("votes.abstained", "abstained", v.abstained);
    if (v.for_parties.empty() && v.against.empty() && v.abstained.empty()) return std::nullopt;
    v.text = text::collapse(v.text);
    return v;
}

void parse_route(std::string_view line, Recommendation& rec, const Rules& rules) {
    if (rules.partial_match("recommendation.impersonal", line)) return;
    auto g = rules.first_match("recommendation.by", line, true);
    if (!g) return;
    rec.by = text::trim((*g)["by"]);
    rec.to = split_list((*g)["to"], rules);
    rec.via = split_list((*g)["via"], rules);
}

Referat parse(const SegmentedReferat& doc, const Rules& rules) {
    Referat r;
    r.source = doc.source;
    r.content_hash = doc.content_hash;
    r.ocr = doc.ocr;
    const auto meeting = find_meeting(doc, rules, r);
    r.committee = meeting.committee;
    r.date = meeting.date;
    // Front-page absences ("Afbud:" on the cover) come first, then those under each decision.
    add_unique(r.absent, take_attendance(doc.front, rules, false).absent);
    for (const auto& raw : doc.items) r.items.push_back(item_from(raw, meeting, rules, r.absent));
    return r;
}

}  // namespace referat::parse
