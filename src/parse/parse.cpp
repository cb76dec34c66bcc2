// Segmented items → the fields of the referat/1 schema: each item's case number, attachments,
// resume, Indstilling, this meeting's decision and the quoted decisions of other meetings, and
// the meeting's absences.
#include "parse/parse.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "parse/internal.hpp"
#include "util/text.hpp"

namespace referat::parse {

namespace {

using namespace detail;

std::optional<std::string> non_empty(std::string s) {
    if (text::is_blank_or_punct(s)) return std::nullopt;
    return s;
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

// An attachment's name as the list prints it: without its list number or document number, once
// where a web page prints it twice ("Budget Budget", "Budget: Budget").
std::optional<std::string> attachment_name(std::string name, const Rules& rules) {
    for (const auto& p : rules.get("attachment.marker")) RE2::Replace(&name, *p.re, "");
    name = text::trim(name);
    // "Bilag Orientering om …": the heading word repeated before a name (not "Bilag 1: …").
    if (name.size() > 6 && name.starts_with("Bilag ") &&
        !std::isdigit(static_cast<unsigned char>(name[6])))
        name = text::trim(name.substr(6));
    if (name.empty() || rules.full_match("attachment.number_only", name)) return std::nullopt;
    for (std::string_view between : {" ", ": "}) {
        const size_t half = (name.size() - between.size()) / 2;
        if (name.size() > between.size() && (name.size() - between.size()) % 2 == 0 &&
            name.compare(half, between.size(), between) == 0 &&
            name.compare(0, half, name, half + between.size(), half) == 0)
            return name.substr(0, half);
    }
    return name;
}

// The case number of a "Sagsnr." section: its first value, without a KLE code or "Åbent -".
// A case number as printed: without a KLE code or "Åbent -" before it, and without what a
// rendering ran onto its line ("13/10057 Sagsansvarlig: mhe", "22/2694, Sagsinitialer: hlp",
// "25-008754 -"): a case number has no spaces.
std::optional<std::string> case_number_value(const std::string& line, const Rules& rules) {
    std::string value = text::trim(line);
    for (const auto& p : rules.get("case.prefix")) RE2::Replace(&value, *p.re, "");
    value = value.substr(0, value.find_first_of(" \t"));
    while (!value.empty() && (value.back() == '-' || value.back() == ',' || value.back() == '.'))
        value.pop_back();
    if (value.empty() || value.size() > 40 ||
        value.find_first_of("0123456789") == std::string::npos)
        return std::nullopt;
    return value;
}

// The case number of a "Sagsnr." section: its first value.
std::optional<std::string> case_number_of(const std::vector<std::string>& lines,
                                          const Rules& rules) {
    for (const auto& l : lines)
        if (!l.empty()) return case_number_value(l, rules);
    return std::nullopt;
}

std::optional<std::string> unlabelled_case_number(const std::string& line, const Rules& rules) {
    if (!rules.full_match("case.unlabelled", line)) return std::nullopt;
    return case_number_value(line, rules);
}

// Whether a decision heading is this meeting's: its date is the meeting's, or (with no date) it
// names the meeting's committee or no body at all.
bool is_this_meeting(const Section& s, const Meeting& m, const Rules& rules) {
    if (!s.date_text.empty()) {
        const auto d = parse_date(s.date_text, rules);
        if (d && m.date) return *d == *m.date;
    }
    if (!s.body.empty() && m.committee)
        return same_body(body_name(s.body, rules), *m.committee, rules);
    return true;
}

// An Indstilling printed without its heading: the paragraph that opens "Administrationen indstiller
// til Byrådet" or "Det indstilles, at", with the points or "at" clauses after it, also after blank
// lines ("Forretningsudvalget indstiller," / "" / "at forretningsorden godkendes.", "Forvaltningen
// foreslår:" / "" / "• At der igangsættes lokalplanlægning"). Taken out of `lines`.
std::vector<std::string> take_unheaded_recommendation(std::vector<std::string>& lines,
                                                      const Rules& rules) {
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto clause = recommender_clause(lines[i], rules);
        if (!clause && !rules.partial_match("recommendation.impersonal", lines[i])) continue;
        // "Der ansøges om en bevilling. Teknisk Forvaltning indstiller,": the sentences before the
        // recommender's stay where they are (a summary's).
        if (clause && clause->count("before")) {
            const auto& before = clause->at("before");
            const auto at = lines[i].find(before) + before.size();
            auto rest = lines[i].substr(at);
            lines[i] = text::trim(lines[i].substr(0, at));
            lines.insert(lines.begin() + static_cast<long>(++i), std::move(rest));
        }
        size_t end = i + 1;
        while (end < lines.size()) {
            if (!lines[end].empty()) {
                ++end;
                continue;
            }
            size_t next = end;
            while (next < lines.size() && lines[next].empty()) ++next;
            if (next < lines.size() && (rules.first_match("point.numbered", lines[next], true) ||
                                        rules.partial_match("point.bullet", lines[next]) ||
                                        rules.partial_match("point.at", lines[next]))) {
                end = next;
                continue;
            }
            break;
        }
        std::vector<std::string> taken(lines.begin() + static_cast<long>(i),
                                       lines.begin() + static_cast<long>(end));
        lines.erase(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end));
        return taken;
    }
    return {};
}

// "Kultur-, Idræts- og Fritidsudvalget Godkendelse af dagsorden": a page's running header, the
// meeting's committee, run onto the title that starts the page.
std::string without_running_header(const std::string& title,
                                   const std::optional<std::string>& committee) {
    if (!committee || committee->empty() || !title.starts_with(*committee + " ")) return title;
    const auto rest = text::trim(title.substr(committee->size()));
    return text::starts_upper(rest) ? rest : title;
}

Item item_from(RawItem raw, const Meeting& meeting, const Rules& rules,
               std::vector<Person>& meeting_absent) {
    Item item;
    item.number = raw.number;
    item.title = without_running_header(raw.title, meeting.committee);
    item.closed = raw.closed;
    item.page = raw.page;

    std::vector<std::string> recommendation;
    std::string recommendation_heading;
    bool have_recommendation =
        std::any_of(raw.sections.begin(), raw.sections.end(),
                    [](const Section& s) { return s.kind == SectionKind::Recommendation; });
    if (!have_recommendation) {
        recommendation = take_unheaded_recommendation(raw.preamble, rules);
        for (auto& s : raw.sections) {
            if (!recommendation.empty()) break;
            if (s.kind == SectionKind::CaseNumber || s.kind == SectionKind::Resume ||
                s.kind == SectionKind::CaseText)
                recommendation = take_unheaded_recommendation(s.lines, rules);
        }
    }

    std::vector<Person> item_absent;  // printed with the item, outside its decision
    auto preamble = take_attendance(raw.preamble, rules, AttendanceIn::ItemHead);
    add_unique(item_absent, preamble.absent);
    std::vector<std::string> case_text;
    for (const auto& line : preamble.kept) {
        if (rules.partial_match("attachment.link_marker", line)) {
            for (auto& name : split_links(line, rules)) item.attachments.push_back(name);
        } else if (rules.full_match("attachment.file_list", line)) {
            std::istringstream names(line);
            for (std::string name; names >> name;) item.attachments.push_back(name);
        } else if (auto number = unlabelled_case_number(line, rules)) {
            if (!item.case_number) item.case_number = number;
        } else {
            case_text.push_back(line);
        }
    }

    // This meeting's decision: a heading naming the meeting beats a plain "Beslutning", which a
    // closed item's public summary may use.
    const Section* decision = nullptr;
    std::vector<const Section*> other_decisions;
    bool case_label_first = false;  // the case number came from "Sagsnr." rather than "J.nr."
    for (const auto& s : raw.sections) {
        switch (s.kind) {
            case SectionKind::CaseNumber: {
                const bool first_label =
                    rules.partial_match("section.case_number_first", s.heading);
                if (!item.case_number || (first_label && !case_label_first)) {
                    if (auto number = case_number_of(s.lines, rules)) {
                        item.case_number = number;
                        case_label_first = first_label;
                    }
                }
                // A rendering that ran the header fields together: "Sagsnr.: 13/10057 …
                // Fraværende: Afbud: …".
                auto a = take_attendance(s.lines, rules, AttendanceIn::ItemHead);
                add_unique(item_absent, a.absent);
                break;
            }
            case SectionKind::Resume:
                if (!item.resume) item.resume = non_empty(collapse_lines(s.lines));
                break;
            case SectionKind::Recommendation:
                if (recommendation.empty()) {
                    recommendation = s.lines;
                    recommendation_heading = s.heading;
                }
                break;
            case SectionKind::Attachments: {
                // Where the list prints document numbers, a line without one ends it.
                const auto first = std::find_if(s.lines.begin(), s.lines.end(),
                                                [](const std::string& l) { return !l.empty(); });
                const bool numbered =
                    first != s.lines.end() && rules.partial_match("attachment.numbered", *first);
                for (const auto& l : s.lines) {
                    if (numbered && !l.empty() && !rules.partial_match("attachment.numbered", l)) {
                        case_text.push_back(l);
                        continue;
                    }
                    if (rules.full_match("attachment.none", l)) continue;
                    if (auto name = attachment_name(l, rules)) item.attachments.push_back(*name);
                }
                break;
            }
            case SectionKind::QuotedDecision:
            case SectionKind::Decision: {
                const bool quoted = s.kind == SectionKind::QuotedDecision;
                // A quoted line with this meeting's date and committee is this meeting's decision.
                const bool ours =
                    quoted ? (meeting.date && parse_date(s.date_text, rules) == meeting.date &&
                              (s.body.empty() ||
                               (meeting.committee &&
                                same_body(body_name(s.body, rules), *meeting.committee, rules))))
                           : is_this_meeting(s, meeting, rules);
                if (ours) {
                    const bool names_meeting = !s.body.empty() || !s.date_text.empty();
                    const bool current_plain =
                        decision && decision->body.empty() && decision->date_text.empty();
                    if (!decision || (names_meeting && current_plain)) {
                        if (decision) other_decisions.push_back(decision);
                        decision = &s;
                    } else {
                        other_decisions.push_back(&s);
                    }
                    break;
                }
                std::string body = s.body;
                if (body.empty() && meeting.committee) body = *meeting.committee;
                auto h =
                    history_entry(body, parse_date(s.date_text, rules), s.item, s.lines, rules);
                if (!text::is_blank_or_punct(h.text)) item.history.push_back(std::move(h));
                break;
            }
            case SectionKind::History: {
                std::vector<std::string> narrative;
                for (auto& h : history_entries(s.lines, rules, narrative)) {
                    // "29-06-2020 Magistraten" / "Intet.": the log's row for this very meeting
                    // repeats its decision.
                    const bool this_meeting = h.date && h.date == meeting.date &&
                                              meeting.committee &&
                                              same_body(h.body, *meeting.committee, rules);
                    if (!this_meeting) item.history.push_back(std::move(h));
                }
                case_text.insert(case_text.end(), narrative.begin(), narrative.end());
                break;
            }
            case SectionKind::CaseText:
            case SectionKind::Process:
            case SectionKind::Assessment:
            case SectionKind::Economy:
            case SectionKind::Legal:
            case SectionKind::Other: {
                auto a = take_attendance(s.lines, rules, AttendanceIn::Other);
                add_unique(item_absent, a.absent);
                case_text.insert(case_text.end(), a.kept.begin(), a.kept.end());
                break;
            }
            case SectionKind::Competence:
            case SectionKind::Orientation: {
                // Acadre prints its attendance item ("Fraværende" / names) under the table
                // headed "Behandling".
                auto a = take_attendance(s.lines, rules, AttendanceIn::ItemHead);
                add_unique(item_absent, a.absent);
                break;
            }
        }
    }
    // "Beslutning" / "I mødet deltog: …" / "Følgende havde meldt afbud: …" / "Udvalgets beslutning
    // på mødet den …:": the attendance printed under the plain heading is the item's.
    for (const auto* s : other_decisions) {
        auto a = take_attendance(s->lines, rules, AttendanceIn::Other);
        add_unique(item_absent, a.absent);
        case_text.insert(case_text.end(), a.kept.begin(), a.kept.end());
    }
    // A closed item prints only its decision, with no heading: "Lukket: Køb af landbrugsejendom" /
    // "EMN-…" / "Tilbagesendes …".
    Section closed_decision;
    if (!decision && item.closed && raw.sections.empty() &&
        !text::is_blank_or_punct(collapse_lines(case_text))) {
        closed_decision.lines = case_text;
        case_text.clear();
        decision = &closed_decision;
    }
    // No heading, the decision reported after the Indstilling: "Indstillingen blev godkendt
    // uden afstemning."
    Section reported_decision;
    if (!decision) {
        const auto at = std::find_if(recommendation.begin(), recommendation.end(),
                                     [&](const std::string& line) {
                                         return rules.partial_match("decision.reported", line);
                                     });
        if (at != recommendation.end()) {
            reported_decision.lines.assign(at, recommendation.end());
            recommendation.erase(at, recommendation.end());
            decision = &reported_decision;
        }
    }
    if (decision) {
        auto d = decision_from(decision->lines, rules);
        add_unique(meeting_absent, d.absent);
        if (!text::is_blank_or_punct(d.text)) {
            add_unique(d.absent, item_absent);
            item.decision = std::move(d);
        }
    }
    add_unique(meeting_absent, item_absent);
    item.recommendation = recommendation_from(recommendation, rules);
    // The heading names the recommender: "Administrationen indstiller" / "at dagsordenen
    // godkendes".
    if (item.recommendation && !item.recommendation->by) {
        Recommendation from_heading;
        parse_route(recommendation_heading, from_heading, rules);
        if (from_heading.by) item.recommendation->by = from_heading.by;
    }
    // "Punkt 28. … udsat." under the approval of the agenda names another item: a decision's
    // numbers start within the Indstilling's points, or at 1.
    if (item.decision && !item.decision->points.empty()) {
        const size_t recommended = item.recommendation ? item.recommendation->points.size() : 0;
        if (static_cast<size_t>(item.decision->points.front().n) >
            std::max<size_t>(recommended, 1)) {
            item.decision->points.clear();
            item.decision->outcome = classify_text(item.decision->text, rules);
        }
    }
    item.case_text = collapse_lines(case_text);
    if (!item.closed)
        item.closed =
            rules.partial_match("item.closed_text", item.case_text) ||
            (item.decision && rules.partial_match("item.closed_text", item.decision->text));
    return item;
}

bool says(const std::vector<std::string>& lines, const char* key, const Rules& rules) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return rules.partial_match(key, l); });
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
        // "Jens Hansen, V": a lone party letter belongs to the name before it ("Villy Søvndal, F
        // - Tine Hundahl Jensen stedfortræder" too).
        if (const auto letter = without_trailer(part, rules);
            is_party_letter(letter) && !people.empty() && people.back().party.empty()) {
            people.back().party = letter;
            continue;
        }
        // "Ninna Hedeager Olsen (Enhedslisten), tjenesterejse.", "Trine Schaltz, F, (ferie)":
        // why the member was away.
        if (!people.empty() && rules.full_match("person.reason", part)) continue;
        if (auto p = person_of(part, rules)) people.push_back(std::move(*p));
    }
    std::vector<Person> unique;
    add_unique(unique, people);
    return unique;
}

