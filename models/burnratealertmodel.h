#pragma once

#include "region.h"
#include "slo.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace ops {

// The SLO's burn-rate alerts as a table, one row per rule of slo::defaultRules() (the Region
// detail's alerts view): the rule, the long / short window burn rates, the state. Rows start
// without data; setAlerts() fills them from an evaluation.
class BurnRateAlertModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RuleColumn, BurnRateColumn, StateColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        StatusRole = Qt::UserRole + 1, // int(HealthStatus): how the state column looks
    };

    explicit BurnRateAlertModel(QObject *parent = nullptr);

    // One status per rule, in the rules' order (slo::evaluateAlerts()); extra ones are ignored.
    void setAlerts(const QList<slo::AlertStatus> &alerts);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Texts are formatted once per evaluation, so data() stays a lookup.
    struct Row
    {
        QString text[ColumnCount];
        QString toolTip[ColumnCount];
        HealthStatus look = HealthStatus::Unknown;
    };
    QList<Row> m_rows;
};

} // namespace ops
