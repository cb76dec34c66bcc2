// The commands of `referat`, run on the options main() parsed.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "query/query.hpp"

namespace referat::cli {

// Exit codes: every command returns one of these.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;         // a file, the database or a search failed
inline constexpr int kExitUsage = 2;          // the command line is wrong
inline constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells report it

// The command line asks for something that does not exist: an unknown committee or theme.
// One line naming the argument; exit kExitUsage.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Every option of every command; main() fills in those of the command given.
struct Args {
    std::string command;  // "ingest", "themes list", "case split", ...
    std::string db, patterns;
    bool json = false, csv = false, by_case = false, text = false, quiet = false;
    std::vector<std::string> paths;  // ingest
    unsigned jobs = 1, wait_seconds = 600;
    std::string file;             // extract; themes import: the plan
    query::SearchOptions search;  // search
    long long id = 0;             // show, case, themes explain
    std::string case_ref;         // case: an item id (digits only) or a Sagsnr.
    bool id_given = false;        // case: an id or Sagsnr., or a subcommand
    std::vector<long long> ids;   // case split
    std::string quarter, format = "md", out;
    std::optional<std::string> committee;  // report
};

// Runs args.command. Throws UsageError, rules::PatternError, query::QueryError, store::SqlError.
int run(const Args& args);

}  // namespace referat::cli
