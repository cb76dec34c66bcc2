// The entry point of the HTTP module, referat_http.so: cpp-httplib and the libraries it brings
// (OpenSSL, brotli, zlib) are opened only by `referat serve` (web/server.cpp opens it).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "web/app.hpp"

namespace referat::web {

// Answers one GET (or HEAD) request; called from the server's threads.
using Handler = std::function<Reply(const std::string& path, const Params& params)>;

// A threaded HTTP server, set for small replies.
class HttpServer {
  public:
    virtual ~HttpServer() = default;
    // Binds `host` at `port` (0: any free port); the port bound, or -1.
    virtual int bind(const std::string& host, int port) = 0;
    // Serves until stop(); false when it stopped because it could not accept connections.
    virtual bool listen() = 0;
    // Safe to call from another thread.
    virtual void stop() = 0;
};

// What server.cpp needs of cpp-httplib, as the module implements it.
struct HttpEntry {
    std::unique_ptr<HttpServer> (*server)(Handler handler);
};

// The name dlsym looks up; the function is extern "C" so that the name is not mangled.
inline constexpr const char* kHttpEntrySymbol = "referat_http_entry";

}  // namespace referat::web

extern "C" const referat::web::HttpEntry* referat_http_entry();
