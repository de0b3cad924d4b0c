#include "registrydelegates.h"

#include "ui/common/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QVariantMap>

namespace ops {

namespace {

constexpr int kMargin = 4;
constexpr int kChipGap = 4;
constexpr int kChipPad = 6;

struct Chip
{
    QString text;
    bool locked = false;
};

QList<Chip> chipsOf(const QVariant &value)
{
    QList<Chip> chips;
    if (value.typeId() == QMetaType::QStringList) {
        for (const QString &s : value.toStringList())
            chips.append({s, false});
        return chips;
    }
    for (const QVariant &v : value.toList()) {
        const QVariantMap map = v.toMap();
        chips.append({map.value(QStringLiteral("text")).toString(),
                      map.value(QStringLiteral("locked")).toBool()});
    }
    return chips;
}

void paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index)
{
    QStyleOptionViewItem opt = option;
    opt.text.clear();
    opt.index = index;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

} // namespace

QColor stageColor(ModelStage stage, const QPalette &palette)
{
    switch (stage) {
    case ModelStage::Production:
        return theme::statusColor(HealthStatus::Healthy, palette);
    case ModelStage::Staging:
        return theme::statusColor(HealthStatus::Maintenance, palette);
    case ModelStage::Archived:
    case ModelStage::None:
        break;
    }
    return theme::statusColor(HealthStatus::Unknown, palette);
}

AliasChipDelegate::AliasChipDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

void AliasChipDelegate::paintLock(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal w = r.width();
    // Shackle, then body.
    painter->setPen(QPen(color, qMax<qreal>(1.2, w / 7)));
    painter->setBrush(Qt::NoBrush);
    const QRectF shackle(r.left() + w * 0.22, r.top(), w * 0.56, r.height() * 0.6);
    painter->drawArc(shackle, 0, 180 * 16);
    painter->drawLine(QPointF(shackle.left(), shackle.center().y()),
                      QPointF(shackle.left(), r.top() + r.height() * 0.45));
    painter->drawLine(QPointF(shackle.right(), shackle.center().y()),
                      QPointF(shackle.right(), r.top() + r.height() * 0.45));
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(QRectF(r.left(), r.top() + r.height() * 0.42, w, r.height() * 0.58),
                             w * 0.12, w * 0.12);
    painter->restore();
}

void AliasChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const QList<Chip> chips = chipsOf(index.data(m_role));
    if (chips.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool dark = theme::isDark(pal);
    const QColor fill = dark ? QColor(0x2f, 0x4a, 0x6e) : QColor(0xdd, 0xe8, 0xf7);
    const QColor border = dark ? QColor(0x4d, 0x6f, 0x9c) : QColor(0x9f, 0xbb, 0xe3);
    const QColor text = dark ? QColor(0xdb, 0xe7, 0xf8) : QColor(0x1d, 0x3e, 0x6e);
    const QColor lockFill = dark ? QColor(0x5a, 0x47, 0x22) : QColor(0xfb, 0xec, 0xcc);
    const QColor lockBorder = dark ? QColor(0x9a, 0x7b, 0x32) : QColor(0xd9, 0xa8, 0x3c);
    const QColor lockText = dark ? QColor(0xf6, 0xe2, 0xb3) : QColor(0x6b, 0x4a, 0x05);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int h = fm.height() + 4;
    const QRect area = option.rect.adjusted(kMargin, 0, -kMargin, 0);
    int x = area.left();
    const int y = area.top() + (area.height() - h) / 2;
    for (const Chip &chip : chips) {
        const int lockW = chip.locked ? fm.height() * 2 / 3 + 3 : 0;
        const int w = fm.horizontalAdvance(chip.text) + 2 * kChipPad + lockW;
        if (x + w > area.right() + 1) {
            // No room: an ellipsis says there is more (the tooltip lists all).
            painter->setPen(option.palette.color(QPalette::Text));
            painter->drawText(QRect(x, y, area.right() - x, h), Qt::AlignVCenter | Qt::AlignLeft,
                              QStringLiteral("…"));
            break;
        }
        const QRectF chipRect(x + 0.5, y + 0.5, w - 1, h - 1);
        painter->setPen(QPen(chip.locked ? lockBorder : border, 1));
        painter->setBrush(chip.locked ? lockFill : fill);
        painter->drawRoundedRect(chipRect, h / 2.0, h / 2.0);
        int tx = x + kChipPad;
        if (chip.locked) {
            const int s = fm.height() * 2 / 3;
            paintLock(painter, QRectF(tx, y + (h - s) / 2.0, s * 0.8, s), lockText);
            tx += lockW;
        }
        painter->setPen(chip.locked ? lockText : text);
        painter->drawText(QRect(tx, y, w, h), Qt::AlignVCenter | Qt::AlignLeft, chip.text);
        x += w + kChipGap;
    }
    painter->restore();
}

QSize AliasChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    int w = 2 * kMargin;
    for (const Chip &chip : chipsOf(index.data(m_role)))
        w += fm.horizontalAdvance(chip.text) + 2 * kChipPad + kChipGap +
             (chip.locked ? fm.height() : 0);
    return {qMax(w, 60), fm.height() + 10};
}

