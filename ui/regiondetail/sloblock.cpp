#include "sloblock.h"

#include "detailhelpers.h"

#include "models/burnratealertmodel.h"
#include "models/percenttext.h"
#include "models/regiontreemodel.h"
#include "services/regionclient.h"
#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {

using namespace regiondetail;

namespace {

constexpr int kRefreshMs = 60 * 1000;
constexpr int kFineSeconds = 60;
constexpr qint64 kFineWindowMs = 6 * slo::kHourMs;
constexpr int kCoarseSeconds = 3600;

QList<slo::Sample> toSloSamples(const QList<MetricPoint> &points, int resolutionSeconds)
{
    QList<slo::Sample> out;
    out.reserve(points.size());
    for (const MetricPoint &p : points)
        out.append({p.time.toMSecsSinceEpoch(), qint64(resolutionSeconds) * 1000, p.availability,
                    p.throughputRps});
    return out;
}

} // namespace

// The texts keep the context of the panel they were written for, and so their translations.
SloBlock::SloBlock(RegionTreeModel *model, RegionClient *client, QWidget *parent)
    : QGroupBox(QCoreApplication::translate("ops::RegionDetailPanel",
                                            "Availability and error budget (30 days)"),
                parent)
    , m_model(model)
    , m_client(client)
    , m_alertModel(new BurnRateAlertModel(this))
    , m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(12);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *availabilityRow = new QHBoxLayout;
    m_availability = valueLabel(this);
    m_availability->setObjectName(QStringLiteral("regionDetailAvailability"));
    QFont bold = font();
    bold.setBold(true);
    m_availability->setFont(bold);
    m_availability->setWordWrap(false);
    m_state = valueLabel(this);
    m_state->setObjectName(QStringLiteral("regionDetailSloState"));
    availabilityRow->addWidget(m_availability);
    availabilityRow->addSpacing(8);
    availabilityRow->addWidget(m_state, 1);
    form->addRow(QCoreApplication::translate("ops::RegionDetailPanel", "Availability"),
                 availabilityRow);

    auto *budgetRow = new QVBoxLayout;
    budgetRow->setSpacing(2);
    m_budgetBar = new QProgressBar(this);
    m_budgetBar->setObjectName(QStringLiteral("regionDetailBudgetBar"));
    m_budgetBar->setRange(0, 1000);
    m_budgetBar->setTextVisible(false);
    m_budgetBar->setMaximumHeight(fontMetrics().height() * 2 / 3 + 4);
    m_budgetLabel = valueLabel(this);
    m_budgetLabel->setObjectName(QStringLiteral("regionDetailBudget"));
    budgetRow->addWidget(m_budgetBar);
    budgetRow->addWidget(m_budgetLabel);
    form->addRow(QCoreApplication::translate("ops::RegionDetailPanel", "Error budget left"),
                 budgetRow);
    layout->addLayout(form);

    m_alerts = new QTreeView(this);
    m_alerts->setObjectName(QStringLiteral("regionDetailAlerts"));
    setupTable(m_alerts);
    m_alerts->setModel(m_alertModel);
    m_alerts->setItemDelegateForColumn(
        BurnRateAlertModel::StateColumn,
        new StatusBadgeDelegate(BurnRateAlertModel::StatusRole, m_alerts));
    m_alerts->setToolTip(QCoreApplication::translate(
        "ops::RegionDetailPanel",
        "Multi-window, multi-burn-rate alerts (Google SRE workbook): an alert fires when the "
        "error budget burns faster than its rate over both its long and its short window. "
        "Burn rate 1 spends exactly the 30-day budget in 30 days."));
    m_alerts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    fitHeight(m_alerts);
    layout->addWidget(m_alerts);
    m_error = valueLabel(this);
    m_error->setObjectName(QStringLiteral("regionDetailSloError"));
    m_error->hide();
    layout->addWidget(m_error);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &SloBlock::fetch);
}

SloBlock::~SloBlock() = default;

void SloBlock::setRegion(const QString &region)
{
    m_region = region;
    ++m_generation;
    m_timer->stop();
    if (region.isEmpty())
        return;
    m_coarse.clear();
    m_fine.clear();
    m_coarseLoaded = m_fineLoaded = false;
    m_errorText.clear();
    refresh();
    fetch();
    m_timer->start();
}

QString SloBlock::budgetText() const
{
    return m_budgetLabel->text();
}

QString SloBlock::availabilityText() const
{
    return m_availability->text();
}

QString SloBlock::statusText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SloBlock::fetch()
{
    if (m_region.isEmpty() || !m_client)
        return;
    const quint64 generation = ++m_generation;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    QPointer<SloBlock> self(this);
    m_client->fetchMetrics(
        m_region, end.addMSecs(-slo::kBudgetWindowMs), end, kCoarseSeconds,
        [self, generation](const QList<MetricPoint> &points, const QString &error) {
            if (self)
                self->fetched(generation, false, points, error);
        });
    m_client->fetchMetrics(
        m_region, end.addMSecs(-kFineWindowMs), end, kFineSeconds,
        [self, generation](const QList<MetricPoint> &points, const QString &error) {
            if (self)
                self->fetched(generation, true, points, error);
        });
}

