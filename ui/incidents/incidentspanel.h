#pragma once

#include "models/incident.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace ops {

class IdentityClient;
class IncidentActions;
class IncidentAnalyticsView;
class IncidentClient;
class IncidentDetail;
class IncidentFilterProxyModel;
class IncidentNotifier;
class IncidentTableModel;
class SilenceFilterProxyModel;
class SilenceTableModel;
class StaleBanner;

// The Incidents panel, where operators live: the live queue (severity badges with colour and
// shape, ages), a filter bar (text and `label=value` tokens, severities, state, open only), the
// selected incident's detail, the silences of every Alertmanager (those matching no alert too),
// MTTA/MTTR analytics, CSV export of the queue as filtered, and the actions with their shortcuts.
// A new SEV1/SEV2 arriving live raises a tray notification (not the initial listing).
class IncidentsPanel : public QWidget
{
    Q_OBJECT
public:
    IncidentsPanel(IncidentClient *client, IdentityClient *identity, QWidget *parent = nullptr);
    ~IncidentsPanel() override;

    IncidentTableModel *incidentsModel() const { return m_incidents; }
    IncidentFilterProxyModel *queueProxy() const { return m_proxy; }
    SilenceTableModel *silencesModel() const { return m_silences; }
    IncidentActions *actions() const { return m_actions; }
    IncidentDetail *detail() const { return m_detail; }
    IncidentNotifier *notifier() const { return m_notifier; }
    IncidentAnalyticsView *analytics() const { return m_analytics; }
    QTableView *queueView() const { return m_queueView; }
    QTableView *silencesView() const { return m_silencesView; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTabWidget *tabs() const { return m_tabs; }
    QString countText() const;
    QString messageText() const;
    QString emptyText() const;
    QString staleText() const;
    QString alertmanagersText() const;

    void selectIncident(const QString &name);
    QString currentIncident() const { return m_current; }
    // Writes the queue as filtered and sorted (RFC 4180, atomically). False with `error` set.
    bool exportCsv(const QString &path, QString *error) const;

signals:
    void currentIncidentChanged(const QString &name);
    void regionActivated(const QString &region);
    void modelActivated(const QString &model);

private:
    void applySnapshot(const IncidentSnapshot &snapshot);
    void applyChanges(const QList<IncidentChangeBatch> &batches);
    void onSelection();
    void updateCount();
    void updateStale();
    void updatePermissions();
    void showMessage(const QString &text, bool error);
    void filterChanged();
    void exportQueue();
    void tick();

    IncidentClient *m_client;
    IdentityClient *m_identity;
    IncidentTableModel *m_incidents;
    IncidentFilterProxyModel *m_proxy;
    SilenceTableModel *m_silences;
    SilenceFilterProxyModel *m_silenceProxy;
    IncidentActions *m_actions;
    IncidentDetail *m_detail;
    IncidentNotifier *m_notifier;
    IncidentAnalyticsView *m_analytics;
    QHash<QString, Runbook> m_runbooks;
    QStringList m_alertmanagers;
    StaleBanner *m_stale;
    QLabel *m_message;
    QLineEdit *m_filter;
    QToolButton *m_severity[4];
    QComboBox *m_state;
    QCheckBox *m_openOnly;
    QLabel *m_count;
    QTabWidget *m_tabs;
    QStackedWidget *m_queueStack;
    QLabel *m_empty;
    QTableView *m_queueView;
    QTableView *m_silencesView;
    QCheckBox *m_showExpired;
    QLabel *m_alertmanagerText;
    QTimer *m_ticker;
    QString m_current;
    bool m_haveSnapshot = false;
    bool m_messageIsError = false;
    int m_ticks = 0;
};

} // namespace ops
