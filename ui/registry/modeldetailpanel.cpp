#include "modeldetailpanel.h"
#include "models/resourcename.h"

#include "metricchart.h"
#include "registryactions.h"
#include "registrydelegates.h"
#include "registrytable.h"

#include "models/deploymenttablemodel.h"
#include "models/modeltablemodel.h"
#include "models/versiontablemodel.h"
#include "services/modelregistryclient.h"
#include "ui/common/theme.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace ops {

ModelDetailPanel::ModelDetailPanel(ModelRegistryClient *client, ModelTableModel *models,
                                   DeploymentTableModel *deployments, RegistryActions *actions,
                                   QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_models(models)
    , m_deployments(deployments)
    , m_actions(actions)
    , m_versions(new VersionTableModel(this))
    , m_header(new QLabel(this))
    , m_toolbar(new QToolBar(this))
    , m_tabs(new QTabWidget(this))
    , m_metricBox(new QComboBox(this))
    , m_chartKind(new QComboBox(this))
    , m_chart(new MetricChart(this))
    , m_lineage(new QLabel(this))
    , m_card(new QTextBrowser(this))
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("modelDetailPanel"));
    m_header->setObjectName(QStringLiteral("modelDetailHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (auto kind : {RegistryActions::RequestPromotion, RegistryActions::MoveAlias,
                      RegistryActions::Deploy, RegistryActions::Archive})
        m_toolbar->addAction(actions->action(kind));
    m_toolbar->addSeparator();
    for (auto kind : {RegistryActions::ChangeTraffic, RegistryActions::Rollback})
        m_toolbar->addAction(actions->action(kind));

    // Versions of this model.
    m_versionsView = makeRegistryTable(this, QStringLiteral("detailVersionsView"), 12);
    m_versionsView->setModel(m_versions);
    m_versionsView->setColumnHidden(VersionTableModel::ModelColumn, true);
    m_versionsView->setItemDelegateForColumn(
        VersionTableModel::AliasesColumn,
        new AliasChipDelegate(VersionTableModel::AliasesRole, this));
    m_versionsView->setItemDelegateForColumn(
        VersionTableModel::StageColumn, new StageBadgeDelegate(VersionTableModel::StageRole, this));
    m_versionsView->horizontalHeader()->setSortIndicator(VersionTableModel::VersionColumn,
                                                         Qt::DescendingOrder);
    m_versionsView->setSortingEnabled(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_versionsView->setColumnWidth(VersionTableModel::VersionColumn, em * 5);
    m_versionsView->setColumnWidth(VersionTableModel::StageColumn, em * 9);
    m_versionsView->setColumnWidth(VersionTableModel::StatusColumn, em * 5);
    m_versionsView->setColumnWidth(VersionTableModel::AliasesColumn, em * 9);
    m_versionsView->setColumnWidth(VersionTableModel::MetricColumn, em * 6);

    // Metrics across versions.
    auto *metrics = new QWidget(this);
    auto *metricsRow = new QHBoxLayout;
    m_metricBox->setObjectName(QStringLiteral("detailMetric"));
    m_metricBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chartKind->addItems({tr("Line"), tr("Bars")});
    metricsRow->addWidget(new QLabel(tr("Metric:"), metrics));
    metricsRow->addWidget(m_metricBox);
    metricsRow->addWidget(m_chartKind);
    metricsRow->addStretch(1);
    auto *metricsLayout = new QVBoxLayout(metrics);
    metricsLayout->setContentsMargins(4, 4, 4, 4);
    metricsLayout->addLayout(metricsRow);
    metricsLayout->addWidget(m_chart, 1);
    m_chart->setEmptyText(tr("No metrics recorded for this model's versions."));

    // Lineage of the selected version.
    m_lineage->setObjectName(QStringLiteral("detailLineage"));
    m_lineage->setTextFormat(Qt::RichText);
    m_lineage->setOpenExternalLinks(true);
    m_lineage->setWordWrap(true);
    m_lineage->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_lineage->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_lineage->setMargin(8);
    auto *lineageScroll = new QScrollArea(this);
    lineageScroll->setWidget(m_lineage);
    lineageScroll->setWidgetResizable(true);
    lineageScroll->setFrameShape(QFrame::NoFrame);

    m_card->setObjectName(QStringLiteral("detailModelCard"));
    m_card->setOpenExternalLinks(true);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_versionsView, tr("Versions"));
    m_tabs->addTab(metrics, tr("Metrics"));
    m_tabs->addTab(lineageScroll, tr("Lineage"));
    m_tabs->addTab(m_card, tr("Model card"));

    // Deployments of this model, always visible: the live part.
    m_deploymentsView = makeRegistryTable(this, QStringLiteral("detailDeploymentsView"), 12);
    m_deploymentsView->setModel(m_deployments);
    m_deploymentsView->setItemDelegateForColumn(
        DeploymentTableModel::TrafficColumn,
        new TrafficBarDelegate(DeploymentTableModel::VariantsRole, this));
    m_deploymentsView->setColumnWidth(DeploymentTableModel::RegionColumn, em * 8);
    m_deploymentsView->setColumnWidth(DeploymentTableModel::TrafficColumn, em * 16);
    m_deploymentsView->setColumnWidth(DeploymentTableModel::StateColumn, em * 8);
    for (int c = DeploymentTableModel::RpsColumn; c <= DeploymentTableModel::DriftColumn; ++c)
        m_deploymentsView->setColumnWidth(c, em * 5);
    auto *deploymentsBox = new QWidget(this);
    auto *deploymentsLayout = new QVBoxLayout(deploymentsBox);
    deploymentsLayout->setContentsMargins(0, 0, 0, 0);
    deploymentsLayout->setSpacing(2);
    deploymentsLayout->addWidget(
        new QLabel(tr("<b>Deployments</b> — traffic split and live serving "
                      "metrics per region"),
                   deploymentsBox));
    deploymentsLayout->addWidget(m_deploymentsView);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tabs);
    split->addWidget(deploymentsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_toolbar);
    layout->addWidget(split, 1);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(200);
    connect(m_reloadTimer, &QTimer::timeout, this, &ModelDetailPanel::reload);
    connect(m_models, &ModelTableModel::modelChanged, this, [this](const QString &name) {
        if (name != m_model)
            return;
        updateHeader();
        m_reloadTimer->start(); // its versions changed (stage, aliases, a new one)
    });
    connect(m_models, &ModelTableModel::modelReset, this, [this] {
        updateHeader();
        if (!m_model.isEmpty())
            m_reloadTimer->start();
    });
    connect(m_metricBox, &QComboBox::currentTextChanged, this, &ModelDetailPanel::updateChart);
    connect(m_chartKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_chart->setKind(index == 1 ? MetricChart::Kind::Bars : MetricChart::Kind::Line);
    });
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ModelDetailPanel::onVersionSelection);
    connect(m_deploymentsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ModelDetailPanel::onDeploymentSelection);
    connect(m_actions, &RegistryActions::versionChanged, m_versions, &VersionTableModel::upsert);
    m_actions->setVersionsModel(m_versions);
    setModel({});
}

