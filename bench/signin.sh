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

portal_pid=""
work=""
cleanup() {
  if [[ -n "${portal_pid}" ]] && kill -0 "${portal_pid}" 2>/dev/null; then
    kill -TERM "${portal_pid}" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "${portal_pid}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${portal_pid}" 2>/dev/null || true
  fi
  "${ROOT}/scripts/slapd.sh" stop "${SLAPD_DIR}" 2>/dev/null || true
  [[ -n "${work}" ]] && rm -rf "${work}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# dotnet build can trip over an obj/ lock held by a concurrent build in the same tree: retry.
build() {
  local attempt
  for attempt in 1 2 3; do
    dotnet build "$1" -c Release -nologo -v q >"${OUT}/build.log" 2>&1 && return 0
    log "building $1 failed (attempt ${attempt}); retrying"
    sleep 5
  done
  cat "${OUT}/build.log" >&2
  die "cannot build $1"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

machine() {
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "${PRETTY_NAME}"), kernel $(uname -r)"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Commit: $(git -C "${ROOT}" rev-parse --short HEAD)$(git -C "${ROOT}" diff --quiet HEAD -- src tools 2>/dev/null || echo ' (src/tools have uncommitted changes)')"
  echo "- .NET SDK $(dotnet --version), slapd $(/usr/sbin/slapd -VV 2>&1 | grep -o 'slapd [0-9.]*' | head -1 | cut -d' ' -f2)"
  echo "- Load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
}

mkdir -p "${OUT}"
cd "${ROOT}"

log "building (Release)"
build src/Portal
build bench/SignInLoad

if [[ ! -s "${LDIF}" ]]; then
  log "generating ${USERS} people"
  dotnet run --project tools/OrgGen -c Release -- --users "${USERS}" --seed "${SEED}" --out "${LDIF}.tmp"
  mv "${LDIF}.tmp" "${LDIF}"
fi

# A seed interrupted half-way leaves a partial directory: only a finished seed writes the marker.
if [[ ! -f "${SLAPD_DIR}/.seeded" ]]; then
  "${ROOT}/scripts/slapd.sh" stop "${SLAPD_DIR}" 2>/dev/null || true
  rm -rf "${SLAPD_DIR}"
fi
"${ROOT}/scripts/slapd.sh" status "${SLAPD_DIR}" >/dev/null 2>&1 || port_free "${LDAP_PORT}" || die "port ${LDAP_PORT} is busy (BENCH_LDAP_PORT)"
log "starting slapd (seeding once if empty)"
"${ROOT}/scripts/slapd.sh" start "${SLAPD_DIR}" "${LDAP_PORT}" "${LDIF}" >/dev/null
touch "${SLAPD_DIR}/.seeded"
slapd_pid="$(cat "${SLAPD_DIR}/slapd.pid")"

port_free "${PORTAL_PORT}" || die "port ${PORTAL_PORT} is busy (BENCH_PORTAL_PORT)"
work="$(mktemp -d)"
log "starting the portal at ${PORTAL_URL}"
(
  cd src/Portal
  exec env ASPNETCORE_ENVIRONMENT=Development \
    Database__ConnectionString="Data Source=${work}/bench.db" \
    Directory__Servers__0="ldap://127.0.0.1:${LDAP_PORT}" \
    Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/GatewayPortal.Portal.dll --urls "${PORTAL_URL}"
) >"${OUT}/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
  curl -sf "${PORTAL_URL}/health" >/dev/null 2>&1 && break
  kill -0 "${portal_pid}" 2>/dev/null || { cat "${OUT}/portal.log" >&2; die "the portal exited"; }
  sleep 0.5
done
curl -sf "${PORTAL_URL}/health" >/dev/null || die "the portal is not healthy: $(curl -s "${PORTAL_URL}/health")"

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
