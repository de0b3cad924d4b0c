#include "compliancemodels.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace ops {

namespace {

QString dateText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QVariant timeSort(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(qint64(0));
}

QString lastSegment(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

} // namespace

// ComplianceRowsModel

ComplianceRowsModel::ComplianceRowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ComplianceRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComplianceRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant ComplianceRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.cells.value(index.column());
    case Qt::ToolTipRole:
        return r.tooltip.isEmpty() ? QVariant() : QVariant(r.tooltip);
    case Qt::ForegroundRole:
        return r.alert ? QVariant(QBrush(QColor(0xc6, 0x28, 0x28))) : QVariant();
    case SortRole: {
        const QVariant v = r.sort.value(index.column());
        return v.isValid() ? v : QVariant(r.cells.value(index.column()));
    }
    case KeyRole:
        return r.key;
    case AlertRole:
        return r.alert;
    default:
        return {};
    }
}

QVariant ComplianceRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return headers().value(section);
}

void ComplianceRowsModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

// FrameworkTableModel

FrameworkTableModel::FrameworkTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList FrameworkTableModel::headers() const
{
    return {tr("Framework"), tr("Score"), tr("Requirements passing"), tr("Trend")};
}

void FrameworkTableModel::setFrameworks(const QList<Framework> &frameworks)
{
    m_frameworks = frameworks;
    QList<Row> rows;
    rows.reserve(frameworks.size());
    for (const Framework &f : frameworks) {
        Row row;
        QString trend;
        if (f.trend.size() >= 2) {
            const double delta = (f.trend.last().score - f.trend.first().score) * 100.0;
            trend = delta > 0.05    ? tr("▲ %1 points").arg(QLocale().toString(delta, 'f', 1))
                    : delta < -0.05 ? tr("▼ %1 points").arg(QLocale().toString(-delta, 'f', 1))
                                    : tr("steady");
        }
        row.cells = {f.displayName, ComplianceText::percent(f.score),
                     tr("%1 of %2").arg(f.passingCount).arg(f.requirementCount), trend};
        row.sort = {QVariant(), f.score, f.passingCount, QVariant()};
        row.key = f.name;
        row.tooltip = f.version.isEmpty() ? f.source : f.version + QLatin1Char('\n') + f.source;
        rows.append(row);
    }
    setRows(std::move(rows));
}

const Framework *FrameworkTableModel::framework(const QString &name) const
{
    for (const Framework &f : m_frameworks) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QHash<QString, QString> FrameworkTableModel::displayNames() const
{
    QHash<QString, QString> names;
    for (const Framework &f : m_frameworks)
        names.insert(f.name, f.displayName);
    return names;
}

// ControlTableModel

ControlTableModel::ControlTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList ControlTableModel::headers() const
{
    return {tr("Control"), tr("Title"),       tr("Status"),      tr("Owner"),
            tr("Due"),     tr("Last tested"), tr("Requirements")};
}

void ControlTableModel::setControls(const QList<Control> &controls, const QDateTime &now)
{
    m_controls = controls;
    QList<Row> rows;
    rows.reserve(controls.size());
    for (const Control &c : controls) {
        Row row;
        row.cells = {c.id(),
                     c.title,
                     ComplianceText::status(c.status),
                     c.owner,
                     dateText(c.dueTime),
                     timeText(c.lastTested),
                     QString::number(c.requirements.size())};
        row.sort = {QVariant(),
                    QVariant(),
                    int(c.status),
                    QVariant(),
                    timeSort(c.dueTime),
                    timeSort(c.lastTested),
                    int(c.requirements.size())};
        row.key = c.name;
        row.tooltip = c.description;
        row.alert =
            c.status == ControlStatus::Failing ||
            (c.dueTime.isValid() && c.dueTime < now && c.status != ControlStatus::Implemented &&
             c.status != ControlStatus::NotApplicable);
        rows.append(row);
    }
    setRows(std::move(rows));
}

QVariant ControlTableModel::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && index.row() < m_controls.size()) {
        const Control &c = m_controls.at(index.row());
        switch (role) {
        case StatusRole:
            return int(c.status);
        case OwnerRole:
            return c.owner;
        case FrameworksRole: {
            QStringList frameworks;
            for (const Requirement &r : c.requirements) {
                if (!frameworks.contains(r.framework))
                    frameworks.append(r.framework);
            }
            return frameworks;
        }
        default:
            break;
        }
    }
    return ComplianceRowsModel::data(index, role);
}

