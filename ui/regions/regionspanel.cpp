#include "regionspanel.h"
#include "models/resourcename.h"

#include "regionfilterproxymodel.h"
#include "ui/common/panellayout.h"
#include "ui/common/resourceselection.h"
#include "ui/common/stalebanner.h"
#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include "models/regiontreemodel.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ops {

namespace {
enum Page { EmptyPage, TreePage };
} // namespace

RegionsPanel::RegionsPanel(RegionTreeModel *model, Connection *connection, RegionClient *client,
                           ResourceSelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_connection(connection)
    , m_proxy(new RegionFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_errorBanner(new QFrame(this))
    , m_errorLabel(new QLabel(m_errorBanner))
    , m_errorClose(new QToolButton(m_errorBanner))
    , m_stale(new StaleBanner(this))
    , m_client(client)
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(m_stack))
    , m_view(new QTreeView(m_stack))
    , m_selection(selection)
{
    setObjectName(QStringLiteral("regionsPanel"));
    m_proxy->setSourceModel(m_model);

    panel::setupSummary(m_summary, QStringLiteral("regionsSummary"));

    m_filterEdit->setObjectName(QStringLiteral("regionsFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter regions and components…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMaximumWidth(380);
    m_filterEdit->setMinimumWidth(280);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 4);
    top->addWidget(m_summary, 1);
    top->addWidget(m_filterEdit);

    // Error banner: says what failed; hidden again when data flows or the user closes it.
    m_errorBanner->setObjectName(QStringLiteral("regionsErrorBanner"));
    m_errorBanner->setFrameShape(QFrame::StyledPanel);
    m_errorBanner->setAutoFillBackground(true);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorClose->setAutoRaise(true);
    m_errorClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_errorClose->setToolTip(tr("Dismiss"));
    auto *icon = new QLabel(m_errorBanner);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    auto *bannerLayout = new QHBoxLayout(m_errorBanner);
    bannerLayout->setContentsMargins(8, 4, 4, 4);
    bannerLayout->addWidget(icon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_errorLabel, 1);
    bannerLayout->addWidget(m_errorClose, 0, Qt::AlignTop);
    m_errorBanner->hide();

    panel::setupEmptyState(m_emptyLabel, QStringLiteral("regionsEmptyState"));
    QFont emptyFont = m_emptyLabel->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_emptyLabel->setFont(emptyFont);

    m_view->setObjectName(QStringLiteral("regionsView"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(RegionTreeModel::StatusColumn,
                                     new StatusBadgeDelegate(RegionTreeModel::StatusRole, m_view));
    m_view->sortByColumn(RegionTreeModel::NameColumn, Qt::AscendingOrder);
    setupColumns();

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_stale);
    layout->addWidget(m_stack, 1);

    // Stale data is dimmed (the proxy's foreground) under a "stale since" banner.
    connect(m_stale, &StaleBanner::staleChanged, this, [this](bool stale) {
        m_proxy->setStaleColor(stale ? palette().color(QPalette::PlaceholderText) : QColor());
    });
    auto *ticker = new QTimer(this);
    ticker->setInterval(1000);
    connect(ticker, &QTimer::timeout, this, &RegionsPanel::updateStale);
    ticker->start();

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        if (!text.trimmed().isEmpty())
            m_view->expandAll();
        updateEmptyState();
    });
    connect(m_errorClose, &QToolButton::clicked, this, &RegionsPanel::hideError);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this](const QModelIndex &parent) {
            if (!parent.isValid()) {
                updateSummary();
                updateEmptyState();
            }
        });
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateSummary();
        updateEmptyState();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (!topLeft.parent().isValid() &&
                    topLeft.column() <= RegionTreeModel::StatusColumn &&
                    bottomRight.column() >= RegionTreeModel::StatusColumn) {
                    updateSummary();
                }
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RegionsPanel::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RegionsPanel::updateEmptyState);

    if (client) {
        connect(client, &RegionClient::snapshotReceived, this, [this] {
            m_haveSnapshot = true;
            hideError();
            updateEmptyState();
        });
        connect(client, &RegionClient::changesReceived, this, &RegionsPanel::hideError);
        connect(client, &RegionClient::errorOccurred, this, &RegionsPanel::showError);
        connect(client, &RegionClient::streamStateChanged, this, &RegionsPanel::updateStale);
        connect(client, &RegionClient::changesReceived, this, &RegionsPanel::updateStale);
        connect(client, &RegionClient::progressReceived, this, &RegionsPanel::updateStale);
    }
    if (m_connection) {
        connect(m_connection, &Connection::stateChanged, this, &RegionsPanel::updateEmptyState);
        connect(m_connection, &Connection::opened, this, &RegionsPanel::updateEmptyState);
    }

    if (m_selection) {
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) {
                    if (!m_followingSelection && current.isValid()) {
                        m_selection->setCurrent(current.siblingAtColumn(0)
                                                    .data(RegionTreeModel::ResourceNameRole)
                                                    .toString());
                    }
                });
        connect(m_selection, &ResourceSelection::currentChanged, this,
                &RegionsPanel::followSelection);
        // A selection made before its row arrived is shown once it does.
        connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
                [this] { followSelection(m_selection->current()); });
    }

    // The tree, not the filter box, gets the focus when the window opens.
    setFocusProxy(m_view);
    QWidget::setTabOrder(m_view, m_filterEdit);

    updateSummary();
    updateEmptyState();
}

