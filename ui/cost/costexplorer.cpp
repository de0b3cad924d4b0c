#include "costexplorer.h"

#include "costcharts.h"

#include "ui/common/theme.h"

#include "models/costexplorermodel.h"
#include "services/costclient.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace {

// The group-by choices, in the selector's order.
const QList<CostDimension> kGroupBy = {
    CostDimension::Provider,        CostDimension::Service,
    CostDimension::ServiceCategory, CostDimension::Region,
    CostDimension::BillingAccount,  CostDimension::SubAccount,
    CostDimension::ChargeCategory,  CostDimension::Tag,
    CostDimension::Model,
};

constexpr int kMoverSeriesRole = Qt::UserRole + 1;

} // namespace

CostExplorer::CostExplorer(CostClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new CostExplorerModel(this))
    , m_today(QDateTime::currentDateTimeUtc().date())
{
    setObjectName(QStringLiteral("costExplorer"));

    m_groupByBox = new QComboBox(this);
    m_groupByBox->setObjectName(QStringLiteral("costGroupBy"));
    for (CostDimension d : kGroupBy)
        m_groupByBox->addItem(CostText::dimension(d), int(d));
    m_tagKeyEdit = new QLineEdit(m_tagKey, this);
    m_tagKeyEdit->setPlaceholderText(tr("tag key"));
    m_tagKeyEdit->setMaximumWidth(110);
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("costRange"));
    m_rangeBox->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_rangeBox->addItem(tr("Last 90 days"), int(Range::Last90Days));
    m_rangeBox->addItem(tr("This month"), int(Range::ThisMonth));
    m_rangeBox->addItem(tr("Last 13 months"), int(Range::Last13Months));
    m_rangeBox->addItem(tr("Custom"), int(Range::Custom));
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_granularityBox = new QComboBox(this);
    m_granularityBox->setObjectName(QStringLiteral("costGranularity"));
    for (CostGranularity g :
         {CostGranularity::Daily, CostGranularity::Weekly, CostGranularity::Monthly})
        m_granularityBox->addItem(CostText::granularity(g), int(g));
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    auto *csv = new QToolButton(this);
    csv->setText(tr("Export CSV…"));
    auto *pdf = new QToolButton(this);
    pdf->setText(tr("PDF report…"));
    pdf->setObjectName(QStringLiteral("costReportButton"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Group by"), this));
    controls->addWidget(m_groupByBox);
    controls->addWidget(m_tagKeyEdit);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Range"), this));
    controls->addWidget(m_rangeBox);
    controls->addWidget(m_from);
    controls->addWidget(m_to);
    controls->addWidget(m_granularityBox);
    controls->addStretch(1);
    controls->addWidget(refresh);
    controls->addWidget(csv);
    controls->addWidget(pdf);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("costFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(
        tr("Filter, e.g. provider = \"AWS\" AND tags.team = \"fraud\" — Enter applies"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Filter"), this));
    filterRow->addWidget(m_filterEdit, 1);

    m_crumbLayout = new QHBoxLayout;
    m_crumbLayout->setSpacing(2);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("costMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("costSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Both wrap: long totals must not make the dock (and so the window) wider than the screen.
    m_summary->setWordWrap(true);
    m_forecast = new QLabel(this);
    m_forecast->setObjectName(QStringLiteral("costForecast"));
    m_forecast->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_forecast->setWordWrap(true);

    m_area = new CostAreaChart(this);
    m_donut = new CostDonutChart(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("costTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_table->setToolTip(tr("Click a row to drill down into it"));
    m_movers = new QListWidget(this);
    m_movers->setObjectName(QStringLiteral("costMovers"));
    auto *moversBox = new QWidget(this);
    auto *moversLayout = new QVBoxLayout(moversBox);
    moversLayout->setContentsMargins(0, 0, 0, 0);
    auto *moversTitle = new QLabel(tr("Top movers against the previous period"), moversBox);
    QFont bold = moversTitle->font();
    bold.setBold(true);
    moversTitle->setFont(bold);
    moversLayout->addWidget(moversTitle);
    moversLayout->addWidget(m_movers);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_area);
    top->addWidget(m_donut);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({900, 300});
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_table);
    bottom->addWidget(moversBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({900, 300});
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    vertical->setSizes({500, 300});

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("costEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(vertical);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(filterRow);
    layout->addLayout(m_crumbLayout);
    layout->addWidget(m_message);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_forecast, 1);
    layout->addLayout(summaryRow);
    layout->addWidget(m_stack, 1);

    connect(m_groupByBox, &QComboBox::activated, this, [this] {
        setGroupBy(CostDimension(m_groupByBox->currentData().toInt()), m_tagKeyEdit->text());
    });
    connect(m_tagKeyEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_groupBy == CostDimension::Tag && m_tagKeyEdit->text().trimmed() != m_tagKey)
            setGroupBy(CostDimension::Tag, m_tagKeyEdit->text());
    });
    connect(m_rangeBox, &QComboBox::activated, this,
            [this] { setRange(Range(m_rangeBox->currentData().toInt())); });
    auto customChanged = [this] {
        if (!m_syncing && m_range == Range::Custom)
            setCustomRange(m_from->date(), m_to->date());
    };
    connect(m_from, &QDateEdit::editingFinished, this, customChanged);
    connect(m_to, &QDateEdit::editingFinished, this, customChanged);
    connect(m_granularityBox, &QComboBox::activated, this,
            [this] { setGranularity(CostGranularity(m_granularityBox->currentData().toInt())); });
    connect(m_filterEdit, &QLineEdit::returnPressed, this,
            [this] { setBaseFilter(m_filterEdit->text()); });
    connect(refresh, &QToolButton::clicked, this, &CostExplorer::refresh);
    connect(csv, &QToolButton::clicked, this, &CostExplorer::exportCsvRequested);
    connect(pdf, &QToolButton::clicked, this, &CostExplorer::reportRequested);
    connect(m_table, &QTableView::clicked, this, &CostExplorer::onRowClicked);
    connect(m_area, &CostAreaChart::seriesClicked, this, &CostExplorer::onSeriesClicked);
    connect(m_donut, &CostDonutChart::sliceClicked, this,
            [this](const QString &provider) { drillDown(CostDimension::Provider, {}, provider); });
    connect(m_movers, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        onSeriesClicked(item->data(kMoverSeriesRole).toInt());
    });

    syncControls();
    rebuildBreadcrumb();
}

CostExplorer::~CostExplorer() = default;

void CostExplorer::refresh()
{
    reload(true);
}

void CostExplorer::reload(bool everything)
{
    const quint64 generation = ++m_generation;
    m_error.clear();
    m_message->setVisible(false);
    if (!m_client)
        return;
    const CostQuery query = currentQuery();
    const QList<CostDimension> groupBy = query.groupBy;
    const QString tag = query.tagKey;
    // Regrouping changes only the grouped query: the donut, the forecast and the markers depend on
    // the range and the filter, and are asked again only when those change (or on Refresh).
    const QString rangeKey =
        query.start.toString(Qt::ISODate) + u'/' + query.end.toString(Qt::ISODate);
    const QString donutKey = rangeKey + u'|' + query.filter;
    const bool donut = everything || donutKey != m_donutKey;
    const bool forecast = everything || query.filter != m_forecastKey;
    const bool events = everything || rangeKey != m_eventsKey;
    m_pending = 1 + int(donut) + int(forecast) + int(events);
    QPointer<CostExplorer> self(this);
    m_client->queryCosts(
        query, [self, generation, groupBy, tag](const CostQueryResult &r, const CostError &e) {
            if (!self)
                return;
            if (generation == self->m_generation && !e.isError())
                self->m_model->setResult(r, groupBy, tag);
            self->applyResult(generation, r, e);
        });
    if (donut) {
        CostQuery byProvider = query;
        byProvider.groupBy = {CostDimension::Provider};
        byProvider.tagKey.clear();
        byProvider.granularity = CostGranularity::None;
        m_client->queryCosts(
            byProvider, [self, generation, donutKey](const CostQueryResult &r, const CostError &e) {
                if (!self)
                    return;
                if (generation == self->m_generation)
                    self->m_donutKey = e.isError() ? QString() : donutKey;
                self->applyDonut(generation, r, e);
            });
    }
    if (forecast) {
        m_monthForecast = -1; // until the forecast for this filter arrives
        const QString filter = query.filter;
        m_client->forecast(
            filter, [self, generation, filter](const CostForecast &f, const CostError &e) {
                if (!self)
                    return;
                if (generation == self->m_generation)
                    self->m_forecastKey = e.isError() ? QStringLiteral("\x1f") : filter;
                self->applyForecast(generation, f, e);
            });
    }
    if (events) {
        m_client->listEvents(
            query.start, query.end,
            [self, generation, rangeKey](const QList<CostEvent> &list, const CostError &e) {
                if (!self)
                    return;
                if (generation == self->m_generation)
                    self->m_eventsKey = e.isError() ? QString() : rangeKey;
                self->applyEvents(generation, list, e);
            });
    }
}

void CostExplorer::applyResult(quint64 generation, const CostQueryResult &result,
                               const CostError &error)
{
    if (generation != m_generation)
        return;
    if (error.isError()) {
        m_model->clear();
        m_area->clear();
        m_movers->clear();
        m_summary->clear();
        showError(error.text);
    } else {
        QStringList labels;
        for (const CostSeries &s : result.series)
            labels.append(CostExplorerModel::keyLabel(s));
        // The last bucket is to date when the data ends inside it (or before it starts: today,
        // whose costs have not arrived yet, is not drawn as a fall to zero).
        const bool toDate = !result.bucketStarts.isEmpty() && result.dataThrough.isValid() &&
                            result.dataThrough >= result.bucketStarts.last();
        const bool lastEmpty = toDate && result.dataThrough == result.bucketStarts.last();
        m_area->setData(result, labels, toDate, lastEmpty);
        showForecastLine();
        m_movers->clear();
        const QString currency = result.currency;
        for (const CostExplorerModel::Mover &m : m_model->topMovers(5)) {
            const double v = m.deltaValue;
            auto *item =
                new QListWidgetItem(QStringLiteral("%1  %2%3  (%4)")
                                        .arg(m.label, v >= 0 ? QStringLiteral("+") : QString(),
                                             money::shortText(v, currency), m.percentText),
                                    m_movers);
            item->setData(kMoverSeriesRole, m.series);
            item->setForeground(v > 0 ? theme::warningColor(palette())
                                      : palette().color(QPalette::Text));
            item->setToolTip(tr("Change %1 %2 — click to drill down").arg(m.delta, currency));
        }
        if (m_movers->count() == 0)
            new QListWidgetItem(tr("No change against the previous period"), m_movers);
        const auto percent = money::percentChange(result.total, result.previousTotal);
        QString summary =
            tr("Total %1 · previous period %2")
                .arg(money::shortText(money::toDouble(result.total), currency),
                     money::shortText(money::toDouble(result.previousTotal), currency));
        if (percent)
            summary += QStringLiteral(" (%1%2 %)")
                           .arg(*percent >= 0 ? QStringLiteral("+") : QString(),
                                QLocale().toString(*percent, 'f', 1));
        if (result.dataThrough.isValid())
            summary += tr(" · data through %1")
                           .arg(result.dataThrough.toUTC().date().toString(Qt::ISODate));
        if (toDate && m_granularity != CostGranularity::Daily)
            summary += m_granularity == CostGranularity::Monthly
                           ? tr(" · the last month is to date")
                           : tr(" · the last week is to date");
        m_summary->setText(summary);
        m_table->resizeColumnsToContents();
        if (m_model->columnCount() > 0) // the group's name takes the room the numbers leave
            m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
    const bool empty = !error.isError() && result.series.isEmpty();
    if (empty)
        m_empty->setText(
            m_path.isEmpty() && m_baseFilter.isEmpty()
                ? tr("No costs between %1.\nImport a FOCUS export (Import…) or widen the range.")
                      .arg(rangeText())
                : tr("No costs match this filter between %1.\nGo back with the breadcrumb or "
                     "change the filter.")
                      .arg(rangeText()));
    else if (error.isError())
        m_empty->setText(tr("The costs could not be loaded.\n%1").arg(error.text));
    m_stack->setCurrentIndex(empty || error.isError() ? 1 : 0);
    finishCall(generation);
}

void CostExplorer::applyDonut(quint64 generation, const CostQueryResult &result,
                              const CostError &error)
{
    if (generation != m_generation)
        return;
    QList<QPair<QString, double>> slices;
    if (!error.isError()) {
        for (const CostSeries &s : result.series)
            slices.append({CostExplorerModel::keyLabel(s), money::toDouble(s.total)});
    }
    m_donut->setSlices(slices, result.currency);
    finishCall(generation);
}

void CostExplorer::applyEvents(quint64 generation, const QList<CostEvent> &events,
                               const CostError &error)
{
    if (generation != m_generation)
        return;
    m_area->setEvents(error.isError() ? QList<CostEvent>() : events);
    finishCall(generation);
}

void CostExplorer::applyForecast(quint64 generation, const CostForecast &f, const CostError &error)
{
    if (generation != m_generation)
        return;
    m_monthForecast =
        error.isError() || f.month.expected.isEmpty() ? -1.0 : money::toDouble(f.month.expected);
    showForecastLine();
    if (error.isError() || f.month.expected.isEmpty()) {
        m_forecast->setText(error.isError() ? tr("No forecast: %1").arg(error.message) : QString());
        m_forecast->setToolTip(error.text);
    } else {
        auto text = [&f](const ForecastTotal &t) {
            return tr("%1 (%2 – %3)")
                .arg(money::shortText(money::toDouble(t.expected), f.currency),
                     money::shortText(money::toDouble(t.lower), {}),
                     money::shortText(money::toDouble(t.upper), {}));
        };
        m_forecast->setText(
            tr("Forecast: month %1 · quarter %2").arg(text(f.month), text(f.quarter)));
        m_forecast->setToolTip(tr("Actual to date %1 (exactly %2); bounds at %3 % confidence; %4")
                                   .arg(money::displayText(f.month.actualToDate, f.currency),
                                        f.month.actualToDate,
                                        QLocale().toString(f.confidence * 100, 'f', 0), f.method));
    }
    finishCall(generation);
}

void CostExplorer::showForecastLine()
{
    // The month forecast is the to-date bucket's expected end only when that bucket is this month.
    const bool thisMonth = m_granularity == CostGranularity::Monthly && m_range != Range::Custom;
    m_area->setForecast(thisMonth ? m_monthForecast : -1.0);
}

QString CostExplorer::forecastText() const
{
    return m_forecast->text();
}

void CostExplorer::finishCall(quint64 generation)
{
    if (generation != m_generation || m_pending <= 0)
        return;
    if (--m_pending == 0)
        emit loaded();
}

void CostExplorer::showError(const QString &text)
{
    m_error = text;
    m_message->setText(text);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
    m_message->setPalette(pal);
    m_message->setVisible(true);
}

QString CostExplorer::messageText() const
{
    return m_error;
}

QString CostExplorer::emptyText() const
{
    return m_empty->text();
}

QString CostExplorer::summaryText() const
{
    return m_summary->text();
}

bool CostExplorer::isShowingEmpty() const
{
    return m_stack->currentIndex() == 1;
}

} // namespace ops
