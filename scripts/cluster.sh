#!/usr/bin/env bash
# make run-cluster: the API as two instances on the developer database, behind a local haproxy —
# to try out what several instances change (nothing, for a client) and what happens when one goes.
#
#   scripts/cluster.sh [--no-spa]
#
# The `make run` PostgreSQL (embedded, data in .local/pg/run; or QF_DB_URL if set), Keycloak on
# :8180 (reused or started), instances on :8281 and :8282 (management :9281, :9282), haproxy on
# :8280 checking each instance's /q/health/ready, and the SPA on :5173 talking to :8280 (once the
# frontend exists, unless --no-spa; QF_SPA_PORT moves it, but Keycloak's SPA client accepts only
# :5173). haproxy comes from Debian: installed with apt-get when missing (as root). Ctrl-C stops
# everything this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mkdir -p .local

spa=true
case "${1:-}" in
  --no-spa) spa=false ;;
  "") ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
[[ -f frontend/package.json ]] || spa=false
LB=8280
INSTANCES=(8281:9281 8282:9282)
SPA_PORT="${QF_SPA_PORT:-5173}"

ports=("$LB" "${INSTANCES[@]%%:*}" "${INSTANCES[@]##*:}")
$spa && ports+=("$SPA_PORT")
for port in "${ports[@]}"; do
  port_free "$port" || { log "port $port is taken: stop what runs there first"; exit 1; }
done
ensure_command haproxy haproxy

API_PIDS=() HAPROXY_PID="" SPA_PID="" KC_STARTED="" PG_STARTED=""
cleanup() {
  trap - INT TERM EXIT
  log "stopping"
  [[ -n "$SPA_PID" ]] && stop_pid "$SPA_PID"
  [[ -n "$HAPROXY_PID" ]] && stop_pid "$HAPROXY_PID"
  local pid
  for pid in "${API_PIDS[@]}"; do stop_pid "$pid"; done
  stop_started_services
  log "stopped"
}
trap_cleanup

build_backend
if [[ -z "${QF_DB_URL:-}" ]]; then
  # A server that `make run` already started is left running.
  { [[ -f .local/pg/run.pid ]] && kill -0 "$(cat .local/pg/run.pid)" 2>/dev/null; } || PG_STARTED=1
  eval "$(scripts/pg.sh ensure-run)"
fi
ensure_keycloak

if $spa; then
  log "building the SPA (served from .local/cluster-spa, talking to :$LB)"
  (cd frontend && { [[ -d node_modules ]] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; } && npm run --silent build)
  rm -rf .local/cluster-spa
  cp -r frontend/dist .local/cluster-spa
  sed -i "s#\"apiBaseUrl\": *\"[^\"]*\"#\"apiBaseUrl\": \"http://127.0.0.1:$LB\"#" .local/cluster-spa/config.json
  (cd frontend && exec node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port "$SPA_PORT" --strictPort \
    --outDir "$ROOT/.local/cluster-spa") > .local/cluster-spa.log 2>&1 &
  SPA_PID=$!
fi

# Every instance the same: the database, the cursor secret (a cursor from one pages on the other),
# the public URL (Locations name the load balancer), the SPA's origin.
export QF_DB_URL QF_DEMO_DATA=true QF_PUBLIC_URL="http://127.0.0.1:$LB"
export QF_CURSOR_SECRET="${QF_CURSOR_SECRET:-local-cluster-cursor-secret-$(id -u)}"
export QF_CORS_ORIGINS="${QF_CORS_ORIGINS:-http://127.0.0.1:$SPA_PORT,http://localhost:$SPA_PORT}"
n=0
for pair in "${INSTANCES[@]}"; do
  n=$((n + 1))
  # One after the other: the first migrates the database and seeds the demo organisation.
  log "starting instance $n on :${pair%%:*} (log: .local/cluster-$n.log)"
  start_api_instance ".local/cluster-$n.log" "${pair%%:*}" "${pair##*:}"
  API_PIDS+=("$API_STARTED_PID")
  wait_http "http://127.0.0.1:${pair##*:}/q/health/ready" 180 || { tail -50 ".local/cluster-$n.log"; exit 1; }
done

haproxy_config .local/cluster-haproxy.cfg "$LB" "${INSTANCES[@]}"
haproxy -db -f .local/cluster-haproxy.cfg > .local/cluster-haproxy.log 2>&1 &
HAPROXY_PID=$!
# Ready once both instances have answered through it (each names itself in X-Qingfeng-Instance).
seen=""
for ((i = 0; i < 100; i++)); do
  seen="$(printf '%s\n' "$seen" "$(curl -s -o /dev/null -D - "http://127.0.0.1:$LB/api/v1/me" | tr -d '\r' \
    | sed -n 's/^x-qingfeng-instance: //Ip')" | sort -u | grep . || true)"
  [[ "$(wc -l <<<"$seen")" -ge ${#INSTANCES[@]} ]] && break
  sleep 0.2
done
[[ "$(wc -l <<<"$seen")" -ge ${#INSTANCES[@]} ]] || { log "haproxy does not reach both instances, see .local/cluster-haproxy.log"; exit 1; }

cat <<MSG

  清风 Qingfeng is running as ${#INSTANCES[@]} instances behind haproxy
  API         http://127.0.0.1:$LB/api/v1      (round robin; the X-Qingfeng-Instance header names who answered)
  instance 1  http://127.0.0.1:8281   pid ${API_PIDS[0]}   health http://127.0.0.1:9281/q/health/ready   log .local/cluster-1.log
  instance 2  http://127.0.0.1:8282   pid ${API_PIDS[1]}   health http://127.0.0.1:9282/q/health/ready   log .local/cluster-2.log
  haproxy     .local/cluster-haproxy.cfg, requests logged in .local/cluster-haproxy.log
  Keycloak    http://127.0.0.1:8180${SPA_PID:+
  SPA         http://127.0.0.1:$SPA_PORT      (talks to :$LB; the demo accounts of make run, password qingfeng)}

  Try it:
    TOKEN=\$(scripts/keycloak.sh token jiandu)
    for i in 1 2 3 4; do curl -s -o /dev/null -D - -H "Authorization: Bearer \$TOKEN" \\
      'http://127.0.0.1:$LB/api/v1/tasks?limit=1' | grep -i '^x-qingfeng-instance'; done
    kill ${API_PIDS[0]}     # instance 1 stops; within ~2 s haproxy sends everything to instance 2
  A list cursor, an ETag or an Idempotency-Key from one instance works on the other (ClusterJobsIT).

  Ctrl-C stops everything.
MSG

wait "$HAPROXY_PID"
