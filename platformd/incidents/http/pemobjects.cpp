#include "incidents/http/private/pemobjects.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace platformd::incidents::pem {

namespace {

struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr memoryBio(const std::string &text)
{
    return BioPtr(BIO_new_mem_buf(text.data(), int(text.size())));
}

} // namespace

std::string lastError(const char *fallback)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return fallback;
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return buf;
}

std::vector<X509Ptr> certificates(const std::string &text, const std::string &what,
                                  std::string *error)
{
    std::vector<X509Ptr> out;
    BioPtr bio = memoryBio(text);
    ERR_clear_error();
    while (X509 *x = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr)
        out.emplace_back(x);
    // Reading stops with "no start line" at the end of the text: that one is not an error.
    const unsigned long code = ERR_peek_last_error();
    if (out.empty() || (code != 0 && ERR_GET_REASON(code) != PEM_R_NO_START_LINE)) {
        *error = what + ": " +
                 (out.empty() ? std::string("no PEM certificate") : lastError("broken PEM"));
        out.clear();
    }
    ERR_clear_error();
    return out;
}

KeyPtr privateKey(const std::string &text, const std::string &what, std::string *error)
{
    BioPtr bio = memoryBio(text);
    ERR_clear_error();
    KeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key)
        *error = what + ": not a PEM private key (" + lastError("unreadable") + ")";
    ERR_clear_error();
    return key;
}

StorePtr store(const std::string &text, const std::string &what, std::string *error)
{
    std::vector<X509Ptr> certs = certificates(text, what, error);
    if (certs.empty())
        return nullptr;
    StorePtr s(X509_STORE_new());
    for (const X509Ptr &cert : certs) {
        if (!s || X509_STORE_add_cert(s.get(), cert.get()) != 1) {
            *error = what + ": " + lastError("cannot make a certificate store");
            return nullptr;
        }
    }
    return s;
}

bool setupServerContext(SSL_CTX *ctx, const std::string &certPem, const std::string &keyPem,
                        const std::string &clientCaPem, std::string *error)
{
    std::vector<X509Ptr> chain = certificates(certPem, "certificate", error);
    if (chain.empty())
        return false;
    KeyPtr key = privateKey(keyPem, "key", error);
    if (!key)
        return false;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
    if (SSL_CTX_use_certificate(ctx, chain.front().get()) != 1) {
        *error = "certificate: " + lastError("refused");
        return false;
    }
    for (std::size_t i = 1; i < chain.size(); ++i) {
        // add0: the context takes the reference.
        if (SSL_CTX_add0_chain_cert(ctx, chain[i].get()) != 1) {
            *error = "certificate chain: " + lastError("refused");
            return false;
        }
        chain[i].release();
    }
    if (SSL_CTX_use_PrivateKey(ctx, key.get()) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        *error = "key: does not match the certificate (" + lastError("refused") + ")";
        return false;
    }
    if (!clientCaPem.empty()) {
        std::vector<X509Ptr> cas = certificates(clientCaPem, "client CA", error);
        if (cas.empty())
            return false;
        X509_STORE *verify = SSL_CTX_get_cert_store(ctx);
        STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
        for (const X509Ptr &ca : cas) {
            X509_STORE_add_cert(verify, ca.get());
            if (names)
                sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(ca.get())));
        }
        SSL_CTX_set_client_CA_list(ctx, names); // takes the stack
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    }
    ERR_clear_error();
    return true;
}

} // namespace platformd::incidents::pem
