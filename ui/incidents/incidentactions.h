#pragma once

#include "ui/registry/actiondialog.h"

#include "models/identity.h"
#include "models/incident.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QWidget;

namespace ops {

class IdentityClient;
class IncidentClient;
class IncidentTableModel;

// The incident actions of the Incidents panel: acknowledge (optionally silencing the alerts),
// silence…, assign…, mitigate, resolve, add note, close, reopen, silence from the current filter
// and expire a silence. Each opens a confirmation (the registry's ActionDialog) that states its
// effect, then calls platformd. An action is disabled with the reason in its tooltip when the
// signed-in identity lacks the permission or the selection does not allow it; platformd stays the
// authority and its refusals are reported as they are. Shortcuts work while focus is in the panel.
class IncidentActions : public QObject
{
    Q_OBJECT
public:
    enum Kind {
        Acknowledge,
        Silence,
        Assign,
        Mitigate,
        Resolve,
        AddNote,
        Close,
        Reopen,
        SilenceFromFilter,
        ExpireSilence,
        ExtendSilence,
        EditRunbook,
        KindCount
    };

    IncidentActions(IncidentClient *client, IdentityClient *identity, IncidentTableModel *incidents,
                    QWidget *dialogParent);

    QAction *action(Kind kind) const { return m_actions[kind]; }
    QString disabledReason(Kind kind) const;
    Permissions permissions() const;

    // What the actions act on.
    void setIncident(const QString &name);
    QString currentIncident() const { return m_incident; }
    // The `name=value` tokens of the queue's filter (Silence from the current filter).
    void setFilterLabels(const QStringList &labels);
    void setSilence(const QString &name, SilenceState state);
    void setAlertmanagers(const QStringList &names);           // alertmanagers/{name}
    void setRunbooks(const QHash<QString, Runbook> &runbooks); // by name, runbooks/{alertname}
    // The runbook Edit runbook… edits: the current incident's first alert name's.
    QString runbookName() const;

    // The open confirmation, if any (tests confirm it programmatically).
    ActionDialog *openDialog() const { return m_dialog; }
    // The matchers a silence of the current incident gets: its group labels, else the labels of
    // its first firing alert.
    QList<SilenceMatcher> incidentMatchers() const;
    QList<SilenceMatcher> filterMatchers() const;

signals:
    void succeeded(const QString &message);
    void failed(const ops::IncidentError &error);

public:
    void update();

private:
    void trigger(Kind kind);
    void open(ActionDialog *dialog);
    const Incident *incident() const;
    void report(const IncidentError &error, const QString &success);
    // Applies an answered incident to the queue at once (the watch brings it too; idempotent).
    void applied(const Incident &incident, const IncidentError &error, const QString &success);
    void openSilenceDialog(const QList<SilenceMatcher> &matchers, const QString &alertmanager,
                           const QString &incident, const QString &what);
    void openTransition(Kind kind);

    IncidentClient *m_client;
    IdentityClient *m_identity;
    IncidentTableModel *m_incidents;
    QWidget *m_parent;
    QAction *m_actions[KindCount] = {};
    QString m_incident;
    QStringList m_filterLabels;
    QString m_silence;
    SilenceState m_silenceState = SilenceState::Unspecified;
    QStringList m_alertmanagers;
    QHash<QString, Runbook> m_runbooks;
    QPointer<ActionDialog> m_dialog;
};

} // namespace ops
