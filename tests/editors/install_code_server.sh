#!/usr/bin/env bash
# Installs code-server (from npm, no GitHub downloads) and Debian's Chromium for the VS Code
# end-to-end test, into a per-version cache directory that later runs reuse.
#
#   tests/editors/install_code_server.sh            # prints the code-server install dir
#
# Exit status: 0 installed (or already cached), 77 install impossible here (not root / registry
# unreachable: callers may SKIP), 1 anything else (callers must FAIL).
set -uo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${HISTLINT_E2E_CACHE:-/var/cache/histlint-e2e}"
DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
STAMP="$DIR/.install-complete"

log() { echo "[install-code-server] $*" >&2; }

# Distinguishes "this machine cannot install" (SKIP) from a broken recipe (FAIL).
environment_cannot_install() {
  if [[ $(id -u) -ne 0 ]]; then
    log "not root: cannot apt-get install"
    return 0
  fi
  if ! timeout 30 npm ping >/dev/null 2>&1; then
    log "npm registry unreachable"
    return 0
  fi
  return 1
}

fail_install() {
  log "FAILED: $*"
  if environment_cannot_install; then exit 77; fi
  exit 1
}

APT_PACKAGES=(build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
  ripgrep chromium)

install_apt_packages() {
  local missing=()
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "apt-get install ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    log "not root and missing packages: ${missing[*]}"
    exit 77
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q "${missing[@]}" >&2; then
    # Package lists may be stale or absent on a fresh machine.
    if ! apt-get update -q >&2; then
      log "apt-get update failed: Debian mirror unreachable"
      exit 77
    fi
    apt-get install -y -q "${missing[@]}" >&2 || fail_install "apt-get install ${missing[*]}"
  fi
}

# @vscode/ripgrep downloads its binary from GitHub unless the archive is already in its cache
# folder; seed that cache with Debian's rg so the postinstall succeeds offline.
seed_ripgrep_cache() {
  local vscode_dir=$1
  local rg_version cache pack
  rg_version=$(cd "$vscode_dir" && node -p "require('./node_modules/@vscode/ripgrep/package.json').version") ||
    fail_install "cannot read @vscode/ripgrep version"
  cache=$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-$rg_version
  pack=$(mktemp -d)
  mkdir -p "$cache"
  cp /usr/bin/rg "$pack/rg"
  # The archive name is the one @vscode/ripgrep asks for on linux-x64.
  tar -C "$pack" -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  rm -rf "$pack"
}

install_code_server() {
  log "installing code-server $CODE_SERVER_VERSION into $DIR (takes several minutes)"
  rm -rf "$DIR"
  mkdir -p "$DIR" || fail_install "cannot create $DIR"
  cd "$DIR" || exit 1
  export npm_config_yes=true npm_config_fund=false npm_config_audit=false \
    npm_config_update_notifier=false
  # node-gyp would download Node's headers from the web; Debian's nodejs ships them in /usr.
  [[ -f /usr/include/node/node.h ]] && export npm_config_nodedir=/usr
  npm install --ignore-scripts --no-save "code-server@$CODE_SERVER_VERSION" >&2 ||
    fail_install "npm install code-server@$CODE_SERVER_VERSION"
  local vscode_dir="$DIR/node_modules/code-server/lib/vscode"
  (cd "$vscode_dir" && npm install --ignore-scripts >&2) || fail_install "npm install (vscode)"
  seed_ripgrep_cache "$vscode_dir"
  (cd "$vscode_dir" && npm rebuild >&2) || fail_install "npm rebuild (vscode native modules)"
  (
    cd "$vscode_dir" &&
      ln -sfn node_modules node_modules.asar &&
      (cd bin/remote-cli && ln -sfn code-linux.sh code-server) &&
      (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  ) || fail_install "code-server symlinks"
  (cd "$vscode_dir/extensions" && npm install >&2) || fail_install "npm install (built-in extensions)"
  npm rebuild argon2 >&2 || fail_install "npm rebuild argon2"
  local version
  # A first run writes a default config file; keep it inside the cache folder.
  version=$(XDG_CONFIG_HOME="$DIR/.config" "$DIR/node_modules/.bin/code-server" --version 2>/dev/null |
    grep -m1 "^$CODE_SERVER_VERSION ")
  [[ -n $version ]] ||
    fail_install "code-server --version printed '$version'"
  touch "$STAMP"
  log "installed: $version"
}

main() {
  install_apt_packages
  mkdir -p "$CACHE_ROOT" || fail_install "cannot create $CACHE_ROOT"
  # Two runs at once (a developer and CI) must not build into the same folder.
  exec 9>"$CACHE_ROOT/.lock"
  flock 9
  if [[ -f $STAMP ]]; then
    log "cached: $DIR"
  else
    install_code_server
  fi
  echo "$DIR"
}

main "$@"
