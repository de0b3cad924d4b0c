#include "regiondetailpanel.h"

#include "detailhelpers.h"
#include "sloblock.h"
#include "statusbadge.h"
#include "timelinestrip.h"
#include "timeserieschart.h"
#include "ui/common/panellayout.h"

#include "models/percenttext.h"
#include "models/regioncomponentsmodel.h"
#include "models/regionstore.h"
#include "models/regiontreemodel.h"
#include "models/resourcename.h"
#include "ui/common/resourceselection.h"
#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {

using namespace regiondetail;

RegionDetailPanel::RegionDetailPanel(RegionTreeModel *model, RegionClient *client,
                                     ResourceSelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_store(model->store())
    , m_selection(selection)
    , m_componentsModel(new RegionComponentsModel(m_store, this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("regionDetailPanel"));
    m_stack = new QStackedWidget(this);
    m_emptyLabel = new QLabel(tr("Select a region on the map or in the table"), m_stack);
    panel::setupEmptyState(m_emptyLabel, QStringLiteral("regionDetailEmpty"));
    m_stack->addWidget(m_emptyLabel);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(createHeader());
    m_slo = new SloBlock(m_model, client, this);
    layout->addWidget(m_slo);
    m_charts = new MetricCharts(client, this);
    layout->addWidget(m_charts);
    layout->addWidget(createComponents());
    layout->addWidget(createOperations());
    layout->addStretch(1);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(100);
    connect(m_refreshTimer, &QTimer::timeout, this, &RegionDetailPanel::refreshFromModel);

    connect(m_model, &QAbstractItemModel::modelReset, this, &RegionDetailPanel::scheduleRefresh);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &RegionDetailPanel::scheduleRefresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RegionDetailPanel::scheduleRefresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RegionDetailPanel::scheduleRefresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RegionDetailPanel::scheduleRefresh);

    connect(m_store, &RegionStore::reset, this, &RegionDetailPanel::refreshOperations);
    connect(m_store, &RegionStore::changed, this, [this](const RegionStoreChange &change) {
        if (change.touchesOperations())
            refreshOperations();
    });
    if (m_selection) {
        connect(m_selection, &ResourceSelection::currentChanged, this,
                [this] { showRegion(m_selection->currentRegion()); });
        showRegion(m_selection->currentRegion());
    } else {
        showRegion({});
    }
}

RegionDetailPanel::~RegionDetailPanel() = default;

QWidget *RegionDetailPanel::createHeader()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *titleRow = new QHBoxLayout;
    m_title = new QLabel(box);
    m_title->setObjectName(QStringLiteral("regionDetailTitle"));
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true); // long names wrap instead of pushing the status off the panel
    m_status = new StatusBadge(box);
    m_status->setObjectName(QStringLiteral("regionDetailStatus"));
    titleRow->addWidget(m_title, 1);
    titleRow->addSpacing(12);
    titleRow->addWidget(m_status, 0, Qt::AlignTop);
    layout->addLayout(titleRow);

    m_id = valueLabel(box);
    m_id->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_id);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 4, 0, 0);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(3);
    form->setLabelAlignment(Qt::AlignLeft);
    // Every value takes the whole field width, so a long status message wraps there (a
    // word-wrapped label left at its size hint gets a narrow width and a one-line height: cut off).
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_provider = valueLabel(box);
    m_geography = valueLabel(box);
    m_role = valueLabel(box);
    m_message = valueLabel(box);
    m_message->setObjectName(QStringLiteral("regionDetailStatusMessage"));
    QSizePolicy wrapping(QSizePolicy::Expanding, QSizePolicy::Preferred);
    wrapping.setHeightForWidth(true);
    m_message->setSizePolicy(wrapping);
    m_failoverTarget = valueLabel(box);
    form->addRow(tr("Provider"), m_provider);
    form->addRow(tr("Geography"), m_geography);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Status"), m_message);
    form->addRow(tr("Failover target"), m_failoverTarget);
    layout->addLayout(form);
    return box;
}

QWidget *RegionDetailPanel::createComponents()
{
    auto *group = new QGroupBox(tr("Components"), this);
    auto *layout = new QVBoxLayout(group);
    m_components = new QTreeView(group);
    setupTable(m_components);
    m_components->setModel(m_componentsModel);
    m_components->setObjectName(QStringLiteral("regionDetailComponents"));
    m_components->setItemDelegateForColumn(
        RegionComponentsModel::StatusColumn,
        new StatusBadgeDelegate(RegionComponentsModel::StatusRole, m_components));
    m_components->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    fitHeight(m_components);
    // All rows show without an inner scroll bar, as many as there are.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_componentsModel, signal, m_components, [this] { fitHeight(m_components); });
    connect(m_componentsModel, &QAbstractItemModel::modelReset, m_components,
            [this] { fitHeight(m_components); });
    layout->addWidget(m_components);
    return group;
}

QWidget *RegionDetailPanel::createOperations()
{
    auto *group = new QGroupBox(tr("Failovers and maintenance"), this);
    auto *layout = new QVBoxLayout(group);
    m_timeline = new TimelineStrip(group);
    m_timeline->setObjectName(QStringLiteral("regionDetailTimeline"));
    layout->addWidget(m_timeline);
    m_operations =
        makeTable({tr("Event"), tr("State"), tr("Start"), tr("End"), tr("Details")}, group);
    m_operations->setObjectName(QStringLiteral("regionDetailOperations"));
    m_operations->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_operations);
    m_operationsEmpty = new QLabel(tr("No failovers or maintenance in the last 30 days."), group);
    m_operationsEmpty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_operationsEmpty);
    return group;
}

void RegionDetailPanel::setRange(Range range)
{
    m_charts->setRange(range);
}

