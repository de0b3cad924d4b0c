// The webhook endpoint on cpp-httplib. Every refusal is decided from the request line and
// headers, before the body is read (the pre-routing handler, and the 100-continue handler for
// clients that ask first), so an unauthenticated or oversized request never costs more than its
// headers. Each connection serves one request: an idle keep-alive connection would otherwise park
// one of the few workers until its timeout.
#include "incidents/http/webhookserver.h"

#include "incidents/http/private/pemobjects.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

#include <sys/socket.h>

namespace platformd::incidents {

namespace {

constexpr const char *kPathPrefix = "/webhooks/alertmanager/";

bool splitListen(const std::string &listen, std::string *host, int *port)
{
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size())
        return false;
    std::string h = listen.substr(0, colon);
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']')
        h = h.substr(1, h.size() - 2);
    const std::string p = listen.substr(colon + 1);
    if (h.empty() || p.size() > 5 || !std::all_of(p.begin(), p.end(), ::isdigit))
        return false;
    const int value = std::stoi(p);
    if (value > 65535)
        return false;
    *host = h;
    *port = value;
    return true;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool isJsonContentType(const std::string &value)
{
    std::string type = lower(value.substr(0, value.find(';')));
    type.erase(0, type.find_first_not_of(" \t"));
    type.erase(type.find_last_not_of(" \t") + 1);
    return type == "application/json";
}

std::array<unsigned char, SHA256_DIGEST_LENGTH> digest(const std::string &s)
{
    std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
    SHA256(reinterpret_cast<const unsigned char *>(s.data()), s.size(), out.data());
    return out;
}

struct Refusal
{
    int status = 0;
    std::string reason;
};

} // namespace

struct WebhookServer::Impl
{
    WebhookServerOptions options;
    std::set<std::string> alertmanagers;
    Handler handler;
    std::array<unsigned char, SHA256_DIGEST_LENGTH> tokenDigest{};

    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    std::string host;
    int port = 0;
    bool tls = false;

    // The name of the path, or a refusal. Decided from the request line and headers only.
    Refusal check(const httplib::Request &req, std::string *name) const
    {
        if (req.path.rfind(kPathPrefix, 0) != 0)
            return {404, "not found"};
        *name = req.path.substr(std::strlen(kPathPrefix));
        if (name->empty() || name->find('/') != std::string::npos)
            return {404, "not found"};
        if (req.method != "POST")
            return {405, "only POST"};
        if (!options.bearerToken.empty()) {
            const std::size_t count = req.get_header_value_count("Authorization");
            if (count == 0)
                return {401, "bearer token required"};
            if (count > 1)
                return {401, "more than one Authorization header"};
            const std::string value = req.get_header_value("Authorization");
            if (value.size() < 7 || lower(value.substr(0, 7)) != "bearer ")
                return {401, "bearer token required"};
            // Equal-length digests, compared in constant time: neither the token's bytes nor its
            // length leak through timing.
            const auto given = digest(value.substr(7));
            if (CRYPTO_memcmp(given.data(), tokenDigest.data(), given.size()) != 0)
                return {401, "wrong bearer token"};
        }
        if (!alertmanagers.count(*name))
            return {404, "no Alertmanager named \"" + name->substr(0, 64) + "\""};
        if (req.has_header("Transfer-Encoding"))
            return {411, "Content-Length required (no chunked bodies)"};
        if (req.get_header_value_count("Content-Length") != 1)
            return {411, "Content-Length required"};
        const std::string length = req.get_header_value("Content-Length");
        if (length.empty() || length.size() > 19 ||
            !std::all_of(length.begin(), length.end(), ::isdigit))
            return {400, "bad Content-Length"};
        if (std::stoull(length) > options.maxBodyBytes)
            return {413, "body over " + std::to_string(options.maxBodyBytes) + " bytes"};
        if (!isJsonContentType(req.get_header_value("Content-Type")))
            return {415, "Content-Type must be application/json"};
        return {};
    }

    static void refuse(const httplib::Request &req, httplib::Response &res, const Refusal &r)
    {
        res.status = r.status;
        if (r.status == 401)
            res.set_header("WWW-Authenticate", "Bearer");
        if (r.status == 405)
            res.set_header("Allow", "POST");
        res.set_content(r.reason + "\n", "text/plain");
        spdlog::debug("webhook refused: {} {} from {}:{}: {} {}", req.method,
                      req.path.substr(0, 80), req.remote_addr, req.remote_port, r.status, r.reason);
    }

    void serve(const httplib::Request &req, httplib::Response &res)
    {
        std::string name;
        const Refusal refusal = check(req, &name); // again: cheap, and the route must not trust
        if (refusal.status) {
            refuse(req, res, refusal);
            return;
        }
        const bool v6 = req.remote_addr.find(':') != std::string::npos;
        WebhookRequest request{name, req.body,
                               (v6 ? "[" + req.remote_addr + "]" : req.remote_addr) + ":" +
                                   std::to_string(req.remote_port)};
        const WebhookResponse answer = handler(request);
        res.status = answer.status;
        res.set_content(answer.body, "text/plain");
    }
};

WebhookServer::WebhookServer(WebhookServerOptions options, std::set<std::string> alertmanagers,
                             Handler handler)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    m_impl->alertmanagers = std::move(alertmanagers);
    m_impl->handler = std::move(handler);
    m_impl->tokenDigest = digest(m_impl->options.bearerToken);
}

WebhookServer::~WebhookServer()
{
    stop();
}

