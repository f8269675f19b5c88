#!/usr/bin/env bash
# Sizing on the kit's production topology (issue #17, part 5): deploy/two-nodes.sh (PostgreSQL, two portal nodes,
# nginx with TLS, slapd with the 50,000-person directory) on this machine, loaded through nginx by the existing drivers
# (bench/SignInLoad, bench/OidcLoad): password sign-in storm, complete code flows, refresh grants, launcher pages,
# search pages, wiki saves. Per window: throughput, latency, errors, CPU seconds of each process (node a, node b,
# PostgreSQL with its backends, slapd, nginx with its workers, the load generator, everything else), the largest
# resident memory of each node and the PostgreSQL connections each node holds (open / active, from pg_stat_activity
# joined with the nodes' sockets). At the end: database size, index and attachment storage, each node's search index.
# Prints Markdown for bench/RESULTS.md and keeps everything under .data/sizing-results/<time>/.
#
#   bench/sizing.sh                       about 10 minutes with the defaults (estimate; the very first run adds the
#                                         directory's generation and seed, a few minutes)
#   BENCH_DURATION=5 BENCH_WARMUP=2 BENCH_PRIME=0 bench/sizing.sh      a smoke run of the script itself
#
# Environment (all optional):
#   BENCH_DURATION   30     measured seconds per window
#   BENCH_WARMUP     5      unmeasured seconds before each window
#   BENCH_PRIME      30     unmeasured code flows first (tiered JIT, connection pools); 0 skips it
#   BENCH_RUNS       "signin:8 signin:32 codeflow:8 codeflow:32 refresh:32 launcher:32 search:32 wiki:8"
#                    scenario:workers, in order (scenarios: signin, codeflow, refresh, launcher, search, wiki)
#   BENCH_USERS      50000  people in the directory (GP_DEMO_USERS of the kit; cached per size in the kit's folder)
#   SIZING_DIR       .data/sizing   the kit's GP_DEPLOY_DIR (database, directory, publish and keys are kept between runs)
#   SIZING_LDAP_PORT 3392, SIZING_PG_PORT 55433, SIZING_NODE_A_PORT 5210, SIZING_NODE_B_PORT 5211,
#   SIZING_PROXY_PORT 8543   the kit's ports (apart from the kit's defaults and the tests')
#   GP_SKIP_BUILD=1  reuse the kit's last publish
#
# TLS: the drivers talk https to nginx and accept exactly the kit's self-signed proxy certificate
# (--trust-cert <GP_DEPLOY_DIR>/keys/proxy.pem, pinned by its bytes); nothing else is relaxed.
# The code-flow and refresh scenarios play the seeded sample-lob client. The kit replaces its published demo secret with
# a random one nobody knows, so this script gives sample-lob a random bench secret of its own (kept, mode 600, in
# <GP_DEPLOY_DIR>/sizing-client-secret; stored as OpenIddict's PBKDF2 hash) and restarts the kit once if a node still
# holds the old secret in its cache.
set -euo pipefail

readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly USERS="${BENCH_USERS:-50000}"
readonly SEED=20261123
readonly DURATION="${BENCH_DURATION:-30}"
readonly WARMUP="${BENCH_WARMUP:-5}"
readonly PRIME="${BENCH_PRIME:-30}"
readonly RUNS="${BENCH_RUNS:-signin:8 signin:32 codeflow:8 codeflow:32 refresh:32 launcher:32 search:32 wiki:8}"
readonly STATE="$(mkdir -p "${SIZING_DIR:-${ROOT}/.data/sizing}" && cd "${SIZING_DIR:-${ROOT}/.data/sizing}" && pwd)"
readonly LDAP_PORT="${SIZING_LDAP_PORT:-3392}"
readonly PG_PORT="${SIZING_PG_PORT:-55433}"
readonly PORT_A="${SIZING_NODE_A_PORT:-5210}"
readonly PORT_B="${SIZING_NODE_B_PORT:-5211}"
readonly PROXY_PORT="${SIZING_PROXY_PORT:-8543}"
readonly PROXY_URL="https://127.0.0.1:${PROXY_PORT}"
readonly OUT="${ROOT}/.data/sizing-results/$(date -u +%Y%m%dT%H%M%SZ)"
readonly SIGNIN="${ROOT}/bench/SignInLoad/bin/Release/net10.0/GatewayPortal.Bench.SignInLoad.dll"
readonly OIDC="${ROOT}/bench/OidcLoad/bin/Release/net10.0/GatewayPortal.Bench.OidcLoad.dll"
export PG_PASSWORD="${PG_PASSWORD:-LocalPg!2026}"
export PATH="$PATH:/usr/sbin"

