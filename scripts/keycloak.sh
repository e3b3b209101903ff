#!/usr/bin/env bash
# Local/CI Keycloak for Qingfeng (DEV/TEST ONLY).
#
#   scripts/keycloak.sh start            download (once) and start Keycloak on 127.0.0.1:8180 with realm qingfeng
#   scripts/keycloak.sh stop             stop the Keycloak this script started
#   scripts/keycloak.sh status           exit 0 if the realm answers, 3 if not
#   scripts/keycloak.sh token USER [PW]  print an access token (password grant, client qingfeng-dev; PW defaults to "qingfeng")
#
# Files: .local/keycloak/ (git-ignored) holds the unpacked distribution, keycloak.pid and keycloak.log.
# The realm (keycloak/realm-qingfeng.json) is imported once into the dist's data/h2; when the JSON
# changes (sha256), data/h2 is deleted before the next start so the new realm is imported.
#
# Environment (all optional):
#   KC_JAVA_HOME        JDK to run Keycloak with (default: JAVA_HOME if >= 21, else newest /usr/lib/jvm/* >= 21,
#                       else the default java >= 17 with a warning)
#   MVN                 Maven command used for the download (default: mvn)
#   KC_VERSION          Keycloak version (default 26.7.3; 26.5.6 is tried once if the download is refused)
#   KC_START_TIMEOUT    seconds to wait for the realm to answer (default 180)
#   JAVA_OPTS_KC_HEAP   heap options (default "-Xms64m -Xmx512m")
#   KC_CLIENT_ID        client used by `token` (default qingfeng-dev)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
REALM_JSON="$ROOT/keycloak/realm-qingfeng.json"
KC_BASE="$ROOT/.local/keycloak"
PID_FILE="$KC_BASE/keycloak.pid"
LOG_FILE="$KC_BASE/keycloak.log"

KC_HOST=127.0.0.1
KC_PORT=8180
KC_URL="http://$KC_HOST:$KC_PORT"
REALM=qingfeng
READY_URL="$KC_URL/realms/$REALM/.well-known/openid-configuration"
TOKEN_URL="$KC_URL/realms/$REALM/protocol/openid-connect/token"

KC_VERSION="${KC_VERSION:-26.7.3}"
KC_FALLBACK_VERSION="26.5.6"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
JDK_HINT="install a JDK 21+, e.g. apt-get install openjdk-21-jdk or Temurin 21+ (then set KC_JAVA_HOME)"

log()  { echo "keycloak: $*"; }
warn() { echo "keycloak: WARNING: $*" >&2; }
die()  { echo "keycloak: ERROR: $*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed"; }

http_code() { # URL -> HTTP status ("000" if nothing answers)
  curl -s -o /dev/null -w '%{http_code}' --connect-timeout 2 --max-time 5 "$1" 2>/dev/null || true
}
is_up() { [ "$(http_code "$READY_URL")" = "200" ]; }

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# ---------------------------------------------------------------- distribution

dist_dir_for() { echo "$KC_BASE/keycloak-$1"; }

find_dist() { # prints the unpacked dist dir, if any
  local v
  for v in "$KC_VERSION" "$KC_FALLBACK_VERSION"; do
    if [ -x "$(dist_dir_for "$v")/bin/kc.sh" ]; then dist_dir_for "$v"; return 0; fi
  done
  return 1
}

download_dist() { # VERSION -> unpacks into $KC_BASE/keycloak-VERSION; returns 1 if Maven refuses
  local v="$1" tmp zip mvn_cmd
  mvn_cmd="${MVN:-mvn}"
  command -v "${mvn_cmd%% *}" >/dev/null 2>&1 || die "Maven ('$mvn_cmd') is needed to download Keycloak"
  tmp="$KC_BASE/.download-$v.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log "downloading org.keycloak:keycloak-quarkus-dist:$v:zip with Maven (~177 MB, first time only)"
  local t0=$SECONDS
  # shellcheck disable=SC2086
  if ! $mvn_cmd -B -q dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$v:zip" \
        "-DoutputDirectory=$tmp" </dev/null; then
    rm -rf "$tmp"
    return 1
  fi
  zip="$tmp/keycloak-quarkus-dist-$v.zip"
  [ -f "$zip" ] || { rm -rf "$tmp"; return 1; }
  log "downloaded in $((SECONDS - t0)) s; unpacking"
  mkdir -p "$tmp/unpacked"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$tmp/unpacked"
  else
    need python3
    python3 -m zipfile -e "$zip" "$tmp/unpacked"
    chmod +x "$tmp/unpacked/keycloak-$v"/bin/*.sh
  fi
  [ -x "$tmp/unpacked/keycloak-$v/bin/kc.sh" ] || die "unexpected archive layout in $zip"
  rm -rf "$(dist_dir_for "$v")"
  mv "$tmp/unpacked/keycloak-$v" "$(dist_dir_for "$v")"   # atomic: a half-unpacked dist is never reused
  rm -rf "$tmp"
  log "unpacked into $(dist_dir_for "$v") ($((SECONDS - t0)) s)"
}

ensure_dist() { # sets DIST
  if DIST="$(find_dist)"; then return 0; fi
  mkdir -p "$KC_BASE"
  if download_dist "$KC_VERSION"; then
    DIST="$(dist_dir_for "$KC_VERSION")"
  elif [ "$KC_VERSION" != "$KC_FALLBACK_VERSION" ]; then
    warn "download of Keycloak $KC_VERSION was refused; trying $KC_FALLBACK_VERSION once"
    download_dist "$KC_FALLBACK_VERSION" || die "could not download Keycloak $KC_VERSION nor $KC_FALLBACK_VERSION"
    DIST="$(dist_dir_for "$KC_FALLBACK_VERSION")"
  else
    die "could not download Keycloak $KC_VERSION"
  fi
}

# ---------------------------------------------------------------- java

java_major() { # path-to-java -> major version number (0 if unusable)
  local out v
  out="$("$1" -version 2>&1 | head -n 1)" || { echo 0; return; }
  v="$(printf '%s\n' "$out" | sed -n 's/.*version "\([^"]*\)".*/\1/p')"
  case "$v" in
    1.*) v="${v#1.}" ;;
  esac
  v="${v%%[.+-]*}"
  case "$v" in ''|*[!0-9]*) echo 0 ;; *) echo "$v" ;; esac
}

