#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QFrame;
class QStackedWidget;
class QTreeView;
class QToolButton;

namespace ops {

class Connection;
class RegionClient;
class RegionFilterProxyModel;
class RegionTreeModel;
class ResourceSelection;
class StaleBanner;

// The Regions panel: a summary line with status counts, a quick filter, an error banner and the
// region/component tree (or an empty state while connecting or when there is nothing to show).
// With a ResourceSelection the tree's current row sets it and follows it (an edge node selects its
// region's row).
class RegionsPanel : public QWidget
{
    Q_OBJECT
public:
    RegionsPanel(RegionTreeModel *model, Connection *connection, RegionClient *client,
                 ResourceSelection *selection = nullptr, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    RegionFilterProxyModel *proxyModel() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QString summaryText() const;
    QString emptyStateText() const; // empty while the tree is shown
    QString errorText() const;      // empty while no banner is shown
    bool isShowingTree() const;
    QString staleText() const; // empty while the data is live

private:
    void updateStale();
    void showError(const QString &message);
    void hideError();
    void updateSummary();
    void updateEmptyState();
    void setupColumns();
    void followSelection(const QString &name);

    RegionTreeModel *m_model;
    Connection *m_connection;
    RegionFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QLineEdit *m_filterEdit;
    QFrame *m_errorBanner;
    QLabel *m_errorLabel;
    QToolButton *m_errorClose;
    StaleBanner *m_stale;
    RegionClient *m_client;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QTreeView *m_view;
    bool m_haveSnapshot = false;
    ResourceSelection *m_selection = nullptr;
    bool m_followingSelection = false; // set while the view follows the shared selection
};

} // namespace ops
