# Shared helpers of run.sh and test.sh (sourced).
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
