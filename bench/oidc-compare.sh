#!/usr/bin/env bash
# The portal against a peer on the same machine (issue #18): node oidc-provider configured like the portal (bench/peer),
# both signing people in against the same slapd (50,000 people, StartTLS), measured back to back by the same driver
# (bench/OidcLoad; --target portal, then --target peer):
#   signin   complete code-flow sign-ins with PKCE, a fresh cookie jar per flow, at 8 and 32 workers;
#   refresh  refresh grants on rotating refresh tokens, at 8 and 32 workers;
#   launcher the portal's home page with one session per worker, 8 workers (portal only: the peer has no launcher).
# Prints one table: for each row the portal's and the peer's rate and p99, the ratio, and CPU milliseconds per
# operation of the server (portal or node), slapd and the load generator.
#
#   bench/oidc-compare.sh            check both, then measure
#   bench/oidc-compare.sh --check    only the checks: one sign-in, a redemption without the PKCE verifier, a wrong
#                                    password, a refresh (rotation, id_token claims) and, on the peer, a reuse; exit 1
#                                    when either side does not behave
#
# Environment (all optional):
#   BENCH_DB          sqlite      the portal's database: sqlite (a fresh file) or postgres (a private cluster from
#                                 scripts/postgres.sh on BENCH_PG_PORT, default 5439, a fresh database)
#   BENCH_DURATION    20          measured seconds per run
#   BENCH_WARMUP      5           unmeasured seconds before each window
#   BENCH_PRIME       60          unmeasured load on each server first (JIT, pools): half sign-ins, the rest refresh
#                                 grants (and launcher pages on the portal); 0 skips it
#   BENCH_MAX_OTHER   5           a window where other processes used more than this % of the CPU is run again
#   BENCH_RETRIES     3           how many times a disturbed window is run again
#   BENCH_SIGNIN_CONCURRENCY "8 32", BENCH_REFRESH_CONCURRENCY "8 32", BENCH_LAUNCHER_CONCURRENCY "8" ("" skips it)
#   BENCH_USERS       50000       people in the directory (LDIF and slapd data cached per size under .data/)
#   BENCH_LDAP_PORT 3891, BENCH_PORTAL_PORT 5100, BENCH_PEER_PORT 5120   (127.0.0.1 only)
#   BENCH_PEER_REREAD 0           1: the peer re-reads the person from the directory for every token, as the portal does
#   BENCH_PEER_ACCESS_TOKEN opaque  jwt: the peer's access tokens are RS256 JWTs, as the portal's (oidc-provider's
#                                 default is an opaque handle in its store)
#
# Output: .data/bench-results/oidc-compare-<time>/ (results.md, each run's full text, the peer's and portal's logs).
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly USERS="${BENCH_USERS:-50000}"
readonly SEED=20261123
readonly DURATION="${BENCH_DURATION:-20}"
readonly WARMUP="${BENCH_WARMUP:-5}"
readonly PRIME="${BENCH_PRIME:-60}"
readonly MAX_OTHER="${BENCH_MAX_OTHER:-5}"
readonly RETRIES="${BENCH_RETRIES:-3}"
readonly SIGNIN_C="${BENCH_SIGNIN_CONCURRENCY-8 32}"
readonly REFRESH_C="${BENCH_REFRESH_CONCURRENCY-8 32}"
readonly LAUNCHER_C="${BENCH_LAUNCHER_CONCURRENCY-8}"
readonly LDAP_PORT="${BENCH_LDAP_PORT:-3891}"
readonly PORTAL_PORT="${BENCH_PORTAL_PORT:-5100}"
readonly PEER_PORT="${BENCH_PEER_PORT:-5120}"
readonly PORTAL_URL="http://127.0.0.1:${PORTAL_PORT}"
readonly PEER_URL="http://127.0.0.1:${PEER_PORT}"
readonly DB="${BENCH_DB:-sqlite}"
readonly LDIF="${ROOT}/.data/bench-org-${USERS}.ldif"
readonly SLAPD_DIR="${ROOT}/.data/bench-slapd-${USERS}"
readonly OUT="${ROOT}/.data/bench-results/oidc-compare-$(date -u +%Y%m%dT%H%M%SZ)"
readonly LOADGEN="${ROOT}/bench/OidcLoad/bin/Release/net10.0/GatewayPortal.Bench.OidcLoad.dll"
readonly PEER_DIR="${ROOT}/bench/peer"

