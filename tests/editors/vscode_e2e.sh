#!/usr/bin/env bash
# End-to-end test of the VS Code extension (editors/vscode) in a real VS Code (code-server) driven
# through headless Chromium:
#   tests/editors/vscode_e2e.sh PATH/TO/histlint
# Builds the .vsix with the binary bundled, installs it into code-server, opens two seeds, checks
# the Problems panel and a hover card, runs the extension's commands, saves screenshots under
# tests/artifacts/. Prints "N passed, N failed"; exits non-zero on any failure.
#
# code-server, playwright-core and Chromium are installed on first use and cached in
# $HISTLINT_E2E_CACHE (default /var/cache/histlint-e2e), keyed by version.
set -uo pipefail
# shellcheck source=tests/editors/common.sh
source "$(dirname "$0")/common.sh"

PLAYWRIGHT_CORE_VERSION=1.65.1
CACHE_ROOT=${HISTLINT_E2E_CACHE:-/var/cache/histlint-e2e}
export HISTLINT_E2E_CACHE=$CACHE_ROOT

bin=$(realpath -e "${1:-}" 2>/dev/null || true)
require_inputs "$bin"
started=$SECONDS

code_server_dir=$("$EDITORS_TEST_DIR/install_code_server.sh")
case $? in
  0) ;;
  77) skip "code-server/Chromium cannot be installed on this machine (see the messages above)" ;;
  *) fail "installing code-server (tests/editors/install_code_server.sh)"; finish ;;
esac

playwright_dir=$CACHE_ROOT/playwright-core-$PLAYWRIGHT_CORE_VERSION
if [[ ! -f $playwright_dir/node_modules/playwright-core/package.json ]]; then
  mkdir -p "$playwright_dir"
  if ! (cd "$playwright_dir" && npm install --no-save --no-audit --no-fund \
    "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2); then
    timeout 30 npm ping >/dev/null 2>&1 || skip "npm registry unreachable: cannot install playwright-core"
    fail "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION"
    finish
  fi
fi
echo "tools ready after $((SECONDS - started)) s"

work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The .vsix a user would install: extension plus bundled linux-x64 server.
if OUT="$work/histlint.vsix" "$REPO_DIR/editors/vscode/build.sh" --server "$bin" >"$work/build.log" 2>&1; then
  pass "editors/vscode/build.sh --server builds the .vsix"
else
  fail "editors/vscode/build.sh --server (log below)"
  tail -30 "$work/build.log"
  finish
fi
echo "vsix built after $((SECONDS - started)) s"
if (cd "$REPO_DIR/editors/vscode" && npm test) >"$work/unit.log" 2>&1; then
  pass "extension unit tests (npm test: $(grep -m1 '^# pass' "$work/unit.log"))"
else
  fail "extension unit tests (npm test, log below)"
  tail -30 "$work/unit.log"
fi

code_server=$code_server_dir/node_modules/.bin/code-server
user_data=$work/user-data
extensions=$work/extensions
mkdir -p "$user_data/User" "$extensions" "$work/ws/.histlint" "$work/xdg"
export XDG_CONFIG_HOME=$work/xdg XDG_DATA_HOME=$work/xdg
# No trust prompt, welcome page, tips or network checks: the test sees only the workbench.
cat >"$user_data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "window.commandCenter": false,
  "editor.minimap.enabled": false,
  "editor.hover.delay": 300,
  "chat.disableAIFeatures": true
}
JSON
cp "$DATES_SEED" "$work/ws/dates.txt"
cp "$GARBLED_SEED" "$work/ws/garbled.txt"
chmod u+w "$work/ws/"*.txt # the shared seeds are read-only

if "$code_server" --install-extension "$work/histlint.vsix" --extensions-dir "$extensions" \
  --user-data-dir "$user_data" >"$work/install-ext.log" 2>&1; then
  pass "code-server --install-extension histlint.vsix"
else
  fail "code-server --install-extension (log below)"
  cat "$work/install-ext.log"
  finish
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$code_server" --auth none --bind-addr "127.0.0.1:$port" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$user_data" --extensions-dir "$extensions" "$work/ws" \
  >"$work/code-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
if ! curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then
  fail "code-server did not start (log below)"
  cat "$work/code-server.log"
  finish
fi
echo "code-server up after $((SECONDS - started)) s"

mkdir -p "$ARTIFACTS_DIR"
NODE_PATH=$playwright_dir/node_modules \
  HISTLINT_URL="http://127.0.0.1:$port/?folder=$work/ws" \
  HISTLINT_WORKSPACE="$work/ws" HISTLINT_SETTINGS="$user_data/User/settings.json" \
  HISTLINT_USER_DATA="$user_data" \
  HISTLINT_RESULTS="$work/results.txt" HISTLINT_ARTIFACTS="$ARTIFACTS_DIR" \
  timeout 300 node "$EDITORS_TEST_DIR/vscode_e2e.cjs" 2>&1 | tee "$work/driver.log" | grep -v '^\(PASS\|FAIL\) '
status=${PIPESTATUS[0]}

[[ -f $work/results.txt ]] && count_results "$work/results.txt"
if [[ $status -ne 0 ]]; then
  fail "the browser driver exited with status $status$([[ $status -eq 124 ]] && echo ' (timed out)')"
fi
[[ $((passed + failed)) -le 2 ]] && fail "the browser driver wrote no results"
if [[ $failed -gt 0 ]]; then
  echo "--- end of code-server's log"
  tail -20 "$work/code-server.log"
  # The extension host log holds the extension's output channel and any activation error.
  find "$user_data/logs" -name '*histlint*' -o -name 'exthost.log' 2>/dev/null | while read -r log; do
    echo "--- $log"
    tail -20 "$log"
  done
fi
echo "VS Code e2e took $((SECONDS - started)) s; screenshots in $ARTIFACTS_DIR"
finish
