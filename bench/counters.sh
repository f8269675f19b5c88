#!/usr/bin/env bash
# Counters API benchmark (issue #15, section 3): bulk counter updates per second through the HTTP API, with the
# portal (SQLite by default), slapd and the load generator on this machine. The load generator takes a
# client-credentials token for sample-lob (scope portal.counters) and POSTs /api/v1/counters with BENCH_BATCH items
# per request (one counter for BENCH_BATCH people), closed loop; it reports accepted items per second.
#
#   bench/counters.sh
#
# Environment (all optional):
#   BENCH_CONCURRENCY "1 2 4"   closed-loop workers per run, one run each
#   BENCH_BATCH       5000      items per request (the API allows 10,000)
#   BENCH_DURATION    20        measured seconds per run
#   BENCH_WARMUP      5         unmeasured seconds before each window
#   BENCH_MAX_OTHER   5         a window where other processes used more than this % of the CPU is run again
#   BENCH_RETRIES     2         how many times a disturbed window is run again
#   BENCH_USERS       50000     people in the directory (the LDIF and slapd data are cached per size)
#   BENCH_LDAP_PORT   3891      port of the bench slapd (127.0.0.1 only)
#   BENCH_PORTAL_PORT 5100      port of the portal (127.0.0.1 only)
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly USERS="${BENCH_USERS:-50000}"
readonly SEED=20261123
readonly CONCURRENCY="${BENCH_CONCURRENCY:-1 2 4}"
readonly BATCH="${BENCH_BATCH:-5000}"
readonly DURATION="${BENCH_DURATION:-20}"
readonly WARMUP="${BENCH_WARMUP:-5}"
readonly MAX_OTHER="${BENCH_MAX_OTHER:-5}"
readonly RETRIES="${BENCH_RETRIES:-2}"
readonly LDAP_PORT="${BENCH_LDAP_PORT:-3891}"
readonly PORTAL_PORT="${BENCH_PORTAL_PORT:-5100}"
readonly PORTAL_URL="http://127.0.0.1:${PORTAL_PORT}"
readonly LDIF="${ROOT}/.data/bench-org-${USERS}.ldif"
readonly SLAPD_DIR="${ROOT}/.data/bench-slapd-${USERS}"
readonly OUT="${ROOT}/.data/bench-results/counters-$(date -u +%Y%m%dT%H%M%SZ)"
readonly LOADGEN="${ROOT}/bench/CounterLoad/bin/Release/net10.0/GatewayPortal.Bench.CounterLoad.dll"

log() { echo "counters.sh: $*" >&2; }
die() { log "$*"; exit 2; }

# shellcheck source=bench/common.sh
. "${ROOT}/bench/common.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "${OUT}"
cd "${ROOT}"
log "building (Release)"
build src/Portal
build bench/CounterLoad
start_slapd
start_portal

loadgen() {
  dotnet "${LOADGEN}" --url "${PORTAL_URL}" --users "${USERS}" --ldap "ldap://127.0.0.1:${LDAP_PORT}" --batch "${BATCH}" \
    --watch "portal=${portal_pid},slapd=${slapd_pid}" "$@"
}

log "priming (not recorded)"
loadgen --concurrency 2 --duration 10 --warmup 0 --label prime >"${OUT}/prime.txt" || true

machine >"${OUT}/machine.md"
: >"${OUT}/table.md"
for c in ${CONCURRENCY}; do
  for attempt in $(seq 0 "${RETRIES}"); do
    wait_quiet
    log "run: concurrency ${c}, batch ${BATCH}$( (( attempt > 0 )) && echo " (attempt $((attempt + 1)))")"
    rc=0
    loadgen --concurrency "${c}" --duration "${DURATION}" --warmup "${WARMUP}" --label "bulk c=${c}" \
      --max-other "${MAX_OTHER}" --out "${OUT}/table.md" >"${OUT}/run-c${c}.txt" || rc=$?
    cat "${OUT}/run-c${c}.txt"
    (( rc == 3 )) || break
  done
done

{
  echo "### Counters API, run finished $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  cat "${OUT}/machine.md"
  echo "- ${USERS} people; ${BATCH} items per request; ${WARMUP} s warm-up, ${DURATION} s measured; closed loop."
  echo
  echo "| Run | Concurrency | Items/request | Requests/s | Counter updates/s | p50 ms | p99 ms | max ms | CPU (share of 2 cores) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
  cat "${OUT}/table.md"
} >"${OUT}/results.md"
echo
cat "${OUT}/results.md"
log "output kept in ${OUT#"${ROOT}/"}"
