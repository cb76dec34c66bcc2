// The page frame and the small helpers every page of the web interface uses. The style sheet is
// inline: a page is one response, prints without the navigation, and needs no other file.
#include "web/html.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <map>

#include "model/referat.hpp"
#include "util/text.hpp"

namespace referat::web {

namespace {

constexpr const char* kStyle = R"css(
:root{--ink:#1d2329;--muted:#56606b;--line:#d5dbe1;--accent:#0b5c8a;--bg:#f5f7f9;--mark:#fde68a}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 "DejaVu Sans",Arial,Helvetica,sans-serif;color:var(--ink);background:#fff}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:2}
header.site{background:var(--accent);color:#fff}
header.site .bar{max-width:62rem;margin:0 auto;padding:.8rem 1.2rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem 2rem}
header.site .name{font-size:1.25rem;font-weight:bold;color:#fff;text-decoration:none}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
header.site nav a{color:#fff;text-decoration:none;padding:.15rem 0;border-bottom:2px solid transparent}
header.site nav a[aria-current]{border-bottom-color:#fff;font-weight:bold}
main{max-width:62rem;margin:0 auto;padding:1.2rem 1.2rem 2.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0 .8rem}h2{font-size:1.2rem;margin:1.8rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.02rem;margin:1.1rem 0 .3rem}
.meta{color:var(--muted);margin:.2rem 0}.meta span+span::before{content:" · "}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}.facts dt{font-weight:bold}.facts dd{margin:0}
form.search{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:1rem}
form.search .q{display:flex;gap:.5rem}form.search .q input{flex:1;font-size:1.1rem;padding:.45rem .6rem}
form.search fieldset{border:0;padding:0;margin:.8rem 0 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.6rem 1rem}
form.search legend{font-weight:bold;margin-bottom:.3rem}
label{display:block;font-size:.9rem;color:var(--muted)}input,select,button{font:inherit}
input,select{width:100%;padding:.35rem .45rem;border:1px solid #9aa5b1;border-radius:4px;background:#fff}
button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:.45rem 1.1rem;cursor:pointer}
.count{margin:1rem 0 .4rem;font-weight:bold}
ol.hits{list-style:none;padding:0;margin:0}ol.hits li{padding:.8rem 0;border-bottom:1px solid var(--line)}
ol.hits h3{margin:0 0 .15rem;font-size:1.05rem}
mark{background:var(--mark);color:inherit;padding:0 .1em}
.snippet{margin:.25rem 0 0}
.tag{display:inline-block;font-size:.8rem;border:1px solid var(--line);border-radius:3px;padding:0 .35rem;background:var(--bg)}
.pager{display:flex;gap:1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
table.narrow{width:auto;min-width:18rem}th{background:var(--bg)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:.4rem 0;padding:.2rem .9rem;border-left:4px solid var(--line);color:#333}
.state{display:inline-block;font-weight:bold;padding:.25rem .7rem;border-radius:4px;background:#fff4d6;border:1px solid #e5c76b}
.state.decided{background:#e3f3e6;border-color:#8cc49a}
ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}
ol.timeline li{margin:0 0 1rem;padding:0 0 0 1rem;position:relative}
ol.timeline li::before{content:"";position:absolute;left:-.5rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--accent)}
ol.timeline li.quoted::before{background:#fff;border:2px solid var(--accent)}
.bars{display:flex;align-items:flex-end;gap:.5rem;margin:.6rem 0;overflow-x:auto}.bars div{display:flex;flex-direction:column;align-items:center;font-size:.8rem;color:var(--muted)}
.bars .b{display:block;width:2.2rem;min-height:1px;background:var(--accent)}
.error{border-left:5px solid #b3261e;padding:.4rem 1rem;background:#fdecea}
footer{max-width:62rem;margin:0 auto;padding:1rem 1.2rem 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
@media print{header.site nav,.skip,form.search,.pager,footer{display:none}header.site{background:none;color:#000}header.site .name{color:#000}
a{color:inherit;text-decoration:none}main{max-width:none;padding:0}body{font-size:11pt}}
)css";

struct NavEntry {
    const char* key;
    const char* href;
    const char* label;
};
constexpr std::array<NavEntry, 5> kNav{{{"soeg", "/", "Søg"},
                                        {"udvalg", "/udvalg", "Udvalg og møder"},
                                        {"temaer", "/temaer", "Temaer"},
                                        {"personer", "/personer", "Fravær"},
                                        {"rapport", "/rapport", "Kvartalsrapport"}}};

constexpr std::array<const char*, 12> kMonths{"januar",    "februar", "marts",    "april",
                                              "maj",       "juni",    "juli",     "august",
                                              "september", "oktober", "november", "december"};

}  // namespace

std::string url_encode(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", u);
            out += buf;
        }
    }
    return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out;
    for (const auto& [key, value] : params) {
        if (value.empty()) continue;
        out += out.empty() ? '?' : '&';
        out += url_encode(key);
        out += '=';
        out += url_encode(value);
    }
    return out;
}

std::string page(std::string_view title, std::string_view section, std::string_view body) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    out += text::html_escape(title);
    out += " – referat</title>\n<style>";
    out += kStyle;
    out +=
        "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#indhold\">Gå til indhold</a>\n"
        "<header class=\"site\"><div class=\"bar\"><a class=\"name\" href=\"/\">Referater og "
        "beslutninger</a>\n<nav aria-label=\"Hovedmenu\"><ul>";
    for (const auto& n : kNav) {
        out += "<li><a href=\"";
        out += n.href;
        out += "\"";
        if (section == n.key) out += " aria-current=\"page\"";
        out += ">";
        out += n.label;
        out += "</a></li>";
    }
    out += "</ul></nav></div></header>\n<main id=\"indhold\">\n";
    out += body;
    out +=
        "\n</main>\n<footer>Udtræk af de offentliggjorte referater. Kilden er altid det "
        "underskrevne referat; hvert punkt nævner sin fil og side.</footer>\n</body>\n</html>\n";
    return out;
}

std::string outcome_label(std::string_view outcome) {
    for (const auto& [value, label] : outcome_labels())
        if (value == outcome) return label;
    return std::string(outcome);
}

std::vector<std::pair<std::string, std::string>> outcome_labels() {
    // Keyed by the schema's names (kOutcomeNames), so a new outcome shows its name until it is
    // given Danish wording here.
    static const std::map<std::string_view, const char*> danish{{"approved", "godkendt"},
                                                                {"recommended", "anbefalet"},
                                                                {"noted", "taget til efterretning"},
                                                                {"discussed", "drøftet"},
                                                                {"postponed", "udsat"},
                                                                {"rejected", "ikke godkendt"},
                                                                {"referred", "oversendt"},
                                                                {"handled", "behandlet"},
                                                                {"mixed", "delvis godkendt"},
                                                                {"other", "andet"}};
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [value, name] : kOutcomeNames) {
        const auto it = danish.find(name);
        out.emplace_back(name, it == danish.end() ? name : it->second);
    }
    return out;
}

std::string section_label(std::string_view section) {
    static const std::map<std::string_view, const char*> labels{
        {"title", "Titel"},
        {"resume", "Resumé"},
        {"recommendation", "Indstilling"},
        {"decision", "Beslutning"},
        {"decided_points", "Beslutning (indstillingens punkter)"},
        {"case_text", "Sagsfremstilling"},
        {"all", "Alle afsnit"}};
    const auto it = labels.find(section);
    return it == labels.end() ? std::string(section) : it->second;
}

std::string long_date(std::string_view iso) {
    if (!text::is_iso_date(iso)) return std::string(iso);
    const int month = std::stoi(std::string(iso.substr(5, 2)));
    return std::to_string(std::stoi(std::string(iso.substr(8, 2)))) + ". " + kMonths[month - 1] +
           " " + std::string(iso.substr(0, 4));
}

std::string short_date(std::string_view iso) {
    if (!text::is_iso_date(iso)) return std::string(iso);
    return std::to_string(std::stoi(std::string(iso.substr(8, 2)))) + "/" +
           std::to_string(std::stoi(std::string(iso.substr(5, 2)))) + " " +
           std::string(iso.substr(0, 4));
}

std::string abbreviation(std::string_view body, const rules::Rules& rules) {
    const auto* c = rules.committee(body);
    if (!c) return "";
    for (const auto& alias : c->aliases)
        if (text::in_capitals(alias) && alias.find(' ') == std::string::npos) return alias;
    return "";
}

}  // namespace referat::web
