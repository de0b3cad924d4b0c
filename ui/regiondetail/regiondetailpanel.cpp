#include "regiondetailpanel.h"

#include "statusbadge.h"
#include "timelinestrip.h"
#include "timeserieschart.h"

#include "models/regioncomponentsmodel.h"
#include "models/regionstore.h"
#include "models/regiontreemodel.h"
#include "services/regionclient.h"
#include "ui/common/resourceselection.h"
#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {

namespace {

constexpr int kStatusRole = Qt::UserRole + 1;
constexpr int kSloRefreshMs = 60 * 1000;
constexpr int kSloFineSeconds = 60;
constexpr qint64 kSloFineWindowMs = 6 * slo::kHourMs;
constexpr int kSloCoarseSeconds = 3600;

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, on light and dark.
const QColor kBlue(0x00, 0x72, 0xb2);
const QColor kOrange(0xe6, 0x9f, 0x00);
const QColor kPurple(0xcc, 0x79, 0xa7);
const QColor kVermillion(0xd5, 0x5e, 0x00);
const QColor kGreen(0x00, 0x9e, 0x73);

QString percentText(double fraction, int decimals)
{
    return QCoreApplication::translate("ops::RegionDetailPanel", "%1 %")
        .arg(QLocale().toString(fraction * 100, 'f', decimals));
}

QString durationText(qint64 ms)
{
    const double minutes = double(ms) / 60000.0;
    if (minutes < 90)
        return QCoreApplication::translate("ops::RegionDetailPanel", "%1 min")
            .arg(QLocale().toString(minutes, 'f', 0));
    const double hours = minutes / 60;
    if (hours < 48)
        return QCoreApplication::translate("ops::RegionDetailPanel", "%1 h")
            .arg(QLocale().toString(hours, 'f', hours < 10 ? 1 : 0));
    return QCoreApplication::translate("ops::RegionDetailPanel", "%1 d")
        .arg(QLocale().toString(hours / 24, 'f', 1));
}

QString shortName(const QString &resourceName)
{
    return resourceName.section(QLatin1Char('/'), -1);
}

QList<slo::Sample> toSloSamples(const QList<MetricPoint> &points, int resolutionSeconds)
{
    QList<slo::Sample> out;
    out.reserve(points.size());
    for (const MetricPoint &p : points)
        out.append({p.time.toMSecsSinceEpoch(), qint64(resolutionSeconds) * 1000, p.availability,
                    p.throughputRps});
    return out;
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// The look of the panel's tables (a QTreeWidget is a QTreeView).
void setupTable(QTreeView *view)
{
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setFocusPolicy(Qt::NoFocus);
    view->setAlternatingRowColors(true);
    view->header()->setStretchLastSection(true);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
}

QTreeWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setHeaderLabels(headers);
    setupTable(view);
    return view;
}

// Shows all rows without an inner scroll bar (the panel itself scrolls).
void fitHeight(QTreeView *view)
{
    const int rows = view->model()->rowCount();
    const int rowHeight = rows > 0 ? view->sizeHintForRow(0) : view->fontMetrics().height() + 6;
    // Room for the horizontal scroll bar too: a narrow dock scrolls the columns, not the rows.
    const int height = view->header()->sizeHint().height() + std::max(rows, 1) * rowHeight +
                       2 * view->frameWidth() + 2 +
                       view->horizontalScrollBar()->sizeHint().height();
    view->setFixedHeight(height);
}

} // namespace

