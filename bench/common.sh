# Shared by bench/signin.sh, bench/oidc.sh and bench/oidc-compare.sh (sourced, not run). The caller sets ROOT, USERS,
# SEED, LDAP_PORT, PORTAL_PORT, PORTAL_URL, LDIF, SLAPD_DIR, OUT and defines log() and die() before sourcing.
# Provides: build, port_free, machine, start_slapd (sets slapd_pid), start_postgres (sets pg_pid), start_portal
# (sets portal_pid), stop_process, bench_cleanup (for the EXIT trap), wait_quiet.
#
# The portal runs as scripts/run.sh runs it: Development, StartTLS to slapd trusting its CA (BENCH_LDAP_STARTTLS=0 for
# plain LDAP), and the database BENCH_DB selects: sqlite (default, a fresh file) or postgres (a private cluster from
# scripts/postgres.sh under .data/bench-postgres on BENCH_PG_PORT, default 5439, a fresh database per run).

portal_pid=""
slapd_pid=""
pg_pid=""
pg_database=""
work=""

# SIGTERM, up to 10 s, then SIGKILL: only the process given (started by this script).
stop_process() {
  [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

bench_cleanup() {
  stop_process "${portal_pid}"
  "${ROOT}/scripts/slapd.sh" stop "${SLAPD_DIR}" 2>/dev/null || true
  if [[ -n "${pg_pid}" ]]; then
    # The run's database goes with the run (the cluster stays for the next one).
    [[ -n "${pg_database}" ]] && PGPASSWORD="${PG_PASSWORD:-LocalPg!2026}" psql -h 127.0.0.1 -p "${BENCH_PG_PORT:-5439}" -U postgres \
      -d postgres -qAtc "DROP DATABASE IF EXISTS ${pg_database} WITH (FORCE)" >/dev/null 2>&1 || true
    "${ROOT}/scripts/postgres.sh" stop "${ROOT}/.data/bench-postgres" 2>/dev/null || true
  fi
  [[ -n "${work}" ]] && rm -rf "${work}"
}

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

# The OrgGen LDIF and a private slapd seeded from it once (cached per directory size).
start_slapd() {
  if [[ ! -s "${LDIF}" ]]; then
    log "generating ${USERS} people"
    dotnet run --project "${ROOT}/tools/OrgGen" -c Release -- --users "${USERS}" --seed "${SEED}" --out "${LDIF}.tmp"
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
}

# A private PostgreSQL cluster (scripts/postgres.sh, fsync off) for BENCH_DB=postgres; sets pg_pid (the postmaster,
# to watch with its backends as postgres=<pid>+).
start_postgres() {
  local port="${BENCH_PG_PORT:-5439}" dir="${ROOT}/.data/bench-postgres"
  "${ROOT}/scripts/postgres.sh" status "${dir}" >/dev/null 2>&1 || port_free "${port}" || die "port ${port} is busy (BENCH_PG_PORT)"
  log "starting PostgreSQL on 127.0.0.1:${port} (${dir#"${ROOT}/"})"
  pg_connection="$("${ROOT}/scripts/postgres.sh" start "${dir}" "${port}" | tail -1)"
  pg_pid="$(head -1 "${dir}/pgdata/postmaster.pid")"
}

# The portal in Release, Development environment (plain http: session cookie without Secure, OIDC without the
# transport security check), log level Warning, StartTLS to slapd as scripts/run.sh does, and a fresh database:
# SQLite in a temporary folder, or (BENCH_DB=postgres) a new database in the private cluster.
start_portal() {
  port_free "${PORTAL_PORT}" || die "port ${PORTAL_PORT} is busy (BENCH_PORTAL_PORT)"
  work="$(mktemp -d)"
  local -a database=(Database__ConnectionString="Data Source=${work}/bench.db")
  case "${BENCH_DB:-sqlite}" in
    sqlite) ;;
    postgres)
      [[ -n "${pg_pid}" ]] || start_postgres
      pg_database="bench_$(date -u +%Y%m%d%H%M%S)_$$"
      database=(Database__Provider=PostgreSql Database__ConnectionString="${pg_connection};Database=${pg_database}")
      ;;
    *) die "BENCH_DB must be sqlite or postgres, got '${BENCH_DB}'" ;;
  esac
  local -a tls=()
  if [[ "${BENCH_LDAP_STARTTLS:-1}" == 1 ]]; then
    [[ -d "${SLAPD_DIR}/tls/trusted" ]] || die "no ${SLAPD_DIR}/tls/trusted for StartTLS (BENCH_LDAP_STARTTLS=0 for plain LDAP)"
    tls=(Directory__UseStartTls=true Directory__TrustedCertificatesDirectory="${SLAPD_DIR}/tls/trusted")
  fi
  log "starting the portal at ${PORTAL_URL} (${BENCH_DB:-sqlite}$( [[ ${#tls[@]} -gt 0 ]] && echo ", StartTLS to slapd"))"
  (
    cd "${ROOT}/src/Portal"
    exec env ASPNETCORE_ENVIRONMENT=Development \
      "${database[@]}" \
      Directory__Servers__0="ldap://127.0.0.1:${LDAP_PORT}" \
      "${tls[@]}" \
      SignIn__Cookie__RequireHttps=false \
      Oidc__AllowInsecureHttp=true \
      Logging__LogLevel__Default=Warning \
      Logging__LogLevel__GatewayPortal.Search.Indexing.SearchIndex=Information \
      dotnet bin/Release/net10.0/GatewayPortal.Portal.dll --urls "${PORTAL_URL}"
  ) >"${OUT}/portal.log" 2>&1 &
  portal_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "${PORTAL_URL}/health" >/dev/null 2>&1 && break
    kill -0 "${portal_pid}" 2>/dev/null || { cat "${OUT}/portal.log" >&2; die "the portal exited"; }
    sleep 0.5
  done
  curl -sf "${PORTAL_URL}/health" >/dev/null || die "the portal is not healthy: $(curl -s "${PORTAL_URL}/health")"
  wait_search_index
}

