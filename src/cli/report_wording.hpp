// The Danish wording every rendering of the quarterly report shares (report_wording.cpp): dates,
// the quarter, an open case's status and a milestone's status, so html, md, csv and xlsx say the
// same thing in the same words.
#pragma once

#include <string>
#include <vector>

#include "query/report.hpp"

namespace referat::cli::report_wording {

// "2020-08-31" → "31. august 2020"; "2020-09" → "september 2020"; other text as it is.
std::string date(const std::string& iso);
// "2020Q3" → "3. kvartal 2020".
std::string quarter(const std::string& label);
// "Opfølgning 3. kvartal 2020 – Børn, Unge og Læring".
std::string heading(const query::QuarterReport& r);
// "pkt. 213 Rapport fra …".
std::string item_label(const query::ReportItem& i);
// "31. august 2020, Børn, Unge og Læring, pkt. 213" (the committee left out when it is the
// report's).
std::string item_where(const query::ReportItem& i, const query::QuarterReport& r);
// "1. Governance for udviklingsplanen; 2. Effektmåling"; "alle 10 temaer i Udviklingsplan 2 – …"
// for an item linked to every theme of a plan (a decision adopting the whole plan).
std::string theme_tags(const query::ReportItem& i, const query::QuarterReport& r);
// "udsat", "afventer Økonomiudvalget (ØU), Kommunalbestyrelsen (KB)", "løfte om at vende
// tilbage", joined with "; " when a case is several of them.
std::string open_status(const query::OpenCase& c);
// "lovet senest 30. september 2020", "overskredet: lovet senest …", "" when no date is promised.
std::string open_due(const query::OpenCase& c);
// "113 dage (siden 9. juni 2020)".
std::string open_age(const query::OpenCase& c);
// "nået 31. august 2020 (pkt. 213)", "forfalder 30. juni 2021", "overskredet (frist …)",
// "kommende (frist …)".
std::string milestone_status(const query::ReportMilestone& m);
// "hvert kvartal"/the period, the body and the text: "Kommunalbestyrelsen, forår 2021: KB status".
std::string milestone_label(const query::ReportMilestone& m);
// "31. august 2020" or "31. august 2020 (Direktionen)" for a stored absence "date|body".
std::string absence_date(const std::string& entry);
// "1 møde" / "2 møder".
std::string count(size_t n, const char* one, const char* many);
// One line: the meetings, the decisions and the open cases of the quarter.
std::string summary(const query::QuarterReport& r);
// "31. august 2020, pkt. 213": the latest decision of a theme (listed in full elsewhere), or
// "ingen".
std::string last_decision(const query::ReportTheme& t);

}  // namespace referat::cli::report_wording
