#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>

namespace ops::theme {

namespace {

struct Saved
{
    bool captured = false;
    QString styleName;
    QPalette palette;
    Mode mode = Mode::System;
};

Saved &saved()
{
    static Saved s;
    return s;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x7f, 0x84, 0x8e);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x27, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x46));
    p.setColor(QPalette::Mid, QColor(0x32, 0x34, 0x37));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0x9d, 0xf6));
    p.setColor(QPalette::LinkVisited, QColor(0xa3, 0x7a, 0xf0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

} // namespace

Mode modeFromString(const QString &text)
{
    if (text.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0)
        return Mode::Dark;
    if (text.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0)
        return Mode::Light;
    return Mode::System;
}

QString modeToString(Mode mode)
{
    switch (mode) {
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

void apply(Mode mode)
{
    Saved &s = saved();
    if (!s.captured) {
        s.captured = true;
        s.styleName = QApplication::style() ? QApplication::style()->name() : QString();
        s.palette = QApplication::palette();
    }
    s.mode = mode;
    switch (mode) {
    case Mode::System:
        if (!s.styleName.isEmpty())
            QApplication::setStyle(QStyleFactory::create(s.styleName));
        QApplication::setPalette(s.palette);
        break;
    case Mode::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Mode::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

Mode currentMode()
{
    return saved().mode;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor statusColor(HealthStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case HealthStatus::Healthy:
        return dark ? QColor(0x4c, 0xc2, 0x6e) : QColor(0x1e, 0x8e, 0x3e);
    case HealthStatus::Degraded:
        return dark ? QColor(0xf2, 0xb1, 0x34) : QColor(0xc7, 0x7c, 0x02);
    case HealthStatus::Down:
        return dark ? QColor(0xf2, 0x5c, 0x54) : QColor(0xc5, 0x22, 0x1f);
    case HealthStatus::Maintenance:
        return dark ? QColor(0x6a, 0xa6, 0xf8) : QColor(0x1f, 0x5f, 0xbf);
    case HealthStatus::Unknown:
        break;
    }
    return dark ? QColor(0x9a, 0x9f, 0xa6) : QColor(0x75, 0x7b, 0x82);
}

QColor warningColor(const QPalette &palette)
{
    return statusColor(HealthStatus::Degraded, palette);
}

QColor errorBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x5a, 0x1f, 0x1d) : QColor(0xfd, 0xe7, 0xe6);
}

QPixmap dotPixmap(const QColor &color, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pixmap;
}

} // namespace ops::theme
