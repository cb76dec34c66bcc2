// referat: Danish committee minutes → searchable record of decisions.
// The command line sits on top of the stages: extract → segment → parse → link → store → query.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "extract/extract.hpp"
#include "link/plan_import.hpp"
#include "link/themes.hpp"
#include "parse/json.hpp"
#include "parse/parse.hpp"
#include "query/case.hpp"
#include "query/query.hpp"
#include "query/report.hpp"
#include "query/themes.hpp"
#include "segment/segment.hpp"
#include "store/cases.hpp"
#include "store/database.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;
using namespace referat;

namespace {

std::string default_db() {
    if (const char* env = std::getenv("REFERAT_DB"); env && *env) return env;
    return "referat.db";
}

struct Pipeline {
    const rules::Rules& rules;
    segment::Segmenter segmenter;

    explicit Pipeline(const rules::Rules& r) : rules(r), segmenter(r) {}

    Referat run(const std::string& path) const {
        const auto text = extract::extract_file(path, rules);
        return link::link_themes(parse::parse(segmenter.segment(text), rules), rules);
    }

    // What ingest stores: minutes with items. A header alone (minutes whose items could not be
    // read) is shown by `extract` but would store an empty meeting.
    Referat run_for_store(const std::string& path) const {
        auto r = run(path);
        if (r.items.empty())
            throw InputError("no agenda items found (only the meeting header was read)");
        return r;
    }
};

bool is_minutes_file(const fs::path& p) {
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".pdf" || ext == ".txt" || ext == ".html" || ext == ".htm";
}

// Why a path could not be read, for its line.
std::string unreadable(const std::error_code& ec) {
    if (ec == std::errc::no_such_file_or_directory) return "no such file or folder";
    if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
    return "cannot be read: " + ec.message();
}

// The files of an ingest, and the paths that could not be read, each with its reason.
struct Walk {
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> unreadable;
};

// Files named on the command line are taken as they are; folders are searched for .pdf, .txt,
// .html and .htm, in path order. Symbolic links to folders are not followed (a link loop cannot
// walk forever). An entry or folder that cannot be read is reported, and the walk goes on with the
// rest.
Walk collect_files(const std::vector<std::string>& paths) {
    Walk walk;
    const auto problem = [&](const fs::path& p, std::string why) {
        walk.unreadable.emplace_back(p.string(), std::move(why));
    };
    for (const auto& p : paths) {
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            std::error_code link_ec;
            const bool dangling = ec == std::errc::no_such_file_or_directory &&
                                  fs::is_symlink(fs::symlink_status(p, link_ec));
            problem(p, dangling ? "broken symbolic link" : unreadable(ec));
            continue;
        }
        if (!fs::is_directory(status)) {
            walk.files.push_back(p);  // extract says what is wrong with it, if anything
            continue;
        }
        std::vector<std::string> found;
        std::vector<fs::path> folders{p};
        while (!folders.empty()) {
            const fs::path folder = std::move(folders.back());
            folders.pop_back();
            fs::directory_iterator it(folder, ec), end;
            if (ec) {
                problem(folder, "folder " + unreadable(ec));
                continue;
            }
            for (; it != end; it.increment(ec)) {
                std::error_code entry_ec;
                if (it->is_directory(entry_ec) && !it->is_symlink(entry_ec)) {
                    folders.push_back(it->path());
                    continue;
                }
                if (!is_minutes_file(it->path())) continue;
                const auto entry_status = it->status(entry_ec);  // follows a link to a file
                if (entry_ec)
                    problem(it->path(), unreadable(entry_ec));
                else if (fs::is_regular_file(entry_status))
                    found.push_back(it->path().string());
            }
            if (ec) problem(folder, "folder " + unreadable(ec) + " (read in part)");
        }
        std::sort(found.begin(), found.end());
        walk.files.insert(walk.files.end(), found.begin(), found.end());
    }
    return walk;
}

// A file read and parsed, or why it could not be.
struct Prepared {
    std::optional<Referat> referat;
    std::string error;
};

