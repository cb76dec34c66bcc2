// Routing and parameters of the web interface. Every parameter is checked before it reaches a
// query: a malformed one is a 400 page naming it, an id or name the database does not know a 404,
// a database failure a 500; no request ends the process. The database is only ever read: each
// request borrows a read-only connection (store::Database::Mode::Read) from a small pool.
#include "web/app.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/render.hpp"
#include "query/browse.hpp"
#include "query/case.hpp"
#include "query/report.hpp"
#include "query/theme_report.hpp"
#include "store/statement.hpp"
#include "util/text.hpp"
#include "web/html.hpp"
#include "web/pages.hpp"

namespace referat::web {

namespace {

namespace fs = std::filesystem;

constexpr int kPerPage = 20;
constexpr int kMaxPage = 5000;
constexpr size_t kMaxParamBytes = 2000;

// A parameter the page cannot use: 400, with the reason (Danish, naming the parameter).
class BadRequest : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
// An id or name the database does not know: 404.
class NotFound : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The first value of `name`, trimmed and NFC ("" when absent).
std::string param(const Params& params, const std::string& name) {
    const auto it = params.find(name);
    if (it == params.end()) return "";
    if (it->second.size() > kMaxParamBytes)
        throw BadRequest("Parameteren " + name + " er for lang (højst " +
                         std::to_string(kMaxParamBytes) + " byte).");
    if (!text::valid_utf8(it->second))
        throw BadRequest("Parameteren " + name + " er ikke gyldig UTF-8.");
    return text::nfc(text::trim(it->second));
}

// A positive whole number, or nothing when the parameter is absent or empty.
std::optional<long long> number_param(const Params& params, const std::string& name,
                                      long long most = 1'000'000'000'000LL) {
    const auto s = param(params, name);
    if (s.empty()) return std::nullopt;
    long long n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || n < 1 || n > most)
        throw BadRequest("Parameteren " + name + " skal være et positivt heltal" +
                         (most < 1'000'000'000'000LL ? " op til " + std::to_string(most) : "") +
                         ", ikke \"" + s + "\".");
    return n;
}

long long required_id(const Params& params) {
    const auto id = number_param(params, "id");
    if (!id) throw BadRequest("Parameteren id mangler.");
    return *id;
}

Reply html(std::string body, int status = 200) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

bool readable_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

void check_committee(store::Database& db, const std::string& committee, const rules::Rules& rules) {
    if (!committee.empty() && !query::committee_known(db, committee, rules))
        throw BadRequest("Udvalget \"" + committee + "\" findes ikke i databasen.");
}

Reply search(const Params& params, store::Database& db, const rules::Rules& rules) {
    SearchForm f;
    f.q = param(params, "q");
    f.committee = param(params, "udvalg");
    f.from = param(params, "fra");
    f.to = param(params, "til");
    f.section = param(params, "afsnit");
    if (f.section.empty()) f.section = "all";
    f.outcome = param(params, "udfald");
    f.theme = param(params, "tema");
    f.absent = param(params, "fravaer");
    const auto order = param(params, "orden");
    if (order != "" && order != "relevans" && order != "nyeste")
        throw BadRequest("Parameteren orden skal være relevans eller nyeste.");
    f.newest = order == "nyeste";
    f.page = static_cast<int>(number_param(params, "side", kMaxPage).value_or(1));

    query::SearchOptions o;
    o.query = f.q;
    if (std::find(query::kSections.begin(), query::kSections.end(), f.section) ==
        query::kSections.end())
        throw BadRequest("Afsnittet \"" + f.section + "\" findes ikke.");
    o.section = f.section;
    check_committee(db, f.committee, rules);
    if (!f.committee.empty()) {
        o.committee = f.committee;
        // The form lists committees by their stored name: BUL is shown as chosen too.
        if (const auto* c = rules.committee(f.committee)) f.committee = c->name;
    }
    for (const auto& [name, value] : {std::pair{"fra", &f.from}, std::pair{"til", &f.to}})
        if (!value->empty() && !text::is_iso_date(*value))
            throw BadRequest(std::string("Parameteren ") + name +
                             " skal være en dato (ÅÅÅÅ-MM-DD), ikke \"" + *value + "\".");
    if (!f.from.empty()) o.from = f.from;
    if (!f.to.empty()) o.to = f.to;
    if (!f.outcome.empty()) {
        try {
            query::outcome_value(f.outcome, rules);
        } catch (const query::QueryError&) {
            throw BadRequest("Udfaldet \"" + f.outcome + "\" kendes ikke.");
        }
        o.outcome = f.outcome;
    }
    if (const auto theme = number_param(params, "tema", 1'000'000)) {
        const auto& sets = rules.theme_sets();
        if (std::none_of(sets.begin(), sets.end(), [&](const auto& set) {
                return std::any_of(set.themes.begin(), set.themes.end(),
                                   [&](const auto& t) { return t.number == *theme; });
            }))
            throw BadRequest("Tema " + f.theme + " findes ikke.");
        o.theme = static_cast<int>(*theme);
    }
    if (!f.absent.empty()) o.absent = f.absent;
    o.newest_first = f.newest;

    const FormChoices choices{query::stored_committees(db), &rules};

    const bool filtered = o.committee || o.from || o.to || o.outcome || o.theme || o.absent;
    if (f.q.empty() && !filtered) return html(search_page(f, choices, std::nullopt, ""));
    o.limit = kPerPage;
    o.offset = (f.page - 1) * kPerPage;
    try {
        auto found = query::search(db, o, rules);
        SearchResults r{std::move(found.hits), found.total, found.total_capped, kPerPage};
        return html(search_page(f, choices, r, ""));
    } catch (const query::QueryError& e) {
        return html(search_page(f, choices, std::nullopt,
                                "Søgningen kunne ikke udføres: " + std::string(e.what())),
                    400);
    }
}

Reply item(const Params& params, store::Database& db, const rules::Rules& rules) {
    const auto id = required_id(params);
    ItemPage p;
    try {
        p.item = query::load_item(db, id);
    } catch (const query::QueryError&) {
        throw NotFound("Der er intet punkt med id " + std::to_string(id) + ".");
    }
    p.themes = query::explain_item(db, id, rules);
    p.case_size = query::case_of_item(db, id);
    p.meeting_id = query::meeting_of_item(db, id);
    p.source_available = readable_file(p.item.source);
    return html(item_page(p, rules));
}

Reply case_view(const Params& params, store::Database& db, const rules::Rules& rules) {
    const auto number = param(params, "sagsnr");
    if (!number.empty()) {
        const auto items = query::items_with_case_number(db, number);
        if (items.empty()) throw NotFound("Intet punkt har sagsnr. " + number + ".");
        // One item per case: one case is shown, several are offered.
        if (items.size() == 1)
            return html(case_page(query::load_case(db, rules, items.front()), rules));
        std::vector<query::ItemView> views;
        for (const auto i : items) views.push_back(query::load_item(db, i));
        return html(case_choice_page(number, views));
    }
    if (!number_param(params, "id")) return html(case_lookup_page());
    const auto id = required_id(params);
    try {
        return html(case_page(query::load_case(db, rules, id), rules));
    } catch (const query::QueryError&) {
        throw NotFound("Der er intet punkt med id " + std::to_string(id) + ".");
    }
}

Reply committees(const Params& params, store::Database& db, const rules::Rules& rules) {
    const auto name = param(params, "navn");
    if (name.empty()) return html(committees_page(query::committee_summaries(db)));
    const auto meetings = query::committee_meetings(db, name, rules);
    if (meetings.empty()) throw NotFound("Der er ingen møder i et udvalg ved navn " + name + ".");
    return html(committee_page(meetings.front().committee, meetings));
}

Reply meeting(const Params& params, store::Database& db) {
    const auto id = required_id(params);
    try {
        const auto m = query::load_meeting(db, id);
        return html(meeting_page(m, readable_file(m.meeting.source)));
    } catch (const query::QueryError&) {
        throw NotFound("Der er intet møde med id " + std::to_string(id) + ".");
    }
}

Reply theme(const Params& params, store::Database& db, const rules::Rules& rules) {
    const auto nr = number_param(params, "nr", 1'000'000);
    if (!nr) throw BadRequest("Parameteren nr (temaets nummer) mangler.");
    const auto set = param(params, "saet");
    auto themes = query::theme_dashboards(db, rules, static_cast<int>(*nr));
    std::erase_if(themes, [&](const auto& t) { return !set.empty() && t.set->id != set; });
    if (themes.empty()) throw NotFound("Der er intet tema nr. " + std::to_string(*nr) + ".");
    const auto& t = themes.front();
    auto quarter = param(params, "kvartal");
    if (quarter.empty()) {
        for (const auto& q : t.decisions)
            if (q.count) quarter = q.quarter;
    } else if (!query::quarter_dates(quarter)) {
        throw BadRequest("Parameteren kvartal skal skrives ÅÅÅÅQn, fx 2020Q3, ikke \"" + quarter +
                         "\".");
    }
    std::vector<query::ThemeDecision> decisions;
    if (!quarter.empty())
        decisions = query::theme_decisions(db, t.set->id, t.theme->number, quarter);
    return html(theme_page(t, quarter, decisions));
}

Reply person(const Params& params, store::Database& db) {
    const auto name = param(params, "navn");
    if (name.empty()) throw BadRequest("Parameteren navn mangler.");
    try {
        return html(person_page(query::load_person(db, name)));
    } catch (const query::QueryError&) {
        throw NotFound("Der er intet fravær registreret for " + name + ".");
    }
}

// The quarter and committee of a report request, checked.
std::pair<std::string, std::string> report_params(const Params& params, store::Database& db,
                                                  const rules::Rules& rules) {
    const auto quarter = param(params, "kvartal"), committee = param(params, "udvalg");
    if (!quarter.empty()) {
        try {
            query::check_quarter(quarter);
        } catch (const query::QueryError&) {
            throw BadRequest("Parameteren kvartal skal skrives ÅÅÅÅQn, fx 2020Q3, ikke \"" +
                             quarter + "\".");
        }
    }
    check_committee(db, committee, rules);
    return {quarter, committee};
}

Reply report(const Params& params, store::Database& db, const rules::Rules& rules) {
    const auto [quarter, committee] = report_params(params, db, rules);
    return html(
        report_page(query::meeting_quarters(db), query::stored_committees(db), quarter, committee));
}

Reply report_file(const Params& params, store::Database& db, const rules::Rules& rules) {
    const auto [quarter, committee] = report_params(params, db, rules);
    if (quarter.empty()) throw BadRequest("Parameteren kvartal mangler.");
    const auto format = param(params, "format");
    const auto r = query::build_report(
        db, quarter, committee.empty() ? std::nullopt : std::optional<std::string>(committee),
        rules);
    Reply reply;
    if (format == "html" || format.empty()) {
        reply.body = cli::render_html(r);
    } else if (format == "md") {
        reply.body = cli::render_markdown(r);
        reply.content_type = "text/markdown; charset=utf-8";
    } else if (format == "csv") {
        reply.body = cli::render_csv(r);
        reply.content_type = "text/csv; charset=utf-8";
    } else if (format == "json") {
        reply.body = cli::render_json(r);
        reply.content_type = "application/json";
    } else {
        throw BadRequest("Parameteren format skal være html, md, csv eller json.");
    }
    const bool download = (!format.empty() && format != "html") || !param(params, "hent").empty();
    if (download) {
        std::string name = "opfoelgning-" + r.quarter;
        if (!committee.empty()) {
            const auto* c = rules.committee(committee);
            const auto abbr = c ? abbreviation(c->name, rules) : "";
            name += "-" + (abbr.empty() ? std::string("udvalg") : abbr);
        }
        reply.headers.emplace_back("Content-Disposition",
                                   "attachment; filename=\"" + url_encode(name) + "." +
                                       (format.empty() ? "html" : format) + "\"");
    }
    return reply;
}

// The stored minutes of a meeting, as read at ingest, while the file is still there.
Reply source_file(const Params& params, store::Database& db) {
    const auto id = required_id(params);
    query::MeetingView m;
    try {
        m = query::load_meeting(db, id);
    } catch (const query::QueryError&) {
        throw NotFound("Der er intet møde med id " + std::to_string(id) + ".");
    }
    const auto& path = m.meeting.source;
    // Only the kinds of file referat reads: a database from elsewhere may name any path.
    const auto ext = text::fold(fs::path(path).extension().string());
    if (ext != ".pdf" && ext != ".txt" && ext != ".html" && ext != ".htm")
        throw NotFound("Referatets fil er ikke en PDF, tekst eller webside.");
    std::ifstream in(path, std::ios::binary);
    if (!readable_file(path) || !in)
        throw NotFound("Referatets fil " + fs::path(path).filename().string() +
                       " findes ikke længere, hvor den blev læst.");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Reply r;
    r.body = bytes.str();
    if (ext == ".pdf") {
        r.content_type = "application/pdf";
    } else if (ext == ".txt") {
        r.content_type = "text/plain; charset=utf-8";
    } else {
        // A saved web page of the municipality's: shown, but never running its scripts here.
        r.headers.emplace_back("Content-Security-Policy", "sandbox");
    }
    r.headers.emplace_back(
        "Content-Disposition",
        "inline; filename=\"" + url_encode(fs::path(path).filename().string()) + "\"");
    return r;
}

}  // namespace

