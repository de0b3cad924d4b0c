#pragma once

class QString;
class QTableView;
class QWidget;

namespace ops {

// The registry panels' tables: whole rows selected one at a time, no grid, no wrapping, no row
// numbers, titles aligned left, the last column taking the spare width. Rows have a fixed height
// (the font's plus `rowPadding` pixels), so the view never measures 100,000 rows.
QTableView *makeRegistryTable(QWidget *parent, const QString &name, int rowPadding);

} // namespace ops