CHECK_ONLY=0
case "${1:-}" in
  "") ;;
  --check) CHECK_ONLY=1 ;;
  *) echo "usage: bench/oidc-compare.sh [--check]" >&2; exit 2 ;;
esac
[[ "${DB}" == sqlite || "${DB}" == postgres ]] || { echo "oidc-compare.sh: BENCH_DB must be sqlite or postgres, got '${DB}'" >&2; exit 2; }

log() { echo "oidc-compare.sh: $*" >&2; }
die() { log "$*"; exit 2; }

# shellcheck source=bench/common.sh
. "${ROOT}/bench/common.sh"
peer_pid=""
trap 'stop_process "${peer_pid}"; bench_cleanup' EXIT
trap 'exit 130' INT TERM

command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed for the peer (bench/peer)"

# The peer's packages, exactly as locked; installed again only when the lock changed.
install_peer() {
  if [[ ! -f "${PEER_DIR}/node_modules/.package-lock.json" || "${PEER_DIR}/package-lock.json" -nt "${PEER_DIR}/node_modules/.package-lock.json" ]]; then
    log "installing the peer's packages (npm ci in bench/peer)"
    (cd "${PEER_DIR}" && npm ci --no-audit --no-fund --loglevel=error) >"${OUT}/npm.log" 2>&1 || { cat "${OUT}/npm.log" >&2; die "npm ci failed"; }
  fi
}

start_peer() {
  port_free "${PEER_PORT}" || die "port ${PEER_PORT} is busy (BENCH_PEER_PORT)"
  log "starting the peer at ${PEER_URL} (node $(node --version), oidc-provider $(node -p "require('${PEER_DIR}/node_modules/oidc-provider/package.json').version"))"
  (
    cd "${PEER_DIR}"
    exec env PEER_PORT="${PEER_PORT}" PEER_LDAP_URL="ldap://127.0.0.1:${LDAP_PORT}" PEER_LDAP_CA="${SLAPD_DIR}/tls/ca.pem" \
      PEER_REREAD_DIRECTORY="${BENCH_PEER_REREAD:-0}" PEER_ACCESS_TOKEN="${BENCH_PEER_ACCESS_TOKEN:-opaque}" \
      NODE_ENV=production node server.js
  ) >"${OUT}/peer.log" 2>&1 &
  peer_pid=$!
  for _ in $(seq 1 60); do
    curl -sf "${PEER_URL}/health" >/dev/null 2>&1 && return 0
    kill -0 "${peer_pid}" 2>/dev/null || { cat "${OUT}/peer.log" >&2; die "the peer exited"; }
    sleep 0.5
  done
  die "the peer did not answer at ${PEER_URL}/health"
}

# loadgen <target> <server pid> args...
loadgen() {
  local target="$1" pid="$2" url name
  shift 2
  if [[ "${target}" == peer ]]; then url="${PEER_URL}"; name=node; else url="${PORTAL_URL}"; name=portal; fi
  dotnet "${LOADGEN}" --target "${target}" --url "${url}" --users "${USERS}" --users-seed "${SEED}" \
    --watch "${name}=${pid},slapd=${slapd_pid}${pg_pid:+,postgres=${pg_pid}+}" "$@"
}

check() {
  local target="$1" pid="$2" rc=0
  loadgen "${target}" "${pid}" --scenario check >"${OUT}/check-${target}.txt" 2>&1 || rc=$?
  cat "${OUT}/check-${target}.txt"
  (( rc == 0 )) || log "the ${target} failed its check (${OUT#"${ROOT}/"}/check-${target}.txt)"
  return "${rc}"
}

prime() {
  local target="$1" pid="$2" scenarios="signin refresh" s seconds
  [[ "${target}" == portal && -n "${LAUNCHER_C}" ]] && scenarios+=" launcher"
  (( PRIME > 0 )) || return 0
  for s in ${scenarios}; do
    if [[ "${s}" == signin ]]; then seconds=$(( PRIME / 2 )); elif [[ "${target}" == portal && -n "${LAUNCHER_C}" ]]; then seconds=$(( PRIME / 4 )); else seconds=$(( PRIME / 2 )); fi
    (( seconds > 0 )) || continue
    log "priming the ${target}: ${s} for ${seconds} s (not recorded)"
    loadgen "${target}" "${pid}" --scenario "${s}" --concurrency 32 --duration "${seconds}" --warmup 0 --label prime >"${OUT}/prime-${target}-${s}.txt" 2>&1 \
      || log "priming ${target} ${s} failed: $(tail -3 "${OUT}/prime-${target}-${s}.txt")"
  done
}

