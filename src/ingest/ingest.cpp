// The ingest engine. Files are read on `jobs` threads (Preparer: the costly part) and stored by
// one Writer in input order, in batches of several files a transaction, so the results and the
// database are the same whatever the number of jobs. Bad input costs only its own file.
#include "ingest/ingest.hpp"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "extract/extract.hpp"
#include "link/themes.hpp"
#include "parse/parse.hpp"

namespace referat::ingest {

namespace fs = std::filesystem;

namespace {

const rules::Rules& compiled(const rules::Rules& rules) {
    rules.compile_all();
    return rules;
}

}  // namespace

Pipeline::Pipeline(const rules::Rules& rules) : rules_(compiled(rules)), segmenter_(rules) {}

Referat Pipeline::read(const ExtractedText& text) const {
    return link::link_themes(parse::parse(segmenter_.segment(text), rules_), rules_);
}

Referat Pipeline::read_file(const std::string& path) const {
    return read(extract::extract_file(path, rules_));
}

namespace {

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

// A file read and parsed, or why it could not be.
struct Prepared {
    std::optional<Referat> referat;
    std::string error;
};

// What ingest stores: minutes with items. A header alone (minutes whose items could not be read)
// is shown by `referat extract` but would store an empty meeting.
Prepared prepare(const Pipeline& pipeline, const std::string& file) {
    try {
        auto referat = pipeline.read_file(file);
        if (referat.items.empty())
            throw InputError("no agenda items found (only the meeting header was read)");
        return {std::move(referat), ""};
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
// is not read yet (run). Other writers (a second ingest, `referat case split`) wait for
// the lock meanwhile; a batch begins at least kYield after the last one ended, so that a writer
// polling for the lock (store::Database's busy handler) gets its turn between batches.
// A file's result is reported when its own commit succeeded, so "stored" means stored. When
// anything fails inside a batch, SQLite rolls the whole batch back and its files are stored again
// one transaction each, so a bad file or a full disk costs only the files it hit. After an
// error that stops the ingest (stops_ingest) nothing more is written, and the files not stored
// are counted.
class Writer {
  public:
    static constexpr size_t kBatchFiles = 256;
    static constexpr auto kBatchHold = std::chrono::milliseconds(200);
    static constexpr auto kYield = std::chrono::milliseconds(3);

    Writer(store::Database& db, const rules::Rules& rules,
           const std::function<void(const FileResult&)>& on_result, Summary& summary)
        : db_(db), rules_(rules), on_result_(on_result), summary_(summary) {}

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

    bool stopped() const { return !summary_.stop_reason.empty(); }

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
        summary_.stop_reason = e.what();
        if (e.code() == SQLITE_BUSY) {
            const auto waited = std::chrono::duration_cast<std::chrono::seconds>(db_.wait());
            summary_.stop_reason +=
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
        FileResult r{.file = entry.file};
        const auto& result = entry.result;
        if (!result) {
            r.reason = entry.prepared.error;
            ++summary_.failed;
            return on_result_(r);
        }
        if (result->outcome != store::Database::Outcome::Unchanged) stored_items += result->items;
        const auto& referat = *entry.prepared.referat;
        r.committee = referat.committee;
        r.date = referat.date;
        r.items = referat.items.size();
        switch (result->outcome) {
            case store::Database::Outcome::Stored:
                ++summary_.stored;
                r.outcome = Outcome::Stored;
                r.beside = result->beside;
                break;
            case store::Database::Outcome::Unchanged:
                ++summary_.unchanged;
                r.outcome = Outcome::Unchanged;
                r.kept = result->kept;
                break;
            case store::Database::Outcome::Replaced:
                ++summary_.replaced;
                r.outcome = Outcome::Replaced;
                r.replaced = result->replaced;
                break;
        }
        on_result_(r);
    }

    store::Database& db_;
    const rules::Rules& rules_;
    const std::function<void(const FileResult&)>& on_result_;
    Summary& summary_;
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

    // Once `interrupt` is set, no file is claimed ahead any more; take() still reads its file.
    Preparer(const Pipeline& pipeline, const std::vector<std::string>& files, unsigned jobs,
             const std::atomic<bool>* interrupt)
        : pipeline_(pipeline),
          files_(files),
          ahead_files_(kAheadFiles * std::max(jobs, 1U)),
          interrupt_(interrupt),
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

    // Prepares files on the calling thread until the window is full, every file is claimed, or
    // the ingest is interrupted.
    void prepare_ahead() {
        std::unique_lock lock(mutex_);
        while (!interrupted() && prepare_one(lock)) {
        }
    }

    bool interrupted() const { return interrupt_ && interrupt_->load(std::memory_order_relaxed); }

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
            if (interrupted() || !prepare_one(lock)) changed_.wait(lock);
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
    const std::atomic<bool>* interrupt_;
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

}  // namespace

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

Summary run(const Pipeline& pipeline, const std::string& db_path, const Walk& walk,
            const Options& options) {
    Summary summary;
    const std::function<void(const FileResult&)> on_result =
        options.on_result ? options.on_result : [](const FileResult&) {};
    for (const auto& [path, why] : walk.unreadable) {
        ++summary.failed;
        on_result({.file = path, .reason = why});
    }
    const auto& files = walk.files;
    store::Database db(db_path, store::Database::Mode::Create, options.wait);
    Writer writer(db, pipeline.rules(), on_result, summary);
    {
        Preparer preparer(pipeline, files, options.jobs, options.interrupt);
        for (size_t i = 0; i < files.size() && !writer.stopped(); ++i) {
            if (!preparer.ready(i)) {
                // No write lock is held while files are read (OCR can take minutes): other
                // writers wait for it. The writer reads a window of files itself, then stores
                // them in one batch; beside workers, it stores what they prepared meanwhile.
                if (!preparer.interrupted()) {
                    writer.commit();
                    if (writer.stopped()) break;
                    preparer.prepare_ahead();
                }
                // Interrupted: the files read are stored, in order, and no more are read.
                if (preparer.interrupted() && !preparer.ready(i)) {
                    summary.interrupted = true;
                    break;
                }
            }
            writer.add(files[i], preparer.take(i));
        }
    }
    writer.commit();
    // Files without a result: those of the batch a stop rolled back, and those after it.
    summary.not_stored = static_cast<int>(files.size() + walk.unreadable.size()) - summary.stored -
                         summary.replaced - summary.unchanged - summary.failed;
    if (!writer.stopped()) {
        try {
            db.merge_index(writer.stored_items);
        } catch (const store::SqlError& e) {
            summary.index_error = e.what();
        }
    }
    return summary;
}

}  // namespace referat::ingest
