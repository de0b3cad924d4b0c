#include "compliancepanel.h"

#include "catalogspage.h"
#include "compliancecharts.h"
#include "compliancereport.h"
#include "compliancewidgets.h"
#include "controlspage.h"
#include "drillspage.h"
#include "evidencedialog.h"
#include "privacypage.h"

#include "models/auditchainverifier.h"
#include "models/compliancemodels.h"
#include "models/compliancerecordmodels.h"
#include "models/identity.h"
#include "services/auditclient.h"
#include "services/complianceclient.h"
#include "services/identityclient.h"
#include "ui/registry/csvexport.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QSaveFile>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace ops {

namespace cp = compliance_permissions;

using compliancewidgets::makeButton;
using compliancewidgets::makeTable;

CompliancePanel::CompliancePanel(ComplianceClient *client, IdentityClient *identity,
                                 AuditClient *audit, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_identity(identity)
    , m_audit(audit)
    , m_frameworks(new FrameworkTableModel(this))
    , m_findings(new FindingTableModel(this))
    , m_privacy(new PrivacyQueueModel(this))
    , m_retention(new RetentionTableModel(this))
    , m_catalogs(new CatalogTableModel(this))
    , m_drills(new FailoverDrillModel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("compliancePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QHBoxLayout;
    m_framework = new QComboBox(this);
    m_framework->setObjectName(QStringLiteral("complianceFramework"));
    m_framework->addItem(tr("Every framework"), QString());
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("compliancePeriod"));
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Last 365 days"), 365);
    m_period->addItem(tr("Custom dates"), -1);
    m_period->setCurrentIndex(1);
    m_periodRange = new QWidget(this);
    auto *range = new QHBoxLayout(m_periodRange);
    range->setContentsMargins(0, 0, 0, 0);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_periodFrom = new QDateEdit(today.addDays(-90), m_periodRange);
    m_periodFrom->setObjectName(QStringLiteral("compliancePeriodFrom"));
    m_periodTo = new QDateEdit(today, m_periodRange);
    m_periodTo->setObjectName(QStringLiteral("compliancePeriodTo"));
    for (QDateEdit *edit : {m_periodFrom, m_periodTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_periodFrom->setToolTip(tr("The first day of the period (UTC)"));
    m_periodTo->setToolTip(tr("The last day of the period (UTC), included"));
    range->addWidget(m_periodFrom);
    range->addWidget(new QLabel(QStringLiteral("–"), m_periodRange));
    range->addWidget(m_periodTo);
    m_refresh = makeButton(tr("Refresh"), QStringLiteral("complianceRefresh"), this);
    m_runChecks = makeButton(tr("Run checks now"), QStringLiteral("runChecksButton"), this);
    m_csv = makeButton(tr("Export CSV…"), QStringLiteral("complianceCsv"), this);
    m_oscal = makeButton(tr("Export OSCAL…"), QStringLiteral("complianceOscal"), this);
    m_report = makeButton(tr("PDF report…"), QStringLiteral("complianceReport"), this);
    bar->addWidget(new QLabel(tr("Framework:"), this));
    bar->addWidget(m_framework);
    bar->addWidget(new QLabel(tr("Period:"), this));
    bar->addWidget(m_period);
    bar->addWidget(m_periodRange);
    bar->addStretch();
    for (QToolButton *b : {m_refresh, m_runChecks, m_csv, m_oscal, m_report})
        bar->addWidget(b);
    layout->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("complianceMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("complianceTabs"));
    auto *frameworks = new QSplitter(Qt::Horizontal, m_tabs);
    m_frameworksTable = makeTable(m_frameworks, QStringLiteral("frameworkTable"), frameworks);
    m_frameworksTable->sortByColumn(FrameworkTableModel::NameColumn, Qt::AscendingOrder);
    m_chart = new ComplianceTrendChart(frameworks);
    frameworks->addWidget(m_frameworksTable);
    frameworks->addWidget(m_chart);
    frameworks->setStretchFactor(0, 1);
    frameworks->setStretchFactor(1, 2);
    frameworks->setSizes({470, 930});
    m_tabs->addTab(frameworks, tr("Frameworks"));
    m_controls = new ControlsPage(m_tabs);
    m_tabs->addTab(m_controls, tr("Controls"));
    auto *findingsTable = makeTable(m_findings, QStringLiteral("findingTable"), m_tabs);
    findingsTable->sortByColumn(FindingTableModel::DueColumn, Qt::AscendingOrder);
    m_tabs->addTab(findingsTable, tr("Findings"));
    m_privacyPage = new PrivacyPage(m_privacy, m_retention, m_tabs);
    m_tabs->addTab(m_privacyPage, tr("Privacy requests"));
    m_catalogsPage = new CatalogsPage(m_catalogs, m_tabs);
    m_tabs->addTab(m_catalogsPage, tr("OSCAL catalogs"));
    m_drillsPage = new DrillsPage(m_drills, m_tabs);
    m_tabs->addTab(m_drillsPage, tr("Failover drills"));
    layout->addWidget(m_tabs, 1);

    connect(m_framework, &QComboBox::currentIndexChanged, this, [this] {
        m_controls->setFramework(framework());
        updateFrameworkViews();
    });
    connect(m_controls, &ControlsPage::frameworkChanged, this, [this](const QString &name) {
        m_framework->setCurrentIndex(std::max(0, m_framework->findData(name)));
    });
    connect(m_frameworksTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                const QModelIndexList rows = m_frameworksTable->selectionModel()->selectedRows();
                if (!rows.isEmpty())
                    setFramework(rows.first().data(ComplianceRowsModel::KeyRole).toString());
            });
    // Double-click a framework: its controls.
    connect(m_frameworksTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        setFramework(index.data(ComplianceRowsModel::KeyRole).toString());
        m_tabs->setCurrentIndex(ControlsTab);
    });
    connect(m_controls, &ControlsPage::controlSelected, this, &CompliancePanel::loadControlDetail);
    connect(m_controls, &ControlsPage::addEvidenceRequested, this,
            [this] { openEvidenceDialog(); });
    connect(m_controls->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CompliancePanel::updatePermissions);
    connect(m_refresh, &QToolButton::clicked, this, &CompliancePanel::refreshAll);
    connect(m_runChecks, &QToolButton::clicked, this, &CompliancePanel::runChecks);
    connect(m_csv, &QToolButton::clicked, this, &CompliancePanel::saveCsv);
    connect(m_oscal, &QToolButton::clicked, this, &CompliancePanel::saveOscal);
    connect(m_report, &QToolButton::clicked, this, &CompliancePanel::saveReport);
    connect(m_period, &QComboBox::currentIndexChanged, this, &CompliancePanel::updatePeriodEditor);
    // Keep the custom range a range: the start never after the end, the end never in the future.
    connect(m_periodFrom, &QDateEdit::dateChanged, m_periodTo, &QDateEdit::setMinimumDate);
    connect(m_periodTo, &QDateEdit::dateChanged, m_periodFrom, &QDateEdit::setMaximumDate);
    m_periodTo->setMaximumDate(today);
    m_periodFrom->setMaximumDate(m_periodTo->date());
    m_periodTo->setMinimumDate(m_periodFrom->date());
    connectActions();
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_privacy->setNow(now());
        m_findings->setFindings(m_findings->findings(), now());
        m_drillsPage->setNow(now());
    });
    m_tick->start(60 * 1000);
    // Every table, also the control's requirements, evidence and check history and the retention
    // policies: Export as CSV from its context menu.
    for (QTableView *table : findChildren<QTableView *>()) {
        auto *exportAction = new QAction(tr("Export this table as CSV…"), table);
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
        table->addAction(exportAction);
        connect(exportAction, &QAction::triggered, this, [this, table] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export CSV"), table->objectName() + QStringLiteral(".csv"),
                tr("CSV files (*.csv)"));
            if (path.isEmpty())
                return;
            QString error;
            if (csv::save(*table->model(), path, &error))
                showMessage(tr("Saved %1.").arg(path), false);
            else
                showMessage(error, true);
        });
    }
    if (m_identity)
        connect(m_identity, &IdentityClient::permissionsChanged, this,
                &CompliancePanel::updatePermissions);
    updatePermissions();
    updateFrameworkViews();
    updatePeriodEditor();
}

