#pragma once

#include "modelregistry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace ops {

// Model versions as a flat table, built for 100,000 rows: columnar, compact storage (repeated
// strings interned, enums as bytes, times as integers, metrics in one flat array), nothing
// formatted until data() asks, and a sort() that orders an index permutation by one precomputed
// key per row (stable: equal keys keep arrival order) instead of a proxy comparing QVariants.
class VersionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ModelColumn,
        VersionColumn,
        StageColumn,
        StatusColumn,
        AliasesColumn,
        MetricColumn, // the value of metricKey()
        FrameworkColumn,
        DatasetColumn,
        CreatedByColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // models/{m}/versions/{n}
        ModelNameRole,               // models/{m}
        VersionRole,                 // qint64
        StageRole,                   // int(ModelStage)
        StatusRole,                  // int(VersionStatus)
        AliasesRole,                 // QStringList
        MetricsRole,                 // QVariantMap: every metric of the row
        CreateTimeRole,              // QDateTime (UTC)
        SortKeyRole,                 // double: what sort() orders this cell by
    };

    explicit VersionTableModel(QObject *parent = nullptr);
    ~VersionTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void clear();
    // Appends one page with one beginInsertRows. While a sort is set, new rows go to the end; call
    // resort() when the listing is complete.
    void appendPage(const QList<ModelVersionInfo> &page);
    // Replaces the row of the same model and version, or appends it.
    void upsert(const ModelVersionInfo &version);
    void resort();

    // The metric the Metric column shows and sorts by ("accuracy"); empty: the first key seen.
    void setMetricKey(const QString &key);
    QString metricKey() const { return m_metricKey; }
    QStringList metricKeys() const; // every metric key held, sorted

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Row accessors (view row, after sorting).
    QString modelName(int row) const;
    qint64 version(int row) const;
    ModelStage stage(int row) const;
    QString versionName(int row) const;
    int rowOf(const QString &modelName, qint64 version) const; // -1 when not held

    // Approximate bytes held by the storage (for the benchmark's curiosity, not exact).
    qint64 storageBytes() const;

private:
    struct Row
    {
        qint64 version = 0;
        qint64 createMs = 0;
        quint32 metricsBegin = 0;
        quint16 metricsCount = 0;
        quint8 stage = 0;
        quint8 status = 0;
        qint32 model = 0; // interned ids
        qint32 framework = 0;
        qint32 dataset = 0;
        qint32 createdBy = 0;
        qint32 aliases = 0; // the aliases joined by '\n'
    };
    struct Metric
    {
        qint32 key;
        double value;
    };
    // Interned strings; id 0 is the empty string.
    struct Pool
    {
        QHash<QString, qint32> index;
        QList<QString> strings{QString()};
        qint32 intern(const QString &s);
        const QString &at(qint32 id) const { return strings.at(id); }
    };

    void fill(Row &row, const ModelVersionInfo &v);
    double sortKey(const Row &row, int column, const std::vector<int> &ranks) const;
    std::vector<int> ranksOf(const Pool &pool) const;
    std::vector<int> ranksFor(int column) const;
    const Row &rowAt(int viewRow) const
    {
        return m_rows[std::size_t(m_order[std::size_t(viewRow)])];
    }
    double metricValue(const Row &row, qint32 key, bool *found) const;
    void ensureIndex() const;
    static quint64 indexKey(qint32 model, qint64 version)
    {
        return (quint64(quint32(model)) << 40) ^ quint64(version);
    }

    std::vector<Row> m_rows;  // storage, arrival order
    std::vector<int> m_order; // view row -> storage row
    std::vector<Metric> m_metrics;
    Pool m_models, m_frameworks, m_datasets, m_users, m_aliases, m_metricNames;
    QString m_metricKey;
    qint32 m_metricKeyId = -1;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<QString> m_stageTexts, m_statusTexts;
    mutable QHash<quint64, int> m_index; // (model, version) -> storage row; built on demand
    mutable bool m_indexValid = false;
};

} // namespace ops