Prepared prepare(const Pipeline& pipeline, const std::string& file) {
    try {
        return {pipeline.run_for_store(file), ""};
    } catch (const InputError& e) {
        return {std::nullopt, e.what()};
    } catch (const std::exception& e) {
        // A bug must cost one file, not the rest of the ingest.
        return {std::nullopt, std::string("internal error: ") + e.what()};
    }
}

// Database errors after which nothing more can be stored: the file is damaged or not a database,
// cannot be written at all, or another writer held the lock for the whole wait. Any other error
// (a full disk, an I/O error, a row the database refuses) fails only the files it hit, since
// the next file may well be stored.
bool stops_ingest(const store::SqlError& e) {
    switch (e.code()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_PROTOCOL:
            return true;
        default:
            return false;
    }
}

// The writer of an ingest: one write transaction for several files. A commit writes every page
// its transaction touched, so committing each file on its own wrote ~74 16 KB pages a file and
// was half of the writer's time; a batch writes the pages the files share once. A batch ends
// after kBatchFiles files, once it has held the write lock for kBatchHold, or when the next file
// is not read yet (cmd_ingest). Other writers (a second ingest, `referat case split`) wait for
// the lock meanwhile; a batch begins at least kYield after the last one ended, so that a writer
// polling for the lock (store::Database's busy handler) gets its turn between batches.
// A file's line is printed when its own commit succeeded, so "stored" means stored. When
// anything fails inside a batch, SQLite rolls the whole batch back and its files are stored again
// one transaction each, so a bad file or a full disk costs only the files it hit. After an
// error that stops the ingest (stops_ingest) nothing more is written, and the files not stored
// are counted.
class Writer {
  public:
    static constexpr size_t kBatchFiles = 256;
    static constexpr auto kBatchHold = std::chrono::milliseconds(200);
    static constexpr auto kYield = std::chrono::milliseconds(3);

    Writer(store::Database& db, const rules::Rules& rules) : db_(db), rules_(rules) {}

    void add(const std::string& file, Prepared prepared) {
        if (stopped()) return;
        entries_.push_back({file, std::move(prepared), std::nullopt});
        auto& entry = entries_.back();
        if (entry.prepared.referat) {
            try {
                if (!batch_) begin();
                entry.result = db_.store(*entry.prepared.referat, rules_);
            } catch (const store::SqlError& e) {
                return stops_ingest(e) ? stop(e) : redo_one_by_one(e.code());
            } catch (const std::exception&) {
                return redo_one_by_one(SQLITE_OK);
            }
        }
        if (entries_.size() >= kBatchFiles ||
            (batch_ && std::chrono::steady_clock::now() - begun_ >= kBatchHold))
            commit();
    }

    void commit() {
        if (batch_) {
            try {
                batch_->commit();  // indexes the batch's items too
            } catch (const store::SqlError& e) {
                return stops_ingest(e) ? stop(e) : redo_one_by_one(e.code());
            } catch (const std::exception&) {
                return redo_one_by_one(SQLITE_OK);
            }
            batch_.reset();
            ended_ = std::chrono::steady_clock::now();
        }
        for (const auto& entry : entries_) report(entry);
        entries_.clear();
    }

    bool stopped() const { return !stop_reason.empty(); }

    int failed = 0, stored = 0, unchanged = 0, replaced = 0;
    std::string stop_reason;  // why the ingest stopped; empty while it goes on
    size_t stored_items = 0;  // new or replacing

  private:
    struct Entry {
        std::string file;
        Prepared prepared;
        std::optional<store::Database::StoreResult> result;
    };

    void yield() {
        const auto since = std::chrono::steady_clock::now() - ended_;
        if (since < kYield) std::this_thread::sleep_for(kYield - since);
    }

    void begin() {
        yield();
        batch_.emplace(db_);
        begun_ = std::chrono::steady_clock::now();
    }

    void halt(const store::SqlError& e) {
        stop_reason = e.what();
        if (e.code() == SQLITE_BUSY) {
            const auto waited = std::chrono::duration_cast<std::chrono::seconds>(db_.wait());
            stop_reason +=
                " (another writer held it for more than " + std::to_string(waited.count()) + " s)";
        }
    }

