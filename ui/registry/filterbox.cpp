#include "filterbox.h"

#include "ui/common/theme.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace ops {

FilterBox::FilterBox(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_help(new QToolButton(this))
    , m_error(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    m_edit->setObjectName(QStringLiteral("registryFilter"));
    m_edit->setPlaceholderText(
        tr("Filter on the server, e.g. task = NLP AND metrics.accuracy > 0.9"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_help->setObjectName(QStringLiteral("registryFilterHelp"));
    m_help->setText(QStringLiteral("?"));
    m_help->setToolTip(tr("Filter syntax and examples"));
    m_error->setObjectName(QStringLiteral("registryFilterError"));
    m_error->setTextFormat(Qt::RichText);
    m_error->setWordWrap(false);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_help);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    // The clear button does not emit textEdited.
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_debounce->start();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        emit filterChanged(text());
    });
    connect(m_debounce, &QTimer::timeout, this, [this] { emit filterChanged(text()); });
    connect(m_help, &QToolButton::clicked, this, &FilterBox::showHelp);
}

QString FilterBox::text() const
{
    return m_edit->text().trimmed();
}

void FilterBox::setText(const QString &text)
{
    m_edit->setText(text);
    m_debounce->stop();
    emit filterChanged(this->text());
}

void FilterBox::setDebounceMs(int ms)
{
    m_debounce->setInterval(ms);
}

QString FilterBox::helpHtml()
{
    return tr("<p><b>Filter syntax</b> (evaluated by platformd, AIP-160)</p>"
              "<table cellspacing='4'>"
              "<tr><td><code>task = NLP</code></td><td>the model's task (NLP, VISION, "
              "RECOMMENDATION, TIME_SERIES, …)</td></tr>"
              "<tr><td><code>metrics.accuracy &gt; 0.9</code></td><td>a metric compared with a "
              "number (=, !=, &lt;, &gt;, &lt;=, &gt;=)</td></tr>"
              "<tr><td><code>aliases:\"champion\"</code></td><td>has the alias (: means "
              "contains)</td></tr>"
              "<tr><td><code>stage = PRODUCTION</code></td><td>NONE, STAGING, PRODUCTION, "
              "ARCHIVED</td></tr>"
              "<tr><td><code>create_time &gt; \"2026-11-01T00:00:00Z\"</code></td><td>RFC 3339 "
              "times</td></tr>"
              "<tr><td><code>tags:\"pii\"</code>, <code>owner_team = \"search\"</code></td>"
              "<td>tags and owners (models)</td></tr>"
              "<tr><td><code>name = \"models/fraud-*\"</code></td><td><code>*</code> wildcard in "
              "strings</td></tr>"
              "<tr><td><code>a AND b</code>, <code>a OR b</code>, <code>NOT a</code>, "
              "<code>( … )</code></td><td>combine; juxtaposition means AND</td></tr>"
              "</table>"
              "<p>Fields: name, task, stage, status, aliases, tags, metrics.<i>key</i>, "
              "framework, dataset, created_by, create_time, update_time.</p>");
}

void FilterBox::showHelp()
{
    QToolTip::showText(m_help->mapToGlobal(QPoint(0, m_help->height())), helpHtml(), m_help);
}

void FilterBox::setError(const QString &message, int position)
{
    m_errorMessage = message;
    m_errorPosition = position;
    const QPalette pal = palette();
    const QString color = theme::statusColor(HealthStatus::Down, pal).name();
    QString html;
    const QString filter = m_edit->text();
    if (position >= 0 && position <= filter.size()) {
        // The filter again, monospace, with a caret under the character the server names.
        QString caret = QString(position, QLatin1Char(' ')) + QLatin1Char('^');
        html = QStringLiteral("<pre style='margin:0'>%1\n<span style='color:%2'><b>%3</b></span>"
                              "</pre>")
                   .arg(filter.toHtmlEscaped(), color, caret.toHtmlEscaped());
    }
    html += QStringLiteral("<span style='color:%1'>%2</span>").arg(color, message.toHtmlEscaped());
    m_error->setText(html);
    m_error->setToolTip(message);
    m_error->show();
    QPalette editPal = m_edit->palette();
    editPal.setColor(QPalette::Base, theme::errorBackground(pal));
    m_edit->setPalette(editPal);
}

void FilterBox::clearError()
{
    m_errorMessage.clear();
    m_errorPosition = -1;
    m_error->clear();
    m_error->hide();
    m_edit->setPalette(QPalette());
}

QString FilterBox::errorText() const
{
    return m_errorMessage;
}

bool FilterBox::hasError() const
{
    return !m_errorMessage.isEmpty();
}

} // namespace ops