const Control *ControlTableModel::control(const QString &name) const
{
    for (const Control &c : m_controls) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList ControlTableModel::owners() const
{
    QSet<QString> set;
    for (const Control &c : m_controls) {
        if (!c.owner.isEmpty())
            set.insert(c.owner);
    }
    QStringList owners(set.begin(), set.end());
    std::sort(owners.begin(), owners.end());
    return owners;
}

// ControlFilterProxyModel

ControlFilterProxyModel::ControlFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ComplianceRowsModel::SortRole);
}

void ControlFilterProxyModel::setFramework(const QString &framework)
{
    if (framework == m_framework)
        return;
    m_framework = framework;
    invalidateFilter();
}

void ControlFilterProxyModel::setStatus(std::optional<ControlStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void ControlFilterProxyModel::setOwner(const QString &owner)
{
    if (owner == m_owner)
        return;
    m_owner = owner;
    invalidateFilter();
}

bool ControlFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_framework.isEmpty() &&
        !index.data(ControlTableModel::FrameworksRole).toStringList().contains(m_framework))
        return false;
    if (m_status && index.data(ControlTableModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (!m_owner.isEmpty() && index.data(ControlTableModel::OwnerRole).toString() != m_owner)
        return false;
    return true;
}

// RequirementTableModel

RequirementTableModel::RequirementTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList RequirementTableModel::headers() const
{
    return {tr("Framework"), tr("Requirement"), tr("Title")};
}

void RequirementTableModel::setRequirements(const QList<Requirement> &requirements,
                                            const QHash<QString, QString> &frameworkNames)
{
    QList<Row> rows;
    rows.reserve(requirements.size());
    for (const Requirement &r : requirements) {
        Row row;
        row.cells = {frameworkNames.value(r.framework, r.framework), r.requirement, r.title};
        row.key = r.framework;
        row.tooltip = r.title;
        rows.append(row);
    }
    setRows(std::move(rows));
}

// EvidenceTableModel

EvidenceTableModel::EvidenceTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList EvidenceTableModel::headers() const
{
    return {tr("Recorded"), tr("Description"), tr("Kind"),       tr("File or record"),
            tr("SHA-256"),  tr("Size"),        tr("Recorded by")};
}

void EvidenceTableModel::setEvidence(const QList<Evidence> &evidence)
{
    m_evidence = evidence;
    QList<Row> rows;
    rows.reserve(evidence.size());
    for (const Evidence &e : evidence) {
        const bool file = e.kind == EvidenceKind::File;
        Row row;
        row.cells = {timeText(e.recordTime),
                     e.description,
                     ComplianceText::kind(e.kind),
                     file ? e.fileName : e.link,
                     e.sha256,
                     file ? QLocale().formattedDataSize(e.sizeBytes) : QString(),
                     e.recordedBy};
        row.sort = {timeSort(e.recordTime),
                    QVariant(),
                    QVariant(),
                    QVariant(),
                    QVariant(),
                    e.sizeBytes,
                    QVariant()};
        row.key = e.name;
        row.tooltip = file ? tr("%1\nSHA-256 %2").arg(e.fileName, e.sha256) : e.link;
        rows.append(row);
    }
    setRows(std::move(rows));
}

// CheckHistoryModel

CheckHistoryModel::CheckHistoryModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList CheckHistoryModel::headers() const
{
    return {tr("Run"), tr("Check"), tr("Result"), tr("Detail"), tr("Triggered by")};
}

void CheckHistoryModel::setRuns(const QList<CheckRun> &runs, const QHash<QString, QString> &titles)
{
    QList<Row> rows;
    rows.reserve(runs.size());
    for (const CheckRun &r : runs) {
        Row row;
        row.cells = {timeText(r.runTime), titles.value(r.check, lastSegment(r.check)),
                     ComplianceText::result(r.result), r.detail, r.triggeredBy};
        row.sort = {timeSort(r.runTime), QVariant(), int(r.result), QVariant(), QVariant()};
        row.key = r.name;
        row.tooltip = r.detail;
        row.alert = r.result == CheckResult::Fail || r.result == CheckResult::Error;
        rows.append(row);
    }
    setRows(std::move(rows));
}

// FindingTableModel

FindingTableModel::FindingTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList FindingTableModel::headers() const
{
    return {tr("Finding"), tr("Severity"),  tr("State"), tr("Owner"),
            tr("Due"),     tr("Raised by"), tr("Opened")};
}

void FindingTableModel::setFindings(const QList<Finding> &findings, const QDateTime &now)
{
    m_findings = findings;
    QList<Row> rows;
    rows.reserve(findings.size());
    for (const Finding &f : findings) {
        Row row;
        const bool overdue = f.isOverdue(now);
        QString due = dateText(f.dueTime);
        if (overdue)
            due = tr("%1 (overdue)").arg(due);
        row.cells = {f.title,
                     ComplianceText::severity(f.severity),
                     ComplianceText::state(f.state),
                     f.owner,
                     due,
                     f.check.isEmpty() ? f.privacyRequest : f.check,
                     timeText(f.openTime)};
        row.sort = {QVariant(),          int(f.severity), int(f.state),        QVariant(),
                    timeSort(f.dueTime), QVariant(),      timeSort(f.openTime)};
        row.key = f.name;
        row.tooltip = f.detail;
        row.alert = overdue;
        rows.append(row);
    }
    setRows(std::move(rows));
}

int FindingTableModel::openCount() const
{
    return int(std::count_if(m_findings.begin(), m_findings.end(),
                             [](const Finding &f) { return f.state == FindingState::Open; }));
}

// PrivacyQueueModel

PrivacyQueueModel::PrivacyQueueModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList PrivacyQueueModel::headers() const
{
    return {tr("Request"),  tr("Regime"),   tr("Subject"),  tr("State"),
            tr("Received"), tr("Deadline"), tr("Time left")};
}

void PrivacyQueueModel::setRequests(const QList<PrivacyRequest> &requests, const QDateTime &now)
{
    m_requests = requests;
    setNow(now);
}

void PrivacyQueueModel::setNow(const QDateTime &now)
{
    m_now = now;
    QList<Row> rows;
    rows.reserve(m_requests.size());
    for (const PrivacyRequest &r : m_requests) {
        Row row;
        const bool open = r.state == PrivacyRequestState::Open;
        row.cells = {ComplianceText::kind(r.kind),
                     ComplianceText::regime(r.regime),
                     r.subject,
                     ComplianceText::requestState(r.state),
                     timeText(r.receiveTime),
                     timeText(r.deadline),
                     open ? ComplianceText::countdown(r.deadline, now)
                          : tr("completed %1").arg(timeText(r.completeTime))};
        row.sort = {int(r.kind),
                    int(r.regime),
                    QVariant(),
                    int(r.state),
                    timeSort(r.receiveTime),
                    timeSort(r.deadline),
                    open ? QVariant(now.secsTo(r.deadline)) : QVariant(qint64(1) << 40)};
        row.key = r.name;
        row.tooltip = r.note;
        row.alert = r.isOverdue(now);
        rows.append(row);
    }
    setRows(std::move(rows));
}

int PrivacyQueueModel::overdueCount() const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [this](const PrivacyRequest &r) { return r.isOverdue(m_now); }));
}

// RetentionTableModel

RetentionTableModel::RetentionTableModel(QObject *parent)
    : ComplianceRowsModel(parent)
{}

QStringList RetentionTableModel::headers() const
{
    return {tr("Data category"), tr("Retention"), tr("Description")};
}

void RetentionTableModel::setPolicies(const QList<RetentionPolicy> &policies)
{
    m_policies = policies;
    QList<Row> rows;
    rows.reserve(policies.size());
    for (const RetentionPolicy &p : policies) {
        Row row;
        row.cells = {p.category, tr("%n day(s)", nullptr, p.retentionDays), p.description};
        row.sort = {QVariant(), p.retentionDays, QVariant()};
        row.key = p.name;
        rows.append(row);
    }
    setRows(std::move(rows));
}

} // namespace ops
