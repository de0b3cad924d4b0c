#pragma once

#include "core/module.h"

#include <functional>
#include <memory>

namespace grpc {
class Service;
}

namespace platformd::cost {

class CostBudgets;
class CostStore;

// ops.platform.v1.CostService over the store and budgets. Method permissions are checked by the
// server's auth processor. afterImport runs after each import that wrote rows (budget checks).
std::unique_ptr<grpc::Service> makeCostService(const core::ModuleContext &context, CostStore &store,
                                               CostBudgets &budgets,
                                               std::function<void()> afterImport);

} // namespace platformd::cost