CompliancePanel::~CompliancePanel() = default;

QString CompliancePanel::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

QString CompliancePanel::framework() const
{
    return m_framework->currentData().toString();
}

QDateTime CompliancePanel::periodEnd() const
{
    if (m_period->currentData().toInt() < 0) {
        // Through the end of the last day (the report names it); not past now.
        const QDateTime end(m_periodTo->date(), QTime(23, 59, 59, 999), Qt::UTC);
        return std::min(end, now());
    }
    return now();
}

QDateTime CompliancePanel::periodStart() const
{
    if (m_period->currentData().toInt() < 0)
        return QDateTime(m_periodFrom->date(), QTime(0, 0), Qt::UTC);
    return periodEnd().addDays(-m_period->currentData().toInt());
}

void CompliancePanel::setCustomPeriod(const QDate &from, const QDate &to)
{
    m_periodTo->setMinimumDate(QDate(1970, 1, 1));
    m_periodFrom->setMaximumDate(to);
    m_periodTo->setDate(to);
    m_periodFrom->setDate(from);
    m_period->setCurrentIndex(m_period->findData(-1));
}

void CompliancePanel::updatePeriodEditor()
{
    m_periodRange->setVisible(m_period->currentData().toInt() < 0);
}

void CompliancePanel::setNow(const QDateTime &now)
{
    m_pinnedNow = now;
    m_privacy->setNow(this->now());
    m_drillsPage->setNow(this->now());
}

