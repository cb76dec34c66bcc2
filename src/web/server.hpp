// `referat serve`: the web interface over HTTP (cpp-httplib, in the module referat_http.so), until
// SIGINT or SIGTERM.
#pragma once

#include <string>

#include "web/app.hpp"

namespace referat::web {

struct ServeOptions {
    std::string db, patterns;
    std::string bind = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (printed)
};

// Prints "referat serve: http://HOST:PORT/ (DB)" once listening; returns the exit code (1 when
// the HTTP module is missing or the address cannot be bound). Throws rules::PatternError,
// store::SqlError for the database.
int serve(const ServeOptions& options);

}  // namespace referat::web
