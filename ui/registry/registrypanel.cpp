#include "registrypanel.h"

#include "csvexport.h"
#include "filterbox.h"
#include "registryactions.h"
#include "registrydelegates.h"
#include "registrytable.h"

#include "models/approvalqueuemodel.h"
#include "models/deploymenttablemodel.h"
#include "models/modeltablemodel.h"
#include "models/versiontablemodel.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"
#include "ui/common/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace ops {

namespace {

constexpr int kVersionPageSize = 5000;
constexpr int kFirstVersionPageSize = 200; // the first rows show quickly, the rest follow
constexpr int kRestOfResultDelayMs = 250;

// Rows outside the server filter's result are hidden; columns sort by their raw values.
class ModelFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return sourceModel()->index(row, 0, parent).data(ModelTableModel::MatchesRole).toBool();
    }
};

} // namespace

RegistryPanel::RegistryPanel(ModelRegistryClient *client, IdentityClient *identity, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_identity(identity)
    , m_models(new ModelTableModel(this))
    , m_modelsProxy(new ModelFilterProxy(this))
    , m_versions(new VersionTableModel(this))
    , m_deployments(new DeploymentTableModel(this))
    , m_pending(new ApprovalQueueModel(ApprovalQueueModel::Mode::Pending, this))
    , m_history(new ApprovalQueueModel(ApprovalQueueModel::Mode::History, this))
    , m_actions(new RegistryActions(client, identity, m_models, m_deployments, m_pending, this))
    , m_switch(new QTabBar(this))
    , m_filter(new FilterBox(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_metric(new QComboBox(this))
    , m_toolbar(new QToolBar(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("registryPanel"));
    m_switch->setObjectName(QStringLiteral("registryViewSwitch"));
    m_switch->addTab(tr("Models"));
    m_switch->addTab(tr("Versions"));
    m_switch->addTab(tr("Approvals"));
    m_switch->setDrawBase(false);
    m_count->setObjectName(QStringLiteral("registryCount"));
    m_export->setObjectName(QStringLiteral("registryExport"));
    m_export->setToolTip(tr("Save the rows of the current view as a CSV file."));
    m_export->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_metric->setObjectName(QStringLiteral("registryMetric"));
    m_metric->setToolTip(tr("The metric the Versions table shows and sorts by."));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_metric->hide();
    m_message->setObjectName(QStringLiteral("registryMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(4);
    m_message->hide();
    m_toolbar->setObjectName(QStringLiteral("registryToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolbar->setIconSize(QSize(1, 1));

    // Models.
    m_modelsProxy->setSourceModel(m_models);
    m_modelsProxy->setSortRole(ModelTableModel::SortRole);
    m_modelsView = makeRegistryTable(this, QStringLiteral("registryModelsView"), 10);
    m_modelsView->setModel(m_modelsProxy);
    m_modelsView->setItemDelegateForColumn(ModelTableModel::AliasesColumn,
                                           new AliasChipDelegate(ModelTableModel::ChipsRole, this));
    m_modelsView->setItemDelegateForColumn(
        ModelTableModel::StageColumn, new StageBadgeDelegate(ModelTableModel::StageRole, this));
    m_modelsView->setSortingEnabled(true);
    m_modelsView->sortByColumn(ModelTableModel::NameColumn, Qt::AscendingOrder);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_modelsView->setColumnWidth(ModelTableModel::NameColumn, em * 14);
    m_modelsView->setColumnWidth(ModelTableModel::AliasesColumn, em * 22);
    m_modelsView->setColumnWidth(ModelTableModel::LatestVersionColumn, em * 5);
    m_modelsView->setColumnWidth(ModelTableModel::StageColumn, em * 8);
    m_modelsView->setColumnWidth(ModelTableModel::DeploymentsColumn, em * 10);
    m_modelsView->setColumnWidth(ModelTableModel::OwnerColumn, em * 9);
    m_modelsView->setColumnWidth(ModelTableModel::TaskColumn, em * 11);

    // Versions: the model sorts itself (no proxy over 100,000 rows).
    m_versionsView = makeRegistryTable(this, QStringLiteral("registryVersionsView"), 10);
    m_versionsView->setModel(m_versions);
    m_versionsView->setItemDelegateForColumn(
        VersionTableModel::AliasesColumn,
        new AliasChipDelegate(VersionTableModel::AliasesRole, this));
    m_versionsView->setItemDelegateForColumn(
        VersionTableModel::StageColumn, new StageBadgeDelegate(VersionTableModel::StageRole, this));
    m_versionsView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_versionsView->setSortingEnabled(true);
    m_versionsView->setColumnWidth(VersionTableModel::ModelColumn, em * 13);
    m_versionsView->setColumnWidth(VersionTableModel::VersionColumn, em * 5);
    m_versionsView->setColumnWidth(VersionTableModel::StageColumn, em * 8);
    m_versionsView->setColumnWidth(VersionTableModel::AliasesColumn, em * 10);
    m_versionsView->setColumnWidth(VersionTableModel::MetricColumn, em * 7);
    m_versionsView->setColumnWidth(VersionTableModel::FrameworkColumn, em * 9);
    m_versionsView->setColumnWidth(VersionTableModel::DatasetColumn, em * 12);

    // Approvals: the queue above, the history below.
    auto *approvals = new QSplitter(Qt::Vertical, this);
    m_pendingView = makeRegistryTable(approvals, QStringLiteral("registryPendingView"), 10);
    m_pendingView->setModel(m_pending);
    m_historyView = makeRegistryTable(approvals, QStringLiteral("registryHistoryView"), 10);
    m_historyView->setModel(m_history);
    for (QTableView *v : {m_pendingView, m_historyView}) {
        v->setColumnWidth(ApprovalQueueModel::ModelColumn, em * 11);
        v->setColumnWidth(ApprovalQueueModel::ActionColumn, em * 22);
        v->setColumnWidth(ApprovalQueueModel::RequesterColumn, em * 7);
        v->setColumnWidth(ApprovalQueueModel::CommentColumn, em * 20);
        v->setColumnWidth(ApprovalQueueModel::EvidenceColumn, em * 10);
        v->setColumnWidth(ApprovalQueueModel::AgeColumn, em * 5);
    }
    m_pendingView->setColumnHidden(ApprovalQueueModel::ReviewerColumn, true);
    m_pendingView->setColumnHidden(ApprovalQueueModel::ReviewCommentColumn, true);
    m_pendingView->setColumnHidden(ApprovalQueueModel::StateColumn, true);
    auto *pendingBox = new QWidget(approvals);
    auto *pendingLayout = new QVBoxLayout(pendingBox);
    pendingLayout->setContentsMargins(0, 0, 0, 0);
    pendingLayout->addWidget(new QLabel(tr("<b>Waiting for review</b>"), pendingBox));
    pendingLayout->addWidget(m_pendingView);
    auto *historyBox = new QWidget(approvals);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("<b>History</b>"), historyBox));
    historyLayout->addWidget(m_historyView);
    approvals->addWidget(pendingBox);
    approvals->addWidget(historyBox);

    m_stack->addWidget(m_modelsView);
    m_stack->addWidget(m_versionsView);
    m_stack->addWidget(approvals);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_switch, 0, Qt::AlignTop);
    top->addWidget(m_filter, 1);
    top->addWidget(m_metric, 0, Qt::AlignTop);
    top->addWidget(m_count, 0, Qt::AlignTop);
    top->addStretch(0); // takes the room of the hidden filter on the Approvals page
    top->addWidget(m_export, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    // Live data.
    connect(m_client, &ModelRegistryClient::snapshotReceived, this,
            [this](const RegistrySnapshot &snapshot) {
                const QString current = m_currentModel;
                m_models->setModels(snapshot.models);
                m_deployments->setDeployments(snapshot.deployments);
                m_pending->setRequests(snapshot.approvals);
                m_history->setRequests(snapshot.approvals);
                if (!m_filters[int(View::Models)].isEmpty())
                    applyFilter(m_filters[int(View::Models)]);
                if (!current.isEmpty())
                    selectModel(current);
                updateApprovalsTab();
                updateCount();
            });
    auto *refilter = new QTimer(this);
    refilter->setSingleShot(true);
    refilter->setInterval(300);
    connect(refilter, &QTimer::timeout, this, [this] {
        if (!m_filters[int(View::Models)].isEmpty() && view() == View::Models)
            applyFilter(m_filters[int(View::Models)]);
    });
    connect(m_client, &ModelRegistryClient::changesReceived, this,
            [this, refilter](const QList<RegistryChangeBatch> &batches) {
                m_models->applyChanges(batches);
                m_deployments->applyChanges(batches);
                m_pending->applyChanges(batches);
                m_history->applyChanges(batches);
                QSet<QString> changedModels;
                for (const RegistryChangeBatch &b : batches) {
                    for (const ModelInfo &m : b.models)
                        changedModels.insert(m.name);
                    for (const ModelVersionInfo &v : b.versions)
                        m_versions->upsert(v);
                }
                if (!changedModels.isEmpty() && !m_filters[int(View::Models)].isEmpty())
                    refilter->start();
                // A model changed (a promotion, an archive): refresh its rows in the Versions view.
                if (m_versionsLoaded) {
                    for (const QString &name : changedModels) {
                        m_client->listVersions(
                            name, {}, {}, 1000,
                            [this](const ModelRegistryClient::VersionPage &page) {
                                for (const ModelVersionInfo &v : page.versions)
                                    if (m_versions->rowOf(v.model, v.version) >= 0)
                                        m_versions->upsert(v);
                            });
                    }
                }
                updateApprovalsTab();
                updateCount();
            });

    connect(m_switch, &QTabBar::currentChanged, this, [this](int index) { setView(View(index)); });
    connect(m_filter, &FilterBox::filterChanged, this, &RegistryPanel::applyFilter);
    connect(m_export, &QPushButton::clicked, this, &RegistryPanel::exportCurrentView);
    connect(m_metric, &QComboBox::currentTextChanged, m_versions, [this](const QString &key) {
        if (!key.isEmpty())
            m_versions->setMetricKey(key);
    });
    connect(m_modelsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegistryPanel::onModelSelection);
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegistryPanel::onVersionSelection);
    connect(m_pendingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegistryPanel::onApprovalSelection);
    connect(m_models, &ModelTableModel::modelChanged, this, [this](const QString &name) {
        if (name != m_currentModel || view() != View::Models)
            return;
        // Follow the model's latest version only while the actions act on what this panel chose:
        // a version picked in the model detail stays the target when the model changes live.
        if (m_actions->currentModel() == name && m_actions->currentVersion() != m_chosenVersion)
            return;
        onModelSelection();
    });
    connect(m_actions, &RegistryActions::succeeded, this,
            [this](const QString &text) { showMessage(text, false); });
    connect(m_actions, &RegistryActions::failed, this,
            [this](const RegistryError &error) { showMessage(error.text, true); });
    connect(m_actions, &RegistryActions::versionChanged, m_versions, &VersionTableModel::upsert);

    setView(View::Models);
    updateCount();
}

RegistryPanel::~RegistryPanel()
{
    if (m_versionListing)
        m_client->cancelVersions(m_versionListing);
    if (m_modelListing)
        m_client->cancelModels(m_modelListing);
}

RegistryPanel::View RegistryPanel::view() const
{
    return View(m_stack->currentIndex());
}

void RegistryPanel::setView(View view)
{
    const int i = int(view);
    m_switch->setCurrentIndex(i);
    m_stack->setCurrentIndex(i);
    m_filter->setVisible(view != View::Approvals);
    m_metric->setVisible(view == View::Versions);
    m_filter->edit()->setText(m_filters[i]);
    m_filter->clearError();
    m_toolbar->clear();
    using A = RegistryActions;
    const QList<A::Kind> kinds =
        view == View::Approvals
            ? QList<A::Kind>{A::Approve, A::Reject, A::Withdraw}
            : QList<A::Kind>{A::RequestPromotion, A::MoveAlias, A::Deploy, A::Archive};
    for (A::Kind k : kinds)
        m_toolbar->addAction(m_actions->action(k));
    if (view == View::Versions && !m_versionsLoaded && !m_versionListing)
        loadVersions(m_filters[i]);
    if (view == View::Models)
        onModelSelection();
    else if (view == View::Versions)
        onVersionSelection();
    else
        onApprovalSelection();
    updateCount();
}

void RegistryPanel::applyFilter(const QString &filter)
{
    const View v = view();
    if (v == View::Approvals)
        return;
    m_filters[int(v)] = filter;
    if (v == View::Versions)
        return loadVersions(filter);
    if (m_modelListing)
        m_client->cancelModels(m_modelListing);
    if (filter.isEmpty()) {
        m_modelListing = 0;
        m_filter->clearError();
        m_models->clearMatches();
        updateCount();
        return;
    }
    m_modelListing = m_client->listModels(
        filter, {}, [this](const QList<ModelInfo> &models, int, const RegistryError &error) {
            m_modelListing = 0;
            if (error.isError()) {
                m_filter->setError(error.message.isEmpty() ? error.text : error.message,
                                   error.position);
                return;
            }
            m_filter->clearError();
            QSet<QString> names;
            for (const ModelInfo &m : models)
                names.insert(m.name);
            m_models->setMatches(names);
            updateCount();
        });
}

void RegistryPanel::loadVersions(const QString &filter)
{
    if (m_versionListing)
        m_client->cancelVersions(m_versionListing);
    m_versionListing = 0;
    // Shared, not captured by value: the callback object is copied per page.
    auto first = std::make_shared<bool>(true);
    const int sortColumn = m_versions->sortColumn();
    // While a filter is typed, only its first page is fetched; the rest follows once typing has
    // paused, so pages of an abandoned filter do not compete with the next keystroke's.
    const bool hold = !filter.isEmpty();
    m_versionListing = m_client->listVersions(
        QStringLiteral("models/-"), filter, {}, kVersionPageSize,
        [this, first, sortColumn, hold](const ModelRegistryClient::VersionPage &page) {
            if (*first) {
                // Replace the rows only when the answer arrives: no flash of an empty table.
                *first = false;
                m_versions->clear();
                if (page.error.isError()) {
                    m_filter->setError(page.error.message.isEmpty() ? page.error.text
                                                                    : page.error.message,
                                       page.error.position);
                } else {
                    m_filter->clearError();
                }
            }
            if (page.error.isError() && page.index > 0)
                showMessage(page.error.text, true);
            if (page.index == 0 && !page.last && hold) {
                const quint64 listing = m_versionListing;
                QTimer::singleShot(kRestOfResultDelayMs, this, [this, listing] {
                    if (listing == m_versionListing)
                        m_client->resumeVersions(listing);
                });
            }
            m_versionsTotal = page.totalSize;
            m_versions->appendPage(page.versions);
            if (page.last) {
                m_versionListing = 0;
                m_versionsLoaded = !page.error.isError() || page.index > 0;
                if (sortColumn >= 0)
                    m_versions->resort();
                const QString key = m_versions->metricKey();
                const QStringList keys = m_versions->metricKeys();
                if (m_metric->count() != keys.size()) {
                    const QSignalBlocker block(m_metric);
                    m_metric->clear();
                    m_metric->addItems(keys);
                }
                m_metric->setCurrentText(key);
            }
            updateCount();
        },
        true, kFirstVersionPageSize, hold);
}

QString RegistryPanel::countText() const
{
    return m_count->text();
}

void RegistryPanel::updateCount()
{
    const QLocale locale;
    switch (view()) {
    case View::Models:
        m_count->setText(tr("%1 of %2 models")
                             .arg(locale.toString(m_modelsProxy->rowCount()),
                                  locale.toString(m_models->rowCount())));
        break;
    case View::Versions: {
        qint64 all = 0;
        for (const ModelInfo &m : m_models->models())
            all += m.versionCount;
        if (m_versionListing)
            m_count->setText(tr("Loading %1 of %2…")
                                 .arg(locale.toString(m_versions->rowCount()),
                                      locale.toString(m_versionsTotal)));
        else
            m_count->setText(
                tr("%1 of %2 versions")
                    .arg(locale.toString(m_versions->rowCount()),
                         locale.toString(std::max<qint64>(all, m_versions->rowCount()))));
        break;
    }
    case View::Approvals:
        m_count->setText(tr("%n pending", nullptr, m_pending->rowCount()));
        break;
    }
}

void RegistryPanel::updateApprovalsTab()
{
    const int n = m_pending->rowCount();
    m_switch->setTabText(int(View::Approvals),
                         n > 0 ? tr("Approvals (%1)").arg(n) : tr("Approvals"));
}

void RegistryPanel::showMessage(const QString &text, bool error)
{
    m_messageIsError = error;
    m_message->setText(text);
    QPalette pal = palette();
    m_message->setAutoFillBackground(true);
    if (error) {
        pal.setColor(QPalette::Window, theme::errorBackground(pal));
        pal.setColor(QPalette::WindowText, theme::statusColor(HealthStatus::Down, palette()));
    } else {
        pal.setColor(QPalette::Window, pal.color(QPalette::AlternateBase));
    }
    m_message->setPalette(pal);
    m_message->setVisible(!text.isEmpty());
}

QString RegistryPanel::messageText() const
{
    return m_message->text();
}

void RegistryPanel::onModelSelection()
{
    const QModelIndex current = m_modelsView->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_actions->setVersion({}, 0, ModelStage::None);
        return;
    }
    const QString name = current.data(ModelTableModel::NameRole).toString();
    const ModelInfo *m = m_models->find(name);
    if (m) {
        m_chosenVersion = m->latestVersion;
        m_actions->setVersion(name, m->latestVersion, m->latestStage);
    }
    if (name != m_currentModel) {
        m_currentModel = name;
        emit currentModelChanged(name);
    }
}

void RegistryPanel::onVersionSelection()
{
    const QModelIndex current = m_versionsView->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_actions->setVersion({}, 0, ModelStage::None);
        return;
    }
    const QString model = m_versions->modelName(current.row());
    m_actions->setVersion(model, m_versions->version(current.row()),
                          m_versions->stage(current.row()));
    if (model != m_currentModel) {
        m_currentModel = model;
        emit currentModelChanged(model);
    }
}

void RegistryPanel::onApprovalSelection()
{
    const QModelIndex current = m_pendingView->selectionModel()->currentIndex();
    m_actions->setApprovalRequest(
        current.isValid() ? current.data(ApprovalQueueModel::NameRole).toString() : QString());
}

void RegistryPanel::selectModel(const QString &name)
{
    const int row = m_models->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_modelsProxy->mapFromSource(m_models->index(row, 0));
    if (!index.isValid())
        return;
    m_modelsView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
    m_modelsView->scrollTo(index);
    onModelSelection();
}

void RegistryPanel::setRegions(const QStringList &regionIds)
{
    m_actions->setRegions(regionIds);
}

void RegistryPanel::selectApprovalRequest(const QString &name)
{
    const int row = m_pending->rowOf(name);
    if (row < 0)
        return;
    m_pendingView->selectionModel()->setCurrentIndex(
        m_pending->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    onApprovalSelection();
}

bool RegistryPanel::exportCsv(const QString &path, QString *error) const
{
    switch (view()) {
    case View::Models:
        return csv::save(*m_modelsProxy, path, error);
    case View::Versions:
        return csv::save(*m_versions, path, error);
    case View::Approvals:
        return csv::save(*m_pending, path, error);
    }
    return false;
}

void RegistryPanel::exportCurrentView()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        return showMessage(error, true);
    showMessage(tr("Exported to %1.").arg(path), false);
}

void RegistryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_message && !m_message->text().isEmpty())
        showMessage(m_message->text(), m_messageIsError);
    QWidget::changeEvent(event);
}

} // namespace ops
