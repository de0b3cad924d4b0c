// Compliance report figure:
//   compliance_report_pdf_ms — the compliance officer's PDF report for one framework over 90 days
//     through the real platformd --demo: from "write the report" until the file is committed
//     (the evidence listed, the whole audit log listed and verified by the console, the trend
//     chart rendered, the A4 PDF written atomically). Median and p95 of 10. Target < 3,000 ms.
#include "services/auditclient.h"
#include "services/complianceclient.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "ui/compliance/compliancepanel.h"

#include "platformdprocess.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ops;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    PlatformdProcess platformd;
    if (!platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7"),
                          QStringLiteral("--demo-rate"), QStringLiteral("5")})) {
        std::fprintf(stderr, "bench_compliancereport: platformd: %s\n",
                     qPrintable(platformd.errorString()));
        return 1;
    }
    Connection connection;
    IdentityClient identity(&connection);
    AuditClient audit(&connection);
    ComplianceClient client(&connection);
    CompliancePanel panel(&client, &identity, &audit);
    panel.resize(1400, 860);
    panel.show();
    QSignalSpy frameworks(&panel, &CompliancePanel::frameworksLoaded);
    QSignalSpy controls(&panel, &CompliancePanel::controlsLoaded);
    QSignalSpy findings(&panel, &CompliancePanel::findingsLoaded);
    QObject::connect(&connection, &Connection::opened, &panel, &CompliancePanel::refreshAll);
    connection.open([&] {
        ConnectionProfile p;
        p.name = QStringLiteral("bench");
        p.endpoint = platformd.address();
        p.token = platformd.adminToken();
        return p;
    }());
    if (!QTest::qWaitFor(
            [&] { return !frameworks.isEmpty() && !controls.isEmpty() && !findings.isEmpty(); },
            30000)) {
        std::fprintf(stderr, "bench_compliancereport: the panel did not load\n");
        return 1;
    }
    panel.setFramework(QStringLiteral("frameworks/gdpr"));
    QTemporaryDir dir;
    std::vector<double> ms;
    qint64 bytes = 0;
    for (int i = 0; i < 10; ++i) {
        const QString path = dir.filePath(QStringLiteral("report-%1.pdf").arg(i));
        QSignalSpy written(&panel, &CompliancePanel::reportWritten);
        QElapsedTimer timer;
        timer.start();
        panel.writeReport(path);
        if (written.isEmpty() && !written.wait(60000)) {
            std::fprintf(stderr, "bench_compliancereport: no report\n");
            return 1;
        }
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (const QString error = written.first().at(1).toString(); !error.isEmpty()) {
            std::fprintf(stderr, "bench_compliancereport: %s\n", qPrintable(error));
            return 1;
        }
        bytes = QFileInfo(path).size();
    }
    std::printf("compliance_report_pdf_ms: %.1f ms (median; p95 %.1f ms; GDPR, 90 days, "
                "platformd --demo, %lld-byte PDF)\n",
                percentile(ms, 0.5), percentile(ms, 0.95), static_cast<long long>(bytes));
    return 0;
}
