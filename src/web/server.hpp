// `referat serve`: the web interface over HTTP (cpp-httplib), until SIGINT or SIGTERM.
#pragma once

#include <httplib.h>

#include <string>

#include "web/app.hpp"

namespace referat::web {

// Answers every GET (and HEAD) of `server` with `app`, which must outlive it; sets the server's
// socket options for small replies.
void mount(httplib::Server& server, App& app);

struct ServeOptions {
    std::string db, patterns;
    std::string bind = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (printed)
};

// Prints "referat serve: http://HOST:PORT/ (DB)" once listening; returns the exit code (1 when
// the address cannot be bound). Throws rules::PatternError, store::SqlError for the database.
int serve(const ServeOptions& options);

}  // namespace referat::web
