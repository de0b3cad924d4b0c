// CostExplorer's query: the range, granularity, group-by and filter it asks platformd for, and the
// drill-down path with its breadcrumb (costexplorer.cpp builds the view and shows the answers).
#include "costexplorer.h"

#include "models/costexplorermodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>
#include <QToolButton>

namespace ops {

namespace {

// Drilling goes from the broad to the narrow.
const QList<CostDimension> kDrillOrder = {
    CostDimension::Provider, CostDimension::ServiceCategory, CostDimension::Service,
    CostDimension::Region,   CostDimension::SubAccount,      CostDimension::Resource,
};

QDateTime utcMidnight(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC);
}

} // namespace

void CostExplorer::setToday(const QDate &today)
{
    m_today = today;
    syncControls();
}

void CostExplorer::setRange(Range range)
{
    m_range = range;
    if (range == Range::Custom && !m_customFirst.isValid()) {
        m_customFirst = m_today.addDays(-29);
        m_customLast = m_today;
    }
    // Granularity follows the span unless it would draw too many or too few points.
    if (range == Range::Last13Months)
        m_granularity = CostGranularity::Monthly;
    else if (range != Range::Custom && m_granularity == CostGranularity::Monthly)
        m_granularity = CostGranularity::Daily;
    syncControls();
    reload(false);
}

void CostExplorer::setCustomRange(const QDate &first, const QDate &last)
{
    m_range = Range::Custom;
    m_customFirst = std::min(first, last);
    m_customLast = std::max(first, last);
    syncControls();
    reload(false);
}

void CostExplorer::setGranularity(CostGranularity granularity)
{
    m_granularity = granularity;
    syncControls();
    reload(false);
}

void CostExplorer::setGroupBy(CostDimension dimension, const QString &tagKey)
{
    m_groupBy = dimension;
    if (dimension == CostDimension::Tag && !tagKey.trimmed().isEmpty())
        m_tagKey = tagKey.trimmed();
    syncControls();
    reload(false);
}

void CostExplorer::setBaseFilter(const QString &expression)
{
    m_baseFilter = expression.trimmed();
    syncControls();
    reload(false);
}

QString CostExplorer::tagKey() const
{
    return m_groupBy == CostDimension::Tag ? m_tagKey : QString();
}

QDateTime CostExplorer::rangeStart() const
{
    switch (m_range) {
    case Range::Last30Days:
        return utcMidnight(m_today.addDays(-29));
    case Range::Last90Days:
        return utcMidnight(m_today.addDays(-89));
    case Range::ThisMonth:
        return utcMidnight(QDate(m_today.year(), m_today.month(), 1));
    case Range::Last13Months: {
        const QDate first(m_today.year(), m_today.month(), 1);
        return utcMidnight(first.addMonths(-12));
    }
    case Range::Custom:
        return utcMidnight(m_customFirst);
    }
    return {};
}

QDateTime CostExplorer::rangeEnd() const
{
    return utcMidnight((m_range == Range::Custom ? m_customLast : m_today).addDays(1));
}

QString CostExplorer::rangeText() const
{
    return QStringLiteral("%1 – %2").arg(rangeStart().date().toString(Qt::ISODate),
                                         rangeEnd().date().addDays(-1).toString(Qt::ISODate));
}

QString CostExplorer::filterExpression() const
{
    QStringList terms;
    if (!m_baseFilter.isEmpty())
        terms.append(m_path.isEmpty() ? m_baseFilter : QStringLiteral("(%1)").arg(m_baseFilter));
    for (const Step &s : m_path)
        terms.append(CostText::filterTerm(s.dimension, s.tagKey, s.value));
    return terms.join(QStringLiteral(" AND "));
}

CostQuery CostExplorer::currentQuery() const
{
    CostQuery q;
    q.start = rangeStart();
    q.end = rangeEnd();
    q.groupBy = {m_groupBy};
    q.tagKey = tagKey();
    q.granularity = m_granularity;
    q.filter = filterExpression();
    q.maxGroups = 12;
    return q;
}

