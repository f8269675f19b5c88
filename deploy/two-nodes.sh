#!/usr/bin/env bash
# Production's shape on ONE machine, on loopback: the demo directory (scripts/slapd.sh), one private PostgreSQL
# (scripts/postgres.sh), two portal nodes sharing that database (each with its own search index folder) and nginx
# terminating TLS in front of them with the config from deploy/nginx (self-signed certificate).
#
#   deploy/two-nodes.sh [start]              publish, start everything, print the URLs; Ctrl+C or SIGTERM stops it all
#   deploy/two-nodes.sh restart <a|b>        (another terminal, kit running) restart one node; the other keeps serving
#   deploy/two-nodes.sh backup <file.dump>   pg_dump (custom format) of the portal database
#   deploy/two-nodes.sh restore <file.dump>  with the nodes stopped: recreate the database from a dump, rebuild both indexes
#   deploy/two-nodes.sh rebuild-index <a|b>  with the node stopped: rebuild its index (`index rebuild`); running: /admin/search
#   deploy/two-nodes.sh portal [--node b] <command …>
#                                            the operator command line with node a's (or b's) settings, e.g.
#                                            portal config check | portal sessions end kim.minsu | portal catalog export /tmp/a.json
#                                            (it runs in the published folder: give files absolute paths)
#   deploy/two-nodes.sh sessions-end <login> / catalog-export <file>   shortcuts for the two above
#
# Environment: GP_DEPLOY_DIR (default .data/deploy), GP_LDAP_PORT (3390), GP_PG_PORT (55432), GP_NODE_A_PORT (5010),
# GP_NODE_B_PORT (5011), GP_PROXY_PORT (8443), GP_DEMO_USERS (2000), GP_SKIP_BUILD=1 (reuse the last publish).
set -euo pipefail
export PATH="$PATH:/usr/sbin"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

state="${GP_DEPLOY_DIR:-$root/.data/deploy}"
ldap_port="${GP_LDAP_PORT:-3390}"
pg_port="${GP_PG_PORT:-55432}"
port_a="${GP_NODE_A_PORT:-5010}"
port_b="${GP_NODE_B_PORT:-5011}"
proxy_port="${GP_PROXY_PORT:-8443}"
users="${GP_DEMO_USERS:-2000}"
app="$state/app"
# Demo secrets for loopback only. In production they come from a secret store into /etc/gatewayportal/<node>.env.
pg_super_password="${PG_PASSWORD:-LocalPg!2026}"
db_password="PortalDb!2026"
service_password="ServiceBind!2026"
pfx_password="KeyRing!2026"

log() { echo "==> $*"; }
die() { echo "two-nodes.sh: $*" >&2; exit 2; }

