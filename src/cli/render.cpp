// Rendering for the command line. The stages return plain data (ingest::FileResult,
// query::ItemView, query::CaseView, ...); how it looks on a terminal, in a spreadsheet or to a
// program reading JSON is decided here, in one place.
#include "cli/render.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "cli/text_layout.hpp"
#include "util/text.hpp"

namespace referat::cli {

namespace {

using nlohmann::ordered_json;

ordered_json optional_json(const std::optional<std::string>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

std::string person(const query::Person& p) {
    return p.party ? p.name + " (" + *p.party + ")" : p.name;
}

// "absent: ..." and "partly present: ..." lines.
std::string absences_text(const query::Absences& a, std::string_view indent) {
    std::string absent, partial;
    for (const auto& p : a.absent) absent += (absent.empty() ? "" : ", ") + person(p);
    for (const auto& p : a.partly_present) {
        partial += (partial.empty() ? "" : ", ") + person(p);
        if (p.note) partial += ": " + *p.note;
    }
    std::string out;
    if (!absent.empty()) out += wrap("absent: " + absent, indent);
    if (!partial.empty()) out += wrap("partly present: " + partial, indent);
    return out;
}

ordered_json absences_json(const query::Absences& a) {
    const auto people = [](const std::vector<query::Person>& list) {
        ordered_json out = ordered_json::array();
        for (const auto& p : list)
            out.push_back({{"name", p.name},
                           {"party", optional_json(p.party)},
                           {"note", optional_json(p.note)}});
        return out;
    };
    return {{"absent", people(a.absent)}, {"partly_present", people(a.partly_present)}};
}

ordered_json points_json(const std::vector<query::Point>& points) {
    ordered_json out = ordered_json::array();
    for (const auto& p : points) {
        ordered_json j{{"n", p.n}, {"text", p.text}};
        if (p.outcome) j["outcome"] = *p.outcome;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

std::string ingest_line(const ingest::FileResult& r) {
    using ingest::Outcome;
    if (r.outcome == Outcome::Failed) return text::printable(r.file + ": " + r.reason);
    std::string line = r.file + ": ";
    std::string note;
    switch (r.outcome) {
        case Outcome::Stored:
            line += "stored";
            // Nothing is replaced on a guess: say which other minutes claim the meeting.
            if (!r.beside.empty())
                note = "; kept beside " + text::join(r.beside, ", ") +
                       ": the same committee and date, other items";
            break;
        case Outcome::Unchanged:
            line += "unchanged";
            break;
        case Outcome::Replaced:
            line += "replaced";
            for (const auto& replaced : r.replaced)
                note += "; replaces " + replaced.source + ": " + replaced.why;
            break;
        case Outcome::Failed:
            break;
    }
    line += " (" + r.committee.value_or("?") + ", " + r.date.value_or("no date") + ", " +
            std::to_string(r.items) + " items" + note + ")";
    return text::printable(line);
}

std::string ingest_summary(const ingest::Summary& s, const std::string& db_path) {
    // Files an interruption left are not failures; those a stop left are.
    const int failed = s.failed + (s.interrupted ? 0 : s.not_stored);
    std::string line = "ingest: " + std::to_string(s.stored) + " stored, " +
                       std::to_string(s.replaced) + " replaced, " + std::to_string(s.unchanged) +
                       " unchanged, " + std::to_string(failed) + " failed";
    if (s.interrupted) line += ", " + std::to_string(s.not_stored) + " not stored (interrupted)";
    return line + " → " + text::printable(db_path) + "\n";
}

std::string hits_json(const query::SearchResult& result) {
    std::string out;
    for (const auto& h : result.hits) {
        nlohmann::ordered_json j{{"id", h.id},
                                 {"date", h.date},
                                 {"committee", h.committee},
                                 {"number", h.number},
                                 {"title", text::collapse(h.title)},
                                 {"section", h.section},
                                 {"snippet", h.snippet},
                                 {"outcome", nullptr},
                                 {"total", result.total},
                                 {"total_capped", result.total_capped}};
        if (h.outcome) j["outcome"] = *h.outcome;
        out += j.dump() + "\n";
    }
    return out;
}

std::string hits_csv(const query::SearchResult& result) {
    std::string out = "id,date,committee,number,title,section,snippet,outcome,total,total_capped\n";
    for (const auto& h : result.hits) {
        const std::string row[] = {std::to_string(h.id),
                                   h.date,
                                   h.committee,
                                   std::to_string(h.number),
                                   text::collapse(h.title),
                                   h.section,
                                   h.snippet,
                                   h.outcome.value_or(""),
                                   std::to_string(result.total),
                                   result.total_capped ? "true" : "false"};
        for (size_t i = 0; i < std::size(row); ++i) {
            if (i) out += ',';
            out += csv_field(row[i]);
        }
        out += '\n';
    }
    return out;
}

std::string matches_line(const query::SearchResult& result, int offset) {
    const auto shown = static_cast<long long>(result.hits.size());
    const auto range = offset > 0 && shown > 0
                           ? std::to_string(offset + 1) + "–" + std::to_string(offset + shown)
                           : std::to_string(shown);
    return range + " of " + (result.total_capped ? "more than " : "") +
           std::to_string(result.total) +
           (result.total == 1 && !result.total_capped ? " match" : " matches");
}

std::string item_text(const query::ItemView& v) {
    std::string out = "item " + v.number + ": " + text::collapse(v.title) + "\n";
    std::string meeting = v.committee;
    for (const auto& part : {v.date, v.municipality})
        if (part) meeting += (meeting.empty() ? "" : ", ") + *part;
    out += "meeting: " + meeting + "\n";
    out += "source: " + v.source + (v.page ? ", page " + std::to_string(*v.page) : "") + "\n";
    out += std::string("closed: ") + (v.closed ? "yes" : "no") + "\n";
    if (v.case_number) out += "case number: " + *v.case_number + "\n";
    if (!v.attachments.empty()) {
        out += "attachments:\n";
        for (const auto& a : v.attachments) out += "  - " + a + "\n";
    }
    if (v.resume) out += "\nResume\n" + wrap(*v.resume, "  ");
    if (v.recommendation) {
        out += "\nIndstilling\n";
        for (const auto& [value, label] :
             {std::pair{&v.recommendation_by, "by"}, std::pair{&v.recommendation_to, "to"},
              std::pair{&v.recommendation_via, "via"}})
            if (*value) out += "  " + std::string(label) + ": " + **value + "\n";
        out += wrap(*v.recommendation, "  ");
        for (const auto& p : v.recommendation_points) out += wrap(p.n + ". " + p.text, "    ");
    }
    if (v.decision) {
        out += "\nBeslutning" + (v.decision_outcome ? " (" + *v.decision_outcome + ")" : "") + "\n";
        out += wrap(*v.decision, "  ");
        for (const auto& p : v.decision_points)
            out += wrap(p.n + ". " + p.text + (p.outcome ? " (" + *p.outcome + ")" : ""), "    ");
        if (v.votes_text) {
            std::string line, side;
            for (const auto& vote : v.votes) {
                if (vote.side != side) {
                    side = vote.side;
                    line += (line.empty() ? "" : "; ") + side + " ";
                } else {
                    line += ", ";
                }
                line += vote.party;
            }
            out += "  votes: " + (line.empty() ? "-" : line) + "\n";
            if (!v.votes_text->empty()) out += wrap(*v.votes_text, "    ");
        }
        out += absences_text(v.decision_absences, "  ");
    }
    if (const auto a = absences_text(v.meeting_absences, "  "); !a.empty())
        out += "\nMeeting\n" + a;
    for (size_t i = 0; i < v.history.size(); ++i) {
        const auto& h = v.history[i];
        if (i == 0) out += "\nHistory\n";
        std::string head = h.body;
        if (h.date) head += (head.empty() ? "" : ", ") + *h.date;
        if (h.item_number)
            head += (head.empty() ? "" : ", ") + std::string("pkt. ") + *h.item_number;
        out += "  " + head + "\n" + wrap(h.text, "    ");
        out += absences_text(h.absences, "    ");
    }
    if (v.case_text) out += "\nSagsfremstilling\n" + wrap(*v.case_text, "  ");
    return out;
}

std::string item_json(const query::ItemView& v) {
    ordered_json votes = ordered_json::array();
    for (const auto& vote : v.votes) votes.push_back({{"side", vote.side}, {"party", vote.party}});
    ordered_json history = ordered_json::array();
    for (const auto& h : v.history)
        history.push_back({{"body", h.body},
                           {"date", optional_json(h.date)},
                           {"item_number", optional_json(h.item_number)},
                           {"text", h.text},
                           {"absences", absences_json(h.absences)}});
    ordered_json themes = ordered_json::array();
    for (const auto& t : v.themes)
        themes.push_back({{"theme_set", t.theme_set}, {"theme", t.theme}, {"name", t.name}});
    const ordered_json j{{"id", v.id},
                         {"number", v.number},
                         {"title", text::collapse(v.title)},
                         {"committee", v.committee},
                         {"date", optional_json(v.date)},
                         {"municipality", optional_json(v.municipality)},
                         {"source", v.source},
                         {"page", v.page ? ordered_json(*v.page) : ordered_json(nullptr)},
                         {"closed", v.closed},
                         {"case_number", optional_json(v.case_number)},
                         {"attachments", v.attachments},
                         {"resume", optional_json(v.resume)},
                         {"recommendation",
                          {{"text", optional_json(v.recommendation)},
                           {"by", optional_json(v.recommendation_by)},
                           {"to", optional_json(v.recommendation_to)},
                           {"via", optional_json(v.recommendation_via)},
                           {"points", points_json(v.recommendation_points)}}},
                         {"decision",
                          {{"text", optional_json(v.decision)},
                           {"outcome", optional_json(v.decision_outcome)},
                           {"points", points_json(v.decision_points)},
                           {"votes_text", optional_json(v.votes_text)},
                           {"votes", votes},
                           {"absences", absences_json(v.decision_absences)}}},
                         {"meeting_absences", absences_json(v.meeting_absences)},
                         {"history", history},
                         {"case_text", optional_json(v.case_text)},
                         {"case", v.case_id ? ordered_json(*v.case_id) : ordered_json(nullptr)},
                         {"themes", themes}};
    return j.dump() + "\n";
}

std::string case_json(const query::CaseView& c) {
    ordered_json timeline = ordered_json::array();
    for (const auto& e : c.timeline)
        timeline.push_back(
            {{"item", e.item_id ? ordered_json(*e.item_id) : ordered_json(nullptr)},
             {"date", e.date.empty() ? ordered_json(nullptr) : ordered_json(e.date)},
             {"body", e.body},
             {"number", e.number ? ordered_json(*e.number) : ordered_json(nullptr)},
             {"title", e.title},
             {"outcome", e.outcome.empty() ? ordered_json(nullptr) : ordered_json(e.outcome)},
             {"text", e.text},
             {"absent", e.absent},
             {"source", e.source},
             {"page", e.page > 0 ? ordered_json(e.page) : ordered_json(nullptr)},
             {"quoted_in", e.quoted_in.empty() ? ordered_json(nullptr) : ordered_json(e.quoted_in)},
             {"joins", e.joins}});
    const ordered_json j{{"id", c.id},
                         {"key", c.key},
                         {"title", text::collapse(c.title)},
                         {"case_number", optional_json(c.case_number)},
                         {"state", c.state},
                         {"awaiting", c.awaiting},
                         {"open_promises", c.open_promises},
                         {"timeline", timeline}};
    return j.dump() + "\n";
}

std::string theme_counts_json(const std::vector<query::ThemeCount>& counts) {
    std::string out;
    for (size_t i = 0; i < counts.size();) {
        const auto* set = counts[i].set;
        ordered_json themes = ordered_json::array();
        for (; i < counts.size() && counts[i].set == set; ++i)
            themes.push_back({{"theme", counts[i].theme->number},
                              {"name", counts[i].theme->name},
                              {"items", counts[i].items}});
        const ordered_json j{{"theme_set", set->id},
                             {"name", set->name},
                             {"municipality", set->municipality},
                             {"committees", set->committees},
                             {"threshold", set->threshold},
                             {"themes", themes}};
        out += j.dump() + "\n";
    }
    return out;
}

}  // namespace referat::cli