log() { echo "sizing.sh: $*" >&2; }
die() { log "$*"; exit 2; }

# shellcheck source=bench/common.sh
. "${ROOT}/bench/common.sh"

[[ "${DURATION}" =~ ^[0-9]+$ && "${DURATION}" -ge 1 ]] || die "BENCH_DURATION must be a whole number of seconds, got '${DURATION}'"
[[ "${WARMUP}" =~ ^[0-9]+$ ]] || die "BENCH_WARMUP must be a whole number of seconds, got '${WARMUP}'"
[[ "${PRIME}" =~ ^[0-9]+$ ]] || die "BENCH_PRIME must be a whole number of seconds, got '${PRIME}'"
for run in ${RUNS}; do
  [[ "${run}" =~ ^(signin|codeflow|refresh|launcher|search|wiki):[0-9]+$ ]] \
    || die "BENCH_RUNS: '${run}' is not scenario:workers (signin, codeflow, refresh, launcher, search, wiki)"
done
command -v python3 >/dev/null || die "python3 is needed to hash the bench client secret"

kit_pid=""
sampler_pid=""
failed=""
stop_kit() {
  [[ -n "${sampler_pid}" ]] && kill "${sampler_pid}" 2>/dev/null || true
  sampler_pid=""
  if [[ -n "${kit_pid}" ]] && kill -0 "${kit_pid}" 2>/dev/null; then
    log "stopping the kit (SIGTERM)"
    kill -TERM "${kit_pid}" 2>/dev/null || true
    for _ in $(seq 1 240); do kill -0 "${kit_pid}" 2>/dev/null || break; sleep 0.5; done
    kill -0 "${kit_pid}" 2>/dev/null && log "the kit (pid ${kit_pid}) did not stop within 2 minutes; see ${OUT}/kit.log"
  fi
  kit_pid=""
}
trap stop_kit EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkdir -p "${OUT}"
cd "${ROOT}"

log "building the drivers (Release)"
build bench/SignInLoad
build bench/OidcLoad

node_pid() { cat "${STATE}/node-$1.pid" 2>/dev/null || true; }

start_kit() {
  for port in "${LDAP_PORT}" "${PG_PORT}" "${PORT_A}" "${PORT_B}" "${PROXY_PORT}"; do
    port_free "${port}" || die "port ${port} is busy (SIZING_*_PORT; is an earlier kit still running from ${STATE}?)"
  done
  log "starting deploy/two-nodes.sh in ${STATE#"${ROOT}/"} (log: ${OUT#"${ROOT}/"}/kit.log)"
  GP_DEPLOY_DIR="${STATE}" GP_DEMO_USERS="${USERS}" GP_LDAP_PORT="${LDAP_PORT}" GP_PG_PORT="${PG_PORT}" \
    GP_NODE_A_PORT="${PORT_A}" GP_NODE_B_PORT="${PORT_B}" GP_PROXY_PORT="${PROXY_PORT}" \
    bash "${ROOT}/deploy/two-nodes.sh" start >>"${OUT}/kit.log" 2>&1 &
  kit_pid=$!
  # Up: nginx answers over TLS and both nodes are ready (database, directory, search index built).
  local deadline=$((SECONDS + 1800)) node
  until curl -fsS -k -o /dev/null "${PROXY_URL}/health/live" 2>/dev/null \
      && [[ -n "$(node_pid a)" && -n "$(node_pid b)" ]] \
      && curl -fsS "http://127.0.0.1:${PORT_A}/health" 2>/dev/null | grep -q 'Healthy' \
      && curl -fsS "http://127.0.0.1:${PORT_B}/health" 2>/dev/null | grep -q 'Healthy'; do
    kill -0 "${kit_pid}" 2>/dev/null || { tail -30 "${OUT}/kit.log" >&2; die "the kit stopped before it was up"; }
    (( SECONDS < deadline )) || { tail -30 "${OUT}/kit.log" >&2; die "the kit was not up after 30 minutes"; }
    sleep 2
  done
  for node in a b; do kill -0 "$(node_pid "${node}")" 2>/dev/null || die "node ${node} is not running"; done
  log "kit up: nodes a=$(node_pid a) b=$(node_pid b), nginx ${PROXY_URL}"
}

