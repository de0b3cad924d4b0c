#include "costreport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetrics>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace ops::costreport {

namespace {

// Draws top-down on the pages of one QPdfWriter, starting a new page when the next block does not
// fit.
class Pages
{
public:
    Pages(QPdfWriter &writer, QPainter &painter)
        : m_writer(writer)
        , m_painter(painter)
        , m_width(writer.width())
        , m_height(writer.height())
    {}

    int width() const { return m_width; }
    void ensure(int height)
    {
        if (m_y + height > m_height && m_y > 0) {
            m_writer.newPage();
            m_y = 0;
        }
    }
    void text(const QString &text, int pointSize, bool bold, int spacingAfter = 0)
    {
        QFont font = m_painter.font();
        font.setPointSize(pointSize);
        font.setBold(bold);
        m_painter.setFont(font);
        const QRect bounds =
            m_painter.boundingRect(QRect(0, 0, m_width, m_height), Qt::TextWordWrap, text);
        ensure(bounds.height());
        m_painter.drawText(QRect(0, m_y, m_width, bounds.height()), Qt::TextWordWrap, text);
        m_y += bounds.height() + spacingAfter;
    }
    void image(const QPixmap &pixmap, int width, int x = 0, bool advance = true)
    {
        if (pixmap.isNull())
            return;
        const int height = pixmap.height() * width / std::max(1, pixmap.width());
        ensure(height);
        m_painter.drawPixmap(QRect(x, m_y, width, height), pixmap);
        if (advance)
            m_y += height + gap();
    }
    int imageHeight(const QPixmap &pixmap, int width) const
    {
        return pixmap.isNull() ? 0 : pixmap.height() * width / std::max(1, pixmap.width());
    }
    void skip(int height) { m_y += height; }
    int gap() const { return m_height / 80; }

    // Every row of the model with its header, columns sized to their widest text (capped).
    void table(const QAbstractItemModel &model, int maxRows)
    {
        QFont font = m_painter.font();
        font.setPointSize(8);
        font.setBold(false);
        m_painter.setFont(font);
        const QFontMetrics fm(font, &m_writer);
        const int columns = model.columnCount();
        const int rows = std::min(model.rowCount(), maxRows);
        if (columns == 0)
            return;
        QList<int> widths(columns, 0);
        for (int c = 0; c < columns; ++c) {
            widths[c] = fm.horizontalAdvance(model.headerData(c, Qt::Horizontal).toString());
            for (int r = 0; r < rows; ++r)
                widths[c] =
                    std::max(widths[c], fm.horizontalAdvance(model.index(r, c).data().toString()));
            widths[c] = std::min(widths[c] + fm.averageCharWidth() * 2, m_width / 2);
        }
        int total = 0;
        for (int w : widths)
            total += w;
        if (total > m_width) { // shrink proportionally; text is elided
            for (int &w : widths)
                w = w * m_width / total;
        }
        const int lineHeight = fm.height() * 13 / 10;
        auto row = [&](const QStringList &cells, bool header, const QList<bool> &right) {
            ensure(lineHeight);
            QFont f = font;
            f.setBold(header);
            m_painter.setFont(f);
            int x = 0;
            for (int c = 0; c < columns; ++c) {
                const QRect cell(x, m_y, widths[c] - fm.averageCharWidth(), lineHeight);
                const QString text = fm.elidedText(cells.value(c), Qt::ElideRight, cell.width());
                m_painter.drawText(
                    cell, (right.value(c) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                    text);
                x += widths[c];
            }
            m_y += lineHeight;
            if (header)
                m_painter.drawLine(0, m_y, std::min(total, m_width), m_y);
        };
        QStringList header;
        QList<bool> right;
        for (int c = 0; c < columns; ++c) {
            header << model.headerData(c, Qt::Horizontal).toString();
            const QVariant align = model.index(0, c).data(Qt::TextAlignmentRole);
            right << (align.isValid() && (align.toInt() & Qt::AlignRight));
        }
        row(header, true, right);
        for (int r = 0; r < rows; ++r) {
            QStringList cells;
            for (int c = 0; c < columns; ++c)
                cells << model.index(r, c).data().toString();
            row(cells, false, right);
        }
        if (model.rowCount() > rows)
            row({QCoreApplication::translate("ops::costreport", "… and %1 more rows")
                     .arg(model.rowCount() - rows)},
                false, {});
        m_y += gap();
    }

private:
    QPdfWriter &m_writer;
    QPainter &m_painter;
    int m_width;
    int m_height;
    int m_y = 0;
};

} // namespace

bool writePdf(const Content &content, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("ops::costreport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(200);
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("opsconsole"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            if (error)
                *error = QCoreApplication::translate(
                             "ops::costreport", "Could not write %1: the PDF could not be started")
                             .arg(path);
            return false;
        }
        Pages pages(writer, painter);
        pages.text(content.title, 16, true, pages.gap() / 2);
        pages.text(content.subtitle, 9, false);
        pages.text(
            QCoreApplication::translate("ops::costreport", "Generated %1 UTC")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
            8, false, pages.gap());
        pages.text(content.summary, 10, true, pages.gap());
        // The stacked areas wide, the donut beside them when there is room.
        const int donutWidth = pages.width() / 4;
        const int areaWidth =
            content.donutChart.isNull() ? pages.width() : pages.width() - donutWidth - 20;
        const int height = std::max(pages.imageHeight(content.areaChart, areaWidth),
                                    pages.imageHeight(content.donutChart, donutWidth));
        pages.ensure(height);
        pages.image(content.areaChart, areaWidth, 0, false);
        pages.image(content.donutChart, donutWidth, pages.width() - donutWidth, false);
        pages.skip(height + pages.gap());
        if (content.costs) {
            pages.text(QCoreApplication::translate("ops::costreport", "Cost by group"), 12, true,
                       pages.gap() / 2);
            pages.table(*content.costs, 40);
        }
        if (content.budgets && content.budgets->rowCount() > 0) {
            pages.text(QCoreApplication::translate("ops::costreport", "Budgets"), 12, true,
                       pages.gap() / 2);
            pages.table(*content.budgets, 40);
        }
        if (content.recommendations && content.recommendations->rowCount() > 0) {
            pages.text(QCoreApplication::translate("ops::costreport",
                                                   "Recommendations (estimated monthly saving %1)")
                           .arg(content.recommendationsTotal),
                       12, true, pages.gap() / 2);
            pages.table(*content.recommendations, 25);
        }
        if (!painter.end()) {
            file.cancelWriting();
            if (error)
                *error = QCoreApplication::translate(
                             "ops::costreport", "Could not write %1: the PDF could not be finished")
                             .arg(path);
            return false;
        }
    }
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ops::costreport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ops::costreport
