#include "incidentspanel.h"
#include "incidentactions.h"
#include "incidentanalyticsview.h"
#include "incidentdetail.h"
#include "incidentnotifier.h"
#include "severitydelegate.h"

#include "ui/common/stalebanner.h"
#include "ui/common/theme.h"
#include "ui/registry/csvexport.h"
#include "ui/registry/registrytable.h"

#include "models/incidentfilterproxymodel.h"
#include "models/incidenttablemodel.h"
#include "models/resourcename.h"
#include "models/silencetablemodel.h"
#include "services/identityclient.h"
#include "services/incidentclient.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace ip = incident_permissions;

IncidentsPanel::IncidentsPanel(IncidentClient *client, IdentityClient *identity, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_identity(identity)
    , m_incidents(new IncidentTableModel(this))
    , m_proxy(new IncidentFilterProxyModel(m_incidents, this))
    , m_silences(new SilenceTableModel(this))
    , m_silenceProxy(new SilenceFilterProxyModel(m_silences, this))
    , m_actions(new IncidentActions(client, identity, m_incidents, this))
    , m_detail(new IncidentDetail(client, m_incidents, m_silences, this))
    , m_notifier(new IncidentNotifier(this))
    , m_analytics(new IncidentAnalyticsView(client, this))
    , m_stale(new StaleBanner(this))
    , m_message(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_openOnly(new QCheckBox(tr("Open only"), this))
    , m_count(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_queueStack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("incidentsPanel"));
    // --- filter bar ---
    m_filter->setObjectName(QStringLiteral("incidentFilter"));
    m_filter->setPlaceholderText(
        tr("Filter: words, #number, or labels like alertname=HighLatency region=eu-west"));
    m_filter->setClearButtonEnabled(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    for (int s = 0; s < 4; ++s) {
        auto *b = new QToolButton(this);
        const auto severity = IncidentSeverity(s + 1);
        b->setText(IncidentText::severity(severity));
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("severityFilter%1").arg(s + 1));
        b->setToolTip(
            tr("Show %1 (%2); none checked shows every severity")
                .arg(IncidentText::severity(severity), IncidentText::severityMeaning(severity)));
        connect(b, &QToolButton::toggled, this, &IncidentsPanel::filterChanged);
        m_severity[s] = b;
        bar->addWidget(b);
    }
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("Any state"), 0);
    for (int s = int(IncidentState::Triggered); s <= int(IncidentState::Closed); ++s)
        m_state->addItem(IncidentText::state(IncidentState(s)), 1u << s);
    bar->addWidget(m_state);
    m_openOnly->setObjectName(QStringLiteral("openOnly"));
    m_openOnly->setChecked(true);
    bar->addWidget(m_openOnly);
    m_count->setObjectName(QStringLiteral("incidentCount"));
    bar->addWidget(m_count);
    connect(m_filter, &QLineEdit::textChanged, this, &IncidentsPanel::filterChanged);
    connect(m_state, &QComboBox::currentIndexChanged, this, &IncidentsPanel::filterChanged);
    connect(m_openOnly, &QCheckBox::toggled, this, &IncidentsPanel::filterChanged);

    // --- actions ---
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (auto kind :
         {IncidentActions::Acknowledge, IncidentActions::Silence, IncidentActions::Assign,
          IncidentActions::Mitigate, IncidentActions::Resolve, IncidentActions::AddNote,
          IncidentActions::Close, IncidentActions::Reopen, IncidentActions::EditRunbook})
        toolbar->addAction(m_actions->action(kind));
    toolbar->addSeparator();
    auto *exportAction = toolbar->addAction(tr("Export CSV…"));
    exportAction->setObjectName(QStringLiteral("exportIncidents"));
    exportAction->setToolTip(tr("Write the queue as filtered to a CSV file"));
    connect(exportAction, &QAction::triggered, this, &IncidentsPanel::exportQueue);
    auto *sound = new QCheckBox(tr("Sound"), this);
    sound->setObjectName(QStringLiteral("notifySound"));
    sound->setToolTip(tr("Beep when a new SEV1 or SEV2 arrives (the tray notification is always "
                         "shown)"));
    sound->setChecked(m_notifier->soundEnabled());
    connect(sound, &QCheckBox::toggled, m_notifier, &IncidentNotifier::setSoundEnabled);
    toolbar->addWidget(sound);

    // --- queue ---
    m_queueView = makeRegistryTable(this, QStringLiteral("incidentQueue"), 8);
    m_queueView->setModel(m_proxy);
    m_queueView->setSortingEnabled(true);
    m_queueView->horizontalHeader()->setSortIndicator(IncidentTableModel::SeverityColumn,
                                                      Qt::AscendingOrder);
    m_queueView->setItemDelegateForColumn(
        IncidentTableModel::SeverityColumn,
        new SeverityDelegate(IncidentTableModel::SeverityRole, m_queueView));
    QHeaderView *header = m_queueView->horizontalHeader();
    header->resizeSection(IncidentTableModel::NumberColumn, 56);
    header->resizeSection(IncidentTableModel::SeverityColumn, 82);
    header->resizeSection(IncidentTableModel::StateColumn, 104);
    header->resizeSection(IncidentTableModel::TitleColumn, 320);
    header->resizeSection(IncidentTableModel::AgeColumn, 70);
    header->resizeSection(IncidentTableModel::AssigneeColumn, 90);
    header->resizeSection(IncidentTableModel::RegionsColumn, 150);
    m_empty->setObjectName(QStringLiteral("incidentsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_queueStack->addWidget(m_queueView);
    m_queueStack->addWidget(m_empty);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_queueStack);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 600});

    // --- silences ---
    auto *silencesPage = new QWidget(this);
    auto *silenceBar = new QToolBar(silencesPage);
    silenceBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    silenceBar->addAction(m_actions->action(IncidentActions::SilenceFromFilter));
    silenceBar->addAction(m_actions->action(IncidentActions::ExtendSilence));
    silenceBar->addAction(m_actions->action(IncidentActions::ExpireSilence));
    m_showExpired = new QCheckBox(tr("Show expired"), silencesPage);
    silenceBar->addWidget(m_showExpired);
    m_alertmanagerText = new QLabel(silencesPage);
    m_alertmanagerText->setObjectName(QStringLiteral("alertmanagers"));
    m_alertmanagerText->setWordWrap(true);
    connect(m_showExpired, &QCheckBox::toggled, m_silenceProxy,
            &SilenceFilterProxyModel::setShowExpired);
    m_silencesView = makeRegistryTable(silencesPage, QStringLiteral("silenceTable"), 8);
    m_silencesView->setModel(m_silenceProxy);
    m_silencesView->setSortingEnabled(true);
    m_silencesView->horizontalHeader()->setSortIndicator(SilenceTableModel::ExpiresColumn,
                                                         Qt::AscendingOrder);
    m_silencesView->horizontalHeader()->resizeSection(SilenceTableModel::MatchersColumn, 320);
    auto *silenceLayout = new QVBoxLayout(silencesPage);
    silenceLayout->setContentsMargins(0, 0, 0, 0);
    silenceLayout->addWidget(silenceBar);
    silenceLayout->addWidget(m_alertmanagerText);
    silenceLayout->addWidget(m_silencesView, 1);
    connect(m_silencesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_actions->setSilence(
                    current.data(SilenceTableModel::NameRole).toString(),
                    SilenceState(current.data(SilenceTableModel::StateRole).toInt()));
            });

    m_tabs->setObjectName(QStringLiteral("incidentTabs"));
    m_tabs->addTab(split, tr("Queue"));
    m_tabs->addTab(silencesPage, tr("Silences"));
    m_tabs->addTab(m_analytics, tr("Analytics"));

    m_message->setObjectName(QStringLiteral("incidentMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(toolbar);
    layout->addWidget(m_stale);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    // --- wiring ---
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncidentsPanel::onSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &IncidentsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &IncidentsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &IncidentsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &IncidentsPanel::updateCount);
    connect(m_actions, &IncidentActions::succeeded, this,
            [this](const QString &text) { showMessage(text, false); });
    connect(m_actions, &IncidentActions::failed, this,
            [this](const IncidentError &error) { showMessage(error.text, true); });
    connect(m_detail, &IncidentDetail::message, this, &IncidentsPanel::showMessage);
    connect(m_detail, &IncidentDetail::regionActivated, this, &IncidentsPanel::regionActivated);
    connect(m_detail, &IncidentDetail::modelActivated, this, &IncidentsPanel::modelActivated);
    if (m_client) {
        connect(m_client, &IncidentClient::snapshotReceived, this, &IncidentsPanel::applySnapshot);
        connect(m_client, &IncidentClient::changesReceived, this, &IncidentsPanel::applyChanges);
        connect(m_client, &IncidentClient::streamStateChanged, this, &IncidentsPanel::updateStale);
        connect(m_client, &IncidentClient::errorOccurred, this,
                [this](const QString &text) { showMessage(text, true); });
    }
    if (m_identity)
        connect(m_identity, &IdentityClient::permissionsChanged, this,
                &IncidentsPanel::updatePermissions);
    connect(m_stale, &StaleBanner::staleChanged, m_proxy, &IncidentFilterProxyModel::setStale);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &IncidentsPanel::tick);
    m_ticker->start();
    filterChanged();
    updatePermissions();
    updateStale();
}

