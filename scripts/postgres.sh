#!/usr/bin/env bash
# Private PostgreSQL clusters for GatewayPortal (production-mode tests and local trials).
#
#   scripts/postgres.sh start  <datadir> <port>   create the cluster on first use (initdb), start it, print a connection string
#   scripts/postgres.sh stop   <datadir>          fast shutdown and wait
#   scripts/postgres.sh status <datadir>          exit 0 when running, 3 when not
#
# Listens only on 127.0.0.1:<port> (and a Unix socket inside <datadir>). Never touches the system cluster.
# The superuser is "postgres" with password $PG_PASSWORD (default LocalPg!2026, SCRAM over TCP).
# Durability is traded for speed (fsync off): for tests and trials, never for data you keep.
# Run as root, the cluster runs as the "postgres" user (initdb refuses root); otherwise as the caller.
set -euo pipefail

readonly PASSWORD="${PG_PASSWORD:-LocalPg!2026}"

die() { echo "postgres.sh: $*" >&2; exit 2; }
log() { echo "postgres.sh: $*" >&2; }

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -n "${dir}" && -x "${dir}/initdb" ]] || return 1
  echo "${dir}"
}

ensure_installed() {
  bindir >/dev/null && return 0
  log "installing postgresql"
  local sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "postgresql is missing and apt-get needs root (no sudo)"
    sudo="sudo"
  fi
  (
    flock 9
    if ! bindir >/dev/null; then
      ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
  ) 9>"/tmp/gatewayportal-apt.lock"
  bindir >/dev/null || die "postgresql installed but initdb not found"
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

check_port() {
  [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || die "invalid port '$1'"
}

is_running() { [[ -f "$1/pgdata/postmaster.pid" ]] && as_owner "$(bindir)/pg_ctl" -D "$1/pgdata" status >/dev/null 2>&1; }

cmd_start() {
  [[ $# -eq 2 ]] || usage
  mkdir -p "$1"
  local datadir port bin
  datadir="$(cd "$1" && pwd)"
  port="$2"
  check_port "${port}"
  ensure_installed
  bin="$(bindir)"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "${datadir}"
    chmod 700 "${datadir}"
  fi

  if [[ ! -f "${datadir}/pgdata/PG_VERSION" ]]; then
    log "initdb in ${datadir}/pgdata"
    local pwfile="${datadir}/.pw"
    (umask 077; printf '%s\n' "${PASSWORD}" >"${pwfile}")
    [[ "$(id -u)" -eq 0 ]] && chown postgres:postgres "${pwfile}"
    as_owner "${bin}/initdb" -D "${datadir}/pgdata" -U postgres --pwfile="${pwfile}" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"${datadir}/initdb.log" 2>&1 \
      || { rm -f "${pwfile}"; cat "${datadir}/initdb.log" >&2; die "initdb failed"; }
    rm -f "${pwfile}"
  fi

  if is_running "${datadir}"; then
    log "already running in ${datadir}"
  else
    as_owner "${bin}/pg_ctl" -D "${datadir}/pgdata" -l "${datadir}/postgres.log" -w -t 30 start -o \
      "-p ${port} -k ${datadir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null || { tail -20 "${datadir}/postgres.log" >&2; die "PostgreSQL did not start on port ${port}"; }
    echo "${port}" >"${datadir}/port"
    log "started on 127.0.0.1:${port}"
  fi

  echo "Host=127.0.0.1;Port=$(cat "${datadir}/port");Username=postgres;Password=${PASSWORD}"
}

cmd_stop() {
  [[ $# -eq 1 ]] || usage
  [[ -d "$1/pgdata" ]] || return 0
  local bin
  bin="$(bindir)" || return 0
  if is_running "$1"; then
    as_owner "${bin}/pg_ctl" -D "$1/pgdata" -m fast -w -t 30 stop >/dev/null
    log "stopped"
  fi
}

cmd_status() {
  [[ $# -eq 1 ]] || usage
  if is_running "$1"; then
    echo "running port=$(cat "$1/port")"
    return 0
  fi
  echo "stopped"
  return 3
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1"
  shift
  case "${command}" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    -h|--help|help) usage ;;
    *) die "unknown command '${command}' (start|stop|status)" ;;
  esac
}

main "$@"
