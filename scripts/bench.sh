#!/usr/bin/env bash
# List benchmarks on a database of their own (qingfeng_bench).
#   scripts/bench.sh seed N   migrate qingfeng_bench, seed the demo organisation, add N tasks, N rectification items, N risks
#   scripts/bench.sh run      the goals of issue 14 side by side (ratios, latencies; seeds 1M rows per ledger
#                             first if missing), printed and written to docs/BENCHMARKS.md
#   scripts/bench.sh webhooks [N]  outbound events to a receiver on this machine: delay from commit to
#                             delivery (p50 / p99) and the throughput of draining a backlog (N: 2000)
#   scripts/bench.sh bulk [N] import N risks from an xlsx end to end (upload, dry run, commit) beside a
#                             PostgreSQL COPY of the same rows, then export them; peak RSS of each (N: 100000)
#   scripts/bench.sh cluster  req/s of one task list through haproxy: two API instances vs one (bench_cluster_ratio)
# PostgreSQL as for the tests (QF_TEST_PG_URL, :5432 or embedded); Keycloak on :8180 (started if needed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mkdir -p .local
mode="${1:-run}"

API_PID="" KC_STARTED="" QF_STARTED_EMBEDDED_PG="" CLUSTER_PIDS=()
cleanup() {
  trap - INT TERM EXIT
  [[ -n "$API_PID" ]] && stop_pid "$API_PID"
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do stop_pid "$pid"; done
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
    java -Dqingfeng.tasks.scheduler-interval=off -Dqingfeng.risks.scheduler-interval=off -Dqingfeng.todos.rebuild-on-start=false \
      -jar backend/target/quarkus-app/quarkus-run.jar > .local/bench-api.log 2>&1 &
  API_PID=$!
  wait_http http://127.0.0.1:19000/q/health/ready 180 || { tail -30 .local/bench-api.log; exit 1; }
}

# Two instances vs one, both behind the same haproxy (so that only the second instance differs):
# req/s of a supervisor's GET /api/v1/tasks?limit=20 with wrk (16 connections, CLUSTER_SECONDS=10 s
# after a 3 s warm-up), first with one instance, then with two. On the database $1 (default: the
# bench database). Prints both rates and "two instances / one: X×". Ports 18280-18282, 19281-19282.
bench_cluster_ratio() {
  local -x QF_DB_URL="${1:-$bench_db}" QF_DEMO_DATA=false QF_CURSOR_SECRET=bench-cursor-secret-not-for-production
  local lb=18280 seconds="${CLUSTER_SECONDS:-10}" pairs=(18281:19281 18282:19282) port count token haproxy_pid="" out pid i
  local rates=()
  ensure_command wrk wrk && ensure_command haproxy haproxy || return 1
  for port in "$lb" "${pairs[@]%%:*}" "${pairs[@]##*:}"; do
    port_free "$port" || { log "port $port is taken"; return 1; }
  done
  token="$(scripts/keycloak.sh token jiandu)"
  local url="http://127.0.0.1:$lb/api/v1/tasks?limit=20"
  for count in 1 2; do
    local pair="${pairs[count - 1]}"
    start_api_instance ".local/bench-cluster-$count.log" "${pair%%:*}" "${pair##*:}" \
      -Dqingfeng.tasks.scheduler-interval=off -Dqingfeng.risks.scheduler-interval=off -Dqingfeng.todos.rebuild-on-start=false
    CLUSTER_PIDS+=("$API_STARTED_PID")
    wait_http "http://127.0.0.1:${pair##*:}/q/health/ready" 180 || { tail -30 ".local/bench-cluster-$count.log"; return 1; }
    [[ -n "$haproxy_pid" ]] && stop_pid "$haproxy_pid"
    haproxy_config .local/bench-cluster-haproxy.cfg "$lb" "${pairs[@]:0:count}"
    haproxy -db -f .local/bench-cluster-haproxy.cfg > .local/bench-cluster-haproxy.log 2>&1 &
    haproxy_pid=$!
    CLUSTER_PIDS+=("$haproxy_pid")
    # Measured once haproxy sends requests to every instance of this round.
    for ((i = 0; ; i++)); do
      [[ "$(for _ in $(seq 1 $((count * 4))); do curl -s -o /dev/null -D - -H "Authorization: Bearer $token" "$url"; done \
        | tr -d '\r' | sed -n 's/^x-qingfeng-instance: //Ip' | sort -u | wc -l)" -ge "$count" ]] && break
      (( i < 60 )) || { log "haproxy does not reach $count instance(s), see .local/bench-cluster-haproxy.log"; return 1; }
      sleep 0.5
    done
    wrk -t2 -c16 -d3s -H "Authorization: Bearer $token" "$url" > /dev/null
    out="$(wrk -t2 -c16 -d"${seconds}s" -H "Authorization: Bearer $token" "$url")"
    if grep -q 'Non-2xx' <<<"$out"; then log "errors under load with $count instance(s):"; echo "$out" >&2; return 1; fi
    rates+=("$(sed -n 's/^Requests\/sec: *//p' <<<"$out")")
  done
  stop_pid "$haproxy_pid"
  for pid in "${CLUSTER_PIDS[@]}"; do stop_pid "$pid"; done
  CLUSTER_PIDS=()
  awk -v one="${rates[0]}" -v two="${rates[1]}" -v s="$seconds" 'BEGIN {
    printf "cluster: GET /api/v1/tasks?limit=20 through haproxy, wrk 16 connections, %d s, %d cores\n", s, '"$(nproc)"'
    printf "  one instance    %8.0f req/s\n  two instances   %8.0f req/s\n", one, two
    printf "  two instances / one: %.2f×\n", two / one }'
}

