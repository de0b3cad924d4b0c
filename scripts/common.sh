# Sourced by scripts/*: where the tree and the build are, and how to configure and build.
set -euo pipefail
OPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OPS_BUILD_TYPE="${OPS_BUILD_TYPE:-RelWithDebInfo}"
OPS_BUILD_DIR="${OPS_BUILD_DIR:-$OPS_ROOT/build}"

ops_bootstrap() {
  "$OPS_ROOT/scripts/bootstrap"
}

# ops_build [extra cmake args...]
ops_build() {
  local werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  cmake -S "$OPS_ROOT" -B "$OPS_BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE="$OPS_BUILD_TYPE" -DOPS_WERROR="$werror" "$@" >/dev/null
  cmake --build "$OPS_BUILD_DIR" -j"$(nproc)"
}