void SloBlock::fetched(quint64 generation, bool fine, const QList<MetricPoint> &points,
                       const QString &error)
{
    if (generation != m_generation)
        return;
    if (!error.isEmpty()) {
        m_errorText = error;
    } else if (fine) {
        m_fine = toSloSamples(points, kFineSeconds);
        m_fineLoaded = true;
        m_errorText.clear();
    } else {
        m_coarse = toSloSamples(points, kCoarseSeconds);
        m_coarseLoaded = true;
        m_errorText.clear();
    }
    refresh();
}

void SloBlock::refresh()
{
    if (m_region.isEmpty())
        return;
    const Region *region = m_model->region(m_region);
    const double target = region ? region->sloAvailability : 0;
    const QString invalid = region ? slo::validateTarget(target) : QString();
    QString problem = invalid.isEmpty() ? m_errorText : invalid;
    const bool loaded = m_coarseLoaded && m_fineLoaded;
    m_error->setVisible(!problem.isEmpty());
    m_error->setText(problem);
    if (!problem.isEmpty()) {
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, theme::statusColor(HealthStatus::Down, pal));
        m_error->setPalette(pal);
    }
    const QPalette pal = palette();
    if (!region || !loaded || !invalid.isEmpty()) {
        m_availability->setText(
            !invalid.isEmpty() ? QCoreApplication::translate("ops::RegionDetailPanel", "–")
                               : QCoreApplication::translate("ops::RegionDetailPanel", "Loading…"));
        m_state->setText(region ? QCoreApplication::translate("ops::RegionDetailPanel", "target %1")
                                      .arg(percentText(target, 2))
                                : QString());
        m_budgetBar->setValue(0);
        m_budgetLabel->setText(QString());
        return;
    }
    const QList<slo::Sample> samples = slo::combine(m_coarse, m_fine);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const slo::BudgetStatus budget = slo::budget(samples, target, now);
    if (!budget.hasData) {
        m_availability->setText(QCoreApplication::translate("ops::RegionDetailPanel", "no data"));
        m_state->setText(QCoreApplication::translate("ops::RegionDetailPanel", "target %1")
                             .arg(percentText(target, 2)));
        m_budgetBar->setValue(0);
        m_budgetLabel->setText(QCoreApplication::translate("ops::RegionDetailPanel",
                                                           "No samples in the last 30 days."));
    } else {
        const bool met = budget.availability >= target;
        m_availability->setText(percentText(budget.availability, 3));
        QPalette statePal = pal;
        statePal.setColor(
            QPalette::WindowText,
            theme::statusColor(met ? HealthStatus::Healthy : HealthStatus::Down, pal));
        m_state->setPalette(statePal);
        m_state->setText(
            met ? QCoreApplication::translate("ops::RegionDetailPanel", "✔ meets the target of %1")
                      .arg(percentText(target, 2))
                : QCoreApplication::translate("ops::RegionDetailPanel", "✖ below the target of %1")
                      .arg(percentText(target, 2)));
        const double left = budget.remainingFraction;
        m_budgetBar->setValue(int(std::clamp(left, 0.0, 1.0) * 1000));
        const HealthStatus look = left <= 0     ? HealthStatus::Down
                                  : left < 0.25 ? HealthStatus::Degraded
                                                : HealthStatus::Healthy;
        QPalette barPal = m_budgetBar->palette();
        barPal.setColor(QPalette::Highlight, theme::statusColor(look, pal));
        m_budgetBar->setPalette(barPal);
        QString text = left > 0
                           ? QCoreApplication::translate("ops::RegionDetailPanel",
                                                         "%1 left · %2 of %3 min of full outage")
                                 .arg(percentText(left, 1),
                                      QLocale().toString(budget.remainingMinutes, 'f', 2),
                                      QLocale().toString(budget.budgetMinutes, 'f', 2))
                           : QCoreApplication::translate(
                                 "ops::RegionDetailPanel",
                                 "Exhausted: overspent by %1 (%2 min over the %3 min allowed)")
                                 .arg(percentText(-left, 1),
                                      QLocale().toString(-budget.remainingMinutes, 'f', 2),
                                      QLocale().toString(budget.budgetMinutes, 'f', 2));
        if (budget.coverage < 0.99)
            text +=
                QLatin1Char(' ') + QCoreApplication::translate("ops::RegionDetailPanel",
                                                               "(data covers %1 of the 30 days)")
                                       .arg(percentText(budget.coverage, 0));
        m_budgetLabel->setText(text);
    }

    m_alertModel->setAlerts(slo::evaluateAlerts(samples, target, now));
}

void SloBlock::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_availability)
        refresh();
}

} // namespace ops
