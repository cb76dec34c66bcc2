// Renderings of the quarterly report (query::build_report assembles it). Document text (titles,
// decisions, names) is never trusted: HTML escapes it, Markdown escapes table and link syntax, CSV
// quotes every field and neutralises formulas.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/render.hpp"
#include "cli/text_layout.hpp"
#include "util/text.hpp"

namespace referat::cli {

using query::QuarterReport;
using query::ReportItem;

namespace {

const char* const kMonthColors[] = {"#1b6ca8", "#e07b39", "#4a9e5c"};

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// One table cell: one line, pipes escaped so the row keeps its columns on any Git host, and
// brackets, so that text of the minutes cannot make a link ("[x](javascript:...)") or an image.
std::string md_cell(std::string_view s) {
    std::string out;
    for (const char c : text::collapse(s)) {
        if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '<' || c == '`' || c == '[' ||
            c == ']')
            out += '\\';
        out += c;
    }
    return out;
}

bool empty_quarter(const QuarterReport& r) {
    return r.meetings == 0;
}

std::string heading(const QuarterReport& r) {
    return "Opfølgning " + r.quarter + (r.committee ? " – " + *r.committee : "");
}

std::string summary(const QuarterReport& r) {
    if (empty_quarter(r))
        return "No meetings in " + r.quarter + " (" + r.from + " – " + r.to +
               "): no decisions to report. Items still open from earlier quarters are listed.";
    // An item linked to several themes is listed under each, but counted once.
    std::set<long long> decisions, open;
    for (const auto& t : r.themes) {
        for (const auto& i : t.decisions) decisions.insert(i.id);
        for (const auto& i : t.open) open.insert(i.id);
    }
    const auto count = [](size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return count(static_cast<size_t>(r.meetings), "meeting", "meetings") + " from " + r.from +
           " to " + r.to + "; " + count(decisions.size(), "decision", "decisions") +
           " linked to themes; " + count(open.size(), "item", "items") + " still open.";
}

std::string item_label(const ReportItem& i) {
    return "pkt. " + std::to_string(i.number) + " " + text::collapse(i.title);
}

// Grouped bars: one group per theme, one bar per month of the quarter.
std::string svg_chart(const QuarterReport& r) {
    constexpr int kWidth = 760, kHeight = 280, kLeft = 40, kBottom = 40, kTop = 20, kLegend = 120;
    const int plot_w = kWidth - kLeft - kLegend, plot_h = kHeight - kTop - kBottom;
    int max_count = 1;
    for (const auto& t : r.themes)
        for (const int c : t.per_month) max_count = std::max(max_count, c);
    const int groups = std::max<int>(1, static_cast<int>(r.themes.size()));
    const double group_w = static_cast<double>(plot_w) / groups;
    const double bar_w = group_w * 0.8 / static_cast<double>(r.months.size());
    char buf[512];
    std::string svg;
    std::snprintf(buf, sizeof buf,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title\">\n",
                  kWidth, kHeight, kWidth, kHeight);
    svg += buf;
    svg += "<title id=\"chart-title\">Decisions per theme per month, " + r.quarter + "</title>\n";
    // Axis with integer ticks.
    const int step = std::max(1, max_count / 5);
    for (int v = 0; v <= max_count; v += step) {
        const double y = kTop + plot_h - static_cast<double>(v) / max_count * plot_h;
        std::snprintf(buf, sizeof buf,
                      "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                      "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
                      kLeft, y, kLeft + plot_w, y, kLeft - 6, y + 4, v);
        svg += buf;
    }
    for (size_t g = 0; g < r.themes.size(); ++g) {
        const auto& t = r.themes[g];
        const double x0 = kLeft + g * group_w + group_w * 0.1;
        for (size_t m = 0; m < t.per_month.size(); ++m) {
            const int c = t.per_month[m];
            const double h = static_cast<double>(c) / max_count * plot_h;
            std::snprintf(buf, sizeof buf,
                          "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"%.1f\" fill=\"%s\">",
                          x0 + m * bar_w, kTop + plot_h - h, bar_w, h, kMonthColors[m % 3]);
            svg += buf;
            svg += "<title>" +
                   html_escape(std::to_string(t.theme) + " " + t.name + ", " + r.months[m] + ": " +
                               std::to_string(c)) +
                   "</title></rect>\n";
        }
        std::snprintf(buf, sizeof buf,
                      "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d"
                      "<title>",
                      kLeft + g * group_w + group_w / 2, kTop + plot_h + 16, t.theme);
        svg += buf + html_escape(t.name) + "</title></text>\n";
    }
    std::snprintf(buf, sizeof buf,
                  "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">theme</text>\n",
                  kLeft + plot_w / 2, kHeight - 6);
    svg += buf;
    for (size_t m = 0; m < r.months.size(); ++m) {
        const int y = kTop + 10 + static_cast<int>(m) * 20;
        std::snprintf(buf, sizeof buf,
                      "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                      "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>\n",
                      kLeft + plot_w + 20, y, kMonthColors[m % 3], kLeft + plot_w + 38, y + 11,
                      r.months[m].c_str());
        svg += buf;
    }
    return svg + "</svg>\n";
}

constexpr const char* kStyle = R"css(
body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1d; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } td:first-child { white-space: nowrap; }
.none { color: #666; font-style: italic; }
svg .grid { stroke: #e3e3e3; } svg text { font: 12px system-ui, sans-serif; fill: #333; }
figure { margin: 1rem 0; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } h2 { break-after: avoid; } }
)css";

void html_items(std::string& out, const std::vector<ReportItem>& items, bool open) {
    out += std::string("<table><thead><tr><th>Date</th><th>Committee</th><th>Item</th><th>") +
           (open ? "Why open" : "Outcome") + "</th><th>Beslutning</th></tr></thead><tbody>\n";
    for (const auto& i : items)
        out += "<tr><td>" + html_escape(i.date) + "</td><td>" + html_escape(i.committee) +
               "</td><td>" + html_escape(item_label(i)) + " <small>(id " + std::to_string(i.id) +
               ")</small></td><td>" + html_escape(open ? i.open_because : i.outcome) + "</td><td>" +
               html_escape(text::collapse(i.decision)) + "</td></tr>\n";
    out += "</tbody></table>\n";
}

nlohmann::ordered_json item_json(const ReportItem& i, bool open) {
    nlohmann::ordered_json j = {{"id", i.id},
                                {"date", i.date},
                                {"committee", i.committee},
                                {"number", i.number},
                                {"title", i.title},
                                {"outcome", i.outcome},
                                {"decision", i.decision}};
    if (open) j["open_because"] = i.open_because;
    return j;
}

}  // namespace