QDateTime CompliancePanel::now() const
{
    return m_pinnedNow.isValid() ? m_pinnedNow : QDateTime::currentDateTimeUtc();
}

void CompliancePanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void CompliancePanel::refreshAll()
{
    loadFrameworks();
    loadControls();
    loadFindings();
    loadPrivacy();
    loadCatalogs();
    loadDrills();
    QPointer<CompliancePanel> self(this);
    m_client->listChecks([self](const QList<Check> &checks, const ComplianceError &) {
        if (!self)
            return;
        self->m_checkTitles.clear();
        for (const Check &c : checks)
            self->m_checkTitles.insert(c.name, c.title);
    });
}

void CompliancePanel::loadFrameworks()
{
    QPointer<CompliancePanel> self(this);
    m_client->listFrameworks([self](const QList<Framework> &list, const ComplianceError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->showMessage(error.text, true);
        } else {
            self->m_frameworks->setFrameworks(list);
            const QString current = self->framework();
            {
                const QSignalBlocker blocker(self->m_framework);
                self->m_framework->clear();
                self->m_framework->addItem(tr("Every framework"), QString());
                for (const Framework &f : list)
                    self->m_framework->addItem(f.displayName, f.name);
                self->m_framework->setCurrentIndex(
                    std::max(0, self->m_framework->findData(current)));
            }
            self->m_controls->setFrameworks(list);
            self->m_controls->setFramework(self->framework());
            self->updateFrameworkViews();
        }
        emit self->frameworksLoaded();
    });
}

void CompliancePanel::loadControls()
{
    QPointer<CompliancePanel> self(this);
    m_client->listControls({}, {},
                           [self](const QList<Control> &list, const ComplianceError &error) {
                               if (!self)
                                   return;
                               if (error.isError())
                                   self->showMessage(error.text, true);
                               else
                                   self->m_controls->setControls(list, self->now());
                               emit self->controlsLoaded();
                           });
}

void CompliancePanel::loadFindings()
{
    QPointer<CompliancePanel> self(this);
    m_client->listFindings({}, [self](const QList<Finding> &list, const ComplianceError &error) {
        if (!self)
            return;
        if (error.isError())
            self->showMessage(error.text, true);
        else
            self->m_findings->setFindings(list, self->now());
        const int open = self->m_findings->openCount();
        self->m_tabs->setTabText(FindingsTab,
                                 open > 0 ? tr("Findings (%1 open)").arg(open) : tr("Findings"));
        emit self->findingsLoaded();
    });
}

