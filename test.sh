#!/usr/bin/env bash
# Builds histlint and runs every test: unit tests (also under ASan+UBSan), end-to-end tests of the
# binary, the labelled corpora, the shared acceptance labels, the findings' parity with the recorded
# goldens, the figures reached on the shared benchmarks and real texts, the editor tests, the
# fuzzers (a short regression run each) and the format check.
# Prints one line per step and a last "N passed, N failed" line; exits 1 when any step failed.
set -uo pipefail
cd "$(dirname "$0")"
. .ci/deps.sh
install_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}" clang-format python3-distributed || exit 1
install_npm_tools "${NPM_TEST_TOOLS[@]}" || echo "histlint: could not install ${NPM_TEST_TOOLS[*]}" >&2

jobs=$(nproc)
log_dir=build-logs
mkdir -p "$log_dir"
passed=0
failed=0
failures=()

# step NAME COMMAND...: runs a step, its output in build-logs/NAME.log, shown when it fails.
step() {
  local name=$1
  shift
  local start=$SECONDS
  if "$@" >"$log_dir/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAIL $name ($((SECONDS - start)) s)"
    tail -n 60 "$log_dir/$name.log" | sed 's/^/    /'
  fi
  grep -h "^SKIP" "$log_dir/$name.log" | sed 's/^/    /' || true
}

build_release() {
  configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHISTLINT_WERROR=ON &&
    cmake --build build -j "$jobs"
}
build_sanitized() {
  configure_build build-asan -DCMAKE_BUILD_TYPE=Debug -DHISTLINT_SANITIZE=ON -DHISTLINT_BENCH=OFF &&
    cmake --build build-asan -j "$jobs"
}
unit_tests() { ctest --test-dir "$1" --output-on-failure -j "$jobs"; }
format_check() {
  git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror
}
acceptance() {
  [ -f ../shared/acceptance/score.py ] || { echo "SKIP acceptance: ../shared is not here"; return 0; }
  python3 ../shared/acceptance/score.py ../shared/acceptance/seeds-labels.json ../shared/seeds \
    --bin build/histlint --verbose
}
corpus() {
  local family=$1
  python3 tests/corpus/evaluate.py "tests/corpus/$family/labels.json" "tests/corpus/$family" \
    --bin build/histlint --min-precision "$2" --min-recall "$3" --verbose
}

step build build_release
[ -x build/histlint ] || { echo "0 passed, 1 failed"; exit 1; }
step unit-tests unit_tests build
step build-sanitized build_sanitized
step unit-tests-sanitized unit_tests build-asan
for script in tests/e2e/*_e2e.py; do
  [ -f "$script" ] && step "$(basename "$script" .py)" python3 "$script" build/histlint
done
for family in date source garble heldout-date heldout-source; do
  [ -f "tests/corpus/$family/labels.json" ] || continue
  read -r min_precision min_recall <"tests/corpus/$family/minimum"
  step "corpus-$family" corpus "$family" "$min_precision" "$min_recall"
done
step acceptance acceptance
# Debian's python3-distributed is installed for /usr/bin/python3, whatever python3 is first.
dask_python=$(command -v /usr/bin/python3 || command -v python3)
step dask "$dask_python" tests/contrib/dask_test.py build/histlint
step parity python3 tests/parity/parity.py build/histlint
step shared-scores python3 tests/shared_sets/check_scores.py build/histlint
for script in tests/editors/*_e2e.sh; do
  [ -f "$script" ] && step "$(basename "$script" .sh)" bash "$script" build/histlint
done
step fuzz-build env JOBS="$jobs" tests/fuzz/build.sh
step fuzz tests/fuzz/regression.sh
step format format_check

[ ${#failures[@]} -eq 0 ] || echo "failed steps: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
