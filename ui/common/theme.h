#pragma once

#include "models/region.h"

#include <QColor>
#include <QPalette>
#include <QPixmap>
#include <QString>

class QApplication;

namespace ops::theme {

// Light/dark handling: "System" keeps the platform palette, the others apply Fusion with a fixed
// palette. Status colours are picked for the palette in use so they read on both.
enum class Mode { System, Light, Dark };

Mode modeFromString(const QString &text); // "system" | "light" | "dark"; anything else: System
QString modeToString(Mode mode);

// Applies the mode to the application (style + palette). Remembers the platform's own style and
// palette on first call so System can restore them.
void apply(Mode mode);
Mode currentMode();

bool isDark(const QPalette &palette);
QColor statusColor(HealthStatus status, const QPalette &palette);
// Colour for "attention" text (stale data, errors) that reads on the palette's window colour.
QColor warningColor(const QPalette &palette);
QColor errorBackground(const QPalette &palette);

// A small filled dot, e.g. for the channel state in the status bar.
QPixmap dotPixmap(const QColor &color, int size, qreal devicePixelRatio);

} // namespace ops::theme
