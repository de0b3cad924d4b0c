#include "incidentdetail.h"
#include "severitydelegate.h"

#include "models/incidenttablemodel.h"
#include "models/resourcename.h"
#include "models/silencetablemodel.h"
#include "services/incidentclient.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace ops {

namespace {

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString labelsText(const QMap<QString, QString> &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts.append(QStringLiteral("%1=%2").arg(it.key(), it.value()));
    return parts.join(QLatin1String("  "));
}

QTreeWidget *makeTree(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setHeaderLabels(headers);
    tree->header()->setStretchLastSection(true);
    tree->setWordWrap(false);
    return tree;
}

enum FollowUpColumn { FuTitle, FuOwner, FuDue, FuDone, FuTicket, FuCount };

} // namespace

IncidentDetail::IncidentDetail(IncidentClient *client, IncidentTableModel *incidents,
                               SilenceTableModel *silences, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_incidents(incidents)
    , m_silenceModel(silences)
    , m_empty(new QLabel(tr("Select an incident in the queue to see its timeline, alerts, "
                            "silences, runbook and postmortem."),
                         this))
    , m_body(new QWidget(this))
    , m_header(new QLabel(m_body))
    , m_tabs(new QTabWidget(m_body))
{
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("incidentDetailEmpty"));
    m_header->setObjectName(QStringLiteral("incidentHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_header->setOpenExternalLinks(false);
    connect(m_header, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("regions/")))
            emit regionActivated(link);
        else if (link.startsWith(QLatin1String("models/")))
            emit modelActivated(link);
    });

    m_timeline = makeTree(m_tabs, QStringLiteral("incidentTimeline"),
                          {tr("Time"), tr("Who"), tr("What"), tr("Text")});
    m_alerts = makeTree(m_tabs, QStringLiteral("incidentAlerts"),
                        {tr("Status"), tr("Alert"), tr("Since"), tr("Silenced"), tr("Labels")});
    m_silences =
        makeTree(m_tabs, QStringLiteral("incidentSilences"),
                 {tr("Matchers"), tr("State"), tr("Expires"), tr("Creator"), tr("Comment")});
    m_runbook = new QTextBrowser(m_tabs);
    m_runbook->setObjectName(QStringLiteral("incidentRunbook"));
    m_runbook->setOpenExternalLinks(true);

    auto *pm = new QWidget(m_tabs);
    auto *pmScroll = new QScrollArea(m_tabs);
    pmScroll->setWidgetResizable(true);
    pmScroll->setWidget(pm);
    auto *pmForm = new QFormLayout(pm);
    const QString pmLabels[5] = {tr("Summary (needed to close)"), tr("Impact"), tr("Root cause"),
                                 tr("Resolution"), tr("Lessons")};
    for (int f = 0; f < 5; ++f) {
        m_pmFields[f] = new QPlainTextEdit(pm);
        m_pmFields[f]->setObjectName(QStringLiteral("postmortemField%1").arg(f));
        m_pmFields[f]->setTabChangesFocus(true);
        m_pmFields[f]->setMaximumHeight(f == 0 ? 90 : 70);
        connect(m_pmFields[f], &QPlainTextEdit::textChanged, this, [this] {
            m_postmortemDirty = true;
            m_pmStatus->setText(tr("Unsaved changes"));
        });
        pmForm->addRow(pmLabels[f], m_pmFields[f]);
    }
    m_followUps = new QTableWidget(0, FuCount, pm);
    m_followUps->setObjectName(QStringLiteral("postmortemFollowUps"));
    m_followUps->setHorizontalHeaderLabels(
        {tr("Follow-up"), tr("Owner"), tr("Due"), tr("Done"), tr("Ticket")});
    m_followUps->horizontalHeader()->setStretchLastSection(true);
    m_followUps->verticalHeader()->hide();
    m_followUps->setMinimumHeight(110);
    connect(m_followUps, &QTableWidget::itemChanged, this, [this] {
        m_postmortemDirty = true;
        m_pmStatus->setText(tr("Unsaved changes"));
    });
    pmForm->addRow(tr("Follow-ups"), m_followUps);
    auto *pmButtons = new QHBoxLayout;
    m_pmAdd = new QPushButton(tr("Add follow-up"), pm);
    m_pmSave = new QPushButton(tr("Save postmortem"), pm);
    m_pmSave->setObjectName(QStringLiteral("savePostmortem"));
    m_pmStatus = new QLabel(pm);
    pmButtons->addWidget(m_pmAdd);
    pmButtons->addWidget(m_pmSave);
    pmButtons->addWidget(m_pmStatus, 1);
    pmForm->addRow(pmButtons);
    connect(m_pmAdd, &QPushButton::clicked, this, [this] {
        FollowUp f;
        f.dueTime = QDateTime::currentDateTimeUtc().addDays(14);
        addFollowUpRow(f);
    });
    connect(m_pmSave, &QPushButton::clicked, this, &IncidentDetail::savePostmortem);

    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_alerts, tr("Alerts"));
    m_tabs->addTab(m_silences, tr("Silences"));
    m_tabs->addTab(m_runbook, tr("Runbook"));
    m_tabs->addTab(pmScroll, tr("Postmortem"));

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_header);
    bodyLayout->addWidget(m_tabs, 1);
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_empty);
    stack->addWidget(m_body);

    connect(m_incidents, &IncidentTableModel::incidentChanged, this, [this](const QString &name) {
        if (name == m_name)
            refresh();
    });
    connect(m_incidents, &IncidentTableModel::modelReset, this, &IncidentDetail::refresh);
    connect(m_silenceModel, &SilenceTableModel::rowsInserted, this, &IncidentDetail::fillSilences);
    connect(m_silenceModel, &SilenceTableModel::modelReset, this, &IncidentDetail::fillSilences);
    refresh();
}

