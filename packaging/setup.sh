#!/usr/bin/env bash
# Kinora developer set-up. On a fresh Debian 12 machine:
#   packaging/setup.sh run   installs missing packages, builds, and starts the studio
#   packaging/setup.sh test  installs missing packages, builds, and runs the whole test suite
# Both are idempotent: with nothing changed they only check packages and run an incremental build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${KINORA_BUILD_DIR:-$ROOT/build}"
MODE="${1:-}"
[[ $# -gt 0 ]] && shift

usage() {
    echo "usage: packaging/setup.sh run [PROJECT.kinora] | test [ctest options]" >&2
    exit 2
}
[[ "$MODE" == "run" || "$MODE" == "test" ]] || usage

install_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$ROOT/packaging/debian-packages.txt")
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    echo "kinora: installing ${#missing[@]} Debian package(s): ${missing[*]}" >&2
    local sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    # Paths under the checkout hash as relative paths, so a fresh clone elsewhere (CI) hits the cache.
    export CCACHE_BASEDIR="$ROOT"
    if [[ ! -f "$BUILD/build.ninja" ]]; then
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$BUILD" --parallel "$(nproc)"
}

install_packages
build

case "$MODE" in
run)
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
        echo "kinora: no display found (DISPLAY/WAYLAND_DISPLAY unset); run it in a desktop session or under xvfb-run." >&2
    fi
    exec "$BUILD/app/kinora/kinora" "$@"
    ;;
test)
    export QT_QPA_PLATFORM=offscreen
    cd "$BUILD"
    exec ctest --output-on-failure --parallel "$(nproc)" --timeout 900 "$@"
    ;;
esac
