#include "services.h"

#include "auditclient.h"
#include "complianceclient.h"
#include "connection.h"
#include "costclient.h"
#include "identityclient.h"
#include "incidentclient.h"
#include "modelregistryclient.h"
#include "regionclient.h"

namespace ops {

Services::Services(QObject *parent)
    : QObject(parent)
    , m_connection(std::make_unique<Connection>())
    , m_regions(std::make_unique<RegionClient>(m_connection.get()))
    , m_identity(std::make_unique<IdentityClient>(m_connection.get()))
    , m_audit(std::make_unique<AuditClient>(m_connection.get()))
    , m_registry(std::make_unique<ModelRegistryClient>(m_connection.get()))
    , m_incidents(std::make_unique<IncidentClient>(m_connection.get()))
    , m_costs(std::make_unique<CostClient>(m_connection.get()))
    , m_compliance(std::make_unique<ComplianceClient>(m_connection.get()))
{
    // The map shows every edge node, so the region stream carries them too, and the failovers
    // and maintenance windows for the region detail (and the map's failover links).
    m_regions->setIncludeEdgeNodes(true);
    m_regions->setIncludeOperations(true);
}

QList<QObject *> Services::clients() const
{
    return {m_connection.get(), m_regions.get(),   m_identity.get(), m_audit.get(),
            m_registry.get(),   m_incidents.get(), m_costs.get(),    m_compliance.get()};
}

Services::~Services()
{
    // Streams first, the channel last.
    m_compliance.reset();
    m_costs.reset();
    m_incidents.reset();
    m_registry.reset();
    m_audit.reset();
    m_identity.reset();
    m_regions.reset();
    m_connection.reset();
}

} // namespace ops
