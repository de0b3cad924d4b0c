#include "panellayout.h"

#include <QFont>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QString>

namespace ops::panel {

void setupSummary(QLabel *label, const QString &objectName)
{
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
}

void setupEmptyState(QLabel *label, const QString &objectName)
{
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
}

void setupHeader(QHeaderView *header)
{
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

int chars(const QFontMetrics &fm, int n, int padding)
{
    return fm.horizontalAdvance(QLatin1Char('0')) * n + padding;
}

void setColumnChars(QHeaderView *header, const QFontMetrics &fm, int padding,
                    std::initializer_list<std::pair<int, int>> columnChars)
{
    // What QTableView/QTreeView::setColumnWidth do.
    for (const auto &[column, n] : columnChars)
        header->resizeSection(column, chars(fm, n, padding));
}

} // namespace ops::panel
