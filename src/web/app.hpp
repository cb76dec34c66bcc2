// `referat serve`: the web interface's requests answered from a read-only database, apart from
// the HTTP server (web/server.hpp) so that tests can ask it directly.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "store/database.hpp"

namespace referat::web {

// The query string's parameters, as the HTTP library parsed them (a name may repeat).
using Params = std::multimap<std::string, std::string>;

struct Reply {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

class App {
  public:
    // Opens the database once to check it (read-only; throws store::SqlError). `rules` must
    // outlive the App.
    App(std::string db_path, const rules::Rules& rules);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Answers GET `path`: a page, 400 for a bad parameter, 404 for an unknown page or id, 500
    // when the database fails. Never throws. Safe to call from several threads.
    Reply get(const std::string& path, const Params& params);

  private:
    class Lease;
    std::unique_ptr<store::Database> take();
    void give(std::unique_ptr<store::Database> db);
    Reply route(const std::string& path, const Params& params, store::Database& db);

    std::string db_path_;
    const rules::Rules& rules_;
    // Connections not in use: one per concurrent request, opened when first needed.
    std::mutex mutex_;
    std::vector<std::unique_ptr<store::Database>> idle_;
};

}  // namespace referat::web
