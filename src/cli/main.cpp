// referat: Danish committee minutes → searchable record of decisions.
// main() only declares the command line (CLI11) and maps its outcome to an exit code; the
// commands are in commands.cpp, their output in render.cpp, the engines in the stage libraries
// (extract → segment → parse → link → store → ingest, query).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "rules/rules.hpp"
#include "store/statement.hpp"
#include "util/text.hpp"
#include "web/server.hpp"

using namespace referat;

namespace {

std::string default_db() {
    if (const char* env = std::getenv("REFERAT_DB"); env && *env) return env;
    return "referat.db";
}

// A calendar date, YYYY-MM-DD ("2020-02-31" is refused, not read as March).
const CLI::Validator kDate(
    [](const std::string& s) {
        return text::is_iso_date(s) ? std::string() : "not a date (YYYY-MM-DD): " + s;
    },
    "YYYY-MM-DD");

// "themes list", "case split": the command given, as the path of subcommands.
std::string command_of(const CLI::App& app) {
    std::string command;
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
        at = at->get_subcommands().front();
        command += (command.empty() ? "" : " ") + at->get_name();
    }
    return command;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "referat: Danish municipal committee minutes (referater) as a searchable record of "
        "decisions"};
    app.set_version_flag("--version", "referat " REFERAT_VERSION);
    // Errors are one line, as every other error of referat.
    app.failure_message(
        [](const CLI::App*, const CLI::Error& e) { return std::string(e.what()) + "\n"; });
    app.require_subcommand(1);
    // Subcommands pass the global options up, so they may come before or after the command.
    app.fallthrough();
    cli::Args a;
    a.patterns = rules::Rules::default_dir();
    a.db = default_db();
    app.add_option("--patterns", a.patterns, "Folder of pattern data files ($REFERAT_PATTERNS)");
    app.add_option("--db", a.db, "Database file (default ./referat.db or $REFERAT_DB)");

    auto* ingest = app.add_subcommand(
        "ingest", "Store minutes (PDF, text or web pages, files or folders) in the database");
    ingest
        ->add_option("--jobs,-j", a.jobs,
                     "Threads reading and parsing files; one of them also stores them")
        ->check(CLI::Range(1u, 64u));
    ingest
        ->add_option("--wait", a.wait_seconds,
                     "Seconds to wait for another writer's lock before giving up (default 600)")
        ->check(CLI::Range(0u, 86400u));
    ingest->add_flag("--quiet,-q", a.quiet, "No line per stored file; failures and the summary");
    ingest->add_option("paths", a.paths, "Files and folders")->required();

    auto* extract =
        app.add_subcommand("extract", "Print the extraction of one file as referat/1 JSON");
    extract->add_flag("--json", a.json, "JSON output (the default)");
    extract->add_flag("--text", a.text, "Print the repaired text instead (for debugging)");
    extract->add_option("file", a.file, "A PDF, text file or web page")->required();

    auto& o = a.search;
    auto* search = app.add_subcommand("search", "Full-text search of the stored items");
    search->add_option("--committee", o.committee, "Committee abbreviation (BUL) or full name");
    search
        ->add_option("--section", o.section,
                     "Where to search (decision includes the Indstilling points it answers)")
        ->check(CLI::IsMember(
            std::vector<std::string>(query::kSections.begin(), query::kSections.end())));
    search->add_option("--outcome", o.outcome,
                       "Decision outcome: approved, recommended, noted, ... or Danish "
                       "(godkendt, anbefales, \"taget til efterretning\", udsat, ...)");
    search->add_option("--absent", o.absent,
                       "Person absent from the decision, a quoted decision or the meeting");
    search->add_option("--theme", o.theme, "Linked to this theme number (referat themes list)")
        ->check(CLI::PositiveNumber);
    search->add_option("--from", o.from, "First meeting date (YYYY-MM-DD)")->check(kDate);
    search->add_option("--to", o.to, "Last meeting date (YYYY-MM-DD)")->check(kDate);
    search->add_flag("--newest", o.newest_first,
                     "Newest meeting first instead of by relevance (bm25)");
    auto* by_case_flag = search->add_flag("--by-case", a.by_case, "Group the hits by case");
    search->add_option("--case-number", o.case_number, "Sagsnr. as printed (17/6488)");
    search->add_option("--limit", o.limit, "Maximum number of hits")->check(CLI::PositiveNumber);
    search->add_option("--offset", o.offset, "Hits to skip before the first shown (paging)")
        ->check(CLI::NonNegativeNumber);
    auto* json_flag = search->add_flag("--json", a.json, "One JSON object per line and hit");
    auto* csv_flag =
        search->add_flag("--csv", a.csv, "CSV with a header line")->excludes(json_flag);
    by_case_flag->excludes(json_flag)->excludes(csv_flag);
    search->add_option("query", o.query,
                       "Words, \"a phrase\", AND/OR/NOT, or a case number; none: with filters, "
                       "the items they leave, newest first");

    auto* show = app.add_subcommand("show", "Print one stored item in full");
    show->add_option("id", a.id, "Item id (as printed by search)")->required();
    show->add_flag("--json", a.json, "One JSON object");

    app.add_subcommand("check",
                       "Check the database: SQLite integrity, foreign keys, the full-text index");
    app.add_subcommand("optimize",
                       "Merge the full-text index into one segment: searches with a filter get "
                       "faster after many small ingests (takes seconds on a large archive)");

    auto* themes = app.add_subcommand("themes", "Themes of the plans in patterns/themes");
    themes->require_subcommand(1);
    themes->add_subcommand("list", "Themes with how many items link to each")
        ->add_flag("--json", a.json, "One JSON object per theme set");
    themes->add_subcommand("explain", "Every theme considered for one item, and why")
        ->add_option("id", a.id, "Item id (as printed by search)")
        ->required();
    themes->add_subcommand("relink",
                           "Link every stored item again, after a theme file was added or edited");
    auto* themes_import = themes->add_subcommand(
        "import", "Draft a theme file from a plan document (text or PDF) for review");
    themes_import->add_option("plan", a.file, "The plan document")->required();
    themes_import->add_option("--out", a.out, "Write the draft here instead of stdout");

    auto* report = app.add_subcommand(
        "report", "Quarterly follow-up in Danish: status per theme, open cases, changes, absences");
    report->add_option("--quarter", a.quarter, "Quarter, e.g. 2020Q3")->required();
    report->add_option("--committee", a.committee, "Committee abbreviation or name");
    report->add_option("--format", a.format, "md, html, csv, json or xlsx")
        ->check(CLI::IsMember({"md", "html", "csv", "json", "xlsx"}));
    report->add_option("--out", a.out, "Write to this file instead of stdout");

    auto* case_cmd = app.add_subcommand(
        "case", "Print the case of an item: every meeting and body it passed, and its state");
    auto* case_id = case_cmd->add_option(
        "id", a.case_ref, "Item id (as printed by search and show), or a Sagsnr. (17/6488)");
    case_cmd->add_flag("--json", a.json, "One JSON object");
    case_cmd->add_subcommand("split", "Take items out of their case; the split survives re-ingest")
        ->add_option("ids", a.ids, "Item ids that leave their case together")
        ->required();

    web::ServeOptions serve_options;
    auto* serve = app.add_subcommand(
        "serve", "Web interface on the database: search, items, cases, themes, absences, report");
    serve->add_option("--port", serve_options.port, "TCP port (default 8080; 0: any free port)")
        ->check(CLI::Range(0, 65535));
    serve->add_option("--bind", serve_options.bind,
                      "Address to listen on (default 127.0.0.1: this machine only)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Help and --version exit 0; every mistake in the command line exits 2.
        return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
    }
    a.command = command_of(app);
    a.id_given = case_id->count() > 0;

    try {
        if (a.command == "serve") {
            if (!std::filesystem::exists(a.db)) {
                std::cerr << text::printable(a.db)
                          << ": no database (run `referat ingest` first)\n";
                return cli::kExitFailed;
            }
            serve_options.db = a.db;
            serve_options.patterns = a.patterns;
            return web::serve(serve_options);
        }
        return cli::run(a);
    } catch (const cli::UsageError& e) {
        std::cerr << text::printable(e.what()) << "\n";
        return cli::kExitUsage;
    } catch (const rules::PatternError& e) {
        std::cerr << "patterns: " << text::printable(e.what()) << "\n";
        return cli::kExitUsage;
    } catch (const query::QueryError& e) {
        std::cerr << text::printable(e.what()) << "\n";
        return cli::kExitFailed;
    } catch (const store::SqlError& e) {
        std::cerr << text::printable(a.db) << ": " << text::printable(e.what()) << "\n";
        return cli::kExitFailed;
    } catch (const std::invalid_argument& e) {
        std::cerr << text::printable(e.what()) << "\n";
        return cli::kExitFailed;
    }
}
