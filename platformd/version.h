#pragma once

// The server version reported by --version and IdentityService.WhoAmI.
namespace platformd {
inline constexpr const char *kVersion = PLATFORMD_VERSION;
}
