#!/usr/bin/env bash
# End-to-end test of the Emacs integration (editors/emacs/histlint-eglot.el) in a batch Emacs
# with Eglot against a real `histlint lsp`:
#   tests/editors/eglot_e2e.sh PATH/TO/histlint
# Installs emacs-nox and elpa-eglot (Debian 12; about 100 MB) when missing.
# Prints "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
# shellcheck source=tests/editors/common.sh
source "$(dirname "$0")/common.sh"

bin=$(realpath -e "${1:-}" 2>/dev/null || true)
require_inputs "$bin"

has_eglot() {
  command -v emacs >/dev/null &&
    emacs --batch --eval '(progn (package-initialize) (require (quote eglot)))' >/dev/null 2>&1
}
has_eglot || install_or_skip "Emacs with Eglot" --no-install-recommends emacs-nox elpa-eglot
echo "using $(emacs --version | head -1)"

make_book_workspace

# `package-initialize' puts Debian's elpa-* packages (eglot and its newer project.el) on the
# load path, as in an interactive Emacs.
HOME="$work/home" HISTLINT_BIN="$bin" HISTLINT_REPO="$REPO_DIR" HISTLINT_ROOT="$work/repo/book" \
  HISTLINT_DATES="$work/repo/book/dates.txt" HISTLINT_GARBLED="$work/repo/book/garbled.txt" \
  HISTLINT_RESULTS="$work/results.txt" \
  timeout 300 emacs --batch --eval '(package-initialize)' -l "$EDITORS_TEST_DIR/eglot_e2e.el" \
  >"$work/emacs.out" 2>&1
status=$?

[[ -f $work/results.txt ]] && count_results "$work/results.txt"
if [[ $status -ne 0 ]]; then
  fail "emacs exited with status $status$([[ $status -eq 124 ]] && echo ' (timed out)')"
fi
[[ $((passed + failed)) -eq 0 ]] && fail "the Emacs test wrote no results"
[[ $failed -gt 0 ]] && { echo "--- end of Emacs's output"; tail -20 "$work/emacs.out"; }
finish
