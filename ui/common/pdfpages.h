#pragma once

// Shared by the PDF reports (ui/compliance/compliancereport, ui/cost/costreport).

#include <QAbstractItemModel>
#include <QColor>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>

#include <algorithm>

namespace ops {

// Draws top-down on the pages of one QPdfWriter, starting a new page when the next block does not
// fit.
class PdfPages
{
public:
    PdfPages(QPdfWriter &writer, QPainter &painter)
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
    // Text in a colour (verdicts: red when broken), then back to black.
    void coloredText(const QString &text, int pointSize, bool bold, const QColor &color,
                     int spacingAfter = 0)
    {
        m_painter.setPen(color);
        this->text(text, pointSize, bold, spacingAfter);
        m_painter.setPen(Qt::black);
    }
    // A line to sign on: `label` then a rule of `width` (from `x`), on one line.
    void signatureLine(const QString &label, int x, int width)
    {
        QFont font = m_painter.font();
        font.setPointSize(9);
        font.setBold(false);
        m_painter.setFont(font);
        const QFontMetrics fm(font, &m_writer);
        const int height = fm.height() * 3;
        ensure(height);
        const int base = m_y + height - fm.descent();
        m_painter.drawText(x, base, label);
        const int start = x + fm.horizontalAdvance(label) + fm.averageCharWidth();
        m_painter.drawLine(start, base, x + width, base);
        m_y += height + gap();
    }
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
        QFont boldFont = font;
        boldFont.setBold(true);
        const QFontMetrics boldFm(boldFont, &m_writer); // the header is bold
        QList<int> widths(columns, 0);
        for (int c = 0; c < columns; ++c) {
            widths[c] = boldFm.horizontalAdvance(model.headerData(c, Qt::Horizontal).toString());
            for (int r = 0; r < rows; ++r)
                widths[c] =
                    std::max(widths[c], fm.horizontalAdvance(model.index(r, c).data().toString()));
            widths[c] = std::min(widths[c] + fm.averageCharWidth() * 2, m_width / 2);
        }
        int total = 0;
        for (int w : widths)
            total += w;
        if (total > m_width) {
            // Narrow only the widest columns (one cap for all of them), so short columns such as
            // a status or a date stay whole and only long text is elided.
            QList<int> sorted = widths;
            std::sort(sorted.begin(), sorted.end());
            int cap = sorted.last();
            int below = 0; // the sum of the columns narrower than the cap
            for (int i = 0; i < sorted.size(); ++i) {
                const int remaining = int(sorted.size()) - i;
                const int candidate = (m_width - below) / remaining;
                if (candidate <= sorted[i]) {
                    cap = std::max(candidate, m_width / (4 * int(sorted.size())));
                    break;
                }
                below += sorted[i];
            }
            total = 0;
            for (int &w : widths) {
                w = std::min(w, cap);
                total += w;
            }
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
            row({QCoreApplication::translate("ops::PdfPages", "… and %1 more rows")
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

} // namespace ops
