#pragma once

#include "compliance.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace ops {

// The base of the compliance panel's read-only tables: rows of text formatted once when they
// arrive, a sortable value per cell in SortRole, the resource name in KeyRole, an optional
// red foreground per row (AlertRole: overdue, failing).
class ComplianceRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, KeyRole, AlertRole };

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    explicit ComplianceRowsModel(QObject *parent);
    struct Row
    {
        QStringList cells;
        QList<QVariant> sort; // per cell; invalid: sort by text
        QString key;
        QString tooltip;
        bool alert = false; // drawn in red: overdue, failing
    };
    void setRows(QList<Row> rows);
    const Row &row(int index) const { return m_rows.at(index); }
    virtual QStringList headers() const = 0;

private:
    QList<Row> m_rows;
};

// Frameworks with their score (ListFrameworks).
class FrameworkTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ScoreColumn, SatisfiedColumn, TrendColumn, ColumnCount };
    explicit FrameworkTableModel(QObject *parent = nullptr);
    void setFrameworks(const QList<Framework> &frameworks);
    const QList<Framework> &frameworks() const { return m_frameworks; }
    const Framework *framework(const QString &name) const;
    QHash<QString, QString> displayNames() const; // "frameworks/gdpr" → "GDPR"

protected:
    QStringList headers() const override;

private:
    QList<Framework> m_frameworks;
};

// Every control with its status, owner and the requirements it satisfies (ListControls).
class ControlTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TitleColumn,
        StatusColumn,
        OwnerColumn,
        DueColumn,
        LastTestedColumn,
        RequirementsColumn,
        ColumnCount
    };
    enum ControlRole { StatusRole = AlertRole + 1, OwnerRole, FrameworksRole };
    explicit ControlTableModel(QObject *parent = nullptr);
    void setControls(const QList<Control> &controls, const QDateTime &now);
    const QList<Control> &controls() const { return m_controls; }
    const Control *control(const QString &name) const;
    QStringList owners() const; // sorted, distinct
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;

private:
    QList<Control> m_controls;
};

// Filters the control table by framework (the controls that satisfy one of its requirements),
// status and owner; empty: any.
class ControlFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ControlFilterProxyModel(QObject *parent = nullptr);
    void setFramework(const QString &framework);
    void setStatus(std::optional<ControlStatus> status);
    void setOwner(const QString &owner);
    QString framework() const { return m_framework; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_framework;
    std::optional<ControlStatus> m_status;
    QString m_owner;
};

// The requirements one control satisfies, across frameworks.
class RequirementTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column { FrameworkColumn, IdColumn, TitleColumn, ColumnCount };
    explicit RequirementTableModel(QObject *parent = nullptr);
    // `frameworkNames`: name → display name; unknown frameworks are shown by their name.
    void setRequirements(const QList<Requirement> &requirements,
                         const QHash<QString, QString> &frameworkNames);

protected:
    QStringList headers() const override;
};

// A control's evidence: attachments with their SHA-256, links to platform records.
class EvidenceTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        DescriptionColumn,
        KindColumn,
        ReferenceColumn,
        HashColumn,
        SizeColumn,
        ByColumn,
        ColumnCount
    };
    explicit EvidenceTableModel(QObject *parent = nullptr);
    void setEvidence(const QList<Evidence> &evidence);
    const QList<Evidence> &evidence() const { return m_evidence; }

protected:
    QStringList headers() const override;

private:
    QList<Evidence> m_evidence;
};

// The runs of automated checks, newest first.
class CheckHistoryModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, CheckColumn, ResultColumn, DetailColumn, ByColumn, ColumnCount };
    explicit CheckHistoryModel(QObject *parent = nullptr);
    // `titles`: check name → its title ("checks/tls" → "TLS on every listener").
    void setRuns(const QList<CheckRun> &runs, const QHash<QString, QString> &titles = {});

protected:
    QStringList headers() const override;
};

// Findings with their due dates; open ones past their due date are overdue (red).
class FindingTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        SeverityColumn,
        StateColumn,
        OwnerColumn,
        DueColumn,
        SourceColumn,
        OpenedColumn,
        ColumnCount
    };
    explicit FindingTableModel(QObject *parent = nullptr);
    void setFindings(const QList<Finding> &findings, const QDateTime &now);
    const QList<Finding> &findings() const { return m_findings; }
    int openCount() const;

protected:
    QStringList headers() const override;

private:
    QList<Finding> m_findings;
};

// Data-subject requests with their legal deadlines, counted down from `now` (refresh() each
// minute); open requests past their deadline are overdue (red).
class PrivacyQueueModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        RegimeColumn,
        SubjectColumn,
        StateColumn,
        ReceivedColumn,
        DeadlineColumn,
        CountdownColumn,
        ColumnCount
    };
    explicit PrivacyQueueModel(QObject *parent = nullptr);
    void setRequests(const QList<PrivacyRequest> &requests, const QDateTime &now);
    void setNow(const QDateTime &now); // recomputes the countdowns
    const QList<PrivacyRequest> &requests() const { return m_requests; }
    int overdueCount() const;

protected:
    QStringList headers() const override;

private:
    QList<PrivacyRequest> m_requests;
    QDateTime m_now;
};

// Retention per data category.
class RetentionTableModel : public ComplianceRowsModel
{
    Q_OBJECT
public:
    enum Column { CategoryColumn, DaysColumn, DescriptionColumn, ColumnCount };
    explicit RetentionTableModel(QObject *parent = nullptr);
    void setPolicies(const QList<RetentionPolicy> &policies);
    const QList<RetentionPolicy> &policies() const { return m_policies; }

protected:
    QStringList headers() const override;

private:
    QList<RetentionPolicy> m_policies;
};

} // namespace ops
