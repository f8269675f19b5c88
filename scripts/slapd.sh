#!/usr/bin/env bash
# Private OpenLDAP instances for GatewayPortal (local runs and test fixtures).
#
#   scripts/slapd.sh start  <datadir> <port> [<seed.ldif>]   start (configure on first use, seed if empty)
#   scripts/slapd.sh stop   <datadir>                        SIGTERM via pidfile and wait
#   scripts/slapd.sh status <datadir>                        exit 0 when running, 3 when not
#   scripts/slapd.sh clone  <srcdir> <dstdir> <port>         replica: slapcat source, slapadd, start
#
# Listens only on ldap://127.0.0.1:<port>/ (StartTLS offered) and, when SLAPD_LDAPS_PORT is set, on
# ldaps://127.0.0.1:<SLAPD_LDAPS_PORT>/. Never touches the system slapd service.
# Each instance gets its own CA and server certificate in <datadir>/tls: clients trust
# <datadir>/tls/ca.pem, or the hashed folder <datadir>/tls/trusted (libldap's TLS_CACERTDIR).
# Environment: SLAPD_ROOT_PASSWORD (default LocalAdmin!2026), SLAPD_START_TIMEOUT (seconds, default 10),
#              SLAPD_LDAPS_PORT (optional LDAPS listener).
set -euo pipefail

readonly SUFFIX="dc=cityhall,dc=example"
readonly ROOTDN="cn=admin,${SUFFIX}"
readonly SERVICEDN="cn=portal-service,ou=services,${SUFFIX}"
readonly ROOTPW="${SLAPD_ROOT_PASSWORD:-LocalAdmin!2026}"
readonly START_TIMEOUT="${SLAPD_START_TIMEOUT:-10}"
readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly TEMPLATE="${SCRIPT_DIR}/../deploy/slapd/slapd.conf.template"
readonly SBIN="/usr/sbin"
export PATH="${PATH}:${SBIN}"

die() { echo "slapd.sh: $*" >&2; exit 2; }
log() { echo "slapd.sh: $*" >&2; }

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

ensure_installed() {
  if [[ -x "${SBIN}/slapd" && -x "${SBIN}/slapcat" ]] && command -v ldapsearch >/dev/null 2>&1 \
     && command -v openssl >/dev/null 2>&1; then
    return 0
  fi
  log "installing slapd and ldap-utils"
  local sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "slapd is missing and apt-get needs root (no sudo)"
    sudo="sudo"
  fi
  # One apt-get at a time (the dpkg lock fails concurrent runs); skip the packaged system database.
  (
    flock 9
    if [[ ! -x "${SBIN}/slapd" ]] || ! command -v ldapsearch >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
      echo "slapd slapd/no_configuration boolean true" | ${sudo} debconf-set-selections
      ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slapd ldap-utils openssl >/dev/null
    fi
  ) 9>"/tmp/gatewayportal-apt.lock"
}

check_port() {
  [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || die "invalid port '$1'"
}

# Prints the pid of the instance's running slapd, or nothing.
running_pid() {
  local datadir="$1" pid
  [[ -f "${datadir}/slapd.pid" ]] || return 0
  pid="$(tr -d '[:space:]' <"${datadir}/slapd.pid")"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 0
  # Guard against a recycled pid that is no longer slapd.
  if kill -0 "${pid}" 2>/dev/null && [[ "$(cat "/proc/${pid}/comm" 2>/dev/null)" == "slapd" ]]; then
    echo "${pid}"
  fi
}

url_of() { echo "ldap://127.0.0.1:$1/"; }

# A private CA and a server certificate for 127.0.0.1/localhost, made once per instance.
make_certificates() {
  local tls="$1/tls"
  [[ -f "${tls}/server.pem" ]] && return 0
  mkdir -p "${tls}/trusted"
  (
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/O=GatewayPortal/CN=GatewayPortal local directory CA" \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
      -keyout "${tls}/ca.key" -out "${tls}/ca.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/O=GatewayPortal/CN=127.0.0.1" \
      -keyout "${tls}/server.key" -out "${tls}/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"${tls}/server.ext"
    openssl x509 -req -in "${tls}/server.csr" -CA "${tls}/ca.pem" -CAkey "${tls}/ca.key" -CAcreateserial \
      -days 3650 -extfile "${tls}/server.ext" -out "${tls}/server.pem" 2>/dev/null
  ) || die "could not create TLS certificates in ${tls}"
  rm -f "${tls}/server.csr" "${tls}/server.ext" "${tls}/ca.srl"
  chmod 644 "${tls}/ca.pem" "${tls}/server.pem"
  cp "${tls}/ca.pem" "${tls}/trusted/gatewayportal-ca.pem"
  openssl rehash "${tls}/trusted" >/dev/null 2>&1 || die "openssl rehash ${tls}/trusted failed"
}

listen_urls() {
  local urls
  urls="$(url_of "$1")"
  if [[ -n "${SLAPD_LDAPS_PORT:-}" ]]; then
    check_port "${SLAPD_LDAPS_PORT}"
    urls="${urls} ldaps://127.0.0.1:${SLAPD_LDAPS_PORT}/"
  fi
  echo "${urls}"
}

# Renders the template to <datadir>/slapd.conf once; the first start converts it to cn=config.
render_config() {
  local datadir="$1"
  [[ -f "${datadir}/slapd.conf" ]] && return 0
  [[ -f "${TEMPLATE}" ]] || die "template not found: ${TEMPLATE}"
  mkdir -p "${datadir}/db" "${datadir}/slapd.d"
  make_certificates "${datadir}"
  local hash
  hash="$(slappasswd -h '{SSHA}' -s "${ROOTPW}")"
  sed -e "s|@DATADIR@|${datadir}|g" -e "s|@SUFFIX@|${SUFFIX}|g" -e "s|@ROOTDN@|${ROOTDN}|g" \
      -e "s|@SERVICEDN@|${SERVICEDN}|g" -e "s|@ROOTPW@|${hash}|g" \
      "${TEMPLATE}" >"${datadir}/slapd.conf.tmp"
  chmod 600 "${datadir}/slapd.conf.tmp"
  mv "${datadir}/slapd.conf.tmp" "${datadir}/slapd.conf"
}

is_converted() { [[ -f "$1/slapd.d/cn=config.ldif" ]]; }

wait_ready() {
  local url="$1" deadline=$((SECONDS + START_TIMEOUT))
  until ldapsearch -x -LLL -o nettimeout=1 -H "${url}" -b "" -s base namingContexts >/dev/null 2>&1; do
    (( SECONDS < deadline )) || return 1
    sleep 0.1
  done
}

database_empty() {
  local url="$1" rc=0
  ldapsearch -x -LLL -H "${url}" -D "${ROOTDN}" -w "${ROOTPW}" -b "${SUFFIX}" -s base dn >/dev/null 2>&1 || rc=$?
  case "${rc}" in
    0) return 1 ;;
    32) return 0 ;;
    *) die "cannot inspect ${url} (ldapsearch exit ${rc})" ;;
  esac
}