void CompliancePanel::loadPrivacy()
{
    QPointer<CompliancePanel> self(this);
    m_client->listPrivacyRequests({}, [self](const QList<PrivacyRequest> &list,
                                             const ComplianceError &error) {
        if (!self)
            return;
        if (error.isError())
            self->showMessage(error.text, true);
        else
            self->m_privacy->setRequests(list, self->now());
        const int overdue = self->m_privacy->overdueCount();
        self->m_tabs->setTabText(PrivacyTab, overdue > 0
                                                 ? tr("Privacy requests (%1 overdue)").arg(overdue)
                                                 : tr("Privacy requests"));
        emit self->privacyLoaded();
    });
    m_client->listRetentionPolicies(
        [self](const QList<RetentionPolicy> &list, const ComplianceError &error) {
            if (!self)
                return;
            if (error.isError())
                self->showMessage(error.text, true);
            else
                self->m_retention->setPolicies(list);
            emit self->retentionLoaded();
        });
}

void CompliancePanel::loadControlDetail(const QString &name)
{
    updatePermissions();
    if (name.isEmpty())
        return;
    QPointer<CompliancePanel> self(this);
    m_client->getControl(name,
                         [self, name](const ControlDetail &detail, const ComplianceError &error) {
                             if (!self)
                                 return;
                             if (error.isError())
                                 self->showMessage(error.text, true);
                             else
                                 self->m_controls->setDetail(detail, self->m_checkTitles);
                             emit self->controlDetailLoaded(name);
                         });
}

void CompliancePanel::updatePermissions()
{
    const Permissions perms = m_identity ? m_identity->permissions() : Permissions();
    const bool run = perms.has(cp::ChecksRun);
    m_runChecks->setEnabled(run);
    m_runChecks->setToolTip(run ? tr("Evaluate every automated check against the platform now")
                                : perms.missingText(cp::ChecksRun));
    const bool write = perms.has(cp::EvidenceWrite);
    const bool selected = !m_controls->currentControl().isEmpty();
    m_controls->addEvidenceButton()->setEnabled(write && selected);
    m_controls->addEvidenceButton()->setToolTip(
        !write     ? perms.missingText(cp::EvidenceWrite)
        : selected ? tr("Attach a file's fingerprint or link a platform record")
                   : tr("Select a control first"));
    updateActionPermissions();
}

void CompliancePanel::updateFrameworkViews()
{
    const QString name = framework();
    m_chart->setFrameworks(m_frameworks->frameworks(), name);
    const bool chosen = !name.isEmpty();
    m_oscal->setEnabled(chosen);
    m_report->setEnabled(chosen);
    const QString hint = tr("Choose a framework first");
    m_oscal->setToolTip(chosen ? tr("Save the OSCAL assessment results of the framework") : hint);
    m_report->setToolTip(chosen ? tr("The compliance officer's report for the framework and "
                                     "period, as PDF")
                                : hint);
    // Keep the framework table's selection in step.
    for (int r = 0; r < m_frameworksTable->model()->rowCount(); ++r) {
        const QModelIndex index = m_frameworksTable->model()->index(r, 0);
        if (index.data(ComplianceRowsModel::KeyRole).toString() == name) {
            if (!m_frameworksTable->selectionModel()->isRowSelected(r))
                m_frameworksTable->selectRow(r);
            return;
        }
    }
    m_frameworksTable->clearSelection();
}

void CompliancePanel::setFramework(const QString &name)
{
    m_framework->setCurrentIndex(std::max(0, m_framework->findData(name)));
}

void CompliancePanel::openControl(const QString &name)
{
    m_tabs->setCurrentIndex(ControlsTab);
    m_controls->selectControl(name);
}

void CompliancePanel::runChecks()
{
    m_runChecks->setEnabled(false);
    showMessage(tr("Running the automated checks…"), false);
    QPointer<CompliancePanel> self(this);
    m_client->runChecks({}, [self](const RunChecksResult &result, const ComplianceError &error) {
        if (!self)
            return;
        self->updatePermissions();
        if (error.isError()) {
            self->showMessage(error.text, true);
        } else {
            int failing = 0;
            for (const CheckRun &r : result.runs)
                failing += r.result != CheckResult::Pass;
            // Each count with its own plural form: "Ran 9 checks: 2 not passing; 1 finding
            // opened, 0 closed."
            const QString ran = tr("Ran %n check(s)", nullptr, int(result.runs.size()));
            const QString notPassing = tr("%n not passing", nullptr, failing);
            const QString opened =
                tr("%n finding(s) opened", nullptr, int(result.openedFindings.size()));
            const QString closed = tr("%n closed", nullptr, int(result.closedFindings.size()));
            self->showMessage(tr("%1: %2; %3, %4.", "ran checks: not passing; opened, closed")
                                  .arg(ran, notPassing, opened, closed),
                              false);
            self->loadFrameworks();
            self->loadControls();
            self->loadFindings();
            self->loadControlDetail(self->m_controls->currentControl());
        }
        emit self->checksFinished(result, error);
    });
}

