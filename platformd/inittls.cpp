// platformd init-tls: a local CA, a server certificate and client certificates (OpenSSL 3 EVP).
//
//   platformd init-tls DIR --host NAME [--host NAME...] --ip ADDR [--ip ADDR...] [--client NAME...]
//                      [--force]
//
// Writes DIR/ca.pem, ca.key, server.pem, server.key and client-NAME.pem/.key. Keys are P-256,
// PKCS#8 PEM, created 0600; certificates are X.509 v3, SHA-256, random 159-bit serials, valid 825
// days. Nothing is written until every key and certificate has been made; each file is written to a
// temporary name beside it, fsynced and renamed, so a failure never leaves a half-written key.
// Exit status: 0 done, 1 failed (including "ca.key exists, give --force"), 2 bad arguments.
#include "inittls.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr long kValidityDays = 825;

const char kInitTlsHelp[] =
    R"(Usage: platformd init-tls DIR --host NAME [--host NAME...] --ip ADDR [--ip ADDR...]
                          [--client NAME...] [--force]

Makes a local certificate authority (DIR/ca.pem, DIR/ca.key), a server certificate for the given DNS
names and IP addresses (DIR/server.pem, DIR/server.key) and one client certificate per --client
(DIR/client-NAME.pem, DIR/client-NAME.key, CN=NAME). Keys are ECDSA P-256 and written mode 0600.
Serve with: platformd --tls-cert DIR/server.pem --tls-key DIR/server.key [--client-ca DIR/ca.pem]

  --host NAME     a DNS name of the server (subjectAltName DNS:NAME); repeatable
  --ip ADDR       an IPv4 or IPv6 address of the server (subjectAltName IP:ADDR); repeatable
  --client NAME   also make a client certificate for NAME ([A-Za-z0-9._-]); repeatable
  --force         overwrite existing files (a new CA invalidates every certificate of the old one)

At least one --host or --ip is needed. Exit status: 0 done, 1 failed, 2 bad arguments.
)";

struct Args
{
    std::string dir;
    std::vector<std::string> hosts, ips, clients;
    bool force = false;
};

struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

bool validHost(const std::string &host)
{
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.')
        return false;
    for (size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                        (c == '*' && i == 0 && host.size() > 2 && host[1] == '.');
        if (!ok)
            return false;
    }
    return host.find("..") == std::string::npos;
}

bool validIp(const std::string &ip)
{
    unsigned char buffer[sizeof(in6_addr)];
    return inet_pton(AF_INET, ip.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, ip.c_str(), buffer) == 1;
}

bool validClient(const std::string &name)
{
    if (name.empty() || name.size() > 64 || name.front() == '.' || name.front() == '-')
        return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

// Returns nullopt-equivalent via exceptions: UsageError for bad arguments.
Args parseArgs(const std::vector<std::string> &args, bool *help)
{
    Args a;
    std::set<std::string> clientsSeen;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string inlineValue;
        bool hasInline = false;
        if (const size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            inlineValue = arg.substr(eq + 1);
            hasInline = true;
            arg = arg.substr(0, eq);
        }
        auto value = [&]() -> std::string {
            if (hasInline)
                return inlineValue;
            if (i + 1 >= args.size())
                throw UsageError("missing value for " + arg);
            return args[++i];
        };
        if (arg == "--help" || arg == "-h") {
            *help = true;
            return a;
        } else if (arg == "--host") {
            const std::string host = value();
            if (!validHost(host))
                throw UsageError("invalid value \"" + host + "\" for --host (expected a DNS name)");
            a.hosts.push_back(host);
        } else if (arg == "--ip") {
            const std::string ip = value();
            if (!validIp(ip))
                throw UsageError("invalid value \"" + ip +
                                 "\" for --ip (expected an IPv4 or IPv6 address)");
            a.ips.push_back(ip);
        } else if (arg == "--client") {
            const std::string name = value();
            if (!validClient(name))
                throw UsageError("invalid value \"" + name +
                                 "\" for --client (letters, digits, '.', '_' and '-' only)");
            if (!clientsSeen.insert(name).second)
                throw UsageError("--client " + name + " given twice");
            a.clients.push_back(name);
        } else if (arg == "--force") {
            if (hasInline)
                throw UsageError("--force takes no value");
            a.force = true;
        } else if (arg.starts_with("-") && arg != "-") {
            throw UsageError("unknown argument \"" + args[i] + "\"");
        } else if (a.dir.empty()) {
            a.dir = arg;
        } else {
            throw UsageError("unexpected argument \"" + arg + "\" (only one DIR)");
        }
    }
    if (a.dir.empty())
        throw UsageError(
            "init-tls needs a directory: platformd init-tls DIR --host NAME --ip ADDR");
    if (a.hosts.empty() && a.ips.empty())
        throw UsageError("init-tls needs at least one --host or --ip for the server certificate");
    return a;
}