class App::Lease {
  public:
    explicit Lease(App& app) : app_(app), db_(app.take()) {}
    ~Lease() { app_.give(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    store::Database& db() { return *db_; }

  private:
    App& app_;
    std::unique_ptr<store::Database> db_;
};

App::App(std::string db_path, const rules::Rules& rules)
    : db_path_(std::move(db_path)), rules_(rules) {
    give(take());
}

App::~App() = default;

std::unique_ptr<store::Database> App::take() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto db = std::move(idle_.back());
            idle_.pop_back();
            return db;
        }
    }
    return std::make_unique<store::Database>(db_path_, store::Database::Mode::Read,
                                             store::kReaderWait);
}

void App::give(std::unique_ptr<store::Database> db) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
}

Reply App::route(const std::string& path, const Params& params, store::Database& db) {
    if (path == "/") return search(params, db, rules_);
    if (path == "/punkt") return item(params, db, rules_);
    if (path == "/sag") return case_view(params, db, rules_);
    if (path == "/udvalg") return committees(params, db, rules_);
    if (path == "/moede") return meeting(params, db);
    if (path == "/temaer") return html(themes_page(query::theme_dashboards(db, rules_)));
    if (path == "/tema") return theme(params, db, rules_);
    if (path == "/personer") return html(people_page(query::absent_people(db)));
    if (path == "/person") return person(params, db);
    if (path == "/rapport") return report(params, db, rules_);
    if (path == "/rapport/hent") return report_file(params, db, rules_);
    if (path == "/kilde") return source_file(params, db);
    throw NotFound("Adressen " + path + " findes ikke.");
}

