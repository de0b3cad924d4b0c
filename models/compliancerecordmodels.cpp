#include "compliancerecordmodels.h"

namespace ops {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QVariant timeSort(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(qint64(0));
}

} // namespace

// CatalogTableModel

CatalogTableModel::CatalogTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList CatalogTableModel::headers() const
{
    return {tr("Title"),        tr("Kind"),   tr("Groups"),  tr("Controls"),
            tr("Enhancements"), tr("Source"), tr("Imported")};
}

void CatalogTableModel::setCatalogs(const QList<OscalCatalog> &catalogs)
{
    m_catalogs = catalogs;
    QList<Row> rows;
    rows.reserve(catalogs.size());
    for (const OscalCatalog &c : catalogs) {
        Row row;
        const QString imported =
            c.importedBy.isEmpty()
                ? timeText(c.importTime)
                : tr("%1 by %2").arg(timeText(c.importTime), c.importedBy.section(u'/', -1));
        row.cells = {c.version.isEmpty() ? c.title : tr("%1 (%2)").arg(c.title, c.version),
                     ComplianceText::kind(c.kind),
                     QString::number(c.groupCount),
                     QString::number(c.controlCount),
                     QString::number(c.enhancementCount),
                     c.source,
                     imported};
        row.sort = {QVariant(),         int(c.kind), c.groupCount,          c.controlCount,
                    c.enhancementCount, QVariant(),  timeSort(c.importTime)};
        row.key = c.name;
        row.tooltip = c.resolvedFrom.isEmpty()
                          ? tr("OSCAL %1").arg(c.oscalVersion)
                          : tr("OSCAL %1, resolved against %2").arg(c.oscalVersion, c.resolvedFrom);
        rows.append(row);
    }
    setRows(std::move(rows));
}

// FailoverDrillModel

FailoverDrillModel::FailoverDrillModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList FailoverDrillModel::headers() const
{
    return {tr("Drill time"), tr("Region"), tr("Note"), tr("Recorded by")};
}

void FailoverDrillModel::setDrills(const QList<FailoverDrill> &drills)
{
    m_drills = drills;
    QList<Row> rows;
    rows.reserve(drills.size());
    for (const FailoverDrill &d : drills) {
        Row row;
        row.cells = {timeText(d.drillTime), d.region.section(u'/', 1), d.note,
                     d.recordedBy.section(u'/', -1)};
        row.sort = {timeSort(d.drillTime), QVariant(), QVariant(), QVariant()};
        row.key = d.name;
        row.tooltip = d.note;
        rows.append(row);
    }
    setRows(std::move(rows));
}

// RetentionResultModel

RetentionResultModel::RetentionResultModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList RetentionResultModel::headers() const
{
    return {tr("Data category"), tr("Retention"), tr("Older than"),
            m_result.validateOnly ? tr("Would delete") : tr("Deleted")};
}

void RetentionResultModel::setResult(const RetentionResult &result)
{
    m_result = result;
    QList<Row> rows;
    rows.reserve(result.categories.size());
    for (const RetentionCategoryResult &c : result.categories) {
        Row row;
        row.cells = {c.category, tr("%n day(s)", nullptr, c.retentionDays), timeText(c.cutoff),
                     tr("%n record(s)", nullptr, int(c.deleted))};
        row.sort = {QVariant(), c.retentionDays, timeSort(c.cutoff), c.deleted};
        row.key = c.category;
        rows.append(row);
    }
    setRows(std::move(rows)); // a reset: the header follows validateOnly too
}

} // namespace ops