IncidentsPanel::~IncidentsPanel() = default;

void IncidentsPanel::applySnapshot(const IncidentSnapshot &snapshot)
{
    m_haveSnapshot = true;
    const QString current = m_current;
    m_incidents->setIncidents(snapshot.incidents, snapshot.revision);
    m_silences->setSilences(snapshot.silences, snapshot.revision);
    m_runbooks.clear();
    for (const Runbook &r : snapshot.runbooks)
        m_runbooks.insert(r.name, r);
    m_detail->setRunbooks(m_runbooks);
    m_actions->setRunbooks(m_runbooks);
    m_alertmanagers.clear();
    QStringList states;
    for (const AlertmanagerInfo &am : snapshot.alertmanagers) {
        m_alertmanagers.append(am.name);
        const QString id = resource::leafId(am.name);
        states.append(am.reachable ? tr("%1 (reachable, %2)").arg(id, am.url)
                                   : tr("%1 (unreachable: %2)")
                                         .arg(id, am.lastError.isEmpty() ? am.url : am.lastError));
    }
    m_alertmanagerText->setText(
        states.isEmpty() ? tr("No Alertmanager is configured in platformd "
                              "(--alertmanager NAME=URL); silences need one.")
                         : tr("Alertmanagers: %1").arg(states.join(QStringLiteral("; "))));
    m_actions->setAlertmanagers(m_alertmanagers);
    if (!current.isEmpty())
        selectIncident(current);
    updateCount();
    updateStale();
}

