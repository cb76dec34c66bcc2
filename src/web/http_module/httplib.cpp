// The HTTP module: cpp-httplib's threaded server, answering GET (and HEAD) with a handler.
#include <httplib.h>

#include "web/http_module/entry.hpp"

namespace referat::web {

namespace {

class Server final : public HttpServer {
  public:
    explicit Server(Handler handler) : handler_(std::move(handler)) {
        // A reply is written as headers, then body: without this, Nagle's algorithm holds the
        // body until the client's delayed ACK (40 ms on Linux) on a kept-alive connection.
        server_.set_tcp_nodelay(true);
        server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
            const auto reply = handler_(req.path, Params(req.params.begin(), req.params.end()));
            res.status = reply.status;
            for (const auto& [name, value] : reply.headers) res.set_header(name, value);
            res.set_content(reply.body, reply.content_type);
        });
    }

    int bind(const std::string& host, int port) override {
        if (port == 0) return server_.bind_to_any_port(host);
        return server_.bind_to_port(host, port) ? port : -1;
    }
    bool listen() override { return server_.listen_after_bind(); }
    void stop() override { server_.stop(); }

  private:
    Handler handler_;
    httplib::Server server_;
};

std::unique_ptr<HttpServer> make_server(Handler handler) {
    return std::make_unique<Server>(std::move(handler));
}

}  // namespace

}  // namespace referat::web

extern "C" __attribute__((visibility("default"))) const referat::web::HttpEntry*
referat_http_entry() {
    static const referat::web::HttpEntry entry{referat::web::make_server};
    return &entry;
}
