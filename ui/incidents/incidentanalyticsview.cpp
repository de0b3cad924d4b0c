#include "incidentanalyticsview.h"
#include "incidentcharts.h"

#include "services/incidentclient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ops {

namespace {
// The windows offered: days, and the bucket each uses.
const struct
{
    int days;
    qint64 bucketSeconds;
} kWindows[] = {{1, 3600}, {7, 86400}, {30, 86400}, {90, 7 * 86400}};
} // namespace

IncidentAnalyticsView::IncidentAnalyticsView(IncidentClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_window(new QComboBox(this))
    , m_figures(new QLabel(this))
    , m_error(new QLabel(this))
    , m_charts(new IncidentCharts(this))
    , m_timer(new QTimer(this))
{
    m_window->addItems(
        {tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days")});
    m_window->setCurrentIndex(2);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    m_figures->setObjectName(QStringLiteral("analyticsFigures"));
    m_figures->setTextFormat(Qt::RichText);
    m_error->setObjectName(QStringLiteral("analyticsError"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *top = new QHBoxLayout;
    top->addWidget(m_window);
    top->addWidget(refreshButton);
    top->addWidget(m_figures, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_charts, 1);
    connect(m_window, &QComboBox::currentIndexChanged, this, &IncidentAnalyticsView::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &IncidentAnalyticsView::refresh);
    m_timer->setInterval(60'000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();
}

IncidentAnalyticsView::~IncidentAnalyticsView() = default;

void IncidentAnalyticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void IncidentAnalyticsView::refresh()
{
    if (!m_client)
        return;
    const auto &w = kWindows[qBound(0, m_window->currentIndex(), 3)];
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const quint64 gen = ++m_generation;
    m_client->getAnalytics(end.addDays(-w.days), end, w.bucketSeconds,
                           [this, gen](const IncidentAnalytics &a, const IncidentError &e) {
                               if (gen != m_generation)
                                   return;
                               if (e.isError()) {
                                   m_error->setText(e.text);
                                   m_error->show();
                                   return;
                               }
                               m_error->hide();
                               display(a);
                               emit loaded();
                           });
}

QString IncidentAnalyticsView::figuresText() const
{
    return m_figures->text();
}

void IncidentAnalyticsView::display(const IncidentAnalytics &a)
{
    m_analytics = a;
    auto mean = [](double seconds) {
        return seconds > 0 ? IncidentText::duration(qint64(seconds)) : tr("n/a");
    };
    m_figures->setText(tr("MTTA <b>%1</b> · MTTR <b>%2</b> · triggered %3 · acknowledged %4 · "
                          "resolved %5 · open %6")
                           .arg(mean(a.mttaSeconds), mean(a.mttrSeconds))
                           .arg(a.triggered)
                           .arg(a.acknowledged)
                           .arg(a.resolved)
                           .arg(a.open));
    m_charts->setAnalytics(a);
}

} // namespace ops
