#pragma once

#include <string_view>

// The data the module ships inside platformd (embedded at build time from compliance/data/): the
// curated control set with its framework mappings and sources, and NIST's SP 800-53 rev5 OSCAL
// catalog and LOW / MODERATE baseline profiles the demo imports (public domain, data/oscal).
namespace platformd::compliance {

std::string_view curatedControlsJson();
std::string_view nistCatalogJson();
std::string_view nistLowProfileJson();
std::string_view nistModerateProfileJson();

inline constexpr std::string_view kNistCatalogFile = "NIST_SP-800-53_rev5_catalog.json";
inline constexpr std::string_view kNistLowFile = "NIST_SP-800-53_rev5_LOW-baseline_profile.json";
inline constexpr std::string_view kNistModerateFile =
    "NIST_SP-800-53_rev5_MODERATE-baseline_profile.json";

} // namespace platformd::compliance
