// The meeting: its committee, date and municipality, from the header first, then from what the
// items say about their own meeting.
//
// The header names the committee with a label ("Udvalg: Økonomiudvalget", a table whose value is
// on the next row), in a title ("Referat fra byrådet", "Byrådet - Referat", "Kultur- og
// fritidsudvalgets møde") or on a line of its own ("Udvalget for Miljø og Teknik"), in that order
// of trust. Its date is the one on a line that says it is the meeting's ("Mødedato:", a weekday,
// "kl. 17"), never a date of publication.
#include <algorithm>
#include <map>
#include <set>

#include "parse/internal.hpp"
#include "parse/parse.hpp"
#include "util/text.hpp"

namespace referat::parse::detail {

namespace {

// The first cell of a table row: "Byrådet |", "Byrådet 20-06-2018 16:00 Referat" → "Byrådet",
// "14-17 Byrådet" (the election period first) → "Byrådet".
std::string first_cell(std::string_view line) {
    auto end = line.find_first_of("|\t");
    std::string cell(line.substr(0, end));
    cell.erase(0, cell.find_first_not_of("0123456789- "));
    const auto digit = cell.find_first_of("0123456789");
    if (digit != std::string::npos) cell.erase(digit);
    return text::trim(cell);
}

bool is_table_header(std::string_view rest) {
    static const RE2 header(R"((?i)^(?:dato|type|sted|tid|hent|mødedato)\b)");
    return RE2::PartialMatch(rest, header);
}

size_t next_text(const std::vector<std::string>& lines, size_t i) {
    while (i < lines.size() && text::is_blank_or_punct(lines[i])) ++i;
    return i;
}

// A body's name as printed; committees.txt resolves it once the municipality is known.
std::optional<std::string> valid_body(const std::string& raw, const Rules& rules) {
    auto body = body_name(raw.substr(0, raw.find('\t')), rules);
    if (body.empty() || body.size() > 100 || !text::starts_upper(body) ||
        rules.partial_match("body.not_name", body))
        return std::nullopt;
    return body;
}

// The committee a label or a title of the header names; with `lines`, the name of a body alone
// on a line (less sure: a web page's navigation names bodies too).
std::optional<std::string> committee_in_front(const std::vector<std::string>& front,
                                              const Rules& rules, bool lines) {
    if (lines) {
        for (const auto& line : front)
            if (auto g = rules.first_match("meeting.body_line", line, true))
                if (auto b = valid_body((*g)["body"], rules)) return b;
        // A committee's abbreviation or name alone on a line (committees.txt).
        // A full name keeps its letter case (Stevns writes "Social og Sundhed", another
        // municipality "Social og sundhed").
        for (const auto& line : front)
            if (const auto* c = rules.committee(line))
                return text::fold(line) == text::fold(c->name) ? text::trim(line) : c->name;
        return std::nullopt;
    }
    for (size_t i = 0; i < front.size(); ++i) {
        auto g = rules.first_match("meeting.committee_label", front[i], true);
        if (!g) continue;
        std::string body = text::trim((*g)["body"]);
        if (body.empty() || is_table_header(body)) {
            const size_t next = next_text(front, i + 1);
            // "Udvalg:" / "Dato:": an empty field, not a value.
            if (next >= front.size() || front[next].ends_with(':')) continue;
            body = first_cell(front[next]);
        }
        if (auto b = valid_body(body, rules)) return b;
    }
    // Titles: the fullest name any of them gives ("Udvalget for Teknik og Miljø", not "Udvalget").
    std::optional<std::string> best;
    for (auto line : front) {
        // "Kommunalbestyrelsen_2018-21": a system's name for the body in its election period.
        std::replace(line.begin(), line.end(), '_', ' ');
        for (const auto& p : rules.get("meeting.committee_title")) {
            auto g = rules::match_groups(*p.re, line, false);
            if (!g) continue;
            auto b = valid_body((*g)["body"], rules);
            if (b && (!best || b->size() > best->size())) best = b;
        }
    }
    return best;
}

std::optional<std::string> date_in_front(const std::vector<std::string>& front,
                                         const Rules& rules) {
    std::optional<std::string> first;
    for (size_t i = 0; i < front.size(); ++i) {
        // What follows "Publiceringsdato", "Sluttidspunkt" is not the meeting's date; what comes
        // before it on a line may be ("Dato 08. september 2014 Mødetidspunkt 16:00
        // Sluttidspunkt 18:05").
        std::string_view line = front[i];
        if (const auto not_date = rules.match_starts("meeting.not_date", line); !not_date.empty())
            line = line.substr(0, not_date.front());
        auto date = parse_date(line, rules);
        if (rules.partial_match("meeting.date_label", line)) {
            // "Dato: |" / "22-06-2022 17:30:00 |", "STARTTIDSPUNKT" / "03-09-2019 18:00:00"
            if (!date)
                if (const size_t next = next_text(front, i + 1);
                    next < front.size() && next <= i + 3)
                    date = parse_date(front[next], rules);
            if (date) return date;
        }
        if (date && !first) first = date;
    }
    return first;
}

// "BUL", "ØU": a body's abbreviation, in capitals and short.
bool is_abbreviation(const std::string& name) {
    return text::in_capitals(name) && text::code_points(name) <= 5;
}

// Whether the minutes name `word` as a word anywhere ("Stevns Kommuneplan", "Stevns
// Udsatteråd").
bool names_word(const SegmentedReferat& doc, const std::string& word) {
    const RE2 re("(?:^|[^\\p{L}])" + RE2::QuoteMeta(word) + "(?:[^\\p{L}]|$)");
    const auto in = [&](const std::vector<std::string>& lines) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return RE2::PartialMatch(l, re); });
    };
    if (in(doc.front)) return true;
    for (const auto& item : doc.items) {
        if (RE2::PartialMatch(item.title, re) || in(item.preamble)) return true;
        for (const auto& s : item.sections)
            if (in(s.lines)) return true;
    }
    return false;
}

