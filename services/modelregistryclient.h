#pragma once

#include "models/modelregistry.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace ops {

class Connection;

// The model registry of one platformd (ModelRegistryService). Follows models, deployments and
// approval requests like RegionClient follows regions: lists them, then WatchModels (without
// versions) from the listing's revision, resuming after a drop and relisting on OUT_OF_RANGE.
// Versions are many (100,000 in the benchmark): they are paged on demand with listVersions(),
// which streams pages to the GUI thread and pipelines the next request while a page is converted.
// Every action is a unary call with a deadline whose callback runs on this object's thread.
class ModelRegistryClient : public QObject
{
    Q_OBJECT
public:
    enum class StreamState { Stopped, Listing, Streaming, Reconnecting, Refused };
    Q_ENUM(StreamState)

    explicit ModelRegistryClient(Connection *connection, QObject *parent = nullptr);
    ~ModelRegistryClient() override; // cancels everything and waits (bounded) for the stream

    void setCoalesceIntervalMs(int ms); // default 16 ms
    void start();
    void stop();

    StreamState streamState() const { return m_streamState; }
    qint64 lastRevision() const { return m_lastRevision; }
    QDateTime lastEventTime() const { return m_lastEventTime; }

    // One page of a version listing. Pages arrive in order; the last has `last` set (an error
    // also ends the listing).
    struct VersionPage
    {
        QList<ModelVersionInfo> versions;
        int index = 0;     // 0, 1, 2, …
        int totalSize = 0; // versions matching the filter
        qint64 revision = 0;
        bool last = false;
        RegistryError error;
    };
    using PageCallback = std::function<void(const VersionPage &page)>;
    // Lists the versions of `parent` (models/{model} or models/-) page by page. `light` leaves out
    // model cards, descriptions and parameters. Returns an id for cancelVersions(); a cancelled
    // listing delivers nothing more. `firstPageSize` > 0: a smaller first page, so the first rows
    // show quickly while the rest follow at `pageSize`. `holdAfterFirst`: the rest waits for
    // resumeVersions() (a filter being typed fetches its first page only until typing pauses).
    quint64 listVersions(const QString &parent, const QString &filter, const QString &orderBy,
                         int pageSize, PageCallback callback, bool light = true,
                         int firstPageSize = 0, bool holdAfterFirst = false);
    void resumeVersions(quint64 id);
    void cancelVersions(quint64 id);

    // Every model matching `filter` (all pages); the filter's INVALID_ARGUMENT has its position.
    using ModelsCallback =
        std::function<void(const QList<ModelInfo> &models, int totalSize, const RegistryError &)>;
    quint64 listModels(const QString &filter, const QString &orderBy, ModelsCallback callback);
    void cancelModels(quint64 id);

    using ApprovalCallback = std::function<void(const ApprovalRequest &, const RegistryError &)>;
    using ModelCallback = std::function<void(const ModelInfo &, const RegistryError &)>;
    using VersionCallback = std::function<void(const ModelVersionInfo &, const RegistryError &)>;
    using DeploymentCallback = std::function<void(const Deployment &, const RegistryError &)>;

    void getVersion(const QString &name, VersionCallback callback);
    void createApprovalRequest(const QString &model, ApprovalAction action, qint64 version,
                               const QString &alias, const QString &comment,
                               const QStringList &evidenceLinks, ApprovalCallback callback);
    void approve(const QString &request, const QString &comment, ApprovalCallback callback);
    void reject(const QString &request, const QString &comment, ApprovalCallback callback);
    void cancelApproval(const QString &request, ApprovalCallback callback);
    void setAlias(const QString &model, const QString &alias, qint64 version,
                  ModelCallback callback);
    void transitionStage(const QString &version, ModelStage stage, const QString &comment,
                         VersionCallback callback);
    void archive(const QString &version, const QString &comment, VersionCallback callback)
    {
        transitionStage(version, ModelStage::Archived, comment, std::move(callback));
    }
    void createDeployment(const QString &model, const QString &deploymentId, const QString &region,
                          const QString &endpoint, const QList<DeploymentVariant> &variants,
                          DeploymentCallback callback);
    void updateTraffic(const QString &deployment, const QList<DeploymentVariant> &variants,
                       DeploymentCallback callback);
    void rollback(const QString &deployment, DeploymentCallback callback);

signals:
    void snapshotReceived(const ops::RegistrySnapshot &snapshot);
    void changesReceived(const QList<ops::RegistryChangeBatch> &batches);
    void progressReceived(qint64 revision);
    void streamStateChanged(ops::ModelRegistryClient::StreamState state);
    void errorOccurred(const QString &message);

private:
    QPointer<Connection> m_connection;
    StreamState m_streamState = StreamState::Stopped;
    qint64 m_lastRevision = 0;
    QDateTime m_lastEventTime;
    class Private;
    std::unique_ptr<Private> d;
    friend class Private;
};

} // namespace ops
