#pragma once

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <vector>

// OpenSSL objects made from PEM text in memory (certificates and keys never touch the disk).
namespace platformd::incidents::pem {

struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct StoreFree
{
    void operator()(X509_STORE *s) const { X509_STORE_free(s); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;
using StorePtr = std::unique_ptr<X509_STORE, StoreFree>;

// Every certificate in the text, in order; empty with *error set when there is none or one is
// broken. `what` names the input in the error ("cert", "client CA").
std::vector<X509Ptr> certificates(const std::string &text, const std::string &what,
                                  std::string *error);
KeyPtr privateKey(const std::string &text, const std::string &what, std::string *error);
// A store holding every certificate of the text.
StorePtr store(const std::string &text, const std::string &what, std::string *error);

// Sets up a server context: certificate chain, key (checked against it), TLS 1.2 at least and,
// when clientCaPem is non-empty, required client certificates from that CA.
bool setupServerContext(SSL_CTX *ctx, const std::string &certPem, const std::string &keyPem,
                        const std::string &clientCaPem, std::string *error);

// The first OpenSSL error in the queue as text (and clears the queue); `fallback` when none.
std::string lastError(const char *fallback);

} // namespace platformd::incidents::pem