void IncidentDetail::setIncident(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    m_full = Incident();
    m_postmortemDirty = false;
    ++m_generation;
    m_fetching = false;
    refresh();
}

void IncidentDetail::setRunbooks(const QHash<QString, Runbook> &runbooks)
{
    m_runbookMap = runbooks;
    if (const Incident *i = m_incidents->find(m_name))
        fillRunbook(*i);
}

void IncidentDetail::setCanWritePostmortem(bool allowed, const QString &reason)
{
    for (QPlainTextEdit *f : m_pmFields)
        f->setReadOnly(!allowed);
    m_pmSave->setEnabled(allowed);
    m_pmAdd->setEnabled(allowed);
    m_pmSave->setToolTip(allowed ? tr("Replace the postmortem on platformd") : reason);
    m_followUps->setEditTriggers(allowed ? QAbstractItemView::AllEditTriggers
                                         : QAbstractItemView::NoEditTriggers);
}

QString IncidentDetail::headerText() const
{
    return m_header->text();
}

void IncidentDetail::refresh()
{
    auto *stack = static_cast<QStackedLayout *>(layout());
    const Incident *i = m_name.isEmpty() ? nullptr : m_incidents->find(m_name);
    stack->setCurrentIndex(i ? 1 : 0);
    if (!i)
        return;
    fillHeader(*i);
    fillAlerts(*i);
    fillSilences();
    fillRunbook(*i);
    // The listed incident has no timeline: get it, and again whenever it grew.
    if (!m_fetching && (m_full.name != m_name || m_full.timelineLength != i->timelineLength ||
                        m_full.revision < i->revision))
        fetch();
    else if (m_full.name == m_name && !m_postmortemDirty)
        fillPostmortem(m_full.postmortem);
}

void IncidentDetail::fetch()
{
    if (!m_client)
        return;
    m_fetching = true;
    const quint64 gen = m_generation;
    m_client->getIncident(m_name, [this, gen](const Incident &full, const IncidentError &e) {
        if (gen != m_generation)
            return; // another incident is shown now
        m_fetching = false;
        if (e.isError()) {
            emit message(e.text, true);
            return;
        }
        showFull(full);
        // It may have changed again while the answer travelled.
        const Incident *held = m_incidents->find(m_name);
        if (held && held->revision > full.revision)
            fetch();
    });
}

void IncidentDetail::showFull(const Incident &incident)
{
    m_full = incident;
    m_timeline->clear();
    QList<QTreeWidgetItem *> items;
    for (const TimelineEntry &e : incident.timeline) {
        QString text = e.text;
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        auto *item = new QTreeWidgetItem({timeText(e.time), resource::leafId(e.actor),
                                          IncidentText::timelineKind(e.kind), text});
        item->setToolTip(3, e.text);
        items.append(item);
    }
    m_timeline->addTopLevelItems(items);
    for (int c = 0; c < 3; ++c)
        m_timeline->resizeColumnToContents(c);
    if (!items.isEmpty())
        m_timeline->scrollToItem(items.last());
    if (!m_postmortemDirty)
        fillPostmortem(incident.postmortem);
}

