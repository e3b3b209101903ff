#!/usr/bin/env bash
# make test: every test, on a fresh machine too.
#   scripts/test.sh all|backend|frontend|security
# (security: only the suites generated from openapi.yaml and the abuse suites; make test runs them too)
# PostgreSQL: QF_TEST_PG_URL, else the one on 127.0.0.1:5432, else an embedded one it starts.
# Keycloak: the one on :8180 if it answers, else it starts one with the committed realm.
# Whatever it started, it stops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mode="${1:-all}"
mkdir -p .local

KC_STARTED="" E2E_PID="" QF_STARTED_EMBEDDED_PG=""
cleanup() {
  trap - INT TERM EXIT
  [[ -n "$E2E_PID" ]] && stop_pid "$E2E_PID"
  [[ -n "$KC_STARTED" ]] && { scripts/keycloak.sh stop >&2 || true; }
  [[ -n "$QF_STARTED_EMBEDDED_PG" ]] && { scripts/pg.sh embedded-stop "$QF_STARTED_EMBEDDED_PG" || true; }
  return 0  # the script keeps its own exit status
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

env_lines="$(scripts/pg.sh ensure-test)"
eval "$env_lines"
export QF_TEST_DB_URL
if scripts/keycloak.sh status >/dev/null 2>&1; then
  # A running Keycloak is reused; start is idempotent and warns when its realm is older than ours.
  scripts/keycloak.sh start >&2
else
  KC_STARTED=1
  scripts/keycloak.sh start
fi

if [[ "$mode" == all || "$mode" == backend ]]; then
  log "backend: unit, API and auth suites (real PostgreSQL, real Keycloak tokens)"
  (cd backend && "$MVN" -B verify -Dquarkus.smallrye-openapi.store-schema-directory=target/openapi)
  log "contract: openapi.yaml equals what the code generates"
  make --no-print-directory check-openapi
fi

if [[ "$mode" == security ]]; then
  log "security: bad input, tokens, scope and role matrices, concurrency, upload abuse"
  (cd backend && "$MVN" -B test \
    -Dtest='BadInputSuiteTest,TokenAttackTest,WrongIssuerTest,ScopeMatrixTest,RoleMatrixTest,LifecycleGuardTest,ConcurrencyTest,UploadAbuseTest,ApiConventionsTest')
fi

if [[ "$mode" == all || "$mode" == frontend ]] && [[ -f frontend/package.json ]]; then
  build_backend
  # The browser tests drive the real API, on a database of their own, emptied first.
  e2e_db="${QF_TEST_DB_URL%/*}/qingfeng_e2e"
  for port in 8080 9000 5173; do
    port_free "$port" || { log "port $port is taken (is 'make run' running?): stop it first"; exit 1; }
  done
  log "frontend: starting the API for the browser tests (log: .local/e2e-backend.log)"
  QF_DB_URL="$e2e_db" QF_DEMO_DATA=true QF_CLOCK_ADJUSTABLE=true QF_CURSOR_SECRET=e2e-cursor-secret-not-for-production java -Dquarkus.flyway.clean-at-start=true -Dquarkus.flyway.clean-disabled=false \
    -jar backend/target/quarkus-app/quarkus-run.jar > .local/e2e-backend.log 2>&1 &
  E2E_PID=$!
  wait_http http://127.0.0.1:9000/q/health/ready 120 || { tail -50 .local/e2e-backend.log; exit 1; }
  (cd frontend && { [[ -d node_modules ]] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; } && scripts/test.sh)
fi