psql_super() { PGPASSWORD="$pg_super_password" psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

start_postgres() {
  bash scripts/postgres.sh start "$state/pg" "$pg_port" >/dev/null
  # The portal's own login owns its database; the superuser is only for this script.
  if [[ -z "$(psql_super -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'portal'")" ]]; then
    psql_super -d postgres -c "CREATE ROLE portal LOGIN PASSWORD '$db_password'"
  fi
  if [[ -z "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'portal'")" ]]; then
    psql_super -d postgres -c "CREATE DATABASE portal OWNER portal"
  fi
}

nodes_running() {
  local node
  for node in a b; do
    if [[ -f "$state/node-$node.pid" ]] && kill -0 "$(cat "$state/node-$node.pid")" 2>/dev/null; then
      return 0
    fi
  done
  return 1
}

# Runs "$@" with the cluster up, starting (and afterwards stopping) it when it was down.
with_postgres() {
  local was_running=0
  bash scripts/postgres.sh status "$state/pg" >/dev/null 2>&1 && was_running=1
  start_postgres
  local rc=0
  "$@" || rc=$?
  (( was_running )) || bash scripts/postgres.sh stop "$state/pg"
  return "$rc"
}

do_backup() {
  PGPASSWORD="$db_password" pg_dump -h 127.0.0.1 -p "$pg_port" -U portal -d portal --format=custom --file="$1"
  log "backup written to $1 ($(du -h "$1" | cut -f1))"
}

do_restore() {
  psql_super -d postgres -c "DROP DATABASE IF EXISTS portal WITH (FORCE)"
  psql_super -d postgres -c "CREATE DATABASE portal OWNER portal"
  PGPASSWORD="$db_password" pg_restore -h 127.0.0.1 -p "$pg_port" -U portal -d portal --no-owner --exit-on-error "$1"
  log "database restored from $1"
}

make_keys() {
  mkdir -p "$state/keys" && chmod 700 "$state/keys"
  # The Data Protection key ring is encrypted at rest with this certificate; every node needs the same one.
  if [[ ! -f "$state/keys/dataprotection.pfx" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=GatewayPortal key ring (demo)" \
      -keyout "$state/keys/dataprotection.key" -out "$state/keys/dataprotection.pem" 2>/dev/null
    openssl pkcs12 -export -inkey "$state/keys/dataprotection.key" -in "$state/keys/dataprotection.pem" \
      -out "$state/keys/dataprotection.pfx" -passout "pass:$pfx_password"
    rm -f "$state/keys/dataprotection.key"
  fi
  # The proxy's TLS certificate (self-signed for 127.0.0.1; use the organisation's in production).
  if [[ ! -f "$state/keys/proxy.pem" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$state/keys/proxy.key" -out "$state/keys/proxy.pem" 2>/dev/null
  fi
  # Secrets as files (0600), read through the nodes' …__FILE settings: none of them is written into an env file.
  mkdir -p "$state/keys/secrets" && chmod 700 "$state/keys/secrets"
  (
    umask 077
    printf '%s\n' "Host=127.0.0.1;Port=$pg_port;Database=portal;Username=portal;Password=$db_password" >"$state/keys/secrets/db-connection"
    printf '%s\n' "$service_password" >"$state/keys/secrets/directory-bind-password"
    printf '%s\n' "$pfx_password" >"$state/keys/secrets/dataprotection-pfx-password"
  )
  chmod 600 "$state/keys/secrets/"*
}

# Writes a node's settings in the EnvironmentFile format systemd reads (deploy/env/node-a.env.example).
# The demo catalogue is seeded here too (Production seeds nothing by default), and its confidential clients' secrets,
# which are published in the repository, are replaced with random ones at start: a Production node refuses to start
# with a demo secret. Issue a secret for sample-lob or batch-reporting in the administration to use them.
write_env() {
  local node="$1" port="$2" file="$state/node-$1.env"
  cat >"$file" <<EOF
ASPNETCORE_ENVIRONMENT="Production"
ASPNETCORE_URLS="http://127.0.0.1:$port"
Cluster__NodeName="node-$node"
Database__Provider="PostgreSql"
Database__ConnectionString__FILE="$state/keys/secrets/db-connection"
Database__MigrateAtStart="false"
Directory__Servers__0="ldap://127.0.0.1:$ldap_port"
Directory__UseStartTls="true"
Directory__TrustedCertificatesDirectory="$state/slapd/tls/trusted"
Directory__ServiceBindPassword__FILE="$state/keys/secrets/directory-bind-password"
Oidc__Issuer="https://127.0.0.1:$proxy_port/"
ForwardedHeaders__KnownProxies__0="127.0.0.1"
DataProtection__KeyEncryptionCertificate="$state/keys/dataprotection.pfx"
DataProtection__KeyEncryptionCertificatePassword__FILE="$state/keys/secrets/dataprotection-pfx-password"
Search__IndexPath="$state/node-$node/search"
Applications__Seed__Enabled="true"
Applications__Seed__ReplaceDemoSecrets="true"
Logging__Format="json"
EOF
  chmod 600 "$file"
}

write_proxy_config() {
  mkdir -p "$state/nginx"
  sed -e "s|10.0.0.11:5010|127.0.0.1:$port_a|; s|10.0.0.12:5010|127.0.0.1:$port_b|" \
      -e "s|listen 443 ssl|listen 127.0.0.1:$proxy_port ssl|; s|listen \[::\]:443 ssl.*||" \
      -e "s|/etc/ssl/gatewayportal/portal.pem|$state/keys/proxy.pem|; s|/etc/ssl/gatewayportal/portal.key|$state/keys/proxy.key|" \
      -e "s|server_name portal.cityhall.example;|server_name 127.0.0.1 localhost;|" \
      deploy/nginx/gatewayportal.conf >"$state/nginx/site.conf"
  # The redirect-to-https server listens on port 80 in production; not needed on loopback.
  sed -i '/# BEGIN plain-http redirect/,/# END plain-http redirect/d' "$state/nginx/site.conf"
  cat >"$state/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $state/nginx/nginx.pid;
error_log $state/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $state/nginx/access.log;
  client_body_temp_path $state/nginx/tmp-body;
  proxy_temp_path $state/nginx/tmp-proxy;
  fastcgi_temp_path $state/nginx/tmp-fastcgi;
  uwsgi_temp_path $state/nginx/tmp-uwsgi;
  scgi_temp_path $state/nginx/tmp-scgi;
  include $state/nginx/site.conf;
}
EOF
}

ensure_nginx() {
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] && return 0
  log "installing nginx-light"
  local sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  (
    flock 9
    ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  ) 9>"/tmp/gatewayportal-apt.lock"
}

wait_live() {
  local url="$1" pid="$2" deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "$url/health/live" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    (( SECONDS < deadline )) || return 1
    sleep 0.5
  done
}

# Runs the published portal with a node's settings file, as systemd's EnvironmentFile does (a clean environment plus the file).
with_node_env() {
  local node="$1"
  shift
  [[ -f "$state/node-$node.env" ]] || die "no settings for node $node yet ($state/node-$node.env): run two-nodes.sh start once"
  (
    set -a
    # shellcheck disable=SC1090
    source "$state/node-$node.env"
    set +a
    cd "$app"
    exec "$@"
  )
}

# Starts a node in the background (its own session, so a restart outlives the shell that asked for it) and records its pid.
launch_node() {
  local node="$1" port="$2"
  mkdir -p "$state/node-$node"
  setsid bash -c 'node="$1"; shift; exec "$@" >>"$0/node-$node.log" 2>&1' "$state" "$node" \
    "${BASH_SOURCE[0]}" __run-node "$node" </dev/null &
  echo $! >"$state/node-$node.pid"
  wait_live "http://127.0.0.1:$port" "$!" || { tail -30 "$state/node-$node.log" >&2; die "node $node did not start (log: $state/node-$node.log)"; }
  log "node $node on http://127.0.0.1:$port (log: $state/node-$node.log)"
}

start_node() {
  local node="$1" port="$2"
  write_env "$node" "$port"
  : >"$state/node-$node.log"
  launch_node "$node" "$port"
}

# Sends SIGTERM (the node finishes its requests and closes its index) and waits up to 30 s for it to exit.
stop_node() {
  local node="$1" pid
  [[ -f "$state/node-$node.pid" ]] || return 0
  pid="$(cat "$state/node-$node.pid")"
  if kill -TERM "$pid" 2>/dev/null; then
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "two-nodes.sh: node $node did not stop in 30 s; killing it" >&2; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$state/node-$node.pid"
}

cmd_restart() {
  local node="$1" port
  [[ "$node" == a ]] && port="$port_a" || port="$port_b"
  [[ -f "$state/nginx/nginx.pid" ]] && nodes_running || die "the kit is not running (start it with two-nodes.sh start)"
  # While the marker exists the kit's main loop does not take the node's exit for the end of the kit.
  touch "$state/node-$node.restarting"
  log "stopping node $node (SIGTERM); nginx sends new requests to the other node meanwhile"
  stop_node "$node"
  launch_node "$node" "$port"
  rm -f "$state/node-$node.restarting"
}

# The operator command line with a node's settings. PostgreSQL and the directory are started for the command when the
# kit is down (and stopped again afterwards).
cmd_portal() {
  local node=a
  if [[ "${1:-}" == "--node" ]]; then
    [[ "${2:-}" =~ ^[ab]$ ]] || die "usage: two-nodes.sh portal [--node a|b] <command …>"
    node="$2"
    shift 2
  fi
  [[ $# -gt 0 ]] || die "usage: two-nodes.sh portal [--node a|b] <command …> (portal help lists the commands)"
  [[ -f "$app/GatewayPortal.Portal.dll" ]] || die "nothing published yet in $app: run two-nodes.sh start once"
  with_services with_node_env "$node" dotnet GatewayPortal.Portal.dll "$@"
}

# Runs "$@" with PostgreSQL and the directory up, starting (and afterwards stopping) what was down.
with_services() {
  local slapd_was_running=0
  bash scripts/slapd.sh status "$state/slapd" >/dev/null 2>&1 && slapd_was_running=1
  if (( ! slapd_was_running )); then
    local ldif
    ldif="$(ls -t "$state"/demo-org-*.ldif 2>/dev/null | head -1)"
    [[ -n "$ldif" ]] || die "no demo directory yet in $state: run two-nodes.sh start once"
    bash scripts/slapd.sh start "$state/slapd" "$ldap_port" "$ldif" >/dev/null
  fi
  local rc=0
  with_postgres "$@" || rc=$?
  (( slapd_was_running )) || bash scripts/slapd.sh stop "$state/slapd" >/dev/null || true
  return "$rc"
}

# index rebuild of a stopped node; when it cannot (e.g. the restored schema is older than the binary) the index is
# dropped instead, and the node rebuilds it at its next start.
rebuild_index() {
  local node="$1"
  if with_node_env "$node" dotnet GatewayPortal.Portal.dll index rebuild; then
    log "node $node's index rebuilt"
  else
    rm -rf "$state/node-$node/search"
    log "node $node's index could not be rebuilt now; dropped it: the node rebuilds it at its next start"
  fi
}

cleanup() {
  local node
  for node in b a; do
    stop_node "$node"
    rm -f "$state/node-$node.restarting"
  done
  if [[ -f "$state/nginx/nginx.pid" ]]; then
    nginx -c "$state/nginx/nginx.conf" -s quit 2>/dev/null || true
  fi
  bash scripts/postgres.sh stop "$state/pg" || true
  bash scripts/slapd.sh stop "$state/slapd" || true
  log "stopped"
}

cmd_start() {
  nodes_running && die "the nodes are already running (pid files in $state)"
  mkdir -p "$state"
  bash scripts/deps.sh run
  ensure_nginx
  if [[ "${GP_SKIP_BUILD:-}" != "1" || ! -f "$app/GatewayPortal.Portal.dll" ]]; then
    log "publishing the portal to $app"
    dotnet publish src/Portal -c Release -o "$app" --verbosity quiet -nologo
    dotnet build tools/OrgGen -c Release --verbosity quiet -nologo
  fi

  local ldif="$state/demo-org-$users.ldif"
  if [[ ! -s "$ldif" ]]; then
    log "generating the demo organisation ($users staff)"
    dotnet run --project tools/OrgGen -c Release --no-build -- --users "$users" --seed 20261123 --out "$ldif"
  fi

  trap cleanup EXIT
  trap 'exit 143' TERM HUP
  trap 'exit 130' INT
  log "directory on ldap://127.0.0.1:$ldap_port (StartTLS)"
  bash scripts/slapd.sh start "$state/slapd" "$ldap_port" "$ldif" >/dev/null
  log "PostgreSQL on 127.0.0.1:$pg_port (database portal, owner portal)"
  start_postgres
  make_keys
  # The schema first (`migrate` with node a's settings, as an operator runs it); nodes never migrate at start.
  write_env a "$port_a"
  log "migrating the database schema"
  # shellcheck disable=SC1090
  (set -a; source "$state/node-a.env"; set +a; cd "$app" && dotnet GatewayPortal.Portal.dll migrate) || die "migrate failed"
  # One node first: it seeds the catalogue; the second joins a ready database.
  start_node a "$port_a"
  start_node b "$port_b"
  write_proxy_config
  nginx -t -q -c "$state/nginx/nginx.conf"
  nginx -c "$state/nginx/nginx.conf"
  log "nginx (TLS) on https://127.0.0.1:$proxy_port -> nodes a and b"
  echo
  echo "Open https://127.0.0.1:$proxy_port (self-signed certificate). Nodes: http://127.0.0.1:$port_a and http://127.0.0.1:$port_b"
  echo "Demo accounts: see docs/getting-started.md (e.g. kim.minsu / Demo!2026). Ctrl+C stops everything."
  echo "Restart one node from another terminal: deploy/two-nodes.sh restart a"
  # The nodes run in sessions of their own (restart starts them again from another shell): watch their pid files.
  while nodes_running || compgen -G "$state/node-*.restarting" >/dev/null; do
    sleep 1 &
    wait $! || true
  done
  echo "two-nodes.sh: both nodes have stopped" >&2
}

main() {
  local command="${1:-start}"
  [[ $# -gt 0 ]] && shift
  case "$command" in
    start) cmd_start ;;
    restart)
      [[ $# -eq 1 && "$1" =~ ^[ab]$ ]] || die "usage: two-nodes.sh restart <a|b>"
      cmd_restart "$1" ;;
    portal) cmd_portal "$@" ;;
    sessions-end)
      [[ $# -eq 1 ]] || die "usage: two-nodes.sh sessions-end <login>"
      cmd_portal sessions end "$1" ;;
    catalog-export)
      [[ $# -eq 1 ]] || die "usage: two-nodes.sh catalog-export <file>"
      cmd_portal catalog export "$(realpath -m "$1")" ;;
    __run-node)
      # Internal (launch_node): becomes the node's process itself, so its pid file names the portal, not a shell.
      set -a
      # shellcheck disable=SC1090
      source "$state/node-$1.env"
      set +a
      cd "$app"
      exec dotnet GatewayPortal.Portal.dll ;;
    backup)
      [[ $# -eq 1 ]] || die "usage: two-nodes.sh backup <file.dump>"
      with_postgres do_backup "$1" ;;
    restore)
      [[ $# -eq 1 && -f "$1" ]] || die "usage: two-nodes.sh restore <existing file.dump>"
      nodes_running && die "stop the nodes first (Ctrl+C in the terminal running two-nodes.sh)"
      with_postgres do_restore "$1"
      # The indexes describe the database as it was: rebuild both from the restored one.
      with_services rebuild_index a
      with_services rebuild_index b ;;
    rebuild-index)
      [[ $# -eq 1 && "$1" =~ ^[ab]$ ]] || die "usage: two-nodes.sh rebuild-index <a|b>"
      [[ -f "$state/node-$1.pid" ]] && kill -0 "$(cat "$state/node-$1.pid")" 2>/dev/null \
        && die "node $1 is running: use its /admin/search page (Rebuild), or stop the kit first"
      with_services rebuild_index "$1" ;;
    -h|--help|help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$command' (start|restart|backup|restore|rebuild-index|portal|sessions-end|catalog-export)" ;;
  esac
}

main "$@"