std::string render_markdown(const QuarterReport& r) {
    std::string out = "# " + heading(r) + "\n\n" + summary(r) + "\n";
    std::string set;
    for (const auto& t : r.themes) {
        if (t.theme_set != set) {
            set = t.theme_set;
            out += "\n## " + md_cell(t.theme_set_name) + "\n";
        }
        out += "\n### " + std::to_string(t.theme) + ". " + md_cell(t.name) + "\n\n";
        if (t.decisions.empty() && t.open.empty()) {
            out += "_No decisions and no open items._\n";
            continue;
        }
        if (!t.decisions.empty()) {
            out +=
                "Decisions:\n\n| Date | Committee | Item | Outcome | Beslutning |\n"
                "|---|---|---|---|---|\n";
            for (const auto& i : t.decisions)
                out += "| " + md_cell(i.date) + " | " + md_cell(i.committee) + " | " +
                       md_cell(item_label(i)) + " (id " + std::to_string(i.id) + ") | " +
                       md_cell(i.outcome) + " | " + md_cell(i.decision) + " |\n";
        }
        if (!t.open.empty()) {
            out += "\nOpen:\n\n| Date | Committee | Item | Why open |\n|---|---|---|---|\n";
            for (const auto& i : t.open)
                out += "| " + md_cell(i.date) + " | " + md_cell(i.committee) + " | " +
                       md_cell(item_label(i)) + " (id " + std::to_string(i.id) + ") | " +
                       md_cell(i.open_because) + " |\n";
        }
    }
    out += "\n## Absences\n\n";
    if (r.absences.empty()) return out + "_No absences recorded._\n";
    out += "| Name | Party | Meetings missed | Dates |\n|---|---|---|---|\n";
    for (const auto& a : r.absences)
        out += "| " + md_cell(a.name) + " | " + md_cell(a.party) + " | " +
               std::to_string(a.dates.size()) + " | " + md_cell(text::join(a.dates, ", ")) + " |\n";
    return out;
}

