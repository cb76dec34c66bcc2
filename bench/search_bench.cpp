// Latency of a fixed query mix through the code path of `referat search` and `referat report`,
// measured in-process (no process start, warm page cache): each query runs once to warm up, then
// repeatedly until it has --iterations samples or has used --seconds. Prints a Markdown table
// with p50, p99, the number of FTS matches (what a plan that sorts or ranks every match pays
// for) and the floor: the bare FTS5 query for the same 20 rows with early stop (newest first by
// rowid) or with FTS5's own bm25 ranking of every match. Then the same for pages of the web
// interface (`referat serve`) over HTTP on the loopback, a client in this process asking the
// server in this process: search pages and item pages.
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/render.hpp"
#include "query/query.hpp"
#include "query/report.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "util/install_paths.hpp"
#include "web/app.hpp"
#include "web/http_module/entry.hpp"

using namespace referat;

namespace {

struct Case {
    std::string name;     // what the row says
    std::string command;  // the equivalent referat command line
    std::string match;    // FTS5 expression whose match count is shown; empty for reports
    bool ranked;
    double target_ms;
    std::function<size_t()> run;  // returns the number of hits or report rows
};

struct Measured {
    std::vector<double> ms;
    size_t rows = 0;
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

Measured measure(const std::function<size_t()>& run, int iterations, double seconds) {
    Measured m;
    const auto timed_run = [&] {
        const auto t0 = std::chrono::steady_clock::now();
        m.rows = run();
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
            .count();
    };
    // The first run warms statement caches and index pages. A query slower than a third of the
    // time allowed keeps it as its only sample rather than stretching the whole run.
    if (const double first = timed_run(); first > seconds * 1000 / 3) {
        m.ms.push_back(first);
        return m;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    while (static_cast<int>(m.ms.size()) < iterations && (m.ms.size() < 3 || elapsed() < seconds))
        m.ms.push_back(timed_run());
    return m;
}

long long match_count(store::Database& db, const std::string& match) {
    if (match.empty()) return -1;
    store::Statement st(db.handle(), "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?1");
    st.bind(1, match);
    return st.step() ? st.column_int(0) : 0;
}

// The same FTS5 expression alone: 20 rowids, newest first with early stop, or ranked by bm25.
std::function<size_t()> floor_query(store::Database& db, const std::string& match, bool ranked) {
    return [&db, match, ranked] {
        store::Statement st(db.handle(),
                            ranked ? "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 "
                                     "ORDER BY rank LIMIT 20"
                                   : "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 "
                                     "ORDER BY rowid DESC LIMIT 20");
        st.bind(1, match);
        size_t n = 0;
        while (st.step()) ++n;
        return n;
    };
}

std::string fmt(double v, const char* spec = "%.1f") {
    char buf[32];
    std::snprintf(buf, sizeof buf, spec, v);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Latency of a fixed query mix over a referat database"};
    std::string db_path, patterns = rules::Rules::default_dir(), quarter = "2020Q3";
    int iterations = 200;
    double seconds = 10;
    app.add_option("--db", db_path, "Database file")->required();
    app.add_option("--patterns", patterns, "Folder of pattern data files");
    app.add_option("--iterations", iterations, "Samples per query at most");
    app.add_option("--seconds", seconds, "Time per query at most (at least 3 samples)");
    app.add_option("--quarter", quarter, "Quarter of the reports");
    int only = -1;
    app.add_option("--only", only,
                   "Run only the query of this row (from 0), without its floor, for profiling");
    CLI11_PARSE(app, argc, argv);

    const auto rules = rules::Rules::load(patterns);
    store::Database db(db_path);

    // The plan of each search's last run, for the table's plan column.
    std::vector<query::SearchPlan> plans;
    plans.reserve(32);
    const auto hits = [&](query::SearchOptions o) -> std::function<size_t()> {
        auto* plan = &plans.emplace_back();
        return [&db, &rules, o, plan] {
            const auto found = query::search(db, o, rules, plan);
            // The CLI prints the table too; it is part of what the user waits for.
            return (cli::format_hits(found.hits) + cli::matches_line(found, o.offset)).empty()
                       ? 0
                       : found.hits.size();
        };
    };
    const auto opts = [](std::string q, bool rank = true) {
        query::SearchOptions o;
        o.query = std::move(q);
        o.newest_first = !rank;
        return o;
    };
    auto filtered = opts("budget");
    filtered.committee = "Skoleudvalget";
    filtered.from = "2015-01-01";
    filtered.to = "2016-12-31";
    auto decision = opts("godkendt", false);
    decision.section = "decision";
    auto theme = opts("indsats");
    theme.theme = 3;
    auto absent = opts("godkendt");
    absent.absent = "Mette Jensen";

    // The most words a query may have, each a common one (words of the stored titles), OR-ed:
    // what one query can cost at most; and a query of 5,000 words, which is refused.
    std::string most_words, too_many;
    {
        std::set<std::string> seen;
        store::Statement titles(db.handle(), "SELECT title FROM items LIMIT 5000");
        while (titles.step() && seen.size() < 64) {
            std::istringstream words(titles.column_text(0));
            for (std::string w; words >> w && seen.size() < 64;)
                if (w.size() >= 4 &&
                    std::all_of(w.begin(), w.end(),
                                [](char c) {
                                    return std::isalpha(static_cast<unsigned char>(c)) ||
                                           static_cast<unsigned char>(c) >= 0x80;
                                }) &&
                    seen.insert(w).second)
                    most_words += (most_words.empty() ? "" : " OR ") + w;
        }
        for (int i = 0; i < 5000; ++i) too_many += (i ? " OR ord" : "ord") + std::to_string(i);
    }
    const auto refused = [&](std::string q) -> std::function<size_t()> {
        plans.emplace_back().driver = "refused";
        return [&db, &rules, q] {
            try {
                query::search(
                    db,
                    [&] {
                        query::SearchOptions o;
                        o.query = q;
                        return o;
                    }(),
                    rules);
            } catch (const query::QueryError&) {
                return size_t{0};
            }
            throw std::logic_error("a query of 5,000 words was answered");
        };
    };

    const auto report = [&](std::optional<std::string> committee) -> std::function<size_t()> {
        return [&db, &rules, quarter, committee] {
            const auto r = query::build_report(db, quarter, committee, rules);
            return cli::render_markdown(r).empty() ? 0 : r.themes.size() + r.absences.size();
        };
    };

    const double search_ms = 50, report_ms = 1000;
    // Ranked by bm25 is what `referat search` does unless given --newest.
    const std::vector<Case> cases{
        {"phrase, newest first", "search --newest '\"task force\"'", "\"task force\"", false,
         search_ms, hits(opts("\"task force\"", false))},
        {"phrase, ranked (bm25)", "search '\"task force\"'", "\"task force\"", true, search_ms,
         hits(opts("\"task force\""))},
        {"stemmed word", "search indsatser", "indsatser", true, search_ms, hits(opts("indsatser"))},
        {"folded word (oe = ø)", "search forloeb", "forloeb", true, search_ms,
         hits(opts("forloeb"))},
        {"committee + date range",
         "search --committee Skoleudvalget --from 2015-01-01 --to 2016-12-31 budget", "budget",
         true, search_ms, hits(filtered)},
        {"theme", "search --theme 3 indsats", "indsats", true, search_ms, hits(theme)},
        {"person absent", "search --absent 'Mette Jensen' godkendt", "godkendt", true, search_ms,
         hits(absent)},
        {"common word, newest first", "search --newest godkendt", "godkendt", false, search_ms,
         hits(opts("godkendt", false))},
        {"common word, newest first", "search --newest udvalget", "udvalget", false, search_ms,
         hits(opts("udvalget", false))},
        {"common word in decisions", "search --newest --section decision godkendt",
         "{decision} : (godkendt)", false, search_ms, hits(decision)},
        {"common word, ranked (bm25)", "search godkendt", "godkendt", true, search_ms,
         hits(opts("godkendt"))},
        {"common word, ranked (bm25)", "search udvalget", "udvalget", true, search_ms,
         hits(opts("udvalget"))},
        {"64 common words OR-ed (the most allowed)", "search 'WORD OR WORD OR ...'", most_words,
         true, 2000, hits(opts(most_words))},
        {"5,000 words (refused)", "search 'ord0 OR ord1 OR ...'", "", false, 2000,
         refused(too_many)},
        {"quarterly report, one committee", "report --quarter " + quarter + " --committee BUL", "",
         false, report_ms, report("BUL")},
        {"quarterly report, all committees", "report --quarter " + quarter, "", false, report_ms,
         report(std::nullopt)},
    };

    std::cout
        << "| query | `referat` command | FTS matches | plan | hits | n | p50 ms | p99 ms | FTS5 "
           "floor p50 ms | target p99 | |\n|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n";
    for (size_t i = 0; i < cases.size(); ++i) {
        const auto& c = cases[i];
        if (only >= 0 && static_cast<size_t>(only) != i) continue;
        const auto m = measure(c.run, iterations, seconds);
        const auto p99 = percentile(m.ms, 99);
        std::string count = "–", floor = "–";
        if (!c.match.empty() && only < 0) {
            count = std::to_string(match_count(db, c.match));
            floor = fmt(
                percentile(measure(floor_query(db, c.match, c.ranked), iterations, seconds / 2).ms,
                           50),
                "%.2f");
        }
        std::string plan = "–";
        if (i < plans.size()) {
            const auto& p = plans[i];
            plan = p.driver + ", " + std::to_string(p.rows) + " rows read";
            if (p.ranked_newest) plan += ", newest " + std::to_string(p.ranked_newest) + " ranked";
        }
        std::cout << "| " << c.name << " | `" << c.command << "` | " << count << " | " << plan
                  << " | " << m.rows << " | " << m.ms.size() << " | " << fmt(percentile(m.ms, 50))
                  << " | " << fmt(p99) << " | " << floor << " | " << fmt(c.target_ms, "%.0f")
                  << " ms | " << (p99 <= c.target_ms ? "met" : "**missed**") << " |\n"
                  << std::flush;
    }
    if (only >= 0) return 0;

    // The server `referat serve` runs, from the HTTP module built with this program.
    web::App web_app(db_path, rules);
    const auto http = install_paths::open_module<web::HttpEntry>(
        REFERAT_HTTP_MODULE_FROM_BIN, REFERAT_HTTP_MODULE, REFERAT_BUILD_DIR,
        web::kHttpEntrySymbol);
    if (!http.entry) throw std::runtime_error("the HTTP module: " + http.missing);
    const auto server =
        http.entry->server([&web_app](const std::string& path, const web::Params& params) {
            return web_app.get(path, params);
        });
    // Bound is listening: the client's first connection waits in the backlog.
    const int port = server->bind("127.0.0.1", 0);
    std::thread listener([&] { server->listen(); });
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    const auto page = [&](std::function<std::string()> path) -> std::function<size_t()> {
        return [&client, path] {
            const auto p = path();
            const auto res = client.Get(p.c_str());
            if (!res || res->status != 200)
                throw std::runtime_error("GET " + p + ": " +
                                         (res ? std::to_string(res->status) : "no answer"));
            return res->body.size();
        };
    };
    const auto fixed = [](std::string path) { return [path] { return path; }; };
    // Items spread over the whole database, one after the other.
    std::vector<long long> ids;
    {
        store::Statement st(db.handle(),
                            "SELECT id FROM items WHERE id % (SELECT max(1, max(id) / 200) FROM "
                            "items) = 0 LIMIT 200");
        while (st.step()) ids.push_back(st.column_int(0));
    }
    size_t next_item = 0, next_case = 0;
    const auto each = [&ids](const char* route, size_t& next) {
        return [&ids, &next, route] {
            return std::string(route) + std::to_string(ids[next++ % ids.size()]);
        };
    };
    struct PageCase {
        std::string name, path;
        std::function<size_t()> run;
    };
    const double page_ms = 100;
    const std::vector<PageCase> pages{
        {"search page: phrase, ranked", "/?q=%22task+force%22",
         page(fixed("/?q=%22task+force%22"))},
        {"search page: common word, ranked", "/?q=godkendt", page(fixed("/?q=godkendt"))},
        {"search page: committee + date range",
         "/?q=budget&udvalg=Skoleudvalget&fra=2015-01-01&til=2016-12-31",
         page(fixed("/?q=budget&udvalg=Skoleudvalget&fra=2015-01-01&til=2016-12-31"))},
        {"search page: common word, newest first, page 10", "/?q=godkendt&orden=nyeste&side=10",
         page(fixed("/?q=godkendt&orden=nyeste&side=10"))},
        {"search page: no word, a committee", "/?udvalg=Skoleudvalget",
         page(fixed("/?udvalg=Skoleudvalget"))},
        {"item page (" + std::to_string(ids.size()) + " items in turn)", "/punkt?id=N",
         page(each("/punkt?id=", next_item))},
        {"case page (the same items)", "/sag?id=N", page(each("/sag?id=", next_case))},
    };
    std::cout << "\n| page | URL | bytes | n | p50 ms | p99 ms | target p99 | |\n"
                 "|---|---|---:|---:|---:|---:|---:|---|\n";
    for (const auto& c : pages) {
        const auto m = measure(c.run, iterations, seconds);
        const auto p99 = percentile(m.ms, 99);
        std::cout << "| " << c.name << " | `" << c.path << "` | " << m.rows << " | " << m.ms.size()
                  << " | " << fmt(percentile(m.ms, 50)) << " | " << fmt(p99) << " | "
                  << fmt(page_ms, "%.0f") << " ms | " << (p99 <= page_ms ? "met" : "**missed**")
                  << " |\n"
                  << std::flush;
    }
    server->stop();
    listener.join();
    return 0;
}
