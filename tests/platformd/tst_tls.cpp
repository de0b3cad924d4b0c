// Transport security end to end (docs/SECURITY.md, "Transport security"): `platformd init-tls`
// makes a CA, server and client certificates that the real platformd serves over TLS and mTLS, the
// bearer token is still required under TLS, and a non-loopback listen address needs TLS or
// --insecure.
#include "core/caller.h"
#include "platformdprocess.h"

#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/security/credentials.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

#include <sys/stat.h>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

struct RunResult
{
    int exitCode = -1;
    QByteArray out, err;
};

RunResult runPlatformd(const QStringList &args)
{
    QProcess process;
    process.start(PlatformdProcess::binaryPath(), args);
    RunResult r;
    if (!process.waitForStarted(15000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        r.err = "did not finish";
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

RunResult initTls(const QString &dir, const QStringList &extra = {})
{
    return runPlatformd(QStringList{QStringLiteral("init-tls"), dir, QStringLiteral("--host"),
                                    QStringLiteral("localhost"), QStringLiteral("--ip"),
                                    QStringLiteral("127.0.0.1"), QStringLiteral("--client"),
                                    QStringLiteral("ops")} +
                        extra);
}

std::string readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

struct X509Free
{
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
};
using Cert = std::unique_ptr<X509, X509Free>;

Cert loadCert(const QString &path)
{
    const std::string pem = readFile(path);
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    X509 *x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return Cert(x);
}

std::unique_ptr<EVP_PKEY, X509Free> loadKey(const QString &path)
{
    const std::string pem = readFile(path);
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY *k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return std::unique_ptr<EVP_PKEY, X509Free>(k);
}

bool verifies(X509 *ca, X509 *cert, int purpose)
{
    std::unique_ptr<X509_STORE, X509Free> store(X509_STORE_new());
    X509_STORE_add_cert(store.get(), ca);
    std::unique_ptr<X509_STORE_CTX, X509Free> ctx(X509_STORE_CTX_new());
    X509_STORE_CTX_init(ctx.get(), store.get(), cert, nullptr);
    X509_STORE_CTX_set_purpose(ctx.get(), purpose);
    return X509_verify_cert(ctx.get()) == 1;
}

std::string commonName(X509 *cert)
{
    char buffer[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, buffer, sizeof buffer);
    return buffer;
}

std::string serialHex(X509 *cert)
{
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(cert), nullptr);
    char *hex = BN_bn2hex(bn);
    std::string s(hex);
    OPENSSL_free(hex);
    BN_free(bn);
    return s;
}

struct TlsFiles
{
    QString dir;
    QString path(const char *name) const { return QDir(dir).filePath(QString::fromLatin1(name)); }
    std::string ca() const { return readFile(path("ca.pem")); }
    std::string clientCert() const { return readFile(path("client-ops.pem")); }
    std::string clientKey() const { return readFile(path("client-ops.key")); }
};

// A channel to target; ssl: trust rootCa, present (cert, key) when given, check the server name
// against nameOverride when given (else the target's host).
std::shared_ptr<grpc::Channel> tlsChannel(const std::string &target, const std::string &rootCa,
                                          const std::string &cert = {}, const std::string &key = {},
                                          const std::string &nameOverride = "localhost")
{
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = rootCa;
    options.pem_cert_chain = cert;
    options.pem_private_key = key;
    grpc::ChannelArguments args;
    if (!nameOverride.empty())
        args.SetSslTargetNameOverride(nameOverride);
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel(target, grpc::SslCredentials(options), args);
}

std::shared_ptr<grpc::Channel> plainChannel(const std::string &target)
{
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

grpc::Status listRegions(const std::shared_ptr<grpc::Channel> &channel, const QString &token,
                         int *count = nullptr)
{
    auto stub = pb::RegionService::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + 10s);
    if (!token.isEmpty())
        ctx.AddMetadata("authorization", "Bearer " + token.toStdString());
    pb::ListRegionsRequest request;
    pb::ListRegionsResponse response;
    const grpc::Status status = stub->ListRegions(&ctx, request, &response);
    if (count)
        *count = response.regions_size();
    return status;
}

// "INVALID_ARGUMENT" etc., as the audit log writes it.
std::string codeName(grpc::StatusCode code)
{
    return platformd::core::codeName(code);
}

#define EXPECT_CODE(status, expected)                                                              \
    do {                                                                                           \
        const grpc::Status s_ = (status);                                                          \
        if (s_.error_code() != (expected))                                                         \
            qWarning("got %s (%d): %s", codeName(s_.error_code()).c_str(), int(s_.error_code()),   \
                     s_.error_message().c_str());                                                  \
        QCOMPARE(int(s_.error_code()), int(expected));                                             \
    } while (0)

QString portOf(const QString &address)
{
    return address.mid(address.lastIndexOf(QLatin1Char(':')) + 1);
}

} // namespace

class TstTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    TlsFiles m_a, m_b; // two independent CAs, each with server and client-ops certificates

    QStringList tlsArgs() const
    {
        return {QStringLiteral("--tls-cert"), m_a.path("server.pem"), QStringLiteral("--tls-key"),
                m_a.path("server.key")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_a.dir = m_root.filePath(QStringLiteral("a"));
        m_b.dir = m_root.filePath(QStringLiteral("b"));
        for (const TlsFiles *files : {&m_a, &m_b}) {
            const RunResult r = initTls(files->dir);
            if (r.exitCode != 0)
                qWarning("init-tls: %s", r.err.constData());
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.err.isEmpty());
            for (const char *name : {"ca.pem", "ca.key", "server.pem", "server.key",
                                     "client-ops.pem", "client-ops.key"})
                QVERIFY2(r.out.contains(files->path(name).toUtf8()), r.out.constData());
        }
    }

    void initTlsWritesFilesWithKeyModes0600()
    {
        for (const char *key : {"ca.key", "server.key", "client-ops.key"})
            QCOMPARE(modeOf(m_a.path(key)), 0600);
        for (const char *pem : {"ca.pem", "server.pem", "client-ops.pem"}) {
            QVERIFY(QFile::exists(m_a.path(pem)));
            QCOMPARE(modeOf(m_a.path(pem)), 0644); // certificates are public
        }
        QCOMPARE(QDir(m_a.dir).entryList(QDir::Files | QDir::Hidden).size(),
                 6); // no temporaries left
    }

    void initTlsCertificates()
    {
        const Cert ca = loadCert(m_a.path("ca.pem"));
        const Cert server = loadCert(m_a.path("server.pem"));
        const Cert client = loadCert(m_a.path("client-ops.pem"));
        const Cert otherCa = loadCert(m_b.path("ca.pem"));
        QVERIFY(ca && server && client && otherCa);

        QCOMPARE(X509_check_ca(ca.get()), 1);
        QVERIFY(X509_get_extension_flags(ca.get()) & EXFLAG_CA);
        QVERIFY(X509_get_key_usage(ca.get()) & KU_KEY_CERT_SIGN);
        QVERIFY(X509_get_key_usage(ca.get()) & KU_CRL_SIGN);
        QCOMPARE(X509_check_ca(server.get()), 0);
        QCOMPARE(X509_check_ca(client.get()), 0);

        QCOMPARE(X509_check_host(server.get(), "localhost", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_ip_asc(server.get(), "127.0.0.1", 0), 1);
        QCOMPARE(X509_check_host(server.get(), "example.com", 0, 0, nullptr), 0);
        QVERIFY(verifies(ca.get(), server.get(), X509_PURPOSE_SSL_SERVER));
        QVERIFY(verifies(ca.get(), client.get(), X509_PURPOSE_SSL_CLIENT));
        QVERIFY(!verifies(ca.get(), client.get(), X509_PURPOSE_SSL_SERVER)); // clientAuth only
        QVERIFY(!verifies(ca.get(), server.get(), X509_PURPOSE_SSL_CLIENT)); // serverAuth only
        QVERIFY(!verifies(otherCa.get(), server.get(), X509_PURPOSE_SSL_SERVER));
        QCOMPARE(commonName(client.get()), std::string("ops"));

        for (X509 *cert : {ca.get(), server.get(), client.get()}) {
            QCOMPARE(X509_get_signature_nid(cert), NID_ecdsa_with_SHA256);
            int days = 0, seconds = 0;
            QVERIFY(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(cert),
                                   X509_get0_notAfter(cert)));
            QVERIFY2(days >= 825 && days <= 826, qPrintable(QString::number(days)));
            QVERIFY(X509_cmp_current_time(X509_get0_notBefore(cert)) < 0);
        }
        const std::set<std::string> serials{serialHex(ca.get()), serialHex(server.get()),
                                            serialHex(client.get()), serialHex(otherCa.get())};
        QCOMPARE(serials.size(), size_t(4));

        QCOMPARE(X509_check_private_key(ca.get(), loadKey(m_a.path("ca.key")).get()), 1);
        QCOMPARE(X509_check_private_key(server.get(), loadKey(m_a.path("server.key")).get()), 1);
        QCOMPARE(X509_check_private_key(client.get(), loadKey(m_a.path("client-ops.key")).get()),
                 1);
    }

    void initTlsRefusesToOverwriteCaKeyWithoutForce()
    {
        const QString dir = m_root.filePath(QStringLiteral("again"));
        QCOMPARE(initTls(dir).exitCode, 0);
        const std::string caKey = readFile(QDir(dir).filePath(QStringLiteral("ca.key")));
        QVERIFY(!caKey.empty());

        const RunResult refused = initTls(dir);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("ca.key") && refused.err.contains("--force"),
                 refused.err.constData());
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(readFile(QDir(dir).filePath(QStringLiteral("ca.key"))), caKey);

        const RunResult forced = initTls(dir, {QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(readFile(QDir(dir).filePath(QStringLiteral("ca.key"))) != caKey);
        QCOMPARE(modeOf(QDir(dir).filePath(QStringLiteral("ca.key"))), 0600);
    }

    void initTlsSeveralNamesAddressesAndClients()
    {
        const QString dir = m_root.filePath(QStringLiteral("many"));
        const RunResult r = runPlatformd(
            {QStringLiteral("init-tls"), dir, QStringLiteral("--host"), QStringLiteral("localhost"),
             QStringLiteral("--host"), QStringLiteral("ops.example.net"), QStringLiteral("--ip"),
             QStringLiteral("127.0.0.1"), QStringLiteral("--ip"), QStringLiteral("::1"),
             QStringLiteral("--client"), QStringLiteral("alice"), QStringLiteral("--client"),
             QStringLiteral("ci-bot")});
        QCOMPARE(r.exitCode, 0);
        const Cert ca = loadCert(QDir(dir).filePath(QStringLiteral("ca.pem")));
        const Cert server = loadCert(QDir(dir).filePath(QStringLiteral("server.pem")));
        QVERIFY(ca && server);
        QCOMPARE(X509_check_host(server.get(), "localhost", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_host(server.get(), "ops.example.net", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_ip_asc(server.get(), "127.0.0.1", 0), 1);
        QCOMPARE(X509_check_ip_asc(server.get(), "::1", 0), 1);
        QCOMPARE(X509_check_ip_asc(server.get(), "10.0.0.1", 0), 0);
        for (const char *name : {"alice", "ci-bot"}) {
            const QString pem =
                QDir(dir).filePath(QStringLiteral("client-%1.pem").arg(QLatin1String(name)));
            const QString key =
                QDir(dir).filePath(QStringLiteral("client-%1.key").arg(QLatin1String(name)));
            const Cert client = loadCert(pem);
            QVERIFY(client);
            QCOMPARE(commonName(client.get()), std::string(name));
            QVERIFY(verifies(ca.get(), client.get(), X509_PURPOSE_SSL_CLIENT));
            QCOMPARE(modeOf(key), 0600);
            QVERIFY(r.out.contains(key.toUtf8()));
        }
    }

    void initTlsHelp()
    {
        const RunResult r = runPlatformd({QStringLiteral("init-tls"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--client NAME"));
        QVERIFY(runPlatformd({QStringLiteral("--help")}).out.contains("init-tls DIR"));
    }

    void initTlsBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("no host or ip") << QStringList{} << QByteArray("--host");
        QTest::newRow("bad ip") << QStringList{"--ip", "300.1.2.3"} << QByteArray("--ip");
        QTest::newRow("bad host") << QStringList{"--host", "a b"} << QByteArray("--host");
        QTest::newRow("bad client")
            << QStringList{"--host", "x", "--client", "../evil"} << QByteArray("--client");
        QTest::newRow("unknown option")
            << QStringList{"--host", "x", "--frobnicate"} << QByteArray("--frobnicate");
        QTest::newRow("missing value") << QStringList{"--host"} << QByteArray("--host");
    }

    void initTlsBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const QString dir = m_root.filePath(QStringLiteral("bad"));
        const RunResult r = runPlatformd(QStringList{QStringLiteral("init-tls"), dir} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QVERIFY(!QFileInfo::exists(dir));

        const RunResult noDir = runPlatformd({QStringLiteral("init-tls")});
        QCOMPARE(noDir.exitCode, 2);
    }

    void tlsServesWithTheTokenAndRefusesPlaintextAndOtherCas()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.start(tlsArgs() + QStringList{QStringLiteral("--demo")}),
                 qPrintable(platformd.errorString()));
        const std::string port = portOf(platformd.address()).toStdString();
        const QString token = platformd.adminToken();
        QVERIFY(!token.isEmpty());

        int count = 0;
        EXPECT_CODE(listRegions(tlsChannel("127.0.0.1:" + port, m_a.ca()), token, &count),
                    grpc::OK);
        QVERIFY(count > 0);
        // The certificate's IP:127.0.0.1 and DNS:localhost match without an override, too.
        EXPECT_CODE(listRegions(tlsChannel("127.0.0.1:" + port, m_a.ca(), {}, {}, {}), token),
                    grpc::OK);
        EXPECT_CODE(listRegions(tlsChannel("localhost:" + port, m_a.ca(), {}, {}, {}), token),
                    grpc::OK);
        // A name the certificate does not carry.
        EXPECT_CODE(
            listRegions(tlsChannel("127.0.0.1:" + port, m_a.ca(), {}, {}, "example.com"), token),
            grpc::UNAVAILABLE);

        // The token is still required under TLS.
        EXPECT_CODE(listRegions(tlsChannel("127.0.0.1:" + port, m_a.ca()), {}),
                    grpc::UNAUTHENTICATED);
        EXPECT_CODE(listRegions(tlsChannel("127.0.0.1:" + port, m_a.ca()), QStringLiteral("nope")),
                    grpc::UNAUTHENTICATED);

        // Plaintext to a TLS port, and TLS trusting another CA, never get through.
        EXPECT_CODE(listRegions(plainChannel("127.0.0.1:" + port), token), grpc::UNAVAILABLE);
        EXPECT_CODE(listRegions(tlsChannel("127.0.0.1:" + port, m_b.ca()), token),
                    grpc::UNAVAILABLE);

        QCOMPARE(platformd.terminate(), 0);
    }

    void mutualTls()
    {
        PlatformdProcess platformd;
        QVERIFY2(
            platformd.start(tlsArgs() + QStringList{QStringLiteral("--client-ca"),
                                                    m_a.path("ca.pem"), QStringLiteral("--demo")}),
            qPrintable(platformd.errorString()));
        const std::string target = "127.0.0.1:" + portOf(platformd.address()).toStdString();
        const QString token = platformd.adminToken();

        // No client certificate.
        EXPECT_CODE(listRegions(tlsChannel(target, m_a.ca()), token), grpc::UNAVAILABLE);
        // A client certificate from another CA.
        EXPECT_CODE(
            listRegions(tlsChannel(target, m_a.ca(), m_b.clientCert(), m_b.clientKey()), token),
            grpc::UNAVAILABLE);
        // The server's own certificate is not for client authentication.
        EXPECT_CODE(listRegions(tlsChannel(target, m_a.ca(), readFile(m_a.path("server.pem")),
                                           readFile(m_a.path("server.key"))),
                                token),
                    grpc::UNAVAILABLE);
        // The right one.
        int count = 0;
        EXPECT_CODE(listRegions(tlsChannel(target, m_a.ca(), m_a.clientCert(), m_a.clientKey()),
                                token, &count),
                    grpc::OK);
        QVERIFY(count > 0);
        // A client certificate does not replace the token.
        EXPECT_CODE(
            listRegions(tlsChannel(target, m_a.ca(), m_a.clientCert(), m_a.clientKey()), {}),
            grpc::UNAUTHENTICATED);

        QCOMPARE(platformd.terminate(), 0);
    }

    void nonLoopbackWithoutTlsIsRefused()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        for (const char *listen : {"0.0.0.0:0", "[::]:0"}) {
            const RunResult r =
                runPlatformd({QStringLiteral("--listen"), QString::fromLatin1(listen),
                              QStringLiteral("--data-dir"), data.path()});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("--insecure"), r.err.constData());
            QVERIFY2(!r.out.contains("LISTEN"), r.out.constData());
        }
        // --client-ca alone is no TLS either.
        const RunResult r = runPlatformd({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                          QStringLiteral("--data-dir"), data.path(),
                                          QStringLiteral("--client-ca"), m_a.path("ca.pem")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.out.contains("LISTEN"));
    }

    void nonLoopbackWithTlsStarts()
    {
        PlatformdProcess platformd;
        QVERIFY2(
            platformd.start(QStringList{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")} +
                            tlsArgs()),
            qPrintable(platformd.errorString()));
        QVERIFY2(platformd.address().startsWith(QStringLiteral("0.0.0.0:")),
                 qPrintable(platformd.address()));
        const std::string target = "127.0.0.1:" + portOf(platformd.address()).toStdString();
        EXPECT_CODE(listRegions(tlsChannel(target, m_a.ca()), platformd.adminToken()), grpc::OK);
        QCOMPARE(platformd.terminate(), 0);
    }

    void nonLoopbackPlaintextWithInsecureStarts()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                  QStringLiteral("--insecure")}),
                 qPrintable(platformd.errorString()));
        const std::string target = "127.0.0.1:" + portOf(platformd.address()).toStdString();
        EXPECT_CODE(listRegions(plainChannel(target), platformd.adminToken()), grpc::OK);
        QCOMPARE(platformd.terminate(), 0);
    }

    // Bad TLS files are bad arguments (exit 2, naming the file), found before the data dir is
    // touched.
    void badTlsFilesAreRefused_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("clientCa");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("missing cert") << "a/missing.pem"
                                      << "a/server.key"
                                      << "" << QByteArray("missing.pem");
        QTest::newRow("missing key") << "a/server.pem"
                                     << "a/missing.key"
                                     << "" << QByteArray("missing.key");
        QTest::newRow("key is a cert") << "a/server.pem"
                                       << "a/server.pem"
                                       << "" << QByteArray("--tls-key");
        QTest::newRow("cert is a key") << "a/server.key"
                                       << "a/server.key"
                                       << "" << QByteArray("--tls-cert");
        QTest::newRow("key of another cert") << "a/server.pem"
                                             << "a/client-ops.key"
                                             << "" << QByteArray("not the private key");
        QTest::newRow("key from another CA's server") << "a/server.pem"
                                                      << "b/server.key"
                                                      << "" << QByteArray("not the private key");
        QTest::newRow("client CA is a key") << "a/server.pem"
                                            << "a/server.key"
                                            << "a/ca.key" << QByteArray("--client-ca");
        QTest::newRow("missing client CA") << "a/server.pem"
                                           << "a/server.key"
                                           << "a/missing-ca.pem" << QByteArray("missing-ca.pem");
    }

    void badTlsFilesAreRefused()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, clientCa);
        QFETCH(QByteArray, mentions);
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString data = parent.filePath(QStringLiteral("data"));
        QStringList args{QStringLiteral("--data-dir"), data,
                         QStringLiteral("--listen"),   QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--tls-cert"), m_root.filePath(cert),
                         QStringLiteral("--tls-key"),  m_root.filePath(key)};
        if (!clientCa.isEmpty())
            args += {QStringLiteral("--client-ca"), m_root.filePath(clientCa)};
        const RunResult r = runPlatformd(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QVERIFY(!r.out.contains("LISTEN"));
        QVERIFY(!QFileInfo::exists(data));
    }
};

QTEST_GUILESS_MAIN(TstTls)
#include "tst_tls.moc"
