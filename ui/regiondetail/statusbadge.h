#pragma once

#include "models/region.h"

#include <QWidget>

namespace ops {

// A status as the tables show it (StatusBadgeDelegate's shape and colour) plus its text, as a
// label.
class StatusBadge : public QWidget
{
    Q_OBJECT
public:
    explicit StatusBadge(QWidget *parent = nullptr);

    void setStatus(HealthStatus status, const QString &text);
    HealthStatus status() const { return m_status; }
    QString text() const { return m_text; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    HealthStatus m_status = HealthStatus::Unknown;
    QString m_text;
};

} // namespace ops
