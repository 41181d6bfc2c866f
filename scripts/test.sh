#!/usr/bin/env bash
# Quick start, step 2: runs the tests against a real Neo4j (NEO4J_URI when set, else
# testcontainers when Docker answers, else the local launcher on port 7688), after installing
# what some tests need (scripts/test-deps.sh: a Python venv, a chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap-node.sh
bash scripts/install.sh
bash scripts/test-deps.sh
exec npx vitest run "$@"
