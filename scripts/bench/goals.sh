# The goals of `make bench`, side by side in one run (sourced by scripts/bench.sh after the API is up).
# Each row: what, measured, goal, met. Prints the table and writes it into docs/BENCHMARKS.md.
# Expects: API (base URL), bench_db (JDBC URL), token(), start_api/stop_pid/API_PID from bench.sh.

DUR="${DUR:-10}"
RUNS="${RUNS:-30}"
ROWS=()

command -v wrk >/dev/null || { log "installing wrk (Debian)"; apt-get install -y -qq wrk >/dev/null; }
command -v psql >/dev/null || { log "the bench needs psql (PostgreSQL's client)"; exit 1; }
pg_url="${bench_db#jdbc:}"
q() { PGUSER=qingfeng_owner PGPASSWORD=qingfeng_owner psql "$pg_url" -Atc "$1"; }

# rps USER URL CONNECTIONS: "requests/s failures" over DUR seconds with wrk (failures: non-2xx and
# timeouts), after 3 s of the same load so that neither side of a ratio pays for the JIT's warm-up.
rps() {
  local out
  wrk -t2 -c"$3" -d3s --timeout 10s -H "Authorization: Bearer $(token "$1")" "$2" > /dev/null 2>&1
  out="$(wrk -t2 -c"$3" -d"${DUR}s" --timeout 10s -H "Authorization: Bearer $(token "$1")" "$2" 2>&1)"
  awk '/Requests\/sec/ { r = $2 } /Non-2xx/ { bad += $5 } /Socket errors/ { gsub(",", ""); bad += $NF }
       END { printf "%.0f %d\n", r, bad + 0 }' <<<"$out"
}