std::string render_html(const QuarterReport& r) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        html_escape(heading(r)) + "</title>\n<style>" + kStyle +
        "</style>\n</head>\n<body>\n<header><h1>" + html_escape(heading(r)) +
        "</h1>\n<p id=\"summary\">" + html_escape(summary(r)) + "</p></header>\n";
    out += "<figure id=\"chart\">\n" + svg_chart(r) +
           "<figcaption>Theme-linked decisions per theme and month</figcaption>\n</figure>\n";
    std::string set;
    for (const auto& t : r.themes) {
        if (t.theme_set != set) {
            set = t.theme_set;
            out += "<h2 class=\"theme-set\">" + html_escape(t.theme_set_name) + "</h2>\n";
        }
        out += "<section class=\"theme\" id=\"theme-" + html_escape(t.theme_set) + "-" +
               std::to_string(t.theme) + "\">\n<h3>" + std::to_string(t.theme) + ". " +
               html_escape(t.name) + "</h3>\n";
        if (t.decisions.empty() && t.open.empty())
            out += "<p class=\"none\">No decisions and no open items.</p>\n";
        if (!t.decisions.empty()) {
            out += "<h4>Decisions</h4>\n";
            html_items(out, t.decisions, false);
        }
        if (!t.open.empty()) {
            out += "<h4 class=\"open\">Open</h4>\n";
            html_items(out, t.open, true);
        }
        out += "</section>\n";
    }
    out += "<section id=\"absences\">\n<h2>Absences</h2>\n";
    if (r.absences.empty()) {
        out += "<p class=\"none\">No absences recorded.</p>\n";
    } else {
        out +=
            "<table><thead><tr><th>Name</th><th>Party</th><th>Meetings missed</th>"
            "<th>Dates</th></tr></thead><tbody>\n";
        for (const auto& a : r.absences)
            out += "<tr><td>" + html_escape(a.name) + "</td><td>" + html_escape(a.party) +
                   "</td><td>" + std::to_string(a.dates.size()) + "</td><td>" +
                   html_escape(text::join(a.dates, ", ")) + "</td></tr>\n";
        out += "</tbody></table>\n";
    }
    return out + "</section>\n</body>\n</html>\n";
}

std::string render_csv(const QuarterReport& r) {
    std::string out =
        "kind,theme_set,theme,theme_name,date,committee,item_id,number,title,outcome,text\n";
    const auto row = [&](std::initializer_list<std::string> fields) {
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out += ',';
            out += csv_field(f, true);
            first = false;
        }
        out += '\n';
    };
    for (const auto& t : r.themes) {
        for (const auto& [kind, items] : {std::pair{"decision", &t.decisions}, {"open", &t.open}})
            for (const auto& i : *items)
                row({kind, t.theme_set, std::to_string(t.theme), t.name, i.date, i.committee,
                     std::to_string(i.id), std::to_string(i.number), i.title,
                     std::string(kind) == "open" ? i.open_because : i.outcome, i.decision});
    }
    for (const auto& a : r.absences)
        for (const auto& d : a.dates)
            row({"absence", "", "", "", d, "", "", "", a.name, a.party, ""});
    return out;
}

std::string render_json(const QuarterReport& r) {
    nlohmann::ordered_json themes = nlohmann::ordered_json::array();
    for (const auto& t : r.themes) {
        nlohmann::ordered_json per_month;
        for (size_t m = 0; m < r.months.size(); ++m) per_month[r.months[m]] = t.per_month[m];
        nlohmann::ordered_json decisions = nlohmann::ordered_json::array(),
                               open = nlohmann::ordered_json::array();
        for (const auto& i : t.decisions) decisions.push_back(item_json(i, false));
        for (const auto& i : t.open) open.push_back(item_json(i, true));
        themes.push_back({{"theme_set", t.theme_set},
                          {"theme", t.theme},
                          {"name", t.name},
                          {"per_month", per_month},
                          {"decisions", decisions},
                          {"open", open}});
    }
    nlohmann::ordered_json absences = nlohmann::ordered_json::array();
    for (const auto& a : r.absences)
        absences.push_back({{"name", a.name}, {"party", a.party}, {"dates", a.dates}});
    return nlohmann::ordered_json{{"quarter", r.quarter},
                                  {"from", r.from},
                                  {"to", r.to},
                                  {"committee", r.committee ? nlohmann::ordered_json(*r.committee)
                                                            : nlohmann::ordered_json(nullptr)},
                                  {"meetings", r.meetings},
                                  {"themes", themes},
                                  {"absences", absences}}
               .dump(1) +
           "\n";
}

}  // namespace referat::cli