if [[ "$mode" == cluster ]]; then
  bench_cluster_ratio "${2:-}"
  exit 0
fi

if [[ "$mode" == seed ]]; then
  n="${2:?usage: bench.sh seed N}"
  log "migrating qingfeng_bench and seeding the demo organisation"
  start_api true
  stop_pid "$API_PID"; API_PID=""
  log "adding $n tasks, $n rectification items and $n risks (this takes a while for a million)"
  java -jar tools/pgctl/target/pgctl.jar sql --url "$bench_db" --user qingfeng_owner --password qingfeng_owner \
    --file scripts/seed-large.sql --set n="$n"
  # As a database that has run for a while: visibility maps set, so index-only scans read no heap.
  log "vacuuming (visibility maps for index-only scans)"
  PGOPTIONS="-c client_min_messages=error" PGUSER=qingfeng_owner PGPASSWORD=qingfeng_owner psql "${bench_db#jdbc:}" -qc "VACUUM ANALYZE"
  exit 0
fi

if [[ "$mode" == webhooks ]]; then
  n="${2:-2000}"
  start_api true
  java scripts/bench/WebhookBench.java http://127.0.0.1:18080/api/v1 "${QF_KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/qingfeng" "$n"
  exit 0
fi

if [[ "$mode" == bulk ]]; then
  n="${2:-100000}"
  start_api true
  API=http://127.0.0.1:18080/api/v1
  # A fresh token for every call: the run outlasts an access token's lifetime.
  sup() { scripts/keycloak.sh token jiandu; }
  command -v psql >/dev/null || { log "the COPY baseline needs psql (PostgreSQL's client)"; exit 1; }
  pg_url="${bench_db#jdbc:}"
  export PGUSER=qingfeng_owner PGPASSWORD=qingfeng_owner
  units="$(psql "$pg_url" -Atc "select id || '|' || name from unit where active order by depth, code" | paste -sd';')"
  tag="$(date +%s)"
  dir=.local/bench-bulk
  rm -rf "$dir"
  log "writing $n risk rows as xlsx (and as COPY files)"
  java -cp "backend/target/quarkus-app/lib/main/*" scripts/bench/BulkFiles.java "$n" "$tag" "$dir" "$units"
  json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }
  rss() { ps -o rss= -p "$API_PID" | tr -d ' '; }
  # Samples the backend's RSS (KiB) every half second into a file until told to stop.
  sample() { (while [[ ! -f "$dir/stop-$1" ]]; do rss; sleep 0.5; done) > "$dir/rss-$1.txt" & }
  # Polls the job until it settles, with one token a minute (not one per poll: Keycloak shares the cores).
  settle() {
    local auth="" since=0
    while true; do
      if [[ -z "$auth" ]] || (( SECONDS - since > 60 )); then auth="$(sup)"; since=$SECONDS; fi
      job="$(curl -fsS -H "Authorization: Bearer $auth" "$API/imports/$1")"
      case "$(json 'd["status"]' <<<"$job")" in VALIDATING|COMMITTING) sleep 0.2 ;; *) printf '%s' "$job"; return ;; esac
    done
  }
  now() { date +%s.%N; }
  rss0="$(rss)"
  sample import
  t0="$(now)"
  id="$(curl -fsS -H "Authorization: Bearer $(sup)" -F ledger=risks -F "file=@$dir/risks.xlsx" "$API/imports" | json 'd["id"]')"
  job="$(settle "$id")"
  t1="$(now)"
  [[ "$(json 'd["problemCount"]' <<<"$job")" == 0 ]] || { log "the dry run found problems: $job"; exit 1; }
  curl -fsS -H "Authorization: Bearer $(sup)" -H 'Content-Type: application/json' -d '{"validRowsOnly": false}' "$API/imports/$id/commit" >/dev/null
  job="$(settle "$id")"
  t2="$(now)"
  touch "$dir/stop-import"; sleep 1
  [[ "$(json 'd["status"]' <<<"$job")" == COMMITTED ]] || { log "the commit did not finish: $job"; exit 1; }
  peak_import="$(sort -n "$dir/rss-import.txt" | tail -1)"
  log "COPY of the same rows into risk and event (rolled back)"
  copy_ms="$(psql "$pg_url" -v ON_ERROR_STOP=1 <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{ s += $1 } END { print s }'
