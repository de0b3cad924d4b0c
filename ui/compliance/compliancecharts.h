#pragma once

#include "models/compliance.h"

#include <QList>
#include <QPixmap>
#include <QWidget>

namespace ops {

// The adapter around Qt Charts for the compliance panel (the migration to Qt Graphs stays here).
// Framework scores over time, 0–100 %, one line per framework; the highlighted one drawn wide.
class ComplianceTrendChart : public QWidget
{
    Q_OBJECT
public:
    explicit ComplianceTrendChart(QWidget *parent = nullptr);
    ~ComplianceTrendChart() override;

    // `only`: a framework name to chart alone; empty: every framework.
    void setFrameworks(const QList<Framework> &frameworks, const QString &only = {});
    QStringList seriesNames() const; // the display names charted, in order
    int pointCount(int series) const;

    // The chart drawn at `size` for the PDF report (white background, light theme).
    static QPixmap render(const QList<Framework> &frameworks, const QString &only,
                          const QDateTime &start, const QDateTime &end, const QSize &size);

protected:
    void changeEvent(QEvent *event) override;

private:
    class Private;
    Private *d;
};

} // namespace ops
