#pragma once
// platformd init-tls, and the start-up check of the TLS files it makes (platformd/inittls.cpp).

#include <string>
#include <vector>

// `platformd init-tls DIR ...` (args without "init-tls"); exit status 0, 1 or 2.
int runInitTls(const std::vector<std::string> &args);

namespace platformd {
// Checks, before platformd touches its data dir, that --tls-cert holds at least one PEM
// certificate,
// --tls-key a PEM private key matching the first one, and --client-ca (when not empty) at least one
// PEM certificate. Returns "" when they do, else what is wrong, naming the file.
std::string checkTlsFiles(const std::string &certPath, const std::string &keyPath,
                          const std::string &clientCaPath);
} // namespace platformd
