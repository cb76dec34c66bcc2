// Decisions of other bodies and earlier meetings quoted in an item: their body, date, item
// number, text and absences. A quoted line with no decision text under it is a bare reference to
// an earlier meeting, not history.
#include "parse/internal.hpp"
#include "parse/parse.hpp"
#include "util/text.hpp"

namespace referat::parse::detail {

// Longer than any body's name: a sentence that ends in a date.
constexpr size_t kMaxBody = 100;

HistoryEntry history_entry(const std::string& body, const std::optional<std::string>& date,
                           std::optional<int> item, const std::vector<std::string>& lines,
                           const Rules& rules) {
    HistoryEntry h;
    h.body = body_name(body, rules);
    h.date = date;
    h.item = item;
    auto a = take_attendance(lines, rules, AttendanceIn::History);
    h.text = collapse_lines(a.kept);
    h.absent = a.absent;
    h.outcome = classify_text(h.text, rules);
    return h;
}

std::vector<HistoryEntry> history_entries(const std::vector<std::string>& lines, const Rules& rules,
                                          std::vector<std::string>& narrative) {
    struct Open {
        std::string body, date;
        std::optional<int> item;
        std::vector<std::string> lines;
        bool table = false;  // a "Sagsforløb" row block: its Dato and Punktnummer rows follow
    };
    std::vector<Open> open;
    auto to_int = [](const std::string& s) -> std::optional<int> {
        if (s.empty() || s.size() > 6) return std::nullopt;
        return std::stoi(s);
    };
    for (const auto& line : lines) {
        if (auto g = rules.first_match("history.entry", line, true);
            g && (*g)["body"].size() <= kMaxBody) {
            open.push_back({(*g)["body"], (*g)["date"], to_int((*g)["item"]), {}, false});
            continue;
        }
        if (auto g = rules.first_match("history.body", line, true)) {
            open.push_back({(*g)["body"], "", std::nullopt, {}, true});
            continue;
        }
        if (!open.empty() && open.back().table && open.back().lines.empty()) {
            if (auto g = rules.first_match("history.date", line, true)) {
                open.back().date = (*g)["date"];
                continue;
            }
            if (auto g = rules.first_match("history.item", line, true)) {
                open.back().item = to_int((*g)["item"]);
                continue;
            }
        }
        if (open.empty())
            narrative.push_back(line);
        else if (!line.empty() || !open.back().lines.empty())
            open.back().lines.push_back(line);
    }
    std::vector<HistoryEntry> entries;
    for (const auto& o : open) {
        auto h = history_entry(o.body, parse_date(o.date, rules), o.item, o.lines, rules);
        if (!text::is_blank_or_punct(h.text)) entries.push_back(std::move(h));
    }
    return entries;
}

}  // namespace referat::parse::detail