# measure <target> <server pid> <scenario> <workers>: the run's text in run-<target>-<scenario>-c<workers>.txt.
measure() {
  local target="$1" pid="$2" s="$3" c="$4" attempt rc file="${OUT}/run-$1-$3-c$4.txt"
  for attempt in $(seq 0 "${RETRIES}"); do
    wait_quiet "${pid}"
    log "run: ${target} ${s}, ${c} workers, warm-up ${WARMUP} s, window ${DURATION} s$( (( attempt > 0 )) && echo " (attempt $((attempt + 1)))")"
    rc=0
    loadgen "${target}" "${pid}" --scenario "${s}" --concurrency "${c}" --duration "${DURATION}" --warmup "${WARMUP}" \
      --label "${target} ${s} c=${c}" --max-other "${MAX_OTHER}" >"${file}" 2>&1 || rc=$?
    (( rc == 3 )) || break
    echo "- ${target} ${s} c=${c}: a window was disturbed by other processes ($(grep -o 'other *[0-9.]* s = [0-9]*%' "${file}" | head -1 | tr -s ' ') of the CPU) at $(date -u '+%H:%M UTC')$( (( attempt < RETRIES )) && echo '; run again')." >>"${OUT}/notes.md"
    log "${target} ${s} c=${c}: disturbed by other processes"
  done
  (( rc == 0 || rc == 3 )) || { log "${target} ${s} c=${c}: the load generator failed (exit ${rc})"; tail -5 "${file}" >&2; }
}

# Figures of one run's text: rate, p99, CPU ms per operation of one process, share of the machine others used.
rate_of() { sed -n 's|^  [a-z -]*/s \([0-9.]*\) .*|\1|p' "$1" 2>/dev/null | head -1; }
p99_of() { sed -n 's|^  latency ms .* p99 \([0-9.]*\) .*|\1|p' "$1" 2>/dev/null | head -1; }
cpu_of() { sed -n 's|^  cpu ms per ok attempt: ||p' "$1" 2>/dev/null | head -1 | tr ',' '\n' | awk -v n="$2" '$1 == n { printf "%.2f", $2 }'; }
other_of() { sed -n 's|^  cpu    other .* = \(-*[0-9]*\)% .*|\1|p' "$1" 2>/dev/null | head -1; }
errors_of() { grep -c '^  error ' "$1" 2>/dev/null || true; }
or_dash() { [[ -n "$1" ]] && echo "$1" || echo "–"; }

mkdir -p "${OUT}"
: >"${OUT}/notes.md"
cd "${ROOT}"

log "building (Release)"
build src/Portal
build bench/OidcLoad
install_peer
start_slapd
machine >"${OUT}/machine.md"

# The portal first, then the peer, each alone on the machine with slapd.
failed=0
start_portal
check portal "${portal_pid}" || failed=1
if (( CHECK_ONLY == 0 && failed == 0 )); then
  prime portal "${portal_pid}"
  for c in ${SIGNIN_C}; do measure portal "${portal_pid}" signin "${c}"; done
  for c in ${REFRESH_C}; do measure portal "${portal_pid}" refresh "${c}"; done
  for c in ${LAUNCHER_C}; do measure portal "${portal_pid}" launcher "${c}"; done
fi
stop_process "${portal_pid}"
portal_pid=""

start_peer
check peer "${peer_pid}" || failed=1
if (( CHECK_ONLY == 1 || failed == 1 )); then
  (( failed == 0 )) && log "both checks passed" || log "a check failed: no figures"
  exit "${failed}"
fi
prime peer "${peer_pid}"
for c in ${SIGNIN_C}; do measure peer "${peer_pid}" signin "${c}"; done
for c in ${REFRESH_C}; do measure peer "${peer_pid}" refresh "${c}"; done
stop_process "${peer_pid}"
peer_pid=""

