#include "stalebanner.h"

#include "theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>

namespace ops {

StaleBanner::StaleBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("staleBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    layout->addWidget(m_label, 1);
    QFont font = m_label->font();
    font.setBold(true);
    m_label->setFont(font);
    applyPalette();
    hide();
}

QString StaleBanner::text() const
{
    return m_stale ? m_label->text() : QString();
}

bool StaleBanner::update(bool live, const QDateTime &lastActivity, bool retrying)
{
    bool stale = false;
    if (lastActivity.isValid()) {
        const bool silent =
            lastActivity.secsTo(QDateTime::currentDateTimeUtc()) > StaleAfterSeconds;
        stale = !live || silent;
    }
    if (stale) {
        const QDateTime since = lastActivity.toLocalTime();
        if (!m_stale || since != m_since || retrying != m_retrying) {
            m_since = since;
            m_retrying = retrying;
            const QString time = since.toString(QStringLiteral("HH:mm:ss"));
            m_label->setText(retrying ? tr("Stale since %1 — reconnecting").arg(time)
                                      : tr("Stale since %1 — not retrying: reconnect with File → "
                                           "Connect…")
                                            .arg(time));
            m_label->setToolTip(tr("No data or heartbeat from platformd since %1. The values "
                                   "below are dimmed until the stream is live again.")
                                    .arg(since.toString(QStringLiteral("HH:mm:ss"))));
        }
    }
    if (stale != m_stale) {
        m_stale = stale;
        setVisible(stale);
        emit staleChanged(stale);
    }
    return stale;
}

void StaleBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QFrame::changeEvent(event);
}

void StaleBanner::applyPalette()
{
    // From the parent's palette: our own already carries the wash.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QGuiApplication::palette();
    QPalette pal = palette();
    const QColor warning = theme::warningColor(base);
    QColor background = base.color(QPalette::Window);
    // A light wash of the warning colour over the window colour reads in both themes.
    background = QColor::fromRgbF(background.redF() * 0.8 + warning.redF() * 0.2,
                                  background.greenF() * 0.8 + warning.greenF() * 0.2,
                                  background.blueF() * 0.8 + warning.blueF() * 0.2);
    if (pal.color(QPalette::Window) == background)
        return;
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(pal);
}

} // namespace ops