// ---- OpenSSL helpers -------------------------------------------------------------------------

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free_all(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Free>;
using Cert = std::unique_ptr<X509, Free>;

[[noreturn]] void opensslFailed(const std::string &what)
{
    std::string message = what;
    if (const unsigned long e = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(e, buffer, sizeof buffer);
        message += ": ";
        message += buffer;
    }
    ERR_clear_error();
    throw std::runtime_error(message);
}

void check(bool ok, const std::string &what)
{
    if (!ok)
        opensslFailed(what);
}

Key newKey()
{
    Key key(EVP_EC_gen("P-256"));
    check(key != nullptr, "cannot generate a P-256 key");
    return key;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const std::string &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, Free> ext(
        X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    check(ext != nullptr,
          "cannot make the extension " + std::string(OBJ_nid2sn(nid)) + "=" + value);
    check(X509_add_ext(cert, ext.get(), -1) == 1, "cannot add an extension");
}

// A certificate for subjectKey named CN=commonName, signed by issuerKey (issuer nullptr:
// self-signed).
Cert makeCert(EVP_PKEY *subjectKey, const std::string &commonName, X509 *issuer,
              EVP_PKEY *issuerKey, const std::vector<std::pair<int, std::string>> &extensions)
{
    Cert cert(X509_new());
    check(cert != nullptr, "cannot allocate a certificate");
    check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "cannot set the version");

    std::unique_ptr<BIGNUM, Free> serial(BN_new());
    check(serial && BN_rand(serial.get(), 159, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) == 1,
          "cannot make a random serial");
    check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr,
          "cannot set the serial");

    // Back-dated five minutes for clocks that are slightly behind.
    check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -300) != nullptr,
          "cannot set notBefore");
    check(X509_time_adj_ex(X509_getm_notAfter(cert.get()), kValidityDays, 0, nullptr) != nullptr,
          "cannot set notAfter");

    X509_NAME *name = X509_get_subject_name(cert.get());
    check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char *>("platformd"), -1, -1,
                                     0) == 1,
          "cannot set the subject");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char *>(commonName.c_str()),
                                     -1, -1, 0) == 1,
          "cannot set the subject");
    X509 *issuerCert = issuer ? issuer : cert.get();
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert)) == 1,
          "cannot set the issuer");
    check(X509_set_pubkey(cert.get(), subjectKey) == 1, "cannot set the public key");

    for (const auto &[nid, value] : extensions)
        addExtension(cert.get(), issuerCert, nid, value);
    addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");

    check(X509_sign(cert.get(), issuerKey, EVP_sha256()) > 0, "cannot sign the certificate");
    return cert;
}

std::string toPem(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, size_t(size));
}

std::string certPem(X509 *cert)
{
    std::unique_ptr<BIO, Free> bio(BIO_new(BIO_s_mem()));
    check(bio && PEM_write_bio_X509(bio.get(), cert) == 1, "cannot encode a certificate");
    return toPem(bio.get());
}

std::string keyPem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, Free> bio(BIO_new(BIO_s_mem()));
    check(bio &&
              PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "cannot encode a private key");
    return toPem(bio.get());
}

