#!/usr/bin/env bash
# Runs the whole test suite: unit, bunit, slapd-backed integration and end-to-end tests.
# Installs what the tests need first (Debian packages, NuGet packages).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/deps.sh test
dotnet restore GatewayPortal.sln --verbosity quiet
dotnet build GatewayPortal.sln -c Release --no-restore --verbosity quiet -nologo
dotnet test --solution GatewayPortal.sln -c Release --no-build "$@"
