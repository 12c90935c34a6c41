#!/usr/bin/env bash
# End-to-end test of the Neovim plugin (editors/nvim) in a real headless Neovim:
#   tests/editors/nvim_e2e.sh PATH/TO/histlint
# Opens two seeds, waits for date/ and garble/ diagnostics, hovers a name, applies a quickfix,
# changes settings, shuts down. Prints "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
# shellcheck source=tests/editors/common.sh
source "$(dirname "$0")/common.sh"

bin=$(realpath -e "${1:-}" 2>/dev/null || true)
require_inputs "$bin"

command -v nvim >/dev/null || install_or_skip "Neovim" neovim
echo "using $(nvim --version | head -1)"

# The plugin must pick the folder with .histlint/ over the enclosing git checkout.
make_book_workspace

# A private HOME/XDG so the user's config, shada and LSP log stay out of the test.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache" \
  HISTLINT_BIN="$bin" HISTLINT_ROOT="$work/repo/book" \
  HISTLINT_DATES="$work/repo/book/dates.txt" HISTLINT_GARBLED="$work/repo/book/garbled.txt" \
  HISTLINT_RESULTS="$work/results.txt" \
  timeout 300 nvim --clean --headless -i NONE \
    --cmd "set runtimepath^=$REPO_DIR/editors/nvim" \
    -c "luafile $EDITORS_TEST_DIR/nvim_e2e.lua" >"$work/nvim.out" 2>&1
status=$?

[[ -f $work/results.txt ]] && count_results "$work/results.txt"
if [[ $status -ne 0 ]]; then
  fail "nvim exited with status $status$([[ $status -eq 124 ]] && echo ' (timed out)')"
  tail -20 "$work/nvim.out"
fi
[[ $((passed + failed)) -eq 0 ]] && fail "the Lua test wrote no results"
if [[ $failed -gt 0 ]]; then
  log=$(find "$work/home" -name 'lsp.log' | head -1)
  [[ -n $log ]] && { echo "--- end of Neovim's LSP log"; tail -15 "$log" | cut -c1-400; }
fi
finish
