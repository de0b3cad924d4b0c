#pragma once

#include "models/modelregistry.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolBar;

namespace ops {

class DeploymentTableModel;
class MetricChart;
class ModelRegistryClient;
class ModelTableModel;
class RegistryActions;
class VersionTableModel;

// The Model detail panel, following the model selected in the registry: its versions, a metric
// compared across versions (chart), the selected version's lineage (run, dataset and hash,
// source) and model card (Markdown), and the model's deployments per region with traffic bars and
// live serving metrics. Refreshes its versions when WatchModels reports the model changed.
class ModelDetailPanel : public QWidget
{
    Q_OBJECT
public:
    ModelDetailPanel(ModelRegistryClient *client, ModelTableModel *models,
                     DeploymentTableModel *deployments, RegistryActions *actions,
                     QWidget *parent = nullptr);
    ~ModelDetailPanel() override;

    void setModel(const QString &name); // models/{model}; empty: nothing
    QString model() const { return m_model; }

    // For tests and the screenshot.
    VersionTableModel *versionsModel() const { return m_versions; }
    QTableView *versionsView() const { return m_versionsView; }
    QTableView *deploymentsView() const { return m_deploymentsView; }
    MetricChart *chart() const { return m_chart; }
    QComboBox *metricBox() const { return m_metricBox; }
    QTextBrowser *modelCard() const { return m_card; }
    QString lineageText() const;
    QString headerText() const;
    QTabWidget *tabs() const { return m_tabs; }
    bool isLoading() const { return m_listing != 0; }
    void selectVersion(qint64 version);
    ModelStage stageOf(qint64 version) const; // as loaded; None when not held

private:
    void reload();
    void updateHeader();
    void updateChart();
    void updateVersionDetail();
    void onVersionSelection();
    void onDeploymentSelection();

    ModelRegistryClient *m_client;
    ModelTableModel *m_models;
    DeploymentTableModel *m_deployments;
    RegistryActions *m_actions;
    QString m_model;
    QList<ModelVersionInfo> m_loaded;
    VersionTableModel *m_versions;
    QLabel *m_header;
    QToolBar *m_toolbar;
    QTabWidget *m_tabs;
    QTableView *m_versionsView;
    QComboBox *m_metricBox;
    QComboBox *m_chartKind;
    MetricChart *m_chart;
    QLabel *m_lineage;
    QTextBrowser *m_card;
    QTableView *m_deploymentsView;
    QTimer *m_reloadTimer;
    quint64 m_listing = 0;
    qint64 m_selectedVersion = 0;
};

} // namespace ops
