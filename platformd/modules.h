#pragma once

#include "core/module.h"
#include "core/permissions.h"

#include <vector>

// The one list of the server's capabilities (docs/ARCHITECTURE.md, "Adding a capability").
namespace platformd {

// Every module platformd serves, in registration order: one line per module in modules.cpp.
const std::vector<core::Module> &modules();
// Every module's migrations (core::StoreOptions::migrations): a Store opened for platformd
// must know them all, or a database they migrated is refused as newer than this platformd.
std::vector<core::Migration> moduleMigrations();
// The permission table of modules() (the one the server enforces).
const core::PermissionTable &permissionTable();

} // namespace platformd
