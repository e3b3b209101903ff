#!/usr/bin/env bash
# PostgreSQL for development and tests, without needing psql or an installed server.
#
#   scripts/pg.sh embedded-start NAME PORT   start (or reuse) an embedded PostgreSQL 15 on
#                                            127.0.0.1:PORT, data in .local/pg/NAME, then bootstrap
#   scripts/pg.sh embedded-stop NAME         stop it (no-op when not running)
#   scripts/pg.sh ensure-test                pick a server for the tests; prints export lines
#   scripts/pg.sh ensure-run                 start the `run` server (port 55433); prints export lines
#
# ensure-test / ensure-run print only `export ...` lines on stdout, everything else goes to
# stderr, so a Makefile can do: eval "$(scripts/pg.sh ensure-test)"
#
# Environment: MVN (default mvn), JAVA_HOME, QF_TEST_PG_URL (jdbc URL of an existing server's
# postgres database), QF_TEST_PG_ADMIN_USER (default postgres), QF_TEST_PG_ADMIN_PASSWORD,
# QF_TEST_PG_PROBE_PORT (default 5432: the local server ensure-test tries before the embedded one).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/scripts/pg.sh"
cd "$ROOT"

PGCTL_DIR=tools/pgctl
JAR="$PGCTL_DIR/target/pgctl.jar"
STATE=.local/pg
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# pgctl only connects, or waits for signals. Without these options the embedded server's JVM
# idles at ~180 MB RSS; with them ~70 MB: SerialGC gives the heap back after the first run's
# in-memory unpacking of the server binaries (xz, needs the 256 MB ceiling), C1 starts quicker.
JVM_OPTS=(-Xms16m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20
  -XX:-ShrinkHeapInSteps -Djdk.nio.maxCachedBufferSize=262144 -XX:TieredStopAtLevel=1)
STARTED_NOW=""   # set by embedded_start when it launched a server

log() { echo "pg.sh: $*" >&2; }
die() { log "$*"; exit 1; }

build_pgctl() {
  mkdir -p "$STATE"
  (
    flock 8 # parallel callers must not build into the same target/ at once
    if [[ -f "$JAR" ]] && [[ -z "$(find "$PGCTL_DIR/pom.xml" "$PGCTL_DIR/src" -newer "$JAR" -print -quit)" ]]; then
      exit 0
    fi
    log "building $JAR"
    "${MVN:-mvn}" -B -q -f "$PGCTL_DIR/pom.xml" package -DskipTests >&2
  ) 8>"$STATE/build.lock"
}

pgctl() { "$JAVA" "${JVM_OPTS[@]}" -jar "$JAR" "$@"; }

# True if PID runs and is not a zombie (an exited process whose parent died stays one
# until init reaps it, which can take seconds in containers).
running() {
  kill -0 "$1" 2>/dev/null && [[ "$(cut -d ')' -f 2 "/proc/$1/stat" 2>/dev/null)" != " Z"* ]]
}

# True if PID is a live pgctl serving data directory $2.
is_our_pgctl() {
  local pid=$1 data=$2 cmd
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || ps -o args= -p "$pid" 2>/dev/null || true)"
  [[ "$cmd" == *pgctl.jar\ embedded\ --data\ "$data"\ * ]]
}

# Stops a postgres still serving data directory $1 without its pgctl (left by a kill -9).
stop_orphan_postgres() {
  local data=$1 pid
  [[ -f "$data/postmaster.pid" ]] || return 0
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && running "$pid" || return 0
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null || ps -o comm= -p "$pid")" == postgres* ]] || return 0
  log "stopping orphaned postgres (pid $pid)"
  kill -INT "$pid" 2>/dev/null || true   # fast shutdown
  for _ in $(seq 1 100); do running "$pid" || return 0; sleep 0.1; done
  kill -QUIT "$pid" 2>/dev/null || true  # immediate shutdown
  for _ in $(seq 1 100); do running "$pid" || return 0; sleep 0.1; done
  die "postgres pid $pid does not stop"
}

