// The theme report over stored links: counts per theme and, for one item, the scores that
// explain its themes. Reads only; the links are written by the store.
#include "query/theme_report.hpp"

#include <cstdio>
#include <map>

#include "query/query.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

struct StoredScore {
    double score = 0, threshold = 0;
    bool linked = false;
};

}  // namespace

std::string format_theme_list(store::Database& db, const rules::Rules& rules) {
    if (rules.theme_sets().empty()) return "no theme sets in patterns/themes\n";
    Statement counts(db.handle(),
                     "SELECT theme, count(*) FROM item_themes WHERE theme_set = ?1 AND linked "
                     "GROUP BY theme");
    std::string out;
    for (const auto& set : rules.theme_sets()) {
        std::map<long long, long long> linked;
        counts.bind(1, set.id);
        while (counts.step()) linked[counts.column_int(0)] = counts.column_int(1);
        counts.reset();
        out += set.id + ": " + set.name + " (" + set.municipality;
        if (!set.committees.empty()) out += ": " + text::join(set.committees, ", ");
        out += "; threshold " + number(set.threshold) + ")\n  theme  items  name\n";
        for (const auto& t : set.themes) {
            char line[64];
            std::snprintf(line, sizeof line, "  %5d  %5lld  ", t.number, linked[t.number]);
            out += line + t.name + "\n";
        }
    }
    return out;
}

std::string explain_item(store::Database& db, long long id, const rules::Rules& rules) {
    sqlite3* h = db.handle();
    Statement item(h,
                   "SELECT i.number, i.title, m.municipality, m.committee, m.date FROM items i "
                   "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1");
    if (!item.bind(1, id).step()) throw QueryError("no item with id " + std::to_string(id));
    const auto municipality = item.column_text(2), committee = item.column_text(3);
    std::string out = "item " + item.column_text(0) + ": " + text::collapse(item.column_text(1)) +
                      "\nmeeting: " + committee + ", " + item.column_text(4) +
                      (municipality.empty() ? "" : ", " + municipality) + "\n";

    Statement scores(h,
                     "SELECT theme, score, threshold, linked FROM item_themes "
                     "WHERE item_id = ?1 AND theme_set = ?2");
    Statement evidence(h,
                       "SELECT section, phrase, points FROM theme_evidence WHERE item_id = ?1 "
                       "AND theme_set = ?2 AND theme = ?3 ORDER BY points DESC, rowid");
    bool any_set = false;
    for (const auto& set : rules.theme_sets()) {
        if (!set.applies_to(municipality, committee)) continue;
        any_set = true;
        std::map<long long, StoredScore> stored;
        scores.bind(1, id).bind(2, set.id);
        while (scores.step())
            stored[scores.column_int(0)] = {scores.column_double(1), scores.column_double(2),
                                            scores.column_int(3) != 0};
        scores.reset();
        out += "\n" + set.id + ": " + set.name + "\n";
        for (const auto& t : set.themes) {
            const auto it = stored.find(t.number);
            const StoredScore s =
                it == stored.end() ? StoredScore{0, set.threshold, false} : it->second;
            out += "  " + std::to_string(t.number) + " " + t.name + ": " + number(s.score) + " / " +
                   number(s.threshold) + (s.linked ? "  linked" : "  not linked") + "\n";
            evidence.bind(1, id).bind(2, set.id).bind(3, t.number);
            while (evidence.step())
                out += "      " + number(evidence.column_double(2)) + "  " +
                       evidence.column_text(0) + ": \"" + evidence.column_text(1) + "\"\n";
            evidence.reset();
        }
    }
    if (!any_set)
        out += "\nno theme set applies to " + (municipality.empty() ? "?" : municipality) + " / " +
               (committee.empty() ? "?" : committee) + "\n";
    return out;
}

std::string linked_themes_line(store::Database& db, long long id) {
    Statement linked(db.handle(),
                     "SELECT theme, name FROM item_themes WHERE item_id = ?1 AND linked "
                     "ORDER BY theme_set, theme");
    linked.bind(1, id);
    std::vector<std::string> names;
    while (linked.step()) names.push_back(linked.column_text(0) + " " + linked.column_text(1));
    return names.empty() ? "" : "themes: " + text::join(names, "; ") + "\n";
}

}  // namespace referat::query
