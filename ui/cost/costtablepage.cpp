#include "costtablepage.h"

#include "ui/common/theme.h"

#include "models/costtablemodels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

CostTablePage::CostTablePage(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_header(new QLabel(this))
    , m_state(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_tools(new QHBoxLayout)
{
    setObjectName(objectName);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(CostRowsModel::SortRole);
    m_table->setObjectName(objectName + QStringLiteral("Table"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the model's order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_state);

    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    auto *csv = new QToolButton(this);
    csv->setText(tr("Export CSV…"));
    m_tools->addWidget(m_header, 1);
    m_tools->addWidget(refresh);
    m_tools->addWidget(csv);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_tools);
    layout->addWidget(m_stack, 1);
    connect(refresh, &QToolButton::clicked, this, &CostTablePage::refreshRequested);
    connect(csv, &QToolButton::clicked, this, &CostTablePage::exportRequested);
    showLoading();
}

void CostTablePage::setStretchColumn(int column)
{
    m_stretchColumn = column;
    m_table->horizontalHeader()->setStretchLastSection(false);
}

void CostTablePage::setHeaderText(const QString &text)
{
    m_header->setText(text);
}

QString CostTablePage::headerText() const
{
    return m_header->text();
}

void CostTablePage::showLoaded(const QString &emptyText)
{
    if (m_proxy->rowCount() == 0) {
        m_state->setPalette(palette());
        m_state->setText(emptyText);
        m_stack->setCurrentWidget(m_state);
    } else {
        m_state->clear();
        m_stack->setCurrentWidget(m_table);
        m_table->resizeColumnsToContents();
        if (m_stretchColumn >= 0)
            m_table->horizontalHeader()->setSectionResizeMode(m_stretchColumn,
                                                              QHeaderView::Stretch);
    }
}

void CostTablePage::showError(const QString &text)
{
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
    m_state->setPalette(pal);
    m_state->setText(text);
    m_stack->setCurrentWidget(m_state);
}

void CostTablePage::showLoading()
{
    m_state->setPalette(palette());
    m_state->setText(tr("Loading…"));
    m_stack->setCurrentWidget(m_state);
}

QString CostTablePage::stateText() const
{
    return m_stack->currentWidget() == m_state ? m_state->text() : QString();
}

bool CostTablePage::isShowingTable() const
{
    return m_stack->currentWidget() == m_table;
}

} // namespace ops
