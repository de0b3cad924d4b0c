#include "controlspage.h"

#include "models/compliancemodels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

} // namespace

ControlsPage::ControlsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new ControlTableModel(this))
    , m_proxy(new ControlFilterProxyModel(this))
    , m_requirements(new RequirementTableModel(this))
    , m_evidence(new EvidenceTableModel(this))
    , m_history(new CheckHistoryModel(this))
{
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *filters = new QHBoxLayout;
    m_framework = new QComboBox(this);
    m_framework->setObjectName(QStringLiteral("controlFrameworkFilter"));
    m_framework->addItem(tr("Every framework"), QString());
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("controlStatusFilter"));
    m_status->addItem(tr("Any status"), -1);
    for (ControlStatus s :
         {ControlStatus::Implemented, ControlStatus::InProgress, ControlStatus::NotImplemented,
          ControlStatus::Failing, ControlStatus::NotApplicable})
        m_status->addItem(ComplianceText::status(s), int(s));
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("controlOwnerFilter"));
    m_owner->addItem(tr("Any owner"), QString());
    m_count = new QLabel(this);
    filters->addWidget(new QLabel(tr("Framework:"), this));
    filters->addWidget(m_framework);
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(new QLabel(tr("Owner:"), this));
    filters->addWidget(m_owner);
    filters->addStretch();
    filters->addWidget(m_count);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = makeTable(m_proxy, QStringLiteral("controlTable"), splitter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ControlTableModel::IdColumn, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(ControlTableModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    splitter->addWidget(m_table);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    auto *titleRow = new QHBoxLayout;
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("controlDetailTitle"));
    QFont bold = m_detailTitle->font();
    bold.setBold(true);
    m_detailTitle->setFont(bold);
    m_addEvidence = new QToolButton(detail);
    m_addEvidence->setObjectName(QStringLiteral("addEvidenceButton"));
    m_addEvidence->setText(tr("Add evidence…"));
    m_addEvidence->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_editControl = new QToolButton(detail);
    m_editControl->setObjectName(QStringLiteral("editControlButton"));
    m_editControl->setText(tr("Edit control…"));
    m_editControl->setToolButtonStyle(Qt::ToolButtonTextOnly);
    titleRow->addWidget(m_detailTitle, 1);
    titleRow->addWidget(m_editControl);
    titleRow->addWidget(m_addEvidence);
    detailLayout->addLayout(titleRow);
    m_detailText = new QLabel(detail);
    m_detailText->setWordWrap(true);
    detailLayout->addWidget(m_detailText);
    auto *tabs = new QTabWidget(detail);
    tabs->setObjectName(QStringLiteral("controlDetailTabs"));
    m_requirementsTable = makeTable(m_requirements, QStringLiteral("requirementTable"), tabs);
    tabs->addTab(m_requirementsTable, tr("Requirements"));
    m_evidenceTable = makeTable(m_evidence, QStringLiteral("evidenceTable"), tabs);
    tabs->addTab(m_evidenceTable, tr("Evidence"));
    tabs->addTab(makeTable(m_history, QStringLiteral("checkHistoryTable"), tabs),
                 tr("Check history"));
    detailLayout->addWidget(tabs);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter);

    connect(m_framework, &QComboBox::currentIndexChanged, this, [this] {
        applyFilters();
        emit frameworkChanged(m_framework->currentData().toString());
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &ControlsPage::applyFilters);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &ControlsPage::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ControlsPage::onSelectionChanged);
    connect(m_addEvidence, &QToolButton::clicked, this, &ControlsPage::addEvidenceRequested);
    connect(m_editControl, &QToolButton::clicked, this, &ControlsPage::editControlRequested);
    clearDetail();
    applyFilters();
}

void ControlsPage::setFrameworks(const QList<Framework> &frameworks)
{
    const QString current = m_framework->currentData().toString();
    const QSignalBlocker blocker(m_framework);
    m_framework->clear();
    m_framework->addItem(tr("Every framework"), QString());
    m_frameworkNames.clear();
    for (const Framework &f : frameworks) {
        m_framework->addItem(f.displayName, f.name);
        m_frameworkNames.insert(f.name, f.displayName);
    }
    m_framework->setCurrentIndex(std::max(0, m_framework->findData(current)));
}

