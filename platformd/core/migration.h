#pragma once

#include <string>

namespace platformd::core {

// One numbered schema migration, or the part of one a module owns. Versions are global and never
// renumbered: a platform.db records the last one applied (PRAGMA user_version); pieces that share
// a version run in one transaction, in module order. sql is SQLite's dialect and, once applied
// somewhere, never edited. postgres: what runs on PostgreSQL instead of the mechanical
// translation of sql (core/sqldialect.h), for what is not mechanical (triggers); empty: the
// translation.
struct Migration
{
    int version = 0;
    std::string sql;
    std::string postgres = {};
};

} // namespace platformd::core
