#pragma once

#include "modelregistry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace ops {

// The registered models, one row each, kept current from a snapshot plus WatchModels batches
// (idempotent: an event not newer than the row's revision changes nothing). A server-side filter
// result can be applied as a set of names: rows outside it are hidden by the view's proxy through
// MatchesRole, so the live rows stay in one place.
class ModelTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AliasesColumn,
        LatestVersionColumn,
        StageColumn,
        DeploymentsColumn,
        OwnerColumn,
        TaskColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // models/{model}
        StageRole,                   // int(ModelStage) of the latest version
        ChipsRole,                   // QVariantList of QVariantMap{text, locked}: aliases as chips
        MatchesRole,                 // bool: in the current server filter result
        SortRole,                    // raw value for sorting (numbers as numbers)
    };

    explicit ModelTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setModels(const QList<ModelInfo> &models); // reset
    void applyChanges(const QList<RegistryChangeBatch> &batches);
    void upsert(const ModelInfo &model);

    // Names in the current server filter result; an empty optional (clearMatches) shows all.
    void setMatches(const QSet<QString> &names);
    void clearMatches();
    bool isFiltered() const { return m_filtered; }
    int matchCount() const;

    int rowOf(const QString &name) const { return m_rows.value(name, -1); }
    const ModelInfo &model(int row) const { return m_models.at(row); }
    const ModelInfo *find(const QString &name) const;
    const QList<ModelInfo> &models() const { return m_models; }

    // "champion v7" chips, protected ones flagged.
    static QVariantList chipsFor(const ModelInfo &model);

signals:
    void modelChanged(const QString &name); // a row was updated or added

private:
    void reindex();

    QList<ModelInfo> m_models;
    QHash<QString, int> m_rows;
    QSet<QString> m_matches;
    bool m_filtered = false;
};

} // namespace ops
