// Compliance: all automated checks over the demo platform (platformd --demo: the registry, the
// incidents, the NIST import, users and tokens), through RunChecks on the real platformd; the
// median of 11 runs as the client sees it, and the server's own figure. Also the demo start.
// Not a test: it prints `<name>: <value> <unit>` lines (scripts/bench).
#include "platformdprocess.h"

#include "ops/platform/v1/compliance.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<grpc::ClientContext> ctx(const std::string &token)
{
    auto c = std::make_unique<grpc::ClientContext>();
    c->set_deadline(std::chrono::system_clock::now() + 120s);
    c->AddMetadata("authorization", "Bearer " + token);
    return c;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    PlatformdProcess platformd;
    QElapsedTimer start;
    start.start();
    if (!platformd.start({"--demo", "--seed", "7"}, {}, 120000)) {
        std::fprintf(stderr, "bench_compliance: %s\n", qPrintable(platformd.errorString()));
        return 1;
    }
    const double startMs = double(start.nsecsElapsed()) / 1e6;
    const std::string admin = platformd.adminToken().toStdString();
    auto stub = pb::ComplianceService::NewStub(
        grpc::CreateChannel(platformd.address().toStdString(), grpc::InsecureChannelCredentials()));
    // Wait for the demo's NIST import (after the server listens), so the platform is complete.
    QElapsedTimer importWait;
    importWait.start();
    for (;;) {
        pb::ListCatalogsResponse catalogs;
        if (stub->ListCatalogs(ctx(admin).get(), {}, &catalogs).ok() &&
            catalogs.catalogs_size() == 3)
            break;
        if (importWait.elapsed() > 120000) {
            std::fprintf(stderr, "bench_compliance: the demo import did not finish\n");
            return 1;
        }
        QThread::msleep(20);
    }
    const double importMs = double(importWait.nsecsElapsed()) / 1e6;
    std::vector<double> client, server;
    for (int i = 0; i < 11; ++i) {
        pb::RunChecksResponse r;
        QElapsedTimer t;
        t.start();
        const grpc::Status s = stub->RunChecks(ctx(admin).get(), {}, &r);
        client.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!s.ok() || r.runs_size() != 9) {
            std::fprintf(stderr, "bench_compliance: RunChecks: %s\n", s.error_message().c_str());
            return 1;
        }
        server.push_back(r.duration_ms());
    }
    std::printf("compliance_checks_run_ms: %.1f ms\n", median(client));
    std::printf("compliance_checks_run_server_ms: %.1f ms\n", median(server));
    std::printf("compliance_demo_start_ms: %.0f ms\n", startMs);
    std::printf("compliance_demo_oscal_import_after_listen_ms: %.0f ms\n", importMs);
    return 0;
}
