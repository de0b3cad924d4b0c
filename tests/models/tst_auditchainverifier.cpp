#include "models/auditchainverifier.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ops;

namespace {

// The encoding as docs/SECURITY.md states it, written out again here so the test does not trust
// the code under test: "ops.audit.v1," then <len>:<bytes>, for each field in order.
QString expectedHash(const AuditEvent &e)
{
    QByteArray bytes = "ops.audit.v1,";
    const QList<QByteArray> fields = {
        QByteArray::number(e.seq), e.timeText.toUtf8(), e.actor.toUtf8(),
        e.role.toUtf8(),           e.action.toUtf8(),   e.resource.toUtf8(),
        e.requestSummary.toUtf8(), e.result.toUtf8(),   e.resultMessage.toUtf8(),
        e.peer.toUtf8(),           e.prevHash.toUtf8()};
    for (const QByteArray &f : fields)
        bytes += QByteArray::number(f.size()) + ':' + f + ',';
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A valid chain of n entries, hashed with the test's own encoding.
QList<AuditEvent> chain(int n)
{
    QList<AuditEvent> events;
    QString prev(64, QLatin1Char('0'));
    for (int i = 1; i <= n; ++i) {
        AuditEvent e;
        e.seq = i;
        e.timeText = QStringLiteral("2026-11-29T06:05:%1.123456Z").arg(i, 2, 10, QLatin1Char('0'));
        e.actor = i % 3 ? QStringLiteral("users/admin") : QStringLiteral("anonymous");
        e.role = i % 3 ? QStringLiteral("admin,compliance_officer,manager") : QString();
        e.action = QStringLiteral("/ops.platform.v1.IdentityService/CreateUser");
        e.resource = QStringLiteral("users/user%1").arg(i);
        e.requestSummary = QStringLiteral("roles=[viewer] — ü"); // UTF-8 on purpose
        e.result = i % 3 ? QStringLiteral("OK") : QStringLiteral("UNAUTHENTICATED");
        e.resultMessage = i % 3 ? QString() : QStringLiteral("missing token");
        e.peer = QStringLiteral("ipv4:127.0.0.1:5%1").arg(i);
        e.prevHash = prev;
        e.entryHash = expectedHash(e);
        prev = e.entryHash;
        events.append(e);
    }
    return events;
}

} // namespace

class tst_AuditChainVerifier : public QObject
{
    Q_OBJECT
private slots:
    void encodingMatchesTheDocument();
    void verdicts_data();
    void verdicts();
    void incrementalEqualsWhole();
    void rememberedHead();
};

void tst_AuditChainVerifier::encodingMatchesTheDocument()
{
    AuditEvent e;
    e.seq = 12;
    e.timeText = QStringLiteral("2026-11-29T06:05:00.123456Z");
    e.actor = QStringLiteral("users/admin");
    e.prevHash = QString(64, QLatin1Char('0'));
    const QByteArray expected = "ops.audit.v1,2:12,27:2026-11-29T06:05:00.123456Z,11:users/admin,"
                                "0:,0:,0:,0:,0:,0:,0:,64:" +
                                QByteArray(64, '0') + ",";
    QCOMPARE(AuditChainVerifier::canonicalEncoding(e), expected);
    QCOMPARE(AuditChainVerifier::computeHash(e), expectedHash(e));
    // Byte lengths, not character counts.
    e.actor = QStringLiteral("ü");
    QVERIFY(AuditChainVerifier::canonicalEncoding(e).contains(",2:\xc3\xbc,"));
}

void tst_AuditChainVerifier::verdicts_data()
{
    QTest::addColumn<QList<AuditEvent>>("events");
    QTest::addColumn<qint64>("anchorSeq"); // 0: none
    QTest::addColumn<bool>("intact");
    QTest::addColumn<qint64>("firstBadSeq");
    QTest::addColumn<int>("problem");

    using P = AuditChainVerifier::Problem;
    const QList<AuditEvent> good = chain(6);
    QTest::newRow("intact") << good << qint64(0) << true << qint64(0) << int(P::None);
    QTest::newRow("intact, reaches the anchor")
        << good << qint64(6) << true << qint64(0) << int(P::None);
    QTest::newRow("empty") << QList<AuditEvent>() << qint64(0) << true << qint64(0) << int(P::None);
    {
        auto edited = good;
        edited[3].resource = QStringLiteral("users/mallory"); // seq 4, hash left as it was
        QTest::newRow("edited field")
            << edited << qint64(0) << false << qint64(4) << int(P::HashMismatch);
    }
    {
        auto edited = good;
        edited[2].result = QStringLiteral("OK");
        edited[2].entryHash = expectedHash(edited[2]); // rehashed, but the next link breaks
        QTest::newRow("edited and rehashed")
            << edited << qint64(0) << false << qint64(4) << int(P::BrokenLink);
    }
    {
        auto deleted = good;
        deleted.removeAt(2); // seq 3
        QTest::newRow("deleted middle")
            << deleted << qint64(0) << false << qint64(4) << int(P::MissingEntries);
    }
    {
        auto swapped = good;
        swapped.swapItemsAt(1, 2); // 1, 3, 2, 4 …
        QTest::newRow("swapped") << swapped << qint64(0) << false << qint64(3)
                                 << int(P::MissingEntries);
    }
    {
        auto truncated = good.mid(0, 4);
        QTest::newRow("truncated below remembered head")
            << truncated << qint64(6) << false << qint64(6) << int(P::Truncated);
    }
    {
        auto genesis = chain(3);
        genesis[0].prevHash = QString(64, QLatin1Char('1'));
        genesis[0].entryHash = expectedHash(genesis[0]);
        genesis[1].prevHash = genesis[0].entryHash;
        genesis[1].entryHash = expectedHash(genesis[1]);
        genesis[2].prevHash = genesis[1].entryHash;
        genesis[2].entryHash = expectedHash(genesis[2]);
        QTest::newRow("wrong genesis")
            << genesis << qint64(0) << false << qint64(1) << int(P::BadGenesis);
    }
    {
        auto headless = good.mid(1); // starts at seq 2
        QTest::newRow("first entry missing")
            << headless << qint64(0) << false << qint64(2) << int(P::MissingEntries);
    }
}

void tst_AuditChainVerifier::verdicts()
{
    QFETCH(QList<AuditEvent>, events);
    QFETCH(qint64, anchorSeq);
    QFETCH(bool, intact);
    QFETCH(qint64, firstBadSeq);
    QFETCH(int, problem);

    AuditChainVerifier verifier;
    if (anchorSeq > 0)
        verifier.setAnchor(anchorSeq, chain(int(anchorSeq)).last().entryHash);
    verifier.append(events);
    const auto &v = verifier.finishListing();
    QCOMPARE(v.intact, intact);
    QCOMPARE(v.firstBadSeq, firstBadSeq);
    QCOMPARE(int(v.problem), problem);
    QCOMPARE(v.problemText.isEmpty(), intact);
    QCOMPARE(v.entriesChecked, qint64(events.size()));
}

void tst_AuditChainVerifier::incrementalEqualsWhole()
{
    // One entry at a time, or all at once: the same verdict, for a good and a bad chain.
    for (bool tamper : {false, true}) {
        auto events = chain(20);
        if (tamper)
            events[12].peer = QStringLiteral("ipv4:10.0.0.66:1");
        AuditChainVerifier whole, incremental;
        whole.append(events);
        for (const AuditEvent &e : events)
            incremental.append({e});
        QCOMPARE(incremental.verdict().intact, whole.verdict().intact);
        QCOMPARE(incremental.verdict().firstBadSeq, whole.verdict().firstBadSeq);
        QCOMPARE(incremental.verdict().headSeq, qint64(20));
        QCOMPARE(incremental.verdict().headHash, events.last().entryHash);
        QCOMPARE(whole.verdict().firstBadSeq, tamper ? qint64(13) : qint64(0));
    }
}

void tst_AuditChainVerifier::rememberedHead()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("heads.ini")), QSettings::IniFormat);
    const QString endpoint = QStringLiteral("[::1]:7443");
    QCOMPARE(AuditChainVerifier::rememberedHead(settings, endpoint).seq, qint64(0));

    const auto events = chain(6);
    AuditChainVerifier verifier;
    verifier.append(events);
    AuditChainVerifier::rememberHead(settings, endpoint, verifier.verdict());
    QCOMPARE(AuditChainVerifier::rememberedHead(settings, endpoint).seq, qint64(6));
    QCOMPARE(AuditChainVerifier::rememberedHead(settings, endpoint).hash, events.last().entryHash);
    QCOMPARE(AuditChainVerifier::rememberedHead(settings, QStringLiteral("other:1")).seq,
             qint64(0));

    // Never backwards: a shorter chain does not lower the anchor.
    AuditChainVerifier shorter;
    shorter.append(events.mid(0, 3));
    AuditChainVerifier::rememberHead(settings, endpoint, shorter.verdict());
    QCOMPARE(AuditChainVerifier::rememberedHead(settings, endpoint).seq, qint64(6));

    // The next connect: a rewritten entry at the anchor is caught even if the chain is consistent.
    auto rewritten = chain(6);
    rewritten[5].requestSummary = QStringLiteral("nothing to see");
    rewritten[5].entryHash = expectedHash(rewritten[5]);
    AuditChainVerifier next;
    const auto head = AuditChainVerifier::rememberedHead(settings, endpoint);
    next.setAnchor(head.seq, head.hash);
    next.append(rewritten);
    QVERIFY(!next.finishListing().intact);
    QCOMPARE(next.verdict().firstBadSeq, qint64(6));
    QCOMPARE(next.verdict().problem, AuditChainVerifier::Problem::HeadMismatch);
}

QTEST_GUILESS_MAIN(tst_AuditChainVerifier)
#include "tst_auditchainverifier.moc"
