// The report speaks Danish whatever the municipality, so its own labels live here; what varies
// between municipalities (the outcome labels) comes with the data from patterns/.
#include "cli/report_wording.hpp"

#include <algorithm>
#include <cstdio>

#include "util/text.hpp"

namespace referat::cli::report_wording {

namespace {

const char* const kMonths[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                               "juli",   "august",  "september", "oktober", "november", "december"};

}  // namespace

std::string date(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    char rest = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && m >= 1 && m <= 12)
        return std::to_string(d) + ". " + kMonths[m - 1] + " " + std::to_string(y);
    if (std::sscanf(iso.c_str(), "%4d-%2d%c", &y, &m, &rest) == 2 && m >= 1 && m <= 12 &&
        iso.size() == 7)
        return std::string(kMonths[m - 1]) + " " + std::to_string(y);
    return iso;
}

std::string quarter(const std::string& label) {
    if (label.size() == 6 && label[4] == 'Q')
        return std::string(1, label[5]) + ". kvartal " + label.substr(0, 4);
    return label;
}

std::string heading(const query::QuarterReport& r) {
    return "Opfølgning " + quarter(r.quarter) + (r.committee ? " – " + *r.committee : "");
}

std::string item_label(const query::ReportItem& i) {
    return "pkt. " + std::to_string(i.number) + " " + text::collapse(i.title);
}

std::string item_where(const query::ReportItem& i, const query::QuarterReport& r) {
    std::string s = date(i.date);
    if (!r.committee || text::fold(*r.committee) != text::fold(i.committee))
        s += ", " + text::collapse(i.committee);
    return s + ", pkt. " + std::to_string(i.number);
}

std::string theme_tags(const query::ReportItem& i, const query::QuarterReport& r) {
    std::vector<std::string> tags;
    for (size_t k = 0; k < i.themes.size();) {
        const auto& set = i.themes[k].theme_set;
        size_t end = k;
        while (end < i.themes.size() && i.themes[end].theme_set == set) ++end;
        const auto in_set =
            std::count_if(r.themes.begin(), r.themes.end(),
                          [&](const query::ReportTheme& t) { return t.theme_set == set; });
        if (in_set > 1 && static_cast<size_t>(in_set) == end - k) {
            const auto plan =
                std::find_if(r.themes.begin(), r.themes.end(),
                             [&](const query::ReportTheme& t) { return t.theme_set == set; });
            tags.push_back("alle " + std::to_string(in_set) + " temaer i " + plan->theme_set_name);
        } else {
            for (size_t j = k; j < end; ++j)
                tags.push_back(std::to_string(i.themes[j].theme) + ". " + i.themes[j].name);
        }
        k = end;
    }
    return text::join(tags, "; ");
}

std::string open_status(const query::OpenCase& c) {
    std::vector<std::string> parts;
    if (c.state == "postponed") parts.push_back("udsat");
    if (!c.awaiting.empty()) parts.push_back("afventer " + text::join(c.awaiting, ", "));
    if (!c.promises.empty()) parts.push_back("løfte om at vende tilbage");
    return text::join(parts, "; ");
}

std::string open_due(const query::OpenCase& c) {
    if (c.due.empty()) return "";
    return (c.overdue ? "overskredet: lovet senest " : "lovet senest ") + date(c.due);
}

std::string open_age(const query::OpenCase& c) {
    return count(static_cast<size_t>(c.age_days), "dag", "dage") + " (siden " + date(c.since) + ")";
}

std::string milestone_status(const query::ReportMilestone& m) {
    if (m.status == "met" && m.met_by)
        return "nået " + date(m.met_by->date) + " (pkt. " + std::to_string(m.met_by->number) + ")";
    if (m.status == "overdue") return "overskredet (frist " + date(m.to) + ")";
    if (m.status == "due") return "forfalder " + date(m.to);
    return "kommende (frist " + date(m.to) + ")";
}

std::string milestone_label(const query::ReportMilestone& m) {
    return m.body + ", " + m.when + ": " + m.text;
}

std::string absence_date(const std::string& entry) {
    const auto bar = entry.find('|');
    if (bar == std::string::npos) return date(entry);
    return date(entry.substr(0, bar)) + " (" + entry.substr(bar + 1) + ")";
}

std::string count(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string summary(const query::QuarterReport& r) {
    std::string s;
    if (r.meetings == 0) {
        s = "Ingen møder i " + quarter(r.quarter) + " (" + date(r.from) + " – " + date(r.to) + ")";
    } else {
        std::vector<std::string> dates;
        for (const auto& d : r.meeting_dates) dates.push_back(date(d));
        s = count(static_cast<size_t>(r.meetings), "møde", "møder") + " (" +
            text::join(dates, ", ") + ")";
    }
    size_t overdue = 0;
    for (const auto& c : r.open) overdue += c.overdue;
    return s + "; " +
           count(r.decisions.size(), "beslutning om planens temaer",
                 "beslutninger om planens temaer") +
           "; " + count(r.open.size(), "åben sag", "åbne sager") + " ved kvartalets udgang" +
           (overdue ? ", heraf " + std::to_string(overdue) + " med overskredet frist" : "") + ".";
}

std::string last_decision(const query::ReportTheme& t) {
    if (!t.last) return "ingen";
    return date(t.last->date) + ", pkt. " + std::to_string(t.last->number);
}

}  // namespace referat::cli::report_wording
