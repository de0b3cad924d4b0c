#pragma once

// What the tests of platformd on PostgreSQL share (issue 15): a new database per case in the
// test's throw-away cluster, and the options a platformd opens its Store on it with.
#include "core/postgres.h"
#include "core/store.h"
#include "modules.h"

#include "pgcluster.h"

#include <cstdint>
#include <string>

// CREATE DATABASE name in cluster; its URI.
inline std::string freshPgDatabase(const PgCluster &cluster, const std::string &name)
{
    platformd::core::PgConnection admin(cluster.uri().toStdString());
    admin.exec("CREATE DATABASE " + name);
    return "postgresql://postgres@127.0.0.1:" + std::to_string(cluster.port()) + "/" + name;
}

// Every module's migrations, two pooled readers.
inline platformd::core::StoreOptions pgStoreOptions(const std::string &uri,
                                                    std::int64_t retention = 100000)
{
    platformd::core::StoreOptions options;
    options.path = uri;
    options.readers = 2;
    options.retention = retention;
    options.migrations = platformd::moduleMigrations();
    return options;
}
