// The HTTP side of `referat serve`: the HTTP module's threaded server answering GET (and HEAD)
// with web::App. SIGINT and SIGTERM are taken by a thread of their own (sigwait), which stops the
// server: a signal handler may not call into the server's locks.
#include "web/server.hpp"

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "rules/rules.hpp"
#include "util/install_paths.hpp"
#include "util/text.hpp"
#include "web/http_module/entry.hpp"

namespace referat::web {

int serve(const ServeOptions& options) {
    const auto http = install_paths::open_module<HttpEntry>(
        REFERAT_HTTP_MODULE_FROM_BIN, REFERAT_HTTP_MODULE, REFERAT_BUILD_DIR, kHttpEntrySymbol);
    if (!http.entry) {
        std::cerr << "serve: the HTTP module: " << http.missing << "\n";
        return 1;
    }
    const auto rules = rules::Rules::load(options.patterns);
    App app(options.db, rules);

    // Blocked here, before the server's threads start, so they inherit the mask and only the
    // waiting thread receives the signals.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const auto server = http.entry->server(
        [&app](const std::string& path, const Params& params) { return app.get(path, params); });
    const int port = server->bind(options.bind, options.port);
    if (port < 0) {
        std::cerr << "serve: cannot listen on " << text::printable(options.bind) << " port "
                  << options.port << "\n";
        return 1;
    }
    std::cout << "referat serve: http://"
              << (options.bind.find(':') != std::string::npos ? "[" + options.bind + "]"
                                                              : options.bind)
              << ":" << port << "/ (" << text::printable(options.db) << ")" << std::endl;

    std::atomic<bool> signalled{false};
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        signalled = true;
        server->stop();
    });
    const bool listened = server->listen();
    // Stopped by something else than a signal (a failing socket): wake the waiting thread.
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
    if (listened || signalled) return 0;
    std::cerr << "serve: the server stopped: cannot accept connections\n";
    return 1;
}

}  // namespace referat::web