    // The open batch is rolled back (SQLite may have done so already): none of its files is
    // stored, and nothing more will be.
    void stop(const store::SqlError& e) {
        batch_.reset();
        halt(e);
        for (auto& entry : entries_)
            if (!entry.prepared.referat) report(entry);  // failed before the database
        entries_.clear();
    }

    // A full disk (SQLITE_FULL, or SQLITE_IOERR for a write the system refused) may be full of
    // the write-ahead log; moving it into the database may make room for the next files.
    static bool write_failed(int code) { return code == SQLITE_FULL || code == SQLITE_IOERR; }

    // `code`: the SQLite error that ended the batch, SQLITE_OK for another exception.
    void redo_one_by_one(int code) {
        batch_.reset();  // rolls back what SQLite has not rolled back already
        if (write_failed(code)) db_.release_log();
        for (auto& entry : entries_) {
            entry.result.reset();  // what the rolled-back batch said is not true any more
            if (entry.prepared.referat) {
                if (stopped()) continue;
                try {
                    yield();
                    entry.result = db_.store(*entry.prepared.referat, rules_);
                    ended_ = std::chrono::steady_clock::now();
                } catch (const store::SqlError& e) {
                    if (stops_ingest(e)) {
                        halt(e);
                        continue;
                    }
                    if (write_failed(e.code())) db_.release_log();
                    entry.prepared.error = std::string("database error: ") + e.what();
                } catch (const std::exception& e) {
                    entry.prepared.error = std::string("internal error: ") + e.what();
                }
            }
            report(entry);
        }
        entries_.clear();
    }

    void report(const Entry& entry) {
        const auto& result = entry.result;
        if (!result) {
            std::cerr << text::printable(entry.file) << ": "
                      << text::printable(entry.prepared.error) << "\n";
            ++failed;
            return;
        }
        if (result->outcome != store::Database::Outcome::Unchanged) stored_items += result->items;
        const auto& referat = *entry.prepared.referat;
        std::string line = entry.file + ": ";
        std::string note;
        switch (result->outcome) {
            case store::Database::Outcome::Stored:
                ++stored;
                line += "stored";
                // Nothing is replaced on a guess: say which other minutes claim the meeting.
                if (!result->beside.empty())
                    note = "; kept beside " + text::join(result->beside, ", ") +
                           ": the same committee and date, other items";
                break;
            case store::Database::Outcome::Unchanged:
                ++unchanged;
                line += "unchanged";
                break;
            case store::Database::Outcome::Replaced:
                ++replaced;
                line += "replaced";
                for (const auto& r : result->replaced)
                    note += "; replaces " + r.source + ": " + r.why;
                break;
        }
        line += " (" + referat.committee.value_or("?") + ", " + referat.date.value_or("no date") +
                ", " + std::to_string(referat.items.size()) + " items" + note + ")";
        std::cout << text::printable(line) << "\n";
    }

    store::Database& db_;
    const rules::Rules& rules_;
    std::vector<Entry> entries_;  // of the open batch, in input order
    std::optional<store::Database::Batch> batch_;
    std::chrono::steady_clock::time_point begun_, ended_;
};

// Prepares the files of an ingest on `jobs` threads in all: `jobs - 1` workers and the writer's
// own thread, which prepares the next unclaimed file whenever the file it is to store next is not
// ready yet, instead of waiting. A writer that waited for workers sharing its cores with it got
// only part of a core; now no more threads run than were asked for.
// Files are claimed ahead of the writer up to kAheadFiles per job and kAheadBytes of input (one
// file is always allowed), which bounds memory. The window must be wide: the writer works in
// lumps (a batch's commit indexes all its items), and a narrow one left the workers idle then.
class Preparer {
  public:
    static constexpr size_t kAheadFiles = 32;
    static constexpr std::uintmax_t kAheadBytes = 32 << 20;

