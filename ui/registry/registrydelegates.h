#pragma once

#include "models/modelregistry.h"

#include <QColor>
#include <QStyledItemDelegate>

class QPalette;

namespace ops {

// Colours of the registry's badges, picked for the palette in use (light or dark).
QColor stageColor(ModelStage stage, const QPalette &palette);

// Aliases as rounded chips ("champion v7"); a protected alias carries a small lock. Reads a
// QVariantList of QVariantMap{text, locked} or a QStringList from `role`.
class AliasChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit AliasChipDelegate(int role, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static void paintLock(QPainter *painter, const QRectF &rect, const QColor &color);

private:
    int m_role;
};

// A stage as a coloured pill with the stage's name; the stage comes from `role` (int(ModelStage)).
class StageBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit StageBadgeDelegate(int role, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

// A deployment's traffic split as one horizontal bar of stacked segments, one per variant, each
// labelled "v7 90 %" when it fits. Variants come from `role` (QVariantList of {version, percent}).
class TrafficBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TrafficBarDelegate(int role, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colour of the n-th variant of a split.
    static QColor segmentColor(int n, const QPalette &palette);

private:
    int m_role;
};

} // namespace ops
