#pragma once

// Small pieces every list panel is built from (summary line, empty state, column header), so the
// panels look and size alike.

#include <initializer_list>
#include <utility>

class QFontMetrics;
class QHeaderView;
class QLabel;
class QString;

namespace ops::panel {

// The bold line above a panel's list that sums it up ("12 regions, 1 down").
void setupSummary(QLabel *label, const QString &objectName);

// The centred, wrapped, muted text a panel shows instead of its list when there is nothing in it.
// Callers add the margin or font of their own.
void setupEmptyState(QLabel *label, const QString &objectName);

// A panel's list header: sections the user can move, titles aligned left, the last column taking
// the spare width. Sizes in characters, as chars() counts them.
void setupHeader(QHeaderView *header);

// A width of `n` characters (digits, so numbers fit) in `fm`, plus `padding` pixels for the cell's
// margins: column widths that follow the font.
int chars(const QFontMetrics &fm, int n, int padding);

// Sizes `header`'s sections: each pair is a logical column and its width in chars(fm, n, padding).
void setColumnChars(QHeaderView *header, const QFontMetrics &fm, int padding,
                    std::initializer_list<std::pair<int, int>> columnChars);

} // namespace ops::panel