StageBadgeDelegate::StageBadgeDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

void StageBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const auto stage = ModelStage(index.data(m_role).toInt());
    const QString text = RegistryText::stage(stage);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    if (stage == ModelStage::Production)
        font.setBold(true);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int h = fm.height() + 4;
    const int w = fm.horizontalAdvance(text) + 2 * kChipPad;
    const QRect r(option.rect.left() + kMargin, option.rect.top() + (option.rect.height() - h) / 2,
                  w, h);
    const QColor color = stageColor(stage, option.palette);
    if (stage == ModelStage::None || stage == ModelStage::Archived) {
        // Outlined: present but not active.
        painter->setPen(QPen(color, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter->setPen(stage == ModelStage::Archived ? color
                                                      : option.palette.color(QPalette::Text));
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(QRectF(r), 4, 4);
        painter->setPen(theme::isDark(option.palette) ? QColor(0x10, 0x12, 0x14) : Qt::white);
    }
    painter->drawText(r, Qt::AlignCenter, text);
    painter->restore();
}

QSize StageBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(tr("Production")) + 2 * kChipPad + 2 * kMargin + 6,
            fm.height() + 10};
}

TrafficBarDelegate::TrafficBarDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

QColor TrafficBarDelegate::segmentColor(int n, const QPalette &palette)
{
    const bool dark = theme::isDark(palette);
    static const QColor light[] = {QColor(0x1f, 0x5f, 0xbf), QColor(0xc7, 0x7c, 0x02),
                                   QColor(0x6f, 0x42, 0xc1), QColor(0x1e, 0x8e, 0x3e)};
    static const QColor darkColors[] = {QColor(0x4f, 0x8f, 0xe8), QColor(0xe0, 0x9a, 0x2a),
                                        QColor(0x9d, 0x7b, 0xe8), QColor(0x4c, 0xb2, 0x6e)};
    return (dark ? darkColors : light)[n % 4];
}

void TrafficBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const QVariantList variants = index.data(m_role).toList();
    if (variants.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int h = qMin(option.rect.height() - 6, fm.height() + 4);
    const QRect bar =
        QRect(option.rect.left() + kMargin, option.rect.top() + (option.rect.height() - h) / 2,
              option.rect.width() - 2 * kMargin, h);
    // A rounded clip so the outer segments get rounded ends and inner joins stay straight.
    QPainterPath clip;
    clip.addRoundedRect(QRectF(bar), 3, 3);
    painter->setClipPath(clip);
    qreal x = bar.left();
    for (int i = 0; i < variants.size(); ++i) {
        const QVariantMap v = variants.at(i).toMap();
        const int percent = v.value(QStringLiteral("percent")).toInt();
        const qreal w =
            i == variants.size() - 1 ? bar.right() + 1 - x : bar.width() * percent / 100.0;
        if (w <= 0)
            continue;
        const QRectF seg(x, bar.top(), w, bar.height());
        painter->fillRect(seg, segmentColor(i, option.palette));
        if (i > 0) {
            painter->setPen(QPen(option.palette.color(QPalette::Base), 1));
            painter->drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom() + 1));
        }
        const QString label = QStringLiteral("v%1 %2 %")
                                  .arg(v.value(QStringLiteral("version")).toLongLong())
                                  .arg(percent);
        QString shown = label;
        if (fm.horizontalAdvance(shown) + 6 > w)
            shown = QStringLiteral("%1 %").arg(percent);
        if (fm.horizontalAdvance(shown) + 4 <= w) {
            // Dark text on the light segments (the dark theme's), white on the deep ones.
            const QColor fill = segmentColor(i, option.palette);
            const double luminance =
                0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
            painter->setPen(luminance > 0.4 ? QColor(0x10, 0x12, 0x14) : QColor(Qt::white));
            painter->drawText(seg, Qt::AlignCenter, shown);
        }
        x += w;
    }
    painter->restore();
}

QSize TrafficBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QStringLiteral("v00 90 % v00 10 %")) + 40, fm.height() + 10};
}

} // namespace ops
