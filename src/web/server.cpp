// The HTTP side of `referat serve`: cpp-httplib's threaded server answering GET (and HEAD) with
// web::App. SIGINT and SIGTERM are taken by a thread of their own (sigwait), which stops the
// server: a signal handler may not call into the server's locks.
#include "web/server.hpp"

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "rules/rules.hpp"
#include "util/text.hpp"

namespace referat::web {

void mount(httplib::Server& server, App& app) {
    // A reply is written as headers, then body: without this, Nagle's algorithm holds the body
    // until the client's delayed ACK (40 ms on Linux) on a kept-alive connection.
    server.set_tcp_nodelay(true);
    server.Get(".*", [&app](const httplib::Request& req, httplib::Response& res) {
        const auto reply = app.get(req.path, Params(req.params.begin(), req.params.end()));
        res.status = reply.status;
        for (const auto& [name, value] : reply.headers) res.set_header(name, value);
        res.set_content(reply.body, reply.content_type);
    });
}

int serve(const ServeOptions& options) {
    const auto rules = rules::Rules::load(options.patterns);
    App app(options.db, rules);

    // Blocked here, before the server's threads start, so they inherit the mask and only the
    // waiting thread receives the signals.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    httplib::Server server;
    mount(server, app);
    const int port = options.port == 0
                         ? server.bind_to_any_port(options.bind)
                         : (server.bind_to_port(options.bind, options.port) ? options.port : -1);
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
        server.stop();
    });
    const bool listened = server.listen_after_bind();
    // Stopped by something else than a signal (a failing socket): wake the waiting thread.
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
    if (listened || signalled) return 0;
    std::cerr << "serve: the server stopped: cannot accept connections\n";
    return 1;
}

}  // namespace referat::web
