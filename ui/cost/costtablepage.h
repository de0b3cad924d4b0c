#pragma once

#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace ops {

// One tab of the cost panel around a table: a header line, a tool row (extra buttons, Refresh,
// Export CSV…), and the table, or in its place a centred line for the empty and error states.
// The table sorts numbers as numbers (CostRowsModel::SortRole).
class CostTablePage : public QWidget
{
    Q_OBJECT
public:
    CostTablePage(QAbstractItemModel *model, const QString &objectName, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QHBoxLayout *tools() const { return m_tools; }
    // The column that takes the room the others leave (a text column; default the last).
    void setStretchColumn(int column);
    void setHeaderText(const QString &text);
    QString headerText() const;
    // After a load: the table, or `emptyText` when it has no rows, or the error.
    void showLoaded(const QString &emptyText);
    void showError(const QString &text);
    void showLoading();
    QString stateText() const; // the empty, error or loading text; empty when the table shows
    bool isShowingTable() const;

signals:
    void refreshRequested();
    void exportRequested();

private:
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_header;
    QLabel *m_state;
    QStackedWidget *m_stack;
    QHBoxLayout *m_tools;
    int m_stretchColumn = -1;
};

} // namespace ops
