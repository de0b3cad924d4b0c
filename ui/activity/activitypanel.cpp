#include "activitypanel.h"

#include "ui/common/panellayout.h"
#include "ui/common/statusbadgedelegate.h"

#include "services/regionclient.h"

#include <QHeaderView>
#include <QLocale>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ops {

ActivityPanel::ActivityPanel(RegionClient *client, QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("activityPanel"));
    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Revision"), tr("Resource"), tr("Change"), tr("Status")});
    m_model->horizontalHeaderItem(RevisionColumn)
        ->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(StatusColumn, new StatusBadgeDelegate(StatusRole, m_view));
    panel::setColumnChars(
        m_view->header(), m_view->fontMetrics(), 24,
        {{TimeColumn, 10}, {RevisionColumn, 9}, {ResourceColumn, 40}, {ChangeColumn, 10}});
    m_view->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    if (client)
        connect(client, &RegionClient::changesReceived, this, &ActivityPanel::addBatches);
}

void ActivityPanel::addBatches(const QList<RegionChangeBatch> &batches)
{
    const QLocale locale;
    // Newest first: walk the batches backwards and insert the block at the top in one go.
    QList<QList<QStandardItem *>> rows;
    for (auto batch = batches.crbegin(); batch != batches.crend(); ++batch) {
        const QString time =
            locale.toString(batch->commitTime.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        for (auto event = batch->events.crbegin(); event != batch->events.crend(); ++event) {
            HealthStatus status = HealthStatus::Unknown;
            bool hasStatus = false;
            if (const auto *region = std::get_if<Region>(&event->resource)) {
                status = region->status;
                hasStatus = true;
            } else if (const auto *component = std::get_if<Component>(&event->resource)) {
                status = component->status;
                hasStatus = true;
            } else if (const auto *node = std::get_if<EdgeNode>(&event->resource)) {
                status = node->status;
                hasStatus = true;
            }
            auto *revision = new QStandardItem(QString::number(batch->revision));
            revision->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto *statusItem = new QStandardItem(hasStatus ? healthStatusText(status) : QString());
            if (hasStatus)
                statusItem->setData(int(status), StatusRole);
            rows.append(
                {new QStandardItem(time), revision, new QStandardItem(event->name),
                 new QStandardItem(event->type == RegionEvent::Type::Delete ? tr("Deleted")
                                                                            : tr("Updated")),
                 statusItem});
            if (rows.size() >= MaxRows)
                break;
        }
        if (rows.size() >= MaxRows)
            break;
    }
    if (rows.isEmpty())
        return;
    // Drop the oldest rows first so the model never grows beyond MaxRows.
    const int overflow = m_model->rowCount() + int(rows.size()) - MaxRows;
    if (overflow > 0)
        m_model->removeRows(m_model->rowCount() - overflow, overflow);
    for (int i = int(rows.size()) - 1; i >= 0; --i)
        m_model->insertRow(0, rows[i]);
}

} // namespace ops
