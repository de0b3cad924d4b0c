#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

class QLabel;
class QTreeView;
class QTreeWidget;
class QWidget;

// Small pieces the region detail's parts share: the look of its labels and tables.
namespace ops::regiondetail {

QLabel *valueLabel(QWidget *parent); // selectable, word-wrapped
void setupTable(QTreeView *view);    // the look of the panel's tables
QTreeWidget *makeTable(const QStringList &headers, QWidget *parent);
void fitHeight(QTreeView *view); // shows all rows without an inner scroll bar

} // namespace ops::regiondetail