ModelDetailPanel::~ModelDetailPanel()
{
    if (m_listing)
        m_client->cancelVersions(m_listing);
}

void ModelDetailPanel::setModel(const QString &name)
{
    if (name == m_model && !name.isEmpty())
        return;
    m_model = name;
    m_selectedVersion = 0;
    m_deployments->setModelFilter(name.isEmpty() ? QStringLiteral("-") : name);
    m_loaded.clear();
    m_versions->clear();
    updateHeader();
    updateVersionDetail();
    updateChart();
    reload();
}

void ModelDetailPanel::reload()
{
    if (m_listing)
        m_client->cancelVersions(m_listing);
    m_listing = 0;
    if (m_model.isEmpty())
        return;
    auto loaded = std::make_shared<QList<ModelVersionInfo>>();
    m_listing = m_client->listVersions(
        m_model, {}, QStringLiteral("version desc"), 1000,
        [this, loaded](const ModelRegistryClient::VersionPage &page) {
            loaded->append(page.versions);
            if (!page.last)
                return;
            m_listing = 0;
            if (page.error.isError()) {
                m_header->setText(m_header->text() +
                                  QStringLiteral("<br><span style='color:%1'>%2</span>")
                                      .arg(theme::warningColor(palette()).name(),
                                           page.error.text.toHtmlEscaped()));
                return;
            }
            m_loaded = *loaded;
            const qint64 keep = m_selectedVersion;
            m_versions->clear();
            m_versions->appendPage(m_loaded);
            m_versions->sort(m_versionsView->horizontalHeader()->sortIndicatorSection(),
                             m_versionsView->horizontalHeader()->sortIndicatorOrder());
            // The metric choice survives a reload; the first time, the table's default.
            const QString metric = m_metricBox->currentText().isEmpty()
                                       ? m_versions->metricKey()
                                       : m_metricBox->currentText();
            {
                const QSignalBlocker block(m_metricBox);
                m_metricBox->clear();
                m_metricBox->addItems(m_versions->metricKeys());
                m_metricBox->setCurrentText(metric);
            }
            updateChart();
            if (keep > 0)
                selectVersion(keep);
            else if (m_versions->rowCount() > 0)
                m_versionsView->selectionModel()->setCurrentIndex(
                    m_versions->index(0, 0),
                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            updateVersionDetail();
        },
        false);
}

void ModelDetailPanel::updateHeader()
{
    const ModelInfo *m = m_model.isEmpty() ? nullptr : m_models->find(m_model);
    if (!m) {
        m_header->setText(tr("<i>Select a model in the Model registry.</i>"));
        return;
    }
    QString production = m->productionVersion > 0
                             ? tr("version %1 in Production").arg(m->productionVersion)
                             : tr("no version in Production");
    // The first paragraph of the Markdown description, without headings.
    QString description;
    for (const QString &line : m->description.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1Char('#'))) {
            description = t;
            break;
        }
    }
    m_header->setText(
        tr("<b style='font-size:large'>%1</b> &nbsp; %2 · owner %3 · %n version(s), %4 · "
           "%5 live deployment(s)<br>%6",
           nullptr, m->versionCount)
            .arg((m->displayName.isEmpty() ? m->id() : m->displayName).toHtmlEscaped(),
                 RegistryText::task(m->task).toHtmlEscaped(), m->ownerTeam.toHtmlEscaped(),
                 production)
            .arg(m->liveDeployments)
            .arg(description.toHtmlEscaped()));
}