void IncidentDetail::fillHeader(const Incident &i)
{
    const QColor sev = SeverityDelegate::color(i.severity, palette());
    QStringList regionLinks, modelLinks;
    for (const QString &r : i.regions)
        regionLinks.append(QStringLiteral("<a href=\"%1\">%2</a>")
                               .arg(r.toHtmlEscaped(), resource::leafId(r).toHtmlEscaped()));
    for (const QString &m : i.models)
        modelLinks.append(QStringLiteral("<a href=\"%1\">%2</a>")
                              .arg(m.toHtmlEscaped(), resource::leafId(m).toHtmlEscaped()));
    QString html =
        QStringLiteral("<b style=\"font-size:large\">#%1 %2</b><br>"
                       "<span style=\"color:%3\"><b>%4</b></span> · <b>%5</b> · %6 · %7")
            .arg(i.number)
            .arg(i.title.toHtmlEscaped(), sev.name(), IncidentText::severity(i.severity),
                 IncidentText::state(i.state),
                 i.assignee.isEmpty() ? tr("unassigned")
                                      : tr("assigned to %1").arg(resource::leafId(i.assignee)),
                 IncidentText::source(i.source));
    html += QStringLiteral("<br>") +
            tr("Regions: %1")
                .arg(regionLinks.isEmpty() ? tr("none") : regionLinks.join(QLatin1String(", ")));
    html += QStringLiteral(" · ") +
            tr("Models: %1")
                .arg(modelLinks.isEmpty() ? tr("none") : modelLinks.join(QLatin1String(", ")));
    QStringList times;
    times.append(tr("triggered %1").arg(timeText(i.triggerTime)));
    if (i.acknowledgeTime.isValid())
        times.append(tr("acknowledged %1 by %2")
                         .arg(timeText(i.acknowledgeTime), resource::leafId(i.acknowledgedBy)));
    if (i.mitigateTime.isValid())
        times.append(tr("mitigated %1").arg(timeText(i.mitigateTime)));
    if (i.resolveTime.isValid())
        times.append(tr("resolved %1").arg(timeText(i.resolveTime)));
    html += QStringLiteral("<br><small>") + times.join(QStringLiteral(" · ")).toHtmlEscaped() +
            QStringLiteral("</small>");
    if (!i.summary.isEmpty())
        html += QStringLiteral("<br>") + i.summary.toHtmlEscaped();
    m_header->setText(html);
}

void IncidentDetail::fillAlerts(const Incident &i)
{
    m_alerts->clear();
    for (const IncidentAlert &a : i.alerts) {
        auto *item = new QTreeWidgetItem(
            {a.firing ? tr("Firing") : tr("Resolved"), a.alertName(), timeText(a.startsAt),
             a.silencedBy.isEmpty() ? QString() : tr("yes (%1)").arg(a.silencedBy.size()),
             labelsText(a.labels)});
        QStringList tip;
        for (auto it = a.annotations.cbegin(); it != a.annotations.cend(); ++it)
            tip.append(QStringLiteral("%1: %2").arg(it.key(), it.value()));
        tip.append(labelsText(a.labels));
        item->setToolTip(1, tip.join(QLatin1Char('\n')));
        item->setToolTip(4, labelsText(a.labels));
        if (a.firing)
            item->setForeground(0, SeverityDelegate::color(IncidentSeverity::Sev1, palette()));
        m_alerts->addTopLevelItem(item);
    }
    for (int c = 0; c < 4; ++c)
        m_alerts->resizeColumnToContents(c);
    m_tabs->setTabText(1, tr("Alerts (%1)").arg(i.alerts.size()));
}

void IncidentDetail::fillSilences()
{
    const Incident *i = m_name.isEmpty() ? nullptr : m_incidents->find(m_name);
    m_silences->clear();
    if (!i)
        return;
    const QList<Silence> list = m_silenceModel->silencesFor(*i);
    for (const Silence &s : list) {
        auto *item = new QTreeWidgetItem({s.matchersText(), IncidentText::silenceState(s.state),
                                          m_silenceModel->countdown(s), s.createdBy, s.comment});
        item->setData(0, Qt::UserRole, s.name);
        m_silences->addTopLevelItem(item);
    }
    m_tabs->setTabText(2, tr("Silences (%1)").arg(list.size()));
}

void IncidentDetail::tick()
{
    for (int row = 0; row < m_silences->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_silences->topLevelItem(row);
        const int at = m_silenceModel->rowOf(item->data(0, Qt::UserRole).toString());
        if (at >= 0)
            item->setText(2, m_silenceModel->countdown(m_silenceModel->silence(at)));
    }
}

