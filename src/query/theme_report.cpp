// The theme links read back: for one item, the scores and phrases that explain its themes.
// Reads only; the links are written by the store.
#include "query/theme_report.hpp"

#include <map>

#include "query/query.hpp"
#include "util/text.hpp"

namespace referat::query {

namespace {

using store::Statement;

}  // namespace

ItemThemes explain_item(store::Database& db, long long id, const rules::Rules& rules) {
    sqlite3* h = db.handle();
    Statement item(h,
                   "SELECT i.number, i.title, m.municipality, m.committee, m.date FROM items i "
                   "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?1");
    if (!item.bind(1, id).step()) throw QueryError("no item with id " + std::to_string(id));
    ItemThemes out;
    out.number = item.column_text(0);
    out.title = text::collapse(item.column_text(1));
    out.municipality = item.column_text(2);
    out.committee = item.column_text(3);
    out.date = item.column_text(4);

    Statement scores(h,
                     "SELECT theme, score, threshold, linked FROM item_themes "
                     "WHERE item_id = ?1 AND theme_set = ?2");
    Statement evidence(h,
                       "SELECT section, phrase, points FROM theme_evidence WHERE item_id = ?1 "
                       "AND theme_set = ?2 AND theme = ?3 ORDER BY points DESC, rowid");
    for (const auto& set : rules.theme_sets()) {
        if (!set.applies_to(out.municipality, out.committee)) continue;
        std::map<long long, ThemeScore> stored;
        scores.bind(1, id).bind(2, set.id);
        while (scores.step())
            stored[scores.column_int(0)] = {nullptr,
                                            scores.column_double(1),
                                            scores.column_double(2),
                                            scores.column_int(3) != 0,
                                            {}};
        scores.reset();
        ItemThemes::Set scored{&set, {}};
        for (const auto& t : set.themes) {
            const auto it = stored.find(t.number);
            ThemeScore s =
                it == stored.end() ? ThemeScore{nullptr, 0, set.threshold, false, {}} : it->second;
            s.theme = &t;
            evidence.bind(1, id).bind(2, set.id).bind(3, t.number);
            while (evidence.step())
                s.evidence.push_back(
                    {evidence.column_text(0), evidence.column_text(1), evidence.column_double(2)});
            evidence.reset();
            scored.themes.push_back(std::move(s));
        }
        out.sets.push_back(std::move(scored));
    }
    return out;
}

std::vector<std::string> linked_themes(store::Database& db, long long id) {
    Statement linked(db.handle(),
                     "SELECT theme, name FROM item_themes WHERE item_id = ?1 AND linked "
                     "ORDER BY theme_set, theme");
    linked.bind(1, id);
    std::vector<std::string> names;
    while (linked.step()) names.push_back(linked.column_text(0) + " " + linked.column_text(1));
    return names;
}

}  // namespace referat::query