void ControlsPage::setControls(const QList<Control> &controls, const QDateTime &now)
{
    m_model->setControls(controls, now);
    const QString owner = m_owner->currentData().toString();
    {
        const QSignalBlocker blocker(m_owner);
        m_owner->clear();
        m_owner->addItem(tr("Any owner"), QString());
        for (const QString &o : m_model->owners())
            m_owner->addItem(o, o);
        m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    }
    applyFilters();
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(ControlTableModel::TitleColumn,
                                                      QHeaderView::Stretch);
    if (!m_current.isEmpty())
        selectControl(m_current);
}

void ControlsPage::setFramework(const QString &name)
{
    const int index = m_framework->findData(name);
    m_framework->setCurrentIndex(std::max(0, index));
}

void ControlsPage::applyFilters()
{
    m_proxy->setFramework(m_framework->currentData().toString());
    const int status = m_status->currentData().toInt();
    m_proxy->setStatus(status < 0 ? std::nullopt : std::optional(ControlStatus(status)));
    m_proxy->setOwner(m_owner->currentData().toString());
    m_count->setText(
        tr("%1 of %n control(s)", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}

bool ControlsPage::selectControl(const QString &name)
{
    auto find = [this, &name]() -> QModelIndex {
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            const QModelIndex index = m_proxy->index(r, 0);
            if (index.data(ComplianceRowsModel::KeyRole).toString() == name)
                return index;
        }
        return {};
    };
    QModelIndex index = find();
    if (!index.isValid() && m_model->control(name)) {
        m_status->setCurrentIndex(0);
        m_owner->setCurrentIndex(0);
        m_framework->setCurrentIndex(0);
        index = find();
    }
    if (!index.isValid())
        return false;
    const bool same = m_current == name;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    if (same)
        emit controlSelected(name); // reload its detail
    return true;
}

void ControlsPage::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QString name =
        rows.isEmpty() ? QString() : rows.first().data(ComplianceRowsModel::KeyRole).toString();
    if (name == m_current)
        return;
    m_current = name;
    if (name.isEmpty())
        clearDetail();
    emit controlSelected(name);
}

void ControlsPage::setDetail(const ControlDetail &detail, const QHash<QString, QString> &titles)
{
    const Control &c = detail.control;
    if (c.name != m_current)
        return; // an answer for a control no longer selected
    m_detailTitle->setText(QStringLiteral("%1 — %2").arg(c.id(), c.title));
    QStringList facts;
    facts << ComplianceText::status(c.status);
    if (!c.owner.isEmpty())
        facts << tr("owner %1").arg(c.owner);
    if (c.dueTime.isValid())
        facts << tr("due %1").arg(c.dueTime.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    if (!c.check.isEmpty())
        facts << tr("tested by %1").arg(titles.value(c.check, c.check));
    m_detailText->setText(
        facts.join(QStringLiteral(" · ")) +
        (c.description.isEmpty() ? QString() : QStringLiteral("\n") + c.description));
    m_requirements->setRequirements(c.requirements, m_frameworkNames);
    // Requirements cited by identifier only: no empty Title column.
    const bool titled = std::any_of(c.requirements.begin(), c.requirements.end(),
                                    [](const Requirement &r) { return !r.title.isEmpty(); });
    m_requirementsTable->setColumnHidden(RequirementTableModel::TitleColumn, !titled);
    m_evidence->setEvidence(detail.evidence);
    m_history->setRuns(detail.checkHistory, titles);
    for (QTableView *t : findChildren<QTableView *>()) {
        if (t != m_table)
            t->resizeColumnsToContents();
    }
}

void ControlsPage::clearDetail()
{
    m_detailTitle->setText(tr("Select a control to see its requirements, evidence and checks."));
    m_detailText->clear();
    m_requirements->setRequirements({}, {});
    m_evidence->setEvidence({});
    m_history->setRuns({});
}

} // namespace ops
