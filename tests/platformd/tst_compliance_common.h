#pragma once

// Shared by the ComplianceService tests: a platformd (checks on demand only), stubs and helpers.
#include "platformclient.h"

#include "ops/platform/v1/compliance.grpc.pb.h"

#include <sqlite3.h>

#include <set>

namespace {

const QString kOscal = QStringLiteral(OPS_SOURCE_DIR "/platformd/compliance/data/oscal");
const QString kChecker =
    QStringLiteral(OPS_SOURCE_DIR "/tests/data/oscal/check_assessment_results.py");

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// python3 on the catalog (and a profile): "groups controls enhancements" of the catalog, or the
// number of controls and enhancements a with-ids profile selects from it. Independent of the
// server's OSCAL code.
inline QString pythonCounts(const QString &catalog, const QString &profile = {})
{
    const char *script = R"(
import json, sys
cat = json.load(open(sys.argv[1]))["catalog"]
depth = {}
def walk(cs, d):
    for c in cs:
        depth[c["id"]] = d
        walk(c.get("controls", []), d + 1)
for g in cat.get("groups", []):
    walk(g.get("controls", []), 0)
walk(cat.get("controls", []), 0)
if len(sys.argv) == 2:
    print(len(cat.get("groups", [])), sum(1 for d in depth.values() if d == 0),
          sum(1 for d in depth.values() if d > 0))
else:
    ids = set()
    for imp in json.load(open(sys.argv[2]))["profile"]["imports"]:
        for inc in imp.get("include-controls", []):
            ids |= {i for i in inc.get("with-ids", []) if i in depth}
    print(sum(1 for i in ids if depth[i] == 0), sum(1 for i in ids if depth[i] > 0))
)";
    QProcess p;
    QStringList args{"-c", script, catalog};
    if (!profile.isEmpty())
        args << profile;
    p.start("python3", args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return "python3 failed: " + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// Copies a stopped platformd's data directory (database, WAL, audit anchor; not its lock) to dir.
inline bool copyDataDir(const QString &from, const QString &dir)
{
    const QDir data(from);
    for (const QString &name : data.entryList(QDir::Files))
        if (!name.endsWith(".lock") && !QFile::copy(data.filePath(name), QDir(dir).filePath(name)))
            return false;
    return true;
}

// Runs sql on dir's platform.db (a copy, platformd stopped): "" or SQLite's error and the number of
// rows the last statement changed.
inline QString editStore(const QString &dir, const char *sql, int *changes = nullptr)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QDir(dir).filePath("platform.db").toUtf8().constData(), &db,
                        SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open " + dir;
    }
    char *error = nullptr;
    QString out;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK)
        out = QString::fromUtf8(error ? error : "error");
    if (changes)
        *changes = sqlite3_changes(db);
    sqlite3_free(error);
    sqlite3_close(db);
    return out;
}

struct Server : PlatformClient
{
    std::unique_ptr<pb::ComplianceService::Stub> stub;

    // The schedule is off (--compliance-check-ms 0): checks run only when a test asks, so the
    // findings each run opens and closes are the test's own.
    bool start(QStringList args = {}, bool tls = false)
    {
        args << "--compliance-check-ms"
             << "0";
        return tls ? PlatformClient::startTls(args) : PlatformClient::start(args);
    }
    // start() on an existing data directory (a copy another Server left).
    bool startOn(const QString &dataDir, QStringList args = {})
    {
        args << "--compliance-check-ms"
             << "0";
        return PlatformClient::start(args, dataDir);
    }
    pb::CheckRun run(const std::string &check, pb::RunChecksResponse *response = nullptr)
    {
        pb::RunChecksRequest r;
        r.add_checks(check);
        pb::RunChecksResponse out;
        const grpc::Status s = stub->RunChecks(ctx(admin).get(), r, &out);
        if (!s.ok() || out.runs_size() != 1)
            qWarning() << "RunChecks" << check.c_str() << s.error_message().c_str();
        if (response)
            *response = out;
        return out.runs_size() ? out.runs(0) : pb::CheckRun();
    }
    std::vector<pb::Finding> findings(const std::string &filter)
    {
        pb::ListFindingsRequest r;
        r.set_filter(filter);
        pb::ListFindingsResponse out;
        const grpc::Status s = stub->ListFindings(ctx(admin).get(), r, &out);
        if (!s.ok())
            qWarning() << "ListFindings" << s.error_message().c_str();
        return {out.findings().begin(), out.findings().end()};
    }
    grpc::Status import(const QString &path, pb::OscalCatalog *out)
    {
        pb::ImportOscalRequest r;
        r.set_document(readAll(path).toStdString());
        r.set_file_name(QFileInfo(path).fileName().toStdString());
        return stub->ImportOscal(ctx(admin).get(), r, out);
    }
    int catalogCount()
    {
        pb::ListCatalogsResponse out;
        return stub->ListCatalogs(ctx(admin).get(), {}, &out).ok() ? out.catalogs_size() : -1;
    }

protected:
    void makeStubs() override { stub = pb::ComplianceService::NewStub(channel); }
};

} // namespace
