#!/usr/bin/env bash
# List benchmarks on a database of their own (qingfeng_bench).
#   scripts/bench.sh seed N   migrate qingfeng_bench, seed the demo organisation, add N tasks, N rectification items, N risks
#   scripts/bench.sh run      time the task, assignment, rectification and risk lists (p50 / p95 / max of each)
# PostgreSQL as for the tests (QF_TEST_PG_URL, :5432 or embedded); Keycloak on :8180 (started if needed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mkdir -p .local
mode="${1:-run}"

API_PID="" KC_STARTED="" QF_STARTED_EMBEDDED_PG=""
cleanup() {
  trap - INT TERM EXIT
  [[ -n "$API_PID" ]] && stop_pid "$API_PID"
  [[ -n "$KC_STARTED" ]] && { scripts/keycloak.sh stop >&2 || true; }
  [[ -n "$QF_STARTED_EMBEDDED_PG" ]] && { scripts/pg.sh embedded-stop "$QF_STARTED_EMBEDDED_PG" || true; }
  return 0  # the script keeps its own exit status
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

env_lines="$(scripts/pg.sh ensure-test)"
eval "$env_lines"
server="${QF_TEST_DB_URL%/*}"
bench_db="$server/qingfeng_bench"
java -jar tools/pgctl/target/pgctl.jar bootstrap --url "$server/postgres" --database qingfeng_bench >&2
if ! scripts/keycloak.sh status >/dev/null 2>&1; then
  KC_STARTED=1
  scripts/keycloak.sh start
fi
build_backend

start_api() {
  for port in 18080 19000; do port_free "$port" || { log "port $port is taken"; exit 1; }; done
  QF_DB_URL="$bench_db" QF_DEMO_DATA="${1:-false}" QF_HTTP_PORT=18080 QF_MANAGEMENT_PORT=19000 \
    QF_CURSOR_SECRET=bench-cursor-secret-not-for-production \
    java -Dqingfeng.tasks.scheduler-interval=off -Dqingfeng.risks.scheduler-interval=off -jar backend/target/quarkus-app/quarkus-run.jar > .local/bench-api.log 2>&1 &
  API_PID=$!
  wait_http http://127.0.0.1:19000/q/health/ready 180 || { tail -30 .local/bench-api.log; exit 1; }
}

if [[ "$mode" == seed ]]; then
  n="${2:?usage: bench.sh seed N}"
  log "migrating qingfeng_bench and seeding the demo organisation"
  start_api true
  stop_pid "$API_PID"; API_PID=""
  log "adding $n tasks, $n rectification items and $n risks (this takes a while for a million)"
  java -jar tools/pgctl/target/pgctl.jar sql --url "$bench_db" --user qingfeng_owner --password qingfeng_owner \
    --file scripts/seed-large.sql --set n="$n"
  exit 0
fi

start_api false
token() { scripts/keycloak.sh token "$1"; }
SUP="$(token jiandu)"
OFF="$(token cg_officer)"
API=http://127.0.0.1:18080/api/v1
RUNS="${RUNS:-30}"

# Prints "p50 p95 max" in ms of RUNS requests (after 3 warm-up requests).
measure() {
  local auth=$1 url=$2 i
  for i in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $auth" "$url"; done
  for ((i = 0; i < RUNS; i++)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $auth" "$url"
  done | awk '$1 != 200 { bad++ } { t[NR] = $2 * 1000 } END {
      n = asort(t); if (bad) { printf "FAILED (%d non-200)", bad; exit }
      printf "p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms", t[int(n * 0.5) + 1], t[int(n * 0.95)], t[n] }'
}

# A cursor deep into the default list: follow 20 pages.
cursor=""
for ((p = 0; p < 20; p++)); do
  page="$(curl -s -H "Authorization: Bearer $SUP" "$API/tasks?limit=50${cursor:+&cursor=$cursor}")"
  cursor="$(printf '%s' "$page" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')"
done

rcursor=""
for ((p = 0; p < 20; p++)); do
  page="$(curl -s -H "Authorization: Bearer $SUP" "$API/risks?limit=50${rcursor:+&cursor=$rcursor}")"
  rcursor="$(printf '%s' "$page" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')"
done

total="$(curl -s -H "Authorization: Bearer $SUP" "$API/tasks?limit=1&includeTotal=true" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
items="$(curl -s -H "Authorization: Bearer $SUP" "$API/rectifications?limit=1&includeTotal=true" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
risks="$(curl -s -H "Authorization: Bearer $SUP" "$API/risks?limit=1&includeTotal=true" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
echo "tasks in qingfeng_bench: ${total:-?}, rectification items: ${items:-?}, risks: ${risks:-?}   (runs per case: $RUNS, 2 cores)"
printf '%-58s %s\n' \
  "supervisor: newest 50" "$(measure "$SUP" "$API/tasks?limit=50")" \
  "supervisor: page 21 by cursor" "$(measure "$SUP" "$API/tasks?limit=50&cursor=$cursor")" \
  "supervisor: status=ISSUED & category=INSPECTION" "$(measure "$SUP" "$API/tasks?status=ISSUED&category=INSPECTION")" \
  "supervisor: warning=RED (overdue issued tasks)" "$(measure "$SUP" "$API/tasks?warning=RED")" \
  "supervisor: text q=保密自查" "$(measure "$SUP" "$API/tasks?q=%E4%BF%9D%E5%AF%86%E8%87%AA%E6%9F%A5")" \
  "supervisor: deadline range, sort=deadline" "$(measure "$SUP" "$API/tasks?deadlineFrom=2026-01-01&deadlineTo=2026-03-31&sort=deadline")" \
  "supervisor: tasks of one unit (unitId)" "$(measure "$SUP" "$API/tasks?unitId=$(curl -s -H "Authorization: Bearer $SUP" "$API/units?q=SJ-YDXX&limit=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)")" \
  "unit officer: newest 50 of own units" "$(measure "$OFF" "$API/tasks?limit=50")" \
  "unit officer: open assignments by deadline" "$(measure "$OFF" "$API/assignments?open=true")" \
  "unit officer: my to-dos" "$(measure "$OFF" "$API/me/todos")" \
  "supervisor: newest 50 with includeTotal" "$(measure "$SUP" "$API/tasks?limit=50&includeTotal=true")" \
  "rectification: supervisor newest 50" "$(measure "$SUP" "$API/rectifications?limit=50")" \
  "rectification: status=IN_PROGRESS & severity=SERIOUS" "$(measure "$SUP" "$API/rectifications?status=IN_PROGRESS&severity=SERIOUS")" \
  "rectification: warning=RED" "$(measure "$SUP" "$API/rectifications?warning=RED")" \
  "rectification: text q=涉密" "$(measure "$SUP" "$API/rectifications?q=%E6%B6%89%E5%AF%86")" \
  "rectification: unit officer newest 50" "$(measure "$OFF" "$API/rectifications?limit=50")" \
  "rectification: unit officer by deadline" "$(measure "$OFF" "$API/rectifications?sort=deadline")" \
  "rectification: stats of one year" "$(measure "$SUP" "$API/rectifications/stats?from=2025-01-01&to=2025-12-31")" \
  "risk: supervisor newest 50" "$(measure "$SUP" "$API/risks?limit=50")" \
  "risk: page 21 by cursor" "$(measure "$SUP" "$API/risks?limit=50&cursor=$rcursor")" \
  "risk: level=MAJOR & category=SECRECY" "$(measure "$SUP" "$API/risks?level=MAJOR&category=SECRECY")" \
  "risk: reviewState=RED (review missed)" "$(measure "$SUP" "$API/risks?reviewState=RED")" \
  "risk: text q=涉密" "$(measure "$SUP" "$API/risks?q=%E6%B6%89%E5%AF%86")" \
  "risk: heat-map cell 4x4" "$(measure "$SUP" "$API/risks?likelihood=4&impact=4")" \
  "risk: sort=nextReviewOn" "$(measure "$SUP" "$API/risks?sort=nextReviewOn")" \
  "risk: unit officer newest 50" "$(measure "$OFF" "$API/risks?limit=50")" \
  "risk: heat map, supervisor (all risks)" "$(measure "$SUP" "$API/risks/heatmap")" \
  "risk: heat map, unit officer" "$(measure "$OFF" "$API/risks/heatmap")" \
  "risk: obligations state=MISSING" "$(measure "$SUP" "$API/risk-obligations?state=MISSING")" \
  "risk: obligation summary of one year" "$(measure "$SUP" "$API/risk-obligations/summary?from=2025-01-01&to=2025-12-31")"
