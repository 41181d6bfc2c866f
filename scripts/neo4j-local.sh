#!/usr/bin/env bash
# A local Neo4j 5.26 Community server for machines without Docker.
#
#   scripts/neo4j-local.sh start|stop|status|uri
#   scripts/neo4j-local.sh admin ARGS...   (neo4j-admin ARGS with this instance's configuration)
#
# start: fetches Neo4j's jars from Maven Central with mvn (cached in ~/.m2, so later starts
# need no network), lays out home/conf/data/logs under $NEO4J_LOCAL_DIR, sets the initial
# password, starts the server in the background on 127.0.0.1 and waits until Bolt answers.
# It is idempotent: a running server (by pid file) is reused. stop: stops only that process.
# admin: Neo4j's admin tool (what a distribution's bin/neo4j-admin runs) on this instance's
# configuration and store, written first as start writes them; e.g. `admin database import full`
# (src/import/offline/, `accord import --offline`), which needs the server stopped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${NEO4J_VERSION:-5.26.30}"
dir="$(mkdir -p "${NEO4J_LOCAL_DIR:-$root/.neo4j}" && cd "${NEO4J_LOCAL_DIR:-$root/.neo4j}" && pwd)"
port="${NEO4J_BOLT_PORT:-7687}"
user="${NEO4J_USER:-neo4j}"
password="${NEO4J_PASSWORD:-accord-dev-password}"
heap="${NEO4J_HEAP:-1g}"
pagecache="${NEO4J_PAGECACHE:-512m}"
timeout="${NEO4J_START_TIMEOUT:-120}"
home="$dir/home"
# The jars are shared by every instance (the tests run a second one in a folder of its own).
lib="$root/.neo4j/lib-$version"
pidfile="$dir/neo4j.pid"
uri="bolt://127.0.0.1:$port"

log() { echo "neo4j-local: $*" >&2; }

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && grep -q CommunityEntryPoint "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
  else
    return 1
  fi
}

fetch() {
  [ -f "$lib/.complete" ] && return 0
  command -v mvn >/dev/null || { log "mvn not found: install Maven (and Java 17 or 21), or use Docker"; exit 1; }
  log "fetching Neo4j $version from Maven Central into $lib"
  rm -rf "$lib"
  mvn -B -q -f "$root/scripts/neo4j/pom.xml" -Dneo4j.version="$version" \
    dependency:copy-dependencies -DoutputDirectory="$lib" -DincludeScope=runtime >&2
  touch "$lib/.complete"
}

# The JVM flags the neo4j launcher would pass; without the --add-opens it dies on java.nio.
java_cmd=(java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  -Dfile.encoding=UTF-8 -cp "$lib/*")

configure() {
  mkdir -p "$home"/{conf,data,logs,run,plugins,import}
  cat >"$home/conf/neo4j.conf" <<CONF
# Written by scripts/neo4j-local.sh; edits are overwritten at the next start.
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$port
server.bolt.advertised_address=127.0.0.1:$port
server.http.enabled=false
server.https.enabled=false
server.directories.data=$home/data
server.directories.logs=$home/logs
server.directories.run=$home/run
server.directories.plugins=$home/plugins
server.directories.import=$home/import
server.memory.pagecache.size=$pagecache
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
db.transaction.timeout=${NEO4J_TX_TIMEOUT:-0}
# Bulk imports change the statistics fast; plans cached while the graph was small (a scan of
# all relationships looks free when there are none) must be replaced quickly.
dbms.cypher.min_replan_interval=1s
CONF
  if [ ! -f "$home/data/dbms/auth.ini" ] && [ ! -d "$home/data/databases/system" ]; then
    log "setting the initial password for user '$user'"
    NEO4J_HOME="$home" NEO4J_CONF="$home/conf" "${java_cmd[@]}" org.neo4j.cli.AdminTool \
      dbms set-initial-password "$password" >"$dir/set-password.log" 2>&1 \
      || { cat "$dir/set-password.log" >&2; exit 1; }
  fi
}

wait_ready() {
  local pid="$1" start=$SECONDS
  while ((SECONDS - start < timeout)); do
    kill -0 "$pid" 2>/dev/null || { log "server exited; see $home/logs/neo4j.log and $dir/console.log"; tail -20 "$dir/console.log" >&2 || true; exit 1; }
    if grep -q "Started\." "$home/logs/neo4j.log" 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  log "Neo4j did not answer on $uri within ${timeout}s; see $home/logs/neo4j.log"
  exit 1
}

start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid)"
    echo "$uri"
    return 0
  fi
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    log "port $port is taken by another process; set NEO4J_BOLT_PORT"
    exit 1
  fi
  command -v java >/dev/null || { log "java not found: install Java 17 or 21"; exit 1; }
  fetch
  configure
  : >"$home/logs/neo4j.log"
  log "starting Neo4j $version on $uri"
  nohup "${java_cmd[@]}" org.neo4j.server.CommunityEntryPoint \
    --home-dir="$home" --config-dir="$home/conf" >"$dir/console.log" 2>&1 &
  echo $! >"$pidfile"
  wait_ready "$!"
  log "ready (pid $(cat "$pidfile")); user '$user'"
  echo "$uri"
}

stop() {
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$pidfile"
    return 0
  fi
  log "stopping pid $pid"
  kill "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "stopped"; return 0; }
    sleep 0.5
  done
  log "pid $pid did not stop in 60s; killing it"
  kill -9 "$pid" || true
  rm -f "$pidfile"
}

status() {
  if pid="$(running_pid)"; then
    echo "running (pid $pid) at $uri"
  else
    echo "stopped"
    return 3
  fi
}

admin() {
  command -v java >/dev/null || { log "java not found: install Java 17 or 21"; exit 1; }
  fetch
  configure
  NEO4J_HOME="$home" NEO4J_CONF="$home/conf" exec "${java_cmd[@]}" org.neo4j.cli.AdminTool "$@"
}

case "${1:-}" in
  start) start ;;
  admin) shift; admin "$@" ;;
  stop) stop ;;
  status) status ;;
  uri) echo "$uri" ;;
  *) echo "usage: $0 start|stop|status|uri|admin ARGS..." >&2; exit 2 ;;
esac
