#pragma once

#include "compliancemodels.h"

namespace ops {

// Stored OSCAL catalogs and resolved profiles with their counts (ListCatalogs), newest import
// first.
class CatalogTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        KindColumn,
        GroupsColumn,
        ControlsColumn,
        EnhancementsColumn,
        SourceColumn,
        ImportedColumn,
        ColumnCount
    };
    explicit CatalogTableModel(QObject *parent = nullptr);
    void setCatalogs(const QList<OscalCatalog> &catalogs);
    const QList<OscalCatalog> &catalogs() const { return m_catalogs; }

protected:
    QStringList headers() const override;

private:
    QList<OscalCatalog> m_catalogs;
};

// Regional failover drills, newest first (ListFailoverDrills).
class FailoverDrillModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, RegionColumn, NoteColumn, ByColumn, ColumnCount };
    explicit FailoverDrillModel(QObject *parent = nullptr);
    void setDrills(const QList<FailoverDrill> &drills);
    const QList<FailoverDrill> &drills() const { return m_drills; }

protected:
    QStringList headers() const override;

private:
    QList<FailoverDrill> m_drills;
};

// What ApplyRetention deleted (or, validating, would delete) per data category.
class RetentionResultModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column { CategoryColumn, DaysColumn, CutoffColumn, DeletedColumn, ColumnCount };
    explicit RetentionResultModel(QObject *parent = nullptr);
    void setResult(const RetentionResult &result);
    const RetentionResult &result() const { return m_result; }

protected:
    QStringList headers() const override;

private:
    RetentionResult m_result;
};

} // namespace ops
