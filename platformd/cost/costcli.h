#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace platformd::core {
class Store;
}

// `platformd import-focus --data-dir DIR FILE…`: each file imported in its own transaction,
// audited as system:cli, exactly as the ImportCosts RPC does it.
namespace platformd::cost {

// Prints each file's report to out. Returns 0 when every file was written, 1 when any was
// refused (nothing of a refused file is written).
int importFocusFiles(core::Store &store, const std::vector<std::string> &files, std::ostream &out);

} // namespace platformd::cost
