#pragma once

#include "kpievaluation.h"

#include <QString>
#include <QWidget>

namespace ops {

// One KPI as a manager reads it: a title, a big actual value, the target, and the state shown by
// colour, shape and word (met: green circle, at risk: amber triangle, missed: red crossed square).
class KpiTile : public QWidget
{
    Q_OBJECT
public:
    explicit KpiTile(const QString &title, const QString &targetText, QWidget *parent = nullptr);

    void setValue(const QString &value, kpi::State state, const QString &detail = {});

    QString title() const { return m_title; }
    QString valueText() const { return m_value; }
    QString targetText() const { return m_target; }
    QString detailText() const { return m_detail; }
    kpi::State state() const { return m_state; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QFont valueFont() const;

    QString m_title;
    QString m_target;
    QString m_value;
    QString m_detail;
    kpi::State m_state = kpi::State::NoData;
};

} // namespace ops
