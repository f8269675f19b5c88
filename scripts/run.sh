#!/usr/bin/env bash
# Sets up and runs the portal with its embedded defaults on http://127.0.0.1:5000:
# a private slapd seeded with the demo organisation (127.0.0.1:3389) and a SQLite file in data/.
# Ctrl+C stops the portal and the directory.
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

ldif="$state/demo-org-$users.ldif"
if [[ ! -s "$ldif" ]]; then
  echo "==> generating the demo organisation ($users staff)"
  dotnet run --project tools/OrgGen -c Release --no-build -- --users "$users" --seed 20261123 --out "$ldif"
fi

echo "==> starting the directory on ldap://127.0.0.1:$ldap_port"
bash scripts/slapd.sh start "$state/slapd" "$ldap_port" "$ldif"
trap 'bash "$root/scripts/slapd.sh" stop "$state/slapd"' EXIT

echo
echo "Demo accounts (password for all: see below):"
dotnet run --project tools/OrgGen -c Release --no-build -- --list-demo-accounts
echo
echo "==> portal on $http_url  (Ctrl+C to stop)"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$root/data/portal.db}"
export Directory__Servers__0="ldap://127.0.0.1:$ldap_port"
cd src/Portal
dotnet bin/Release/net10.0/GatewayPortal.Portal.dll --urls "$http_url"