void IncidentDetail::fillRunbook(const Incident &i)
{
    QStringList names = i.runbooks;
    // Alerts whose runbook the stream holds, should the incident not list it yet.
    for (const IncidentAlert &a : i.alerts) {
        const QString name = QStringLiteral("runbooks/") + a.alertName();
        if (!a.alertName().isEmpty() && m_runbookMap.contains(name) && !names.contains(name))
            names.append(name);
    }
    QString md;
    for (const QString &name : std::as_const(names)) {
        const Runbook rb = m_runbookMap.value(name);
        if (rb.markdown.isEmpty())
            continue;
        md += rb.markdown + QStringLiteral("\n\n---\n\n");
    }
    if (md.isEmpty())
        md = tr("*No runbook for the alerts of this incident.* Runbooks are kept per alert name; "
                "someone with runbooks.write can add one.");
    m_runbook->setMarkdown(md);
    m_tabs->setTabText(3, names.isEmpty() ? tr("Runbook") : tr("Runbook (%1)").arg(names.size()));
}

void IncidentDetail::addFollowUpRow(const FollowUp &f)
{
    const QSignalBlocker block(m_followUps);
    const int row = m_followUps->rowCount();
    m_followUps->insertRow(row);
    m_followUps->setItem(row, FuTitle, new QTableWidgetItem(f.title));
    m_followUps->setItem(row, FuOwner, new QTableWidgetItem(f.owner));
    auto *due = new QTableWidgetItem;
    due->setData(Qt::EditRole, f.dueTime.isValid() ? f.dueTime.toLocalTime().date() : QDate());
    m_followUps->setItem(row, FuDue, due);
    auto *done = new QTableWidgetItem;
    done->setFlags(done->flags() | Qt::ItemIsUserCheckable);
    done->setCheckState(f.done ? Qt::Checked : Qt::Unchecked);
    m_followUps->setItem(row, FuDone, done);
    m_followUps->setItem(row, FuTicket, new QTableWidgetItem(f.ticketUrl));
}

void IncidentDetail::fillPostmortem(const Postmortem &p)
{
    const QString values[5] = {p.summary, p.impact, p.rootCause, p.resolution, p.lessons};
    for (int f = 0; f < 5; ++f) {
        if (m_pmFields[f]->toPlainText() != values[f]) {
            const QSignalBlocker block(m_pmFields[f]);
            m_pmFields[f]->setPlainText(values[f]);
        }
    }
    {
        const QSignalBlocker block(m_followUps);
        m_followUps->setRowCount(0);
    }
    for (const FollowUp &f : p.followUps)
        addFollowUpRow(f);
    m_postmortemDirty = false;
    m_pmStatus->setText(
        p.updateTime.isValid()
            ? tr("Saved by %1 at %2").arg(resource::leafId(p.updatedBy), timeText(p.updateTime))
            : tr("No postmortem yet"));
}

void IncidentDetail::savePostmortem()
{
    if (m_name.isEmpty() || !m_client)
        return;
    Postmortem p;
    p.summary = m_pmFields[0]->toPlainText();
    p.impact = m_pmFields[1]->toPlainText();
    p.rootCause = m_pmFields[2]->toPlainText();
    p.resolution = m_pmFields[3]->toPlainText();
    p.lessons = m_pmFields[4]->toPlainText();
    for (int row = 0; row < m_followUps->rowCount(); ++row) {
        FollowUp f;
        f.title = m_followUps->item(row, FuTitle)->text().trimmed();
        if (f.title.isEmpty())
            continue;
        f.owner = m_followUps->item(row, FuOwner)->text().trimmed();
        const QDate due = m_followUps->item(row, FuDue)->data(Qt::EditRole).toDate();
        if (due.isValid())
            f.dueTime = due.startOfDay(Qt::UTC);
        f.done = m_followUps->item(row, FuDone)->checkState() == Qt::Checked;
        f.ticketUrl = m_followUps->item(row, FuTicket)->text().trimmed();
        p.followUps.append(f);
    }
    m_pmSave->setEnabled(false);
    const QString name = m_name;
    const quint64 gen = m_generation;
    m_client->updatePostmortem(name, p,
                               [this, gen, name](const Incident &x, const IncidentError &e) {
                                   m_pmSave->setEnabled(true);
                                   if (e.isError()) {
                                       emit message(e.text, true);
                                       return;
                                   }
                                   m_incidents->upsert(x);
                                   if (gen == m_generation) {
                                       m_postmortemDirty = false;
                                       m_full.postmortem = x.postmortem;
                                       fillPostmortem(x.postmortem);
                                   }
                                   emit message(tr("Postmortem of %1 saved.").arg(name), false);
                               });
}

} // namespace ops
