#!/usr/bin/env bash
# test.sh's fuzz step: every fuzzer on its seed corpus plus a fixed number of mutated runs,
# failing on any crash, sanitizer report, leak or timeout. A regression test, not a campaign
# (that is tests/fuzz/run.sh).
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${FUZZ_RUNS:-2000}
status=0
for binary in build-fuzz/tests/fuzz/*_fuzz; do
  name=$(basename "$binary" _fuzz)
  start=$SECONDS
  # libFuzzer writes new inputs to its first folder: a scratch one, not the seed corpus.
  scratch=build-fuzz/regression-corpus/$name
  rm -rf "$scratch" && mkdir -p "$scratch"
  # -seed fixed: the same mutations every time, so a failure reproduces.
  if "$binary" -runs="$runs" -seed=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="build-fuzz/regression-$name-" "$scratch" "tests/fuzz/corpus/$name" \
    >"build-fuzz/regression-$name.log" 2>&1; then
    echo "fuzz $name: $runs runs, no crash ($((SECONDS - start)) s)"
  else
    echo "FAIL fuzz $name ($((SECONDS - start)) s):"
    tail -n 40 "build-fuzz/regression-$name.log"
    status=1
  fi
done
exit $status