    Preparer(const Pipeline& pipeline, const std::vector<std::string>& files, unsigned jobs)
        : pipeline_(pipeline),
          files_(files),
          ahead_files_(kAheadFiles * std::max(jobs, 1U)),
          sizes_(files.size()) {
        for (unsigned i = 1; i < jobs; ++i) workers_.emplace_back([this] { work(); });
    }
    ~Preparer() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        for (auto& w : workers_) w.join();
    }
    Preparer(const Preparer&) = delete;
    Preparer& operator=(const Preparer&) = delete;

    // Whether take(i) would return at once.
    bool ready(size_t i) {
        std::lock_guard lock(mutex_);
        return ready_.count(i) != 0;
    }

    // Prepares files on the calling thread until the window is full or every file is claimed.
    void prepare_ahead() {
        std::unique_lock lock(mutex_);
        while (prepare_one(lock)) {
        }
    }

    // files[i] prepared; called for i = 0, 1, 2, ... in turn.
    Prepared take(size_t i) {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (const auto it = ready_.find(i); it != ready_.end()) {
                Prepared prepared = std::move(it->second);
                ready_.erase(it);
                taken_ = i + 1;
                ahead_bytes_ -= sizes_[i];
                changed_.notify_all();  // the window moved on
                return prepared;
            }
            if (!prepare_one(lock)) changed_.wait(lock);
        }
    }

  private:
    void work() {
        std::unique_lock lock(mutex_);
        while (!stop_)
            if (!prepare_one(lock)) changed_.wait(lock);
    }

    // Claims the next file inside the window and prepares it with the lock released; false when
    // there is none to claim.
    bool prepare_one(std::unique_lock<std::mutex>& lock) {
        if (next_ >= files_.size()) return false;
        if (next_ > taken_ && (next_ >= taken_ + ahead_files_ || ahead_bytes_ >= kAheadBytes))
            return false;
        const size_t i = next_++;
        std::error_code unknown;  // prepare() tells what is wrong with the file
        const auto size = fs::file_size(files_[i], unknown);
        ahead_bytes_ += sizes_[i] = unknown ? 0 : size;
        lock.unlock();
        Prepared prepared = prepare(pipeline_, files_[i]);
        lock.lock();
        ready_.emplace(i, std::move(prepared));
        changed_.notify_all();
        return true;
    }

    const Pipeline& pipeline_;
    const std::vector<std::string>& files_;
    const size_t ahead_files_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<size_t, Prepared> ready_;   // prepared, not yet taken
    std::vector<std::uintmax_t> sizes_;  // bytes of each file, once claimed
    std::uintmax_t ahead_bytes_ = 0;
    size_t next_ = 0;   // files claimed
    size_t taken_ = 0;  // files taken by the writer
    bool stop_ = false;
    std::vector<std::thread> workers_;
};

// Files are extracted and parsed on `jobs` threads (the costly part); one writer stores them in
// input order, so output and database are the same whatever the number of jobs.
int cmd_ingest(const Pipeline& pipeline, const std::string& db_path,
               const std::vector<std::string>& paths, unsigned jobs,
               std::chrono::milliseconds wait) {
    const auto walk = collect_files(paths);
    for (const auto& [path, why] : walk.unreadable)
        std::cerr << text::printable(path) << ": " << why << "\n";
    const auto& files = walk.files;
    store::Database db(db_path, store::Database::Mode::Create, wait);
    Writer writer(db, pipeline.rules);
    {
        Preparer preparer(pipeline, files, jobs);
        for (size_t i = 0; i < files.size() && !writer.stopped(); ++i) {
            if (!preparer.ready(i)) {
                // No write lock is held while files are read (OCR can take minutes): other
                // writers wait for it. The writer reads a window of files itself, then stores
                // them in one batch; beside workers, it stores what they prepared meanwhile.
                writer.commit();
                if (writer.stopped()) break;
                preparer.prepare_ahead();
            }
            writer.add(files[i], preparer.take(i));
        }
    }
    writer.commit();
    // Files without a line: those of the batch the stop rolled back, and those after it.
    const int not_stored = static_cast<int>(files.size()) - writer.stored - writer.replaced -
                           writer.unchanged - writer.failed;
    if (writer.stopped()) {
        std::cerr << text::printable(db_path) << ": " << text::printable(writer.stop_reason)
                  << "; ingest stopped, " << not_stored << (not_stored == 1 ? " file" : " files")
                  << " not stored\n";
    } else {
        try {
            db.merge_index(writer.stored_items);
        } catch (const store::SqlError& e) {
            // Everything is stored; only the index stays in more segments.
            std::cerr << text::printable(db_path)
                      << ": merging the full-text index: " << text::printable(e.what()) << "\n";
        }
    }
    const int failed = writer.failed + not_stored + static_cast<int>(walk.unreadable.size());
    std::cout << "ingest: " << writer.stored << " stored, " << writer.replaced << " replaced, "
              << writer.unchanged << " unchanged, " << failed << " failed → "
              << text::printable(db_path) << "\n";
    return failed ? 1 : 0;
}

