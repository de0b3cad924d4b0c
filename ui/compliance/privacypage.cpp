#include "privacypage.h"

#include "compliancewidgets.h"

#include "models/compliancemodels.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace {

bool selectKey(QTableView *table, const QString &key)
{
    const QAbstractItemModel *model = table->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(ComplianceRowsModel::KeyRole).toString() == key) {
            table->selectRow(r);
            return true;
        }
    }
    return false;
}

QWidget *section(const QString &title, QTableView *table, const QList<QToolButton *> &buttons,
                 QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(title, box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    bar->addWidget(label);
    bar->addStretch();
    for (QToolButton *b : buttons)
        bar->addWidget(b);
    layout->addLayout(bar);
    table->setParent(box);
    layout->addWidget(table);
    return box;
}

} // namespace

PrivacyPage::PrivacyPage(PrivacyQueueModel *requests, RetentionTableModel *retention,
                         QWidget *parent)
    : QWidget(parent)
{
    using namespace compliancewidgets;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_requests = makeTable(requests, QStringLiteral("privacyTable"), splitter);
    m_requests->sortByColumn(PrivacyQueueModel::CountdownColumn, Qt::AscendingOrder);
    m_retention = makeTable(retention, QStringLiteral("retentionTable"), splitter);
    m_newRequest = makeButton(tr("New request…"), QStringLiteral("newPrivacyRequestButton"), this);
    m_complete = makeButton(tr("Complete…"), QStringLiteral("completePrivacyRequestButton"), this);
    m_editPolicy = makeButton(tr("Edit policy…"), QStringLiteral("editRetentionButton"), this);
    m_applyRetention =
        makeButton(tr("Apply retention…"), QStringLiteral("applyRetentionButton"), this);
    splitter->addWidget(
        section(tr("Data-subject requests"), m_requests, {m_newRequest, m_complete}, splitter));
    splitter->addWidget(section(tr("Retention per data category"), m_retention,
                                {m_editPolicy, m_applyRetention}, splitter));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter);
    for (QTableView *t : {m_requests, m_retention})
        connect(t->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &PrivacyPage::selectionChanged);
    // A reset (reload) clears the selection without selectionChanged.
    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(requests),
                                  static_cast<QAbstractItemModel *>(retention)})
        connect(m, &QAbstractItemModel::modelReset, this, &PrivacyPage::selectionChanged);
}

QString PrivacyPage::currentRequest() const
{
    return compliancewidgets::selectedKey(m_requests);
}

QString PrivacyPage::currentPolicy() const
{
    return compliancewidgets::selectedKey(m_retention);
}

bool PrivacyPage::selectRequest(const QString &name)
{
    return selectKey(m_requests, name);
}

bool PrivacyPage::selectPolicy(const QString &name)
{
    return selectKey(m_retention, name);
}

} // namespace ops
