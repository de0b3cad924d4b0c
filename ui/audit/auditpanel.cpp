#include "auditpanel.h"

#include "auditfilterproxymodel.h"
#include "chainbadge.h"
#include "ui/common/panellayout.h"
#include "ui/common/stalebanner.h"
#include "ui/common/theme.h"

#include "models/audittablemodel.h"
#include "services/auditclient.h"
#include "services/connection.h"
#include "services/identityclient.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ops {

namespace {
enum Page { EmptyPage, TablePage };

QLabel *makeInlineMessage(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setContentsMargins(8, 0, 8, 2);
    label->hide();
    return label;
}
} // namespace

AuditPanel::AuditPanel(AuditClient *client, IdentityClient *identity, Connection *connection,
                       QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_identity(identity)
    , m_connection(connection)
    , m_model(new AuditTableModel(this))
    , m_proxy(new AuditFilterProxyModel(this))
    , m_badge(new ChainBadge(this))
    , m_summary(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_serverFilterEdit(new QLineEdit(this))
    , m_verifyButton(new QPushButton(tr("Verify on server"), this))
    , m_serverFilterError(makeInlineMessage(this, QStringLiteral("auditServerFilterError")))
    , m_serverVerdict(makeInlineMessage(this, QStringLiteral("auditServerVerdict")))
    , m_errorLabel(makeInlineMessage(this, QStringLiteral("auditError")))
    , m_stale(new StaleBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(m_stack))
    , m_view(new QTableView(m_stack))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("auditPanel"));
    m_proxy->setSourceModel(m_model);

    m_summary->setObjectName(QStringLiteral("auditSummary"));
    m_filterEdit->setObjectName(QStringLiteral("auditFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter actor, action, resource, result…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(160);
    m_filterEdit->setMaximumWidth(260);
    m_serverFilterEdit->setObjectName(QStringLiteral("auditServerFilter"));
    m_serverFilterEdit->setPlaceholderText(tr("Server filter, e.g. result != \"OK\""));
    m_serverFilterEdit->setToolTip(
        tr("An AIP-160 filter sent to platformd (ListAuditEvents). Press Enter to apply; clear it "
           "to show every entry."));
    m_serverFilterEdit->setClearButtonEnabled(true);
    m_serverFilterEdit->setMinimumWidth(160);
    m_serverFilterEdit->setMaximumWidth(260);
    m_verifyButton->setObjectName(QStringLiteral("auditVerifyButton"));
    m_verifyButton->setToolTip(tr("Ask platformd to verify the whole chain and compare its verdict "
                                  "with the console's."));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 4);
    top->setSpacing(8);
    top->addWidget(m_badge);
    top->addWidget(m_summary, 1);
    top->addWidget(m_filterEdit);
    top->addWidget(m_serverFilterEdit);
    top->addWidget(m_verifyButton);

    panel::setupEmptyState(m_emptyLabel, QStringLiteral("auditEmptyState"));
    m_emptyLabel->setMargin(16);

    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditTableModel::SeqColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    setupColumns();

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_serverFilterError);
    layout->addWidget(m_serverVerdict);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_stale);
    layout->addWidget(m_stack, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateEmptyState();
    });
    connect(m_serverFilterEdit, &QLineEdit::returnPressed, this, &AuditPanel::applyServerFilter);
    connect(m_serverFilterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() && m_proxy->hasServerFilter())
            applyServerFilter();
    });
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditPanel::verifyOnServer);
    connect(m_badge, &ChainBadge::activated, this, &AuditPanel::selectFirstBadEntry);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuditPanel::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuditPanel::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuditPanel::updateEmptyState);
    connect(m_stale, &StaleBanner::staleChanged, this, &AuditPanel::updateColors);

    if (m_client) {
        connect(m_client, &AuditClient::snapshotReceived, this, &AuditPanel::onSnapshot);
        connect(m_client, &AuditClient::eventsReceived, this, &AuditPanel::onEvents);
        connect(m_client, &AuditClient::streamStateChanged, this, &AuditPanel::updateStale);
        connect(m_client, &AuditClient::errorOccurred, this, [this](const QString &message) {
            m_errorLabel->setText(message);
            m_errorLabel->show();
            updateEmptyState();
        });
    }
    if (m_identity)
        connect(m_identity, &IdentityClient::permissionsChanged, this,
                &AuditPanel::updatePermissions);
    if (m_connection)
        connect(m_connection, &Connection::opened, this, &AuditPanel::updateEmptyState);

    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &AuditPanel::updateStale);
    m_ticker->start();

    setFocusProxy(m_view);
    updateColors();
    updatePermissions();
}

