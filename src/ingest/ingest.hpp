// Ingest stage: files and folders of minutes → stored meetings, one result per file. Reading
// (extract → segment → parse → link) runs on several threads; one writer stores in input order.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"
#include "segment/segment.hpp"
#include "store/database.hpp"

namespace referat::ingest {

// The stages that read minutes, composed once: text → items → parsed minutes → theme links.
class Pipeline {
  public:
    // Compiles every pattern first (Rules::compile_all): a bad one throws rules::PatternError
    // before any file is read, and no worker thread compiles.
    explicit Pipeline(const rules::Rules& rules);

    const rules::Rules& rules() const { return rules_; }
    // Throws InputError when the text holds no minutes.
    Referat read(const ExtractedText& text) const;
    // extract::extract_file, then read(); throws InputError for a file that cannot be read.
    Referat read_file(const std::string& path) const;

  private:
    const rules::Rules& rules_;
    segment::Segmenter segmenter_;
};

// The files an ingest reads, and the paths that could not be read, each with its reason.
struct Walk {
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> unreadable;
};

// Files named are taken as they are; folders are searched for .pdf, .txt, .html and .htm, in
// path order. Symbolic links to folders are not followed (a link loop cannot walk forever). An
// entry or folder that cannot be read is listed in Walk::unreadable, and the walk goes on.
Walk collect_files(const std::vector<std::string>& paths);

enum class Outcome { Stored, Replaced, Unchanged, Failed };

// What became of one file (or of an unreadable path).
struct FileResult {
    std::string file;
    Outcome outcome = Outcome::Failed;
    std::string reason;  // Failed: one line saying why
    // The minutes read; for every outcome but Failed.
    std::optional<std::string> committee, date;
    size_t items = 0;
    std::vector<store::Database::Replacement> replaced;  // Replaced: the versions it replaces
    // Stored: other minutes of the same committee and date, kept beside these.
    std::vector<std::string> beside;
    // Unchanged: another copy of these minutes is stored and kept instead (and why).
    std::optional<store::Database::Replacement> kept;
};

struct Summary {
    int stored = 0, replaced = 0, unchanged = 0;
    int failed = 0;      // files and paths with a Failed result
    int not_stored = 0;  // files without a result: rolled back by a stop, or never reached
    // Why the ingest stopped before the end (the database cannot be written); empty otherwise.
    std::string stop_reason;
    bool interrupted = false;  // Options::interrupt was set; the open batch was committed
    // Merging the full-text index failed; everything is stored, the index stays in more segments.
    std::string index_error;
};

struct Options {
    unsigned jobs = 1;  // threads reading files; one of them also stores them
    std::chrono::milliseconds wait = store::kWriterWait;  // for another writer's lock
    // Called on the ingesting thread for each file and unreadable path, in input order, once its
    // outcome is final: "stored" is said only after its transaction committed.
    std::function<void(const FileResult&)> on_result;
    // Checked between files (a signal handler may set it): once set, no further file is read; the
    // files read up to the first one that is not are stored, and the rest are counted in
    // Summary::not_stored.
    const std::atomic<bool>* interrupt = nullptr;
};

// Stores the files of `walk` in the database at `db_path` (created when missing). Throws
// store::SqlError when the database cannot be opened; later database trouble ends up in the
// results and the summary.
Summary run(const Pipeline& pipeline, const std::string& db_path, const Walk& walk,
            const Options& options);

}  // namespace referat::ingest
