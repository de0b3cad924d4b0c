#include "drillspage.h"

#include "compliancewidgets.h"

#include "models/compliancerecordmodels.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace {
constexpr int kMaxNote = 1000; // bytes, platformd's limit
constexpr int kQuarterDays = 92;
} // namespace

DrillsPage::DrillsPage(FailoverDrillModel *drills, QWidget *parent)
    : QWidget(parent)
    , m_drills(drills)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("drillSummary"));
    m_summary->setWordWrap(true);
    m_record = compliancewidgets::makeButton(tr("Record drill…"),
                                             QStringLiteral("recordDrillButton"), this);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_record);
    layout->addLayout(bar);
    m_table = compliancewidgets::makeTable(drills, QStringLiteral("drillTable"), this);
    m_table->sortByColumn(FailoverDrillModel::TimeColumn, Qt::DescendingOrder);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(tr("No failover drill is recorded yet."), this);
    m_empty->setObjectName(QStringLiteral("drillsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty, 1);
    connect(drills, &QAbstractItemModel::modelReset, this, &DrillsPage::update);
    update();
}

void DrillsPage::setNow(const QDateTime &now)
{
    m_now = now;
    update();
}

void DrillsPage::update()
{
    const QList<FailoverDrill> &drills = m_drills->drills();
    m_table->setVisible(!drills.isEmpty());
    m_empty->setVisible(drills.isEmpty());
    QDateTime newest;
    for (const FailoverDrill &d : drills)
        if (!newest.isValid() || d.drillTime > newest)
            newest = d.drillTime;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (!newest.isValid()) {
        m_summary->setText(tr("The failover-drills check wants a drill within the last quarter."));
        m_summary->setStyleSheet(QStringLiteral("color: #c62828;"));
        return;
    }
    // Elapsed whole days (as the server's check counts), not calendar days: 3 h ago is 0 days.
    const int days = int(newest.secsTo(now) / 86400);
    m_summary->setText(tr("The newest drill ran %n day(s) ago; the failover-drills check wants "
                          "one within the last quarter.",
                          nullptr, std::max(0, days)));
    m_summary->setStyleSheet(days > kQuarterDays ? QStringLiteral("color: #c62828;") : QString());
}

DrillDialog::DrillDialog(const QStringList &regions, const QDateTime &now, QWidget *parent)
    : ComplianceActionDialog(
          QStringLiteral("drillDialog"), tr("Record a failover drill"),
          tr("A drill in which a region's traffic was failed away to the others. The "
             "failover-drills check reads the newest."),
          tr("Record drill"), parent)
    , m_now(now.toUTC())
{
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("drillRegion"));
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_region->addItems(regions);
    m_region->lineEdit()->setPlaceholderText(QStringLiteral("regions/us-east"));
    if (regions.isEmpty())
        m_region->setCurrentText(QString());
    m_time = new QDateTimeEdit(m_now, this);
    m_time->setObjectName(QStringLiteral("drillTime"));
    m_time->setTimeSpec(Qt::UTC);
    m_time->setCalendarPopup(true);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_time->setMaximumDateTime(m_now);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("drillNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What was drilled and how it went"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    form()->addRow(tr("Region:"), m_region);
    form()->addRow(tr("Ran at (UTC):"), m_time);
    form()->addRow(tr("Note:"), m_note);
    resize(500, sizeHint().height());
}

void DrillDialog::accept()
{
    if (isBusy())
        return;
    QString region = m_region->currentText().trimmed();
    if (!region.isEmpty() && !region.contains(u'/'))
        region.prepend(QStringLiteral("regions/"));
    static const QRegularExpression name(QStringLiteral("^regions/[^/\\s]+$"));
    if (!name.match(region).hasMatch())
        return showError(tr("Choose the region, e.g. regions/us-east."));
    const QDateTime time = m_time->dateTime().toUTC();
    if (time > m_now)
        return showError(tr("The drill cannot be in the future."));
    const QString note = m_note->toPlainText().trimmed();
    if (note.isEmpty())
        return showError(tr("Note what was drilled and how it went."));
    if (note.toUtf8().size() > kMaxNote)
        return showError(tr("The note is too long: at most %1 bytes.").arg(kMaxNote));
    showProgress(tr("Recording…"));
    emit drillReady(region, time, note);
}

} // namespace ops