AuditPanel::~AuditPanel() = default;

void AuditPanel::setupColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    panel::setupHeader(header);
    const QFontMetrics fm = m_view->fontMetrics();
    constexpr int kPadding = 16;
    header->setMinimumSectionSize(panel::chars(fm, 4, kPadding));
    // Result (last) takes the spare width.
    panel::setColumnChars(header, fm, kPadding,
                          {{AuditTableModel::SeqColumn, 5},
                           {AuditTableModel::TimeColumn, 16},
                           {AuditTableModel::ActorColumn, 11},
                           {AuditTableModel::RoleColumn, 9},
                           {AuditTableModel::ActionColumn, 19},
                           {AuditTableModel::ResourceColumn, 10},
                           {AuditTableModel::SummaryColumn, 16}});
}

void AuditPanel::updatePermissions()
{
    const Permissions permissions =
        m_identity ? m_identity->permissions() : Permissions({Permissions::AuditRead});
    const bool allowed = permissions.has(Permissions::AuditRead);
    const QString missing = permissions.missingText(Permissions::AuditRead);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_filterEdit, m_serverFilterEdit, m_verifyButton}) {
        w->setEnabled(allowed);
        w->setToolTip(allowed ? w->toolTip() : missing);
    }
    if (allowed && !m_verifyButton->toolTip().isEmpty() && m_verifyButton->toolTip() == missing)
        m_verifyButton->setToolTip(tr("Ask platformd to verify the whole chain."));
    if (allowed == m_allowed)
        return updateEmptyState();
    m_allowed = allowed;
    if (!m_client)
        return updateEmptyState();
    if (allowed) {
        m_errorLabel->hide();
        m_client->start();
    } else {
        // Do not ask what we may not read: no error storm, just an explanation.
        m_client->stop();
        m_haveSnapshot = false;
        m_model->clear();
        m_verifier.reset();
        m_badge->setUnknown(tr("Chain not checked"));
        m_summary->clear();
    }
    updateEmptyState();
}

void AuditPanel::onSnapshot(const QList<AuditEvent> &events)
{
    m_haveSnapshot = true;
    m_errorLabel->hide();
    m_endpoint = m_client ? m_client->endpoint() : QString();
    m_model->setEvents(events);
    m_verifier.reset();
    QSettings settings;
    const auto head = AuditChainVerifier::rememberedHead(settings, m_endpoint);
    m_verifier.setAnchor(head.seq, head.hash);
    m_verifier.append(events);
    m_verifier.finishListing();
    updateVerdict();
    updateEmptyState();
    updateStale();
}

void AuditPanel::onEvents(const QList<AuditEvent> &events)
{
    m_model->appendEvents(events);
    m_verifier.append(events);
    updateVerdict();
    updateStale();
}

void AuditPanel::updateVerdict()
{
    const auto &v = m_verifier.verdict();
    if (v.intact) {
        m_badge->setVerified(v.entriesChecked, v.headHash);
        QSettings settings;
        AuditChainVerifier::rememberHead(settings, m_endpoint, v);
    } else {
        m_badge->setBroken(v.firstBadSeq, v.problemText);
    }
    m_model->setFirstBadSeq(v.intact ? 0 : v.firstBadSeq);
    const int denied = m_model->deniedCount();
    m_summary->setText(denied ? tr("%n denied", nullptr, denied) : QString());
}

void AuditPanel::selectFirstBadEntry()
{
    const int sourceRow = m_model->rowForSeq(m_verifier.verdict().firstBadSeq);
    if (sourceRow < 0)
        return;
    // The quick filters must not hide the row we want to show.
    m_filterEdit->clear();
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->setFocus();
}

void AuditPanel::applyServerFilter()
{
    const QString filter = m_serverFilterEdit->text().trimmed();
    m_serverFilterError->hide();
    const quint64 query = ++m_serverQuery;
    if (filter.isEmpty() || !m_client) {
        m_proxy->setServerMatches(std::nullopt);
        updateEmptyState();
        return;
    }
    m_client->listFiltered(filter,
                           [this, query](const QList<AuditEvent> &events, const QString &error) {
                               if (query != m_serverQuery)
                                   return; // a newer filter was applied meanwhile
                               if (!error.isEmpty()) {
                                   m_serverFilterError->setText(tr("Server filter: %1").arg(error));
                                   m_serverFilterError->show();
                                   return;
                               }
                               QSet<qint64> seqs;
                               for (const AuditEvent &e : events)
                                   seqs.insert(e.seq);
                               m_proxy->setServerMatches(std::move(seqs));
                               updateEmptyState();
                           });
}

