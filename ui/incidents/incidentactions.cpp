#include "incidentactions.h"

#include "ui/registry/actiondialog.h"

#include "models/incidenttablemodel.h"
#include "models/resourcename.h"
#include "services/identityclient.h"
#include "services/incidentclient.h"

#include <QAction>
#include <QComboBox>
#include <QKeySequence>
#include <QLineEdit>
#include <QWidget>

namespace ops {

namespace ip = incident_permissions;

namespace {

// The silence lengths offered, in seconds.
const qint64 kDurations[] = {30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 24 * 3600, 7 * 86400};

QStringList durationItems()
{
    QStringList items;
    for (qint64 s : kDurations)
        items.append(IncidentText::duration(s).replace(QStringLiteral(" 00m"), QString()));
    return items;
}

QString matchersText(const QList<SilenceMatcher> &matchers)
{
    Silence s;
    s.matchers = matchers;
    return s.matchersText();
}

} // namespace

IncidentActions::IncidentActions(IncidentClient *client, IdentityClient *identity,
                                 IncidentTableModel *incidents, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_client(client)
    , m_identity(identity)
    , m_incidents(incidents)
    , m_parent(dialogParent)
{
    // Ctrl+Shift+letter, scoped to the panel (WidgetWithChildrenShortcut): nothing else in the
    // window uses these (Ctrl+K connect, Ctrl+Q quit, Delete in the probes).
    const struct
    {
        Kind kind;
        const char *id;
        QString text;
        const char *keys;
    } defs[] = {
        {Acknowledge, "actionAcknowledge", tr("Acknowledge…"), "Ctrl+Shift+A"},
        {Silence, "actionSilence", tr("Silence…"), "Ctrl+Shift+S"},
        {Assign, "actionAssign", tr("Assign…"), "Ctrl+Shift+G"},
        {Mitigate, "actionMitigate", tr("Mitigate…"), "Ctrl+Shift+M"},
        {Resolve, "actionResolve", tr("Resolve…"), "Ctrl+Shift+R"},
        {AddNote, "actionAddNote", tr("Add note…"), "Ctrl+Shift+N"},
        {Close, "actionClose", tr("Close…"), nullptr},
        {Reopen, "actionReopen", tr("Reopen…"), nullptr},
        {SilenceFromFilter, "actionSilenceFromFilter", tr("Silence from the current filter…"),
         nullptr},
        {ExpireSilence, "actionExpireSilence", tr("Expire silence…"), nullptr},
        {ExtendSilence, "actionExtendSilence", tr("Change end…"), nullptr},
        {EditRunbook, "actionEditRunbook", tr("Edit runbook…"), nullptr},
    };
    for (const auto &def : defs) {
        auto *action = new QAction(def.text, this);
        action->setObjectName(QLatin1String(def.id));
        if (def.keys) {
            action->setShortcut(QKeySequence(QString::fromLatin1(def.keys)));
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(action, &QAction::triggered, this, [this, kind = def.kind] { trigger(kind); });
        m_actions[def.kind] = action;
        if (dialogParent)
            dialogParent->addAction(action);
    }
    if (m_identity)
        connect(m_identity, &IdentityClient::permissionsChanged, this, &IncidentActions::update);
    connect(m_incidents, &IncidentTableModel::incidentChanged, this, [this](const QString &name) {
        if (name == m_incident)
            update();
    });
    connect(m_incidents, &IncidentTableModel::modelReset, this, &IncidentActions::update);
    update();
}

Permissions IncidentActions::permissions() const
{
    return m_identity ? m_identity->permissions() : Permissions();
}

const Incident *IncidentActions::incident() const
{
    return m_incident.isEmpty() ? nullptr : m_incidents->find(m_incident);
}

void IncidentActions::setIncident(const QString &name)
{
    m_incident = name;
    update();
}

void IncidentActions::setFilterLabels(const QStringList &labels)
{
    m_filterLabels = labels;
    update();
}

void IncidentActions::setSilence(const QString &name, SilenceState state)
{
    m_silence = name;
    m_silenceState = state;
    update();
}

void IncidentActions::setRunbooks(const QHash<QString, Runbook> &runbooks)
{
    m_runbooks = runbooks;
}

QString IncidentActions::runbookName() const
{
    const Incident *i = incident();
    if (!i)
        return {};
    for (const IncidentAlert &a : i->alerts) {
        if (!a.alertName().isEmpty())
            return QStringLiteral("runbooks/") + a.alertName();
    }
    return {};
}

void IncidentActions::setAlertmanagers(const QStringList &names)
{
    m_alertmanagers = names;
    update();
}

QList<SilenceMatcher> IncidentActions::incidentMatchers() const
{
    QList<SilenceMatcher> out;
    const Incident *i = incident();
    if (!i)
        return out;
    QMap<QString, QString> labels = i->groupLabels;
    if (labels.isEmpty()) {
        for (const IncidentAlert &a : i->alerts) {
            if (a.firing) {
                labels = a.labels;
                break;
            }
        }
    }
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out.append({it.key(), it.value(), false, true});
    return out;
}

QList<SilenceMatcher> IncidentActions::filterMatchers() const
{
    QList<SilenceMatcher> out;
    for (const QString &token : m_filterLabels) {
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        out.append({token.left(eq), token.mid(eq + 1), false, true});
    }
    return out;
}

QString IncidentActions::disabledReason(Kind kind) const
{
    const Permissions perms = permissions();
    const Incident *i = incident();
    auto need = [&](const QString &permission) {
        return perms.missingText(permission);
    };
    auto needIncident = [&]() -> QString {
        return i ? QString() : tr("Select an incident first.");
    };
    switch (kind) {
    case Acknowledge:
    case Mitigate:
    case Resolve: {
        if (QString why = need(ip::Write); !why.isEmpty())
            return why;
        if (QString why = needIncident(); !why.isEmpty())
            return why;
        const IncidentState target = kind == Acknowledge ? IncidentState::Acknowledged
                                     : kind == Mitigate  ? IncidentState::Mitigated
                                                         : IncidentState::Resolved;
        if (int(i->state) >= int(target))
            return tr("Incident #%1 is already %2.")
                .arg(i->number)
                .arg(IncidentText::state(i->state).toLower());
        return {};
    }
    case Silence: {
        if (QString why = need(ip::SilencesWrite); !why.isEmpty())
            return why;
        if (QString why = needIncident(); !why.isEmpty())
            return why;
        if (i->alerts.isEmpty())
            return tr("Incident #%1 has no Alertmanager alerts to silence.").arg(i->number);
        if (incidentMatchers().isEmpty())
            return tr("Incident #%1 has no firing alert whose labels could be matched.")
                .arg(i->number);
        return {};
    }
    case Assign:
    case AddNote:
        if (QString why = need(ip::Write); !why.isEmpty())
            return why;
        return needIncident();
    case Close:
        if (QString why = need(ip::Close); !why.isEmpty())
            return why;
        if (QString why = needIncident(); !why.isEmpty())
            return why;
        if (i->state != IncidentState::Resolved)
            return tr("Only a resolved incident can be closed.");
        if (i->postmortem.summary.trimmed().isEmpty())
            return tr("Write the postmortem's summary first (Postmortem tab).");
        return {};
    case Reopen:
        if (QString why = need(ip::Write); !why.isEmpty())
            return why;
        if (QString why = needIncident(); !why.isEmpty())
            return why;
        if (i->state == IncidentState::Triggered)
            return tr("Incident #%1 is triggered already.").arg(i->number);
        if (i->state == IncidentState::Closed)
            return tr("A closed incident cannot be reopened.");
        return {};
    case SilenceFromFilter:
        if (QString why = need(ip::SilencesWrite); !why.isEmpty())
            return why;
        if (m_filterLabels.isEmpty())
            return tr("Type label filters into the queue's filter first, e.g. "
                      "alertname=HighLatency region=eu-west.");
        if (m_alertmanagers.isEmpty())
            return tr("platformd has no Alertmanager configured.");
        return {};
    case ExpireSilence:
    case ExtendSilence:
        if (QString why = need(ip::SilencesWrite); !why.isEmpty())
            return why;
        if (m_silence.isEmpty())
            return tr("Select a silence first.");
        if (m_silenceState == SilenceState::Expired)
            return tr("This silence has expired already.");
        return {};
    case EditRunbook:
        if (QString why = need(ip::RunbooksWrite); !why.isEmpty())
            return why;
        if (QString why = needIncident(); !why.isEmpty())
            return why;
        if (runbookName().isEmpty())
            return tr("Incident #%1 has no alert; runbooks are kept per alert name.")
                .arg(i->number);
        return {};
    case KindCount:
        break;
    }
    return {};
}

void IncidentActions::update()
{
    static const char *const tips[] = {
        QT_TR_NOOP("Take the incident: it stops paging; optionally silence its alerts."),
        QT_TR_NOOP("Silence the incident's alerts in their Alertmanager for a while."),
        QT_TR_NOOP("Make someone the incident's owner."),
        QT_TR_NOOP("The impact is contained; the cause may remain."),
        QT_TR_NOOP("The incident is over."),
        QT_TR_NOOP("Add a note to the incident's timeline."),
        QT_TR_NOOP("Close the resolved incident with its postmortem."),
        QT_TR_NOOP("Back to triggered."),
        QT_TR_NOOP("Silence every alert matching the filter's labels."),
        QT_TR_NOOP("End the selected silence now in its Alertmanager."),
        QT_TR_NOOP("Move the selected silence's end, later or earlier."),
        QT_TR_NOOP("Write the runbook (Markdown) for the incident's alert name."),
    };
    for (int k = 0; k < KindCount; ++k) {
        const QString why = disabledReason(Kind(k));
        m_actions[k]->setEnabled(why.isEmpty());
        QString tip = why.isEmpty() ? tr(tips[k]) : why;
        if (!m_actions[k]->shortcut().isEmpty())
            tip += QStringLiteral(" (%1)").arg(
                m_actions[k]->shortcut().toString(QKeySequence::NativeText));
        m_actions[k]->setToolTip(tip);
    }
}

void IncidentActions::open(ActionDialog *dialog)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentActions::report(const IncidentError &error, const QString &success)
{
    if (error.isError())
        emit failed(error);
    else
        emit succeeded(success);
}

void IncidentActions::applied(const Incident &incident, const IncidentError &error,
                              const QString &success)
{
    if (!error.isError())
        m_incidents->upsert(incident);
    report(error, success);
}

void IncidentActions::openSilenceDialog(const QList<SilenceMatcher> &matchers,
                                        const QString &alertmanager, const QString &incidentName,
                                        const QString &what)
{
    auto *d = new ActionDialog(tr("Silence alerts"), QString(), tr("Silence"), m_parent);
    QComboBox *duration = d->addCombo(tr("For"), durationItems(), false);
    duration->setCurrentIndex(1);
    QComboBox *target = nullptr;
    if (alertmanager.isEmpty()) {
        QStringList ids;
        for (const QString &am : m_alertmanagers)
            ids.append(resource::leafId(am));
        target = d->addCombo(tr("Alertmanager"), ids, false);
    }
    d->addComment(true, tr("Comment (Alertmanager shows it)"));
    auto describe = [d, duration, target, matchers, alertmanager, what] {
        const QString am = target ? target->currentText() : resource::leafId(alertmanager);
        d->setEffect(tr("Alertmanager %1 silences %2 matching %3 for %4, from now. Notifications "
                        "stop until the silence ends or is expired; the alerts keep firing.")
                         .arg(am, what, matchersText(matchers), duration->currentText()));
    };
    connect(duration, &QComboBox::currentIndexChanged, d, describe);
    if (target)
        connect(target, &QComboBox::currentIndexChanged, d, describe);
    describe();
    connect(
        d, &QDialog::accepted, this,
        [this, d, duration, target, matchers, alertmanager, incidentName] {
            ops::Silence s;
            s.alertmanager = target ? m_alertmanagers.value(target->currentIndex()) : alertmanager;
            s.matchers = matchers;
            s.startsAt = QDateTime::currentDateTimeUtc();
            s.endsAt = s.startsAt.addSecs(kDurations[duration->currentIndex()]);
            s.comment = d->comment();
            s.incident = incidentName;
            m_client->createSilence(s, [this](const ops::Silence &created, const IncidentError &e) {
                report(e, tr("Silenced %1 until %2.")
                              .arg(created.matchersText(),
                                   created.endsAt.toLocalTime().toString(QStringLiteral("HH:mm"))));
            });
        });
    open(d);
}

void IncidentActions::openTransition(Kind kind)
{
    const Incident *i = incident();
    if (!i)
        return;
    const Incident inc = *i;
    const QString label = tr("#%1 “%2”").arg(inc.number).arg(inc.title);
    QString title, effect, ok;
    switch (kind) {
    case Mitigate:
        title = tr("Mitigate incident");
        effect = tr("%1 goes from %2 to Mitigated now: the impact is contained. It stays open "
                    "until resolved.")
                     .arg(label, IncidentText::state(inc.state));
        ok = tr("Mitigate");
        break;
    case Resolve:
        title = tr("Resolve incident");
        effect = tr("%1 goes from %2 to Resolved now and leaves the open queue. Its time to "
                    "resolve counts from %3.")
                     .arg(label, IncidentText::state(inc.state),
                          inc.triggerTime.toLocalTime().toString(QStringLiteral("HH:mm")));
        if (inc.firingAlerts > 0)
            effect += QLatin1Char(' ') + tr("%n alert(s) still firing; a new notification for "
                                            "them opens a new incident.",
                                            nullptr, inc.firingAlerts);
        ok = tr("Resolve");
        break;
    case Close:
        title = tr("Close incident");
        effect = tr("%1 is closed with its postmortem; it cannot be reopened.").arg(label);
        ok = tr("Close");
        break;
    case Reopen:
        title = tr("Reopen incident");
        effect = tr("%1 goes back to Triggered; the times of %2 and the states after it are "
                    "cleared, and the timeline says so.")
                     .arg(label, IncidentText::state(inc.state));
        ok = tr("Reopen");
        break;
    default:
        return;
    }
    auto *d = new ActionDialog(title, effect, ok, m_parent);
    d->addComment(kind == Reopen, tr("Comment (goes to the timeline)"));
    connect(d, &QDialog::accepted, this, [this, d, kind, inc] {
        const QString name = inc.name;
        auto done = [this, kind, inc](const Incident &x, const IncidentError &e) {
            applied(x, e,
                    tr("Incident #%1 is %2.")
                        .arg(inc.number)
                        .arg(IncidentText::state(x.state).toLower()));
            Q_UNUSED(kind);
        };
        switch (kind) {
        case Mitigate:
            return m_client->mitigate(name, d->comment(), done);
        case Resolve:
            return m_client->resolve(name, d->comment(), done);
        case Close:
            return m_client->close(name, d->comment(), done);
        case Reopen:
            return m_client->reopen(name, d->comment(), done);
        default:
            return;
        }
    });
    open(d);
}

void IncidentActions::trigger(Kind kind)
{
    if (!disabledReason(kind).isEmpty())
        return;
    const Incident *i = incident();
    switch (kind) {
    case Acknowledge: {
        const Incident inc = *i;
        auto *d =
            new ActionDialog(tr("Acknowledge incident"), QString(), tr("Acknowledge"), m_parent);
        QStringList choices{tr("Don't silence")};
        choices += durationItems();
        QComboBox *silence = d->addCombo(tr("Also silence its alerts for"), choices, false);
        if (inc.alerts.isEmpty())
            silence->setEnabled(false);
        d->addComment(false, tr("Comment (timeline; the silence's comment)"));
        const bool maySilence = permissions().has(ip::SilencesWrite);
        auto describe = [d, silence, inc] {
            QString effect = tr("#%1 “%2” goes from %3 to Acknowledged now, by you: it stops "
                                "paging and shows who is on it.")
                                 .arg(inc.number)
                                 .arg(inc.title, IncidentText::state(inc.state));
            if (silence->currentIndex() > 0)
                effect +=
                    QLatin1Char(' ') + tr("Its %n alert(s) are silenced in Alertmanager for %1.",
                                          nullptr, int(inc.alerts.size()))
                                           .arg(silence->currentText());
            d->setEffect(effect);
        };
        connect(silence, &QComboBox::currentIndexChanged, d, describe);
        connect(silence, &QComboBox::currentIndexChanged, d, &ActionDialog::revalidate);
        describe();
        d->setValidator([this, silence, d, maySilence]() -> QString {
            if (silence->currentIndex() == 0)
                return {};
            if (!maySilence)
                return permissions().missingText(ip::SilencesWrite);
            if (d->comment().trimmed().isEmpty())
                return tr("A silence needs a comment.");
            return {};
        });
        connect(d, &QDialog::accepted, this, [this, d, silence, inc] {
            const int index = silence->currentIndex();
            const qint64 seconds = index > 0 ? kDurations[index - 1] : 0;
            m_client->acknowledge(inc.name, d->comment(), seconds,
                                  [this, inc](const Incident &x, const IncidentError &e) {
                                      applied(x, e,
                                              tr("Incident #%1 is acknowledged.").arg(inc.number));
                                  });
        });
        return open(d);
    }
    case Silence: {
        const QString am = i->alerts.isEmpty() ? QString() : i->alerts.first().alertmanager;
        return openSilenceDialog(incidentMatchers(), am, i->name,
                                 tr("the alerts of incident #%1").arg(i->number));
    }
    case SilenceFromFilter:
        return openSilenceDialog(filterMatchers(), QString(), QString(), tr("every alert"));
    case Assign: {
        const Incident inc = *i;
        const QString me = m_identity ? m_identity->identity().userId() : QString();
        auto *d = new ActionDialog(tr("Assign incident"), QString(), tr("Assign"), m_parent);
        QLineEdit *who = d->addLineEdit(tr("User"), me, tr("user id, e.g. alice"));
        auto describe = [d, who, inc] {
            const QString user = resource::leafId(who->text().trimmed());
            const QString from =
                inc.assignee.isEmpty() ? tr("unassigned") : resource::leafId(inc.assignee);
            d->setEffect(tr("#%1 “%2” is assigned to %3 (now %4). The timeline records it.")
                             .arg(inc.number)
                             .arg(inc.title, user.isEmpty() ? tr("nobody") : user, from));
        };
        connect(who, &QLineEdit::textChanged, d, describe);
        describe();
        d->setValidator([who]() -> QString {
            return who->text().trimmed().isEmpty() ? tr("Name the user to assign.") : QString();
        });
        connect(d, &QDialog::accepted, this, [this, who, inc] {
            QString user = who->text().trimmed();
            if (!user.startsWith(QLatin1String("users/")))
                user.prepend(QLatin1String("users/"));
            m_client->assign(inc.name, user,
                             [this, inc, user](const Incident &x, const IncidentError &e) {
                                 applied(x, e,
                                         tr("Incident #%1 is assigned to %2.")
                                             .arg(inc.number)
                                             .arg(resource::leafId(user)));
                             });
        });
        return open(d);
    }
    case AddNote: {
        const Incident inc = *i;
        auto *d = new ActionDialog(
            tr("Add note"),
            tr("The note (Markdown) is appended to the timeline of #%1 “%2”, signed by you; notes "
               "cannot be edited afterwards.")
                .arg(inc.number)
                .arg(inc.title),
            tr("Add note"), m_parent);
        d->addComment(true, tr("Note"));
        connect(d, &QDialog::accepted, this, [this, d, inc] {
            m_client->addNote(inc.name, d->comment(),
                              [this, inc](const Incident &x, const IncidentError &e) {
                                  applied(x, e, tr("Note added to #%1.").arg(inc.number));
                              });
        });
        return open(d);
    }
    case Mitigate:
    case Resolve:
    case Close:
    case Reopen:
        return openTransition(kind);
    case ExpireSilence: {
        const QString name = m_silence;
        auto *d = new ActionDialog(tr("Expire silence"),
                                   tr("%1 ends now in its Alertmanager: the alerts it matched "
                                      "notify again.")
                                       .arg(name),
                                   tr("Expire"), m_parent);
        connect(d, &QDialog::accepted, this, [this, name] {
            m_client->expireSilence(name,
                                    [this, name](const ops::Silence &, const IncidentError &e) {
                                        report(e, tr("%1 expired.").arg(name));
                                    });
        });
        return open(d);
    }
    case ExtendSilence: {
        const QString name = m_silence;
        auto *d = new ActionDialog(tr("Change the end of a silence"), QString(), tr("Change end"),
                                   m_parent);
        QComboBox *length = d->addCombo(tr("End in"), durationItems(), false);
        length->setCurrentIndex(1);
        d->addComment(false, tr("New comment (optional; replaces the old one)"));
        auto describe = [d, length, name] {
            d->setEffect(tr("%1 ends %2 from now instead (Alertmanager may give it a new id); "
                            "its matchers stay.")
                             .arg(name, length->currentText()));
        };
        connect(length, &QComboBox::currentIndexChanged, d, describe);
        describe();
        connect(d, &QDialog::accepted, this, [this, d, length, name] {
            const QDateTime end =
                QDateTime::currentDateTimeUtc().addSecs(kDurations[length->currentIndex()]);
            m_client->extendSilence(
                name, end, d->comment(), [this](const ops::Silence &s, const IncidentError &e) {
                    report(e, tr("%1 now ends at %2.")
                                  .arg(s.name, s.endsAt.toLocalTime().toString(
                                                   QStringLiteral("yyyy-MM-dd HH:mm"))));
                });
        });
        return open(d);
    }
    case EditRunbook: {
        const QString name = runbookName();
        const QString alert = resource::leafId(name);
        auto *d = new ActionDialog(
            tr("Edit runbook"),
            tr("The runbook for alerts named %1 is replaced: every incident with such an alert "
               "shows the new text.")
                .arg(alert),
            tr("Save runbook"), m_parent);
        d->addComment(true, tr("Runbook (Markdown)"));
        d->setComment(m_runbooks.value(name).markdown);
        connect(d, &QDialog::accepted, this, [this, d, name, alert] {
            m_client->updateRunbook(name, d->comment(),
                                    [this, alert](const Runbook &, const IncidentError &e) {
                                        report(e, tr("Runbook for %1 saved.").arg(alert));
                                    });
        });
        return open(d);
    }
    case KindCount:
        break;
    }
}

} // namespace ops
