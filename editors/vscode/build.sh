#!/usr/bin/env bash
# Builds the VS Code extension into editors/vscode/histlint.vsix.
#
#   editors/vscode/build.sh                      # extension only: uses `histlint` on PATH
#   editors/vscode/build.sh --server BUILD/histlint
#                                                # also bundles that linux-x64 binary and the
#                                                # knowledge base (a linux-x64 .vsix)
#   OUT=path.vsix editors/vscode/build.sh ...    # another output path
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${OUT:-$here/histlint.vsix}
server_binary=

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --server) server_binary=${2:?--server needs a path}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "build.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$here"
# server/ only exists while packaging a bundled binary.
trap 'rm -rf "$here/server"' EXIT
# Reinstall only when the lock file changed since the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

rm -rf dist server
npm run --silent typecheck
npm run --silent bundle
# VS Code validates and completes .histlint.json with the schema the server implements.
cp "$repo/data/histlint.schema.json" dist/

# The README's images and links stay relative: they resolve inside the .vsix and the repository.
package_args=(--no-dependencies --skip-license --allow-missing-repository --no-rewrite-relative-links
  --out "$out")
if [[ -n $server_binary ]]; then
  [[ -x $server_binary ]] || { echo "build.sh: '$server_binary' is not an executable" >&2; exit 2; }
  # Same layout as `cmake --install`: bin/histlint finds its data in ../share/histlint.
  mkdir -p server/bin server/share/histlint
  cp "$server_binary" server/bin/histlint
  strip server/bin/histlint 2>/dev/null || true
  # The runtime data, as `cmake --install` lays it out (data/tools only builds it).
  find "$repo/data" -mindepth 1 -maxdepth 1 ! -name tools -exec cp -r {} server/share/histlint/ \;
  package_args+=(--target linux-x64)
fi
npx --no-install vsce package "${package_args[@]}"
echo "built $out"
