#pragma once

#include <QList>
#include <QObject>

#include <memory>

namespace ops {

class AuditClient;
class Connection;
class ComplianceClient;
class CostClient;
class IdentityClient;
class IncidentClient;
class ModelRegistryClient;
class RegionClient;

// Every client of one platform, on one channel: the one place the console creates them. Streams
// end before the channel closes (destruction order). Health probes of other endpoints are not
// here: they have their own channels (HealthProber).
class Services : public QObject
{
    Q_OBJECT
public:
    explicit Services(QObject *parent = nullptr);
    ~Services() override;

    Connection *connection() const { return m_connection.get(); }
    RegionClient *regions() const { return m_regions.get(); }
    IdentityClient *identity() const { return m_identity.get(); }
    AuditClient *audit() const { return m_audit.get(); }
    ModelRegistryClient *registry() const { return m_registry.get(); }
    IncidentClient *incidents() const { return m_incidents.get(); }
    CostClient *costs() const { return m_costs.get(); }
    ComplianceClient *compliance() const { return m_compliance.get(); }
    // The Connection and every client above, for the panels (PanelContext::clients): a new client
    // is a member, its accessor and its entry here.
    QList<QObject *> clients() const;

private:
    std::unique_ptr<Connection> m_connection; // declared first: destroyed last
    std::unique_ptr<RegionClient> m_regions;
    std::unique_ptr<IdentityClient> m_identity;
    std::unique_ptr<AuditClient> m_audit;
    std::unique_ptr<ModelRegistryClient> m_registry;
    std::unique_ptr<IncidentClient> m_incidents;
    std::unique_ptr<CostClient> m_costs;
    std::unique_ptr<ComplianceClient> m_compliance;
};

} // namespace ops