# A fresh portal indexes the whole directory (50,000 people) in the background for a minute or two: measuring during
# that measures the indexer. Waits (up to BENCH_INDEX_WAIT seconds, default 300) for "Search index rebuilt" in the log.
wait_search_index() {
  local waited=0 max_wait="${BENCH_INDEX_WAIT:-300}" last="" seen="" quiet=0
  while :; do
    # The last line about a rebuild; the wait ends once it is a finished one and nothing new came for 10 s (a rebuild
    # of one source can come first, then the whole index), or when no rebuild started in the first 10 s.
    last="$(grep -E "rebuilding|rebuilt" "${OUT}/portal.log" 2>/dev/null | tail -1)"
    if [[ -z "${last}" ]]; then
      (( waited >= 10 )) && return 0
    elif [[ "${last}" == "${seen}" && "${last}" == *"rebuilt"* ]]; then
      quiet=$(( quiet + 2 ))
      if (( quiet >= 10 )); then
        log "search index built (waited ${waited} s)"
        return 0
      fi
    else
      seen="${last}"
      quiet=0
    fi
    if (( waited >= max_wait )); then
      log "the search index is still being built after ${waited} s; going on"
      return 0
    fi
    sleep 2
    waited=$(( waited + 2 ))
  done
}

# CPU ticks (user + system) of a process so far, 0 when it is gone.
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Busy ticks of the whole machine (as MachineCpu reads them).
machine_ticks() { awk 'NR == 1 { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# Waits (up to BENCH_QUIET_WAIT seconds, default 300) until the CPU used by everything except the portal and slapd,
# over 3 s with no load running, is below BENCH_MAX_OTHER percent of the machine. Logs what it saw. An argument names
# another server process to leave out instead of the portal (the peer of bench/oidc-compare.sh).
wait_quiet() {
  local limit="${BENCH_MAX_OTHER:-5}" waited=0 max_wait="${BENCH_QUIET_WAIT:-300}" server="${1:-${portal_pid}}"
  local cores hz=100 m0 m1 p0 p1 s0 s1 other
  cores="$(nproc)"
  while :; do
    m0="$(machine_ticks)"; p0="$(proc_ticks "${server}")"; s0="$(proc_ticks "${slapd_pid}")"
    sleep 3
    m1="$(machine_ticks)"; p1="$(proc_ticks "${server}")"; s1="$(proc_ticks "${slapd_pid}")"
    other=$(( ( (m1 - m0) - (p1 - p0) - (s1 - s0) ) * 100 / (3 * hz * cores) ))
    if (( other < limit )); then
      (( waited > 0 )) && log "machine quiet again after ${waited} s (other ${other}%)"
      return 0
    fi
    if (( waited >= max_wait )); then
      log "other processes still use ${other}% of the CPU after ${waited} s; going on (the run's 'other' column shows it)"
      return 0
    fi
    log "other processes use ${other}% of the CPU (limit ${limit}%): waiting"
    top -b -n 1 -w 160 | sed -n '7,12p' >&2
    sleep 10
    waited=$(( waited + 13 ))
  done
}
