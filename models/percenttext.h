#pragma once

#include <QString>

namespace ops {

// A fraction as a percentage in the UI's locale, with `decimals` decimals: 0.9995, 2 →
// "99.95 %". The console's one percent format (models, panels, map tooltips).
QString percentText(double fraction, int decimals);

} // namespace ops
