#include "modules.h"

#include "audit/auditmodule.h"
#include "compliance/compliancemodule.h"
#include "cost/costmodule.h"
#include "identity/identitymodule.h"
#include "incidents/incidentsmodule.h"
#include "regions/regionsmodule.h"
#include "registry/registrymodule.h"

namespace platformd {

const std::vector<core::Module> &modules()
{
    static const std::vector<core::Module> list = {
        regions::module(),   identity::module(), audit::module(),      registry::module(),
        incidents::module(), cost::module(),     compliance::module(),
    };
    return list;
}

std::vector<core::Migration> moduleMigrations()
{
    std::vector<core::Migration> all;
    for (const core::Module &module : modules())
        all.insert(all.end(), module.migrations.begin(), module.migrations.end());
    return all;
}

const core::PermissionTable &permissionTable()
{
    static const core::PermissionTable table(modules());
    return table;
}

} // namespace platformd
