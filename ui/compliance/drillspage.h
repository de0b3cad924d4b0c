#pragma once

#include "complianceactiondialog.h"

#include "models/compliance.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace ops {

class FailoverDrillModel;

// The Failover drills tab: the drills recorded, newest first (the failover-drills check wants one
// within the last quarter), and Record drill… for operators.
class DrillsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DrillsPage(FailoverDrillModel *drills, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QToolButton *recordButton() const { return m_record; }
    QLabel *summaryLabel() const { return m_summary; }
    void setNow(const QDateTime &now); // for "the newest drill was N days ago"

private:
    void update();

    FailoverDrillModel *m_drills;
    QTableView *m_table;
    QToolButton *m_record;
    QLabel *m_summary;
    QLabel *m_empty;
    QDateTime m_now;
};

// Records one drill: the region failed away from (the console's regions, or typed as
// regions/{id}), when it ran (UTC, not in the future) and how it went.
class DrillDialog : public ComplianceActionDialog
{
    Q_OBJECT
public:
    DrillDialog(const QStringList &regions, const QDateTime &now, QWidget *parent = nullptr);

    QComboBox *regionCombo() const { return m_region; }
    QDateTimeEdit *timeEdit() const { return m_time; }
    QPlainTextEdit *noteEdit() const { return m_note; }

    void accept() override; // validates, then emits drillReady

signals:
    void drillReady(const QString &region, const QDateTime &time, const QString &note);

private:
    QDateTime m_now;
    QComboBox *m_region;
    QDateTimeEdit *m_time;
    QPlainTextEdit *m_note;
};

} // namespace ops
