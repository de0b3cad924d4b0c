#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <set>
#include <string>

// The HTTP(S) endpoint Alertmanager delivers webhooks to, on cpp-httplib. Only
// POST /webhooks/alertmanager/{name} exists, {name} one of the configured Alertmanagers.
//
// Refusals, before the handler runs and without storing anything:
//   401 no or wrong "Authorization: Bearer <token>" (constant-time compare; more than one
//       Authorization header is refused too), when a token is configured
//   (TLS handshake fails) no client certificate from the client CA, when mTLS is configured
//   404 unknown path or Alertmanager name; 405 another method
//   411/413 no Content-Length, or a body over maxBodyBytes (never read whole)
//   415 Content-Type other than application/json
// The handler's answer is sent as given (it refuses malformed bodies with 400, wrong versions
// with 422, and acknowledges replays with 200).
namespace platformd::incidents {

struct WebhookServerOptions
{
    std::string listen;          // host:port; port 0 picks one
    std::string bearerToken;     // empty: no token check (then mTLS must be on)
    std::string certPem, keyPem; // non-empty: HTTPS
    std::string clientCaPem;     // non-empty (with cert): require client certificates from this CA
    std::size_t maxBodyBytes = 1024 * 1024;
    int threads = 4; // concurrent requests served
    // Each read and write (and the wait for a connection's request) gives up after this, so a
    // client that stalls frees its worker.
    std::chrono::milliseconds ioTimeout{5000};
};

struct WebhookRequest
{
    std::string alertmanager; // the {name} of the path
    std::string body;
    std::string peer; // "127.0.0.1:51234"
};

struct WebhookResponse
{
    int status = 200;
    std::string body; // a short text: what was done or what is wrong
};

class WebhookServer
{
public:
    using Handler = std::function<WebhookResponse(const WebhookRequest &)>;

    WebhookServer(WebhookServerOptions options, std::set<std::string> alertmanagers,
                  Handler handler);
    ~WebhookServer(); // stops

    // Binds the address. False with *error set ("cannot listen on 127.0.0.1:80: ...", "neither a
    // bearer token nor mTLS configured") when it cannot.
    bool bind(std::string *error);
    // Starts serving on its own threads (after bind).
    void start();
    // Stops accepting and waits for requests in flight.
    void stop();

    int port() const;
    std::string url() const; // "http://127.0.0.1:41235" or https://

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace platformd::incidents
