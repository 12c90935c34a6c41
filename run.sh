#!/usr/bin/env bash
# Installs what is missing, builds histlint and runs it: ./run.sh check examples/
set -euo pipefail
cd "$(dirname "$0")"
. .ci/deps.sh
install_packages "${BUILD_PACKAGES[@]}"
configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --target histlint >&2
[ $# -gt 0 ] || set -- check examples/
exec build/histlint "$@"
