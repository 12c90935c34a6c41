#!/usr/bin/env bash
# Configures and builds the fuzzers in build-fuzz with clang (libFuzzer, ASan, UBSan).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/deps.sh
# -O1: instrumented code at -O2 builds much slower and fuzzes hardly faster.
configure_build build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DHISTLINT_FUZZ=ON \
  -DHISTLINT_TESTS=OFF -DHISTLINT_BENCH=OFF
cmake --build build-fuzz -j "${JOBS:-$(nproc)}"
