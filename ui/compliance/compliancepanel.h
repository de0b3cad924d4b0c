#pragma once

#include "models/compliance.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QDateEdit;
class QLabel;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace ops {

class ApplyRetentionDialog;
class AuditClient;
class CatalogTableModel;
class CatalogsPage;
class CompletePrivacyRequestDialog;
class ComplianceClient;
class ControlEditDialog;
class DrillDialog;
class DrillsPage;
class FailoverDrillModel;
class ComplianceTrendChart;
class ControlsPage;
class EvidenceDialog;
class FindingTableModel;
class FrameworkTableModel;
class IdentityClient;
class PrivacyPage;
class PrivacyQueueModel;
class PrivacyRequestDialog;
class RetentionPolicyDialog;
class RetentionTableModel;

// The Compliance panel, for compliance officers: framework scores with their trend, the control
// table with each control's requirements across frameworks, evidence and check history, findings,
// the privacy queue counting down to its legal deadlines, retention, OSCAL catalogs and failover
// drills. Actions, each enabled by the caller's permissions (platformd enforces them): run checks
// now (checks.run), add evidence (evidence.write), new/complete privacy requests (privacy.write),
// edit controls and retention, apply retention, import OSCAL (compliance.write), record failover
// drills (drills.write). CSV of every table, OSCAL assessment results and the officer's PDF report
// for a framework and period (with the console's own verification of the audit chain).
class CompliancePanel : public QWidget
{
    Q_OBJECT
public:
    enum Tab { FrameworksTab, ControlsTab, FindingsTab, PrivacyTab, CatalogsTab, DrillsTab };

    CompliancePanel(ComplianceClient *client, IdentityClient *identity, AuditClient *audit,
                    QWidget *parent = nullptr);
    ~CompliancePanel() override;

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *frameworkCombo() const { return m_framework; }
    QComboBox *periodCombo() const { return m_period; }
    FrameworkTableModel *frameworksModel() const { return m_frameworks; }
    QTableView *frameworksTable() const { return m_frameworksTable; }
    ComplianceTrendChart *trendChart() const { return m_chart; }
    ControlsPage *controlsPage() const { return m_controls; }
    FindingTableModel *findingsModel() const { return m_findings; }
    PrivacyQueueModel *privacyModel() const { return m_privacy; }
    RetentionTableModel *retentionModel() const { return m_retention; }
    QToolButton *runChecksButton() const { return m_runChecks; }
    QToolButton *reportButton() const { return m_report; }
    QToolButton *oscalButton() const { return m_oscal; }
    QToolButton *csvButton() const { return m_csv; }
    PrivacyPage *privacyPage() const { return m_privacyPage; }
    CatalogsPage *catalogsPage() const { return m_catalogsPage; }
    DrillsPage *drillsPage() const { return m_drillsPage; }
    CatalogTableModel *catalogsModel() const { return m_catalogs; }
    FailoverDrillModel *drillsModel() const { return m_drills; }
    QDateEdit *periodFromEdit() const { return m_periodFrom; }
    QDateEdit *periodToEdit() const { return m_periodTo; }
    QString messageText() const;
    QString framework() const; // the chosen framework's name; "" for none
    QDateTime periodStart() const;
    QDateTime periodEnd() const;
    // A custom period (the "Custom dates" choice): whole UTC days from `from` through `to`.
    void setCustomPeriod(const QDate &from, const QDate &to);

    // "Now" for countdowns and overdue marks (default: the clock); screenshots pin it.
    void setNow(const QDateTime &now);
    QDateTime now() const;