BEGIN;
\\timing on
\\copy risk (id, code, name, category, manifestation, unit_id, status, external_source, external_ref, created_by, created_by_name, created_at, updated_at) from '$dir/risk.csv' csv
\\copy event (id, occurred_at, actor_subject, actor_name, client, action, entity_type, entity_id, unit_id, changes, request_id) from '$dir/event.csv' csv
\\timing off
ROLLBACK;
SQL
)"
  rss1="$(rss)"
  sample export
  t3="$(now)"
  curl -fsS -o "$dir/export.xlsx" -H "Authorization: Bearer $(sup)" "$API/risks/export?q=$tag&format=xlsx"
  t4="$(now)"
  touch "$dir/stop-export"; sleep 1
  peak_export="$(sort -n "$dir/rss-export.txt" | tail -1)"
  exported="$(java -cp "backend/target/quarkus-app/lib/main/*" scripts/bench/CountRows.java "$dir/export.xlsx")"
  awk -v n="$n" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v t4="$t4" -v copy="$copy_ms" \
      -v rss0="$rss0" -v peak="$peak_import" -v rss1="$rss1" -v epeak="$peak_export" -v rows="$exported" 'BEGIN {
    dry = t1 - t0; commit = t2 - t1; ex = t4 - t3
    total = dry + commit
    printf "bulk: %d risks from one xlsx (%s), 2 cores\n", n, "risks.xlsx"
    printf "  import, upload to committed      %8.1f s   (dry run %.1f s, commit %.1f s; %.0f rows/s)\n", total, dry, commit, n / total
    printf "  COPY of the same rows             %8.1f s   (risk + event rows)\n", copy / 1000
    printf "  ratio import / COPY               %8.1f x   (goal <= 3x)\n", total / (copy / 1000)
    printf "  backend RSS before / peak         %8.0f / %.0f MB\n", rss0 / 1024, peak / 1024
    printf "  export of the %d rows (xlsx)    %8.1f s   RSS %.0f -> peak %.0f MB (growth %.0f MB, goal < 64)\n", rows, ex, rss1 / 1024, epeak / 1024, (epeak - rss1) / 1024
  }'
  exit 0
fi

# The goals are measured at a million rows per ledger; seed them first if they are missing.
BENCH_N="${BENCH_N:-1000000}"
have="$(PGUSER=qingfeng_owner PGPASSWORD=qingfeng_owner psql "${bench_db#jdbc:}" -Atc "select count(*) from task" 2>/dev/null || echo 0)"
if (( have < BENCH_N * 9 / 10 )); then
  log "qingfeng_bench holds $have tasks: seeding $BENCH_N per ledger first (about 40 minutes for a million on 2 cores)"
  t0=$(date +%s)
  bash scripts/bench.sh seed "$BENCH_N"
  log "seeded in $(( ($(date +%s) - t0) / 60 )) min"
fi
start_api false
token() { scripts/keycloak.sh token "$1"; }
API=http://127.0.0.1:18080/api/v1
QF_CURSOR_SECRET=bench-cursor-secret-not-for-production
source scripts/bench/goals.sh
# The rows below start API instances of their own: the first one stops.
stop_pid "$API_PID"; API_PID=""
cluster_rows
bulk_rows
startup_rows
write_report