pick_java() { # sets KC_JAVA (java binary) and KC_JAVA_HOME_SELECTED
  local cand best="" best_major=0 m j
  if [ -n "${KC_JAVA_HOME:-}" ]; then
    [ -x "$KC_JAVA_HOME/bin/java" ] || die "KC_JAVA_HOME=$KC_JAVA_HOME has no bin/java"
    m="$(java_major "$KC_JAVA_HOME/bin/java")"
    [ "$m" -ge 21 ] || warn "KC_JAVA_HOME has Java $m; Keycloak 26 wants Java 21+ ($JDK_HINT)"
    KC_JAVA_HOME_SELECTED="$KC_JAVA_HOME"; KC_JAVA_MAJOR="$m"; return 0
  fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    m="$(java_major "$JAVA_HOME/bin/java")"
    if [ "$m" -ge 21 ]; then KC_JAVA_HOME_SELECTED="$JAVA_HOME"; KC_JAVA_MAJOR="$m"; return 0; fi
  fi
  for cand in "${KC_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$cand/bin/java" ] || continue
    m="$(java_major "$cand/bin/java")"
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$cand"; best_major="$m"; fi
  done
  if [ -n "$best" ]; then KC_JAVA_HOME_SELECTED="$best"; KC_JAVA_MAJOR="$best_major"; return 0; fi
  # fallback: whatever java is on PATH (or JAVA_HOME), if >= 17
  j=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then j="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then j="$(command -v java)"; fi
  [ -n "$j" ] || die "no Java found; $JDK_HINT"
  m="$(java_major "$j")"
  [ "$m" -ge 17 ] || die "Java $m found ($j) is too old for Keycloak 26; $JDK_HINT"
  warn "no JDK 21+ found; falling back to Java $m ($j). Keycloak 26 wants Java 21+: $JDK_HINT"
  j="$(readlink -f "$j")"
  KC_JAVA_HOME_SELECTED="$(dirname "$(dirname "$j")")"; KC_JAVA_MAJOR="$m"
}

# ---------------------------------------------------------------- process

read_pid() { # prints the pid from the pid file if it is a live process of our dist
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against pid reuse: the process must belong to our Keycloak dist
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$KC_BASE/keycloak-" || return 1
  echo "$pid"
}

group_alive() { kill -0 -- "-$1" 2>/dev/null; }

stop_pid() { # PID: TERM its process group (kc.sh + java), wait, KILL after 60 s
  local pid="$1" i
  log "stopping Keycloak (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do
    if ! group_alive "$pid" && ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"; log "stopped"; return 0
    fi
    sleep 0.1
  done
  warn "Keycloak did not stop within 60 s; killing it"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    group_alive "$pid" || kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$PID_FILE"
}

# ---------------------------------------------------------------- commands

lock() { # serialise concurrent start/stop calls (e.g. make and a test suite at once)
  mkdir -p "$KC_BASE"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$KC_BASE/.lock"
  flock -w 600 9 || die "could not lock $KC_BASE/.lock"
}

