#!/usr/bin/env bash
# Sign-in refusal timing (issue #13): is a known login with a wrong password slower than an unknown login?
# One client posts the login form one request at a time, the two kinds interleaved in random order (each known
# attempt names a different person, so the throttle never slows one down), and reports both medians and the
# Mann-Whitney U test's two-sided p. A p well above 0.05 means the two refusals cannot be told apart by timing.
#
#   bench/signin-timing.sh
#
# Environment (all optional):
#   BENCH_PAIRS       "60 500"   measured pairs per run (60 pairs = the issue's 120 tries), one run each
#   BENCH_WARMUP      50         unmeasured pairs before each run
#   BENCH_USERS       2000       people in the directory (the LDIF and slapd data are cached per size)
#   BENCH_LDAP_PORT   3892       port of the bench slapd (127.0.0.1 only)
#   BENCH_PORTAL_PORT 5101       port of the portal (127.0.0.1 only)
#   BENCH_FLOOR       (default)  SignIn:RefusalMinimumDuration, e.g. 00:00:00 to measure the refusal paths unpadded
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly USERS="${BENCH_USERS:-2000}"
readonly SEED=20261123
readonly PAIRS="${BENCH_PAIRS:-60 500}"
readonly WARMUP="${BENCH_WARMUP:-50}"
readonly LDAP_PORT="${BENCH_LDAP_PORT:-3892}"
readonly PORTAL_PORT="${BENCH_PORTAL_PORT:-5101}"
readonly PORTAL_URL="http://127.0.0.1:${PORTAL_PORT}"
readonly LDIF="${ROOT}/.data/bench-org-${USERS}.ldif"
readonly SLAPD_DIR="${ROOT}/.data/bench-slapd-timing-${USERS}"
readonly OUT="${ROOT}/.data/bench-results/timing-$(date -u +%Y%m%dT%H%M%SZ)"
readonly TOOL="${ROOT}/bench/SignInTiming/bin/Release/net10.0/GatewayPortal.Bench.SignInTiming.dll"

log() { echo "signin-timing.sh: $*" >&2; }
die() { log "$*"; exit 2; }

# shellcheck source=bench/common.sh
. "${ROOT}/bench/common.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "${OUT}"
cd "${ROOT}"

log "building (Release)"
build src/Portal
build bench/SignInTiming

# Every failure comes from this one address: lift the per-address limit, which would otherwise answer 429.
export SignIn__Throttling__MaxFailuresPerClient=100000
floor="${BENCH_FLOOR:-default}"
[[ "${floor}" != default ]] && export SignIn__RefusalMinimumDuration="${floor}"
start_slapd
start_portal

machine >"${OUT}/machine.md"
for n in ${PAIRS}; do
  log "run: ${n} pairs after ${WARMUP} warm-up pairs"
  dotnet "${TOOL}" --url "${PORTAL_URL}" --pairs "${n}" --warmup "${WARMUP}" --users "${USERS}" --users-seed "${SEED}" \
    --label "${n} pairs, floor ${floor}" --out "${OUT}/table.md" | tee "${OUT}/run-${n}.txt"
done

{
  echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  cat "${OUT}/machine.md"
  echo "- One client, sequential; known and unknown logins interleaved in random order; ${WARMUP} warm-up pairs per run."
  echo
  echo "| Run | Tries (known + unknown) | Known, wrong password: median ms | Unknown login: median ms | Difference ms | Mann-Whitney p | Non-200 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  cat "${OUT}/table.md"
} >"${OUT}/results.md"
echo
cat "${OUT}/results.md"
log "output kept in ${OUT#"${ROOT}/"}"