psql_super() { PGPASSWORD="${PG_PASSWORD}" psql -h 127.0.0.1 -p "${PG_PORT}" -U postgres -d portal -v ON_ERROR_STOP=1 -qAt "$@"; }

# OpenIddict's secret format (ASP.NET Core Identity v3): 0x01, PRF (1 = HMAC-SHA256), iterations, salt length, salt,
# PBKDF2 subkey; base64.
hash_secret() {
  python3 - "$1" <<'EOF'
import base64, hashlib, os, struct, sys
salt = os.urandom(16)
key = hashlib.pbkdf2_hmac("sha256", sys.argv[1].encode(), salt, 10000, 32)
print(base64.b64encode(b"\x01" + struct.pack(">III", 1, 10000, len(salt)) + salt + key).decode())
EOF
}

# A token request straight to a node (as nginx forwards it) with a made-up refresh token: a node that accepts the
# secret answers invalid_grant, one that does not, invalid_client.
secret_accepted_by() {
  local answer
  answer="$(curl -sS -H "X-Forwarded-Proto: https" -H "X-Forwarded-For: 127.0.0.1" \
    --data-urlencode "grant_type=refresh_token" --data-urlencode "refresh_token=sizing-probe" \
    --data-urlencode "client_id=sample-lob" --data-urlencode "client_secret=${client_secret}" \
    "http://127.0.0.1:$1/connect/token" 2>&1 || true)"
  echo "probe of port $1: ${answer}" >>"${OUT}/secret-probe.txt"
  [[ "${answer}" == *'"invalid_grant"'* ]]
}