void AuditPanel::verifyOnServer()
{
    if (!m_client)
        return;
    m_verifyButton->setEnabled(false);
    m_serverVerdict->setText(tr("Asking platformd to verify its chain…"));
    m_serverVerdict->show();
    m_client->verifyOnServer([this](const ServerChainVerdict &server, const QString &error) {
        m_verifyButton->setEnabled(m_allowed);
        if (!error.isEmpty()) {
            m_serverVerdict->setText(error);
            return;
        }
        const auto &mine = m_verifier.verdict();
        const QString theirs = server.intact ? tr("platformd: chain intact (%n entries checked).",
                                                  nullptr, int(server.entriesChecked))
                                             : tr("platformd: chain broken at seq %1: %2.")
                                                   .arg(server.firstBadSeq)
                                                   .arg(server.problem);
        QString comparison;
        if (server.intact != mine.intact)
            comparison =
                tr("The verdicts DISAGREE: the console says %1.")
                    .arg(mine.intact ? tr("intact") : tr("broken at seq %1").arg(mine.firstBadSeq));
        else if (!server.intact && server.firstBadSeq != mine.firstBadSeq)
            comparison = tr("Both find the chain broken; the console first at seq %1.")
                             .arg(mine.firstBadSeq);
        else
            comparison = tr("The console agrees.");
        m_serverVerdict->setText(theirs + QLatin1Char(' ') + comparison);
    });
}

QString AuditPanel::emptyStateText() const
{
    return m_stack->currentIndex() == EmptyPage ? m_emptyLabel->text() : QString();
}

QString AuditPanel::serverFilterError() const
{
    return m_serverFilterError->isVisibleTo(this) ? m_serverFilterError->text() : QString();
}

QString AuditPanel::serverVerdictText() const
{
    return m_serverVerdict->isVisibleTo(this) ? m_serverVerdict->text() : QString();
}

QString AuditPanel::staleText() const
{
    return m_stale->text();
}

bool AuditPanel::isShowingTable() const
{
    return m_stack->currentIndex() == TablePage;
}

void AuditPanel::updateEmptyState()
{
    QString text;
    const Permissions permissions =
        m_identity ? m_identity->permissions() : Permissions({Permissions::AuditRead});
    if (!permissions.isKnown()) {
        text = tr("Checking what you may see…");
    } else if (!permissions.has(Permissions::AuditRead)) {
        text = tr("The audit log needs the permission audit.read, which your roles do not grant. "
                  "Compliance officers and administrators have it; ask one of them to grant you "
                  "the role, or connect with their token.");
    } else if (!m_haveSnapshot) {
        text = m_errorLabel->isVisibleTo(this) ? tr("No audit log: the request failed.")
                                               : tr("Loading the audit log…");
    } else if (m_model->rowCount() == 0) {
        text = tr("The audit log is empty.");
    } else if (m_proxy->rowCount() == 0) {
        text = tr("No audit entries match the filter.");
    }
    m_emptyLabel->setText(text);
    m_stack->setCurrentIndex(text.isEmpty() ? TablePage : EmptyPage);
}

void AuditPanel::updateStale()
{
    if (!m_client || !m_allowed || !m_haveSnapshot) {
        m_stale->update(true, {});
        return;
    }
    const bool live = m_client->streamState() == AuditClient::StreamState::Streaming;
    m_stale->update(live, m_client->lastEventTime(),
                    m_client->streamState() != AuditClient::StreamState::Refused);
}

void AuditPanel::updateColors()
{
    const QPalette pal = palette();
    AuditFilterProxyModel::Colors colors;
    QColor denied = theme::warningColor(pal);
    denied.setAlphaF(theme::isDark(pal) ? 0.18 : 0.14);
    colors.denied = denied;
    colors.firstBad = theme::errorBackground(pal);
    colors.stale = m_stale->isStale() ? pal.color(QPalette::PlaceholderText) : QColor();
    colors.deniedIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    colors.firstBadIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    m_proxy->setColors(colors);
}

void AuditPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_proxy)
        updateColors();
    QWidget::changeEvent(event);
}

} // namespace ops