int cmd_extract(const Pipeline& pipeline, const std::string& file, bool text_only) {
    try {
        if (text_only) {
            const auto text = extract::extract_file(file, pipeline.rules);
            for (const auto& page : text.pages) {
                std::cout << "=== page " << page.number << "\n";
                for (const auto& line : page.lines) std::cout << text::printable(line) << "\n";
            }
            return 0;
        }
        std::cout << text::printable(parse::to_json(pipeline.run(file)).dump(1)) << "\n";
        return 0;
    } catch (const InputError& e) {
        std::cerr << text::printable(file) << ": " << text::printable(e.what()) << "\n";
        return 1;
    }
}

// Writes to stdout, or to `path` (replacing it) when one is given.
int write_output(const std::string& path, const std::string& content) {
    if (path.empty()) {
        std::cout << content;
        return 0;
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << content;
    if (!file.flush()) {
        std::cerr << text::printable(path) << ": cannot be written\n";
        return 1;
    }
    return 0;
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
            return 0;
        }
        if (fs::exists(out)) {
            std::cerr << text::printable(out) << ": exists; not overwritten\n";
            return 1;
        }
        return write_output(out, text);
    } catch (const InputError& e) {
        std::cerr << text::printable(plan) << ": " << text::printable(e.what()) << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "referat: Danish municipal committee minutes (referater) as a searchable record of "
        "decisions"};
    app.require_subcommand(1);
    std::string patterns_dir = rules::Rules::default_dir();
    app.add_option("--patterns", patterns_dir, "Folder of pattern data files")
        ->envname("REFERAT_PATTERNS");

    std::string db_path = default_db();
    auto* ingest = app.add_subcommand(
        "ingest", "Store minutes (PDF or text, files or folders) in the database");
    std::vector<std::string> ingest_paths;
    ingest->add_option("--db", db_path, "Database file (default ./referat.db or $REFERAT_DB)");
    unsigned ingest_jobs = 1;
    ingest
        ->add_option("--jobs,-j", ingest_jobs,
                     "Threads reading and parsing files; one of them also stores them")
        ->check(CLI::Range(1u, 64u));
    unsigned ingest_wait = 600;
    ingest
        ->add_option("--wait", ingest_wait,
                     "Seconds to wait for another writer's lock before giving up (default 600)")
        ->check(CLI::Range(0u, 86400u));
    ingest->add_option("paths", ingest_paths, "Files and folders")->required();

    auto* extract =
        app.add_subcommand("extract", "Print the extraction of one file as referat/1 JSON");
    std::string extract_file;
    bool extract_text = false;
    bool extract_json = true;
    extract->add_flag("--json", extract_json, "JSON output (the default)");
    extract->add_flag("--text", extract_text, "Print the repaired text instead (for debugging)");
    extract->add_option("file", extract_file, "A PDF, text file or web page")->required();

    auto* search = app.add_subcommand("search", "Full-text search of the stored items");
    query::SearchOptions options;
    search->add_option("--db", db_path, "Database file");
    search->add_option("--committee", options.committee,
                       "Committee abbreviation (BUL) or full name");
    search
        ->add_option("--section", options.section,
                     "Where to search (decision includes the Indstilling points it answers)")
        ->check(CLI::IsMember(
            std::vector<std::string>(query::kSections.begin(), query::kSections.end())));
    search->add_option("--outcome", options.outcome,
                       "Decision outcome: approved, recommended, noted, ... or Danish "
                       "(godkendt, anbefales, \"taget til efterretning\", udsat, ...)");
    search->add_option("--absent", options.absent,
                       "Person absent from the decision, a quoted decision or the meeting");
    search
        ->add_option("--theme", options.theme, "Linked to this theme number (referat themes list)")
        ->check(CLI::PositiveNumber);
    search->add_option("--from", options.from, "First meeting date (YYYY-MM-DD)");
    search->add_option("--to", options.to, "Last meeting date (YYYY-MM-DD)");
    search->add_flag("--newest", options.newest_first,
                     "Newest meeting first instead of by relevance (bm25)");
    bool by_case = false;
    auto* by_case_flag = search->add_flag("--by-case", by_case, "Group the hits by case");
    search->add_option("--limit", options.limit, "Maximum number of hits")
        ->check(CLI::PositiveNumber);
    bool search_json = false, search_csv = false;
    auto* json_flag = search->add_flag("--json", search_json, "One JSON object per line and hit");
    auto* csv_flag =
        search->add_flag("--csv", search_csv, "CSV with a header line")->excludes(json_flag);
    by_case_flag->excludes(json_flag)->excludes(csv_flag);
    search->add_option("query", options.query, "Words, \"a phrase\", AND/OR/NOT")->required();

    auto* show = app.add_subcommand("show", "Print one stored item in full");
    long long show_id = 0;
    show->add_option("--db", db_path, "Database file");
    show->add_option("id", show_id, "Item id (as printed by search)")->required();

    auto* check = app.add_subcommand(
        "check", "Check the database: SQLite integrity, foreign keys, the full-text index");
    check->add_option("--db", db_path, "Database file");

    auto* themes = app.add_subcommand("themes", "Themes of the plans in patterns/themes");
    themes->require_subcommand(1);
    auto* themes_list = themes->add_subcommand("list", "Themes with how many items link to each");
    themes_list->add_option("--db", db_path, "Database file");
    auto* themes_explain =
        themes->add_subcommand("explain", "Every theme considered for one item, and why");
    long long explain_id = 0;
    themes_explain->add_option("--db", db_path, "Database file");
    themes_explain->add_option("id", explain_id, "Item id (as printed by search)")->required();
    auto* themes_relink = themes->add_subcommand(
        "relink", "Link every stored item again, after a theme file was added or edited");
    themes_relink->add_option("--db", db_path, "Database file");
    auto* themes_import = themes->add_subcommand(
        "import", "Draft a theme file from a plan document (text or PDF) for review");
    std::string import_plan, import_out;
    themes_import->add_option("plan", import_plan, "The plan document")->required();
    themes_import->add_option("--out", import_out, "Write the draft here instead of stdout");

    auto* report = app.add_subcommand(
        "report", "Quarterly follow-up: decisions and open items per theme, absences");
    std::string report_quarter, report_format = "md", report_out;
    std::optional<std::string> report_committee;
    report->add_option("--db", db_path, "Database file");
    report->add_option("--quarter", report_quarter, "Quarter, e.g. 2020Q3")->required();
    report->add_option("--committee", report_committee, "Committee abbreviation or name");
    report->add_option("--format", report_format, "md, html, csv or json")
        ->check(CLI::IsMember({"md", "html", "csv", "json"}));
    report->add_option("--out", report_out, "Write to this file instead of stdout");

    auto* case_cmd = app.add_subcommand(
        "case", "Print the case of an item: every meeting and body it passed, and its state");
    long long case_item = 0;
    case_cmd->add_option("--db", db_path, "Database file");
    case_cmd->add_option("id", case_item, "Item id (as printed by search and show)");
    auto* split = case_cmd->add_subcommand(
        "split", "Take items out of their case; the split survives re-ingest");
    std::vector<long long> split_items;
    split->add_option("--db", db_path, "Database file");
    split->add_option("ids", split_items, "Item ids that leave their case together")->required();

    CLI11_PARSE(app, argc, argv);

    try {
        const auto rules = rules::Rules::load(patterns_dir);
        const Pipeline pipeline(rules);
        if (*ingest)
            return cmd_ingest(pipeline, db_path, ingest_paths, ingest_jobs,
                              std::chrono::seconds(ingest_wait));
        if (*extract) return cmd_extract(pipeline, extract_file, extract_text);
        if (*themes_import) return cmd_themes_import(rules, import_plan, import_out);
        if (!fs::exists(db_path)) {
            std::cerr << text::printable(db_path) << ": no database (run `referat ingest` first)\n";
            return 1;
        }
        // Only these write (FTS5 runs its check as a write statement); the rest read, and work
        // without write access to the file.
        const bool writes = *themes_relink || *split || *check;
        store::Database db(db_path,
                           writes ? store::Database::Mode::Write : store::Database::Mode::Read,
                           writes ? store::kWriterWait : store::kReaderWait);
        if (*search) {
            query::SearchPlan plan;
            const auto hits = query::search(db, options, rules, &plan);
            if (plan.ranked_newest)
                std::cerr << "note: more items match; the " << plan.ranked_newest
                          << " newest were ranked (narrow with --from, --to or --committee)\n";
            std::cout << text::printable(search_json  ? query::hits_json(hits)
                                         : search_csv ? query::hits_csv(hits)
                                         : by_case    ? query::format_hits_by_case(db, hits)
                                                      : query::format_hits(hits));
            return 0;
        }
        if (*show) {
            std::cout << text::printable(query::show_item(db, show_id) +
                                         query::linked_themes_line(db, show_id) +
                                         query::case_line(db, show_id));
            return 0;
        }
        if (*report) {
            const auto r = query::build_report(db, report_quarter, report_committee, rules);
            const auto rendered = report_format == "html"   ? query::render_html(r)
                                  : report_format == "csv"  ? query::render_csv(r)
                                  : report_format == "json" ? query::render_json(r)
                                                            : query::render_markdown(r);
            return write_output(report_out, text::printable(rendered));
        }
        if (*check) {
            const auto problems = db.check();
            for (const auto& p : problems)
                std::cerr << text::printable(db_path) << ": " << text::printable(p) << "\n";
            if (problems.empty()) std::cout << text::printable(db_path) << ": ok\n";
            return problems.empty() ? 0 : 1;
        }
        if (*themes_list) {
            std::cout << text::printable(query::format_theme_list(db, rules));
            return 0;
        }
        if (*themes_relink) {
            const auto n = db.relink_themes([&](const store::Database::StoredItem& s) {
                return link::link_item(s.item, s.municipality, s.committee, rules);
            });
            std::cout << "themes relink: " << n << " items linked again → "
                      << text::printable(db_path) << "\n";
            return 0;
        }
        if (*themes_explain) {
            std::cout << text::printable(query::explain_item(db, explain_id, rules));
            return 0;
        }
        if (*split) {
            store::split_case(db, split_items);
            std::cout << text::printable(
                query::format_case(query::load_case(db, rules, split_items.front())));
            return 0;
        }
        if (*case_cmd) {
            if (!case_cmd->count("id")) {
                std::cerr << "case: an item id is required (or: case split ID...)\n";
                return 1;
            }
            std::cout << text::printable(
                query::format_case(query::load_case(db, rules, case_item)));
            return 0;
        }
    } catch (const rules::PatternError& e) {
        std::cerr << "patterns: " << e.what() << "\n";
        return 2;
    } catch (const query::QueryError& e) {
        std::cerr << text::printable(e.what()) << "\n";
        return 1;
    } catch (const store::SqlError& e) {
        std::cerr << text::printable(db_path) << ": " << text::printable(e.what()) << "\n";
        return 1;
    } catch (const std::invalid_argument& e) {
        std::cerr << text::printable(e.what()) << "\n";
        return 1;
    }
    return 0;
}
