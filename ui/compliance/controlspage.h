#pragma once

#include "models/compliance.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace ops {

class CheckHistoryModel;
class ControlFilterProxyModel;
class ControlTableModel;
class EvidenceTableModel;
class RequirementTableModel;

// The Controls tab: the control table filtered by framework, status and owner, and the detail of
// the selected control (the requirements it satisfies across frameworks, its evidence with hashes
// and links, its check history).
class ControlsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ControlsPage(QWidget *parent = nullptr);

    ControlTableModel *model() const { return m_model; }
    ControlFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QComboBox *frameworkFilter() const { return m_framework; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *ownerFilter() const { return m_owner; }
    RequirementTableModel *requirementsModel() const { return m_requirements; }
    EvidenceTableModel *evidenceModel() const { return m_evidence; }
    CheckHistoryModel *historyModel() const { return m_history; }
    QTableView *evidenceTable() const { return m_evidenceTable; }
    QToolButton *addEvidenceButton() const { return m_addEvidence; }
    QToolButton *editControlButton() const { return m_editControl; }
    QString currentControl() const { return m_current; }
    QLabel *detailTitle() const { return m_detailTitle; }

    void setFrameworks(const QList<Framework> &frameworks); // the filter's choices
    void setControls(const QList<Control> &controls, const QDateTime &now);
    void setFramework(const QString &name); // "" : every framework
    // Selects the control's row (clearing filters that hide it) and emits controlSelected.
    bool selectControl(const QString &name);
    void setDetail(const ControlDetail &detail, const QHash<QString, QString> &checkTitles);
    void clearDetail();

signals:
    void controlSelected(const QString &name); // "" when the selection is cleared
    void frameworkChanged(const QString &name);
    void addEvidenceRequested();
    void editControlRequested();

private:
    void applyFilters();
    void onSelectionChanged();

    ControlTableModel *m_model;
    ControlFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_framework;
    QComboBox *m_status;
    QComboBox *m_owner;
    QLabel *m_count;
    QLabel *m_detailTitle;
    QLabel *m_detailText;
    RequirementTableModel *m_requirements;
    EvidenceTableModel *m_evidence;
    CheckHistoryModel *m_history;
    QTableView *m_evidenceTable;
    QTableView *m_requirementsTable;
    QToolButton *m_addEvidence;
    QToolButton *m_editControl;
    QHash<QString, QString> m_frameworkNames;
    QString m_current;
};

} // namespace ops