EvidenceDialog *CompliancePanel::openEvidenceDialog()
{
    const QString name = m_controls->currentControl();
    const Control *control = m_controls->model()->control(name);
    if (!control)
        return nullptr;
    auto *dialog = new EvidenceDialog(
        name, QStringLiteral("%1 — %2").arg(control->id(), control->title), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<CompliancePanel> self(this);
    QPointer<EvidenceDialog> guard(dialog);
    connect(dialog, &EvidenceDialog::evidenceReady, this, [self, guard](const Evidence &evidence) {
        self->m_client->addEvidence(evidence, [self, guard](const Evidence &added,
                                                            const ComplianceError &error) {
            if (!self)
                return;
            if (error.isError()) {
                if (guard)
                    guard->showError(error.text);
                return;
            }
            if (guard)
                guard->done(QDialog::Accepted);
            self->showMessage(tr("Evidence %1 added to %2.").arg(added.name, added.control), false);
            self->loadControlDetail(self->m_controls->currentControl());
            emit self->evidenceAdded(added);
        });
    });
    dialog->open();
    return dialog;
}

const QAbstractItemModel *CompliancePanel::tableModel(int tab) const
{
    switch (tab) {
    case FrameworksTab:
        return m_frameworks;
    case ControlsTab:
        return m_controls->proxy();
    case FindingsTab:
        return m_findings;
    case PrivacyTab:
        return m_privacy;
    default:
        return nullptr;
    }
}

bool CompliancePanel::exportCsv(int tab, const QString &path, QString *error) const
{
    const QAbstractItemModel *model = tableModel(tab);
    if (!model) {
        if (error)
            *error = tr("There is no table to export on this tab.");
        return false;
    }
    return csv::save(*model, path, error);
}

void CompliancePanel::saveCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QStringLiteral("compliance.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(m_tabs->currentIndex(), path, &error))
        showMessage(tr("Saved %1.").arg(path), false);
    else
        showMessage(error, true);
}

void CompliancePanel::exportOscal(const QString &path)
{
    const QString name = framework();
    if (name.isEmpty()) {
        emit oscalWritten(path, tr("Choose a framework to export."));
        return;
    }
    QPointer<CompliancePanel> self(this);
    m_client->exportAssessmentResults(
        name, periodStart(), periodEnd(),
        [self, path](const AssessmentResults &results, const ComplianceError &error) {
            if (!self)
                return;
            QString problem = error.text;
            if (!error.isError()) {
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly) ||
                    file.write(results.document) != results.document.size() || !file.commit())
                    problem = tr("Could not write %1: %2").arg(path, file.errorString());
            }
            self->showMessage(problem.isEmpty()
                                  ? tr("Saved the OSCAL assessment results to %1.").arg(path)
                                  : problem,
                              !problem.isEmpty());
            emit self->oscalWritten(path, problem);
        });
}

void CompliancePanel::saveOscal()
{
    const QString id = framework().section(QLatin1Char('/'), 1);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export OSCAL assessment results"),
        QStringLiteral("assessment-results-%1.json").arg(id), tr("OSCAL JSON (*.json)"));
    if (!path.isEmpty())
        exportOscal(path);
}

void CompliancePanel::saveReport()
{
    const QString id = framework().section(QLatin1Char('/'), 1);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the compliance report"),
                                     QStringLiteral("compliance-report-%1-%2.pdf")
                                         .arg(id, now().toString(QStringLiteral("yyyy-MM-dd"))),
                                     tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        writeReport(path);
}

} // namespace ops