// ---- files -------------------------------------------------------------------------------------

struct Output
{
    std::string name; // file name inside DIR
    std::string content;
    mode_t mode;
};

std::string errnoText()
{
    return std::strerror(errno);
}

// Writes path atomically: a 0600/0644 temporary beside it, fsync, rename, fsync the directory.
void writeFile(const std::filesystem::path &dir, const Output &out)
{
    const std::string path = (dir / out.name).string();
    const std::string temp = (dir / ("." + out.name + ".tmp")).string();
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, out.mode);
    if (fd < 0)
        throw std::runtime_error("cannot create " + temp + ": " + errnoText());
    bool ok = ::fchmod(fd, out.mode) == 0; // whatever the umask
    for (size_t done = 0; ok && done < out.content.size();) {
        const ssize_t n = ::write(fd, out.content.data() + done, out.content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok)
            done += size_t(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const std::string error = ok ? std::string() : errnoText();
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = ok ? errnoText() : error;
        ::unlink(temp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + why);
    }
}

void syncDir(const std::filesystem::path &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

int run(const Args &a)
{
    const std::filesystem::path dir(a.dir);
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
            std::cerr << "platformd: cannot create " << a.dir << ": " << errnoText() << "\n";
            return kFailed;
        }
    } else if (!std::filesystem::is_directory(dir, ec)) {
        std::cerr << "platformd: " << a.dir << " is not a directory\n";
        return kFailed;
    }

    std::vector<std::string> names{"ca.pem", "ca.key", "server.pem", "server.key"};
    for (const auto &client : a.clients) {
        names.push_back("client-" + client + ".pem");
        names.push_back("client-" + client + ".key");
    }
    if (!a.force) {
        if (std::filesystem::exists(dir / "ca.key", ec)) {
            std::cerr
                << "platformd: " << (dir / "ca.key").string()
                << " already exists; refusing to replace the CA (every certificate it issued would "
                   "stop working). Give --force to overwrite, or use another directory.\n";
            return kFailed;
        }
        for (const auto &name : names) {
            if (std::filesystem::exists(dir / name, ec)) {
                std::cerr << "platformd: " << (dir / name).string()
                          << " already exists; give --force to overwrite\n";
                return kFailed;
            }
        }
    }

    std::vector<Output> outputs;
    try {
        const Key caKey = newKey();
        const Cert ca = makeCert(caKey.get(), "platformd local CA", nullptr, caKey.get(),
                                 {{NID_basic_constraints, "critical,CA:TRUE"},
                                  {NID_key_usage, "critical,keyCertSign,cRLSign"}});

        std::string san;
        for (const auto &host : a.hosts)
            san += (san.empty() ? "" : ",") + std::string("DNS:") + host;
        for (const auto &ip : a.ips)
            san += (san.empty() ? "" : ",") + std::string("IP:") + ip;
        const Key serverKey = newKey();
        const Cert server =
            makeCert(serverKey.get(), a.hosts.empty() ? a.ips.front() : a.hosts.front(), ca.get(),
                     caKey.get(),
                     {{NID_basic_constraints, "critical,CA:FALSE"},
                      {NID_key_usage, "critical,digitalSignature"},
                      {NID_ext_key_usage, "serverAuth"},
                      {NID_subject_alt_name, san}});

        outputs.push_back({"ca.pem", certPem(ca.get()), 0644});
        outputs.push_back({"ca.key", keyPem(caKey.get()), 0600});
        outputs.push_back({"server.pem", certPem(server.get()), 0644});
        outputs.push_back({"server.key", keyPem(serverKey.get()), 0600});
        for (const auto &client : a.clients) {
            const Key clientKey = newKey();
            const Cert cert = makeCert(clientKey.get(), client, ca.get(), caKey.get(),
                                       {{NID_basic_constraints, "critical,CA:FALSE"},
                                        {NID_key_usage, "critical,digitalSignature"},
                                        {NID_ext_key_usage, "clientAuth"}});
            outputs.push_back({"client-" + client + ".pem", certPem(cert.get()), 0644});
            outputs.push_back({"client-" + client + ".key", keyPem(clientKey.get()), 0600});
        }
    } catch (const std::exception &e) {
        std::cerr << "platformd: init-tls: " << e.what() << "\n";
        return kFailed;
    }

    // Keys first would leave a key without its certificate on failure; the CA certificate last
    // would leave a server.pem nobody can verify. Write ca.key last so a rerun without --force
    // is refused only once the whole set is there.
    std::stable_partition(outputs.begin(), outputs.end(),
                          [](const Output &o) { return o.name != "ca.key"; });
    try {
        for (const auto &out : outputs)
            writeFile(dir, out);
        syncDir(dir);
    } catch (const std::exception &e) {
        std::cerr << "platformd: init-tls: " << e.what() << "\n";
        return kFailed;
    }
    for (const auto &out : outputs)
        std::cout << "wrote " << (dir / out.name).string() << (out.mode == 0600 ? " (0600)" : "")
                  << "\n";
    std::string san;
    for (const auto &host : a.hosts)
        san += " DNS:" + host;
    for (const auto &ip : a.ips)
        san += " IP:" + ip;
    std::cout << "server certificate for" << san << "; valid " << kValidityDays << " days\n"
              << "serve with: platformd --tls-cert " << (dir / "server.pem").string()
              << " --tls-key " << (dir / "server.key").string()
              << (a.clients.empty() ? "" : " --client-ca " + (dir / "ca.pem").string()) << "\n";
    return 0;
}

} // namespace

