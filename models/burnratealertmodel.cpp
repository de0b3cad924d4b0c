#include "burnratealertmodel.h"

#include "percenttext.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace ops {

namespace {

// "45 min", "3.5 h", "2.0 d"
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

} // namespace

// The texts were the Region detail's own: they keep its translation context.
BurnRateAlertModel::BurnRateAlertModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (const slo::BurnRateRule &rule : slo::defaultRules()) {
        Row row;
        row.text[RuleColumn] =
            QCoreApplication::translate("ops::RegionDetailPanel", "%1 · %2× · %3 / %4")
                .arg(slo::severityText(rule.severity), QLocale().toString(rule.burnRate, 'g', 3),
                     slo::windowText(rule.longWindowMs), slo::windowText(rule.shortWindowMs));
        row.toolTip[RuleColumn] =
            QCoreApplication::translate("ops::RegionDetailPanel",
                                        "%1 when the burn rate exceeds %2× over %3 and over %4 "
                                        "(%5 of the 30-day budget spent in %3)")
                .arg(slo::severityText(rule.severity), QLocale().toString(rule.burnRate, 'g', 3),
                     slo::windowText(rule.longWindowMs), slo::windowText(rule.shortWindowMs),
                     percentText(rule.budgetSpentAtAlert, 0));
        row.text[StateColumn] = slo::stateText(slo::AlertState::NoData);
        m_rows.append(row);
    }
}

void BurnRateAlertModel::setAlerts(const QList<slo::AlertStatus> &alerts)
{
    const int n = std::min(int(alerts.size()), int(m_rows.size()));
    for (int i = 0; i < n; ++i) {
        const slo::AlertStatus &a = alerts[i];
        Row &row = m_rows[i];
        row.look = HealthStatus::Unknown;
        if (a.state == slo::AlertState::Ok)
            row.look = HealthStatus::Healthy;
        else if (a.state == slo::AlertState::Firing)
            row.look = a.rule.severity == slo::Severity::Page ? HealthStatus::Down
                                                              : HealthStatus::Degraded;
        if (a.state == slo::AlertState::NoData) {
            row.text[BurnRateColumn] = QCoreApplication::translate("ops::RegionDetailPanel", "–");
            row.text[StateColumn] = slo::stateText(a.state);
            row.toolTip[StateColumn] =
                QCoreApplication::translate("ops::RegionDetailPanel",
                                            "Not enough samples in the %1 or the %2 window.")
                    .arg(slo::windowText(a.rule.longWindowMs),
                         slo::windowText(a.rule.shortWindowMs));
            continue;
        }
        row.text[BurnRateColumn] =
            QCoreApplication::translate("ops::RegionDetailPanel", "%1× / %2×")
                .arg(QLocale().toString(a.longBurnRate, 'f', 1),
                     QLocale().toString(a.shortBurnRate, 'f', 1));
        // When firing: how long the budget that is left lasts at the current (short-window) rate.
        const QString exhaustion =
            a.timeToExhaustionMs < 0
                ? QCoreApplication::translate("ops::RegionDetailPanel", "not burning")
            : a.timeToExhaustionMs == 0
                ? QCoreApplication::translate("ops::RegionDetailPanel", "budget exhausted")
                : QCoreApplication::translate("ops::RegionDetailPanel", "budget gone in %1")
                      .arg(durationText(a.timeToExhaustionMs));
        row.text[StateColumn] =
            a.state == slo::AlertState::Firing
                ? QCoreApplication::translate("ops::RegionDetailPanel", "%1 · %2")
                      .arg(slo::stateText(a.state), exhaustion)
                : slo::stateText(a.state);
        row.toolTip[StateColumn] =
            QCoreApplication::translate("ops::RegionDetailPanel",
                                        "At the current burn rate (%1× over %2): %3")
                .arg(QLocale().toString(a.shortBurnRate, 'f', 2),
                     slo::windowText(a.rule.shortWindowMs), exhaustion);
    }
    if (n > 0)
        emit dataChanged(index(0, BurnRateColumn), index(n - 1, StateColumn));
}

int BurnRateAlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BurnRateAlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BurnRateAlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.text[index.column()];
    case Qt::ToolTipRole:
        return row.toolTip[index.column()].isEmpty() ? QVariant() : row.toolTip[index.column()];
    case StatusRole:
        return index.column() == StateColumn ? QVariant(int(row.look)) : QVariant();
    default:
        return {};
    }
}

QVariant BurnRateAlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RuleColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Burn-rate alert");
    case BurnRateColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Burn long / short");
    case StateColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "State");
    }
    return {};
}

} // namespace ops
