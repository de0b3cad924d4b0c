#include "consolefixture.h"
#include "platformdprocess.h"
#include "testmain.h"

#include "ui/common/theme.h"
#include "ui/registry/actiondialog.h"
#include "ui/registry/filterbox.h"
#include "ui/registry/modeldetailpanel.h"
#include "ui/registry/registryactions.h"
#include "ui/registry/registrypanel.h"

#include "models/approvalqueuemodel.h"
#include "models/deploymenttablemodel.h"
#include "models/modeltablemodel.h"
#include "models/versiontablemodel.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ops;

namespace {

// What MainWindow wires for the registry and its detail, signed in with one token.
struct Console : ConsoleFixture
{
    IdentityClient identity{&connection};
    ModelRegistryClient client{&connection};
    RegistryPanel panel{&client, &identity};
    ModelDetailPanel detail{&client, panel.modelsModel(), panel.deploymentsModel(),
                            panel.actions()};

    Console(const QString &address, const QString &token)
    {
        QObject::connect(&panel, &RegistryPanel::currentModelChanged, &detail,
                         &ModelDetailPanel::setModel);
        panel.resize(1100, 500);
        detail.resize(700, 700);
        panel.show();
        detail.show();
        client.start();
        connectTo(address, token);
    }
    RegistryActions *actions() const { return panel.actions(); }
    bool ready() const
    {
        return panel.modelsModel()->rowCount() > 0 && identity.permissions().isKnown();
    }
};

QString addUser(const QString &dir, const QString &user, const QString &role)
{
    if (PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"), user,
                                  QStringLiteral("--role"), role, QStringLiteral("--data-dir"),
                                  dir})
            .isEmpty())
        return {};
    return QString::fromUtf8(
               PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"), user,
                                         QStringLiteral("--data-dir"), dir}))
        .trimmed();
}

// A READY version of `model` that is neither in Production nor archived, as the detail shows it.
qint64 promotableVersion(const ModelDetailPanel &detail)
{
    const VersionTableModel *versions = detail.versionsModel();
    for (int row = 0; row < versions->rowCount(); ++row) {
        const QModelIndex index = versions->index(row, 0);
        if (versions->stage(row) != ModelStage::Production &&
            versions->stage(row) != ModelStage::Archived &&
            VersionStatus(index.data(VersionTableModel::StatusRole).toInt()) ==
                VersionStatus::Ready)
            return versions->version(row);
    }
    return 0;
}

// The open confirmation of `kind`, triggered through its action.
ActionDialog *openAction(Console &console, RegistryActions::Kind kind)
{
    QAction *action = console.actions()->action(kind);
    if (!action->isEnabled()) {
        qWarning() << action->objectName() << "is disabled:" << action->toolTip();
        return nullptr;
    }
    action->trigger();
    return console.actions()->openDialog();
}

// The deployment row's split as the traffic bars paint it: "version:percent" pairs.
QStringList splitOf(const DeploymentTableModel *deployments, const QString &name)
{
    const int row = deployments->rowOf(name);
    if (row < 0)
        return {};
    QStringList out;
    const QVariantList variants = deployments->index(row, DeploymentTableModel::TrafficColumn)
                                      .data(DeploymentTableModel::VariantsRole)
                                      .toList();
    for (const QVariant &v : variants) {
        const QVariantMap m = v.toMap();
        out.append(QStringLiteral("%1:%2")
                       .arg(m.value(QStringLiteral("version")).toLongLong())
                       .arg(m.value(QStringLiteral("percent")).toInt()));
    }
    return out;
}

// Selects the deployment `name` in the detail's deployments table, as a click would.
bool selectDeployment(ModelDetailPanel &detail, const QString &name)
{
    QAbstractItemModel *model = detail.deploymentsView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(DeploymentTableModel::NameRole).toString() == name) {
            detail.deploymentsView()->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

} // namespace

class tst_RegistryPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void promotionFlowWithFourEyes();
    void viewerSeesWhyActionsAreDisabled();
    void badFilterShowsPositionAndCsvExportsVisibleRows();
    void moveAliasLiveAndProtected();
    void deployChangeTrafficRollbackArchive();
    void screenshot(); // a picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots)

private:
    PlatformdProcess m_platformd;
    QString m_operator, m_manager, m_manager2, m_viewer;
};

void tst_RegistryPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                              QStringLiteral("7")};
    QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
    QVERIFY2(!m_platformd.adminToken().isEmpty(), "platformd wrote no admin.token");
    const QString address = m_platformd.address();
    QCOMPARE(m_platformd.terminate(), 0);
    const QString dir = m_platformd.dataDir();
    m_operator = addUser(dir, QStringLiteral("olga"), QStringLiteral("operator"));
    m_manager = addUser(dir, QStringLiteral("mia"), QStringLiteral("manager"));
    m_manager2 = addUser(dir, QStringLiteral("max"), QStringLiteral("manager"));
    m_viewer = addUser(dir, QStringLiteral("vic"), QStringLiteral("viewer"));
    for (const QString &token : {m_operator, m_manager, m_manager2, m_viewer})
        QVERIFY2(token.startsWith(QLatin1String("opt_")), "token create printed no token");
    QVERIFY2(m_platformd.start(args + QStringList{QStringLiteral("--listen"), address}, dir),
             qPrintable(m_platformd.errorString()));
}

