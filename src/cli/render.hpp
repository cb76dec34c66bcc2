// What the commands print: the data the ingest and query stages return, as text, CSV or JSON.
#pragma once

#include <string>
#include <vector>

#include "ingest/ingest.hpp"
#include "query/case.hpp"
#include "query/query.hpp"
#include "query/report.hpp"
#include "query/theme_report.hpp"

namespace referat::cli {

// "file: stored (BUL, 2020-08-31, 12 items)", or for a failure "file: reason". No line break.
std::string ingest_line(const ingest::FileResult& result);
// "ingest: 3 stored, 0 replaced, 0 unchanged, 1 failed → db", with a line break.
std::string ingest_summary(const ingest::Summary& summary, const std::string& db_path);

// Search hits as an aligned table (id, date, committee, number, title, section, snippet; "no
// matches" when empty), and the same table grouped under one line per case (render_text.cpp).
// With `columns` (a terminal's width) the snippets are cut so that the lines fit.
std::string format_hits(const std::vector<query::Hit>& hits, size_t columns = 0);
std::string format_hits_by_case(const std::vector<query::CaseHits>& groups, size_t columns = 0);
// A case's timeline as text: a header with the state, then one block per entry.
std::string format_case(const query::CaseView& c);
// `referat show`'s line naming the item's case ("" when it has none) and its linked themes.
std::string case_line(const std::optional<query::CaseSize>& c, long long item_id);
std::string linked_themes_line(const std::vector<std::string>& names);
// `referat themes list` and `themes explain` as text.
std::string format_theme_list(const std::vector<query::ThemeCount>& counts);
std::string format_item_themes(const query::ItemThemes& item);

// Search hits: one JSON object per line and hit; CSV with a header line (RFC 4180). Each hit
// carries the search's total (and total_capped: more than total match).
std::string hits_json(const query::SearchResult& result);
std::string hits_csv(const query::SearchResult& result);
// How many hits of how many matches: "20 of 180 matches", "21–40 of 180 matches" (from offset
// 20), "20 of more than 2000 matches" (counting stopped).
std::string matches_line(const query::SearchResult& result, int offset);

// `referat show`: the item in full (text), or one JSON object.
std::string item_text(const query::ItemView& item);
std::string item_json(const query::ItemView& item);

// `referat case --json`: the case with its state and timeline, one JSON object.
std::string case_json(const query::CaseView& c);

// `referat themes list --json`: one JSON object per theme set, its themes with their item counts.
std::string theme_counts_json(const std::vector<query::ThemeCount>& counts);

// The quarterly report (report_render.cpp) as Markdown; as one self-contained page (inline CSS and
// SVG chart, no scripts, every document text escaped); as CSV; as JSON.
std::string render_markdown(const query::QuarterReport& report);
std::string render_html(const query::QuarterReport& report);
std::string render_csv(const query::QuarterReport& report);
std::string render_json(const query::QuarterReport& report);

}  // namespace referat::cli
