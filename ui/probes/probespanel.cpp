#include "probespanel.h"

#include "addprobedialog.h"
#include "ui/common/panellayout.h"
#include "ui/common/statusbadgedelegate.h"

#include "models/probetablemodel.h"
#include "models/regiontreemodel.h"
#include "services/connection.h"
#include "services/healthprober.h"
#include "services/regionclient.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <optional>
#include <variant>

namespace ops {

namespace {

enum Page { EmptyPage, TablePage };
constexpr int kSettingsVersion = 1;

QString tlsKey(ProbeTarget::Tls tls)
{
    switch (tls) {
    case ProbeTarget::Tls::Plaintext:
        return QStringLiteral("plaintext");
    case ProbeTarget::Tls::SystemRoots:
        return QStringLiteral("tls");
    case ProbeTarget::Tls::CaFile:
        break;
    }
    return QStringLiteral("tls-ca");
}

std::optional<ProbeTarget::Tls> tlsFromKey(const QString &key)
{
    for (auto tls :
         {ProbeTarget::Tls::Plaintext, ProbeTarget::Tls::SystemRoots, ProbeTarget::Tls::CaFile}) {
        if (tlsKey(tls) == key)
            return tls;
    }
    return std::nullopt;
}

} // namespace

ProbesPanel::ProbesPanel(RegionTreeModel *regions, RegionClient *client, Connection *connection,
                         QWidget *parent)
    : QWidget(parent)
    , m_regions(regions)
    , m_connection(connection)
    , m_prober(new HealthProber(this))
    , m_model(new ProbeTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_addButton(new QPushButton(tr("Add endpoint…"), this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(m_stack))
    , m_view(new QTableView(m_stack))
    , m_regionSync(new QTimer(this))
{
    setObjectName(QStringLiteral("probesPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProbeTableModel::SortRole);

    panel::setupSummary(m_summary, QStringLiteral("probesSummary"));
    m_addButton->setObjectName(QStringLiteral("probesAdd"));
    m_addButton->setToolTip(tr("Follow a gRPC endpoint with the grpc.health.v1 protocol"));
    m_removeButton->setObjectName(QStringLiteral("probesRemove"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 4);
    top->addWidget(m_summary, 1);
    top->addWidget(m_addButton);
    top->addWidget(m_removeButton);

    panel::setupEmptyState(m_emptyLabel, QStringLiteral("probesEmptyState"));
    m_emptyLabel->setMargin(16);
    m_emptyLabel->setText(
        tr("No health probes yet.\nAdd any gRPC endpoint with “Add endpoint…”: the console "
           "follows it with the standard health protocol. Regions whose platformd names a "
           "health endpoint appear here by themselves."));

    m_view->setObjectName(QStringLiteral("probesView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProbeTableModel::EndpointColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setItemDelegateForColumn(ProbeTableModel::StateColumn,
                                     new StatusBadgeDelegate(ProbeTableModel::StatusRole, m_view));
    // Room for the longest value each column can show, so states and modes are never elided.
    const QFontMetrics fm = fontMetrics();
    const auto widest = [&fm](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = qMax(w, fm.horizontalAdvance(t));
        return w + 2 * fm.horizontalAdvance(QLatin1Char('m'));
    };
    QStringList states;
    for (int s = 0; s <= int(ProbeState::Failed); ++s)
        states << probeStateText(ProbeState(s));
    m_view->setColumnWidth(ProbeTableModel::EndpointColumn,
                           widest({QStringLiteral("eu-west.example.com:443")}));
    m_view->setColumnWidth(ProbeTableModel::ServiceColumn,
                           widest({QStringLiteral("ops.platform.v1.RegionService")}));
    m_view->setColumnWidth(ProbeTableModel::SourceColumn,
                           widest({QStringLiteral("regions/ap-southeast"), tr("Manual")}));
    m_view->setColumnWidth(ProbeTableModel::StateColumn, widest(states) + fm.height() + 6);
    m_view->setColumnWidth(
        ProbeTableModel::ModeColumn,
        widest({probeModeText(ProbeMode::Watch), probeModeText(ProbeMode::CheckPolling)}));
    m_view->setColumnWidth(ProbeTableModel::SinceColumn, widest({QStringLiteral("00:00:00")}));
    m_view->setColumnWidth(ProbeTableModel::RoundTripColumn,
                           widest({tr("Last RTT"), tr("%1 ms").arg(9999)}));
    m_view->verticalHeader()->setDefaultSectionSize(fm.height() + 10);

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    connect(m_addButton, &QPushButton::clicked, this, &ProbesPanel::showAddDialog);
    connect(m_removeButton, &QPushButton::clicked, this, &ProbesPanel::removeSelected);
    auto *removeAction = new QAction(tr("Remove"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &ProbesPanel::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProbesPanel::updateButtons);
    connect(m_prober, &HealthProber::statusChanged, this,
            [this](int id, const ProbeStatus &status) {
                m_model->updateStatus(id, status);
                updateSummary();
            });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] {
            updateSummary();
            updateButtons();
        });
    }

    // Regions change many times a second (health samples); look at them at most 4 times a second.
    m_regionSync->setSingleShot(true);
    m_regionSync->setInterval(250);
    connect(m_regionSync, &QTimer::timeout, this, &ProbesPanel::syncRegionProbes);
    const auto later = [this] {
        if (!m_regionSync->isActive())
            m_regionSync->start();
    };
    if (m_regions) {
        connect(m_regions, &QAbstractItemModel::modelReset, this, later);
        connect(m_regions, &QAbstractItemModel::rowsInserted, this, later);
        connect(m_regions, &QAbstractItemModel::rowsRemoved, this, later);
        connect(m_regions, &QAbstractItemModel::dataChanged, this,
                [later](const QModelIndex &topLeft) {
                    if (!topLeft.parent().isValid())
                        later();
                });
    }
    if (client) {
        connect(client, &RegionClient::snapshotReceived, this, later);
        connect(client, &RegionClient::changesReceived, this,
                [later](const QList<RegionChangeBatch> &batches) {
                    for (const RegionChangeBatch &batch : batches) {
                        for (const RegionEvent &event : batch.events) {
                            if (event.type == RegionEvent::Type::Delete ||
                                std::holds_alternative<Region>(event.resource)) {
                                later();
                                return;
                            }
                        }
                    }
                });
    }
    if (m_connection) {
        // Another endpoint or other TLS settings: region probes may need other credentials.
        connect(m_connection, &Connection::opened, this, later);
    }

    load();
    syncRegionProbes();
    updateSummary();
    updateButtons();
}

ProbesPanel::~ProbesPanel()
{
    m_prober->shutdown();
}

QString ProbesPanel::settingsKey()
{
    return QStringLiteral("probes/targets");
}

int ProbesPanel::addManualProbe(const ProbeTarget &target, QString *error)
{
    const QString invalid = target.validationError();
    if (!invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return 0;
    }
    for (int id : std::as_const(m_manual)) {
        const ProbeTarget existing = m_model->target(id);
        if (existing.endpoint == target.endpoint && existing.service == target.service) {
            if (error)
                *error = tr("%1 is already probed for service \"%2\".")
                             .arg(target.endpoint, target.service);
            return 0;
        }
    }
    const int id = m_prober->addTarget(target);
    m_manual.append(id);
    m_model->addProbe(id, target, QString(), m_prober->status(id));
    if (!m_loading)
        save();
    return id;
}

bool ProbesPanel::removeProbe(int id)
{
    if (!m_manual.removeOne(id))
        return false;
    m_prober->removeTarget(id);
    m_model->removeProbe(id);
    save();
    return true;
}

void ProbesPanel::removeSelected()
{
    QList<int> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(ProbeTableModel::ProbeIdRole).toInt());
    for (int id : std::as_const(ids))
        removeProbe(id);
}

QList<ProbeTarget> ProbesPanel::manualTargets() const
{
    QList<ProbeTarget> targets;
    for (int id : m_manual)
        targets.append(m_model->target(id));
    return targets;
}

int ProbesPanel::probeForRegion(const QString &regionName) const
{
    return m_byRegion.value(regionName, 0);
}

void ProbesPanel::showAddDialog()
{
    AddProbeDialog dialog(this);
    while (dialog.exec() == QDialog::Accepted) {
        QString error;
        if (addManualProbe(dialog.target(), &error))
            return;
        // Rare (a duplicate): say so and let the user fix it in place.
        dialog.setWindowTitle(error);
    }
}

// One JSON document under one key: QSettings rewrites its file atomically, so the list is either
// the old one or the new one, never half of each.
void ProbesPanel::save() const
{
    QJsonArray list;
    for (const ProbeTarget &t : manualTargets()) {
        QJsonObject o{{QStringLiteral("endpoint"), t.endpoint},
                      {QStringLiteral("service"), t.service},
                      {QStringLiteral("tls"), tlsKey(t.tls)}};
        if (!t.caFile.isEmpty())
            o.insert(QStringLiteral("caFile"), t.caFile);
        if (!t.serverName.isEmpty())
            o.insert(QStringLiteral("serverName"), t.serverName);
        list.append(o);
    }
    const QJsonObject document{{QStringLiteral("version"), kSettingsVersion},
                               {QStringLiteral("probes"), list}};
    QSettings settings;
    settings.setValue(settingsKey(),
                      QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qWarning("Health probes: the list of probes could not be saved (%s)",
                 qPrintable(settings.fileName()));
}

void ProbesPanel::load()
{
    const QString text = QSettings().value(settingsKey()).toString();
    if (text.isEmpty())
        return;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject() ||
        document.object().value(QStringLiteral("version")).toInt() != kSettingsVersion) {
        qWarning("Health probes: ignoring the saved list of probes (%s)",
                 qPrintable(parseError.error != QJsonParseError::NoError
                                ? parseError.errorString()
                                : QStringLiteral("unknown format version")));
        return;
    }
    const QJsonArray list = document.object().value(QStringLiteral("probes")).toArray();
    m_loading = true;
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        ProbeTarget t;
        t.endpoint = o.value(QStringLiteral("endpoint")).toString();
        t.service = o.value(QStringLiteral("service")).toString();
        const auto tls = tlsFromKey(o.value(QStringLiteral("tls")).toString());
        t.tls = tls.value_or(ProbeTarget::Tls::Plaintext);
        t.caFile = o.value(QStringLiteral("caFile")).toString();
        t.serverName = o.value(QStringLiteral("serverName")).toString();
        QString error;
        if (!tls || !addManualProbe(t, &error))
            qWarning("Health probes: skipping a saved probe of %s: %s", qPrintable(t.endpoint),
                     qPrintable(tls ? error : QStringLiteral("unknown TLS mode")));
    }
    m_loading = false;
}

ProbeTarget ProbesPanel::regionTarget(const QString &endpoint, const QString &service) const
{
    ProbeTarget t;
    t.endpoint = endpoint;
    t.service = service;
    // platformd's own address: reach it the way the main connection does (its CA, its client
    // certificate, its TLS server name). The token is not sent: health is public.
    if (m_connection && m_connection->isOpen()) {
        const ConnectionProfile profile = m_connection->profile();
        if (profile.useTls && profile.endpoint == endpoint) {
            t.tls =
                profile.caFile.isEmpty() ? ProbeTarget::Tls::SystemRoots : ProbeTarget::Tls::CaFile;
            t.caFile = profile.caFile;
            t.clientCertFile = profile.clientCertFile;
            t.clientKeyFile = profile.clientKeyFile;
            t.serverName = profile.tlsServerName; // the name its certificate carries
        }
    }
    return t;
}

void ProbesPanel::syncRegionProbes()
{
    QHash<QString, ProbeTarget> wanted;
    if (m_regions) {
        for (int row = 0; row < m_regions->rowCount(); ++row) {
            const QString name =
                m_regions->index(row, 0).data(RegionTreeModel::ResourceNameRole).toString();
            const Region *region = m_regions->region(name);
            if (region && !region->healthEndpoint.isEmpty())
                wanted.insert(name, regionTarget(region->healthEndpoint, region->healthService));
        }
    }
    // Gone, or changed: drop (a changed one comes back below with its new target).
    for (auto it = m_byRegion.begin(); it != m_byRegion.end();) {
        const auto want = wanted.constFind(it.key());
        if (want == wanted.cend() || *want != m_model->target(it.value())) {
            m_prober->removeTarget(it.value());
            m_model->removeProbe(it.value());
            it = m_byRegion.erase(it);
        } else {
            ++it;
        }
    }
    QStringList names = wanted.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (m_byRegion.contains(name))
            continue;
        const ProbeTarget &t = wanted.value(name);
        const int id = m_prober->addTarget(t);
        m_byRegion.insert(name, id);
        m_model->addProbe(id, t, name, m_prober->status(id));
    }
}

bool ProbesPanel::isShowingTable() const
{
    return m_stack->currentIndex() == TablePage;
}

QString ProbesPanel::emptyStateText() const
{
    return isShowingTable() ? QString() : m_emptyLabel->text();
}

QString ProbesPanel::summaryText() const
{
    return m_summary->text();
}

void ProbesPanel::updateSummary()
{
    const int total = m_model->rowCount();
    m_stack->setCurrentIndex(total == 0 ? EmptyPage : TablePage);
    if (total == 0) {
        m_summary->setText(tr("Health probes"));
        return;
    }
    int counts[int(ProbeState::Failed) + 1] = {};
    for (int row = 0; row < total; ++row)
        ++counts[m_model->index(row, 0).data(ProbeTableModel::ProbeStateRole).toInt()];
    QStringList parts;
    for (int s = 0; s <= int(ProbeState::Failed); ++s) {
        if (counts[s])
            parts << QStringLiteral("%1 %2").arg(counts[s]).arg(
                probeStateText(ProbeState(s)).toLower());
    }
    const QString count = total == 1 ? tr("1 probe") : tr("%1 probes").arg(total);
    m_summary->setText(tr("%1: %2").arg(count, parts.join(QStringLiteral(" · "))));
}

void ProbesPanel::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    bool anyManual = false;
    for (const QModelIndex &index : rows)
        anyManual |= m_manual.contains(index.data(ProbeTableModel::ProbeIdRole).toInt());
    m_removeButton->setEnabled(anyManual);
    m_removeButton->setToolTip(
        anyManual || rows.isEmpty()
            ? tr("Stop probing the selected endpoints")
            : tr("A region's probe follows the region's health endpoint; it cannot be removed "
                 "here."));
}

} // namespace ops
