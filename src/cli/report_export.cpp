// The quarterly report as Markdown, CSV, JSON and an Excel workbook (libxlsxwriter, in the module
// referat_xlsx.so), in the same Danish words as the HTML page (report_wording.hpp). Markdown
// escapes table and link syntax, CSV quotes every field and neutralises formulas; the workbook
// writes text cells, never formulas.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cli/render.hpp"
#include "cli/report_wording.hpp"
#include "cli/text_layout.hpp"
#include "cli/xlsx_module/entry.hpp"
#include "util/install_paths.hpp"
#include "util/text.hpp"

namespace referat::cli {

using query::OpenCase;
using query::QuarterReport;
using query::ReportItem;
namespace w = report_wording;

namespace {

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

std::string case_text(const OpenCase& c, const QuarterReport& r) {
    return w::item_where(c.item, r) + ": " + text::collapse(c.item.title);
}

std::vector<Table> tables(const QuarterReport& r) {
    std::vector<Table> out;
    Table themes{"Temaer",
                 {"Plan", "Tema", "Beslutninger i kvartalet", "Seneste beslutning", "Åbne sager",
                  "Milepæle"},
                 {}};
    for (const auto& t : r.themes) {
        std::vector<std::string> ms;
        for (const auto& m : t.milestones)
            ms.push_back(w::milestone_label(m) + " – " + w::milestone_status(m));
        themes.rows.push_back({t.theme_set_name, std::to_string(t.theme) + ". " + t.name,
                               std::to_string(t.decisions), w::last_decision(t),
                               std::to_string(t.open), text::join(ms, "; ")});
    }
    out.push_back(std::move(themes));

    Table decisions{
        "Beslutninger",
        {"Dato", "Udvalg", "Pkt.", "Titel", "Sagsnr.", "Udfald", "Temaer", "Beslutning"},
        {}};
    for (const auto& i : r.decisions)
        decisions.rows.push_back({w::date(i.date), text::collapse(i.committee),
                                  std::to_string(i.number), text::collapse(i.title), i.case_number,
                                  i.outcome_label, w::theme_tags(i, r),
                                  text::collapse(i.decision)});
    out.push_back(std::move(decisions));

    Table open{"Åbne sager",
               {"Sag", "Sagsnr.", "Status", "Løfte", "Alder", "Frist", "Overskredet", "Temaer"},
               {}};
    for (const auto& c : r.open)
        open.rows.push_back({case_text(c, r), c.item.case_number, w::open_status(c),
                             text::join(c.promises, " "), w::open_age(c), w::open_due(c),
                             c.overdue ? "ja" : "nej", w::theme_tags(c.item, r)});
    out.push_back(std::move(open));

    Table changes{"Ændringer", {"Ændring", "Sag", "Status", "Siden"}, {}};
    for (size_t i = 0; i < r.changes.closed.size(); ++i) {
        const auto& c = r.changes.closed[i];
        const auto& by = r.changes.closed_by[i];
        changes.rows.push_back({c.promises.empty() ? "afsluttet" : "løfte indfriet",
                                case_text(c, r), w::open_status(c),
                                w::item_where(by, r) + ", " + by.outcome_label});
    }
    for (const auto& c : r.changes.opened)
        changes.rows.push_back({"ny åben sag", case_text(c, r), w::open_status(c), ""});
    out.push_back(std::move(changes));

    Table milestones{"Milepæle", {"Tema", "Udvalg", "Hvornår", "Milepæl", "Status"}, {}};
    const auto milestone_row = [&](const query::ReportMilestone& m, const std::string& theme) {
        milestones.rows.push_back({theme, m.body, m.when, m.text, w::milestone_status(m)});
    };
    for (const auto& m : r.plan_milestones) milestone_row(m, "hele planen");
    for (const auto& t : r.themes)
        for (const auto& m : t.milestones)
            milestone_row(m, std::to_string(t.theme) + ". " + t.name);
    out.push_back(std::move(milestones));

    Table absences{
        "Fravær",
        {"Medlem", "Parti", "Møder med fravær", "Datoer", "Nævnt i citerede beslutninger"},
        {}};
    for (const auto& a : r.absences) {
        std::vector<std::string> dates, quoted;
        for (const auto& d : a.dates) dates.push_back(w::absence_date(d));
        for (const auto& d : a.quoted) quoted.push_back(w::absence_date(d));
        absences.rows.push_back({a.name, a.party, std::to_string(a.dates.size()),
                                 text::join(dates, ", "), text::join(quoted, ", ")});
    }
    out.push_back(std::move(absences));
    return out;
}

nlohmann::ordered_json item_json(const ReportItem& i) {
    nlohmann::ordered_json themes = nlohmann::ordered_json::array();
    for (const auto& t : i.themes)
        themes.push_back({{"theme_set", t.theme_set}, {"theme", t.theme}, {"name", t.name}});
    return {{"date", i.date},
            {"committee", i.committee},
            {"number", i.number},
            {"title", i.title},
            {"case_number", i.case_number},
            {"outcome", i.outcome_label},
            {"decision", i.decision},
            {"themes", themes}};
}

nlohmann::ordered_json open_json(const OpenCase& c) {
    return {
        {"item", item_json(c.item)},
        {"status", w::open_status(c)},
        {"awaiting", c.awaiting},
        {"promises", c.promises},
        {"since", c.since},
        {"age_days", c.age_days},
        {"due", c.due.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.due)},
        {"overdue", c.overdue}};
}

nlohmann::ordered_json milestone_json(const query::ReportMilestone& m) {
    return {{"body", m.body},
            {"when", m.when},
            {"text", m.text},
            {"from", m.from},
            {"to", m.to},
            {"status", m.status},
            {"met_by", m.met_by ? item_json(*m.met_by) : nlohmann::ordered_json(nullptr)}};
}

}  // namespace