void ModelDetailPanel::updateChart()
{
    const QString metric = m_metricBox->currentText();
    QList<QPair<qint64, double>> points;
    for (const ModelVersionInfo &v : std::as_const(m_loaded)) {
        const auto it = v.metrics.constFind(metric);
        if (it != v.metrics.cend())
            points.append({v.version, it.value()});
    }
    m_chart->setData(metric, points);
}

void ModelDetailPanel::selectVersion(qint64 version)
{
    const int row = m_versions->rowOf(m_model, version);
    if (row < 0)
        return;
    m_versionsView->selectionModel()->setCurrentIndex(
        m_versions->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_versionsView->scrollTo(m_versions->index(row, 0));
}

ModelStage ModelDetailPanel::stageOf(qint64 version) const
{
    const int row = m_versions->rowOf(m_model, version);
    return row < 0 ? ModelStage::None : m_versions->stage(row);
}

void ModelDetailPanel::onVersionSelection()
{
    const QModelIndex current = m_versionsView->selectionModel()->currentIndex();
    if (current.isValid()) {
        m_selectedVersion = m_versions->version(current.row());
        m_actions->setVersion(m_model, m_selectedVersion, m_versions->stage(current.row()));
    }
    updateVersionDetail();
}

void ModelDetailPanel::onDeploymentSelection()
{
    const QModelIndex current = m_deploymentsView->selectionModel()->currentIndex();
    m_actions->setDeployment(
        current.isValid() ? current.data(DeploymentTableModel::NameRole).toString() : QString());
}

void ModelDetailPanel::updateVersionDetail()
{
    const ModelVersionInfo *v = nullptr;
    for (const ModelVersionInfo &x : std::as_const(m_loaded)) {
        if (x.version == m_selectedVersion)
            v = &x;
    }
    if (!v) {
        m_lineage->setText(tr("<i>Select a version to see where it came from.</i>"));
        m_card->setMarkdown(QString());
        return;
    }
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value);
    };
    const QString run = v->runLink.isEmpty()
                            ? v->runId.toHtmlEscaped()
                            : QStringLiteral("<a href='%1'>%2</a>")
                                  .arg(v->runLink.toHtmlEscaped(), v->runId.toHtmlEscaped());
    QString html = QStringLiteral("<table cellspacing='3'>");
    html +=
        row(tr("Version"), tr("%1 — %2, %3")
                               .arg(v->version)
                               .arg(RegistryText::stage(v->stage), RegistryText::status(v->status))
                               .toHtmlEscaped());
    if (v->status == VersionStatus::Failed && !v->statusMessage.isEmpty())
        html += row(tr("Failed"), v->statusMessage.toHtmlEscaped());
    html += row(tr("Training run"), run);
    html += row(tr("Dataset"), v->dataset.toHtmlEscaped());
    html += row(tr("Dataset hash"),
                QStringLiteral("<code>%1</code>").arg(v->datasetHash.toHtmlEscaped()));
    html += row(tr("Source"), QStringLiteral("<code>%1</code>").arg(v->sourceUri.toHtmlEscaped()));
    html += row(tr("Framework"), v->framework.toHtmlEscaped());
    html += row(tr("Input signature"),
                QStringLiteral("<code>%1</code>").arg(v->inputSignature.toHtmlEscaped()));
    html += row(tr("Created"),
                tr("%1 by %2")
                    .arg(v->createTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         resource::leafId(v->createdBy))
                    .toHtmlEscaped());
    QStringList metrics;
    for (const QString &key : v->metricKeys())
        metrics.append(QStringLiteral("%1 = %2").arg(key).arg(v->metrics.value(key), 0, 'g', 4));
    html += row(tr("Metrics"), metrics.join(QStringLiteral(", ")).toHtmlEscaped());
    QStringList params;
    QStringList keys = v->parameters.keys();
    keys.sort();
    for (const QString &key : keys)
        params.append(QStringLiteral("%1 = %2").arg(key, v->parameters.value(key)));
    if (!params.isEmpty())
        html += row(tr("Parameters"), params.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!v->tags.isEmpty())
        html += row(tr("Tags"), v->tags.join(QStringLiteral(", ")).toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_lineage->setText(html);
    m_card->setMarkdown(v->modelCard.isEmpty()
                            ? tr("*No model card for version %1.*").arg(v->version)
                            : v->modelCard);
}

QString ModelDetailPanel::lineageText() const
{
    return m_lineage->text();
}

QString ModelDetailPanel::headerText() const
{
    return m_header->text();
}

} // namespace ops
