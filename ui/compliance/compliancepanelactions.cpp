// CompliancePanel's actions (the officer's and the operator's writes): the privacy queue, control
// edits, retention, OSCAL import and failover drills. Each is enabled by the caller's permissions
// (platformd enforces them) and, where it acts on a row, by the selection; each dialog shows the
// server's refusal in words and stays open for another try.

#include "compliancepanel.h"

#include "catalogspage.h"
#include "controleditdialog.h"
#include "controlspage.h"
#include "drillspage.h"
#include "privacydialogs.h"
#include "privacypage.h"
#include "retentiondialogs.h"

#include "models/compliancemodels.h"
#include "models/compliancerecordmodels.h"
#include "models/identity.h"
#include "services/complianceclient.h"
#include "services/identityclient.h"

#include <QFileDialog>
#include <QLabel>
#include <QPointer>
#include <QTabWidget>
#include <QToolButton>

namespace ops {

namespace cp = compliance_permissions;

namespace {

// Enables `button` when `allowed`, saying why not otherwise.
void gate(QToolButton *button, const Permissions &perms, const QString &permission,
          const QString &why, bool ready = true, const QString &notReady = {})
{
    const bool granted = perms.has(permission);
    button->setEnabled(granted && ready);
    button->setToolTip(!granted ? perms.missingText(permission) : ready ? why : notReady);
}

// The callback of a dialog's request: platformd's refusal is shown in the dialog, which stays
// open for another try; an answer closes it and runs done(panel, answer) while the panel lives.
template<typename T, typename Dialog, typename Done>
ComplianceClient::Callback<T> answerIn(QPointer<CompliancePanel> self, QPointer<Dialog> dialog,
                                       Done done)
{
    return [self, dialog, done](const T &answer, const ComplianceError &error) {
        if (!self)
            return;
        if (error.isError()) {
            if (dialog)
                dialog->showError(error.text);
            return;
        }
        if (dialog)
            dialog->succeed();
        done(*self, answer);
    };
}

// Opens `dialog` window-modal, deleted when closed.
template<typename Dialog>
Dialog *openModal(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace

void CompliancePanel::connectActions()
{
    connect(m_privacyPage, &PrivacyPage::selectionChanged, this,
            &CompliancePanel::updateActionPermissions);
    connect(m_privacyPage->newRequestButton(), &QToolButton::clicked, this,
            [this] { openPrivacyRequestDialog(); });
    connect(m_privacyPage->completeButton(), &QToolButton::clicked, this,
            [this] { openCompletePrivacyDialog(); });
    connect(m_privacyPage->editPolicyButton(), &QToolButton::clicked, this,
            [this] { openRetentionPolicyDialog(); });
    connect(m_privacyPage->applyRetentionButton(), &QToolButton::clicked, this,
            [this] { openApplyRetentionDialog(); });
    connect(m_controls, &ControlsPage::editControlRequested, this,
            [this] { openControlEditDialog(); });
    connect(m_catalogsPage->importButton(), &QToolButton::clicked, this,
            &CompliancePanel::chooseOscalFile);
    connect(m_drillsPage->recordButton(), &QToolButton::clicked, this,
            [this] { openDrillDialog(); });
}

void CompliancePanel::updateActionPermissions()
{
    const Permissions perms = m_identity ? m_identity->permissions() : Permissions();
    gate(m_privacyPage->newRequestButton(), perms, cp::PrivacyWrite,
         tr("Record a data-subject request as it was received"));
    const QString request = m_privacyPage->currentRequest();
    bool open = false;
    for (const PrivacyRequest &r : m_privacy->requests())
        if (r.name == request)
            open = r.state == PrivacyRequestState::Open;
    gate(m_privacyPage->completeButton(), perms, cp::PrivacyWrite,
         tr("Mark the selected request as answered"), open,
         request.isEmpty() ? tr("Select an open request first")
                           : tr("The selected request is already completed"));
    gate(m_privacyPage->editPolicyButton(), perms, cp::Write,
         tr("Change how long the selected data category is kept"),
         !m_privacyPage->currentPolicy().isEmpty(), tr("Select a retention policy first"));
    gate(m_privacyPage->applyRetentionButton(), perms, cp::Write,
         tr("Delete what is kept past its retention (shows what would go first)"));
    gate(m_controls->editControlButton(), perms, cp::Write,
         tr("Change the control's owner, status or due date"),
         !m_controls->currentControl().isEmpty(), tr("Select a control first"));
    gate(m_catalogsPage->importButton(), perms, cp::Write,
         tr("Import an OSCAL catalog or profile (JSON)"));
    gate(m_drillsPage->recordButton(), perms, cp::DrillsWrite,
         tr("Record a regional failover drill that ran"));
}

void CompliancePanel::loadCatalogs()
{
    QPointer<CompliancePanel> self(this);
    m_client->listCatalogs([self](const QList<OscalCatalog> &list, const ComplianceError &error) {
        if (!self)
            return;
        if (error.isError())
            self->m_catalogsPage->showStatus(error.text, true);
        else
            self->m_catalogs->setCatalogs(list);
        emit self->catalogsLoaded();
    });
}

void CompliancePanel::loadDrills()
{
    QPointer<CompliancePanel> self(this);
    m_client->listFailoverDrills([self](const QList<FailoverDrill> &list,
                                        const ComplianceError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->m_drillsPage->summaryLabel()->setText(error.text);
            self->m_drillsPage->summaryLabel()->setStyleSheet(QStringLiteral("color: #c62828;"));
        } else {
            self->m_drills->setDrills(list);
        }
        emit self->drillsLoaded();
    });
}

PrivacyRequestDialog *CompliancePanel::openPrivacyRequestDialog()
{
    auto *dialog = new PrivacyRequestDialog(now().toUTC().date(), this);
    QPointer<CompliancePanel> self(this);
    QPointer<PrivacyRequestDialog> guard(dialog);
    connect(dialog, &PrivacyRequestDialog::requestReady, this,
            [self, guard](const NewPrivacyRequest &request) {
                self->m_client->createPrivacyRequest(
                    request,
                    answerIn<PrivacyRequest>(
                        self, guard, [](CompliancePanel &panel, const PrivacyRequest &created) {
                            panel.showMessage(
                                tr("Recorded %1; due %2 UTC.")
                                    .arg(created.name, created.deadline.toUTC().toString(
                                                           QStringLiteral("yyyy-MM-dd HH:mm"))),
                                false);
                            panel.loadPrivacy();
                            emit panel.privacyRequestCreated(created);
                        }));
            });
    return openModal(dialog);
}

CompletePrivacyRequestDialog *CompliancePanel::openCompletePrivacyDialog()
{
    const QString name = m_privacyPage->currentRequest();
    const PrivacyRequest *request = nullptr;
    for (const PrivacyRequest &r : m_privacy->requests())
        if (r.name == name)
            request = &r;
    if (!request || request->state != PrivacyRequestState::Open)
        return nullptr;
    auto *dialog = new CompletePrivacyRequestDialog(*request, now(), this);
    QPointer<CompliancePanel> self(this);
    QPointer<CompletePrivacyRequestDialog> guard(dialog);
    connect(dialog, &CompletePrivacyRequestDialog::completeReady, this,
            [self, guard](const QString &name, const QString &note) {
                self->m_client->completePrivacyRequest(
                    name, note,
                    answerIn<PrivacyRequest>(
                        self, guard, [](CompliancePanel &panel, const PrivacyRequest &done) {
                            panel.showMessage(tr("Completed %1.").arg(done.name), false);
                            panel.loadPrivacy();
                            panel.loadFindings(); // an overdue request's finding closes
                            emit panel.privacyRequestCompleted(done);
                        }));
            });
    return openModal(dialog);
}

ControlEditDialog *CompliancePanel::openControlEditDialog()
{
    const Control *control = m_controls->model()->control(m_controls->currentControl());
    if (!control)
        return nullptr;
    auto *dialog =
        new ControlEditDialog(*control, m_controls->model()->owners(), now().toUTC().date(), this);
    QPointer<CompliancePanel> self(this);
    QPointer<ControlEditDialog> guard(dialog);
    connect(
        dialog, &ControlEditDialog::updateReady, this, [self, guard](const ControlUpdate &update) {
            self->m_client->updateControl(
                update,
                answerIn<Control>(self, guard, [](CompliancePanel &panel, const Control &updated) {
                    panel.showMessage(tr("Updated %1.").arg(updated.name), false);
                    panel.loadControls();
                    panel.loadFrameworks(); // the scores follow the status
                    panel.loadControlDetail(updated.name);
                    emit panel.controlUpdated(updated);
                }));
        });
    return openModal(dialog);
}

RetentionPolicyDialog *CompliancePanel::openRetentionPolicyDialog()
{
    const QString name = m_privacyPage->currentPolicy();
    const RetentionPolicy *policy = nullptr;
    for (const RetentionPolicy &p : m_retention->policies())
        if (p.name == name)
            policy = &p;
    if (!policy)
        return nullptr;
    auto *dialog = new RetentionPolicyDialog(*policy, this);
    QPointer<CompliancePanel> self(this);
    QPointer<RetentionPolicyDialog> guard(dialog);
    connect(dialog, &RetentionPolicyDialog::policyReady, this,
            [self, guard](const RetentionPolicy &policy) {
                self->m_client->updateRetentionPolicy(
                    policy,
                    answerIn<RetentionPolicy>(
                        self, guard, [](CompliancePanel &panel, const RetentionPolicy &updated) {
                            panel.showMessage(
                                tr("%1 is now kept for %n day(s).", nullptr, updated.retentionDays)
                                    .arg(updated.category),
                                false);
                            panel.loadPrivacy();
                            emit panel.retentionPolicyUpdated(updated);
                        }));
            });
    return openModal(dialog);
}

ApplyRetentionDialog *CompliancePanel::openApplyRetentionDialog()
{
    auto *dialog = new ApplyRetentionDialog(this);
    QPointer<CompliancePanel> self(this);
    QPointer<ApplyRetentionDialog> guard(dialog);
    m_client->applyRetention(
        true, [self, guard](const RetentionResult &preview, const ComplianceError &error) {
            if (!self)
                return;
            if (guard) {
                if (error.isError())
                    guard->showError(error.text);
                else
                    guard->showPreview(preview);
            }
            emit self->retentionPreviewed(preview, error);
        });
    connect(dialog, &ApplyRetentionDialog::applyConfirmed, this, [self, guard] {
        self->m_client->applyRetention(
            false, answerIn<RetentionResult>(
                       self, guard, [](CompliancePanel &panel, const RetentionResult &result) {
                           qint64 deleted = 0;
                           QStringList parts;
                           for (const RetentionCategoryResult &c : result.categories) {
                               deleted += c.deleted;
                               parts << QStringLiteral("%1 %2").arg(c.category).arg(c.deleted);
                           }
                           panel.showMessage(tr("Retention applied: %n record(s) deleted (%1).",
                                                nullptr, int(deleted))
                                                 .arg(parts.join(QStringLiteral(", "))),
                                             false);
                           panel.loadPrivacy();
                           emit panel.retentionApplied(result);
                       }));
    });
    return openModal(dialog);
}

DrillDialog *CompliancePanel::openDrillDialog()
{
    QStringList regions = m_regions;
    for (const FailoverDrill &d : m_drills->drills())
        if (!regions.contains(d.region))
            regions << d.region;
    auto *dialog = new DrillDialog(regions, now(), this);
    QPointer<CompliancePanel> self(this);
    QPointer<DrillDialog> guard(dialog);
    connect(dialog, &DrillDialog::drillReady, this,
            [self, guard](const QString &region, const QDateTime &time, const QString &note) {
                self->m_client->recordFailoverDrill(
                    region, time, note,
                    answerIn<FailoverDrill>(
                        self, guard, [](CompliancePanel &panel, const FailoverDrill &drill) {
                            panel.showMessage(tr("Recorded the failover drill of %1.")
                                                  .arg(drill.region.section(u'/', 1)),
                                              false);
                            panel.loadDrills();
                            emit panel.drillRecorded(drill);
                        }));
            });
    return openModal(dialog);
}

void CompliancePanel::setRegions(const QStringList &regions)
{
    m_regions = regions;
}

void CompliancePanel::chooseOscalFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import OSCAL"), QString(),
                                                      tr("OSCAL JSON (*.json);;All files (*)"));
    if (!path.isEmpty())
        importOscalFile(path);
}

