# Shared by the editor end-to-end scripts: seeds, result counting, install-or-skip.
# shellcheck shell=bash disable=SC2034  # the variables are used by the scripts sourcing this

EDITORS_TEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$EDITORS_TEST_DIR/../.." && pwd)
SEEDS_DIR=${HISTLINT_SEEDS_DIR:-$REPO_DIR/../shared/seeds}
ARTIFACTS_DIR=${HISTLINT_ARTIFACTS_DIR:-$REPO_DIR/tests/artifacts}
# The seed with "assassinated at age 61" (Trotsky died at 60) and the SEO-spun one.
first_match() { [[ -e $1 ]] && echo "$1"; }
DATES_SEED=$(first_match "$SEEDS_DIR"/004_*.txt)
GARBLED_SEED=$(first_match "$SEEDS_DIR"/003_*.txt)

passed=0
failed=0

pass() {
  passed=$((passed + 1))
  echo "PASS $*"
}

fail() {
  failed=$((failed + 1))
  echo "FAIL $*"
}

# Counts the PASS/FAIL lines an editor-side script wrote to a results file.
count_results() {
  local file=$1 line
  while IFS= read -r line; do
    case $line in
      PASS*) passed=$((passed + 1)); echo "$line" ;;
      FAIL*) failed=$((failed + 1)); echo "$line" ;;
    esac
  done <"$file"
}

# Prints the closing line CI reads and exits non-zero on any failure.
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}

# A loud skip, only for "this machine cannot install the editor" (not root, registry down).
skip() {
  echo "############################################################"
  echo "SKIP: $*"
  echo "############################################################"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
}

# Usage checks shared by the scripts: a runnable server binary and the seeds.
require_inputs() {
  local bin=$1
  if [[ -z $bin || ! -x $bin ]]; then
    echo "usage: $0 PATH/TO/histlint   ('$bin' is not an executable)" >&2
    exit 2
  fi
  if [[ -z $DATES_SEED || -z $GARBLED_SEED ]]; then
    echo "$0: seeds 003_*.txt and 004_*.txt not found in $SEEDS_DIR (set HISTLINT_SEEDS_DIR)" >&2
    exit 2
  fi
}

# apt-get install that distinguishes "cannot install here" (returns 77) from other failures.
apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "not root: cannot apt-get install $*" >&2
    return 77
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >&2 && return 0
  apt-get update -q >&2 || return 77
  apt-get install -y -q "$@" >&2
}

# install_or_skip NAME PACKAGE...: installs an editor that is missing; skips loudly when this
# machine cannot install it, fails on any other error.
install_or_skip() {
  local name=$1
  shift
  apt_install "$@"
  local status=$?
  [[ $status -eq 77 ]] && skip "$name is not installed and cannot be installed here"
  [[ $status -ne 0 ]] && { fail "apt-get install $*"; finish; }
  return 0
}

# make_book_workspace: sets $work to a throw-away folder holding repo/.git (an enclosing checkout),
# repo/book/.histlint (the folder the client must pick as root) with writable copies of the two
# seeds as book/dates.txt and book/garbled.txt, and home/ for a private HOME. Removed on exit.
make_book_workspace() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/repo/.git" "$work/repo/book/.histlint" "$work/home"
  cp "$DATES_SEED" "$work/repo/book/dates.txt"
  cp "$GARBLED_SEED" "$work/repo/book/garbled.txt"
  chmod u+w "$work/repo/book/"*.txt # the shared seeds are read-only; quick fixes edit the copies
}
