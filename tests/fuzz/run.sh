#!/usr/bin/env bash
# Runs one fuzzer for a while: tests/fuzz/run.sh FUZZER SECONDS [BUILD_DIR]
# FUZZER is a name from tests/fuzz (e.g. analysis for analysis_fuzz). New inputs that reach new
# code go to build-fuzz/corpus/FUZZER (the seed corpus in tests/fuzz/corpus stays as written);
# crashes and timeouts go to build-fuzz/artifacts/FUZZER/. Copy an interesting one into the seed
# corpus and make it a unit test.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: tests/fuzz/run.sh FUZZER SECONDS [BUILD_DIR]" >&2; exit 2; }
fuzzer=$1
seconds=$2
build=${3:-build-fuzz}
binary=$build/tests/fuzz/${fuzzer}_fuzz
[ -x "$binary" ] || { echo "no $binary: build with tests/fuzz/build.sh" >&2; exit 2; }
mkdir -p "$build/corpus/$fuzzer" "$build/artifacts/$fuzzer"
# -timeout: an input taking over 10 s is a hang (a superlinear rule); -rss_limit_mb: a leak.
# The limit is wall-clock time: under `nice -n 19` on a busy machine a run of milliseconds can
# wait that long for the CPU, so raise FUZZ_TIMEOUT there and rerun any timeout it reports.
exec "$binary" "$build/corpus/$fuzzer" "tests/fuzz/corpus/$fuzzer" -max_total_time="$seconds" \
  -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/$fuzzer/"
