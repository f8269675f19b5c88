#!/usr/bin/env bash
# Sign-in throughput benchmark (issue #2, item 9): login POST -> LDAP search + bind -> gp_session cookie,
# against a 50,000-person directory, with portal, slapd and load generator on this machine.
#
#   bench/signin.sh
#
# Environment (all optional):
#   BENCH_CONCURRENCY "8 32 64"   closed-loop workers per run, one run each
#   BENCH_DURATION    30          measured seconds per run
#   BENCH_WARMUP      5           unmeasured seconds before each window
#   BENCH_PRIME       60          one unmeasured run first (tiered JIT needs ~1 min of load to settle); 0 skips it
#   BENCH_USERS       50000       people in the directory (the LDIF and slapd data are cached per size)
#   BENCH_LDAP_PORT   3891        port of the bench slapd (127.0.0.1 only)
#   BENCH_PORTAL_PORT 5100        port of the portal (127.0.0.1 only)
#
# Caches under .data/ (gitignored): the LDIF, the seeded slapd (seeded once, ~30 s) and each run's output.
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly USERS="${BENCH_USERS:-50000}"
readonly SEED=20261123
readonly CONCURRENCY="${BENCH_CONCURRENCY:-8 32 64}"
readonly DURATION="${BENCH_DURATION:-30}"
readonly WARMUP="${BENCH_WARMUP:-5}"
readonly PRIME="${BENCH_PRIME:-60}"
readonly LDAP_PORT="${BENCH_LDAP_PORT:-3891}"
readonly PORTAL_PORT="${BENCH_PORTAL_PORT:-5100}"
readonly PORTAL_URL="http://127.0.0.1:${PORTAL_PORT}"
readonly LDIF="${ROOT}/.data/bench-org-${USERS}.ldif"
readonly SLAPD_DIR="${ROOT}/.data/bench-slapd-${USERS}"
readonly OUT="${ROOT}/.data/bench-results/$(date -u +%Y%m%dT%H%M%SZ)"
readonly LOADGEN="${ROOT}/bench/SignInLoad/bin/Release/net10.0/GatewayPortal.Bench.SignInLoad.dll"

log() { echo "signin.sh: $*" >&2; }
die() { log "$*"; exit 2; }

# shellcheck source=bench/common.sh
. "${ROOT}/bench/common.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "${OUT}"
cd "${ROOT}"

log "building (Release)"
build src/Portal
build bench/SignInLoad

start_slapd
start_portal

watch="portal=${portal_pid},slapd=${slapd_pid}"
if (( PRIME > 0 )); then
  log "priming run (${PRIME} s, not recorded)"
  dotnet "${LOADGEN}" --url "${PORTAL_URL}" --concurrency 32 --duration "${PRIME}" --warmup 0 --users "${USERS}" \
    --users-seed "${SEED}" --label prime --watch "${watch}" >"${OUT}/prime.txt"
fi

machine >"${OUT}/machine.md"
for c in ${CONCURRENCY}; do
  log "run: concurrency ${c}, warm-up ${WARMUP} s, window ${DURATION} s"
  # A snapshot of who uses the CPU half-way through the window.
  ( sleep "$((WARMUP + DURATION / 2))"; top -b -n 1 -w 160 | head -15 >"${OUT}/top-c${c}.txt" ) &
  top_pid=$!
  dotnet "${LOADGEN}" --url "${PORTAL_URL}" --concurrency "${c}" --duration "${DURATION}" --warmup "${WARMUP}" \
    --users "${USERS}" --users-seed "${SEED}" --label "c=${c}" --watch "${watch}" --out "${OUT}/table.md" | tee "${OUT}/run-c${c}.txt"
  wait "${top_pid}"
done

{
  echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  cat "${OUT}/machine.md"
  echo "- Each run: ${WARMUP} s warm-up, then ${DURATION} s measured; closed loop (each worker posts again as soon as it has its answer)."
  echo
  echo "| Run | Concurrency | Sign-ins/s | p50 ms | p90 ms | p99 ms | max ms | OK | Errors | CPU (share of 2 cores) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
  cat "${OUT}/table.md"
} >"${OUT}/results.md"
echo
cat "${OUT}/results.md"
log "output kept in ${OUT#"${ROOT}/"}"
