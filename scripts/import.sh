#!/usr/bin/env bash
# Imports a folder of spreadsheets into a ledger through the API, as the import-script service
# account: each file is dry-run first; only a file without problems is committed (or, with
# --valid-rows-only, its valid rows). Prints per-file counts; exits 1 if any row was rejected or
# any file failed, 2 on wrong usage.
#
#   scripts/import.sh --ledger tasks|rectifications|risks [--conflict STOP|SKIP|UPDATE]
#                     [--valid-rows-only] [--encoding AUTO|UTF_8|GB18030] [--dry-run] DIR
#
# Environment: QF_API_URL (default http://127.0.0.1:8080), QF_KEYCLOAK_URL (default
# http://127.0.0.1:8180), QF_IMPORT_CLIENT_ID (import-script), QF_IMPORT_CLIENT_SECRET (the dev
# realm's secret; set the real one outside dev), QF_IMPORT_TOKEN (use this bearer token instead).
set -uo pipefail

API="${QF_API_URL:-http://127.0.0.1:8080}"
KC="${QF_KEYCLOAK_URL:-http://127.0.0.1:8180}"
CLIENT="${QF_IMPORT_CLIENT_ID:-import-script}"
SECRET="${QF_IMPORT_CLIENT_SECRET:-import-script-dev-secret}"
ledger="" conflict="STOP" valid_only=false encoding="AUTO" dry=false dir=""

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ledger) ledger="${2:-}"; shift 2 ;;
    --conflict) conflict="${2:-}"; shift 2 ;;
    --valid-rows-only) valid_only=true; shift ;;
    --encoding) encoding="${2:-}"; shift 2 ;;
    --dry-run) dry=true; shift ;;
    -h|--help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) dir="$1"; shift ;;
  esac
done
[[ "$ledger" =~ ^(tasks|rectifications|risks)$ && -d "$dir" ]] || usage

json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }

if [[ -n "${QF_IMPORT_TOKEN:-}" ]]; then
  token="$QF_IMPORT_TOKEN"
else
  token="$(curl -fsS -d grant_type=client_credentials -d "client_id=$CLIENT" -d "client_secret=$SECRET" \
    "$KC/realms/qingfeng/protocol/openid-connect/token" | json 'd["access_token"]')" \
    || { echo "no token from $KC for $CLIENT" >&2; exit 1; }
fi
auth=(-H "Authorization: Bearer $token" -H "Accept: application/json")

# Waits while the job is in the worker's queue; prints the job's JSON.
settle() {
  local job
  while true; do
    job="$(curl -fsS "${auth[@]}" "$API/api/v1/imports/$1")" || return 1
    case "$(json 'd["status"]' <<<"$job")" in
      VALIDATING|COMMITTING) sleep 1 ;;
      *) printf '%s' "$job"; return 0 ;;
    esac
  done
}

failed=0
shopt -s nullglob nocaseglob
files=("$dir"/*.xlsx "$dir"/*.csv)
[[ ${#files[@]} -gt 0 ]] || { echo "no .xlsx or .csv files in $dir" >&2; exit 2; }
for f in "${files[@]}"; do
  name="$(basename "$f")"
  answer="$(curl -sS "${auth[@]}" -F "ledger=$ledger" -F "conflict=$conflict" -F "encoding=$encoding" -F "file=@$f" \
    -w '\n%{http_code}' "$API/api/v1/imports")"
  code="${answer##*$'\n'}"; body="${answer%$'\n'*}"
  if [[ "$code" != 202 ]]; then
    echo "$name: refused ($code): $(json 'd.get("detail") or d.get("title")' <<<"$body" 2>/dev/null || echo "$body")"
    failed=1; continue
  fi
  id="$(json 'd["id"]' <<<"$body")"
  job="$(settle "$id")" || { echo "$name: lost contact with $API"; failed=1; continue; }
  status="$(json 'd["status"]' <<<"$job")"
  problems="$(json 'd["problemCount"]' <<<"$job")"
  echo "$name: dry run $status — $(json '"%(rows)d rows, %(valid)d valid, %(invalid)d invalid" % d["counts"]' <<<"$job"), $problems problems (import $id)"
  if [[ "$status" != VALIDATED ]]; then
    echo "  $(json 'd.get("failure") or ""' <<<"$job")"; failed=1; continue
  fi
  if [[ "$problems" != 0 ]]; then
    curl -fsS "${auth[@]}" "$API/api/v1/imports/$id/problems?limit=20" \
      | json '"\n".join("  %s 第%d行 %s：%s" % (p["sheet"], p["row"], p.get("column") or "", p["message"]) for p in d["items"])'
    failed=1
    $valid_only || { echo "  not committed (fix the file, or use --valid-rows-only)"; continue; }
  fi
  $dry && continue
  curl -fsS "${auth[@]}" -H "Content-Type: application/json" -d "{\"validRowsOnly\": $valid_only}" \
    "$API/api/v1/imports/$id/commit" >/dev/null || { echo "$name: commit refused"; failed=1; continue; }
  job="$(settle "$id")" || { echo "$name: lost contact with $API"; failed=1; continue; }
  status="$(json 'd["status"]' <<<"$job")"
  echo "$name: $status — $(json '"created %(created)d, updated %(updated)d, unchanged %(unchanged)d, skipped %(skipped)d, rejected %(rejected)d" % d["counts"]' <<<"$job")"
  [[ "$status" == COMMITTED && "$(json 'd["counts"]["rejected"]' <<<"$job")" == 0 ]] || failed=1
done
exit $failed