void RegionsPanel::setupColumns()
{
    QHeaderView *header = m_view->header();
    // The last column (a left-aligned time) takes the spare width, so numbers stay near names.
    panel::setupHeader(header);
    header->setSortIndicatorShown(true);
    const QFontMetrics fm = m_view->fontMetrics();
    constexpr int kPadding = 24;
    header->setMinimumSectionSize(panel::chars(fm, 6, kPadding));
    panel::setColumnChars(header, fm, kPadding,
                          {{RegionTreeModel::NameColumn, 34},
                           {RegionTreeModel::ProviderColumn, 8},
                           {RegionTreeModel::StatusColumn, 14},
                           {RegionTreeModel::LatencyP95Column, 11},
                           {RegionTreeModel::ErrorRateColumn, 10},
                           {RegionTreeModel::ThroughputColumn, 12},
                           {RegionTreeModel::AvailabilityColumn, 11},
                           {RegionTreeModel::UpdatedColumn, 10}});
}

void RegionsPanel::followSelection(const QString &name)
{
    QModelIndex source = m_model->indexOf(name);
    if (!source.isValid() && !name.isEmpty())
        source = m_model->indexOf(resource::topLevel(name)); // e.g. an edge node
    const QModelIndex index = m_proxy->mapFromSource(source);
    QItemSelectionModel *selection = m_view->selectionModel();
    if (index == selection->currentIndex().siblingAtColumn(0))
        return;
    const QScopedValueRollback<bool> following(m_followingSelection, true);
    if (!index.isValid()) {
        selection->clear();
        return;
    }
    if (index.parent().isValid())
        m_view->expand(index.parent());
    selection->setCurrentIndex(index,
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QString RegionsPanel::summaryText() const
{
    return m_summary->text();
}

QString RegionsPanel::emptyStateText() const
{
    return m_stack->currentIndex() == EmptyPage ? m_emptyLabel->text() : QString();
}

QString RegionsPanel::errorText() const
{
    return m_errorBanner->isVisibleTo(this) ? m_errorLabel->text() : QString();
}

bool RegionsPanel::isShowingTree() const
{
    return m_stack->currentIndex() == TreePage;
}

QString RegionsPanel::staleText() const
{
    return m_stale->text();
}

void RegionsPanel::updateStale()
{
    if (!m_client || !m_haveSnapshot) {
        m_stale->update(true, {});
        return;
    }
    m_stale->update(m_client->streamState() == RegionClient::StreamState::Streaming,
                    m_client->lastEventTime(),
                    m_client->streamState() != RegionClient::StreamState::Refused);
}

void RegionsPanel::showError(const QString &message)
{
    QPalette pal = m_errorBanner->palette();
    pal.setColor(QPalette::Window, theme::errorBackground(palette()));
    m_errorBanner->setPalette(pal);
    m_errorLabel->setText(message);
    m_errorBanner->show();
    updateEmptyState();
}

void RegionsPanel::hideError()
{
    if (m_errorBanner->isVisibleTo(this))
        m_errorBanner->hide();
}

void RegionsPanel::updateSummary()
{
    const int regions = m_model->rowCount();
    int counts[5] = {0, 0, 0, 0, 0};
    for (int row = 0; row < regions; ++row) {
        const int status = m_model->index(row, 0).data(RegionTreeModel::StatusRole).toInt();
        if (status >= 0 && status < 5)
            ++counts[status];
    }
    QStringList parts;
    parts << tr("%n region(s)", nullptr, regions);
    if (counts[int(HealthStatus::Degraded)])
        parts << tr("%n degraded", nullptr, counts[int(HealthStatus::Degraded)]);
    if (counts[int(HealthStatus::Down)])
        parts << tr("%n down", nullptr, counts[int(HealthStatus::Down)]);
    if (counts[int(HealthStatus::Maintenance)])
        parts << tr("%n in maintenance", nullptr, counts[int(HealthStatus::Maintenance)]);
    if (counts[int(HealthStatus::Unknown)])
        parts << tr("%n unknown", nullptr, counts[int(HealthStatus::Unknown)]);
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void RegionsPanel::updateEmptyState()
{
    QString text;
    if (m_model->rowCount() == 0) {
        if (m_haveSnapshot) {
            text = tr("No regions");
        } else if (m_errorBanner->isVisibleTo(this)) {
            text = tr("No data: the connection failed.");
        } else {
            const QString endpoint = m_connection ? m_connection->endpoint() : QString();
            text = endpoint.isEmpty() ? tr("Connecting…") : tr("Connecting to %1…").arg(endpoint);
        }
    } else if (m_proxy->rowCount() == 0) {
        text = tr("No regions match “%1”").arg(m_proxy->filterText());
    }
    m_emptyLabel->setText(text);
    m_stack->setCurrentIndex(text.isEmpty() ? TreePage : EmptyPage);
}

} // namespace ops
