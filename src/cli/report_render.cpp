// The quarterly report as one self-contained HTML page (inline CSS and SVG, no scripts) a
// committee can be handed on paper: A4 print CSS, a chart in black and grey whose text names the
// themes and months, each item once. Document text (titles, decisions, names) is never trusted:
// everything is escaped. The web interface shows the same page through render_html.
#include <algorithm>
#include <cstdio>

#include "cli/render.hpp"
#include "cli/report_wording.hpp"
#include "util/text.hpp"

namespace referat::cli {

using query::OpenCase;
using query::QuarterReport;
using query::ReportItem;
namespace w = report_wording;

namespace {

// Month bars from black to light grey, open cases white with a black outline: tells them apart
// on a black-and-white print.
const char* const kMonthFills[] = {"#111111", "#777777", "#c4c4c4"};

// A theme name in at most two lines of about `width` characters, split at a space.
std::vector<std::string> wrap(const std::string& s, size_t width) {
    if (text::code_points(s) <= width) return {s};
    size_t cut = s.rfind(' ', width + (s.size() - text::code_points(s)));
    if (cut == std::string::npos || cut == 0) cut = s.find(' ');
    if (cut == std::string::npos) return {s};
    return {s.substr(0, cut), s.substr(cut + 1)};
}

// Horizontal bars, one row per theme (its name on the axis): the quarter's decisions stacked by
// month and the open cases linked to it, each count written beside its bar.
std::string svg_chart(const QuarterReport& r) {
    constexpr int kWidth = 680, kLabel = 300, kRow = 40, kTop = 46, kBottom = 34;
    const int plot_w = kWidth - kLabel - 40;
    const int height = kTop + static_cast<int>(r.themes.size()) * kRow + kBottom;
    int max_count = 1;
    for (const auto& t : r.themes) max_count = std::max({max_count, t.decisions, t.open});
    const double unit = static_cast<double>(plot_w) / max_count;
    char buf[600];
    std::snprintf(buf, sizeof buf,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title\">\n",
                  kWidth, height, kWidth, height);
    std::string svg = buf;
    svg += "<title id=\"chart-title\">Beslutninger og åbne sager pr. tema, " +
           text::html_escape(w::quarter(r.quarter)) + "</title>\n";
    // Legend: the months of the quarter, then the open cases.
    svg += "<text class=\"legend\" x=\"" + std::to_string(kLabel - 8) +
           "\" y=\"17\" text-anchor=\"end\">beslutninger i</text>\n";
    double x = kLabel;
    for (size_t m = 0; m < r.months.size(); ++m) {
        const auto name = w::date(r.months[m]);
        std::snprintf(buf, sizeof buf,
                      "<rect class=\"legend-key\" x=\"%.1f\" y=\"6\" width=\"12\" height=\"12\" "
                      "fill=\"%s\" stroke=\"#000\" stroke-width=\"0.5\"/>"
                      "<text class=\"legend\" x=\"%.1f\" y=\"17\">",
                      x, kMonthFills[m % 3], x + 16);
        svg += buf + text::html_escape(name) + "</text>\n";
        x += 16 + 7.0 * static_cast<double>(text::code_points(name)) + 14;
    }
    std::snprintf(buf, sizeof buf,
                  "<rect class=\"legend-key\" x=\"%d\" y=\"24\" width=\"12\" height=\"12\" "
                  "fill=\"#fff\" stroke=\"#000\"/><text class=\"legend\" x=\"%d\" y=\"35\">åbne "
                  "sager ved kvartalets udgang</text>\n",
                  kLabel, kLabel + 16);
    svg += buf;
    // Value axis with integer ticks.
    const int step = std::max(1, max_count / 5);
    const int axis_y = kTop + static_cast<int>(r.themes.size()) * kRow;
    for (int v = 0; v <= max_count; v += step) {
        const double gx = kLabel + v * unit;
        std::snprintf(buf, sizeof buf,
                      "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                      "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
                      gx, kTop - 4, gx, axis_y, gx, axis_y + 14, v);
        svg += buf;
    }
    std::snprintf(buf, sizeof buf,
                  "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">antal</text>\n",
                  kLabel + plot_w / 2, axis_y + 30);
    svg += buf;
    for (size_t g = 0; g < r.themes.size(); ++g) {
        const auto& t = r.themes[g];
        const int y = kTop + static_cast<int>(g) * kRow;
        const auto lines = wrap(std::to_string(t.theme) + ". " + t.name, 44);
        for (size_t l = 0; l < lines.size(); ++l) {
            std::snprintf(buf, sizeof buf,
                          "<text class=\"theme-name\" text-anchor=\"end\" x=\"%d\" y=\"%d\">",
                          kLabel - 8, y + 14 + static_cast<int>(l) * 13);
            svg += buf + text::html_escape(lines[l]) + "</text>\n";
        }
        double bx = kLabel;
        for (size_t m = 0; m < t.per_month.size(); ++m) {
            const double bw = t.per_month[m] * unit;
            std::snprintf(buf, sizeof buf,
                          "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" "
                          "fill=\"%s\" stroke=\"#000\" stroke-width=\"0.5\"/>\n",
                          bx, y + 3, bw, kMonthFills[m % 3]);
            svg += buf;
            bx += bw;
        }
        std::snprintf(buf, sizeof buf,
                      "<text class=\"value\" x=\"%.1f\" y=\"%d\">%d</text>\n"
                      "<rect class=\"bar open\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" "
                      "fill=\"#fff\" stroke=\"#000\"/>\n"
                      "<text class=\"value\" x=\"%.1f\" y=\"%d\">%d</text>\n",
                      bx + 4, y + 14, t.decisions, kLabel, y + 20, t.open * unit,
                      kLabel + t.open * unit + 4, y + 31, t.open);
        svg += buf;
    }
    return svg + "</svg>\n";
}

constexpr const char* kStyle = R"css(
body { font: 14px/1.4 "DejaVu Sans", system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #000; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #000; padding-bottom: .15rem; margin: 1.4rem 0 .5rem; }
h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; table-layout: fixed; }
table.themes col.name { width: 46%; }
th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
.none { font-style: italic; }
.tags { font-size: .85rem; color: #333; }
.overdue { font-weight: bold; }
article.item { margin: .6rem 0; }
article.item p { margin: .15rem 0; }
svg { max-width: 100%; height: auto; }
svg text { font: 11px "DejaVu Sans", system-ui, sans-serif; fill: #000; }
svg .grid { stroke: #bbb; stroke-width: .5; }
figure { margin: .5rem 0; }
figcaption { font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, article.item, figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

void open_table(std::string& out, const std::vector<OpenCase>& cases, const QuarterReport& r) {
    out +=
        "<table class=\"open-cases\"><colgroup><col style=\"width:30%\"><col style=\"width:32%\">"
        "<col style=\"width:13%\"><col style=\"width:12%\"><col style=\"width:13%\"></colgroup>"
        "<thead><tr><th>Sag</th><th>Status</th><th>Alder</th><th>Frist</th><th>Temaer</th></tr>"
        "</thead><tbody>\n";
    for (const auto& c : cases) {
        out += std::string("<tr") + (c.overdue ? " class=\"overdue\"" : "") + "><td>" +
               text::html_escape(w::item_where(c.item, r)) + ": " +
               text::html_escape(text::collapse(c.item.title)) +
               (c.item.case_number.empty()
                    ? ""
                    : " (sagsnr. " + text::html_escape(c.item.case_number) + ")") +
               "</td><td>" + text::html_escape(w::open_status(c));
        for (const auto& p : c.promises) out += "<br><q>" + text::html_escape(p) + "</q>";
        out += "</td><td>" + text::html_escape(w::open_age(c)) + "</td><td>" +
               text::html_escape(w::open_due(c)) + "</td><td class=\"tags\">" +
               text::html_escape(w::theme_tags(c.item, r)) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
}

}  // namespace

std::string render_html(const QuarterReport& r) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>" +
        text::html_escape(w::heading(r)) + "</title>\n<style>" + kStyle +
        "</style>\n</head>\n<body>\n<header><h1>" + text::html_escape(w::heading(r)) +
        "</h1>\n<p id=\"summary\">" + text::html_escape(w::summary(r)) + "</p></header>\n";

    out += "<section id=\"status\">\n<h2>Status pr. tema</h2>\n";
    std::string set;
    for (const auto& t : r.themes) {
        if (t.theme_set != set) {
            if (!set.empty()) out += "</tbody></table>\n";
            set = t.theme_set;
            out += "<h3 class=\"theme-set\">" + text::html_escape(t.theme_set_name) +
                   "</h3>\n<table class=\"themes\"><colgroup><col class=\"name\"><col><col><col>"
                   "</colgroup><thead><tr><th>Tema</th>"
                   "<th>Beslutninger i kvartalet</th><th>Seneste beslutning</th>"
                   "<th>Åbne sager</th></tr></thead><tbody>\n";
        }
        out += "<tr id=\"theme-" + text::html_escape(t.theme_set) + "-" + std::to_string(t.theme) +
               "\"><td>" + std::to_string(t.theme) + ". " + text::html_escape(t.name);
        for (const auto& m : t.milestones)
            out += "<br><small>Milepæl: " + text::html_escape(w::milestone_label(m)) + " – " +
                   text::html_escape(w::milestone_status(m)) + "</small>";
        out += "</td><td class=\"num\">" + std::to_string(t.decisions) + "</td><td>" +
               text::html_escape(w::last_decision(t)) + "</td><td class=\"num\">" +
               std::to_string(t.open) + "</td></tr>\n";
    }
    if (!set.empty()) out += "</tbody></table>\n";
    out += "</section>\n<figure id=\"chart\">\n" + svg_chart(r) +
           "<figcaption>Beslutninger om hvert tema i kvartalets måneder, og åbne sager med "
           "tilknytning til temaet ved kvartalets udgang.</figcaption>\n</figure>\n";

    if (!r.plan_milestones.empty()) {
        out +=
            "<section id=\"milestones\">\n<h2>Milepæle i planen</h2>\n<table><thead><tr>"
            "<th>Milepæl</th><th>Status</th></tr></thead><tbody>\n";
        for (const auto& m : r.plan_milestones)
            out += std::string("<tr") + (m.status == "overdue" ? " class=\"overdue\"" : "") +
                   "><td>" + text::html_escape(w::milestone_label(m)) + "</td><td>" +
                   text::html_escape(w::milestone_status(m)) + "</td></tr>\n";
        out += "</tbody></table>\n</section>\n";
    }

    const auto& ch = r.changes;
    out += "<section id=\"changes\">\n<h2>Ændringer siden " +
           text::html_escape(w::quarter(ch.previous_quarter)) +
           "</h2>\n<p>Beslutninger om planens temaer: " + std::to_string(r.decisions.size()) +
           " (forrige kvartal: " + std::to_string(ch.previous_decisions) +
           ").</p>\n<h3>Afsluttet eller indfriet</h3>\n";
    if (ch.closed.empty())
        out += "<p class=\"none\">Ingen sager afsluttet siden sidst.</p>\n";
    else {
        out += "<ul class=\"closed\">\n";
        for (size_t i = 0; i < ch.closed.size(); ++i) {
            const auto& c = ch.closed[i];
            const auto& by = ch.closed_by[i];
            out += "<li>" + text::html_escape(w::item_where(c.item, r)) + ": " +
                   text::html_escape(text::collapse(c.item.title)) + " – var " +
                   text::html_escape(w::open_status(c)) +
                   (c.promises.empty() ? "" : " (løfte indfriet)") +
                   "; siden: " + text::html_escape(w::item_where(by, r)) + ", " +
                   text::html_escape(by.outcome_label) + "</li>\n";
        }
        out += "</ul>\n";
    }
    out += "<h3>Nye åbne sager</h3>\n";
    if (ch.opened.empty())
        out += "<p class=\"none\">Ingen nye åbne sager.</p>\n";
    else {
        out += "<ul class=\"opened\">\n";
        for (const auto& c : ch.opened)
            out += "<li>" + text::html_escape(w::item_where(c.item, r)) + ": " +
                   text::html_escape(text::collapse(c.item.title)) + " – " +
                   text::html_escape(w::open_status(c)) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</section>\n";

    out += "<section id=\"open\">\n<h2>Åbne sager ved kvartalets udgang</h2>\n";
    if (r.open.empty())
        out += "<p class=\"none\">Ingen åbne sager.</p>\n";
    else
        open_table(out, r.open, r);
    out += "</section>\n";

    out += "<section id=\"decisions\">\n<h2>Kvartalets beslutninger om planens temaer</h2>\n";
    if (r.decisions.empty()) out += "<p class=\"none\">Ingen beslutninger i kvartalet.</p>\n";
    for (const auto& i : r.decisions)
        out += "<article class=\"item\">\n<h3>" + text::html_escape(w::item_where(i, r)) + ": " +
               text::html_escape(text::collapse(i.title)) +
               "</h3>\n<p class=\"tags\">Temaer: " + text::html_escape(w::theme_tags(i, r)) +
               "</p>\n<p><b>Udfald:</b> " + text::html_escape(i.outcome_label) +
               (i.case_number.empty() ? "" : " · sagsnr. " + text::html_escape(i.case_number)) +
               "</p>\n<p>" + text::html_escape(text::collapse(i.decision)) + "</p>\n</article>\n";
    out += "</section>\n";

    out += "<section id=\"absences\">\n<h2>Fravær</h2>\n";
    if (r.absences.empty()) {
        out += "<p class=\"none\">Intet fravær registreret.</p>\n";
    } else {
        out +=
            "<table><thead><tr><th>Medlem</th><th>Parti</th><th>Møder med fravær</th>"
            "<th>Datoer</th><th>Fravær nævnt i citerede beslutninger</th></tr></thead><tbody>\n";
        for (const auto& a : r.absences) {
            std::vector<std::string> dates, quoted;
            for (const auto& d : a.dates) dates.push_back(w::absence_date(d));
            for (const auto& d : a.quoted) quoted.push_back(w::absence_date(d));
            out += "<tr><td>" + text::html_escape(a.name) + "</td><td>" +
                   text::html_escape(a.party) + "</td><td class=\"num\">" +
                   std::to_string(a.dates.size()) + "</td><td>" +
                   text::html_escape(text::join(dates, ", ")) + "</td><td>" +
                   text::html_escape(text::join(quoted, ", ")) + "</td></tr>\n";
        }
        out +=
            "</tbody></table>\n<p class=\"tags\">Kun rapportens egne møder tælles; fravær, der "
            "kun kendes fra en beslutning citeret i et senere punkt, står for sig.</p>\n";
    }
    return out + "</section>\n</body>\n</html>\n";
}

}  // namespace referat::cli
