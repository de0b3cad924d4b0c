#pragma once

// What the compliance panel's GUI tests share: the console as MainWindow wires the Compliance
// panel (signed in with one token), users added to a stopped platformd, and small helpers.

#include "consolefixture.h"
#include "platformdprocess.h"
#include "ui/compliance/compliancepanel.h"

#include "models/compliancemodels.h"
#include "services/auditclient.h"
#include "services/complianceclient.h"
#include "services/connection.h"
#include "services/identityclient.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace compliancetest {

using namespace ops;

// What MainWindow wires for the Compliance panel, signed in with one token.
struct Console : ConsoleFixture
{
    IdentityClient identity{&connection};
    AuditClient audit{&connection};
    ComplianceClient client{&connection};
    CompliancePanel panel{&client, &identity, &audit};
    QSignalSpy frameworks{&panel, &CompliancePanel::frameworksLoaded};
    QSignalSpy controls{&panel, &CompliancePanel::controlsLoaded};
    QSignalSpy findings{&panel, &CompliancePanel::findingsLoaded};

    Console(const QString &address, const QString &token)
    {
        panel.resize(1400, 860);
        panel.show();
        QObject::connect(&connection, &Connection::opened, &panel, &CompliancePanel::refreshAll);
        connectTo(address, token);
    }
    bool loaded()
    {
        return QTest::qWaitFor(
            [this] { return !frameworks.isEmpty() && !controls.isEmpty() && !findings.isEmpty(); },
            30000);
    }
};

inline QString addUser(const QString &dir, const QString &user, const QString &role)
{
    if (PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"), user,
                                  QStringLiteral("--role"), role, QStringLiteral("--data-dir"),
                                  dir})
            .isEmpty())
        return {};
    return QString::fromUtf8(
               PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"), user,
                                         QStringLiteral("--data-dir"), dir}))
        .trimmed();
}

inline void clickRow(QTableView *table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

inline int rowOf(const QAbstractItemModel *model, int column, const QString &text)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, column).data().toString() == text)
            return r;
    return -1;
}

// The PDF's text (pdftotext, poppler-utils), layout kept.
inline QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("pdftotext failed: ") +
               QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The first row of `model` whose KeyRole is `key`; -1 for none.
inline int rowOfKey(const QAbstractItemModel *model, const QString &key)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(ComplianceRowsModel::KeyRole).toString() == key)
            return r;
    return -1;
}

inline QByteArray readTestData(const QString &name)
{
    QFile f(QStringLiteral(OPS_TEST_DATA "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// SHA-256 of "abc" (FIPS 180-2, appendix B.1): the hash the console must compute for the file.
inline const QString kAbcSha256 =
    QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

} // namespace compliancetest
