#!/usr/bin/env bash
# Sets up and runs the portal with its embedded defaults on http://127.0.0.1:5000:
# a private slapd seeded with the demo organisation (127.0.0.1:3389), a SQLite file in data/,
# ~170 demo systems in the launcher, and the sample line-of-business app on http://127.0.0.1:5002
# that signs in through the portal. Ctrl+C stops everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

ldap_port="${GP_LDAP_PORT:-3389}"
http_url="${GP_URL:-http://127.0.0.1:5000}"
users="${GP_DEMO_USERS:-2000}"
state="$root/.data"
mkdir -p "$state" "$root/data"

bash scripts/deps.sh run

echo "==> building"
dotnet build src/Portal -c Release --verbosity quiet -nologo
dotnet build tools/OrgGen -c Release --verbosity quiet -nologo
dotnet build samples/LineOfBusiness -c Release --verbosity quiet -nologo

ldif="$state/demo-org-$users.ldif"
if [[ ! -s "$ldif" ]]; then
  echo "==> generating the demo organisation ($users staff)"
  dotnet run --project tools/OrgGen -c Release --no-build -- --users "$users" --seed 20261123 --out "$ldif"
fi

echo "==> starting the directory on ldap://127.0.0.1:$ldap_port"
bash scripts/slapd.sh start "$state/slapd" "$ldap_port" "$ldif"
sample_pid=""
portal_pid=""
cleanup() {
  [[ -n "$portal_pid" ]] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  [[ -n "$sample_pid" ]] && kill "$sample_pid" 2>/dev/null || true
  bash "$root/scripts/slapd.sh" stop "$state/slapd"
}
trap cleanup EXIT
# A plain `kill` (SIGTERM) or closing the terminal also stops slapd and the sample app.
trap 'exit 143' TERM HUP
trap 'exit 130' INT

echo "==> sample app on http://127.0.0.1:5002 (signs in through the portal)"
(cd samples/LineOfBusiness && export ASPNETCORE_ENVIRONMENT=Development Oidc__Authority="$http_url" && \
  exec dotnet bin/Release/net10.0/GatewayPortal.Samples.LineOfBusiness.dll --urls http://127.0.0.1:5002 >"$state/sample.log" 2>&1) &
sample_pid=$!

echo
echo "Demo accounts (password for all: see below):"
dotnet run --project tools/OrgGen -c Release --no-build -- --list-demo-accounts
echo
echo "==> portal on $http_url  (open this address, not localhost: cookies and the issuer are per host; Ctrl+C to stop)"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$root/data/portal.db}"
export Directory__Servers__0="ldap://127.0.0.1:$ldap_port"
# The local slapd has its own CA: sign-ins travel over StartTLS, as they should against a real directory.
if [[ -d "$state/slapd/tls/trusted" ]]; then
  export Directory__UseStartTls="${Directory__UseStartTls:-true}"
  export Directory__TrustedCertificatesDirectory="${Directory__TrustedCertificatesDirectory:-$state/slapd/tls/trusted}"
fi
export Oidc__Issuer="${Oidc__Issuer:-$http_url/}"
cd src/Portal
dotnet bin/Release/net10.0/GatewayPortal.Portal.dll --urls "$http_url" &
portal_pid=$!
wait "$portal_pid"