cmd_start() {
  [[ $# -ge 2 && $# -le 3 ]] || usage
  local datadir port seed="${3:-}"
  mkdir -p "$1"
  datadir="$(cd "$1" && pwd)"
  port="$2"
  check_port "${port}"
  [[ -z "${seed}" || -f "${seed}" ]] || die "seed LDIF not found: ${seed}"
  ensure_installed

  local url pid
  url="$(url_of "${port}")"
  pid="$(running_pid "${datadir}")"
  if [[ -n "${pid}" ]]; then
    if [[ "$(cat "${datadir}/port" 2>/dev/null)" != "${port}" ]]; then
      die "already running on port $(cat "${datadir}/port" 2>/dev/null) (pid ${pid}); stop it first"
    fi
    log "already running (pid ${pid}) at ${url}"
  else
    rm -f "${datadir}/slapd.pid"
    render_config "${datadir}"
    echo "${port}" >"${datadir}/port"
    local config=(-F "${datadir}/slapd.d")
    if ! is_converted "${datadir}"; then
      rm -rf "${datadir}/slapd.d" && mkdir -p "${datadir}/slapd.d"
      config=(-f "${datadir}/slapd.conf" -F "${datadir}/slapd.d")
    fi
    slapd -h "$(listen_urls "${port}")" "${config[@]}" \
      || die "slapd failed to start (is port ${port} free? see syslog)"
    if ! wait_ready "${url}"; then
      cmd_stop "${datadir}" || true
      die "slapd did not answer at ${url} within ${START_TIMEOUT}s"
    fi
    log "started (pid $(running_pid "${datadir}")) at ${url}"
  fi

  if [[ -n "${seed}" ]] && database_empty "${url}"; then
    log "seeding from ${seed}"
    # ldapadd, not slapadd: the memberof overlay must see every add.
    ldapadd -x -H "${url}" -D "${ROOTDN}" -w "${ROOTPW}" -f "${seed}" >/dev/null \
      || die "seeding from ${seed} failed"
    log "seeded"
  fi
  echo "${url}"
}

cmd_stop() {
  [[ $# -eq 1 ]] || usage
  local datadir="$1" pid deadline
  pid="$(running_pid "${datadir}")"
  if [[ -z "${pid}" ]]; then
    rm -f "${datadir}/slapd.pid"
    return 0
  fi
  kill -TERM "${pid}" 2>/dev/null || true
  deadline=$((SECONDS + 10))
  while kill -0 "${pid}" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      log "pid ${pid} ignored SIGTERM; killing"
      kill -KILL "${pid}" 2>/dev/null || true
      break
    fi
    sleep 0.05
  done
  rm -f "${datadir}/slapd.pid"
  log "stopped (pid ${pid})"
}

cmd_status() {
  [[ $# -eq 1 ]] || usage
  local pid
  pid="$(running_pid "$1")"
  if [[ -n "${pid}" ]]; then
    echo "running pid=${pid} url=$(url_of "$(cat "$1/port")")"
    return 0
  fi
  echo "stopped"
  return 3
}

cmd_clone() {
  [[ $# -eq 3 ]] || usage
  local src dst port="$3"
  is_converted "$1" || die "no instance in $1"
  src="$(cd "$1" && pwd)"
  check_port "${port}"
  mkdir -p "$2"
  dst="$(cd "$2" && pwd)"
  [[ "${src}" != "${dst}" ]] || die "source and destination are the same"
  ensure_installed
  if [[ -z "$(running_pid "${dst}")" && ! -f "${dst}/db/data.mdb" ]]; then
    render_config "${dst}"
    # slapcat/slapadd keep entryUUID, memberOf and timestamps byte for byte (an exact replica).
    slapcat -F "${src}/slapd.d" -b "${SUFFIX}" -l "${dst}/clone.ldif"
    slapadd -q -f "${dst}/slapd.conf" -b "${SUFFIX}" -l "${dst}/clone.ldif"
    rm -f "${dst}/clone.ldif"
  fi
  cmd_start "${dst}" "${port}"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1"
  shift
  case "${command}" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    clone) cmd_clone "$@" ;;
    -h|--help|help) usage ;;
    *) die "unknown command '${command}' (start|stop|status|clone)" ;;
  esac
}

main "$@"
