// The commands of `referat`: each one loads what it needs, calls the stage that does the work and
// prints the result through render.hpp. Errors a user can fix are one line naming the file or
// argument; the exit codes are those of commands.hpp.
#include "cli/commands.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/render.hpp"
#include "extract/extract.hpp"
#include "ingest/ingest.hpp"
#include "link/plan_import.hpp"
#include "link/themes.hpp"
#include "parse/json.hpp"
#include "query/case.hpp"
#include "query/report.hpp"
#include "query/theme_report.hpp"
#include "store/cases.hpp"
#include "store/database.hpp"
#include "util/text.hpp"

namespace referat::cli {

namespace {

namespace fs = std::filesystem;

// Set by SIGINT during an ingest. A second Ctrl-C ends the program at once (the default action
// is restored); SQLite rolls back the open transaction, so no file is half stored either way.
std::atomic<bool> interrupt_requested{false};

extern "C" void on_interrupt(int) {
    interrupt_requested.store(true);
    std::signal(SIGINT, SIG_DFL);
}

// One line on a terminal's stderr, redrawn in place: files done, rate and time left. Only for a
// terminal: in a pipe or a log it would be noise.
class Progress {
  public:
    explicit Progress(size_t total) : total_(total), shown_(isatty(STDERR_FILENO) == 1) {}
    ~Progress() { clear(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Before another line is printed.
    void clear() {
        if (shown_ && drawn_) std::cerr << "\r\033[K" << std::flush;
        drawn_ = false;
    }

    void advance() {
        ++done_;
        if (!shown_) return;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = seconds > 0 ? done_ / seconds : 0;
        const long left = rate > 0 ? static_cast<long>((total_ - done_) / rate + 0.5) : 0;
        char line[96];
        std::snprintf(line, sizeof line, "\r\033[K%zu/%zu files, %.1f files/s, %ld:%02ld left",
                      done_, total_, rate, left / 60, left % 60);
        std::cerr << line << std::flush;
        drawn_ = true;
    }

  private:
    const size_t total_;
    const bool shown_;
    size_t done_ = 0;
    bool drawn_ = false;
    const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

int cmd_ingest(const ingest::Pipeline& pipeline, const Args& args) {
    const auto walk = ingest::collect_files(args.paths);
    Progress progress(walk.files.size() + walk.unreadable.size());
    ingest::Options options;
    options.jobs = args.jobs;
    options.wait = std::chrono::seconds(args.wait_seconds);
    options.interrupt = &interrupt_requested;
    options.on_result = [&](const ingest::FileResult& r) {
        progress.clear();
        if (r.outcome == ingest::Outcome::Failed)
            std::cerr << ingest_line(r) << "\n";
        else if (!args.quiet)
            std::cout << ingest_line(r) << "\n" << std::flush;
        progress.advance();
    };
    interrupt_requested = false;
    std::signal(SIGINT, on_interrupt);
    const auto summary = ingest::run(pipeline, args.db, walk, options);
    std::signal(SIGINT, SIG_DFL);
    progress.clear();
    if (!summary.stop_reason.empty())
        std::cerr << text::printable(args.db) << ": " << text::printable(summary.stop_reason)
                  << "; ingest stopped, " << summary.not_stored
                  << (summary.not_stored == 1 ? " file" : " files") << " not stored\n";
    if (!summary.index_error.empty())
        std::cerr << text::printable(args.db)
                  << ": merging the full-text index: " << text::printable(summary.index_error)
                  << "\n";
    std::cout << ingest_summary(summary, args.db);
    if (summary.interrupted) return kExitInterrupted;
    return summary.failed + summary.not_stored > 0 ? kExitFailed : kExitOk;
}

int cmd_extract(const ingest::Pipeline& pipeline, const std::string& file, bool text_only) {
    try {
        const auto text = extract::extract_file(file, pipeline.rules());
        if (text_only) {
            for (const auto& page : text.pages) {
                std::cout << "=== page " << page.number << "\n";
                for (const auto& line : page.lines) std::cout << text::printable(line) << "\n";
            }
            return kExitOk;
        }
        std::cout << text::printable(parse::to_json(pipeline.read(text)).dump(1)) << "\n";
        return kExitOk;
    } catch (const InputError& e) {
        std::cerr << text::printable(file) << ": " << text::printable(e.what()) << "\n";
        return kExitFailed;
    }
}

// Writes to stdout, or to `path` (replacing it) when one is given.
int write_output(const std::string& path, const std::string& content) {
    if (path.empty()) {
        std::cout << content;
        return kExitOk;
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << content;
    if (!file.flush()) {
        std::cerr << text::printable(path) << ": cannot be written\n";
        return kExitFailed;
    }
    return kExitOk;
}

// A draft theme file from a plan document; never overwrites a reviewed file by accident.
int cmd_themes_import(const rules::Rules& rules, const std::string& plan, const std::string& out) {
    try {
        const auto draft = link::draft_plan(extract::extract_file(plan, rules), rules);
        const auto text = link::format_theme_file(draft);
        int found = 0;
        for (const auto& t : draft.themes) found += t.section_found ? 1 : 0;
        std::cerr << text::printable(plan) << ": " << draft.themes.size() << " themes, " << found
                  << " with a section\n";
        if (out.empty()) {
            std::cout << text;
            return kExitOk;
        }
        if (fs::exists(out)) {
            std::cerr << text::printable(out) << ": exists; not overwritten\n";
            return kExitFailed;
        }
        return write_output(out, text);
    } catch (const InputError& e) {
        std::cerr << text::printable(plan) << ": " << text::printable(e.what()) << "\n";
        return kExitFailed;
    }
}

// The width of the terminal standard output goes to, or 0 when it goes elsewhere (a pipe, a
// file: lines are then never cut).
size_t terminal_columns() {
    winsize size{};
    if (isatty(STDOUT_FILENO) != 1 || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

// A value the query stage refuses (an unknown outcome, a quarter not written YYYYQn) is the user's
// to correct, like an unknown option.
template <class Check>
void as_usage_error(const std::string& option, Check&& check) {
    try {
        check();
    } catch (const query::QueryError& e) {
        throw UsageError(option + ": " + e.what());
    }
}

// A filter naming a committee or theme that does not exist would silently find nothing.
void check_filters(store::Database& db, const rules::Rules& rules,
                   const std::optional<std::string>& committee, std::optional<int> theme) {
    if (committee && !query::committee_known(db, *committee, rules)) {
        const auto stored = query::stored_committees(db);
        throw UsageError("--committee: unknown committee " + *committee + " (" +
                         (stored.empty() ? std::string("the database has no meetings")
                                         : "stored: " + text::join(stored, ", ")) +
                         ")");
    }
    if (!theme) return;
    std::vector<std::string> numbers;
    for (const auto& set : rules.theme_sets())
        for (const auto& t : set.themes) {
            if (t.number == *theme) return;
            numbers.push_back(std::to_string(t.number));
        }
    throw UsageError("--theme: no theme " + std::to_string(*theme) + " (" +
                     (numbers.empty() ? std::string("no theme sets in patterns/themes")
                                      : "themes: " + text::join(numbers, ", ")) +
                     ")");
}

// The commands that read (or maintain) an existing database.
int run_on_database(const Args& args, const rules::Rules& rules) {
    const auto& c = args.command;
    if (!fs::exists(args.db)) {
        std::cerr << text::printable(args.db) << ": no database (run `referat ingest` first)\n";
        return kExitFailed;
    }
    // Only these write (FTS5 runs its check as a write statement); the rest read, and work
    // without write access to the file.
    const bool writes =
        c == "themes relink" || c == "case split" || c == "check" || c == "optimize";
    store::Database db(args.db, writes ? store::Database::Mode::Write : store::Database::Mode::Read,
                       writes ? store::kWriterWait : store::kReaderWait);
    if (c == "search") {
        check_filters(db, rules, args.search.committee, args.search.theme);
        if (args.search.outcome)
            as_usage_error("--outcome", [&] { query::outcome_value(*args.search.outcome, rules); });
        query::SearchPlan plan;
        const auto found = query::search(db, args.search, rules, &plan);
        const auto& hits = found.hits;
        if (plan.ranked_newest)
            std::cerr << "note: more items match; the " << plan.ranked_newest
                      << " newest were ranked (narrow with --from, --to or --committee)\n";
        const auto table = args.by_case ? format_hits_by_case(query::group_hits_by_case(db, hits),
                                                              terminal_columns())
                                        : format_hits(hits, terminal_columns());
        std::cout << text::printable(
            args.json  ? hits_json(found)
            : args.csv ? hits_csv(found)
                       : table + (found.total > 0 ? matches_line(found, args.search.offset) + "\n"
                                                  : std::string()));
        return kExitOk;
    }
    if (c == "show") {
        const auto item = query::load_item(db, args.id);
        std::cout << text::printable(
            args.json ? item_json(item)
                      : item_text(item) + linked_themes_line(query::linked_themes(db, args.id)) +
                            case_line(query::case_of_item(db, args.id), args.id));
        return kExitOk;
    }
    if (c == "report") {
        check_filters(db, rules, args.committee, std::nullopt);
        as_usage_error("--quarter", [&] { query::check_quarter(args.quarter); });
        // A workbook is bytes: not for a terminal, and not passed through text::printable.
        if (args.format == "xlsx" && args.out.empty() && isatty(STDOUT_FILENO) == 1)
            throw UsageError("--format xlsx: give --out FILE (a workbook is not for a terminal)");
        const auto r = query::build_report(db, args.quarter, args.committee, rules);
        if (args.format == "xlsx") return write_output(args.out, render_xlsx(r));
        const auto rendered = args.format == "html"   ? render_html(r)
                              : args.format == "csv"  ? render_csv(r)
                              : args.format == "json" ? render_json(r)
                                                      : render_markdown(r);
        return write_output(args.out, text::printable(rendered));
    }
    if (c == "check") {
        const auto problems = db.check();
        for (const auto& p : problems)
            std::cerr << text::printable(args.db) << ": " << text::printable(p) << "\n";
        if (problems.empty()) std::cout << text::printable(args.db) << ": ok\n";
        return problems.empty() ? kExitOk : kExitFailed;
    }
    if (c == "optimize") {
        db.optimize_index();
        std::cout << "optimize: the full-text index of " << db.indexed_items()
                  << " items merged into one segment → " << text::printable(args.db) << "\n";
        return kExitOk;
    }
    if (c == "themes list") {
        std::cout << text::printable(args.json ? theme_counts_json(query::theme_counts(db, rules))
                                               : format_theme_list(query::theme_counts(db, rules)));
        return kExitOk;
    }
    if (c == "themes relink") {
        const auto n = db.relink_themes([&](const store::Database::StoredItem& s) {
            return link::link_item(s.item, s.municipality, s.committee, rules);
        });
        std::cout << "themes relink: " << n << " items linked again → " << text::printable(args.db)
                  << "\n";
        return kExitOk;
    }
    if (c == "themes explain") {
        std::cout << text::printable(format_item_themes(query::explain_item(db, args.id, rules)));
        return kExitOk;
    }
    if (c == "case split") {
        store::split_case(db, args.ids);
        std::cout << text::printable(format_case(query::load_case(db, rules, args.ids.front())));
        return kExitOk;
    }
    if (!args.id_given)
        throw UsageError("case: an item id or a Sagsnr. is required (or: case split ID...)");
    const auto& ref = args.case_ref;
    if (std::all_of(ref.begin(), ref.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
        const auto view = query::load_case(db, rules, std::stoll(ref));
        std::cout << text::printable(args.json ? case_json(view) : format_case(view));
        return kExitOk;
    }
    // A Sagsnr. may be printed on the items of more than one case (a case the join rules did not
    // see as one): every one is shown.
    const auto views = query::load_cases_by_number(db, rules, ref);
    if (args.json) {
        std::cout << text::printable(cases_json(views));
        return kExitOk;
    }
    for (size_t i = 0; i < views.size(); ++i)
        std::cout << (i ? "\n" : "") << text::printable(format_case(views[i]));
    return kExitOk;
}

}  // namespace

int run(const Args& args) {
    if (args.command == "search") {
        const auto& s = args.search;
        if (text::trim(s.query).empty() && !s.committee && !s.outcome && !s.absent && !s.from &&
            !s.to && !s.theme && !s.case_number)
            throw UsageError(
                "search: give words, a case number or a filter (--committee, --outcome, "
                "--absent, --from, --to, --theme, --case-number)");
    }
    const auto rules = rules::Rules::load(args.patterns);
    // Commands that read minutes or score themes use nearly every pattern: compiled before the
    // first file, so a bad one stops them at start. The others compile the few they use (a
    // search only the outcome patterns, for --outcome) when first used.
    const auto& c = args.command;
    if (c == "ingest" || c == "extract") {
        const ingest::Pipeline pipeline(rules);
        return c == "ingest" ? cmd_ingest(pipeline, args)
                             : cmd_extract(pipeline, args.file, args.text);
    }
    if (c == "themes import" || c == "themes relink") rules.compile_all();
    if (c == "themes import") return cmd_themes_import(rules, args.file, args.out);
    return run_on_database(args, rules);
}

}  // namespace referat::cli