    void refreshAll();
    void setFramework(const QString &name); // chooses it here and in the control filter
    void openControl(const QString &name);  // the Controls tab with the control selected
    void runChecks();
    EvidenceDialog *openEvidenceDialog(); // for the selected control; null when none
    // The actions' dialogs, open (window-modal) when this returns; null when the action has no
    // subject (no selected control, open request or policy). The panel sends what they produce.
    PrivacyRequestDialog *openPrivacyRequestDialog();
    CompletePrivacyRequestDialog *openCompletePrivacyDialog(); // the selected open request
    ControlEditDialog *openControlEditDialog();                // the selected control
    RetentionPolicyDialog *openRetentionPolicyDialog();        // the selected policy
    ApplyRetentionDialog *openApplyRetentionDialog();          // asks for the preview first
    DrillDialog *openDrillDialog();
    // Reads the file off the GUI thread and imports it; the answer comes with oscalImported.
    void importOscalFile(const QString &path);
    // The regions the drill dialog offers ("regions/us-east"); the app passes its region list.
    void setRegions(const QStringList &regions);
    // The table of `tab` (for the Controls tab: the filtered controls) as CSV, atomically.
    bool exportCsv(int tab, const QString &path, QString *error) const;
    // The server's OSCAL assessment results for the chosen framework and period, saved as they
    // are; the answer comes with oscalWritten.
    void exportOscal(const QString &path);
    // The officer's PDF report for the chosen framework and period; gathers the evidence and
    // verifies the audit chain first, then writes atomically; the answer comes with reportWritten.
    void writeReport(const QString &path);

signals:
    void frameworksLoaded();
    void controlsLoaded();
    void findingsLoaded();
    void privacyLoaded();
    void retentionLoaded();
    void controlDetailLoaded(const QString &control);
    void checksFinished(const ops::RunChecksResult &result, const ops::ComplianceError &error);
    void evidenceAdded(const ops::Evidence &evidence);
    void oscalWritten(const QString &path, const QString &error);
    void reportWritten(const QString &path, const QString &error);
    void catalogsLoaded();
    void drillsLoaded();
    void privacyRequestCreated(const ops::PrivacyRequest &request);
    void privacyRequestCompleted(const ops::PrivacyRequest &request);
    void controlUpdated(const ops::Control &control);
    void retentionPolicyUpdated(const ops::RetentionPolicy &policy);
    void retentionPreviewed(const ops::RetentionResult &result, const ops::ComplianceError &error);
    void retentionApplied(const ops::RetentionResult &result);
    void oscalImported(const ops::OscalCatalog &catalog, const QString &error);
    void drillRecorded(const ops::FailoverDrill &drill);

private:
    void loadFrameworks();
    void loadControls();
    void loadFindings();
    void loadPrivacy();
    void loadControlDetail(const QString &name);
    void loadCatalogs();
    void loadDrills();
    void updatePermissions();
    void updateActionPermissions(); // compliancepanelactions.cpp
    void connectActions();          // compliancepanelactions.cpp
    void chooseOscalFile();
    void updatePeriodEditor();
    void updateFrameworkViews();
    void showMessage(const QString &text, bool error);
    void saveCsv();
    void saveOscal();
    void saveReport();
    const QAbstractItemModel *tableModel(int tab) const;

    ComplianceClient *m_client;
    IdentityClient *m_identity;
    AuditClient *m_audit;
    QTabWidget *m_tabs;
    QComboBox *m_framework;
    QComboBox *m_period;
    QToolButton *m_refresh;
    QToolButton *m_runChecks;
    QToolButton *m_csv;
    QToolButton *m_oscal;
    QToolButton *m_report;
    QLabel *m_message;
    FrameworkTableModel *m_frameworks;
    QTableView *m_frameworksTable;
    ComplianceTrendChart *m_chart;
    ControlsPage *m_controls;
    FindingTableModel *m_findings;
    PrivacyQueueModel *m_privacy;
    RetentionTableModel *m_retention;
    PrivacyPage *m_privacyPage;
    CatalogTableModel *m_catalogs;
    CatalogsPage *m_catalogsPage;
    FailoverDrillModel *m_drills;
    DrillsPage *m_drillsPage;
    QDateEdit *m_periodFrom;
    QDateEdit *m_periodTo;
    QWidget *m_periodRange;
    QStringList m_regions;
    QTimer *m_tick;
    QDateTime m_pinnedNow;
    QHash<QString, QString> m_checkTitles;
    bool m_reportBusy = false;
};

} // namespace ops
