#pragma once

#include "models/auditchainverifier.h"
#include "models/identity.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ops {

class AuditClient;
class AuditFilterProxyModel;
class AuditTableModel;
class ChainBadge;
class Connection;
class IdentityClient;
class StaleBanner;

// The Audit panel: platformd's hash-chained audit log, live, verified by the console itself as
// entries arrive (AuditChainVerifier), with a verdict badge, a quick filter, a server-side AIP-160
// filter, "Verify on server" to compare verdicts, and a stale banner while the stream is down.
// Needs the audit.read permission; without it the panel explains why it is empty and does not ask.
class AuditPanel : public QWidget
{
    Q_OBJECT
public:
    AuditPanel(AuditClient *client, IdentityClient *identity, Connection *connection,
               QWidget *parent = nullptr);
    ~AuditPanel() override;

    // For tests and the screenshot.
    AuditTableModel *model() const { return m_model; }
    AuditFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    ChainBadge *badge() const { return m_badge; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QLineEdit *serverFilterEdit() const { return m_serverFilterEdit; }
    QPushButton *verifyButton() const { return m_verifyButton; }
    const AuditChainVerifier::Verdict &verdict() const { return m_verifier.verdict(); }
    QString emptyStateText() const; // empty while the table is shown
    QString serverFilterError() const;
    QString serverVerdictText() const;
    QString staleText() const;
    bool isShowingTable() const;

    // Selects and scrolls to the first bad entry (what clicking a broken badge does).
    void selectFirstBadEntry();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updatePermissions();
    void onSnapshot(const QList<AuditEvent> &events);
    void onEvents(const QList<AuditEvent> &events);
    void updateVerdict();
    void updateEmptyState();
    void updateStale();
    void updateColors();
    void applyServerFilter();
    void verifyOnServer();
    void setupColumns();

    AuditClient *m_client;
    IdentityClient *m_identity;
    Connection *m_connection;
    AuditTableModel *m_model;
    AuditFilterProxyModel *m_proxy;
    AuditChainVerifier m_verifier;
    QString m_endpoint; // the endpoint the current chain came from
    ChainBadge *m_badge;
    QLabel *m_summary;
    QLineEdit *m_filterEdit;
    QLineEdit *m_serverFilterEdit;
    QPushButton *m_verifyButton;
    QLabel *m_serverFilterError;
    QLabel *m_serverVerdict;
    QLabel *m_errorLabel;
    StaleBanner *m_stale;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QTableView *m_view;
    QTimer *m_ticker;
    bool m_haveSnapshot = false;
    bool m_allowed = false;
    quint64 m_serverQuery = 0;
};

} // namespace ops
