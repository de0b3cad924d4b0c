#include "detailhelpers.h"
#include "models/resourcename.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTreeWidget>

#include <algorithm>

namespace ops::regiondetail {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// A QTreeWidget is a QTreeView.
void setupTable(QTreeView *view)
{
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setFocusPolicy(Qt::NoFocus);
    view->setAlternatingRowColors(true);
    view->header()->setStretchLastSection(true);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
}

QTreeWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setHeaderLabels(headers);
    setupTable(view);
    return view;
}

// The panel itself scrolls, so its tables are as tall as their rows.
void fitHeight(QTreeView *view)
{
    const int rows = view->model()->rowCount();
    const int rowHeight = rows > 0 ? view->sizeHintForRow(0) : view->fontMetrics().height() + 6;
    // Room for the horizontal scroll bar too: a narrow dock scrolls the columns, not the rows.
    const int height = view->header()->sizeHint().height() + std::max(rows, 1) * rowHeight +
                       2 * view->frameWidth() + 2 +
                       view->horizontalScrollBar()->sizeHint().height();
    view->setFixedHeight(height);
}

} // namespace ops::regiondetail