void IncidentsPanel::applyChanges(const QList<IncidentChangeBatch> &batches)
{
    const QList<Incident> arrived = m_incidents->applyChanges(batches);
    m_silences->applyChanges(batches);
    bool runbooks = false;
    for (const IncidentChangeBatch &b : batches) {
        for (const Runbook &r : b.runbooks) {
            if (r.revision >= m_runbooks.value(r.name).revision) {
                m_runbooks.insert(r.name, r);
                runbooks = true;
            }
        }
        for (const QString &name : b.deleted)
            runbooks |= m_runbooks.remove(name) > 0;
    }
    if (runbooks) {
        m_detail->setRunbooks(m_runbooks);
        m_actions->setRunbooks(m_runbooks);
    }
    if (m_haveSnapshot)
        m_notifier->consider(arrived);
    updateStale();
}

void IncidentsPanel::selectIncident(const QString &name)
{
    const int row = m_incidents->rowOf(name);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_incidents->index(row, 0));
    if (!index.isValid()) {
        // Hidden by the filter: clear it so the incident shows.
        m_filter->clear();
        m_openOnly->setChecked(false);
        index = m_proxy->mapFromSource(m_incidents->index(row, 0));
    }
    m_queueView->setCurrentIndex(index);
    m_queueView->scrollTo(index);
}