void RegionDetailPanel::showRegion(const QString &region)
{
    if (region == m_region && !m_region.isEmpty())
        return;
    m_region = region;
    m_componentsModel->setRegion(region);
    m_charts->setRegion(region);
    m_slo->setRegion(region);
    if (region.isEmpty()) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    refreshFromModel();
    refreshOperations();
}

bool RegionDetailPanel::isEmptyStateShown() const
{
    return m_stack->currentIndex() == 0;
}

QString RegionDetailPanel::titleText() const
{
    return m_title->text();
}

QString RegionDetailPanel::headerText() const
{
    return QStringList{
        m_id->text(),   m_status->text(),  m_provider->text(),      m_geography->text(),
        m_role->text(), m_message->text(), m_failoverTarget->text()}
        .join(QLatin1Char('\n'));
}

QTreeView *RegionDetailPanel::alertsView() const
{
    return m_slo->alertsView();
}

QString RegionDetailPanel::budgetText() const
{
    return m_slo->budgetText();
}

QString RegionDetailPanel::availabilityText() const
{
    return m_slo->availabilityText();
}

QString RegionDetailPanel::sloStatusText() const
{
    return m_slo->statusText();
}

void RegionDetailPanel::scheduleRefresh()
{
    if (!m_region.isEmpty() && !m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void RegionDetailPanel::refreshFromModel()
{
    if (m_region.isEmpty())
        return;
    const Region *region = m_model->region(m_region);
    if (!region) {
        m_title->setText(resource::leafId(m_region));
        m_id->setText(m_region);
        m_status->setStatus(HealthStatus::Unknown, tr("Waiting for data…"));
        for (QLabel *label : {m_provider, m_geography, m_role, m_message, m_failoverTarget})
            label->setText(tr("–"));
        return;
    }
    m_title->setText(region->displayName.isEmpty() ? resource::leafId(region->name)
                                                   : region->displayName);
    m_id->setText(region->name);
    m_status->setStatus(region->status, healthStatusText(region->status));
    m_provider->setText(cloudProviderText(region->provider));
    m_geography->setText(region->geography);
    m_role->setText(region->primary ? tr("Primary region") : tr("Secondary region"));
    m_message->setText(region->statusMessage.isEmpty() ? healthStatusText(region->status)
                                                       : region->statusMessage);
    if (region->failoverTarget.isEmpty()) {
        m_failoverTarget->setText(tr("none"));
    } else {
        const Region *target = m_model->region(region->failoverTarget);
        m_failoverTarget->setText(
            target && !target->displayName.isEmpty()
                ? tr("%1 (%2)").arg(target->displayName, region->failoverTarget)
                : region->failoverTarget);
    }

    // The SLO target may have changed (UpdateRegion).
    m_slo->refresh();
}

void RegionDetailPanel::refreshOperations()
{
    if (m_region.isEmpty())
        return;
    const QList<Failover> failovers = m_store->failoversOf(m_region);
    const QList<MaintenanceWindow> windows = m_store->maintenanceOf(m_region);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_timeline->setOperations(m_region, failovers, windows, now);

    const QLocale locale;
    auto when = [&](const QDateTime &t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    m_operations->clear();
    struct Row
    {
        QDateTime start;
        QStringList texts;
        HealthStatus look;
    };
    QList<Row> rows;
    for (const Failover &f : failovers) {
        const bool away = f.sourceRegion == m_region;
        QString state = f.state == Failover::State::Active      ? tr("Active")
                        : f.state == Failover::State::Completed ? tr("Completed")
                                                                : tr("Unknown");
        QString details = f.reason;
        if (f.trafficFraction > 0)
            details = tr("%1 of traffic · %2").arg(percentText(f.trafficFraction, 0), f.reason);
        rows.append(
            {f.startTime,
             {away ? tr("Failover → %1").arg(resource::leafId(f.targetRegion))
                   : tr("Failover ← %1").arg(resource::leafId(f.sourceRegion)),
              state, when(f.startTime), f.endTime.isValid() ? when(f.endTime) : tr("ongoing"),
              details},
             f.state == Failover::State::Active ? HealthStatus::Down : HealthStatus::Degraded});
    }
    for (const MaintenanceWindow &w : windows) {
        QString state;
        switch (w.state) {
        case MaintenanceWindow::State::Scheduled:
            state = tr("Scheduled");
            break;
        case MaintenanceWindow::State::InProgress:
            state = tr("In progress");
            break;
        case MaintenanceWindow::State::Completed:
            state = tr("Completed");
            break;
        case MaintenanceWindow::State::Cancelled:
            state = tr("Cancelled");
            break;
        case MaintenanceWindow::State::Unknown:
            state = tr("Unknown");
            break;
        }
        QStringList components;
        for (const QString &c : w.components)
            components << resource::leafId(c);
        rows.append({w.startTime,
                     {tr("Maintenance"), state, when(w.startTime), when(w.endTime),
                      components.isEmpty()
                          ? w.title
                          : tr("%1 (%2)").arg(w.title, components.join(QStringLiteral(", ")))},
                     HealthStatus::Maintenance});
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return a.start > b.start; });
    for (const Row &row : std::as_const(rows)) {
        auto *item = new QTreeWidgetItem(m_operations, row.texts);
        item->setForeground(0, theme::statusColor(row.look, palette()));
        item->setToolTip(4, row.texts.value(4));
    }
    m_operations->setVisible(!rows.isEmpty());
    m_operationsEmpty->setVisible(rows.isEmpty());
    fitHeight(m_operations);
}

void RegionDetailPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The SLO block and the charts follow the palette themselves.
    if (event->type() == QEvent::PaletteChange && m_operations)
        refreshOperations();
}

} // namespace ops
