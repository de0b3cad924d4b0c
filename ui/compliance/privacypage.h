#pragma once

#include <QWidget>

class QTableView;
class QToolButton;

namespace ops {

class PrivacyQueueModel;
class RetentionTableModel;

// The Privacy tab: the queue of data-subject requests counting down to their legal deadlines
// (New request…, Complete…) and the retention policies per data category (Edit policy…, Apply
// retention…). The panel enables the actions by permission and selection and carries them out.
class PrivacyPage : public QWidget
{
    Q_OBJECT
public:
    PrivacyPage(PrivacyQueueModel *requests, RetentionTableModel *retention,
                QWidget *parent = nullptr);

    QTableView *requestTable() const { return m_requests; }
    QTableView *retentionTable() const { return m_retention; }
    QToolButton *newRequestButton() const { return m_newRequest; }
    QToolButton *completeButton() const { return m_complete; }
    QToolButton *editPolicyButton() const { return m_editPolicy; }
    QToolButton *applyRetentionButton() const { return m_applyRetention; }
    QString currentRequest() const; // "privacyRequests/3"; "" for none
    QString currentPolicy() const;  // "retentionPolicies/audit"; "" for none
    bool selectRequest(const QString &name);
    bool selectPolicy(const QString &name);

signals:
    void selectionChanged();

private:
    QTableView *m_requests;
    QTableView *m_retention;
    QToolButton *m_newRequest;
    QToolButton *m_complete;
    QToolButton *m_editPolicy;
    QToolButton *m_applyRetention;
};

} // namespace ops