void IncidentsPanel::onSelection()
{
    const QModelIndex current = m_queueView->currentIndex();
    const QString name = current.data(IncidentTableModel::NameRole).toString();
    if (name == m_current)
        return;
    m_current = name;
    m_actions->setIncident(name);
    m_detail->setIncident(name);
    emit currentIncidentChanged(name);
}

void IncidentsPanel::filterChanged()
{
    quint32 severities = 0;
    for (int s = 0; s < 4; ++s)
        if (m_severity[s]->isChecked())
            severities |= 1u << (s + 1);
    m_proxy->setSeverities(severities);
    m_proxy->setStates(m_state->currentData().toUInt());
    m_proxy->setOpenOnly(m_openOnly->isChecked());
    m_proxy->setText(m_filter->text());
    m_actions->setFilterLabels(m_proxy->filter().labels);
    updateCount();
}

void IncidentsPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_incidents->rowCount();
    m_count->setText(shown == total ? tr("%n incident(s)", nullptr, total)
                                    : tr("%1 of %2").arg(shown).arg(total));
    QString empty;
    if (!m_haveSnapshot)
        empty = tr("Loading incidents…");
    else if (total == 0)
        empty = tr("No incidents. Alertmanager notifications, the simulator and declared "
                   "incidents appear here live.");
    else if (shown == 0)
        empty = m_proxy->openOnly() ? tr("No open incident matches the filter. Untick “Open "
                                         "only” to include resolved ones.")
                                    : tr("No incident matches the filter.");
    m_empty->setText(empty);
    m_queueStack->setCurrentIndex(empty.isEmpty() ? 0 : 1);
}

QString IncidentsPanel::countText() const
{
    return m_count->text();
}

QString IncidentsPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString IncidentsPanel::emptyText() const
{
    return m_queueStack->currentIndex() == 1 ? m_empty->text() : QString();
}

QString IncidentsPanel::alertmanagersText() const
{
    return m_alertmanagerText->text();
}

QString IncidentsPanel::staleText() const
{
    return m_stale->text();
}

void IncidentsPanel::updateStale()
{
    if (!m_client || !m_haveSnapshot) {
        m_stale->update(true, {});
        return;
    }
    const bool live = m_client->streamState() == IncidentClient::StreamState::Streaming;
    m_stale->update(live, m_client->lastEventTime(),
                    m_client->streamState() != IncidentClient::StreamState::Refused);
}

void IncidentsPanel::updatePermissions()
{
    const Permissions perms = m_identity ? m_identity->permissions() : Permissions();
    const QString why = perms.missingText(ip::Write);
    m_detail->setCanWritePostmortem(why.isEmpty(), why);
    if (perms.isKnown() && !perms.has(ip::Read))
        showMessage(perms.missingText(ip::Read), true);
}

void IncidentsPanel::showMessage(const QString &text, bool error)
{
    m_messageIsError = error;
    m_message->setText(text);
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, theme::warningColor(pal));
    m_message->setPalette(pal);
    m_message->setVisible(!text.isEmpty());
}

bool IncidentsPanel::exportCsv(const QString &path, QString *error) const
{
    return csv::save(*m_proxy, path, error);
}

void IncidentsPanel::exportQueue()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export incidents"), QString(),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        return showMessage(error, true);
    showMessage(tr("Exported %n incident(s) to %1.", nullptr, m_proxy->rowCount()).arg(path),
                false);
}

void IncidentsPanel::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_silences->setNow(now);
    m_detail->tick();
    // Ages move in minutes: every 15 s is enough (and spares re-sorting 10,000 rows each second).
    if (++m_ticks % 15 == 0)
        m_incidents->setNow(now);
    updateStale();
}

} // namespace ops
