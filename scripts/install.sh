#!/usr/bin/env bash
# `npm ci` when node_modules is missing or older than package-lock.json; otherwise nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.accord-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-fund --no-audit
  touch "$stamp"
fi