void CompliancePanel::importOscalFile(const QString &path)
{
    m_catalogsPage->importButton()->setEnabled(false);
    m_catalogsPage->showStatus(tr("Reading %1…").arg(path), false);
    QPointer<CompliancePanel> self(this);
    auto finish = [self](const OscalCatalog &catalog, const QString &error) {
        self->updateActionPermissions();
        if (!error.isEmpty()) {
            self->m_catalogsPage->showStatus(error, true);
        } else {
            self->m_catalogsPage->showStatus(
                tr("Imported “%1” (%2) from %3 — groups: %4, controls: %5, enhancements: %6.")
                    .arg(catalog.title, ComplianceText::kind(catalog.kind), catalog.source)
                    .arg(catalog.groupCount)
                    .arg(catalog.controlCount)
                    .arg(catalog.enhancementCount),
                false);
            self->loadCatalogs();
        }
        emit self->oscalImported(catalog, error);
    };
    readOscalFileAsync(path, this, [self, finish](const OscalFile &file) {
        if (!file.error.isEmpty())
            return finish({}, file.error);
        self->m_catalogsPage->showStatus(tr("Importing %1…").arg(file.fileName), false);
        self->m_client->importOscal(
            file.document, file.fileName,
            [self, finish](const OscalCatalog &catalog, const ComplianceError &error) {
                if (self)
                    finish(catalog, error.text);
            });
    });
}

} // namespace ops
