// The pages of `referat serve`, server-rendered, in Danish, without scripts: headings in order,
// a label for every field, lists and tables for what is a list or a table, and a print style.
#include "web/pages.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "util/text.hpp"
#include "web/html.hpp"

namespace referat::web {

namespace {

using query::Absences;

constexpr size_t kCommitteeChoices = 100;
using query::Person;

std::string e(std::string_view s) {
    return text::html_escape(s);
}

// Text of the minutes: one paragraph, spacing collapsed.
std::string para(std::string_view s) {
    return "<p>" + e(text::collapse(s)) + "</p>\n";
}

std::string item_href(long long id) {
    return "/punkt?id=" + std::to_string(id);
}

std::string person_link(const Person& p) {
    std::string out =
        "<a href=\"/person" + query_string({{"navn", p.name}}) + "\">" + e(p.name) + "</a>";
    if (p.party) out += " (" + e(*p.party) + ")";
    if (p.note) out += ", " + e(*p.note);
    return out;
}

std::string people_list(const std::vector<Person>& people) {
    std::string out;
    for (size_t i = 0; i < people.size(); ++i) out += (i ? ", " : "") + person_link(people[i]);
    return out;
}

std::string absences_html(const Absences& a) {
    std::string out;
    if (!a.absent.empty()) out += "<p>Fraværende: " + people_list(a.absent) + "</p>\n";
    if (!a.partly_present.empty())
        out += "<p>Delvis til stede: " + people_list(a.partly_present) + "</p>\n";
    return out;
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

// "pkt. 213" and the title, as an item is named everywhere.
std::string item_name(long long number, std::string_view title) {
    return "pkt. " + std::to_string(number) + " " + e(text::collapse(title));
}

std::string outcome_tag(const std::optional<std::string>& outcome) {
    if (!outcome || outcome->empty()) return "";
    return " <span class=\"tag\">" + e(outcome_label(*outcome)) + "</span>";
}

// The snippet with the matched words marked (in place of the CLI's brackets); the rest escaped.
std::string snippet_html(const query::Hit& hit) {
    const std::string_view s = hit.snippet;
    std::string out;
    size_t at = 0;
    for (const auto& [from, to] : hit.marks) {
        if (from < at || to > s.size() || to < from + 2) continue;
        out += e(s.substr(at, from - at));
        out += "<mark>" + e(s.substr(from + 1, to - from - 2)) + "</mark>";
        at = to;
    }
    return out + e(s.substr(at));
}

std::string select(const std::string& id, const std::string& name, const std::string& label,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& chosen) {
    std::string out = "<div><label for=\"" + id + "\">" + label + "</label><select id=\"" + id +
                      "\" name=\"" + name + "\">";
    for (const auto& [value, text] : options)
        out += "<option value=\"" + e(value) + "\"" + (value == chosen ? " selected" : "") + ">" +
               e(text) + "</option>";
    return out + "</select></div>";
}

std::string input(const std::string& id, const std::string& name, const std::string& label,
                  const std::string& type, const std::string& value,
                  const std::string& extra = "") {
    return "<div><label for=\"" + id + "\">" + label + "</label><input id=\"" + id + "\" name=\"" +
           name + "\" type=\"" + type + "\" value=\"" + e(value) + "\"" + extra + "></div>";
}

std::string search_params(const SearchForm& f, int page) {
    return query_string({{"q", f.q},
                         {"udvalg", f.committee},
                         {"fra", f.from},
                         {"til", f.to},
                         {"afsnit", f.section == "all" ? "" : f.section},
                         {"udfald", f.outcome},
                         {"tema", f.theme},
                         {"fravaer", f.absent},
                         {"orden", f.newest ? "nyeste" : ""},
                         {"side", page > 1 ? std::to_string(page) : ""}});
}

// A row of bars, one per quarter, oldest first; the table beside it holds the same numbers for
// screen readers, so the chart is hidden from them.
std::string quarter_bars(const std::vector<query::QuarterCount>& counts) {
    long long most = 1;
    for (const auto& c : counts) most = std::max(most, c.count);
    std::string out = "<div class=\"bars\" aria-hidden=\"true\">";
    for (const auto& c : counts)
        out += "<div><span class=\"v\">" + std::to_string(c.count) +
               "</span><span class=\"b\" style=\"height:" + std::to_string(c.count * 64 / most) +
               "px\"></span><span class=\"q\">" + e(c.quarter) + "</span></div>";
    return out + "</div>";
}

std::string quarter_table(const std::vector<query::QuarterCount>& counts, const std::string& what,
                          const std::string& link_prefix) {
    std::string out =
        "<table class=\"narrow\"><thead><tr><th scope=\"col\">Kvartal</th><th scope=\"col\" "
        "class=\"n\">" +
        what + "</th></tr></thead><tbody>";
    for (auto c = counts.rbegin(); c != counts.rend(); ++c) {
        out += "<tr><th scope=\"row\">";
        out += link_prefix.empty() || c->count == 0
                   ? e(c->quarter)
                   : "<a href=\"" + link_prefix + url_encode(c->quarter) + "\">" + e(c->quarter) +
                         "</a>";
        out += "</th><td class=\"n\">" + std::to_string(c->count) + "</td></tr>";
    }
    return out + "</tbody></table>\n";
}

// "afventer ØU og KB": the bodies by abbreviation where committees.txt has one.
std::string body_list(const std::vector<std::string>& bodies, const rules::Rules& rules) {
    std::vector<std::string> names;
    for (const auto& b : bodies) {
        // query::CaseView writes "Økonomiudvalget (ØU)"; the name alone resolves.
        const auto name = b.substr(0, b.find(" ("));
        const auto abbr = abbreviation(name, rules);
        names.push_back(abbr.empty() ? e(b)
                                     : "<abbr title=\"" + e(name) + "\">" + e(abbr) + "</abbr>");
    }
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " og " : ", ") + names[i];
    return out;
}

std::string case_state(const query::CaseView& c, const rules::Rules& rules) {
    if (c.state == "awaiting") {
        const bool recommended = !c.timeline.empty() && c.timeline.back().outcome == "recommended";
        return (recommended ? "anbefalet, afventer " : "afventer ") + body_list(c.awaiting, rules);
    }
    static const std::map<std::string, std::string> states{
        {"decided", "afgjort"},
        {"postponed", "udsat"},
        {"open promise", "lovet at vende tilbage"},
        {"no decision", "ingen beslutning endnu"}};
    const auto it = states.find(c.state);
    return e(it == states.end() ? c.state : it->second);
}

}  // namespace

std::string search_page(const SearchForm& f, const FormChoices& choices,
                        const std::optional<SearchResults>& results, const std::string& message) {
    std::string b = "<h1>Søg i referaterne</h1>\n";
    b += "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\n";
    b += "<label for=\"q\">Søgeord (flere ord skal alle findes; \"en frase\" i anførselstegn)"
         "</label><div class=\"q\"><input id=\"q\" name=\"q\" type=\"search\" value=\"" +
         e(f.q) + "\"><button type=\"submit\">Søg</button></div>\n";
    b += "<fieldset><legend>Afgræns søgningen</legend>\n";
    // A national database has thousands of committees: then the name is typed.
    if (choices.committees.size() <= kCommitteeChoices) {
        std::vector<std::pair<std::string, std::string>> committees{{"", "Alle udvalg"}};
        for (const auto& c : choices.committees) committees.emplace_back(c, c);
        b += select("udvalg", "udvalg", "Udvalg", committees, f.committee);
    } else {
        b += input("udvalg", "udvalg", "Udvalg (navn eller forkortelse)", "text", f.committee);
    }
    b += input("fra", "fra", "Møder fra (dato)", "date", f.from);
    b += input("til", "til", "Møder til og med (dato)", "date", f.to);
    std::vector<std::pair<std::string, std::string>> sections;
    for (const auto s : query::kSections) sections.emplace_back(s, section_label(s));
    b += select("afsnit", "afsnit", "Afsnit", sections, f.section);
    std::vector<std::pair<std::string, std::string>> outcomes{{"", "Alle udfald"}};
    for (const auto& o : outcome_labels()) outcomes.push_back(o);
    b += select("udfald", "udfald", "Beslutningens udfald", outcomes, f.outcome);
    std::vector<std::pair<std::string, std::string>> themes{{"", "Alle temaer"}};
    for (const auto& set : choices.rules->theme_sets())
        for (const auto& t : set.themes)
            themes.emplace_back(std::to_string(t.number), std::to_string(t.number) + ". " + t.name);
    b += select("tema", "tema", "Tema", themes, f.theme);
    b += input("fravaer", "fravaer", "Fraværende person", "text", f.absent);
    b += select("orden", "orden", "Rækkefølge",
                {{"relevans", "Bedste match først"}, {"nyeste", "Nyeste møde først"}},
                f.newest ? "nyeste" : "relevans");
    b += "</fieldset>\n</form>\n";

    if (!message.empty()) b += "<p class=\"error\" role=\"alert\">" + e(message) + "</p>\n";
    if (!results) {
        b += "<h2>Find vej uden søgeord</h2>\n<ul><li><a href=\"/udvalg\">Udvalg og deres "
             "møder</a>: dagsorden og fremmøde for hvert møde</li><li><a href=\"/temaer\">Temaer"
             "</a>: beslutninger pr. kvartal og hvad der stadig er åbent</li><li><a "
             "href=\"/sag\">Find en sag</a> ud fra sagsnummer</li><li><a href=\"/personer\">"
             "Fravær</a> pr. medlem</li><li><a href=\"/rapport\">Kvartalsrapporten</a></li></ul>\n";
        return page(f.q.empty() ? "Søg" : "Søgning: " + f.q, "soeg", b);
    }
    const auto& r = *results;
    const long long first = static_cast<long long>(f.page - 1) * r.per_page;
    b += "<h2 id=\"resultater\">Resultater</h2>\n<p class=\"count\" role=\"status\">";
    const auto count = [](long long n) {
        return std::to_string(n) + (n == 1 ? " punkt" : " punkter");
    };
    if (r.total == 0)
        b += "Ingen punkter fundet.";
    else if (r.hits.empty())
        b += "Ingen punkter på side " + std::to_string(f.page) + ": søgningen giver " +
             (r.total_capped ? "flere end " : "") + count(r.total) + ".";
    else
        b += std::to_string(first + 1) + "–" +
             std::to_string(first + static_cast<long long>(r.hits.size())) + " af " +
             (r.total_capped ? "flere end " : "") + count(r.total) +
             (f.newest || f.q.empty() ? ", nyeste møde først" : ", bedste match først");
    b += "</p>\n";
    if (!r.hits.empty()) {
        b += "<ol class=\"hits\" start=\"" + std::to_string(first + 1) + "\">\n";
        for (const auto& h : r.hits) {
            b += "<li><h3><a href=\"" + item_href(h.id) + "\">" + item_name(h.number, h.title) +
                 "</a></h3>\n<p class=\"meta\"><span>" + e(h.committee) + "</span><span>" +
                 e(long_date(h.date)) + "</span>";
            if (h.outcome) b += "<span>" + e(outcome_label(*h.outcome)) + "</span>";
            if (!h.section.empty())
                b += "<span>fundet i " + e(section_label(h.section)) + "</span>";
            b += "</p>\n";
            if (!h.snippet.empty()) b += "<p class=\"snippet\">" + snippet_html(h) + "</p>";
            b += "</li>\n";
        }
        b += "</ol>\n";
    }
    // Counting stops early for a common word (query::SearchResult): then a full page has a next.
    const long long pages = (r.total + r.per_page - 1) / r.per_page;
    const bool next =
        r.total_capped ? static_cast<int>(r.hits.size()) == r.per_page : f.page < pages;
    if (f.page > 1 || next) {
        b += "<nav class=\"pager\" aria-label=\"Sider\">";
        if (f.page > 1)
            b +=
                "<a rel=\"prev\" href=\"/" + search_params(f, f.page - 1) + "\">← Forrige side</a>";
        b += "<span>Side " + std::to_string(f.page) +
             (r.total_capped ? std::string() : " af " + std::to_string(pages)) + "</span>";
        if (next)
            b += "<a rel=\"next\" href=\"/" + search_params(f, f.page + 1) + "\">Næste side →</a>";
        b += "</nav>\n";
    }
    return page("Søgning: " + f.q, "soeg", b);
}

std::string item_page(const ItemPage& p, const rules::Rules& rules) {
    const auto& v = p.item;
    std::string b = "<p class=\"meta\"><span>" + e(v.committee) + "</span>";
    if (v.date) b += "<span>" + e(long_date(*v.date)) + "</span>";
    if (v.municipality) b += "<span>" + e(*v.municipality) + " Kommune</span>";
    b += "</p>\n<h1>pkt. " + e(v.number) + " " + e(text::collapse(v.title)) + "</h1>\n";
    b += "<dl class=\"facts\">";
    if (p.meeting_id)
        b += "<dt>Møde</dt><dd><a href=\"/moede?id=" + std::to_string(*p.meeting_id) + "\">" +
             e(v.committee) + (v.date ? ", " + e(long_date(*v.date)) : "") +
             "</a> (dagsorden og fremmøde)</dd>";
    if (v.case_number)
        b += "<dt>Sagsnr.</dt><dd><a href=\"/sag" + query_string({{"sagsnr", *v.case_number}}) +
             "\">" + e(*v.case_number) + "</a></dd>";
    if (p.case_size)
        b += "<dt>Sagsforløb</dt><dd><a href=\"/sag?id=" + std::to_string(v.id) + "\">" +
             std::to_string(p.case_size->items) +
             (p.case_size->items == 1 ? " punkt" : " punkter") + " og citerede beslutninger" +
             "</a></dd>";
    b += "<dt>Kilde</dt><dd>" + e(file_name(v.source));
    if (v.page) b += ", side " + std::to_string(*v.page);
    if (p.source_available && p.meeting_id)
        b += " – <a href=\"/kilde?id=" + std::to_string(*p.meeting_id) +
             (v.page ? "#page=" + std::to_string(*v.page) : std::string()) + "\">åbn referatet" +
             (v.page ? " på side " + std::to_string(*v.page) : "") + "</a>";
    b += "</dd>";
    if (v.closed) b += "<dt>Lukket punkt</dt><dd>ja</dd>";
    b += "</dl>\n";

    if (v.resume) b += "<h2>Resumé</h2>\n" + para(*v.resume);
    if (v.recommendation) {
        b += "<h2>Indstilling</h2>\n";
        if (v.recommendation_by || v.recommendation_to || v.recommendation_via) {
            b += "<p class=\"meta\">";
            if (v.recommendation_by) b += "<span>Fra " + e(*v.recommendation_by) + "</span>";
            if (v.recommendation_to) b += "<span>til " + e(*v.recommendation_to) + "</span>";
            if (v.recommendation_via) b += "<span>via " + e(*v.recommendation_via) + "</span>";
            b += "</p>\n";
        }
        if (v.recommendation_points.empty()) {
            b += para(*v.recommendation);
        } else {
            b += "<ol>";
            for (const auto& pt : v.recommendation_points)
                b += "<li value=\"" + e(pt.n) + "\">" + e(text::collapse(pt.text)) + "</li>";
            b += "</ol>\n";
        }
    }
    if (v.decision) {
        b += "<h2>Beslutning" + outcome_tag(v.decision_outcome) + "</h2>\n" + para(*v.decision);
        if (!v.decision_points.empty()) {
            b += "<h3>Beslutningens punkter</h3><ol>";
            for (const auto& pt : v.decision_points)
                b += "<li value=\"" + e(pt.n) + "\">" + e(text::collapse(pt.text)) +
                     outcome_tag(pt.outcome) + "</li>";
            b += "</ol>\n";
        }
        if (v.votes_text) {
            b += "<h3>Afstemning</h3>";
            if (!v.votes_text->empty()) b += para(*v.votes_text);
            std::map<std::string, std::vector<std::string>> sides;
            for (const auto& vote : v.votes) sides[vote.side].push_back(vote.party);
            static const std::vector<std::pair<std::string, std::string>> kSides{
                {"for", "For"}, {"against", "Imod"}, {"abstained", "Undlod at stemme"}};
            if (!sides.empty()) {
                b += "<dl class=\"facts\">";
                for (const auto& [side, label] : kSides)
                    if (sides.count(side))
                        b += "<dt>" + label + "</dt><dd>" + e(text::join(sides[side], ", ")) +
                             "</dd>";
                b += "</dl>\n";
            }
        }
        b += absences_html(v.decision_absences);
    }
    if (!v.meeting_absences.absent.empty() || !v.meeting_absences.partly_present.empty())
        b += "<h2>Fravær ved mødet</h2>\n" + absences_html(v.meeting_absences);
    if (!v.history.empty()) {
        b += "<h2>Tidligere beslutninger i sagen</h2>\n";
        for (const auto& q : v.history) {
            b += "<h3>" + e(q.body);
            const auto abbr = abbreviation(q.body, rules);
            if (!abbr.empty()) b += " (" + e(abbr) + ")";
            if (q.date) b += ", " + e(long_date(*q.date));
            if (q.item_number) b += ", pkt. " + e(*q.item_number);
            b += "</h3>\n<blockquote>" + para(q.text) + "</blockquote>\n" +
                 absences_html(q.absences);
        }
    }
    if (v.case_text) b += "<h2>Sagsfremstilling</h2>\n" + para(*v.case_text);
    if (!v.attachments.empty()) {
        b += "<h2>Bilag</h2>\n<ul>";
        for (const auto& a : v.attachments) b += "<li>" + e(a) + "</li>";
        b += "</ul>\n";
    }

    b += "<h2>Temaer</h2>\n";
    bool any = false;
    for (const auto& set : p.themes.sets)
        for (const auto& t : set.themes) {
            if (!t.linked) continue;
            if (!any) b += "<p>Punktet følger op på disse temaer (point over tærsklen):</p>\n";
            any = true;
            char score[64];
            std::snprintf(score, sizeof score, "%.1f point, tærskel %.1f", t.score, t.threshold);
            b += "<h3><a href=\"/tema?nr=" + std::to_string(t.theme->number) + "\">Tema " +
                 std::to_string(t.theme->number) + ": " + e(t.theme->name) + "</a> <span " +
                 "class=\"tag\">" + score + "</span></h3>\n<p class=\"meta\">" + e(set.set->name) +
                 "</p>\n<table><caption class=\"meta\">Det i teksten, der gav point</caption>"
                 "<thead><tr><th scope=\"col\">Afsnit</th><th scope=\"col\">Udtryk</th><th "
                 "scope=\"col\" class=\"n\">Point</th></tr></thead><tbody>";
            for (const auto& ev : t.evidence) {
                char points[32];
                std::snprintf(points, sizeof points, "%.1f", ev.points);
                b += "<tr><td>" + e(section_label(ev.section)) + "</td><td>" + e(ev.phrase) +
                     "</td><td class=\"n\">" + points + "</td></tr>";
            }
            b += "</tbody></table>\n";
        }
    if (!any) b += "<p>Punktet er ikke knyttet til noget tema.</p>\n";
    return page("pkt. " + v.number + " " + text::collapse(v.title), "soeg", b);
}

std::string case_page(const query::CaseView& c, const rules::Rules& rules) {
    std::string b = "<p class=\"meta\"><span>Sagsforløb</span>";
    if (c.case_number) b += "<span>Sagsnr. " + e(*c.case_number) + "</span>";
    b += "</p>\n<h1>" + e(text::collapse(c.title)) + "</h1>\n";
    b += "<p>Status: <span class=\"state" + std::string(c.state == "decided" ? " decided" : "") +
         "\">" + case_state(c, rules) + "</span></p>\n";
    for (const auto& promise : c.open_promises)
        b += "<p>Lovet at vende tilbage: " + e(promise) + "</p>\n";
    b += "<h2>Forløb</h2>\n<ol class=\"timeline\">\n";
    for (const auto& entry : c.timeline) {
        const auto abbr = abbreviation(entry.body, rules);
        b += std::string("<li") + (entry.item_id ? "" : " class=\"quoted\"") + "><h3>";
        std::string ref =
            (abbr.empty() ? e(entry.body)
                          : "<abbr title=\"" + e(entry.body) + "\">" + e(abbr) + "</abbr>") +
            " " + (entry.date.empty() ? "(uden dato)" : e(short_date(entry.date)));
        if (entry.number) ref += ", pkt. " + std::to_string(*entry.number);
        b += entry.item_id ? "<a href=\"" + item_href(*entry.item_id) + "\">" + ref + "</a>" : ref;
        b += outcome_tag(entry.outcome.empty() ? std::nullopt
                                               : std::optional<std::string>(entry.outcome));
        b += "</h3>\n<p class=\"meta\"><span>" + e(entry.body) + "</span>";
        if (!entry.date.empty()) b += "<span>" + e(long_date(entry.date)) + "</span>";
        b += entry.item_id ? "<span>punkt i referatet</span>" : "<span>citeret beslutning</span>";
        b += "</p>\n";
        if (!entry.title.empty())
            b += "<p><strong>" + e(text::collapse(entry.title)) + "</strong></p>";
        if (!entry.text.empty()) b += "<blockquote>" + para(entry.text) + "</blockquote>";
        if (!entry.absent.empty()) {
            b += "<p>Fraværende: ";
            for (size_t i = 0; i < entry.absent.size(); ++i)
                b += (i ? ", " : "") + e(entry.absent[i]);
            b += "</p>";
        }
        b += "<p class=\"meta\"><span>Kilde: " + e(file_name(entry.source)) +
             (entry.page > 0 ? ", side " + std::to_string(entry.page) : "") + "</span>";
        if (entry.quoted_in_item) {
            // The quoting item is on the timeline too: named as its entry is.
            const auto quoting =
                std::find_if(c.timeline.begin(), c.timeline.end(),
                             [&](const auto& x) { return x.item_id == entry.quoted_in_item; });
            b += "<span>citeret i <a href=\"" + item_href(*entry.quoted_in_item) + "\">";
            b += quoting == c.timeline.end()
                     ? "punkt " + std::to_string(*entry.quoted_in_item)
                     : e(quoting->body) + ", " + e(long_date(quoting->date)) +
                           (quoting->number ? ", pkt. " + std::to_string(*quoting->number) : "");
            b += "</a></span>";
        }
        b += "</p></li>\n";
    }
    b += "</ol>\n";
    return page("Sag: " + text::collapse(c.title), "soeg", b);
}

std::string case_lookup_page() {
    return page("Find en sag", "soeg",
                "<h1>Find en sag</h1>\n<p>En sags forløb gennem møder og udvalg, ud fra "
                "sagsnummeret, som det står i referatet.</p>\n<form class=\"search\" "
                "action=\"/sag\" method=\"get\"><label for=\"sagsnr\">Sagsnr. (fx 17/6488)"
                "</label><div class=\"q\"><input id=\"sagsnr\" name=\"sagsnr\" "
                "type=\"text\"><button type=\"submit\">Find</button></div></form>\n");
}

std::string case_choice_page(const std::string& case_number,
                             const std::vector<query::ItemView>& items) {
    std::string b = "<h1>Sagsnr. " + e(case_number) +
                    "</h1>\n<p>Punkter med dette sagsnummer "
                    "hører til flere sager. Vælg et punkt for at se dets sagsforløb:</p>\n<ul>";
    for (const auto& v : items)
        b += "<li><a href=\"/sag?id=" + std::to_string(v.id) + "\">" + e(v.committee) + ", " +
             e(long_date(v.date.value_or(""))) + ", pkt. " + e(v.number) + " " +
             e(text::collapse(v.title)) + "</a></li>";
    return page("Sagsnr. " + case_number, "soeg", b + "</ul>\n");
}

std::string committees_page(const std::vector<query::CommitteeSummary>& committees) {
    std::string b = "<h1>Udvalg og møder</h1>\n";
    if (committees.empty())
        return page("Udvalg", "udvalg", b + "<p>Databasen har ingen møder.</p>");
    b += "<table><thead><tr><th scope=\"col\">Udvalg</th><th scope=\"col\" class=\"n\">Møder"
         "</th><th scope=\"col\">Første møde</th><th scope=\"col\">Seneste møde</th></tr></thead>"
         "<tbody>";
    for (const auto& c : committees)
        b += "<tr><th scope=\"row\"><a href=\"/udvalg" + query_string({{"navn", c.name}}) + "\">" +
             e(c.name) + "</a></th><td class=\"n\">" + std::to_string(c.meetings) + "</td><td>" +
             e(long_date(c.first)) + "</td><td>" + e(long_date(c.last)) + "</td></tr>";
    return page("Udvalg", "udvalg", b + "</tbody></table>\n");
}

std::string committee_page(const std::string& name,
                           const std::vector<query::MeetingSummary>& meetings) {
    std::string b =
        "<p class=\"meta\"><a href=\"/udvalg\">Udvalg og møder</a></p>\n<h1>" + e(name) + "</h1>\n";
    std::string year = "-";
    for (const auto& m : meetings) {
        const auto y = m.date ? m.date->substr(0, 4) : std::string("Uden dato");
        if (y != year) {
            b += std::string(year == "-" ? "" : "</ul>\n") + "<h2>" + e(y) + "</h2>\n<ul>";
            year = y;
        }
        b += "<li><a href=\"/moede?id=" + std::to_string(m.id) + "\">" +
             e(m.date ? long_date(*m.date) : file_name(m.source)) + "</a> – " +
             std::to_string(m.items) + (m.items == 1 ? " punkt" : " punkter") + "</li>";
    }
    if (year != "-") b += "</ul>\n";
    return page(name, "udvalg", b);
}

std::string meeting_page(const query::MeetingView& v, bool source_available) {
    const auto& m = v.meeting;
    std::string b = "<p class=\"meta\"><a href=\"/udvalg" + query_string({{"navn", m.committee}}) +
                    "\">" + e(m.committee) + "</a></p>\n<h1>Møde i " + e(m.committee) +
                    (m.date ? " den " + e(long_date(*m.date)) : "") + "</h1>\n";
    b += "<dl class=\"facts\">";
    if (m.municipality) b += "<dt>Kommune</dt><dd>" + e(*m.municipality) + "</dd>";
    b += "<dt>Referat</dt><dd>" + e(file_name(m.source));
    if (source_available)
        b += " – <a href=\"/kilde?id=" + std::to_string(m.id) + "\">åbn referatet</a>";
    b += "</dd></dl>\n<h2>Fremmøde</h2>\n";
    if (v.absences.absent.empty() && v.absences.partly_present.empty())
        b += "<p>Referatet nævner intet fravær.</p>\n";
    else
        b += absences_html(v.absences);
    b += "<h2>Dagsorden</h2>\n<table><thead><tr><th scope=\"col\" class=\"n\">Pkt.</th><th "
         "scope=\"col\">Titel</th><th scope=\"col\">Beslutning</th><th scope=\"col\">Fraværende"
         "</th></tr></thead><tbody>";
    for (const auto& a : v.agenda) {
        b += "<tr><td class=\"n\">" + std::to_string(a.number) + "</td><td><a href=\"" +
             item_href(a.id) + "\">" + e(text::collapse(a.title)) + "</a>" +
             (a.closed ? " <span class=\"tag\">lukket</span>" : "") + "</td><td>" +
             (a.outcome ? e(outcome_label(*a.outcome)) : "") + "</td><td>" + people_list(a.absent) +
             "</td></tr>";
    }
    b += "</tbody></table>\n";
    return page(m.committee + (m.date ? " " + long_date(*m.date) : ""), "udvalg", b);
}

std::string themes_page(const std::vector<query::ThemeDashboard>& themes) {
    std::string b =
        "<h1>Temaer</h1>\n<p>Hvert tema i planerne: de punkter, der er knyttet til "
        "det, beslutninger pr. kvartal og de punkter, der stadig er åbne (udsat eller "
        "lovet at vende tilbage).</p>\n";
    if (themes.empty())
        return page("Temaer", "temaer", b + "<p>Ingen temaer i patterns/themes.</p>");
    const rules::ThemeSet* set = nullptr;
    for (const auto& t : themes) {
        if (t.set != set) {
            if (set) b += "</tbody></table>\n";
            set = t.set;
            b += "<h2>" + e(set->name) +
                 "</h2>\n<table><thead><tr><th scope=\"col\">Tema</th>"
                 "<th scope=\"col\" class=\"n\">Punkter</th><th scope=\"col\">Beslutninger pr. "
                 "kvartal</th><th scope=\"col\" class=\"n\">Åbne</th></tr></thead><tbody>";
        }
        b += "<tr><th scope=\"row\"><a href=\"/tema?nr=" + std::to_string(t.theme->number) + "\">" +
             std::to_string(t.theme->number) + ". " + e(t.theme->name) +
             "</a></th><td class=\"n\">" + std::to_string(t.items) + "</td><td>";
        if (t.decisions.empty()) {
            b += "ingen";
        } else {
            std::string quarters;
            for (const auto& q : t.decisions)
                if (q.count)
                    quarters +=
                        (quarters.empty() ? "" : ", ") + q.quarter + ": " + std::to_string(q.count);
            b += e(quarters);
        }
        b += "</td><td class=\"n\">" + std::to_string(t.open.size()) + "</td></tr>";
    }
    return page("Temaer", "temaer", b + "</tbody></table>\n");
}

std::string theme_page(const query::ThemeDashboard& t, const std::string& quarter,
                       const std::vector<query::ThemeDecision>& decisions) {
    std::string b = "<p class=\"meta\"><a href=\"/temaer\">Temaer</a> · " + e(t.set->name) +
                    "</p>\n<h1>Tema " + std::to_string(t.theme->number) + ": " + e(t.theme->name) +
                    "</h1>\n";
    if (!t.theme->description.empty()) b += para(t.theme->description);
    b += "<p>" + std::to_string(t.items) + (t.items == 1 ? " punkt er" : " punkter er") +
         " knyttet til temaet. <a href=\"/" +
         query_string({{"tema", std::to_string(t.theme->number)}, {"orden", "nyeste"}}) +
         "\">Søg i temaets punkter</a>.</p>\n";
    b += "<h2>Beslutninger pr. kvartal</h2>\n";
    if (t.decisions.empty()) {
        b += "<p>Ingen beslutninger endnu.</p>\n";
    } else {
        b += quarter_bars(t.decisions);
        b += quarter_table(t.decisions, "Beslutninger",
                           "/tema?nr=" + std::to_string(t.theme->number) + "&amp;kvartal=");
    }
    if (!quarter.empty()) {
        b += "<h2>Beslutninger i " + e(quarter) + "</h2>\n";
        if (decisions.empty())
            b += "<p>Ingen.</p>\n";
        else {
            b += "<ul>";
            for (const auto& d : decisions)
                b += "<li><a href=\"" + item_href(d.id) + "\">" + e(d.committee) + ", " +
                     e(long_date(d.date)) + ", " + item_name(d.number, d.title) + "</a>" +
                     outcome_tag(d.outcome) + "</li>";
            b += "</ul>\n";
        }
    }
    b += "<h2>Åbne punkter</h2>\n";
    if (t.open.empty()) {
        b += "<p>Ingen: intet punkt under temaet er udsat eller venter på at vende tilbage.</p>\n";
    } else {
        b += "<ul>";
        for (const auto& o : t.open)
            b += "<li><a href=\"" + item_href(o.id) + "\">" + e(o.committee) + ", " +
                 e(long_date(o.date)) + ", " + item_name(o.number, o.title) + "</a><br>" +
                 (o.because == "udsat" ? std::string("Udsat.")
                                       : "Lovet: " + e(text::collapse(o.because))) +
                 "</li>";
        b += "</ul>\n";
    }
    return page("Tema " + std::to_string(t.theme->number) + ": " + t.theme->name, "temaer", b);
}

std::string people_page(const std::vector<query::PersonSummary>& people) {
    std::string b =
        "<h1>Fravær</h1>\n<p>Medlemmer, som referaterne nævner som fraværende, med "
        "antallet af møder, de helt eller delvis var fraværende fra.</p>\n";
    if (people.empty()) return page("Fravær", "personer", b + "<p>Intet fravær registreret.</p>");
    b += "<table><thead><tr><th scope=\"col\">Navn</th><th scope=\"col\">Parti</th><th "
         "scope=\"col\" class=\"n\">Møder med fravær</th></tr></thead><tbody>";
    for (const auto& p : people)
        b += "<tr><th scope=\"row\"><a href=\"/person" + query_string({{"navn", p.name}}) + "\">" +
             e(p.name) + "</a></th><td>" + e(p.party.value_or("")) + "</td><td class=\"n\">" +
             std::to_string(p.meetings) + "</td></tr>";
    return page("Fravær", "personer", b + "</tbody></table>\n");
}

std::string person_page(const query::PersonView& p) {
    std::string b = "<p class=\"meta\"><a href=\"/personer\">Fravær</a></p>\n<h1>" + e(p.name) +
                    (p.party ? " (" + e(*p.party) + ")" : "") + "</h1>\n";
    b += "<h2>Møder med fravær pr. kvartal</h2>\n";
    b += quarter_bars(p.by_quarter);
    b += quarter_table(p.by_quarter, "Møder", "");
    const auto list = [&](const std::vector<query::PersonAbsence>& absences) {
        std::string out =
            "<table><thead><tr><th scope=\"col\">Dato</th><th scope=\"col\">Udvalg"
            "</th><th scope=\"col\">Fravær fra</th></tr></thead><tbody>";
        for (const auto& a : absences) {
            out += "<tr><td>" + e(long_date(a.date)) + "</td><td>";
            out += a.meeting_id ? "<a href=\"/moede?id=" + std::to_string(*a.meeting_id) + "\">" +
                                      e(a.body) + "</a>"
                                : e(a.body);
            out += "</td><td>";
            if (a.kind == "meeting") {
                out += "hele mødet";
            } else if (a.kind == "decision" && a.item_id) {
                out += "<a href=\"" + item_href(*a.item_id) + "\">" +
                       item_name(a.item_number.value_or(0), a.item_title) + "</a>";
            } else {
                out += "beslutning" +
                       (a.item_number ? " pkt. " + std::to_string(*a.item_number) : "") +
                       (a.item_id ? ", citeret i <a href=\"" + item_href(*a.item_id) + "\">" +
                                        e(text::collapse(a.item_title)) + "</a>"
                                  : "");
            }
            if (a.note) out += " (" + e(*a.note) + ")";
            out += "</td></tr>";
        }
        return out + "</tbody></table>\n";
    };
    b += "<h2>Fravær, nyeste først</h2>\n" + list(p.absences);
    if (!p.partly_present.empty()) b += "<h2>Delvis til stede</h2>\n" + list(p.partly_present);
    return page(p.name, "personer", b);
}

std::string report_page(const std::vector<std::string>& quarters,
                        const std::vector<std::string>& committees, const std::string& quarter,
                        const std::string& committee) {
    std::string b =
        "<h1>Kvartalsrapport</h1>\n<p>Opfølgningen til udvalget: pr. tema kvartalets "
        "beslutninger og hvad der stadig er åbent, og fravær pr. medlem.</p>\n";
    if (quarters.empty()) return page("Kvartalsrapport", "rapport", b + "<p>Ingen møder.</p>");
    b += "<form class=\"search\" action=\"/rapport\" method=\"get\"><fieldset>"
         "<legend>Vælg kvartal og udvalg</legend>";
    std::vector<std::pair<std::string, std::string>> q;
    for (const auto& x : quarters) q.emplace_back(x, x);
    b += select("kvartal", "kvartal", "Kvartal", q, quarter.empty() ? quarters.front() : quarter);
    std::vector<std::pair<std::string, std::string>> c{{"", "Alle udvalg"}};
    for (const auto& x : committees) c.emplace_back(x, x);
    b += select("r-udvalg", "udvalg", "Udvalg", c, committee);
    b += "<div><button type=\"submit\">Vis</button></div></fieldset></form>\n";
    if (quarter.empty()) return page("Kvartalsrapport", "rapport", b);
    const auto link = [&](const std::string& format) {
        return "/rapport/hent" +
               query_string({{"kvartal", quarter}, {"udvalg", committee}, {"format", format}});
    };
    b += "<h2>Rapport for " + e(quarter) + (committee.empty() ? "" : ", " + e(committee)) +
         "</h2>\n<ul><li><a href=\"" + e(link("html")) +
         "\">Læs rapporten</a> (en side, klar til print)</li>"
         "<li>Hent som <a href=\"" +
         e(link("html")) + "&amp;hent=1\" download>HTML</a>, <a href=\"" + e(link("md")) +
         "\" download>Markdown</a>, <a href=\"" + e(link("csv")) +
         "\" download>CSV</a> eller <a href=\"" + e(link("json")) +
         "\" download>JSON</a></li></ul>\n";
    return page("Kvartalsrapport " + quarter, "rapport", b);
}

std::string error_page(int status, const std::string& detail) {
    const char* title = status == 404   ? "Siden findes ikke"
                        : status == 400 ? "Forespørgslen kan ikke besvares"
                                        : "Der opstod en fejl";
    std::string b = "<h1>" + std::string(title) + "</h1>\n<p class=\"error\">" + e(detail) +
                    "</p>\n<p><a href=\"/\">Til søgningen</a></p>\n";
    return page(title, "", b);
}

}  // namespace referat::web