RegionDetailPanel::RegionDetailPanel(RegionTreeModel *model, RegionClient *client,
                                     ResourceSelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_store(model->store())
    , m_client(client)
    , m_selection(selection)
    , m_componentsModel(new RegionComponentsModel(m_store, this))
    , m_refreshTimer(new QTimer(this))
    , m_chartTimer(new QTimer(this))
    , m_sloTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("regionDetailPanel"));
    m_stack = new QStackedWidget(this);
    m_emptyLabel = new QLabel(tr("Select a region on the map or in the table"), m_stack);
    m_emptyLabel->setObjectName(QStringLiteral("regionDetailEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
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
    layout->addWidget(createSloBlock());
    layout->addWidget(createCharts());
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
    connect(m_chartTimer, &QTimer::timeout, this, &RegionDetailPanel::fetchCharts);
    m_sloTimer->setInterval(kSloRefreshMs);
    connect(m_sloTimer, &QTimer::timeout, this, &RegionDetailPanel::fetchSlo);

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

qint64 RegionDetailPanel::rangeMs(Range range)
{
    switch (range) {
    case Range::Hour:
        return slo::kHourMs;
    case Range::Day:
        return slo::kDayMs;
    case Range::Week:
        return 7 * slo::kDayMs;
    case Range::Month:
        break;
    }
    return 30 * slo::kDayMs;
}

int RegionDetailPanel::resolutionSeconds(Range range)
{
    switch (range) {
    case Range::Hour:
        return 60;
    case Range::Day:
        return 600;
    case Range::Week:
        return 3600;
    case Range::Month:
        break;
    }
    return 4 * 3600;
}

int RegionDetailPanel::refreshMs(Range range)
{
    // About a quarter of a bucket, at least every 15 s: new points show up soon after they exist.
    switch (range) {
    case Range::Hour:
        return 15 * 1000;
    case Range::Day:
        return 60 * 1000;
    case Range::Week:
        return 5 * 60 * 1000;
    case Range::Month:
        break;
    }
    return 10 * 60 * 1000;
}

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

QWidget *RegionDetailPanel::createSloBlock()
{
    auto *group = new QGroupBox(tr("Availability and error budget (30 days)"), this);
    auto *layout = new QVBoxLayout(group);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *availabilityRow = new QHBoxLayout;
    m_availability = valueLabel(group);
    m_availability->setObjectName(QStringLiteral("regionDetailAvailability"));
    QFont bold = font();
    bold.setBold(true);
    m_availability->setFont(bold);
    m_availability->setWordWrap(false);
    m_sloState = valueLabel(group);
    m_sloState->setObjectName(QStringLiteral("regionDetailSloState"));
    availabilityRow->addWidget(m_availability);
    availabilityRow->addSpacing(8);
    availabilityRow->addWidget(m_sloState, 1);
    form->addRow(tr("Availability"), availabilityRow);

    auto *budgetRow = new QVBoxLayout;
    budgetRow->setSpacing(2);
    m_budgetBar = new QProgressBar(group);
    m_budgetBar->setObjectName(QStringLiteral("regionDetailBudgetBar"));
    m_budgetBar->setRange(0, 1000);
    m_budgetBar->setTextVisible(false);
    m_budgetBar->setMaximumHeight(fontMetrics().height() * 2 / 3 + 4);
    m_budgetLabel = valueLabel(group);
    m_budgetLabel->setObjectName(QStringLiteral("regionDetailBudget"));
    budgetRow->addWidget(m_budgetBar);
    budgetRow->addWidget(m_budgetLabel);
    form->addRow(tr("Error budget left"), budgetRow);
    layout->addLayout(form);

    m_alerts = makeTable({tr("Burn-rate alert"), tr("Burn long / short"), tr("State")}, group);
    m_alerts->setObjectName(QStringLiteral("regionDetailAlerts"));
    m_alerts->setItemDelegateForColumn(2, new StatusBadgeDelegate(kStatusRole, m_alerts));
    m_alerts->setToolTip(
        tr("Multi-window, multi-burn-rate alerts (Google SRE workbook): an alert fires when the "
           "error budget burns faster than its rate over both its long and its short window. "
           "Burn rate 1 spends exactly the 30-day budget in 30 days."));
    for (const slo::BurnRateRule &rule : slo::defaultRules()) {
        auto *item = new QTreeWidgetItem(m_alerts);
        item->setText(
            0, tr("%1 · %2× · %3 / %4")
                   .arg(slo::severityText(rule.severity), QLocale().toString(rule.burnRate, 'g', 3),
                        slo::windowText(rule.longWindowMs), slo::windowText(rule.shortWindowMs)));
        item->setToolTip(
            0, tr("%1 when the burn rate exceeds %2× over %3 and over %4 (%5 of "
                  "the 30-day budget spent in %3)")
                   .arg(slo::severityText(rule.severity), QLocale().toString(rule.burnRate, 'g', 3),
                        slo::windowText(rule.longWindowMs), slo::windowText(rule.shortWindowMs),
                        percentText(rule.budgetSpentAtAlert, 0)));
        item->setText(2, slo::stateText(slo::AlertState::NoData));
        item->setData(2, kStatusRole, int(HealthStatus::Unknown));
    }
    m_alerts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    fitHeight(m_alerts);
    layout->addWidget(m_alerts);
    m_sloError = valueLabel(group);
    m_sloError->setObjectName(QStringLiteral("regionDetailSloError"));
    m_sloError->hide();
    layout->addWidget(m_sloError);
    return group;
}

QWidget *RegionDetailPanel::createCharts()
{
    auto *group = new QGroupBox(tr("Health over time"), this);
    auto *layout = new QVBoxLayout(group);
    auto *bar = new QHBoxLayout;
    m_rangeButtons = new QButtonGroup(group);
    m_rangeButtons->setExclusive(true);
    const std::pair<Range, QString> ranges[] = {
        {Range::Hour, tr("1 h")},
        {Range::Day, tr("24 h")},
        {Range::Week, tr("7 d")},
        {Range::Month, tr("30 d")},
    };
    for (const auto &[range, text] : ranges) {
        auto *button = new QToolButton(group);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setObjectName(QStringLiteral("regionDetailRange_%1").arg(int(range)));
        button->setChecked(range == m_range);
        QFont f = button->font();
        f.setBold(range == m_range);
        button->setFont(f);
        m_rangeButtons->addButton(button, int(range));
        bar->addWidget(button);
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(Range(id)); });
    m_metricsStatus = new QLabel(group);
    m_metricsStatus->setObjectName(QStringLiteral("regionDetailMetricsStatus"));
    m_metricsStatus->setWordWrap(true);
    m_metricsStatus->setMargin(4);
    bar->addSpacing(8);
    bar->addWidget(m_metricsStatus, 1);
    layout->addLayout(bar);

    const QLocale locale;
    m_latency = new TimeSeriesChart(
        tr("Latency (ms)"), {{tr("p50"), kBlue}, {tr("p95"), kOrange}, {tr("p99"), kPurple}},
        [](double v) { return tr("%1 ms").arg(QLocale().toString(v, 'f', 1)); }, group);
    m_errors = new TimeSeriesChart(
        tr("Error rate (%)"), {{tr("errors"), kVermillion}},
        [](double v) { return tr("%1 %").arg(QLocale().toString(v, 'f', 4)); }, group);
    m_throughput = new TimeSeriesChart(
        tr("Throughput (requests/s)"), {{tr("throughput"), kGreen}},
        [](double v) { return tr("%1 rps").arg(QLocale().toString(v, 'f', 0)); }, group);
    m_latency->setObjectName(QStringLiteral("regionDetailLatencyChart"));
    m_errors->setObjectName(QStringLiteral("regionDetailErrorChart"));
    m_throughput->setObjectName(QStringLiteral("regionDetailThroughputChart"));
    m_latency->setMinimumHeight(210);
    layout->addWidget(m_latency);
    layout->addWidget(m_errors);
    layout->addWidget(m_throughput);
    return group;
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
    if (QAbstractButton *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    // The chosen range reads in bold too (a checked tool button is faint in some palettes).
    for (QAbstractButton *button : m_rangeButtons->buttons()) {
        QFont f = button->font();
        f.setBold(button->isChecked());
        button->setFont(f);
    }
    if (range == m_range)
        return;
    m_range = range;
    if (m_region.isEmpty())
        return;
    // The lines still show the old range until the new one arrives: dim them meanwhile.
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
        chart->setDimmed(true);
    setMetricsStatus(tr("Loading…"), false);
    fetchCharts();
}

void RegionDetailPanel::showRegion(const QString &region)
{
    if (region == m_region && !m_region.isEmpty())
        return;
    m_region = region;
    m_componentsModel->setRegion(region);
    ++m_chartGeneration;
    ++m_sloGeneration;
    m_chartTimer->stop();
    m_sloTimer->stop();
    if (region.isEmpty()) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    m_chartsHaveData = false;
    m_metricsError = false;
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput}) {
        for (int line = 0; line < 3; ++line)
            chart->setPoints(line, {});
        chart->setDimmed(false);
    }
    m_sloCoarse.clear();
    m_sloFine.clear();
    m_sloCoarseLoaded = m_sloFineLoaded = false;
    m_sloErrorText.clear();
    refreshFromModel();
    refreshOperations();
    updateSlo();
    setMetricsStatus(tr("Loading…"), false);
    fetchCharts();
    fetchSlo();
    m_sloTimer->start();
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

QString RegionDetailPanel::metricsStatusText() const
{
    return m_metricsStatus->isVisible() || !m_metricsStatus->text().isEmpty()
               ? m_metricsStatus->text()
               : QString();
}

QString RegionDetailPanel::budgetText() const
{
    return m_budgetLabel->text();
}

QString RegionDetailPanel::availabilityText() const
{
    return m_availability->text();
}

QString RegionDetailPanel::sloStatusText() const
{
    return m_sloError->isHidden() ? QString() : m_sloError->text();
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
        m_title->setText(shortName(m_region));
        m_id->setText(m_region);
        m_status->setStatus(HealthStatus::Unknown, tr("Waiting for data…"));
        for (QLabel *label : {m_provider, m_geography, m_role, m_message, m_failoverTarget})
            label->setText(tr("–"));
        return;
    }
    m_title->setText(region->displayName.isEmpty() ? shortName(region->name) : region->displayName);
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
    updateSlo();
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
             {away ? tr("Failover → %1").arg(shortName(f.targetRegion))
                   : tr("Failover ← %1").arg(shortName(f.sourceRegion)),
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
            components << shortName(c);
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

void RegionDetailPanel::fetchCharts()
{
    if (m_region.isEmpty() || !m_client)
        return;
    const quint64 generation = ++m_chartGeneration;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addMSecs(-rangeMs(m_range));
    const QString format = m_range == Range::Hour || m_range == Range::Day
                               ? QStringLiteral("HH:mm")
                               : QStringLiteral("d MMM");
    // Ticks on round times: every 10 min, 4 h, day or 5 days.
    const qint64 tickMs = m_range == Range::Hour   ? 10 * 60 * 1000
                          : m_range == Range::Day  ? 4 * slo::kHourMs
                          : m_range == Range::Week ? slo::kDayMs
                                                   : 5 * slo::kDayMs;
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
        chart->setTimeRange(start, end, tickMs, format);
    ++m_metricsFetches;
    m_chartTimer->start(refreshMs(m_range));
    QPointer<RegionDetailPanel> self(this);
    m_client->fetchMetrics(
        m_region, start, end, resolutionSeconds(m_range),
        [self, generation](const QList<MetricPoint> &points, const QString &error) {
            if (self)
                self->chartsFetched(generation, points, error);
        });
}

void RegionDetailPanel::chartsFetched(quint64 generation, const QList<MetricPoint> &points,
                                      const QString &error)
{
    if (generation != m_chartGeneration)
        return; // another region or range was asked for since
    if (!error.isEmpty()) {
        // Keep the last lines for context, dimmed, and say plainly that they are not current.
        for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
            chart->setDimmed(true);
        setMetricsStatus(error, true);
        return;
    }
    QList<QPointF> p50, p95, p99, errors, throughput;
    for (QList<QPointF> *list : {&p50, &p95, &p99, &errors, &throughput})
        list->reserve(points.size());
    for (const MetricPoint &p : points) {
        // Each bucket is drawn at its middle.
        const double x =
            double(p.time.toMSecsSinceEpoch()) + resolutionSeconds(m_range) * 1000.0 / 2;
        p50.append({x, p.latencyP50Ms});
        p95.append({x, p.latencyP95Ms});
        p99.append({x, p.latencyP99Ms});
        errors.append({x, p.errorRate * 100});
        throughput.append({x, p.throughputRps});
    }
    m_latency->setPoints(0, p50);
    m_latency->setPoints(1, p95);
    m_latency->setPoints(2, p99);
    m_errors->setPoints(0, errors);
    m_throughput->setPoints(0, throughput);
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
        chart->setDimmed(false);
    m_chartsHaveData = !points.isEmpty();
    setMetricsStatus(points.isEmpty() ? tr("No samples in this range.") : QString(), false);
}

void RegionDetailPanel::setMetricsStatus(const QString &text, bool error)
{
    m_metricsError = error;
    m_metricsStatus->setText(text);
    m_metricsStatus->setToolTip(error ? text : QString());
    QPalette pal = palette();
    if (error) {
        m_metricsStatus->setAutoFillBackground(true);
        pal.setColor(QPalette::Window, theme::errorBackground(pal));
        pal.setColor(QPalette::WindowText, theme::statusColor(HealthStatus::Down, pal));
    } else {
        m_metricsStatus->setAutoFillBackground(false);
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    }
    m_metricsStatus->setPalette(pal);
}

void RegionDetailPanel::fetchSlo()
{
    if (m_region.isEmpty() || !m_client)
        return;
    const quint64 generation = ++m_sloGeneration;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    QPointer<RegionDetailPanel> self(this);
    m_client->fetchMetrics(
        m_region, end.addMSecs(-slo::kBudgetWindowMs), end, kSloCoarseSeconds,
        [self, generation](const QList<MetricPoint> &points, const QString &error) {
            if (self)
                self->sloFetched(generation, false, points, error);
        });
    m_client->fetchMetrics(
        m_region, end.addMSecs(-kSloFineWindowMs), end, kSloFineSeconds,
        [self, generation](const QList<MetricPoint> &points, const QString &error) {
            if (self)
                self->sloFetched(generation, true, points, error);
        });
}

void RegionDetailPanel::sloFetched(quint64 generation, bool fine, const QList<MetricPoint> &points,
                                   const QString &error)
{
    if (generation != m_sloGeneration)
        return;
    if (!error.isEmpty()) {
        m_sloErrorText = error;
    } else if (fine) {
        m_sloFine = toSloSamples(points, kSloFineSeconds);
        m_sloFineLoaded = true;
        m_sloErrorText.clear();
    } else {
        m_sloCoarse = toSloSamples(points, kSloCoarseSeconds);
        m_sloCoarseLoaded = true;
        m_sloErrorText.clear();
    }
    updateSlo();
}

void RegionDetailPanel::updateSlo()
{
    if (m_region.isEmpty())
        return;
    const Region *region = m_model->region(m_region);
    const double target = region ? region->sloAvailability : 0;
    const QString invalid = region ? slo::validateTarget(target) : QString();
    QString problem = invalid.isEmpty() ? m_sloErrorText : invalid;
    const bool loaded = m_sloCoarseLoaded && m_sloFineLoaded;
    m_sloError->setVisible(!problem.isEmpty());
    m_sloError->setText(problem);
    if (!problem.isEmpty()) {
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, theme::statusColor(HealthStatus::Down, pal));
        m_sloError->setPalette(pal);
    }
    const QPalette pal = palette();
    if (!region || !loaded || !invalid.isEmpty()) {
        m_availability->setText(!invalid.isEmpty() ? tr("–") : tr("Loading…"));
        m_sloState->setText(region ? tr("target %1").arg(percentText(target, 2)) : QString());
        m_budgetBar->setValue(0);
        m_budgetLabel->setText(QString());
        return;
    }
    const QList<slo::Sample> samples = slo::combine(m_sloCoarse, m_sloFine);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const slo::BudgetStatus budget = slo::budget(samples, target, now);
    if (!budget.hasData) {
        m_availability->setText(tr("no data"));
        m_sloState->setText(tr("target %1").arg(percentText(target, 2)));
        m_budgetBar->setValue(0);
        m_budgetLabel->setText(tr("No samples in the last 30 days."));
    } else {
        const bool met = budget.availability >= target;
        m_availability->setText(percentText(budget.availability, 3));
        QPalette statePal = pal;
        statePal.setColor(
            QPalette::WindowText,
            theme::statusColor(met ? HealthStatus::Healthy : HealthStatus::Down, pal));
        m_sloState->setPalette(statePal);
        m_sloState->setText(met ? tr("✔ meets the target of %1").arg(percentText(target, 2))
                                : tr("✖ below the target of %1").arg(percentText(target, 2)));
        const double left = budget.remainingFraction;
        m_budgetBar->setValue(int(std::clamp(left, 0.0, 1.0) * 1000));
        const HealthStatus look = left <= 0     ? HealthStatus::Down
                                  : left < 0.25 ? HealthStatus::Degraded
                                                : HealthStatus::Healthy;
        QPalette barPal = m_budgetBar->palette();
        barPal.setColor(QPalette::Highlight, theme::statusColor(look, pal));
        m_budgetBar->setPalette(barPal);
        QString text = left > 0 ? tr("%1 left · %2 of %3 min of full outage")
                                      .arg(percentText(left, 1),
                                           QLocale().toString(budget.remainingMinutes, 'f', 2),
                                           QLocale().toString(budget.budgetMinutes, 'f', 2))
                                : tr("Exhausted: overspent by %1 (%2 min over the %3 min allowed)")
                                      .arg(percentText(-left, 1),
                                           QLocale().toString(-budget.remainingMinutes, 'f', 2),
                                           QLocale().toString(budget.budgetMinutes, 'f', 2));
        if (budget.coverage < 0.99)
            text += QLatin1Char(' ') +
                    tr("(data covers %1 of the 30 days)").arg(percentText(budget.coverage, 0));
        m_budgetLabel->setText(text);
    }

    const QList<slo::AlertStatus> alerts = slo::evaluateAlerts(samples, target, now);
    for (int i = 0; i < alerts.size() && i < m_alerts->topLevelItemCount(); ++i) {
        const slo::AlertStatus &a = alerts[i];
        QTreeWidgetItem *item = m_alerts->topLevelItem(i);
        HealthStatus look = HealthStatus::Unknown;
        if (a.state == slo::AlertState::Ok)
            look = HealthStatus::Healthy;
        else if (a.state == slo::AlertState::Firing)
            look = a.rule.severity == slo::Severity::Page ? HealthStatus::Down
                                                          : HealthStatus::Degraded;
        item->setData(2, kStatusRole, int(look));
        if (a.state == slo::AlertState::NoData) {
            item->setText(1, tr("–"));
            item->setText(2, slo::stateText(a.state));
            item->setToolTip(2, tr("Not enough samples in the %1 or the %2 window.")
                                    .arg(slo::windowText(a.rule.longWindowMs),
                                         slo::windowText(a.rule.shortWindowMs)));
            continue;
        }
        item->setText(1, tr("%1× / %2×")
                             .arg(QLocale().toString(a.longBurnRate, 'f', 1),
                                  QLocale().toString(a.shortBurnRate, 'f', 1)));
        // When firing: how long the budget that is left lasts at the current (short-window) rate.
        const QString exhaustion =
            a.timeToExhaustionMs < 0 ? tr("not burning")
            : a.timeToExhaustionMs == 0
                ? tr("budget exhausted")
                : tr("budget gone in %1").arg(durationText(a.timeToExhaustionMs));
        item->setText(2, a.state == slo::AlertState::Firing
                             ? tr("%1 · %2").arg(slo::stateText(a.state), exhaustion)
                             : slo::stateText(a.state));
        item->setToolTip(2, tr("At the current burn rate (%1× over %2): %3")
                                .arg(QLocale().toString(a.shortBurnRate, 'f', 2),
                                     slo::windowText(a.rule.shortWindowMs), exhaustion));
    }
}

void RegionDetailPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_metricsStatus) {
        setMetricsStatus(m_metricsStatus->text(), m_metricsError);
        refreshOperations();
        updateSlo();
    }
}

} // namespace ops