cmd_start() {
  need curl
  [ -f "$REALM_JSON" ] || die "realm file not found: $REALM_JSON"
  lock
  if is_up; then
    log "already running at $KC_URL (realm $REALM answers); not starting another one"
    if DIST="$(find_dist)" && [ -f "$DIST/data/realm-qingfeng.sha256" ] \
       && [ "$(cat "$DIST/data/realm-qingfeng.sha256")" != "$(sha256_of "$REALM_JSON")" ]; then
      warn "keycloak/realm-qingfeng.json changed since this Keycloak imported it; run '$0 stop' and '$0 start' to re-import"
    fi
    return 0
  fi
  local pid code
  if pid="$(read_pid)"; then
    warn "Keycloak (pid $pid) is running but the realm does not answer; restarting it"
    stop_pid "$pid"
  fi
  rm -f "$PID_FILE"
  code="$(http_code "$KC_URL/")"
  if [ "$code" != "000" ]; then
    die "something else answers on $KC_URL (HTTP $code) but not realm $REALM; free port $KC_PORT first"
  fi

  ensure_dist
  pick_java
  log "using Java $KC_JAVA_MAJOR from $KC_JAVA_HOME_SELECTED; dist $DIST"

  # realm import (only once per data/h2; re-import when the JSON changed)
  local hash_file="$DIST/data/realm-qingfeng.sha256" want have=""
  want="$(sha256_of "$REALM_JSON")"
  [ -f "$hash_file" ] && have="$(cat "$hash_file")"
  if [ "$want" != "$have" ]; then
    if [ -d "$DIST/data/h2" ]; then log "realm JSON changed: deleting $DIST/data/h2 to re-import"; fi
    rm -rf "$DIST/data/h2" "$hash_file"
  fi
  mkdir -p "$DIST/data/import"
  rm -f "$DIST/data/import/"*.json
  cp "$REALM_JSON" "$DIST/data/import/realm-qingfeng.json"

  mkdir -p "$KC_BASE"
  : >"$LOG_FILE"
  local t0=$SECONDS
  log "starting Keycloak on $KC_URL (log: $LOG_FILE)"
  # setsid: own session/process group (no TTY needed; stop signals the whole group).
  # Without job control the background child is not a group leader, so setsid does not fork
  # and $! is the kc.sh process (which becomes the java process on re-augmentation).
  (
    exec 9>&-   # do not let Keycloak inherit the lock
    cd "$DIST"
    unset JAVA_OPTS
    export JAVA_HOME="$KC_JAVA_HOME_SELECTED"
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin   # dev only
    exec setsid nohup "$DIST/bin/kc.sh" start-dev \
      --http-host="$KC_HOST" --http-port="$KC_PORT" --hostname="$KC_URL" \
      --import-realm </dev/null >>"$LOG_FILE" 2>&1
  ) &
  pid=$!
  echo "$pid" >"$PID_FILE"

  while :; do
    if is_up; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      echo "---- last lines of $LOG_FILE ----" >&2; tail -n 40 "$LOG_FILE" >&2 || true
      die "Keycloak exited during startup"
    fi
    if [ $((SECONDS - t0)) -ge "$KC_START_TIMEOUT" ]; then
      echo "---- last lines of $LOG_FILE ----" >&2; tail -n 40 "$LOG_FILE" >&2 || true
      stop_pid "$pid"
      die "Keycloak did not answer $READY_URL within $KC_START_TIMEOUT s"
    fi
    sleep 1
  done
  echo "$want" >"$hash_file"
  log "ready in $((SECONDS - t0)) s: $KC_URL/realms/$REALM (pid $pid; admin console $KC_URL/admin admin/admin, dev only)"
}

cmd_stop() {
  local pid
  lock
  if pid="$(read_pid)"; then
    stop_pid "$pid"
  else
    rm -f "$PID_FILE"
    if is_up; then
      warn "a Keycloak answers at $KC_URL but was not started by this script (no live pid file); leaving it alone"
    else
      log "not running"
    fi
  fi
}

cmd_status() {
  local pid=""
  pid="$(read_pid)" || pid=""
  if is_up; then
    log "running at $KC_URL, realm $REALM answers${pid:+ (pid $pid)}"
    return 0
  fi
  if [ -n "$pid" ]; then log "process $pid is running but realm $REALM does not answer (yet)"
  else log "not running"; fi
  return 3
}

cmd_token() {
  need curl
  [ $# -ge 1 ] || die "usage: $0 token USER [PASSWORD]"
  local user="$1" pass="${2:-qingfeng}" client="${KC_CLIENT_ID:-qingfeng-dev}" resp token
  resp="$(curl -sS --max-time 20 -X POST "$TOKEN_URL" \
    --data-urlencode grant_type=password \
    --data-urlencode "client_id=$client" \
    --data-urlencode "username=$user" \
    --data-urlencode "password=$pass")" || die "cannot reach $TOKEN_URL (is Keycloak started? $0 start)"
  token="$(printf '%s' "$resp" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || die "no token for '$user' via client $client: $resp"
  printf '%s\n' "$token"
}

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  start)  shift; cmd_start "$@" ;;
  stop)   shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  token)  shift; cmd_token "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