CostDimension CostExplorer::nextDimension(CostDimension dimension, const QList<Step> &path)
{
    auto filtered = [&path](CostDimension d) {
        return std::any_of(path.cbegin(), path.cend(),
                           [d](const Step &s) { return s.dimension == d; });
    };
    qsizetype from = kDrillOrder.indexOf(dimension);
    from = from < 0 ? 1 : from + 1; // other dimensions continue with the service category
    for (qsizetype i = from; i < kDrillOrder.size(); ++i) {
        if (!filtered(kDrillOrder[i]) && kDrillOrder[i] != dimension)
            return kDrillOrder[i];
    }
    return dimension; // nothing narrower: stay
}

void CostExplorer::drillDown(const QString &value)
{
    drillDown(m_groupBy, tagKey(), value);
}

void CostExplorer::drillDown(CostDimension dimension, const QString &tagKey, const QString &value)
{
    Step step{dimension, tagKey, value, m_groupBy};
    m_path.append(step);
    if (m_groupBy == dimension)
        m_groupBy = nextDimension(dimension, m_path);
    syncControls();
    rebuildBreadcrumb();
    reload(false);
}

void CostExplorer::goBack(int level)
{
    if (level < 0 || level >= m_path.size())
        return;
    m_groupBy = m_path[level].groupByBefore;
    m_path.resize(level);
    syncControls();
    rebuildBreadcrumb();
    reload(false);
}

void CostExplorer::onRowClicked(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    onSeriesClicked(index.data(CostExplorerModel::SeriesIndexRole).toInt());
}

void CostExplorer::onSeriesClicked(int series)
{
    const CostQueryResult &result = m_model->result();
    if (series < 0 || series >= result.series.size() || result.series[series].other)
        return; // the totals row or "(other)": nothing single to drill into
    drillDown(result.series[series].key.value(0));
}

void CostExplorer::syncControls()
{
    m_syncing = true;
    m_groupByBox->setCurrentIndex(m_groupByBox->findData(int(m_groupBy)));
    m_tagKeyEdit->setVisible(m_groupBy == CostDimension::Tag);
    m_tagKeyEdit->setText(m_tagKey);
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(m_range)));
    m_granularityBox->setCurrentIndex(m_granularityBox->findData(int(m_granularity)));
    m_filterEdit->setText(m_baseFilter);
    updateRangeControls();
    m_syncing = false;
}

void CostExplorer::updateRangeControls()
{
    const bool custom = m_range == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_from->setDate(rangeStart().date());
    m_to->setDate(rangeEnd().date().addDays(-1));
}

void CostExplorer::rebuildBreadcrumb()
{
    for (QToolButton *b : std::as_const(m_crumbs))
        delete b;
    m_crumbs.clear();
    while (QLayoutItem *item = m_crumbLayout->takeAt(0))
        delete item;
    auto add = [this](const QString &text, int level, bool current) {
        auto *b = new QToolButton(this);
        b->setObjectName(QStringLiteral("costCrumb%1").arg(level));
        b->setText(text);
        b->setAutoRaise(true);
        b->setEnabled(!current);
        connect(b, &QToolButton::clicked, this, [this, level] { goBack(level); });
        m_crumbs.append(b);
        m_crumbLayout->addWidget(b);
    };
    add(tr("All costs"), 0, m_path.isEmpty());
    for (int i = 0; i < m_path.size(); ++i) {
        auto *sep = new QLabel(QStringLiteral("›"), this);
        m_crumbLayout->addWidget(sep);
        const Step &s = m_path[i];
        const QString dim = s.dimension == CostDimension::Tag ? tr("Tag %1").arg(s.tagKey)
                                                              : CostText::dimension(s.dimension);
        add(QStringLiteral("%1: %2").arg(dim, s.value.isEmpty() ? tr("(none)") : s.value), i + 1,
            i + 1 == m_path.size());
    }
    m_crumbLayout->addStretch(1);
}

} // namespace ops
