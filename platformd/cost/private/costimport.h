#pragma once

#include "core/caller.h"
#include "cost/private/costquery.h"

#include <string>

namespace platformd::cost {

struct ImportOptions
{
    std::string fileName; // as reported
    bool acceptPartial = false;
    bool validateOnly = false;
};

// Imports the FOCUS file at path (plain or gzip) in one audited transaction as caller c: refused
// (nothing written, the report says why) on a fatal read error, or on any refused row unless
// acceptPartial. A billing period of a billing account that an earlier import holds is replaced.
// The report is filled in every case; the status is OK when the file was read to the end (even if
// refused: report.written says), INVALID_ARGUMENT when it could not be (the report names row and
// column).
Status importFile(CostStore &store, const core::Caller &c, const std::string &path,
                  const ImportOptions &options, pb::ImportReport *report);

// ListCostImports.
Status listImports(CostStore &store, const pb::ListCostImportsRequest &r,
                   pb::ListCostImportsResponse *out);

} // namespace platformd::cost
