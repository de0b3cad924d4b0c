#include "costimportdialog.h"

#include "ui/common/theme.h"

#include "models/costtablemodels.h"
#include "services/costclient.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ops {

CostImportDialog::CostImportDialog(CostClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_rejections(new RejectionTableModel(this))
{
    setObjectName(QStringLiteral("costImportDialog"));
    setWindowTitle(tr("Import FOCUS costs"));
    m_file = new QLineEdit(this);
    m_file->setPlaceholderText(tr("A FOCUS 1.0–1.2 cost export, .csv or .csv.gz"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("File"), this));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_validateOnly = new QCheckBox(tr("Validate only (write nothing)"), this);
    m_acceptPartial = new QCheckBox(tr("Import the accepted rows even if some are refused"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("costImportRate"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("costImportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rejectionsView = new QTableView(this);
    m_rejectionsView->setObjectName(QStringLiteral("costImportRejections"));
    m_rejectionsView->setModel(m_rejections);
    m_rejectionsView->verticalHeader()->hide();
    m_rejectionsView->horizontalHeader()->setSectionResizeMode(RejectionTableModel::ReasonColumn,
                                                               QHeaderView::Stretch);
    m_rejectionsView->setAlternatingRowColors(true);
    m_rejectionsView->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    // Import must not close the dialog: the report shows here.
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_start, &QPushButton::clicked, this, &CostImportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &CostImportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &CostImportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, &CostImportDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_validateOnly);
    layout->addWidget(m_acceptPartial);
    layout->addWidget(m_progress);
    layout->addWidget(m_rate);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejectionsView, 1);
    layout->addWidget(buttons);
    resize(640, 420);
    updateButtons();
}

CostImportDialog::~CostImportDialog()
{
    if (m_job)
        m_job->cancel();
}

void CostImportDialog::setFile(const QString &path)
{
    m_file->setText(path);
}

void CostImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import FOCUS costs"), QFileInfo(m_file->text()).absolutePath(),
        tr("FOCUS cost exports (*.csv *.csv.gz *.gz);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void CostImportDialog::start()
{
    if (m_job || !m_client)
        return;
    const QString path = m_file->text().trimmed();
    if (path.isEmpty())
        return;
    m_report = {};
    m_sent = 0;
    m_rejections->setRejections({});
    m_rejectionsView->setVisible(false);
    m_summary->setPalette(palette());
    m_summary->setText(tr("Sending %1…").arg(QFileInfo(path).fileName()));
    m_rate->clear();
    m_progress->setRange(0, 0); // busy until the first progress
    ImportOptions options;
    options.validateOnly = m_validateOnly->isChecked();
    options.acceptPartial = m_acceptPartial->isChecked();
    m_job = m_client->importFile(path, options, this);
    connect(m_job, &CostImport::progress, this, &CostImportDialog::onProgress);
    connect(m_job, &CostImport::finished, this, &CostImportDialog::onFinished);
    updateButtons();
}

void CostImportDialog::cancel()
{
    if (m_job)
        m_job->cancel();
}

void CostImportDialog::reject()
{
    if (m_job) {
        cancel(); // finished() follows; the dialog stays to show that nothing was written
        return;
    }
    QDialog::reject();
}

void CostImportDialog::onProgress(qint64 sent, qint64 total, double rowsPerSecond)
{
    m_sent = sent;
    const QLocale locale;
    if (total > 0) {
        // Percent of the bytes: a QProgressBar's int range cannot hold multi-GB byte counts.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<qint64>(1000, sent * 1000 / total)));
    }
    QString text =
        tr("%1 of %2 sent").arg(locale.formattedDataSize(sent), locale.formattedDataSize(total));
    if (rowsPerSecond >= 0)
        text += tr(" · %1 rows/s").arg(locale.toString(qRound64(rowsPerSecond)));
    if (sent >= total)
        text += tr(" · platformd is checking and writing…");
    m_rate->setText(text);
}

void CostImportDialog::onFinished(const ImportReport &report, const CostError &error)
{
    m_job.clear();
    m_report = report;
    if (!error.isError()) // the upload is over: no "checking and writing" any more
        m_rate->setText(tr("%1 sent").arg(QLocale().formattedDataSize(m_sent)));
    m_progress->setRange(0, 1);
    m_progress->setValue(error.isError() ? 0 : 1);
    const QLocale locale;
    if (error.isError()) {
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
        m_summary->setPalette(pal);
        m_summary->setText(error.text);
        updateButtons();
        return;
    }
    QStringList lines;
    QString outcome;
    if (report.written)
        outcome = tr("Imported.");
    else if (m_validateOnly->isChecked() && report.rowsRejected == 0)
        outcome = tr("Valid: nothing was written (validate only).");
    else if (m_validateOnly->isChecked())
        outcome = tr("Not valid: nothing was written (validate only).");
    else
        outcome = tr("Refused: nothing was written.");
    lines << tr("%1 %2 of %3 rows accepted, %4 refused.")
                 .arg(outcome, locale.toString(report.rowsAccepted),
                      locale.toString(report.rowsRead), locale.toString(report.rowsRejected));
    QStringList details;
    if (!report.focusVersion.isEmpty())
        details << tr("FOCUS %1").arg(report.focusVersion);
    if (!report.currency.isEmpty())
        details << report.currency;
    if (report.rowsPerSecond > 0)
        details << tr("%1 rows/s").arg(locale.toString(qRound64(report.rowsPerSecond)));
    if (!report.replacedPeriods.isEmpty())
        details << tr("replaced %1").arg(report.replacedPeriods.join(QStringLiteral(", ")));
    if (!details.isEmpty())
        lines << details.join(QStringLiteral(" · "));
    QStringList providers;
    for (const auto &[provider, amount] : report.effectiveCostByProvider)
        providers << QStringLiteral("%1 %2").arg(provider, money::displayText(amount));
    // Totals only of what was (or would be) imported: a refused file imports nothing.
    if (!providers.isEmpty() && report.rowsAccepted > 0 &&
        (report.written || m_validateOnly->isChecked()))
        lines << tr("Effective cost: %1").arg(providers.join(QStringLiteral(", ")));
    if (!report.unknownColumns.isEmpty())
        lines << tr("Kept provider columns: %1")
                     .arg(report.unknownColumns.join(QStringLiteral(", ")));
    for (const QString &note : report.notes)
        lines << note;
    if (report.rowsRejected > report.rejections.size())
        lines << tr("The first %1 refusals are listed.").arg(report.rejections.size());
    QPalette pal = palette();
    if (report.rowsRejected > 0)
        pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
    m_summary->setPalette(pal);
    m_summary->setText(lines.join(u'\n'));
    m_rejections->setRejections(report.rejections);
    m_rejectionsView->setVisible(!report.rejections.isEmpty());
    m_rejectionsView->resizeColumnToContents(RejectionTableModel::RowColumn);
    m_rejectionsView->resizeColumnToContents(RejectionTableModel::FocusColumn);
    updateButtons();
    if (report.written)
        emit imported(report);
}

void CostImportDialog::updateButtons()
{
    const bool running = !m_job.isNull();
    m_start->setEnabled(!running && !m_file->text().trimmed().isEmpty());
    m_cancel->setText(running ? tr("Cancel") : tr("Close"));
    m_file->setEnabled(!running);
    m_validateOnly->setEnabled(!running);
    m_acceptPartial->setEnabled(!running);
}

QString CostImportDialog::summaryText() const
{
    return m_summary->text();
}

QString CostImportDialog::rateText() const
{
    return m_rate->text();
}

} // namespace ops