set_client_secret() {
  local file="${STATE}/sizing-client-secret"
  if [[ ! -s "${file}" ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=' >"${file}")
  fi
  client_secret="$(cat "${file}")"
  if secret_accepted_by "${PORT_A}" && secret_accepted_by "${PORT_B}"; then
    return 0
  fi
  log "giving sample-lob the bench client secret"
  [[ "$(psql_super -c "UPDATE \"OpenIddictApplications\" SET \"ClientSecret\" = '$(hash_secret "${client_secret}")' WHERE \"ClientId\" = 'sample-lob' RETURNING 1")" == 1 ]] \
    || die "the database has no sample-lob application (Applications__Seed__Enabled in the kit?)"
  if ! secret_accepted_by "${PORT_A}" || ! secret_accepted_by "${PORT_B}"; then
    log "a node still holds sample-lob's old secret in its cache: restarting the kit once"
    stop_kit
    GP_SKIP_BUILD=1 start_kit
    secret_accepted_by "${PORT_A}" && secret_accepted_by "${PORT_B}" || die "the nodes refuse the bench client secret"
  fi
}

start_kit
set_client_secret
export OIDCLOAD_CLIENT_SECRET="${client_secret}"

pg_pid="$(head -1 "${STATE}/pg/pgdata/postmaster.pid" 2>/dev/null || true)"
slapd_pid="$(cat "${STATE}/slapd/slapd.pid" 2>/dev/null || true)"
nginx_pid="$(cat "${STATE}/nginx/nginx.pid" 2>/dev/null || true)"
watch="node-a=$(node_pid a),node-b=$(node_pid b)"
[[ -n "${pg_pid}" ]] && watch+=",postgres=${pg_pid}+"
[[ -n "${slapd_pid}" ]] && watch+=",slapd=${slapd_pid}"
[[ -n "${nginx_pid}" ]] && watch+=",nginx=${nginx_pid}+"
log "watching ${watch}"

# Every second until killed: each node's resident memory (KiB) and its PostgreSQL connections, open and active
# (pg_stat_activity's client ports joined with the nodes' sockets). One line: rss_a rss_b open_a active_a open_b active_b.
sample_resources() {
  local a b
  a="$(node_pid a)"; b="$(node_pid b)"
  while :; do
    {
      awk '/^VmRSS/ { print $2 }' "/proc/${a}/status" 2>/dev/null || echo 0
      awk '/^VmRSS/ { print $2 }' "/proc/${b}/status" 2>/dev/null || echo 0
      { ss -tnpH state established "( dport = :${PG_PORT} )" 2>/dev/null | sed -n 's/^[^ ]* *[^ ]* *[^ ]*:\([0-9]*\) .*pid=\([0-9]*\),.*/S \1 \2/p'
        psql_super -F ' ' -c "SELECT 'P', client_port, state FROM pg_stat_activity WHERE datname = 'portal' AND client_port IS NOT NULL" 2>/dev/null
      } | awk -v a="${a}" -v b="${b}" '
          $1 == "S" { node[$2] = ($3 == a ? "a" : ($3 == b ? "b" : "")) }
          $1 == "P" && node[$2] != "" { open[node[$2]]++; if ($3 == "active") active[node[$2]]++ }
          END { printf "%d %d %d %d\n", open["a"], active["a"], open["b"], active["b"] }'
    } | paste -sd' '
    sleep 1
  done
}

# name=pid[+] list for the drivers; per window: driver output, resource samples.
run_window() {
  local scenario="$1" workers="$2" label="$3" out="$4" rc=0
  sample_resources >"${OUT}/res-${label}.txt" 2>/dev/null &
  sampler_pid=$!
  case "${scenario}" in
    signin)
      dotnet "${SIGNIN}" --url "${PROXY_URL}" --trust-cert "${STATE}/keys/proxy.pem" --users "${USERS}" --users-seed "${SEED}" \
        --concurrency "${workers}" --duration "${DURATION}" --warmup "${WARMUP}" --label "${label}" --watch "${watch}" \
        --out "${out}" >"${OUT}/run-${label}.txt" 2>&1 || rc=$? ;;
    *)
      local driver_scenario="${scenario}"
      [[ "${scenario}" == codeflow ]] && driver_scenario=signin
      dotnet "${OIDC}" --scenario "${driver_scenario}" --url "${PROXY_URL}" --trust-cert "${STATE}/keys/proxy.pem" --users "${USERS}" \
        --users-seed "${SEED}" --concurrency "${workers}" --duration "${DURATION}" --warmup "${WARMUP}" --label "${label}" \
        --watch "${watch}" --out "${out}" >"${OUT}/run-${label}.txt" 2>&1 || rc=$? ;;
  esac
  kill "${sampler_pid}" 2>/dev/null || true
  wait "${sampler_pid}" 2>/dev/null || true
  sampler_pid=""
  cat "${OUT}/run-${label}.txt" >&2
  (( rc == 0 )) || { log "${label}: the driver exited with ${rc}"; failed+=" ${label}"; }
}

if (( PRIME > 0 )); then
  log "priming: code flows, 16 workers, ${PRIME} s (not recorded)"
  dotnet "${OIDC}" --scenario signin --url "${PROXY_URL}" --trust-cert "${STATE}/keys/proxy.pem" --users "${USERS}" \
    --users-seed "${SEED}" --concurrency 16 --duration "${PRIME}" --warmup 0 --label prime >"${OUT}/prime.txt" 2>&1 \
    || { cat "${OUT}/prime.txt" >&2; log "the priming run completed no code flow; going on (see prime.txt)"; }
fi

machine >"${OUT}/machine.md"
: >"${OUT}/rows.md"
: >"${OUT}/resources.md"
for run in ${RUNS}; do
  scenario="${run%%:*}"; workers="${run##*:}"
  label="${scenario}-c${workers}"
  log "window: ${scenario}, ${workers} workers, warm-up ${WARMUP} s, measured ${DURATION} s"
  run_window "${scenario}" "${workers}" "${label}" "${OUT}/row-${label}.md"
  text="${OUT}/run-${label}.txt"
  row="$(cat "${OUT}/row-${label}.md" 2>/dev/null || true)"
  if [[ -z "${row}" ]]; then
    echo "| ${scenario} | ${workers} | — | — | — | — | — | see run-${label}.txt: $( (grep -m1 -E 'Unhandled|Exception|Load: ' "${text}" || tail -1 "${text}") | tr '|' '/' | cut -c1-160) |" >>"${OUT}/rows.md"
    continue
  fi
  # | label | workers | per s | p50 | p90 | p99 | max | ok | [KiB |] errors | cpu shares |
  echo "${row}" | awk -F' \\| ' -v s="${scenario}" '{
      n = NF; errors = $(n - 1); gsub(/\|/, "", errors)
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", s, $2, $3, $4, $6, $7, $8, errors }' >>"${OUT}/rows.md"
  # CPU seconds per process from the driver's text, per successful operation for the two nodes together.
  cpu() { awk -v n="$1" '$1 == "cpu" && $2 == n { print $3 }' "${text}"; }
  ok="$(echo "${row}" | awk -F' \\| ' '{ print $8 }')"
  nodes_ms="$(awk -v a="$(cpu node-a)" -v b="$(cpu node-b)" -v ok="${ok}" 'BEGIN { if (ok > 0) printf "%.2f", (a + b) * 1000 / ok; else print "—" }')"
  res="$(awk 'NF == 6 { for (i = 1; i <= 6; i++) if ($i > m[i]) m[i] = $i }
              END { printf "%.0f / %.0f | %d (%d) / %d (%d)", m[1] / 1024, m[2] / 1024, m[3], m[4], m[5], m[6] }' "${OUT}/res-${label}.txt")"
  echo "| ${scenario} | ${workers} | $(cpu node-a) | $(cpu node-b) | $(cpu postgres) | $(cpu slapd) | $(cpu nginx) | $(cpu loadgen) | $(cpu other) | ${nodes_ms} | ${res} |" >>"${OUT}/resources.md"
done

# Storage after the run: the database, its indexes, board attachments (stored in the database), wiki history, and each
# node's search index folder (the kit's Search__IndexPath).
storage() {
  psql_super -F ' ' -c "SELECT pg_size_pretty(pg_database_size('portal')),
      pg_size_pretty((SELECT sum(pg_indexes_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE c.relkind = 'r' AND n.nspname = 'public')::bigint),
      pg_size_pretty(coalesce(pg_total_relation_size(to_regclass('board_attachment_contents')), 0)),
      pg_size_pretty(coalesce(pg_total_relation_size(to_regclass('wiki_revisions')), 0)),
      (SELECT count(*) FROM pg_stat_activity WHERE datname = 'portal'),
      current_setting('max_connections'), split_part(version(), ' ', 2)" 2>/dev/null \
    | awk '{ printf "- Database %s %s, of which indexes %s %s; board attachments %s %s; wiki revisions %s %s. Connections to the portal database now: %s (max_connections %s; PostgreSQL %s).\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
  local node
  for node in a b; do
    echo "- Node ${node}: search index $(du -sh "${STATE}/node-${node}/search" 2>/dev/null | cut -f1 || echo '?'), peak resident memory over the whole run $(awk '/^VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$(node_pid "${node}")/status" 2>/dev/null || echo '?')"
  done
}

{
  echo "### Sizing on the kit's topology, run finished $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  cat "${OUT}/machine.md"
  echo "- Topology: deploy/two-nodes.sh on this machine: nginx ($(nginx -v 2>&1 | sed 's/.*nginx\///')) with TLS, two portal nodes (Production, PostgreSQL), PostgreSQL, slapd with ${USERS} people; the load generator on the same machine, https through nginx (the kit's self-signed certificate pinned)."
  echo "- Each window: ${WARMUP} s warm-up, then ${DURATION} s measured, closed loop$( (( PRIME > 0 )) && echo "; ${PRIME} s of code flows first, not recorded")."
  echo "- signin = password sign-in (the login POST: LDAP search and bind, session cookie; each worker fetched the login page once); codeflow = complete OIDC code flow with PKCE (5 requests); refresh = refresh-token grant; launcher = GET / signed in; search = GET /search?q= (names, departments, titles) signed in; wiki = editor GET + save POST of a 5 KB page."
  echo
  echo "| Scenario | Workers | Per second | p50 ms | p99 ms | max ms | OK | Errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  cat "${OUT}/rows.md"
  echo
  echo "CPU seconds in each measured window (PostgreSQL and nginx with their child processes; other = everything else on the machine), largest resident memory of each node in the window, and PostgreSQL connections per node (largest open count, with the largest active count in brackets; sampled every second):"
  echo
  echo "| Scenario | Workers | node a s | node b s | postgres s | slapd s | nginx s | loadgen s | other s | nodes' CPU ms per op | RSS a / b MiB | PG conns a / b |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  cat "${OUT}/resources.md"
  echo
  storage
  echo "- The whole script took $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s from its start to the last window ($( [[ "${GP_SKIP_BUILD:-}" == 1 ]] && echo "GP_SKIP_BUILD=1: no publish" || echo "publish included"); the kit's stop comes after)."
} >"${OUT}/results.md"
echo
cat "${OUT}/results.md"
log "output kept in ${OUT#"${ROOT}/"}"
if [[ -n "${failed}" ]]; then
  log "windows without a successful operation or with a failed driver:${failed} (see their run-*.txt)"
  exit 1
fi
