#pragma once

#include <QColor>
#include <QIcon>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

namespace ops {

// Filters AuditTableModel rows by a quick text filter over actor, action, resource and result, and
// optionally by the seqs a server-side (AIP-160) search returned. Sorts seq and time as values.
// Adds the looks: denied rows tinted, the first bad entry in the error colour, stale rows dimmed.
class AuditFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text); // case-insensitive substring, prepared once here
    QString filterText() const { return m_text; }
    // std::nullopt: no server filter.
    void setServerMatches(std::optional<QSet<qint64>> seqs);
    bool hasServerFilter() const { return m_serverMatches.has_value(); }

    struct Colors
    {
        QColor denied;      // background of denied rows
        QColor firstBad;    // background of the first bad entry
        QColor stale;       // text while stale; invalid: live
        QIcon deniedIcon;   // Result column of denied rows: a shape, not only a colour
        QIcon firstBadIcon; // Seq column of the first bad entry
    };
    void setColors(const Colors &colors);
    void setStale(const QColor &dimColor); // invalid: live
    bool isStale() const { return m_colors.stale.isValid(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void touchAll(int role);

    QString m_text;
    std::optional<QSet<qint64>> m_serverMatches;
    Colors m_colors;
};

} // namespace ops
