// FOCUS import figures (issue 13):
//   focus_parse_rows_per_s — focus::readFile over a 1,000,000-row FOCUS 1.0 CSV (the rows of the
//     FOCUS sample, cycled, written with focus::appendCsvRow; ~700 bytes a row) in a temp dir:
//     read, split, checked and handed over as Rows (the sink only sums BilledCost). Best of 3.
//   focus_sqlite3_import_rows_per_s — the `sqlite3` CLI importing the same file with
//     `.import --csv` into one untyped table of a new database file: the baseline the issue
//     names. Best of 3.
//   focus_parse_ratio — the first over the second (target >= 0.5).
#include "cost/focus/focusreader.h"
#include "cost/focus/focuswriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace focus = platformd::cost::focus;

namespace {

constexpr int kRows = 1000000;

QString sampleFile()
{
    const QByteArray env = qgetenv("OPS_SHARED_DATA");
    const QString dir =
        env.isEmpty() ? QStringLiteral(OPS_SHARED_DATA_DIR) : QString::fromLocal8Bit(env);
    return dir + QStringLiteral("/focus/focus_sample_1.0.csv");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<focus::Row> sample;
    focus::Rejection fatal;
    if (!focus::readFile(
            sampleFile().toStdString(), [&](const focus::Row &r) { sample.push_back(r); }, nullptr,
            &fatal) ||
        sample.empty()) {
        std::fprintf(stderr, "bench_focus: cannot read the FOCUS sample: %s\n",
                     fatal.reason.c_str());
        return 1;
    }
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("focus_1m.csv"));
    {
        std::string csv = focus::csvHeader();
        csv.reserve(std::size_t(kRows) * 720);
        for (int i = 0; i < kRows; ++i)
            focus::appendCsvRow(sample[std::size_t(i) % sample.size()], csv);
        QFile f(csvPath);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(csv.data(), qint64(csv.size())) != qint64(csv.size())) {
            std::fprintf(stderr, "bench_focus: cannot write %s\n", qPrintable(csvPath));
            return 1;
        }
    }

    double bestParse = 0;
    for (int run = 0; run < 3; ++run) {
        focus::Decimal total;
        std::int64_t rows = 0;
        focus::ReaderStats stats;
        QElapsedTimer t;
        t.start();
        const bool ok = focus::readFile(
            csvPath.toStdString(),
            [&](const focus::Row &r) {
                total += r.billedCost;
                ++rows;
            },
            nullptr, &fatal, &stats);
        const double s = double(t.nsecsElapsed()) / 1e9;
        if (!ok || rows != kRows) {
            std::fprintf(stderr, "bench_focus: read %lld rows of %d (%s)\n", (long long)rows, kRows,
                         fatal.reason.c_str());
            return 1;
        }
        bestParse = std::max(bestParse, double(rows) / s);
    }

    double bestSqlite = 0;
    for (int run = 0; run < 3; ++run) {
        const QString db = dir.filePath(QStringLiteral("import%1.sqlite").arg(run));
        QProcess sqlite;
        QElapsedTimer t;
        t.start();
        sqlite.start(QStringLiteral("sqlite3"), {db});
        if (!sqlite.waitForStarted()) {
            std::fprintf(stderr, "bench_focus: cannot start sqlite3\n");
            return 1;
        }
        sqlite.write(QStringLiteral(".import --csv %1 focus\n").arg(csvPath).toUtf8());
        sqlite.closeWriteChannel();
        if (!sqlite.waitForFinished(600000) || sqlite.exitCode() != 0) {
            std::fprintf(stderr, "bench_focus: sqlite3 failed: %s\n",
                         sqlite.readAllStandardError().constData());
            return 1;
        }
        const double s = double(t.nsecsElapsed()) / 1e9;
        bestSqlite = std::max(bestSqlite, double(kRows) / s);
        QFile::remove(db);
    }

    std::printf("focus_parse_rows_per_s: %.0f rows/s\n", bestParse);
    std::printf("focus_sqlite3_import_rows_per_s: %.0f rows/s\n", bestSqlite);
    std::printf("focus_parse_ratio: %.2f x\n", bestParse / bestSqlite);
    return 0;
}
