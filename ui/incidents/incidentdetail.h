#pragma once

#include "models/incident.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace ops {

class IncidentClient;
class IncidentTableModel;
class SilenceTableModel;

// One incident in full: a header (number, title, state, severity, assignee, regions and models as
// links, times), then tabs — timeline, alerts with their labels, silences with their countdowns,
// the runbooks of its alerts (Markdown) and the postmortem editor with follow-ups. Follows the
// queue's row live; re-gets the incident (for its timeline) when its timeline grew.
class IncidentDetail : public QWidget
{
    Q_OBJECT
public:
    IncidentDetail(IncidentClient *client, IncidentTableModel *incidents,
                   SilenceTableModel *silences, QWidget *parent = nullptr);

    void setIncident(const QString &name);
    QString incident() const { return m_name; }
    // Runbooks by name (runbooks/{alertname}), as the stream keeps them.
    void setRunbooks(const QHash<QString, Runbook> &runbooks);
    void setCanWritePostmortem(bool allowed, const QString &reason);

    QString headerText() const;
    QTreeWidget *timelineView() const { return m_timeline; }
    QTreeWidget *alertsView() const { return m_alerts; }
    QTreeWidget *silencesView() const { return m_silences; }
    QTextBrowser *runbookView() const { return m_runbook; }
    QTabWidget *tabs() const { return m_tabs; }
    // Refreshes the silences' countdowns (the panel ticks it).
    void tick();

signals:
    void regionActivated(const QString &region); // regions/{r}
    void modelActivated(const QString &model);   // models/{m}
    void message(const QString &text, bool error);

private:
    void refresh();
    void fetch();
    void showFull(const Incident &incident);
    void fillHeader(const Incident &incident);
    void fillAlerts(const Incident &incident);
    void fillSilences();
    void fillRunbook(const Incident &incident);
    void fillPostmortem(const Postmortem &postmortem);
    void savePostmortem();
    void addFollowUpRow(const FollowUp &followUp);

    IncidentClient *m_client;
    IncidentTableModel *m_incidents;
    SilenceTableModel *m_silenceModel;
    QHash<QString, Runbook> m_runbookMap;
    QString m_name;
    Incident m_full; // the last GetIncident answer (with timeline)
    quint64 m_generation = 0;
    bool m_fetching = false;
    bool m_postmortemDirty = false;

    QLabel *m_empty;
    QWidget *m_body;
    QLabel *m_header;
    QTabWidget *m_tabs;
    QTreeWidget *m_timeline;
    QTreeWidget *m_alerts;
    QTreeWidget *m_silences;
    QTextBrowser *m_runbook;
    QPlainTextEdit *m_pmFields[5] = {};
    QTableWidget *m_followUps;
    QPushButton *m_pmSave;
    QPushButton *m_pmAdd;
    QLabel *m_pmStatus;
};

} // namespace ops
