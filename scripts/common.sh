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

# Fails, naming the files, when a C++ file differs from what .clang-format says (Debian's
# clang-format 14). Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
ops_check_format() {
  local files
  mapfile -t files < <(cd "$OPS_ROOT" && git ls-files '*.cpp' '*.h' 2>/dev/null ||
                       find app ui models services platformd tests bench -name '*.cpp' -o -name '*.h')
  if ! (cd "$OPS_ROOT" && clang-format --dry-run --Werror "${files[@]}" 2>"${TMPDIR:-/tmp}/ops-format.log"); then
    grep -o '^[^:]*\.\(cpp\|h\):' "${TMPDIR:-/tmp}/ops-format.log" | sort -u | sed 's/:$//; s/^/  not formatted: /' >&2
    echo "format: the files above differ from .clang-format; run: git ls-files '*.cpp' '*.h' | xargs clang-format -i" >&2
    return 1
  fi
  echo "format: ${#files[@]} C++ files match .clang-format" >&2
}

# Fails, naming the file and the include, when platformd's core includes a module, a module
# includes another module's private/ header, or folders include each other in a cycle.
ops_check_layers() {
  "$OPS_ROOT/scripts/check-layers" "$OPS_ROOT/platformd"
}