int runInitTls(const std::vector<std::string> &args)
{
    Args a;
    bool help = false;
    try {
        a = parseArgs(args, &help);
    } catch (const UsageError &e) {
        std::cerr << "platformd: " << e.what() << "\nTry 'platformd init-tls --help'.\n";
        return kUsage;
    }
    if (help) {
        std::cout << kInitTlsHelp;
        return 0;
    }
    return run(a);
}

namespace platformd {

namespace {

// false: unreadable (errno says why).
bool readAll(const std::string &path, std::string *content)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream out;
    out << in.rdbuf();
    *content = out.str();
    return !in.bad();
}

std::vector<Cert> readCerts(const std::string &pem)
{
    std::vector<Cert> certs;
    std::unique_ptr<BIO, Free> bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    while (bio) {
        X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!cert)
            break;
        certs.emplace_back(cert);
    }
    ERR_clear_error(); // the end of the input reads as an error
    return certs;
}

} // namespace

std::string checkTlsFiles(const std::string &certPath, const std::string &keyPath,
                          const std::string &clientCaPath)
{
    std::string certPem, keyPem, caPem;
    if (!readAll(certPath, &certPem))
        return "cannot read --tls-cert " + certPath + ": " + std::strerror(errno);
    if (!readAll(keyPath, &keyPem))
        return "cannot read --tls-key " + keyPath + ": " + std::strerror(errno);
    const std::vector<Cert> chain = readCerts(certPem);
    if (chain.empty())
        return "--tls-cert " + certPath + " holds no PEM certificate";
    std::unique_ptr<BIO, Free> bio(BIO_new_mem_buf(keyPem.data(), int(keyPem.size())));
    const Key key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    if (!key)
        return "--tls-key " + keyPath + " holds no unencrypted PEM private key";
    if (X509_check_private_key(chain.front().get(), key.get()) != 1) {
        ERR_clear_error();
        return "--tls-key " + keyPath +
               " is not the private key of the certificate in --tls-cert " + certPath;
    }
    if (!clientCaPath.empty()) {
        if (!readAll(clientCaPath, &caPem))
            return "cannot read --client-ca " + clientCaPath + ": " + std::strerror(errno);
        if (readCerts(caPem).empty())
            return "--client-ca " + clientCaPath + " holds no PEM certificate";
    }
    return {};
}

} // namespace platformd
