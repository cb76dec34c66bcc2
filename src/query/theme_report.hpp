// Reading theme links back: why one item got its themes, and which it has.
#pragma once

#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::query {

// One theme as scored for an item, with the stored phrases behind the score.
struct ThemeScore {
    const rules::Theme* theme;
    double score = 0, threshold = 0;
    bool linked = false;
    struct Evidence {
        std::string section, phrase;
        double points = 0;
    };
    std::vector<Evidence> evidence;  // most points first
};

// For one item: every theme of the sets that apply to its meeting, with the stored evidence and
// the score against the threshold (a theme never scored has 0 against the set's threshold).
struct ItemThemes {
    std::string number, title, committee, date, municipality;
    struct Set {
        const rules::ThemeSet* set;
        std::vector<ThemeScore> themes;
    };
    std::vector<Set> sets;  // empty: no theme set applies to the meeting
};
// Throws QueryError for an unknown id.
ItemThemes explain_item(store::Database& db, long long id, const rules::Rules& rules);

// The linked themes of one item ("3 Ledelsesinformation"), for `referat show`.
std::vector<std::string> linked_themes(store::Database& db, long long id);

}  // namespace referat::query
