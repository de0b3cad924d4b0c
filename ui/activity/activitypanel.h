#pragma once

#include "models/region.h"

#include <QList>
#include <QWidget>

class QStandardItemModel;
class QTreeView;

namespace ops {

class RegionClient;

// The Activity panel: the most recent changes streamed by platformd, newest first (bounded).
class ActivityPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        RevisionColumn,
        ResourceColumn,
        ChangeColumn,
        StatusColumn,
        ColumnCount
    };
    static constexpr int StatusRole = Qt::UserRole + 1;
    static constexpr int MaxRows = 500;

    explicit ActivityPanel(RegionClient *client, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }

private:
    void addBatches(const QList<RegionChangeBatch> &batches);

    QStandardItemModel *m_model;
    QTreeView *m_view;
};

} // namespace ops
