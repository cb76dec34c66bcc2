// The text renderings of the command line: search hits as an aligned table (also grouped by
// case), a case's timeline, the theme list and one item's theme scores.
#include <algorithm>
#include <cstdio>

#include "cli/render.hpp"
#include "cli/text_layout.hpp"
#include "util/text.hpp"

namespace referat::cli {

namespace {

std::string and_list(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

// A case's texts are wrapped as one paragraph each.
std::string wrap_paragraph(const std::string& s, const std::string& indent) {
    return wrap(text::collapse(s), indent);
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The hit table's lines: the header, then one line per hit, aligned over all hits.
std::vector<std::string> hit_lines(const std::vector<query::Hit>& hits, size_t columns) {
    std::vector<std::array<std::string, 7>> rows{
        {"id", "date", "committee", "no.", "title", "section", "snippet"}};
    for (const auto& h : hits)
        rows.push_back({std::to_string(h.id), h.date, truncate(h.committee, 28),
                        std::to_string(h.number), truncate(text::collapse(h.title), 48), h.section,
                        h.snippet});
    std::array<size_t, 7> w{};
    for (const auto& r : rows)
        for (size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], width(r[c]));
    // On a terminal the lines are cut to fit: the snippet first, down to a readable part, then
    // the title and the committee.
    size_t snippet_room = 0;
    if (columns > 0) {
        constexpr size_t kMinSnippet = 12, kMinTitle = 14, kMinCommittee = 8;
        const auto fixed = [&] { return w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + 6 * 2; };
        if (fixed() + kMinSnippet > columns) {
            size_t excess = fixed() + kMinSnippet - columns;
            for (const auto& [column, floor] :
                 {std::pair{size_t{4}, kMinTitle}, std::pair{size_t{2}, kMinCommittee}}) {
                const size_t cut = std::min(excess, w[column] > floor ? w[column] - floor : 0);
                w[column] -= cut;
                excess -= cut;
                for (auto& r : rows) r[column] = truncate(r[column], w[column]);
            }
        }
        snippet_room = columns > fixed() + kMinSnippet ? columns - fixed() : kMinSnippet;
    }
    std::vector<std::string> lines;
    for (const auto& r : rows) {
        // Numbers right-aligned; the last column is not padded, so lines carry no trailing blanks.
        auto line = pad(r[0], w[0], true) + "  " + pad(r[1], w[1]) + "  " + pad(r[2], w[2]) + "  " +
                    pad(r[3], w[3], true) + "  " + pad(r[4], w[4]) + "  " + pad(r[5], w[5]) + "  " +
                    (columns > 0 ? truncate(r[6], snippet_room) : r[6]);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

std::string format_hits(const std::vector<query::Hit>& hits, size_t columns) {
    if (hits.empty()) return "no matches\n";
    std::string out;
    for (const auto& line : hit_lines(hits, columns)) out += line + "\n";
    return out;
}

std::string format_hits_by_case(const std::vector<query::CaseHits>& groups, size_t columns) {
    std::vector<query::Hit> hits;
    for (const auto& g : groups) hits.insert(hits.end(), g.hits.begin(), g.hits.end());
    if (hits.empty()) return format_hits(hits);
    // The table's lines, each indented by two, under the heading of their case.
    const auto lines = hit_lines(hits, columns > 2 ? columns - 2 : columns);
    size_t next = 1;  // lines[0] is the header
    std::string out = "  " + lines[0] + "\n";
    for (const auto& g : groups) {
        const auto heading = g.case_id ? "case " + std::to_string(*g.case_id) + " (" +
                                             std::to_string(g.items) +
                                             (g.items == 1 ? " item): " : " items): ") + g.title
                                       : std::string("no case");
        out += (columns > 0 ? truncate(heading, columns) : heading) + "\n";
        for (size_t n = 0; n < g.hits.size(); ++n) out += "  " + lines[next++] + "\n";
    }
    return out;
}

std::string format_case(const query::CaseView& c) {
    std::string out = "Case " + std::to_string(c.id) + ": " + text::collapse(c.title) + "\n";
    out += "  key: " + c.key;
    if (c.case_number) out += "  Sagsnr. " + *c.case_number;
    out += "\n";
    std::string state;
    if (c.state == "awaiting") {
        const auto& last = c.timeline.back().outcome;
        state = (last == "recommended" ? "recommended onwards, awaits " : "awaits ") +
                and_list(c.awaiting);
    } else {
        state = c.state;
    }
    out += "State: " + state + "\n";
    for (const auto& p : c.open_promises) out += wrap_paragraph("Open promise: " + p, "");
    out += "\n";

    for (const auto& e : c.timeline) {
        out += (e.date.empty() ? std::string("(no date)") : e.date) + "  " + e.body;
        if (e.number) out += ", pkt. " + std::to_string(*e.number);
        out += e.item_id ? "  [item " + std::to_string(*e.item_id) + "]" : "  [quoted]";
        out += "  " + (e.outcome.empty() ? std::string("no decision") : e.outcome) + "\n";
        if (!e.title.empty()) out += wrap_paragraph(e.title, "    ");
        if (!e.text.empty()) out += wrap_paragraph(e.text, "    | ");
        if (!e.absent.empty())
            out += wrap_paragraph("absent: " + text::join(e.absent, ", "), "    ");
        std::string source = "source: " + e.source;
        if (e.page > 0) source += ", page " + std::to_string(e.page);
        if (!e.quoted_in.empty()) source += ", quoted in " + e.quoted_in;
        out += wrap_paragraph(source, "    ");
        for (const auto& j : e.joins) out += wrap_paragraph("joined by " + j, "    ");
    }
    return out;
}

std::string case_line(const std::optional<query::CaseSize>& c, long long item_id) {
    if (!c) return "";
    return "case: " + std::to_string(c->case_id) + " (" + std::to_string(c->items) +
           (c->items == 1 ? " item" : " items") + "; referat case " + std::to_string(item_id) +
           ")\n";
}

std::string format_theme_list(const std::vector<query::ThemeCount>& counts) {
    if (counts.empty()) return "no theme sets in patterns/themes\n";
    std::string out;
    for (size_t i = 0; i < counts.size();) {
        const auto& set = *counts[i].set;
        out += set.id + ": " + set.name + " (" + set.municipality;
        if (!set.committees.empty()) out += ": " + text::join(set.committees, ", ");
        out += "; threshold " + number(set.threshold) + ")\n  theme  items  name\n";
        for (; i < counts.size() && counts[i].set == &set; ++i) {
            char line[64];
            std::snprintf(line, sizeof line, "  %5d  %5lld  ", counts[i].theme->number,
                          counts[i].items);
            out += line + counts[i].theme->name + "\n";
        }
    }
    return out;
}

std::string format_item_themes(const query::ItemThemes& item) {
    std::string out = "item " + item.number + ": " + item.title + "\nmeeting: " + item.committee +
                      ", " + item.date +
                      (item.municipality.empty() ? "" : ", " + item.municipality) + "\n";
    for (const auto& scored : item.sets) {
        out += "\n" + scored.set->id + ": " + scored.set->name + "\n";
        for (const auto& s : scored.themes) {
            out += "  " + std::to_string(s.theme->number) + " " + s.theme->name + ": " +
                   number(s.score) + " / " + number(s.threshold) +
                   (s.linked ? "  linked" : "  not linked") + "\n";
            for (const auto& e : s.evidence)
                out += "      " + number(e.points) + "  " + e.section + ": \"" + e.phrase + "\"\n";
        }
    }
    if (item.sets.empty())
        out += "\nno theme set applies to " +
               (item.municipality.empty() ? "?" : item.municipality) + " / " +
               (item.committee.empty() ? "?" : item.committee) + "\n";
    return out;
}

std::string linked_themes_line(const std::vector<std::string>& names) {
    return names.empty() ? "" : "themes: " + text::join(names, "; ") + "\n";
}

}  // namespace referat::cli
