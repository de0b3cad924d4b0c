#include "auditchainverifier.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QUrl>

namespace ops {

const QString AuditChainVerifier::GenesisHash = QString(64, QLatin1Char('0'));

namespace {
void netstring(QByteArray *out, const QByteArray &bytes)
{
    out->append(QByteArray::number(bytes.size()));
    out->append(':');
    out->append(bytes);
    out->append(',');
}

QString settingsKey(const QString &endpoint)
{
    // Endpoints contain ':' and may contain '[]': keep the key one flat, safe word.
    return QStringLiteral("auditHeads/") +
           QString::fromLatin1(QUrl::toPercentEncoding(endpoint, {}, "/:[]"))
               .replace(QLatin1Char('%'), QLatin1Char('_'));
}
} // namespace

QByteArray AuditChainVerifier::canonicalEncoding(const AuditEvent &e)
{
    QByteArray out = QByteArrayLiteral("ops.audit.v1,");
    netstring(&out, QByteArray::number(e.seq));
    for (const QString *field :
         {&e.timeText, &e.actor, &e.role, &e.action, &e.resource, &e.requestSummary, &e.result,
          &e.resultMessage, &e.peer, &e.prevHash})
        netstring(&out, field->toUtf8());
    return out;
}

QString AuditChainVerifier::computeHash(const AuditEvent &event)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalEncoding(event), QCryptographicHash::Sha256).toHex());
}

void AuditChainVerifier::reset()
{
    m_verdict = {};
}

void AuditChainVerifier::setAnchor(qint64 seq, const QString &hash)
{
    m_anchorSeq = seq;
    m_anchorHash = hash;
}

QString AuditChainVerifier::problemText(Problem problem, qint64 seq, qint64 expected)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::BadGenesis:
        return tr("the first entry does not start the chain (prev_hash is not the genesis hash)");
    case Problem::MissingEntries:
        return expected + 1 == seq ? tr("entry %1 is missing").arg(expected)
                                   : tr("entries %1–%2 are missing").arg(expected).arg(seq - 1);
    case Problem::OutOfOrder:
        return tr("entries are out of order (expected %1, found %2)").arg(expected).arg(seq);
    case Problem::BrokenLink:
        return tr("prev_hash does not match the previous entry");
    case Problem::HashMismatch:
        return tr("entry_hash does not match its content");
    case Problem::HeadMismatch:
        return tr("this entry differs from the one this console saw before: history was "
                  "rewritten");
    case Problem::Truncated:
        return tr("the log ends at %1, but this console saw it reach %2: entries were removed "
                  "from its end")
            .arg(expected)
            .arg(seq);
    }
    return {};
}

void AuditChainVerifier::fail(qint64 seq, Problem problem, qint64 expected)
{
    if (!m_verdict.intact)
        return; // the first problem is the one that matters
    m_verdict.intact = false;
    m_verdict.firstBadSeq = seq;
    m_verdict.problem = problem;
    m_verdict.problemText = problemText(problem, seq, expected);
}

const AuditChainVerifier::Verdict &AuditChainVerifier::append(const QList<AuditEvent> &events)
{
    for (const AuditEvent &e : events) {
        const bool first = m_verdict.entriesChecked == 0;
        const qint64 expected = first ? 1 : m_verdict.headSeq + 1;
        if (e.seq > expected) {
            fail(e.seq, Problem::MissingEntries, expected);
        } else if (e.seq < expected) {
            fail(e.seq, Problem::OutOfOrder, expected);
        } else if (e.seq == 1 && e.prevHash != GenesisHash) {
            fail(e.seq, Problem::BadGenesis);
        } else if (!first && e.prevHash != m_verdict.headHash) {
            fail(e.seq, Problem::BrokenLink);
        }
        if (computeHash(e) != e.entryHash)
            fail(e.seq, Problem::HashMismatch);
        if (m_anchorSeq > 0 && e.seq == m_anchorSeq && e.entryHash != m_anchorHash)
            fail(e.seq, Problem::HeadMismatch);
        ++m_verdict.entriesChecked;
        // Follow the log as it is, so one bad entry is reported once, not at every later one.
        m_verdict.headSeq = std::max(m_verdict.headSeq, e.seq);
        if (e.seq >= m_verdict.headSeq)
            m_verdict.headHash = e.entryHash;
    }
    return m_verdict;
}

const AuditChainVerifier::Verdict &AuditChainVerifier::finishListing()
{
    if (m_anchorSeq > m_verdict.headSeq)
        fail(m_anchorSeq, Problem::Truncated, m_verdict.headSeq);
    return m_verdict;
}

AuditChainVerifier::Head AuditChainVerifier::rememberedHead(QSettings &settings,
                                                            const QString &endpoint)
{
    const QString key = settingsKey(endpoint);
    Head head;
    head.seq = settings.value(key + QStringLiteral("/seq"), 0).toLongLong();
    head.hash = settings.value(key + QStringLiteral("/hash")).toString();
    return head;
}

void AuditChainVerifier::rememberHead(QSettings &settings, const QString &endpoint,
                                      const Verdict &verdict)
{
    if (!verdict.intact || verdict.headSeq <= 0 || endpoint.isEmpty())
        return;
    if (verdict.headSeq <= rememberedHead(settings, endpoint).seq)
        return;
    const QString key = settingsKey(endpoint);
    settings.setValue(key + QStringLiteral("/seq"), verdict.headSeq);
    settings.setValue(key + QStringLiteral("/hash"), verdict.headHash);
}

} // namespace ops
