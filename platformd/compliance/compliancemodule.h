#pragma once

#include "core/module.h"

// Compliance (docs/API.md, ComplianceService): one set of platform controls mapped to ten
// frameworks, automated checks from platformd's own state with history and findings, append-only
// evidence, privacy requests and retention, NIST OSCAL catalogs and profiles in, assessment
// results out.
namespace platformd::compliance {

core::Module module();

} // namespace platformd::compliance