bool WebhookServer::bind(std::string *error)
{
    Impl &d = *m_impl;
    const WebhookServerOptions &o = d.options;
    auto failWith = [error](std::string message) {
        if (error)
            *error = std::move(message);
        return false;
    };
    if (d.server)
        return failWith("already bound");
    if (!splitListen(o.listen, &d.host, &d.port))
        return failWith("listen address \"" + o.listen + "\": expected host:port");
    if (o.certPem.empty() != o.keyPem.empty())
        return failWith("HTTPS needs both a certificate and a key");
    if (!o.clientCaPem.empty() && o.certPem.empty())
        return failWith("a client CA (mTLS) needs HTTPS: give a certificate and a key");
    if (o.bearerToken.empty() && o.clientCaPem.empty())
        return failWith("neither a bearer token nor mTLS configured");
    if (o.threads < 1 || o.threads > 256)
        return failWith("threads: " + std::to_string(o.threads) + ", expected 1..256");
    if (o.ioTimeout < std::chrono::milliseconds(1))
        return failWith("ioTimeout: must be positive");
    if (o.maxBodyBytes == 0)
        return failWith("maxBodyBytes: 0");

    std::unique_ptr<httplib::Server> server;
    if (!o.certPem.empty()) {
        std::string tlsError;
        auto tls = std::make_unique<httplib::SSLServer>([&](SSL_CTX &ctx) {
            return pem::setupServerContext(&ctx, o.certPem, o.keyPem, o.clientCaPem, &tlsError);
        });
        if (!tls->is_valid())
            return failWith("HTTPS: " + (tlsError.empty() ? "cannot set up TLS" : tlsError));
        server = std::move(tls);
        d.tls = true;
    } else {
        server = std::make_unique<httplib::Server>();
    }

    const int threads = o.threads;
    server->new_task_queue = [threads] {
        return new httplib::ThreadPool(std::size_t(threads));
    };
    server->set_read_timeout(o.ioTimeout);
    server->set_write_timeout(o.ioTimeout);
    server->set_keep_alive_max_count(1);
    // The 200 leaves as soon as it is written: without TCP_NODELAY the response's second segment
    // waits on the client's delayed ACK (tens of milliseconds on loopback).
    server->set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, which would let a second process share the port
    // and take half of the webhooks: address reuse only.
    server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // Whole seconds only here: how long an accepted connection may wait before its request.
    server->set_keep_alive_timeout(
        std::max<time_t>(1, std::chrono::duration_cast<std::chrono::seconds>(o.ioTimeout).count()));
    // A fallback only: check() refuses larger bodies from their Content-Length before reading.
    server->set_payload_max_length(o.maxBodyBytes);

    Impl *impl = m_impl.get();
    server->set_expect_100_continue_handler(
        [impl](const httplib::Request &req, httplib::Response &res) {
            std::string name;
            const Refusal refusal = impl->check(req, &name);
            if (!refusal.status)
                return 100;
            Impl::refuse(req, res, refusal);
            return refusal.status;
        });
    server->set_pre_routing_handler([impl](const httplib::Request &req, httplib::Response &res) {
        std::string name;
        const Refusal refusal = impl->check(req, &name);
        if (!refusal.status)
            return httplib::Server::HandlerResponse::Unhandled;
        Impl::refuse(req, res, refusal);
        return httplib::Server::HandlerResponse::Handled;
    });
    server->Post(
        R"(/webhooks/alertmanager/[^/]+)",
        [impl](const httplib::Request &req, httplib::Response &res) { impl->serve(req, res); });
    server->set_exception_handler(
        [](const httplib::Request &req, httplib::Response &res, std::exception_ptr ep) {
            std::string what = "unknown exception";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception &e) {
                what = e.what();
            } catch (...) {
            }
            spdlog::error("webhook {}: handler failed: {}", req.path.substr(0, 80), what);
            res.status = 500;
            res.set_content("internal error\n", "text/plain");
        });
    server->set_error_handler([](const httplib::Request &, httplib::Response &res) {
        // httplib's own refusals (a bad request line, a body over the limit): a short text.
        if (res.body.empty())
            res.set_content("refused: HTTP " + std::to_string(res.status) + "\n", "text/plain");
    });

    errno = 0;
    int port = d.port;
    bool ok;
    if (port == 0) {
        port = server->bind_to_any_port(d.host);
        ok = port > 0;
    } else {
        ok = server->bind_to_port(d.host, port);
    }
    if (!ok) {
        const int err = errno;
        return failWith("cannot listen on " + o.listen + ": " +
                        (err ? std::strerror(err) : "address not usable"));
    }
    d.port = port;
    d.server = std::move(server);
    return true;
}

void WebhookServer::start()
{
    Impl &d = *m_impl;
    if (!d.server || d.thread.joinable())
        return;
    httplib::Server *server = d.server.get();
    auto ended = std::make_shared<std::atomic<bool>>(false);
    d.thread = std::thread([server, ended] {
        server->listen_after_bind();
        ended->store(true);
    });
    // stop() only stops a running server: wait until it runs, so a stop right after start is
    // never lost.
    while (!server->is_running() && !ended->load())
        std::this_thread::yield();
}

void WebhookServer::stop()
{
    Impl &d = *m_impl;
    if (!d.server)
        return;
    if (!d.thread.joinable())
        start(); // bound but never started: httplib closes the socket only when it stops

    // Closes the listening socket; listen_after_bind() then shuts its pool down, which finishes
    // the requests in flight before the thread returns.
    d.server->stop();
    d.thread.join();
    d.server.reset();
}

int WebhookServer::port() const
{
    return m_impl->port;
}

std::string WebhookServer::url() const
{
    const std::string host =
        m_impl->host.find(':') != std::string::npos ? "[" + m_impl->host + "]" : m_impl->host;
    return std::string(m_impl->tls ? "https://" : "http://") + host + ":" +
           std::to_string(m_impl->port);
}

} // namespace platformd::incidents
