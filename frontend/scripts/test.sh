#!/usr/bin/env bash
# Frontend checks and tests.
#
#   scripts/test.sh        lint, typecheck, check:api, vitest, build, then the Playwright suite against the
#                          REAL backend (:8080) and Keycloak (:8180), which must already be running; this
#                          script starts `vite preview` on 127.0.0.1:5173 itself and stops it afterwards.
#   scripts/test.sh unit   lint, typecheck, check:api, vitest only (no browser, no backend).
#
# Ends with one line "frontend: N passed, M failed" (Vitest + Playwright test counts, from their JSON
# reporters; ", K skipped" is added when tests were skipped; a failed non-test step such as lint or
# build counts as one failure) and exits non-zero if anything failed.
#
# Environment (optional):
#   E2E_BASE_URL   test an already running app there instead of starting vite preview
#   CHROMIUM_PATH  browser for Playwright (default /usr/bin/chromium)
#   E2E_API_URL    backend checked before the browser tests (default http://127.0.0.1:8080)
#   E2E_KEYCLOAK_URL  Keycloak checked before the browser tests (default http://127.0.0.1:8180)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
FRONTEND_DIR="$(pwd -P)"
MODE="${1:-all}"
case "$MODE" in
  all | unit) ;;
  *) echo "usage: scripts/test.sh [unit]" >&2; exit 2 ;;
esac

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
REPORTS="$FRONTEND_DIR/test-results/reports"
VITEST_JSON="$REPORTS/vitest.json"
PLAYWRIGHT_JSON="$REPORTS/playwright.json"
PREVIEW_LOG="$FRONTEND_DIR/test-results/preview.log"
API_URL="${E2E_API_URL:-http://127.0.0.1:8080}"
KEYCLOAK_URL="${E2E_KEYCLOAK_URL:-http://127.0.0.1:8180}"

passed=0
failed=0
skipped=0
failed_steps=()
preview_pid=""
started=$(date +%s)

log() { echo "frontend: $*"; }

step_failed() { # name
  failed=$((failed + 1))
  failed_steps+=("$1")
  log "FAILED: $1"
}

run_step() { # name command...
  local name="$1"
  shift
  log "== $name"
  if ! "$@"; then step_failed "$name"; return 1; fi
}

stop_preview() {
  if [ -n "$preview_pid" ] && kill -0 "$preview_pid" 2>/dev/null; then
    kill "$preview_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$preview_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$preview_pid" 2>/dev/null || true
  fi
  preview_pid=""
}
trap stop_preview EXIT
trap 'stop_preview; exit 130' INT TERM

# counts FILE KIND -> "passed failed skipped" from a Vitest or Playwright JSON report
counts() {
  node -e '
    const fs = require("fs");
    const [file, kind] = process.argv.slice(1);
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") console.log(`${r.numPassedTests ?? 0} ${(r.numFailedTests ?? 0) + (r.numRuntimeErrors ?? 0)} ${(r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)}`);
    else { const s = r.stats ?? {}; console.log(`${(s.expected ?? 0) + (s.flaky ?? 0)} ${(s.unexpected ?? 0) + ((r.errors ?? []).length)} ${s.skipped ?? 0}`); }
  ' "$1" "$2"
}

add_counts() { # name file kind exit-code
  local name="$1" file="$2" kind="$3" rc="$4" p f s
  if [ -s "$file" ] && read -r p f s < <(counts "$file" "$kind"); then
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
    log "$name: $p passed, $f failed, $s skipped"
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then step_failed "$name (exit $rc)"; fi
  else
    step_failed "$name (no report)"
  fi
}

http_up() { curl -s -o /dev/null --connect-timeout 2 --max-time 5 "$1"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  run_step "npm ci" npm ci --no-audit --no-fund || { echo "frontend: $passed passed, $failed failed"; exit 1; }
fi
mkdir -p "$REPORTS"
rm -f "$VITEST_JSON" "$PLAYWRIGHT_JSON"

run_step lint npm run -s lint
run_step typecheck npm run -s typecheck
run_step check:api npm run -s check:api

log "== vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json="$VITEST_JSON"
add_counts vitest "$VITEST_JSON" vitest $?

if [ "$MODE" = all ]; then
  if run_step build npm run -s build; then
    e2e_ready=1
    for url in "$API_URL/q/health" "$KEYCLOAK_URL/realms/qingfeng/.well-known/openid-configuration"; do
      if ! http_up "$url"; then
        # /q/health may live on the management port only: any answer from the API port will do.
        if [ "$url" = "$API_URL/q/health" ] && http_up "$API_URL/api/v1/me"; then continue; fi
        log "not reachable: $url (start the backend on :8080 and Keycloak on :8180 first)"
        e2e_ready=0
      fi
    done
    if [ -z "${E2E_BASE_URL:-}" ] && [ "$e2e_ready" = 1 ]; then
      if http_up "http://127.0.0.1:5173/"; then
        log "port 5173 is already in use; stop that server or set E2E_BASE_URL to test it"
        e2e_ready=0
      else
        log "== vite preview on 127.0.0.1:5173"
        node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 5173 --strictPort >"$PREVIEW_LOG" 2>&1 &
        preview_pid=$!
        for _ in $(seq 1 100); do
          http_up "http://127.0.0.1:5173/config.json" && break
          kill -0 "$preview_pid" 2>/dev/null || break
          sleep 0.2
        done
        if ! http_up "http://127.0.0.1:5173/config.json"; then
          log "vite preview did not start:"; cat "$PREVIEW_LOG"
          e2e_ready=0
        fi
      fi
    fi
    if [ "$e2e_ready" = 1 ]; then
      log "== playwright"
      npx playwright test
      add_counts playwright "$PLAYWRIGHT_JSON" playwright $?
    else
      step_failed "playwright (not started)"
    fi
    stop_preview
  fi
fi

elapsed=$(($(date +%s) - started))
if [ "${#failed_steps[@]}" -gt 0 ]; then log "failed steps: ${failed_steps[*]}"; fi
log "took ${elapsed}s"
# Tests skipped because an earlier serial test failed are listed, not hidden.
if [ "$skipped" -gt 0 ]; then echo "frontend: $passed passed, $failed failed, $skipped skipped"; else echo "frontend: $passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
