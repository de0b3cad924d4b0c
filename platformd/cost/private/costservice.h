#pragma once

#include "core/module.h"

#include <functional>
#include <memory>
#include <string>

namespace grpc {
class Service;
}

namespace platformd::cost {

class CostBudgets;
class CostStore;

// ops.platform.v1.CostService over the store and budgets. Method permissions are checked by the
// server's auth processor. afterImport runs after each import that wrote rows (budget checks).
// ImportCosts keeps an upload in spoolDir while it arrives (spoolDirectory()).
std::unique_ptr<grpc::Service> makeCostService(const core::ModuleContext &context, CostStore &store,
                                               CostBudgets &budgets,
                                               std::function<void()> afterImport,
                                               std::string spoolDir);

// Where uploads are spooled: --cost-spool-dir when given, else the SQLite database's directory,
// else (a PostgreSQL store has no directory) the system's temporary directory. Throws
// std::runtime_error naming the option when that is not a writable directory.
std::string spoolDirectory(const core::ModuleContext &context);

} // namespace platformd::cost
