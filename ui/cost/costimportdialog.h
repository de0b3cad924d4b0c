#pragma once

#include "models/cost.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ops {

class CostClient;
class CostImport;
class RejectionTableModel;

// Imports a FOCUS cost export the user picks (.csv or .csv.gz): progress in bytes and rows/s,
// cancellable, then the report — rows accepted and refused, FOCUS version, the periods replaced,
// notes on quirks read — and every refused row with its column and reason in a table.
class CostImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CostImportDialog(CostClient *client, QWidget *parent = nullptr);
    ~CostImportDialog() override;

    void setFile(const QString &path);
    void start();
    void cancel();
    bool isRunning() const { return !m_job.isNull(); }

    QLineEdit *fileEdit() const { return m_file; }
    QCheckBox *validateOnlyBox() const { return m_validateOnly; }
    QCheckBox *acceptPartialBox() const { return m_acceptPartial; }
    QPushButton *startButton() const { return m_start; }
    QProgressBar *progressBar() const { return m_progress; }
    RejectionTableModel *rejectionsModel() const { return m_rejections; }
    QTableView *rejectionsView() const { return m_rejectionsView; }
    QString summaryText() const;
    QString rateText() const;
    const ImportReport &report() const { return m_report; }

signals:
    void imported(const ops::ImportReport &report); // written to platformd

protected:
    void reject() override; // Escape/Close while running cancels first

private:
    void browse();
    void onProgress(qint64 sent, qint64 total, double rowsPerSecond);
    void onFinished(const ImportReport &report, const CostError &error);
    void updateButtons();

    CostClient *m_client;
    QPointer<CostImport> m_job;
    QLineEdit *m_file;
    QCheckBox *m_validateOnly;
    QCheckBox *m_acceptPartial;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QLabel *m_summary;
    RejectionTableModel *m_rejections;
    QTableView *m_rejectionsView;
    ImportReport m_report;
    qint64 m_sent = 0;
};

} // namespace ops
