#include "compliance/private/compliancedata.h"

// The files are assembled into .rodata (OPS_COMPLIANCE_DATA: the absolute path of
// platformd/compliance/data, set by CMake, which also makes this file depend on them).
#define OPS_EMBED(sym, file)                                                                       \
    __asm__(".section .rodata\n"                                                                   \
            ".global " #sym "\n"                                                                   \
            ".balign 16\n" #sym ":\n"                                                              \
            ".incbin \"" OPS_COMPLIANCE_DATA "/" file "\"\n"                                       \
            ".global " #sym "_end\n" #sym "_end:\n"                                                \
            ".byte 0\n"                                                                            \
            ".previous\n");                                                                        \
    extern "C" const char sym[];                                                                   \
    extern "C" const char sym##_end[];

OPS_EMBED(ops_compliance_controls, "controls.json")
OPS_EMBED(ops_compliance_catalog, "oscal/NIST_SP-800-53_rev5_catalog.json")
OPS_EMBED(ops_compliance_low, "oscal/NIST_SP-800-53_rev5_LOW-baseline_profile.json")
OPS_EMBED(ops_compliance_moderate, "oscal/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json")

namespace platformd::compliance {

std::string_view curatedControlsJson()
{
    return {ops_compliance_controls,
            std::size_t(ops_compliance_controls_end - ops_compliance_controls)};
}
std::string_view nistCatalogJson()
{
    return {ops_compliance_catalog,
            std::size_t(ops_compliance_catalog_end - ops_compliance_catalog)};
}
std::string_view nistLowProfileJson()
{
    return {ops_compliance_low, std::size_t(ops_compliance_low_end - ops_compliance_low)};
}
std::string_view nistModerateProfileJson()
{
    return {ops_compliance_moderate,
            std::size_t(ops_compliance_moderate_end - ops_compliance_moderate)};
}

} // namespace platformd::compliance