Reply App::get(const std::string& path, const Params& params) {
    Reply reply;
    try {
        Lease lease(*this);
        // A page shows one state of the database, though an ingest may commit meanwhile.
        const store::ReadSnapshot snapshot(lease.db().handle());
        reply = route(path, params, lease.db());
    } catch (const BadRequest& e) {
        reply = html(error_page(400, e.what()), 400);
    } catch (const NotFound& e) {
        reply = html(error_page(404, e.what()), 404);
    } catch (const query::QueryError& e) {
        reply = html(error_page(400, e.what()), 400);
    } catch (const std::exception& e) {
        reply = html(error_page(500, std::string("Databasen kunne ikke læses: ") + e.what()), 500);
    }
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
    reply.headers.emplace_back("Referrer-Policy", "no-referrer");
    // Pages run no scripts, and load nothing from elsewhere.
    if (reply.content_type.starts_with("text/html") &&
        std::none_of(reply.headers.begin(), reply.headers.end(),
                     [](const auto& h) { return h.first == "Content-Security-Policy"; }))
        reply.headers.emplace_back("Content-Security-Policy",
                                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' "
                                   "data:; form-action 'self'; frame-ancestors 'none'; "
                                   "base-uri 'none'");
    return reply;
}

}  // namespace referat::web
