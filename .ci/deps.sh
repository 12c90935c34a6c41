# Sourced by run.sh and test.sh: installs the Debian packages histlint builds with, when missing.
BUILD_PACKAGES=(g++ cmake ninja-build pkg-config python3 nlohmann-json3-dev libboost-dev libre2-dev
  doctest-dev libhunspell-dev hunspell-en-us hunspell-en-gb zlib1g-dev libbz2-dev)
# The fuzz step of test.sh: clang with libFuzzer (tests/fuzz).
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

# The HTML5 validator of the timeline test (tests/e2e/timeline_e2e.py): 20 MB from npm, when
# npm is there; the test skips that check without it.
NPM_TEST_TOOLS=(html-validate)

# ccache, when present, shares objects between build folders and clones of the tree.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true

# install_packages PKG...: apt-get installs those not yet installed (needs root for that).
install_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "histlint: missing packages: ${missing[*]} (run as root, or apt-get install them)" >&2
    return 1
  fi
  echo "histlint: installing ${missing[*]}" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# install_npm_tools TOOL...: npm installs (globally) the tools not yet on the PATH.
install_npm_tools() {
  command -v npm >/dev/null || return 0
  for tool in "$@"; do
    command -v "$tool" >/dev/null || npm install -g --silent --no-fund --no-audit "$tool" >&2 || return 1
  done
}

# configure_build DIR [CMAKE ARGS...]: configures once; later calls reuse the folder.
configure_build() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja "$@" >"$dir.configure.log" 2>&1 || {
      cat "$dir.configure.log" >&2
      return 1
    }
  fi
}