embedded_start() {
  local name=$1 port=$2
  local data="$STATE/$name" pidfile="$STATE/$name.pid" logfile="$STATE/$name.log"
  local url="jdbc:postgresql://127.0.0.1:$port/postgres"
  [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || die "bad server name: $name"
  [[ "$port" =~ ^[0-9]+$ ]] || die "bad port: $port"
  build_pgctl
  # One start at a time per server (e.g. make -j); the server itself must not inherit fd 9.
  exec 9>"$STATE/$name.lock"
  flock 9

  local pid=""
  [[ -f "$pidfile" ]] && pid="$(cat "$pidfile")"
  if is_our_pgctl "$pid" "$data"; then
    log "embedded PostgreSQL '$name' already running (pid $pid), reusing it"
    local since=$SECONDS
    until pgctl wait --url "$url" --timeout 2 >/dev/null 2>&1; do
      is_our_pgctl "$pid" "$data" || { log "it stopped meanwhile, starting it again"; break; }
      (( SECONDS - since < 120 )) || die "it does not answer on port $port, see $logfile"
    done
  fi
  if ! is_our_pgctl "$pid" "$data"; then
    rm -f "$pidfile"
    # Keep the previous log: an orphaned postgres may still be writing to it.
    [[ -f "$logfile" ]] && mv -f "$logfile" "$logfile.1"
    log "starting embedded PostgreSQL '$name' on 127.0.0.1:$port (data in $data, log in $logfile)"
    local started=$SECONDS
    : >"$logfile" # exists before the wait loop below reads it
    # Run a private copy: rebuilding pgctl rewrites target/pgctl.jar in place, which would
    # break a JVM still loading classes from it (its shutdown code, for instance).
    cp "$JAR" "$STATE/$name.pgctl.jar.tmp" && mv -f "$STATE/$name.pgctl.jar.tmp" "$STATE/$name.pgctl.jar"
    nohup "$JAVA" "${JVM_OPTS[@]}" -jar "$STATE/$name.pgctl.jar" embedded --data "$data" --port "$port" \
      >>"$logfile" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$pidfile"
    until grep -qx "pgctl: ready on 127.0.0.1:$port" "$logfile"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        rm -f "$pidfile"
        tail -n 20 "$logfile" >&2
        die "embedded PostgreSQL '$name' failed to start, see $logfile"
      fi
      if (( SECONDS - started > 120 )); then
        tail -n 20 "$logfile" >&2
        embedded_stop "$name"
        die "embedded PostgreSQL '$name' not ready after 120 s, see $logfile"
      fi
      sleep 0.2
    done
    log "ready in $(( SECONDS - started )) s (pid $pid)"
    STARTED_NOW=1
  fi
  exec 9>&-
  if ! pgctl bootstrap --url "$url" >&2; then
    # A server this call started must not outlive a failed bootstrap.
    [[ -z "$STARTED_NOW" ]] || embedded_stop "$name"
    die "bootstrap of embedded PostgreSQL '$name' failed"
  fi
}

embedded_stop() {
  local name=$1
  local data="$STATE/$name" pidfile="$STATE/$name.pid" pid=""
  [[ -f "$pidfile" ]] && pid="$(cat "$pidfile")"
  if is_our_pgctl "$pid" "$data"; then
    log "stopping embedded PostgreSQL '$name' (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 300); do running "$pid" || break; sleep 0.1; done
    if running "$pid"; then
      log "pid $pid still running after 30 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  else
    log "embedded PostgreSQL '$name' is not running"
  fi
  rm -f "$pidfile"
  stop_orphan_postgres "$data"
}

# host:port of a jdbc:postgresql://host:port/db?params URL.
jdbc_hostport() {
  local rest=${1#jdbc:postgresql://}
  rest=${rest%%/*}
  echo "${rest%%\?*}"
}

ensure_test() {
  local admin_url user="${QF_TEST_PG_ADMIN_USER:-postgres}"
  local probe="jdbc:postgresql://127.0.0.1:${QF_TEST_PG_PROBE_PORT:-5432}/postgres"
  local args=()
  build_pgctl
  if [[ -n "${QF_TEST_PG_URL:-}" ]]; then
    admin_url=$QF_TEST_PG_URL
    log "tests use QF_TEST_PG_URL ($admin_url)"
    args=(--user "$user")
    [[ -n "${QF_TEST_PG_ADMIN_PASSWORD:-}" ]] && args+=(--password "$QF_TEST_PG_ADMIN_PASSWORD")
    pgctl bootstrap --url "$admin_url" "${args[@]}" >&2
  elif pgctl wait --url "$probe" --user postgres --timeout 2 >/dev/null 2>&1; then
    admin_url=$probe
    log "tests use the local PostgreSQL at ${probe#jdbc:postgresql://}"
    pgctl bootstrap --url "$admin_url" --user postgres >&2
  else
    admin_url="jdbc:postgresql://127.0.0.1:55432/postgres"
    log "no PostgreSQL at ${probe#jdbc:postgresql://}: tests use an embedded one"
    embedded_start test 55432 # bootstraps too
    # Only a server started by this call is ours to stop after the tests; one that was
    # already running may serve another test run.
    [[ -z "$STARTED_NOW" ]] || echo "export QF_STARTED_EMBEDDED_PG=test"
  fi
  echo "export QF_TEST_DB_URL=jdbc:postgresql://$(jdbc_hostport "$admin_url")/qingfeng_test"
}

ensure_run() {
  embedded_start run 55433
  echo "export QF_DB_URL=jdbc:postgresql://127.0.0.1:55433/qingfeng"
}

usage() {
  sed -n '2,15p' "$SELF" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  embedded-start) [[ $# -eq 3 ]] || usage; embedded_start "$2" "$3" ;;
  embedded-stop)  [[ $# -eq 2 ]] || usage; embedded_stop "$2" ;;
  ensure-test)    ensure_test ;;
  ensure-run)     ensure_run ;;
  *) usage ;;
esac