void tst_RegistryPanel::promotionFlowWithFourEyes()
{
    Console olga(m_platformd.address(), m_operator);
    QTRY_VERIFY_WITH_TIMEOUT(olga.ready(), 15000);
    QVERIFY(olga.panel.modelsModel()->rowCount() >= 30); // the demo's ~40 models

    // A model with a version in Production and another one that may be promoted.
    QString model;
    qint64 version = 0, production = 0;
    for (const ModelInfo &m : olga.panel.modelsModel()->models()) {
        if (m.productionVersion <= 0)
            continue;
        olga.panel.selectModel(m.name);
        QTRY_VERIFY_WITH_TIMEOUT(olga.detail.model() == m.name && !olga.detail.isLoading() &&
                                     olga.detail.versionsModel()->rowCount() > 0,
                                 10000);
        bool pending = false;
        for (int row = 0; row < olga.panel.pendingModel()->rowCount(); ++row)
            pending |= olga.panel.pendingModel()->request(row).model == m.name;
        version = pending ? 0 : promotableVersion(olga.detail);
        if (version > 0) {
            model = m.name;
            production = m.productionVersion;
            break;
        }
    }
    QVERIFY2(!model.isEmpty(), "the demo has no model with a promotable version");
    const QString id = modelIdFromName(model);
    olga.detail.selectVersion(version);
    QCOMPARE(olga.actions()->currentVersion(), version);

    // Request the promotion through the panel's action; the confirmation states the effect.
    QAction *request = olga.actions()->action(RegistryActions::RequestPromotion);
    QVERIFY2(request->isEnabled(), qPrintable(request->toolTip()));
    request->trigger();
    ActionDialog *dialog = olga.actions()->openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->effectText(),
             QStringLiteral("Version %1 of %2 goes to Production; version %3 (now Production) is "
                            "archived. Needs approval by another user with promotions.approve.")
                 .arg(version)
                 .arg(id)
                 .arg(production));
    QVERIFY(!dialog->isAcceptable()); // a comment is required
    const QString comment =
        QStringLiteral("Recall +3 points on the Q4 holdout; canary clean for 48 h");
    dialog->setComment(comment);
    dialog->setEvidenceLinks({QStringLiteral("https://runs.example/q4-holdout")});
    QVERIFY(dialog->isAcceptable());
    dialog->accept();

    // It appears in the pending queue, with the comment, live.
    olga.panel.setView(RegistryPanel::View::Approvals);
    QString requestName;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const ApprovalQueueModel *pending = olga.panel.pendingModel();
            for (int row = 0; row < pending->rowCount(); ++row) {
                const ApprovalRequest &r = pending->request(row);
                if (r.model == model && r.version == version) {
                    requestName = r.name;
                    return true;
                }
            }
            return false;
        }(),
        10000);
    const int row = olga.panel.pendingModel()->rowOf(requestName);
    QCOMPARE(
        olga.panel.pendingModel()->index(row, ApprovalQueueModel::CommentColumn).data().toString(),
        comment);
    QCOMPARE(olga.panel.pendingModel()
                 ->index(row, ApprovalQueueModel::RequesterColumn)
                 .data()
                 .toString(),
             QStringLiteral("olga"));
    QTRY_VERIFY_WITH_TIMEOUT(olga.panel.messageText().contains(QLatin1String("waits for approval")),
                             10000);
    // The operator may not approve at all, and the action says why.
    olga.panel.selectApprovalRequest(requestName);
    QAction *olgaApprove = olga.actions()->action(RegistryActions::Approve);
    QVERIFY(!olgaApprove->isEnabled());
    QVERIFY2(olgaApprove->toolTip().contains(QLatin1String("promotions.approve")),
             qPrintable(olgaApprove->toolTip()));

    // Four eyes: a manager's own request cannot be approved by that manager.
    Console mia(m_platformd.address(), m_manager);
    QTRY_VERIFY_WITH_TIMEOUT(mia.ready(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(mia.panel.pendingModel()->rowOf(requestName) >= 0, 10000);
    QString ownRequest;
    {
        bool finished = false;
        RegistryError error;
        // A second request, by mia, for another model's version (through the client; the panel
        // flow was shown above).
        QString otherModel;
        qint64 otherVersion = 0;
        for (const ModelInfo &m : mia.panel.modelsModel()->models()) {
            if (m.name != model && m.latestStage != ModelStage::Production && m.latestVersion > 0) {
                otherModel = m.name;
                otherVersion = m.latestVersion;
                break;
            }
        }
        QVERIFY(!otherModel.isEmpty());
        mia.client.createApprovalRequest(otherModel, ApprovalAction::PromoteToProduction,
                                         otherVersion, {}, QStringLiteral("mine"), {},
                                         [&](const ApprovalRequest &r, const RegistryError &e) {
                                             ownRequest = r.name;
                                             error = e;
                                             finished = true;
                                         });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        QVERIFY2(!error.isError(), qPrintable(error.text));
    }
    mia.panel.setView(RegistryPanel::View::Approvals);
    QTRY_VERIFY_WITH_TIMEOUT(mia.panel.pendingModel()->rowOf(ownRequest) >= 0, 10000);
    mia.panel.selectApprovalRequest(ownRequest);
    QAction *miaApprove = mia.actions()->action(RegistryActions::Approve);
    QVERIFY(!miaApprove->isEnabled());
    QVERIFY2(miaApprove->toolTip().contains(QLatin1String("Four eyes")),
             qPrintable(miaApprove->toolTip()));
    // And platformd refuses it too, with a message the console shows as it is.
    {
        bool finished = false;
        RegistryError error;
        mia.client.approve(ownRequest, {}, [&](const ApprovalRequest &, const RegistryError &e) {
            error = e;
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        QCOMPARE(error.code, 7); // PERMISSION_DENIED
        QVERIFY2(error.text.contains(QLatin1String("four eyes"), Qt::CaseInsensitive),
                 qPrintable(error.text));
    }

    // Another user approves olga's request through the panel.
    mia.panel.selectApprovalRequest(requestName);
    QVERIFY2(miaApprove->isEnabled(), qPrintable(miaApprove->toolTip()));
    miaApprove->trigger();
    ActionDialog *approveDialog = mia.actions()->openDialog();
    QVERIFY(approveDialog);
    QVERIFY2(
        approveDialog->effectText().startsWith(
            QStringLiteral("Version %1 of %2 goes to Production now; version %3 (now Production) "
                           "is archived.")
                .arg(version)
                .arg(id)
                .arg(production)),
        qPrintable(approveDialog->effectText()));
    QVERIFY(approveDialog->effectText().contains(comment));
    approveDialog->setComment(QStringLiteral("Evidence checked"));
    approveDialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(mia.panel.messageText().startsWith(QLatin1String("Approved")), 10000);
    QVERIFY(!mia.panel.isMessageError());

    // olga's console sees it live through WatchModels: the new version in Production, the old
    // one archived, the request in the history.
    QTRY_COMPARE_WITH_TIMEOUT(olga.panel.modelsModel()->find(model)->productionVersion, version,
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(olga.detail.stageOf(version), ModelStage::Production, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(olga.detail.stageOf(production), ModelStage::Archived, 10000);
    QCOMPARE(olga.panel.pendingModel()->rowOf(requestName), -1);
    const int historyRow = olga.panel.historyModel()->rowOf(requestName);
    QVERIFY(historyRow >= 0);
    QCOMPARE(olga.panel.historyModel()->request(historyRow).state, ApprovalState::Approved);
    QCOMPARE(olga.panel.historyModel()->request(historyRow).reviewer, QStringLiteral("users/mia"));
}

void tst_RegistryPanel::viewerSeesWhyActionsAreDisabled()
{
    Console vic(m_platformd.address(), m_viewer);
    QTRY_VERIFY_WITH_TIMEOUT(vic.ready(), 15000);
    const ModelInfo first = vic.panel.modelsModel()->models().first();
    vic.panel.selectModel(first.name);
    QTRY_VERIFY_WITH_TIMEOUT(vic.detail.versionsModel()->rowCount() > 0, 10000);
    const struct
    {
        RegistryActions::Kind kind;
        const char *permission;
    } expected[] = {
        {RegistryActions::RequestPromotion, "promotions.request"},
        {RegistryActions::MoveAlias, "models.write"},
        {RegistryActions::Deploy, "deployments.write"},
        {RegistryActions::Archive, "models.write"},
        {RegistryActions::ChangeTraffic, "deployments.write"},
        {RegistryActions::Rollback, "deployments.write"},
        {RegistryActions::Approve, "promotions.approve"},
        {RegistryActions::Reject, "promotions.approve"},
    };
    for (const auto &e : expected) {
        QAction *action = vic.actions()->action(e.kind);
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY2(action->toolTip().contains(QLatin1String(e.permission)),
                 qPrintable(action->objectName() + QStringLiteral(": ") + action->toolTip()));
    }
    // Triggering a disabled action anyway (a stale menu) opens nothing.
    vic.actions()->action(RegistryActions::RequestPromotion)->trigger();
    QVERIFY(!vic.actions()->openDialog());
}

void tst_RegistryPanel::badFilterShowsPositionAndCsvExportsVisibleRows()
{
    Console admin(m_platformd.address(), m_platformd.adminToken());
    QTRY_VERIFY_WITH_TIMEOUT(admin.ready(), 15000);
    const int all = admin.panel.modelsModel()->rowCount();
    FilterBox *filter = admin.panel.filterBox();

    // Models: an unknown field, pointed at where it starts.
    filter->setText(QStringLiteral("task = NLP AND ownr = \"x\""));
    QTRY_VERIFY_WITH_TIMEOUT(filter->hasError(), 10000);
    QCOMPARE(filter->errorPosition(), 15);
    QVERIFY2(filter->errorText().contains(QLatin1String("ownr")), qPrintable(filter->errorText()));
    QVERIFY(admin.panel.findChild<QWidget *>(QStringLiteral("registryFilterError"))->isVisible());
    // Versions: a map compared as a whole.
    admin.panel.setView(RegistryPanel::View::Versions);
    QTRY_VERIFY_WITH_TIMEOUT(!admin.panel.isLoadingVersions(), 20000);
    // Every version, over several pages (the first is small).
    int versionCount = 0;
    for (const ModelInfo &m : admin.panel.modelsModel()->models())
        versionCount += m.versionCount;
    QVERIFY(versionCount > 200);
    QCOMPARE(admin.panel.versionsModel()->rowCount(), versionCount);
    // A filter's whole result arrives too, after its first page.
    filter->setText(QStringLiteral("stage = ARCHIVED OR stage = STAGING OR stage = PRODUCTION"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !admin.panel.isLoadingVersions() && admin.panel.versionsModel()->rowCount() > 0, 20000);
    for (int row = 0; row < admin.panel.versionsModel()->rowCount(); ++row)
        QVERIFY(admin.panel.versionsModel()->stage(row) != ModelStage::None);
    filter->setText(QStringLiteral("metrics > 1"));
    QTRY_VERIFY_WITH_TIMEOUT(filter->hasError(), 10000);
    QCOMPARE(filter->errorPosition(), 8);
    QVERIFY2(filter->errorText().contains(QLatin1String("position 8")),
             qPrintable(filter->errorText()));
    filter->setText(QString());
    QTRY_VERIFY_WITH_TIMEOUT(!filter->hasError() && !admin.panel.isLoadingVersions(), 20000);
    admin.panel.setView(RegistryPanel::View::Models);

    filter->setText(QStringLiteral("task = NLP"));
    QTRY_VERIFY_WITH_TIMEOUT(!filter->hasError(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(admin.panel.modelsModel()->isFiltered(), 10000);
    const auto *proxy = qobject_cast<QSortFilterProxyModel *>(admin.panel.modelsView()->model());
    QVERIFY(proxy);
    const int shown = proxy->rowCount();
    QVERIFY(shown > 0 && shown < all);
    QCOMPARE(admin.panel.countText(), QStringLiteral("%1 of %2 models").arg(shown).arg(all));
    for (int row = 0; row < shown; ++row)
        QCOMPARE(proxy->index(row, ModelTableModel::TaskColumn).data().toString(),
                 RegistryText::task(ModelTask::Nlp));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("models.csv"));
    QString error;
    QVERIFY2(admin.panel.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    // Header + one line per visible row + the empty piece after the last CRLF.
    QCOMPARE(lines.size(), shown + 2);
    QVERIFY(lines.first().startsWith("Name,Aliases,Latest,Stage"));
    QVERIFY(lines.first().endsWith('\r'));
    for (int row = 0; row < shown; ++row) {
        const QByteArray name = proxy->index(row, 0).data().toString().toUtf8();
        QVERIFY2(lines.at(row + 1).startsWith(name + ','), lines.at(row + 1).constData());
    }
    // An unwritable path is an error naming the file.
    QVERIFY(!admin.panel.exportCsv(QStringLiteral("/proc/no/such/dir/x.csv"), &error));
    QVERIFY(error.contains(QLatin1String("/proc/no/such/dir/x.csv")));
}

void tst_RegistryPanel::moveAliasLiveAndProtected()
{
    Console olga(m_platformd.address(), m_operator);
    QTRY_VERIFY_WITH_TIMEOUT(olga.ready(), 15000);
    const QString alias = QStringLiteral("shadow");
    // A model with a protected champion and two READY versions that are not archived.
    QString model;
    qint64 first = 0, second = 0;
    for (const ModelInfo &m : olga.panel.modelsModel()->models()) {
        if (!m.isProtected(QStringLiteral("champion")) || m.aliases.contains(alias) ||
            m.versionCount < 2)
            continue;
        olga.panel.selectModel(m.name);
        QTRY_VERIFY_WITH_TIMEOUT(olga.detail.model() == m.name && !olga.detail.isLoading() &&
                                     olga.detail.versionsModel()->rowCount() > 0,
                                 10000);
        const VersionTableModel *versions = olga.detail.versionsModel();
        QList<qint64> usable;
        for (int row = 0; row < versions->rowCount(); ++row) {
            const QModelIndex index = versions->index(row, 0);
            if (versions->stage(row) != ModelStage::Archived &&
                VersionStatus(index.data(VersionTableModel::StatusRole).toInt()) ==
                    VersionStatus::Ready)
                usable.append(versions->version(row));
        }
        if (usable.size() >= 2) {
            model = m.name;
            first = usable.at(0);
            second = usable.at(1);
            break;
        }
    }
    QVERIFY2(!model.isEmpty(), "the demo has no model with two usable versions");
    const QString id = modelIdFromName(model);

    // An ordinary alias: set on the first version, then moved to the second.
    olga.detail.selectVersion(first);
    ActionDialog *dialog = openAction(olga, RegistryActions::MoveAlias);
    QVERIFY(dialog);
    auto *aliasBox = dialog->findChild<QComboBox *>(QStringLiteral("actionAlias"));
    QVERIFY(aliasBox);
    aliasBox->setCurrentText(alias);
    QCOMPARE(
        dialog->effectText(),
        QStringLiteral("The alias %1 is set on version %2 of %3.").arg(alias).arg(first).arg(id));
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(olga.panel.modelsModel()->find(model)->aliases.value(alias), first,
                              10000);
    QVERIFY(!olga.panel.isMessageError());

    olga.detail.selectVersion(second);
    dialog = openAction(olga, RegistryActions::MoveAlias);
    QVERIFY(dialog);
    aliasBox = dialog->findChild<QComboBox *>(QStringLiteral("actionAlias"));
    aliasBox->setCurrentText(alias);
    QCOMPARE(dialog->effectText(),
             QStringLiteral("The alias %1 moves from version %2 to version %3 of %4.")
                 .arg(alias)
                 .arg(first)
                 .arg(second)
                 .arg(id));
    dialog->accept();
    // Live: the model's aliases and the detail's version rows (the old version loses it).
    QTRY_COMPARE_WITH_TIMEOUT(olga.panel.modelsModel()->find(model)->aliases.value(alias), second,
                              10000);
    QVERIFY(!olga.panel.modelsModel()->find(model)->aliasesOf(first).contains(alias));
    auto detailAliases = [&olga](qint64 version) {
        const VersionTableModel *versions = olga.detail.versionsModel();
        for (int row = 0; row < versions->rowCount(); ++row)
            if (versions->version(row) == version)
                return versions->index(row, VersionTableModel::AliasesColumn)
                    .data(VersionTableModel::AliasesRole)
                    .toStringList();
        return QStringList();
    };
    QTRY_VERIFY_WITH_TIMEOUT(detailAliases(second).contains(alias), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!detailAliases(first).contains(alias), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        olga.panel.messageText() ==
            QStringLiteral("The alias %1 is on version %2 of %3.").arg(alias).arg(second).arg(id),
        10000);

    // The protected champion: an operator may not move it, and the dialog says why.
    dialog = openAction(olga, RegistryActions::MoveAlias);
    QVERIFY(dialog);
    aliasBox = dialog->findChild<QComboBox *>(QStringLiteral("actionAlias"));
    aliasBox->setCurrentText(QStringLiteral("champion"));
    QVERIFY(!dialog->isAcceptable());
    QVERIFY2(dialog->problemText().startsWith(QLatin1String("champion is protected")) &&
                 dialog->problemText().contains(QLatin1String("aliases.protected")),
             qPrintable(dialog->problemText()));
    QVERIFY2(dialog->effectText().endsWith(
                 QLatin1String("champion is protected: this creates an approval request that "
                               "another user with promotions.approve must approve.")),
             qPrintable(dialog->effectText()));
    dialog->reject();

    // An admin may: it becomes an approval request, not a move.
    Console admin(m_platformd.address(), m_platformd.adminToken());
    QTRY_VERIFY_WITH_TIMEOUT(admin.ready(), 15000);
    admin.panel.selectModel(model);
    QTRY_VERIFY_WITH_TIMEOUT(
        !admin.detail.isLoading() && admin.detail.versionsModel()->rowCount() > 0, 10000);
    admin.detail.selectVersion(second);
    const qint64 champion =
        admin.panel.modelsModel()->find(model)->aliases.value(QStringLiteral("champion"));
    dialog = openAction(admin, RegistryActions::MoveAlias);
    QVERIFY(dialog);
    dialog->findChild<QComboBox *>(QStringLiteral("actionAlias"))
        ->setCurrentText(QStringLiteral("champion"));
    // The approval request needs a reason for the reviewer.
    QVERIFY(!dialog->isAcceptable());
    QVERIFY2(dialog->problemText().contains(QLatin1String("comment")),
             qPrintable(dialog->problemText()));
    dialog->setComment(QStringLiteral("Shadow traffic looked good for a week"));
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const ApprovalQueueModel *pending = admin.panel.pendingModel();
            for (int row = 0; row < pending->rowCount(); ++row) {
                const ApprovalRequest &r = pending->request(row);
                if (r.model == model && r.version == second &&
                    r.action == ApprovalAction::MoveProtectedAlias &&
                    r.alias == QLatin1String("champion"))
                    return true;
            }
            return false;
        }(),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        admin.panel.messageText().contains(QLatin1String("waits for approval")), 10000);
    // Nothing moved yet.
    QCOMPARE(admin.panel.modelsModel()->find(model)->aliases.value(QStringLiteral("champion")),
             champion);
}

void tst_RegistryPanel::deployChangeTrafficRollbackArchive()
{
    Console admin(m_platformd.address(), m_platformd.adminToken());
    QTRY_VERIFY_WITH_TIMEOUT(admin.ready(), 15000);
    const QStringList regionIds = {QStringLiteral("us-east"),      QStringLiteral("us-west"),
                                   QStringLiteral("eu-west"),      QStringLiteral("eu-central"),
                                   QStringLiteral("ap-southeast"), QStringLiteral("ap-northeast"),
                                   QStringLiteral("sa-east"),      QStringLiteral("af-south"),
                                   QStringLiteral("me-central")};
    admin.panel.setRegions(regionIds); // as MainWindow passes the Regions model's
    DeploymentTableModel *deployments = admin.panel.deploymentsModel();
    // A model in Production with a READY version to deploy, one that is not READY (it cannot
    // serve; it is archived at the end) and a region it is not deployed in. The Versions view
    // finds the candidates in one query.
    admin.panel.setView(RegistryPanel::View::Versions);
    admin.panel.filterBox()->setText(QStringLiteral("status = FAILED OR status = PENDING"));
    QTRY_VERIFY_WITH_TIMEOUT(!admin.panel.filterBox()->hasError() &&
                                 !admin.panel.isLoadingVersions() &&
                                 admin.panel.versionsModel()->rowCount() > 0,
                             20000);
    QStringList candidates;
    for (int row = 0; row < admin.panel.versionsModel()->rowCount(); ++row) {
        const QString name = admin.panel.versionsModel()
                                 ->index(row, 0)
                                 .data(VersionTableModel::ModelNameRole)
                                 .toString();
        const ModelInfo *m = admin.panel.modelsModel()->find(name);
        if (m && m->productionVersion > 0 && !candidates.contains(name))
            candidates.append(name);
    }
    admin.panel.filterBox()->setText(QString());
    admin.panel.setView(RegistryPanel::View::Models);
    QString model, region;
    qint64 production = 0, deployed = 0, notReady = 0;
    ModelStage notReadyStage = ModelStage::None;
    for (const QString &name : std::as_const(candidates)) {
        admin.panel.selectModel(name);
        QTRY_VERIFY_WITH_TIMEOUT(admin.detail.model() == name && !admin.detail.isLoading() &&
                                     admin.detail.versionsModel()->rowCount() > 0,
                                 10000);
        const VersionTableModel *versions = admin.detail.versionsModel();
        qint64 ready = 0, other = 0;
        ModelStage stage = ModelStage::None;
        for (int row = 0; row < versions->rowCount(); ++row) {
            const ModelStage s = versions->stage(row);
            const auto status =
                VersionStatus(versions->index(row, 0).data(VersionTableModel::StatusRole).toInt());
            if (s == ModelStage::Production || s == ModelStage::Archived)
                continue;
            if (status != VersionStatus::Ready && !other) {
                other = versions->version(row);
                stage = s;
            } else if (status == VersionStatus::Ready && !ready) {
                ready = versions->version(row);
            }
        }
        QString freeRegion;
        for (const QString &r : regionIds)
            if (deployments->rowOf(QStringLiteral("%1/deployments/%2").arg(name, r)) < 0) {
                freeRegion = r;
                break;
            }
        if (ready && other && !freeRegion.isEmpty()) {
            model = name;
            region = freeRegion;
            production = admin.panel.modelsModel()->find(name)->productionVersion;
            deployed = ready;
            notReady = other;
            notReadyStage = stage;
            break;
        }
    }
    QVERIFY2(!model.isEmpty(), "the demo has no model to deploy, split, roll back and archive");
    const QString id = modelIdFromName(model);
    const QString deployment = QStringLiteral("%1/deployments/%2").arg(model, region);
    auto variant = [](qint64 version, int percent) {
        DeploymentVariant v;
        v.version = version;
        v.trafficPercent = percent;
        return v;
    };

    // Deploy: a new deployment with all of the traffic, in the detail's table.
    admin.detail.selectVersion(deployed);
    ActionDialog *dialog = openAction(admin, RegistryActions::Deploy);
    QVERIFY(dialog);
    auto *regionBox = dialog->findChild<QComboBox *>(QStringLiteral("actionRegion"));
    QVERIFY(regionBox);
    // The platform's regions, not free text; where the model serves already is marked and refused.
    QVERIFY(!regionBox->isEditable());
    QCOMPARE(regionBox->count(), regionIds.size());
    QString served;
    for (int row = 0; row < deployments->rowCount(); ++row)
        served = deployments->deployment(row).regionId();
    QVERIFY(!served.isEmpty());
    regionBox->setCurrentIndex(regionBox->findData(served));
    QVERIFY2(regionBox->currentText().contains(QLatin1String("serves")),
             qPrintable(regionBox->currentText()));
    QVERIFY(!dialog->isAcceptable());
    QVERIFY2(dialog->problemText().contains(QLatin1String("Change traffic")),
             qPrintable(dialog->problemText()));
    QVERIFY(dialog->effectText().startsWith(QStringLiteral("%1 already serves").arg(id)));
    regionBox->setCurrentIndex(regionBox->findData(region));
    QCOMPARE(regionBox->currentText(), region);
    QCOMPARE(dialog->effectText(),
             QStringLiteral("Version %1 of %2 is deployed to %3 with 100 % of the traffic of a new "
                            "endpoint.")
                 .arg(deployed)
                 .arg(id, region));
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(splitOf(deployments, deployment),
                              QStringList{QStringLiteral("%1:100").arg(deployed)}, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(selectDeployment(admin.detail, deployment), 10000);
    QVERIFY(!admin.panel.isMessageError());

    // Change traffic: 90/10 with the production version; a split that is not 100 is refused here.
    QAction *change = admin.actions()->action(RegistryActions::ChangeTraffic);
    QTRY_VERIFY2(change->isEnabled(), qPrintable(change->toolTip()));
    dialog = openAction(admin, RegistryActions::ChangeTraffic);
    QVERIFY(dialog);
    // One row per variant; "Add variant" offers Production next, and the sum is live.
    QCOMPARE(dialog->trafficRowCount(), 1);
    QCOMPARE(dialog->trafficSumText(), QStringLiteral("Sums to 100 %"));
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("trafficAdd"));
    QVERIFY(add && add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(dialog->trafficRowCount(), 2);
    auto *spinDeployed = dialog->findChild<QSpinBox *>(QStringLiteral("traffic_v%1").arg(deployed));
    auto *spinProduction =
        dialog->findChild<QSpinBox *>(QStringLiteral("traffic_v%1").arg(production));
    QVERIFY(spinDeployed && spinProduction);
    spinProduction->setValue(20);
    QCOMPARE(dialog->trafficSumText(), QStringLiteral("Sums to 120 %"));
    QVERIFY(!dialog->isAcceptable());
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY2(dialog->problemText().contains(QLatin1String("120 %")),
             qPrintable(dialog->problemText()));
    spinDeployed->setValue(90);
    spinProduction->setValue(10);
    QCOMPARE(dialog->trafficSumText(), QStringLiteral("Sums to 100 %"));
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    // A version chosen twice is refused here; a removed row leaves the sum short.
    QVERIFY(!add->isEnabled()); // every version that may serve is in the split
    QList<QComboBox *> versionBoxes =
        dialog->findChildren<QComboBox *>(QStringLiteral("trafficVersion"));
    QCOMPARE(versionBoxes.size(), 2);
    versionBoxes.at(1)->setCurrentIndex(versionBoxes.at(1)->findData(deployed));
    QVERIFY2(dialog->problemText() ==
                 QStringLiteral("Version %1 is in the split twice.").arg(deployed),
             qPrintable(dialog->problemText()));
    versionBoxes.at(1)->setCurrentIndex(versionBoxes.at(1)->findData(production));
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    QTest::mouseClick(dialog->findChildren<QPushButton *>(QStringLiteral("trafficRemove")).at(1),
                      Qt::LeftButton);
    QCOMPARE(dialog->trafficRowCount(), 1);
    QCOMPARE(dialog->trafficSumText(), QStringLiteral("Sums to 90 %"));
    QVERIFY(!dialog->isAcceptable());
    QTRY_VERIFY(!dialog->findChild<QSpinBox *>(QStringLiteral("traffic_v%1").arg(production)));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    spinProduction = dialog->findChild<QSpinBox *>(QStringLiteral("traffic_v%1").arg(production));
    QVERIFY(spinProduction);
    spinProduction->setValue(10);
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    const QList<DeploymentVariant> full = {variant(deployed, 100)};
    const QList<DeploymentVariant> split = {variant(deployed, 90), variant(production, 10)};
    QCOMPARE(dialog->effectText(),
             QStringLiteral("%1 in %2: %3 → %4. The current split is kept for a rollback.")
                 .arg(id, region, DeploymentTableModel::trafficText(full),
                      DeploymentTableModel::trafficText(split)));
    dialog->accept();
    const QStringList split9010 = {QStringLiteral("%1:90").arg(deployed),
                                   QStringLiteral("%1:10").arg(production)};
    QTRY_COMPARE_WITH_TIMEOUT(splitOf(deployments, deployment), split9010, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(admin.panel.messageText().contains(QLatin1String("now splits")),
                             10000);

    // A split platformd refuses (a version that cannot serve): its message is shown as it is.
    admin.detail.selectVersion(notReady);
    dialog = openAction(admin, RegistryActions::ChangeTraffic);
    QVERIFY(dialog);
    auto *spinNotReady = dialog->findChild<QSpinBox *>(QStringLiteral("traffic_v%1").arg(notReady));
    QVERIFY(spinNotReady);
    dialog->findChild<QSpinBox *>(QStringLiteral("traffic_v%1").arg(deployed))->setValue(80);
    spinNotReady->setValue(10);
    QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problemText()));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(admin.panel.isMessageError(), 10000);
    QVERIFY2(admin.panel.messageText().contains(
                 QStringLiteral("version %1 is not READY and cannot serve").arg(notReady)),
             qPrintable(admin.panel.messageText()));
    QCOMPARE(splitOf(deployments, deployment), split9010);

    // Roll back: the split before the last change returns.
    dialog = openAction(admin, RegistryActions::Rollback);
    QVERIFY(dialog);
    QCOMPARE(dialog->effectText(),
             QStringLiteral("%1 in %2 returns to %3 (the split before the last change); now %4.")
                 .arg(id, region, DeploymentTableModel::trafficText(full),
                      DeploymentTableModel::trafficText(split)));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(splitOf(deployments, deployment),
                              QStringList{QStringLiteral("%1:100").arg(deployed)}, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!admin.panel.isMessageError() &&
                                 admin.panel.messageText().contains(QLatin1String("rolled back")),
                             10000);

    // Archive (the version that cannot serve): the stage becomes Archived.
    const qint64 archived = notReady;
    const ModelStage archivedStage = notReadyStage;
    admin.detail.selectVersion(archived);
    dialog = openAction(admin, RegistryActions::Archive);
    QVERIFY(dialog);
    QVERIFY2(
        dialog->effectText().startsWith(
            QStringLiteral("Version %1 of %2 is archived: it leaves %3 and is kept for the record.")
                .arg(archived)
                .arg(id, RegistryText::stage(archivedStage))),
        qPrintable(dialog->effectText()));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(admin.detail.stageOf(archived), ModelStage::Archived, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        admin.panel.messageText() ==
            QStringLiteral("Version %1 of %2 is archived.").arg(archived).arg(id),
        10000);
    QVERIFY(!admin.actions()->action(RegistryActions::Archive)->isEnabled());
}

void tst_RegistryPanel::screenshot()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    // OPS_SCREENSHOT_THEME=dark|light: the app's theme (the platform's palette otherwise).
    if (const QString mode = qEnvironmentVariable("OPS_SCREENSHOT_THEME"); !mode.isEmpty())
        theme::apply(theme::modeFromString(mode));
    Console admin(m_platformd.address(), m_platformd.adminToken());
    QTRY_VERIFY_WITH_TIMEOUT(admin.ready(), 15000);
    admin.panel.resize(1000, 560);
    admin.detail.resize(760, 560);
    // A model whose deployments split traffic (a canary or an A/B test) shows the most.
    QString best;
    DeploymentTableModel *deployments = admin.panel.deploymentsModel();
    deployments->setModelFilter(QString()); // all of them, to choose
    for (int row = 0; row < deployments->rowCount(); ++row) {
        const Deployment &d = deployments->deployment(row);
        if (d.variants.size() > 1 && (best.isEmpty() || d.model < best))
            best = d.model;
    }
    QVERIFY(!best.isEmpty());
    admin.panel.selectModel(best);
    QTRY_VERIFY_WITH_TIMEOUT(
        !admin.detail.isLoading() && admin.detail.versionsModel()->rowCount() > 0, 10000);
    // Live serving metrics arrive every few seconds from the simulator.
    QTRY_VERIFY_WITH_TIMEOUT(deployments->rowCount() > 0 &&
                                 deployments->deployment(0).metrics.requestsPerSecond > 0,
                             10000);
    const QPixmap left = admin.panel.grab();
    const QPixmap right = admin.detail.grab();
    QPixmap both(left.width() + right.width(), std::max(left.height(), right.height()));
    both.fill(admin.panel.palette().color(QPalette::Window));
    {
        QPainter painter(&both);
        painter.drawPixmap(0, 0, left);
        painter.drawPixmap(left.width(), 0, right);
    }
    QVERIFY(both.save(dir + QStringLiteral("/registry.png")));
    admin.detail.tabs()->setCurrentIndex(1);
    QVERIFY(admin.detail.grab().save(dir + QStringLiteral("/detail-metrics.png")));
    admin.detail.tabs()->setCurrentIndex(2);
    QVERIFY(admin.detail.grab().save(dir + QStringLiteral("/detail-lineage.png")));
    admin.detail.tabs()->setCurrentIndex(3);
    QVERIFY(admin.detail.grab().save(dir + QStringLiteral("/detail-card.png")));
    admin.panel.setView(RegistryPanel::View::Approvals);
    QCoreApplication::processEvents(); // the toolbar lays out its new actions
    QVERIFY(admin.panel.grab().save(dir + QStringLiteral("/approvals.png")));
}

OPS_TEST_MAIN(tst_RegistryPanel)
#include "tst_registrypanel.moc"