Outcome classify_outcome(std::string_view text, const Rules& rules) {
    return classify_text(text, rules);
}

Referat parse(const SegmentedReferat& doc, const Rules& rules) {
    Referat r;
    r.source = doc.source;
    r.content_hash = doc.content_hash;
    r.format = doc.format;
    r.ocr = doc.ocr;
    const auto meeting = find_meeting(doc, rules);
    r.committee = meeting.committee;
    r.date = meeting.date;
    r.municipality = meeting.municipality;
    r.numbered = doc.numbered;

    // "Items" with no sections at all are a numbered list (the agenda's contents under the
    // header of an excerpt), not items.
    const bool listed_only = std::none_of(doc.items.begin(), doc.items.end(),
                                          [](const RawItem& it) { return !it.sections.empty(); });
    if (doc.items.empty() || listed_only) {
        // A header with nothing after it (an excerpt, a cover page) is minutes only when it says
        // so and names its meeting.
        if (!says(doc.front, "meeting.minutes_mark", rules) || (!r.committee && !r.date))
            throw InputError("no agenda items found (not minutes?)");
    }

    // Front-page absences ("Afbud:" on the cover) come first, then those under each decision.
    const auto front = take_attendance(doc.front, rules, AttendanceIn::Other);
    add_unique(r.absent, front.absent);
    if (!listed_only)
        for (const auto& raw : doc.items)
            r.items.push_back(item_from(raw, meeting, rules, r.absent));
    else  // the header's member list may come after the contents
        for (const auto& raw : doc.items)
            add_unique(r.absent, take_attendance(raw.preamble, rules, AttendanceIn::Other).absent);
    // Absent from a range of items: from the meeting when the range holds all its items, else
    // present for the others (partial attendance, not an absence).
    if (!r.items.empty())
        for (const auto& ranged : front.ranged)
            if (std::all_of(r.items.begin(), r.items.end(), [&](const Item& it) {
                    return it.number >= ranged.first && it.number <= ranged.last;
                }))
                add_unique(r.absent, {ranged.person});
    if (!r.municipality) r.municipality = municipality_of_bodies(r.items, rules);
    r.committee = resolve_committee(r.committee, r.municipality, rules);

    const bool decided = std::any_of(r.items.begin(), r.items.end(),
                                     [](const Item& it) { return it.decision.has_value(); });
    if (!r.items.empty() && !decided) {
        if (says(doc.front, "meeting.agenda_mark", rules) &&
            !says(doc.front, "meeting.minutes_title", rules))
            throw InputError("an agenda with no decisions (not minutes)");
        // Headed sections but no decision and a header that says nothing of a meeting: a list
        // or report (an attachment), not minutes.
        if (!says(doc.front, "meeting.minutes_mark", rules))
            throw InputError("no decisions found (not minutes?)");
    }

    // An absence line that omits the party takes it from another line that names the person with
    // it ("Afbud: Morten Kasper (A)" / "Deltog ikke: Morten Kasper."), and from the member list of
    // the header before all (the last one found is kept).
    std::vector<Person> known;
    const auto with_party = [&](const std::vector<Person>& people) {
        for (const auto& p : people)
            if (!p.party.empty()) known.push_back(p);
    };
    with_party(r.absent);
    for (const auto& it : r.items)
        if (it.decision) with_party(it.decision->absent);
    with_party(member_list(doc.front, rules));
    fill_parties(r.absent, known);
    for (auto& it : r.items)
        if (it.decision) fill_parties(it.decision->absent, known);
    return r;
}

}  // namespace referat::parse
