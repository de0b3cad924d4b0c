#pragma once

#include "auditevent.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSettings;

namespace ops {

// The console's own check of the audit log's hash chain: an independent implementation of the
// canonical encoding in docs/SECURITY.md (it shares no code with platformd). Entries are fed in seq
// order as they arrive; the verdict is kept up to date incrementally. A remembered head (the
// highest seq and hash this console saw before, per endpoint) catches a log truncated at its end.
class AuditChainVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ops::AuditChainVerifier)
public:
    enum class Problem {
        None,
        BadGenesis,     // seq 1's prev_hash is not 64 zeros
        MissingEntries, // a seq gap: rows were deleted (or the first row is not seq 1)
        OutOfOrder,     // seq goes backwards or repeats: rows were reordered or duplicated
        BrokenLink,     // prev_hash is not the previous entry's entry_hash
        HashMismatch,   // entry_hash does not match the entry's content: the row was edited
        HeadMismatch,   // the remembered head's seq carries another hash now: history rewritten
        Truncated,      // the log ends below the remembered head
    };

    struct Verdict
    {
        bool intact = true;
        qint64 entriesChecked = 0;
        qint64 firstBadSeq = 0; // 0 while intact
        Problem problem = Problem::None;
        QString problemText; // translated, e.g. "entry_hash does not match its content"
        qint64 headSeq = 0;  // newest entry checked
        QString headHash;
    };

    static const QString GenesisHash; // 64 zeros

    // The canonical bytes behind entry_hash: "ops.audit.v1," then netstrings of seq, time, actor,
    // role, action, resource, request_summary, result, result_message, peer, prev_hash.
    static QByteArray canonicalEncoding(const AuditEvent &event);
    static QString computeHash(const AuditEvent &event); // lowercase hex SHA-256

    void reset(); // forgets the entries (keeps the anchor)
    // The remembered head: the chain must reach anchorSeq and carry anchorHash there.
    void setAnchor(qint64 seq, const QString &hash);
    qint64 anchorSeq() const { return m_anchorSeq; }

    // Checks the next entries, in the order the log holds them. Returns the verdict after them.
    const Verdict &append(const QList<AuditEvent> &events);
    // The whole log has been fed (a listing reached the server's last seq): a log that ends below
    // the anchor was truncated.
    const Verdict &finishListing();
    const Verdict &verdict() const { return m_verdict; }

    static QString problemText(Problem problem, qint64 seq, qint64 expected = 0);

    // The remembered head per endpoint, in QSettings ("auditHeads/<endpoint>").
    struct Head
    {
        qint64 seq = 0;
        QString hash;
    };
    static Head rememberedHead(QSettings &settings, const QString &endpoint);
    // Only moves forward, and only from an intact chain.
    static void rememberHead(QSettings &settings, const QString &endpoint, const Verdict &verdict);

private:
    void fail(qint64 seq, Problem problem, qint64 expected = 0);

    Verdict m_verdict;
    qint64 m_anchorSeq = 0;
    QString m_anchorHash;
};

} // namespace ops