row() {
  local s="$1" c="$2" unit="$3" a="${OUT}/run-portal-$1-c$2.txt" b="${OUT}/run-peer-$1-c$2.txt" pr qr ratio
  pr="$(rate_of "${a}")"; qr="$(rate_of "${b}")"
  ratio="$(awk -v p="${pr:-0}" -v q="${qr:-0}" 'BEGIN { if (p > 0 && q > 0) printf "%.2f", p / q; else printf "–" }')"
  echo "| ${unit}, ${c} workers | $(or_dash "${pr}") | $(or_dash "$(p99_of "${a}")") | $(or_dash "${qr}") | $(or_dash "$(p99_of "${b}")") | **${ratio}** | $(or_dash "$(cpu_of "${a}" portal)") / $(or_dash "$(cpu_of "${b}" node)") | $(or_dash "$(cpu_of "${a}" slapd)") / $(or_dash "$(cpu_of "${b}" slapd)") |$( [[ -n "${pg_pid}" ]] && echo " $(or_dash "$(cpu_of "${a}" postgres)") |") $(or_dash "$(cpu_of "${a}" loadgen)") / $(or_dash "$(cpu_of "${b}" loadgen)") | $(or_dash "$(other_of "${a}")") / $(or_dash "$(other_of "${b}")") | $(errors_of "${a}") / $(errors_of "${b}") |"
}

{
  echo "### Portal ($([[ "${DB}" == postgres ]] && echo PostgreSQL || echo SQLite)) against oidc-provider, run finished $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  cat "${OUT}/machine.md"
  echo "- Peer: node $(node --version), oidc-provider $(node -p "require('${PEER_DIR}/node_modules/oidc-provider/package.json').version"), ldapts $(node -p "require('${PEER_DIR}/node_modules/ldapts/package.json').version") (bench/peer; directory re-read per token: $([[ "${BENCH_PEER_REREAD:-0}" == 1 ]] && echo on || echo off); access tokens: ${BENCH_PEER_ACCESS_TOKEN:-opaque})."
  echo "- Portal: Development defaults, $([[ "${DB}" == postgres ]] && echo "PostgreSQL (private cluster, fsync off)" || echo "SQLite (fresh file)"), StartTLS to slapd; both servers alone on the machine with slapd (${USERS} people), one after the other, the same driver (bench/OidcLoad)."
  echo "- Each run: ${WARMUP} s warm-up, then ${DURATION} s measured; closed loop; priming ${PRIME} s per server. Windows with other processes above ${MAX_OTHER}% of the CPU are run again (up to ${RETRIES} times)."
  cat "${OUT}/notes.md"
  echo
  echo "| Run | portal /s | portal p99 ms | peer /s | peer p99 ms | ratio | CPU ms/op portal / node | slapd ms/op portal / peer |$( [[ -n "${pg_pid}" ]] && echo " postgres ms/op |") loadgen ms/op portal / peer | other % portal / peer | error kinds portal / peer |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|$( [[ -n "${pg_pid}" ]] && echo "---:|")---:|---:|---:|"
  for c in ${SIGNIN_C}; do row signin "${c}" "code-flow sign-ins"; done
  for c in ${REFRESH_C}; do row refresh "${c}" "refresh grants"; done
  if [[ -n "${LAUNCHER_C}" ]]; then
    echo
    echo "Launcher (portal only):"
    echo
    echo "| Run | pages/s | p99 ms | CPU ms/page portal | slapd ms/page |$( [[ -n "${pg_pid}" ]] && echo " postgres ms/page |") loadgen ms/page | other % | error kinds |"
    echo "|---|---:|---:|---:|---:|$( [[ -n "${pg_pid}" ]] && echo "---:|")---:|---:|---:|"
    for c in ${LAUNCHER_C}; do
      f="${OUT}/run-portal-launcher-c${c}.txt"
      echo "| launcher, ${c} workers | $(or_dash "$(rate_of "${f}")") | $(or_dash "$(p99_of "${f}")") | $(or_dash "$(cpu_of "${f}" portal)") | $(or_dash "$(cpu_of "${f}" slapd)") |$( [[ -n "${pg_pid}" ]] && echo " $(or_dash "$(cpu_of "${f}" postgres)") |") $(or_dash "$(cpu_of "${f}" loadgen)") | $(or_dash "$(other_of "${f}")") | $(errors_of "${f}") |"
    done
  fi
} >"${OUT}/results.md"
echo
cat "${OUT}/results.md"
log "output kept in ${OUT#"${ROOT}/"}"
