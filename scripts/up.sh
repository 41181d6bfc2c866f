#!/usr/bin/env bash
# Quick start, step 1: installs what is missing and runs Accord with the seed data loaded.
# Node 24 comes from the npm registry when the machine's node is older than 22; Neo4j is
# started by scripts/neo4j-local.sh unless NEO4J_URI points at one already.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap-node.sh
bash scripts/install.sh
if [ -z "${NEO4J_URI:-}" ]; then
  NEO4J_URI="$(bash scripts/neo4j-local.sh start)"
  export NEO4J_URI
fi
exec node src/main.ts
