#pragma once

#include "core/storebackend.h"

#include <memory>
#include <string>

namespace platformd::core {

// The Store's PostgreSQL backend for uri (storepostgres.cpp); makeStoreBackend chooses it.
std::unique_ptr<StoreBackend> makePostgresStoreBackend(const std::string &uri);

} // namespace platformd::core
