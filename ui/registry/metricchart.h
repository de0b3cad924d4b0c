#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QChart;
class QChartView;

namespace ops {

// The registry's one door to Qt Charts (deprecated after Qt 6.10 for Qt Graphs: a migration
// changes this file only). Plots one metric across the versions of a model, as a line with
// points or as bars.
class MetricChart : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Line, Bars };

    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    // Points are (version, value), in any order; an empty list shows `emptyText`.
    void setData(const QString &metric, const QList<QPair<qint64, double>> &points);
    void setKind(Kind kind);
    void setEmptyText(const QString &text);
    int pointCount() const { return int(m_points.size()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QChartView *m_view;
    QString m_metric;
    QString m_emptyText;
    QList<QPair<qint64, double>> m_points;
    Kind m_kind = Kind::Line;
};

} // namespace ops