std::string render_markdown(const QuarterReport& r) {
    std::string out = "# " + md_cell(w::heading(r)) + "\n\n" + md_cell(w::summary(r)) + "\n";
    const auto ts = tables(r);
    // The decisions read better as paragraphs than as a table with a long last column.
    for (const auto& t : ts) {
        out += "\n## " + t.name + "\n\n";
        if (t.name == "Ændringer")
            out += "Beslutninger om planens temaer siden " +
                   w::quarter(r.changes.previous_quarter) + ": " +
                   std::to_string(r.decisions.size()) +
                   " (forrige kvartal: " + std::to_string(r.changes.previous_decisions) + ").\n\n";
        if (t.name == "Beslutninger") {
            if (r.decisions.empty()) out += "_Ingen beslutninger i kvartalet._\n";
            for (const auto& i : r.decisions)
                out += "### " + md_cell(w::item_where(i, r)) + ": " + md_cell(i.title) +
                       "\n\nTemaer: " + md_cell(w::theme_tags(i, r)) +
                       "  \nUdfald: " + md_cell(i.outcome_label) +
                       (i.case_number.empty() ? "" : " · sagsnr. " + md_cell(i.case_number)) +
                       "\n\n" + md_cell(i.decision) + "\n\n";
            continue;
        }
        if (t.rows.empty()) {
            out += "_Ingen._\n";
            continue;
        }
        std::string header = "|", rule = "|";
        for (const auto& h : t.header) {
            header.append(" ").append(md_cell(h)).append(" |");
            rule += "---|";
        }
        out += header + "\n" + rule + "\n";
        for (const auto& row : t.rows) {
            out += "|";
            for (const auto& cell : row) out.append(" ").append(md_cell(cell)).append(" |");
            out += "\n";
        }
    }
    return out;
}

std::string render_csv(const QuarterReport& r) {
    // One file, every table in it: the table's name first in each row, then its columns.
    std::string out;
    for (const auto& t : tables(r)) {
        const auto row = [&](const std::string& table, const std::vector<std::string>& fields) {
            out += csv_field(table, true);
            for (const auto& f : fields) out += ',' + csv_field(f, true);
            out += '\n';
        };
        row("Tabel", t.header);
        for (const auto& r2 : t.rows) row(t.name, r2);
    }
    return out;
}

std::string render_json(const QuarterReport& r) {
    nlohmann::ordered_json themes = nlohmann::ordered_json::array();
    for (const auto& t : r.themes) {
        nlohmann::ordered_json per_month, milestones = nlohmann::ordered_json::array();
        for (size_t m = 0; m < r.months.size(); ++m) per_month[r.months[m]] = t.per_month[m];
        for (const auto& m : t.milestones) milestones.push_back(milestone_json(m));
        themes.push_back({{"theme_set", t.theme_set},
                          {"theme", t.theme},
                          {"name", t.name},
                          {"decisions", t.decisions},
                          {"per_month", per_month},
                          {"last_decision", t.last ? item_json(*t.last) : nlohmann::ordered_json()},
                          {"open", t.open},
                          {"milestones", milestones}});
    }
    nlohmann::ordered_json decisions = nlohmann::ordered_json::array(),
                           open = nlohmann::ordered_json::array(),
                           plan = nlohmann::ordered_json::array(),
                           closed = nlohmann::ordered_json::array(),
                           opened = nlohmann::ordered_json::array(),
                           absences = nlohmann::ordered_json::array();
    for (const auto& i : r.decisions) decisions.push_back(item_json(i));
    for (const auto& c : r.open) open.push_back(open_json(c));
    for (const auto& m : r.plan_milestones) plan.push_back(milestone_json(m));
    for (size_t i = 0; i < r.changes.closed.size(); ++i)
        closed.push_back({{"case", open_json(r.changes.closed[i])},
                          {"latest", item_json(r.changes.closed_by[i])}});
    for (const auto& c : r.changes.opened) opened.push_back(open_json(c));
    for (const auto& a : r.absences)
        absences.push_back(
            {{"name", a.name}, {"party", a.party}, {"dates", a.dates}, {"quoted", a.quoted}});
    return nlohmann::ordered_json{{"quarter", r.quarter},
                                  {"from", r.from},
                                  {"to", r.to},
                                  {"committee", r.committee ? nlohmann::ordered_json(*r.committee)
                                                            : nlohmann::ordered_json(nullptr)},
                                  {"meetings", r.meeting_dates},
                                  {"decisions", decisions},
                                  {"themes", themes},
                                  {"plan_milestones", plan},
                                  {"open", open},
                                  {"changes",
                                   {{"previous_quarter", r.changes.previous_quarter},
                                    {"previous_decisions", r.changes.previous_decisions},
                                    {"closed", closed},
                                    {"opened", opened}}},
                                  {"absences", absences}}
               .dump(1) +
           "\n";
}

std::string render_xlsx(const QuarterReport& r) {
    static const auto module = install_paths::open_module<XlsxEntry>(
        REFERAT_XLSX_MODULE_FROM_BIN, REFERAT_XLSX_MODULE, REFERAT_BUILD_DIR, kXlsxEntrySymbol);
    if (!module.entry) throw std::runtime_error("xlsx: the workbook module: " + module.missing);
    return module.entry->write(Workbook{w::heading(r), w::summary(r), tables(r)});
}

}  // namespace referat::cli
