#pragma once

#include "compliance/private/compliancestore.h"

// OSCAL in and out for the compliance module: catalogs and profiles imported into
// compliance_catalogs (profiles resolved against the stored catalogs), assessment results
// exported for a framework and period.
namespace platformd::compliance {

// audited false: the demo's seeding (unaudited, as every module's demo seed).
Status importOscal(ComplianceStore &store, const core::Caller &c, const std::string &document,
                   const std::string &fileName, pb::OscalCatalog *out, bool audited = true);
Status listCatalogs(ComplianceStore &store, pb::ListCatalogsResponse *out);
Status exportAssessmentResults(ComplianceStore &store, const pb::ExportAssessmentResultsRequest &r,
                               pb::ExportAssessmentResultsResponse *out);

// "AC-2(3)" -> "ac-2.3"; empty when text is not an SP 800-53 control identifier.
std::string nistControlId(const std::string &text);

} // namespace platformd::compliance
