#!/usr/bin/env bash
# make run: embedded PostgreSQL (data kept in .local/pg/run), Keycloak with the committed realm,
# the API on :8080 with demo data, and the SPA on :5173 once it exists. Ctrl-C stops all of it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mkdir -p .local

for port in 8080 9000 5173; do
  port_free "$port" || { log "port $port is taken: stop what runs there first"; exit 1; }
done

BACKEND_PID="" SPA_PID="" KC_STARTED="" PG_STARTED=""
cleanup() {
  trap - INT TERM EXIT
  log "stopping"
  [[ -n "$SPA_PID" ]] && stop_pid "$SPA_PID"
  [[ -n "$BACKEND_PID" ]] && stop_pid "$BACKEND_PID"
  stop_started_services
  log "stopped"
}
trap_cleanup

build_backend
PG_STARTED=1
env_lines="$(scripts/pg.sh ensure-run)"
eval "$env_lines"
ensure_keycloak

if [[ -f frontend/package.json ]]; then
  log "building the SPA"
  (cd frontend && { [[ -d node_modules ]] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; } && npm run --silent build)
  (cd frontend && exec node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 5173 --strictPort) \
    > .local/spa.log 2>&1 &
  SPA_PID=$!
fi

log "starting the API (log: .local/backend.log)"
QF_DB_URL="$QF_DB_URL" QF_DEMO_DATA=true QF_CURSOR_SECRET="${QF_CURSOR_SECRET:-local-run-cursor-secret-$(id -u)}" java -jar backend/target/quarkus-app/quarkus-run.jar > .local/backend.log 2>&1 &
BACKEND_PID=$!
wait_http http://127.0.0.1:9000/q/health/ready 120 || { tail -50 .local/backend.log; exit 1; }

cat <<MSG

  清风 Qingfeng is running
  API       http://127.0.0.1:8080/api/v1      (health: http://127.0.0.1:9000/q/health, metrics: /q/metrics)
  OpenAPI   http://127.0.0.1:9000/q/openapi   (the committed contract: openapi.yaml)
  Keycloak  http://127.0.0.1:8180             (admin console: admin / admin, dev only)
$( [[ -n "$SPA_PID" ]] && echo "  SPA       http://127.0.0.1:5173" )

  Demo accounts (password: qingfeng)
    admin 系统管理员 · jiandu, jiandu2 监督人员 · lingdao 局领导 · cg_officer, xx_officer, bgs_officer 单位联络员
    cg_viewer 普通查看 · shenji 审计 · daoru 导入
  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=qingfeng-dev -d username=cg_officer -d password=qingfeng \\
      http://127.0.0.1:8180/realms/qingfeng/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8080/api/v1/me

  Ctrl-C stops everything.
MSG

wait "$BACKEND_PID"