template <typename Map>
std::optional<std::string> most_common(const Map& counts) {
    if (counts.empty()) return std::nullopt;
    return std::max_element(counts.begin(), counts.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

// The key counted more often than any other, and at least `least` times; nothing on a tie.
std::optional<std::string> most_common_unique(const std::map<std::string, int>& counts, int least) {
    std::optional<std::string> best;
    int most = 0, second = 0;
    for (const auto& [key, count] : counts)
        if (count > most) {
            second = most;
            most = count;
            best = key;
        } else if (count > second) {
            second = count;
        }
    if (most < least || most == second) return std::nullopt;
    return best;
}

// How many items' Indstillinger name each body in their route ("indstiller til SSU", "til KB via
// ØU"), as the body decides or as one the case passes through.
std::map<std::string, int> addressed_bodies(const SegmentedReferat& doc, const Rules& rules) {
    std::map<std::string, int> counts;
    for (const auto& item : doc.items)
        for (const auto& s : item.sections) {
            if (s.kind != SectionKind::Recommendation) continue;
            Recommendation route;
            parse_first_route(s.lines, route, rules);
            std::set<std::string> named;  // once an item
            for (const auto* list : {&route.to, &route.via})
                for (const auto& body : *list)
                    if (auto b = valid_body(body, rules)) named.insert(*b);
            for (const auto& b : named) ++counts[b];
        }
    return counts;
}

// The most common key, the last in key order of those equally common.
std::optional<std::string> most_common_latest(const std::map<std::string, int>& counts) {
    std::optional<std::string> best;
    int most = 0;
    for (const auto& [key, count] : counts)
        if (count >= most) {
            best = key;
            most = count;
        }
    return best;
}

}  // namespace

Meeting find_meeting(const SegmentedReferat& doc, const Rules& rules) {
    Meeting m;
    m.committee = committee_in_front(doc.front, rules, false);
    m.date = date_in_front(doc.front, rules);

    // What the items say: the body and date their decision headings name ("Beslutning i Byrådet
    // den 29-08-2017"), or the approval of the agenda ("Godkendelse af dagsorden for BUL den
    // 31. august 2020").
    std::map<std::string, int> heading_dates, heading_bodies, quoted_bodies;
    std::map<std::string, std::map<std::string, int>> bodies_by_date;
    std::optional<std::string> agenda_body, agenda_date, competence;
    for (const auto& item : doc.items) {
        for (const auto& s : item.sections) {
            if (s.kind == SectionKind::Decision) {
                const auto d = parse_date(s.date_text, rules);
                if (d) ++heading_dates[*d];
                if (!s.body.empty())
                    if (auto b = valid_body(s.body, rules)) {
                        ++heading_bodies[*b];
                        if (d) ++bodies_by_date[*d][*b];
                    }
            }
            // "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42" on the meeting's own date.
            if (s.kind == SectionKind::QuotedDecision && m.date &&
                parse_date(s.date_text, rules) == m.date)
                if (auto b = valid_body(s.body, rules)) ++quoted_bodies[*b];
            if (s.kind == SectionKind::Competence && !competence) {
                auto value = collapse_lines(s.lines);
                while (!value.empty() && value.back() == '.') value.pop_back();
                if (rules.full_match("meeting.body_line", value) || rules.committee(value))
                    competence = valid_body(value, rules);
            }
            if (agenda_body) continue;
            for (const auto& line : s.lines) {
                auto g = rules.first_match("meeting.agenda_for", line, false);
                if (!g) continue;
                agenda_body = valid_body((*g)["body"], rules);  // "Kommunalbestyrelsens møde"
                if (!agenda_body) continue;
                agenda_date = parse_date((*g)["date"], rules);
                break;
            }
        }
    }
    // An item may print an earlier meeting's decision under the same kind of heading before this
    // meeting's ("Beslutning i Udvalget for Infrastruktur og Trafik den 13-12-2017" / "Beslutning
    // i Infrastruktur- og Teknikudvalget den 10-01-2018"): minutes quote no later meeting, so of
    // dates named equally often the latest is this meeting's, and so is its body.
    if (!m.date) m.date = most_common_latest(heading_dates);
    if (!m.date) m.date = agenda_date;
    if (!m.committee && m.date && bodies_by_date.count(*m.date))
        m.committee = most_common(bodies_by_date[*m.date]);
    if (!m.committee) m.committee = most_common(heading_bodies);
    if (!m.committee) m.committee = committee_in_front(doc.front, rules, true);
    if (!m.committee) m.committee = agenda_body;
    if (!m.committee) m.committee = most_common(quoted_bodies);
    if (!m.committee) m.committee = competence;
    // Last, the body most Indstillinger are addressed to or sent through: a committee's own items
    // name it ("indstiller til SSU"), and so do those it passes on ("til KB via ØU"). Only a
    // body named by more items than any other, and by two at least.
    if (!m.committee) m.committee = most_common_unique(addressed_bodies(doc, rules), 2);
    if (!m.committee && m.date) {
        // A body named with the meeting's date in an item: "Kommunalbestyrelsen den 30. august
        // 2022".
        for (const auto& item : doc.items)
            for (const auto& s : item.sections)
                for (const auto& line : s.lines) {
                    if (m.committee) break;
                    auto g = rules.first_match("meeting.body_line", line, true);
                    if (g && parse_date(line, rules) == m.date)
                        m.committee = valid_body((*g)["body"], rules);
                }
    }

    // The municipality as the header names it; else the one whose committees (committees.txt,
    // the installation's own) include this committee, when no other municipality could have it.
    for (const auto& line : doc.front)
        if (auto g = rules.first_match("meeting.municipality", line, false)) {
            m.municipality = text::upper_first(text::fold((*g)["name"]));
            break;
        }
    // A committee names its municipality when it is written as that municipality writes it, to
    // the letter case (its full name or its abbreviation: "Børn, Unge og Læring", "BUL"; Social og
    // sundhed is another municipality's), is no body every municipality has, and no other wording
    // ("Udvalget for Kultur og Fritid" is many municipalities' name); or when the minutes name the
    // municipality too.
    if (!m.municipality && m.committee)
        if (const auto* c = rules.committee(*m.committee)) {
            const bool as_written_there = *m.committee == c->name || is_abbreviation(*m.committee);
            if ((as_written_there && !rules.full_match("body.common", c->name)) ||
                names_word(doc, c->municipality))
                m.municipality = c->municipality;
        }
    return m;
}

std::optional<std::string> resolve_committee(const std::optional<std::string>& committee,
                                             const std::optional<std::string>& municipality,
                                             const Rules& rules) {
    if (!committee) return committee;
    const auto* c = rules.committee(*committee);
    if (!c) return committee;
    // "ØU" is Økonomiudvalget wherever it is written.
    if (municipality ? text::fold(c->municipality) == text::fold(*municipality)
                     : is_abbreviation(*committee) && rules.full_match("body.common", c->name))
        return rules.full_body_name(*committee, municipality);
    return committee;
}

std::optional<std::string> municipality_of_bodies(const std::vector<Item>& items,
                                                  const Rules& rules) {
    // As for the meeting's committee: a body names its municipality only as that municipality
    // writes it, or by its abbreviation ("Udvalget for Kultur og Fritid" is many municipalities').
    std::map<std::string, int> named;
    const auto count = [&](const std::string& body) {
        const auto* c = rules.committee(body);
        if (c && (body == c->name || is_abbreviation(body)) &&
            !rules.full_match("body.common", c->name))
            ++named[c->municipality];
    };
    for (const auto& item : items) {
        if (item.recommendation) {
            for (const auto& b : item.recommendation->to) count(b);
            for (const auto& b : item.recommendation->via) count(b);
        }
        for (const auto& h : item.history) count(h.body);
    }
    return most_common(named);
}

}  // namespace referat::parse::detail