# p50 USER URL: median latency in ms of RUNS sequential requests after 3 warm-ups ("FAIL" on a non-200).
p50() {
  local auth i
  auth="$(token "$1")"
  for i in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $auth" "$2"; done
  for ((i = 0; i < RUNS; i++)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $auth" "$2"
  done | awk '$1 != 200 { bad++ } { t[NR] = $2 * 1000 } END { n = asort(t); if (bad) print "FAIL"; else printf "%.1f\n", t[int(n * 0.5) + 1] }'
}

# p50post USER URL BODY: as p50, for a POST of a JSON body that answers 201 (each run creates a record).
p50post() {
  local auth i
  auth="$(token "$1")"
  for i in 1 2 3; do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $auth" -d "$3" "$2"; done
  for ((i = 0; i < RUNS; i++)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $auth" -d "$3" "$2"
  done | awk '$1 != 201 { bad++ } { t[NR] = $2 * 1000 } END { n = asort(t); if (bad) print "FAIL"; else printf "%.1f\n", t[int(n * 0.5) + 1] }'
}

# p50pair USER URL_A URL_B: "p50_a p50_b" in ms of RUNS requests each, A and B taken in turn, so that
# a change in the machine's load during the run falls on both sides of the ratio alike.
p50pair() {
  local auth i
  auth="$(token "$1")"
  for i in 1 2 3; do curl -s -o /dev/null -o /dev/null -H "Authorization: Bearer $auth" "$2" "$3"; done
  for ((i = 0; i < RUNS; i++)); do
    curl -s -o /dev/null -w 'a %{http_code} %{time_total}\n' -H "Authorization: Bearer $auth" "$2"
    curl -s -o /dev/null -w 'b %{http_code} %{time_total}\n' -H "Authorization: Bearer $auth" "$3"
  done | awk '$2 != 200 { bad++ } $1 == "a" { a[++na] = $3 * 1000 } $1 == "b" { b[++nb] = $3 * 1000 }
    END { if (bad) { print "FAIL FAIL"; exit } asort(a); asort(b); printf "%.1f %.1f\n", a[int(na * 0.5) + 1], b[int(nb * 0.5) + 1] }'
}

# pair_row WHAT USER URL_A URL_B LIMIT: the row for p50(A) / p50(B) ≤ LIMIT, measured in turn.
pair_row() {
  local a b
  read -r a b < <(p50pair "$2" "$3" "$4")
  ratio_row "$1" "$a" "$b" le "$5" "ms"
}

# p95 of the same kind (for "stable across repetitions").
p95() {
  local auth i
  auth="$(token "$1")"
  for ((i = 0; i < RUNS; i++)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $auth" "$2"
  done | awk '$1 != 200 { bad++ } { t[NR] = $2 * 1000 } END { n = asort(t); if (bad) print "FAIL"; else printf "%.1f\n", t[int(n * 0.95)] }'
}

# row WHAT MEASURED GOAL MET
row() {
  ROWS+=("$1|$2|$3|$4")
  printf '  %-62s %-34s %-12s %s\n' "$1" "$2" "$3" "$4" >&2
}

# ratio_row WHAT A B OP LIMIT UNIT: the row for a/b against "OP LIMIT" (OP: le or ge).
ratio_row() {
  local what=$1 a=$2 b=$3 op=$4 limit=$5 unit=$6 r met
  if [[ "$a" == FAIL || "$b" == FAIL || -z "$a" || -z "$b" ]]; then row "$what" "failed ($a / $b)" "${op/le/≤}${op/ge/} $limit×" "no"; return; fi
  r="$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b == 0 ? 0 : a / b) }')"
  met="$(awk -v r="$r" -v l="$limit" -v op="$op" 'BEGIN { print ((op == "le" ? r <= l : r >= l) ? "met" : "**not met**") }')"
  row "$what" "$a / $b $unit = **${r}×**" "$( [[ $op == le ]] && echo "≤" || echo "≥" ) ${limit}×" "$met"
}

# under_row WHAT MS LIMIT
under_row() {
  local met
  if [[ "$2" == FAIL ]]; then row "$1" "failed" "< $3 ms" "no"; return; fi
  met="$(awk -v v="$2" -v l="$3" 'BEGIN { print (v < l ? "met" : "**not met**") }')"
  row "$1" "$2 ms" "< $3 ms" "$met"
}

# A cursor at row OFFSET of a list sorted by created_at desc, id desc (the default), signed as the
# API signs (the bench's cursor secret): the deep page without walking 20,000 pages to it.
deep_cursor() {
  local table=$1 offset=$2 keys body sig
  keys="$(q "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '|' || id from $table
             order by created_at desc, id desc offset $offset limit 1")"
  body="$(printf '["-createdAt,-id","%s","%s"]' "${keys%%|*}" "${keys##*|}")"
  sig="$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$QF_CURSOR_SECRET" -binary | head -c 16 | base64 -w0 | tr '+/' '-_' | tr -d '=')"
  printf '%s.%s' "$(printf '%s' "$body" | base64 -w0 | tr '+/' '-_' | tr -d '=')" "$sig"
}

tasks_n="$(q "select count(*) from task")"
items_n="$(q "select count(*) from rectification_item")"
risks_n="$(q "select count(*) from risk")"
records_n="$(q "select count(*) from task_record")"
YEAR=$(( $(date +%Y) - 1 ))
THIS_YEAR=$(date +%Y)
log "measuring on $tasks_n tasks, $items_n rectification items, $risks_n risks, $records_n execution records"

# The officer's unit (cg_officer: the venues centre) and one of its items and tasks for lookups.
venues="$(q "select id from unit where code = 'SJ-CGZX'")"
item_id="$(q "select id from rectification_item where unit_id = '$venues' and status = 'IN_PROGRESS' order by created_at desc limit 1")"
task_id="$(q "select t.id from task t join task_assignment a on a.task_id = t.id where a.unit_id = '$venues' and t.status = 'ISSUED' order by t.created_at desc limit 1")"

# The API has only just started: its JIT compiles the hot paths for half a minute or more, on the same
# two cores. A mixed load first, so that the first figure is not the one that pays for it.
log "warming the API up (${WARMUP:-30} s of mixed requests)"
for url in "$API/rectifications?status=IN_PROGRESS&limit=20" "$API/rectifications/$item_id" \
           "$API/tasks?status=ISSUED&limit=20" "$API/tasks/$task_id"; do
  wrk -t2 -c16 -d"$(( ${WARMUP:-30} / 4 ))s" -H "Authorization: Bearer $(token cg_officer)" "$url" > /dev/null 2>&1
done

log "list vs lookup by id (wrk, ${DUR}s each)"
for c in 16 64; do
  read -r list_rps list_bad < <(rps cg_officer "$API/rectifications?status=IN_PROGRESS&limit=20" "$c")
  read -r one_rps one_bad < <(rps cg_officer "$API/rectifications/$item_id" "$c")
  ratio_row "officer: filtered list (20) vs lookup by id, req/s, c=$c" "$list_rps" "$one_rps" ge 0.8 "req/s"
  [[ "$list_bad" == 0 && "$one_bad" == 0 ]] || row "  failures at c=$c" "$list_bad list, $one_bad lookup" "0" "**not met**"
done
for c in 16 64; do
  read -r list_rps list_bad < <(rps cg_officer "$API/tasks?status=ISSUED&limit=20" "$c")
  read -r one_rps one_bad < <(rps cg_officer "$API/tasks/$task_id" "$c")
  ratio_row "officer: tasks status=ISSUED (20) vs lookup by id, req/s, c=$c" "$list_rps" "$one_rps" ge 0.8 "req/s"
  [[ "$list_bad" == 0 && "$one_bad" == 0 ]] || row "  failures at c=$c" "$list_bad list, $one_bad lookup" "0" "**not met**"
done

log "includeTotal vs not"
for c in 16 64; do
  read -r plain_rps plain_bad < <(rps jiandu "$API/tasks?limit=20" "$c")
  read -r total_rps total_bad < <(rps jiandu "$API/tasks?limit=20&includeTotal=true" "$c")
  ratio_row "supervisor: cost of includeTotal=true (req/s without / with), c=$c" "$plain_rps" "$total_rps" le 2 "req/s"
  row "  failed responses at c=$c (with / without total)" "$total_bad / $plain_bad" "0" "$( [[ "$total_bad" == 0 && "$plain_bad" == 0 ]] && echo met || echo '**not met**')"
done
pair_row "supervisor: status=ISSUED&category=INSPECTION (kept pair) with total vs without, p50" jiandu \
  "$API/tasks?status=ISSUED&category=INSPECTION&limit=20&includeTotal=true" \
  "$API/tasks?status=ISSUED&category=INSPECTION&limit=20" 2
# A filter no kept count answers: the total is counted up to the count limit (1,000), then "1000+".
pair_row "supervisor: deadline range (counted to 1,000) with total vs without, p50" jiandu \
  "$API/tasks?deadlineFrom=$YEAR-01-01&deadlineTo=$YEAR-06-30&limit=20&includeTotal=true" \
  "$API/tasks?deadlineFrom=$YEAR-01-01&deadlineTo=$YEAR-06-30&limit=20" 2

log "deep pages (row ~$((tasks_n - 2000)))"
for ledger in tasks:task risks:risk rectifications:rectification_item; do
  path="${ledger%%:*}" table="${ledger##*:}"
  n="$(q "select count(*) from $table")"
  cur="$(deep_cursor "$table" $(( n > 2100 ? n - 2000 : n / 2 )))"
  pair_row "supervisor: $path deep page (row ~$(( n > 2100 ? n - 2000 : n / 2 ))) vs first, p50" jiandu \
    "$API/$path?limit=50&cursor=$cur" "$API/$path?limit=50" 1.2
  # The same old records as the first page of the oldest-first order: what the depth itself costs,
  # apart from old records carrying more (a graded risk's measures and obligations).
  pair_row "  the same deep page vs the first page of the same records (sort=createdAt), p50" jiandu \
    "$API/$path?limit=50&cursor=$cur" "$API/$path?limit=50&sort=createdAt" 1.2
done

log "statistics, heat map, obligation summary, warnings"
under_row "rectification stats of one year ($YEAR), supervisor, p50" "$(p50 jiandu "$API/rectifications/stats?from=$YEAR-01-01&to=$YEAR-12-31")" 50
under_row "rectification stats 15 Jan–10 Mar (partial months), supervisor, p50" "$(p50 jiandu "$API/rectifications/stats?from=$YEAR-01-15&to=$YEAR-03-10")" 50
under_row "risk heat map, supervisor, p50" "$(p50 jiandu "$API/risks/heatmap")" 50
under_row "risk heat map, unit officer, p50" "$(p50 cg_officer "$API/risks/heatmap")" 50
summary="$API/risk-obligations/summary?from=$THIS_YEAR-01-01&to=$THIS_YEAR-12-31"
under_row "obligation summary of $THIS_YEAR, unit officer, p50" "$(p50 cg_officer "$summary")" 50
under_row "  the same, p95 of $RUNS more (after the plan cache settled)" "$(p95 cg_officer "$summary")" 50
under_row "tasks warning=RED, supervisor, p50" "$(p50 jiandu "$API/tasks?warning=RED&limit=20")" 20
under_row "rectifications warning=RED, supervisor, p50" "$(p50 jiandu "$API/rectifications?warning=RED&limit=20")" 20
log "statistics and the half-year report"
under_row "statistics of ${YEAR}H1 (every figure, drillable), supervisor, p50" "$(p50 jiandu "$API/statistics?period=${YEAR}H1")" 1000
under_row "statistics of ${YEAR}H1, unit officer, p50" "$(p50 cg_officer "$API/statistics?period=${YEAR}H1")" 1000
under_row "report draft of ${YEAR}H1 (the bureau's), supervisor, p50" "$(p50post jiandu "$API/reports" "{\"period\":\"${YEAR}H1\"}")" 1000

# write_report: the table, with the machine's facts and the date, into docs/BENCHMARKS.md between
# its markers (replacing the previous run's), and on the terminal.
write_report() {
  local file="$ROOT/docs/BENCHMARKS.md" section
  section="$(
    echo "<!-- make bench: begin (written by scripts/bench/goals.sh; edit outside the markers) -->"
    echo "## Goals side by side (\`make bench\`, issues 14–15)"
    echo
    echo "Run on $(date -u +%Y-%m-%d) on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
    echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(q "select split_part(version(), ' ', 2)" | sed 's/^/PostgreSQL /'),"
    echo "Java $(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1); data in \`qingfeng_bench\`: $tasks_n tasks,"
    echo "$items_n rectification items, $risks_n risks, $records_n execution records. Real API, real Keycloak tokens;"
    echo "req/s by \`wrk\` (${DUR} s per figure, 2 threads), latencies as the median of $RUNS sequential requests."
    echo "Absolute figures vary with the machine's load; the ratios are measured side by side in one run."
    echo
    echo "| what | measured | goal | |"
    echo "|---|---|---|---|"
    for r in "${ROWS[@]}"; do
      IFS='|' read -r what measured goal met <<<"$r"
      echo "| $what | $measured | $goal | $met |"
    done
    echo "<!-- make bench: end -->"
  )"
  if grep -q '<!-- make bench: begin' "$file"; then
    python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- make bench: begin.*?<!-- make bench: end -->", lambda m: section, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
  else
    printf '\n%s\n' "$section" >> "$file"
  fi
  echo "$section"
  log "written to docs/BENCHMARKS.md"
}

# Two instances behind haproxy vs one (bench_cluster_ratio in bench.sh): informational on a machine
# whose 2 cores the instances, PostgreSQL, haproxy and wrk all share.
cluster_rows() {
  local out one two
  log "two instances vs one behind haproxy"
  out="$(bench_cluster_ratio)" || { row "two API instances vs one behind haproxy" "failed" "—" "no"; return; }
  one="$(sed -n 's/^  one instance *\([0-9]*\) req\/s/\1/p' <<<"$out")"
  two="$(sed -n 's/^  two instances *\([0-9]*\) req\/s/\1/p' <<<"$out")"
  row "two API instances vs one behind haproxy, task list req/s, c=16" \
    "$two / $one req/s = **$(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2f", a / b }')×**" "(more cores: > 1×)" "shown"
}

# Import vs COPY and the export's memory (bench.sh bulk, issue 12) at BULK_N rows.
bulk_rows() {
  local n="${BULK_N:-10000}" out ratio growth
  log "import vs COPY and export memory at $n rows"
  out="$(bash scripts/bench.sh bulk "$n" 2>/dev/null)" || { row "xlsx import vs COPY ($n risks)" "failed" "≤ 3×" "no"; return; }
  ratio="$(sed -n 's/.*ratio import \/ COPY *\([0-9.]*\) x.*/\1/p' <<<"$out")"
  growth="$(sed -n 's/.*(growth \([0-9-]*\) MB.*/\1/p' <<<"$out")"
  row "xlsx import end to end vs COPY of the same rows ($n risks)" "**${ratio}×**" "≤ 3×" \
    "$(awk -v r="$ratio" 'BEGIN { print (r <= 3 ? "met" : "**not met**") }')"
  row "RSS growth while exporting them (xlsx, streamed)" "$growth MB" "< 64 MB" \
    "$(awk -v g="$growth" 'BEGIN { print (g < 64 ? "met" : "**not met**") }')"
}

# Time to first request and RSS after 10,000 requests: the API against the bare Quarkus application
# with the same extensions (bench/bare-app), both with the production heap limit (HEAP, -Xmx512m), in
# STARTUP_ROUNDS (3) alternating rounds; the medians. The request is each one's lookup by id with the
# same supervisor's token; the clock runs from the exec to the first 200. The API's schedulers are off
# as in every bench instance: on this database, which they never ran on, they would start on a backlog
# of a million rows' escalations and missed reviews, which is work, not startup.
startup_once() {
  local log=$1 url=$2 auth t0 t1 pid rss out
  shift 2
  auth="$(token jiandu)"
  t0=$(date +%s%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $auth" "$url")" == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null || (( $(date +%s%N) - t0 > 180000000000 )); then
      stop_pid "$pid"; tail -20 "$log" >&2; return 1
    fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  out="$(hey -n 10000 -c 16 -T application/json -H "Authorization: Bearer $auth" "$url")"
  rss="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
  stop_pid "$pid"
  grep -q '\[200\]	10000 responses' <<<"$out" || { log "not 10,000 answers of 200 from $url:"; echo "$out" >&2; return 1; }
  echo "$(( (t1 - t0) / 1000000 )) $(( rss / 1024 ))"
}

startup_rows() {
  local heap="${HEAP:--Xmx512m}" rounds="${STARTUP_ROUNDS:-3}" i a b api_t=() api_m=() bare_t=() bare_m=()
  local bare_jar=bench/bare-app/target/quarkus-app/quarkus-run.jar
  local bare_db="${bench_db%/*}/qingfeng_bare" one
  ensure_command hey hey || { row "time to first request vs bare app" "failed (no hey)" "≤ 1.3×" "no"; return; }
  log "time to first request and RSS after 10,000 requests: API vs bare Quarkus app ($heap, $rounds rounds)"
  if [[ ! -f "$bare_jar" ]] || [[ -n "$(find bench/bare-app/src bench/bare-app/pom.xml -newer "$bare_jar" -print -quit)" ]]; then
    (cd backend && "$MVN" -B -q -f ../bench/bare-app/pom.xml package -DskipTests) || { row "bare app" "failed to build" "—" "no"; return; }
  fi
  java -jar tools/pgctl/target/pgctl.jar bootstrap --url "${bench_db%/*}/postgres" --database qingfeng_bare >&2
  one="$(q "select id from task order by created_at desc limit 1")"
  for ((i = 0; i < rounds; i++)); do
    read -r a b < <(startup_once .local/bench-startup-api.log "http://127.0.0.1:18080/api/v1/tasks/$one" \
      env QF_DB_URL="$bench_db" QF_DEMO_DATA=false QF_HTTP_PORT=18080 QF_MANAGEMENT_PORT=19000 \
        QF_CURSOR_SECRET=bench-cursor-secret-not-for-production \
        java $heap -Dqingfeng.tasks.scheduler-interval=off -Dqingfeng.risks.scheduler-interval=off \
          -Dqingfeng.todos.rebuild-on-start=false -jar backend/target/quarkus-app/quarkus-run.jar) \
      || { row "API startup" "failed" "—" "no"; return; }
    api_t+=("$a") api_m+=("$b")
    read -r a b < <(startup_once .local/bench-startup-bare.log "http://127.0.0.1:18090/api/items/00000000-0000-0000-0000-000000000001" \
      env QF_DB_URL="$bare_db" QF_HTTP_PORT=18090 QF_MANAGEMENT_PORT=19090 java $heap -jar "$bare_jar") \
      || { row "bare app startup" "failed" "—" "no"; return; }
    bare_t+=("$a") bare_m+=("$b")
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  # The yardstick holds only if both started the same extensions (bench/bare-app/pom.xml follows
  # backend/pom.xml by hand): compare what each one's log says it installed.
  features() { sed -n 's/.*Installed features: \[\(.*\)\].*/\1/p' "$1" | head -1; }
  a="$(features .local/bench-startup-api.log)" b="$(features .local/bench-startup-bare.log)"
  [[ -n "$a" && "$a" == "$b" ]] || row "  the bare app's extensions differ from the API's" "API [$a], bare [$b]" "the same" "**not met**"
  ratio_row "time to first request: API vs bare Quarkus app (same extensions, $heap)" \
    "$(median "${api_t[@]}")" "$(median "${bare_t[@]}")" le 1.3 "ms"
  ratio_row "RSS after 10,000 requests: API vs bare Quarkus app" \
    "$(median "${api_m[@]}")" "$(median "${bare_m[@]}")" le 1.3 "MB"
}
