# Shared helpers of the scripts (sourced): run.sh, test.sh, cluster.sh, bench.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MVN="${MVN:-$ROOT/backend/mvnw}"
log() { echo "==> $*" >&2; }

# Builds the backend jar unless it is newer than every source file.
build_backend() {
  local jar="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
  if [[ -f "$jar" ]] && [[ -z "$(find "$ROOT/backend/src/main" "$ROOT/backend/pom.xml" -newer "$jar" -print -quit)" ]]; then
    return 0
  fi
  log "building the backend"
  (cd "$ROOT/backend" && "$MVN" -B -q package -DskipTests -Dquarkus.smallrye-openapi.store-schema-directory=target/openapi)
}

# Waits until URL answers (any HTTP status), up to $2 seconds.
wait_http() {
  local url=$1 timeout=${2:-120} i
  for ((i = 0; i < timeout; i++)); do
    curl -s -o /dev/null "$url" && return 0
    sleep 1
  done
  return 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops a process started by these scripts and waits for it.
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# Makes sure COMMAND exists, installing the Debian PACKAGE with apt-get when it does not (as root;
# otherwise says what to run).
ensure_command() {
  local cmd=$1 package=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [[ $EUID -ne 0 ]]; then
    log "$cmd is missing: install it with 'sudo apt-get install -y $package'"
    return 1
  fi
  log "installing $package (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >&2 \
    || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >&2; }
}

# Starts the packaged API in the background: HTTP on $2, management on $3, output to the log $1,
# java options after those; every QF_* setting comes from the caller's environment. Sets API_STARTED_PID.
start_api_instance() {
  local log=$1 http=$2 management=$3
  shift 3
  QF_HTTP_PORT="$http" QF_MANAGEMENT_PORT="$management" \
    java "$@" -jar "$ROOT/backend/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
  API_STARTED_PID=$!
}

# Writes the haproxy configuration $1: HTTP on 127.0.0.1:$2, round robin over the API instances
# given as HTTP:MANAGEMENT port pairs. Each is checked every second on its management port's
# /q/health/ready, so one that starts, stops or dies gets no requests; a request whose connection
# fails is sent to another. Answers name the instance that served them (X-Qingfeng-Instance).
haproxy_config() {
  local file=$1 port=$2 pair i=0
  shift 2
  {
    cat <<CFG
global
    maxconn 4096
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout http-request 30s
    # Uploads and exports of large ledgers take minutes.
    timeout client 10m
    timeout server 10m
    retries 2
    option redispatch

frontend api
    bind 127.0.0.1:$port
    default_backend instances

backend instances
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    http-response set-header X-Qingfeng-Instance %[srv_name]
CFG
    for pair in "$@"; do
      i=$((i + 1))
      echo "    server api$i 127.0.0.1:${pair%%:*} check port ${pair##*:}"
    done
  } > "$file"
  haproxy -c -q -f "$file"
}

# Uses the Keycloak on :8180, or starts one and sets KC_STARTED (then stop_started_services stops it).
ensure_keycloak() {
  if "$ROOT/scripts/keycloak.sh" status >/dev/null 2>&1; then
    log "Keycloak already runs on :8180; using it"
  else
    KC_STARTED=1
    "$ROOT/scripts/keycloak.sh" start
  fi
}

# Stops the Keycloak (KC_STARTED) and the embedded `run` PostgreSQL (PG_STARTED) a script started.
# Both stop only what their pid files name, so this is safe even if the start was interrupted.
stop_started_services() {
  [[ -n "${KC_STARTED:-}" ]] && { "$ROOT/scripts/keycloak.sh" stop || true; }
  [[ -n "${PG_STARTED:-}" ]] && { "$ROOT/scripts/pg.sh" embedded-stop run || true; }
  return 0
}

# Runs the script's cleanup function on Ctrl-C, TERM and exit, keeping the exit status (130, 143).
trap_cleanup() {
  trap 'cleanup; exit 130' INT
  trap 'cleanup; exit 143' TERM
  trap cleanup EXIT
}
