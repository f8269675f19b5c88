#!/usr/bin/env bash
# Runs the whole test suite: unit, bunit, slapd-backed integration and end-to-end tests.
# Installs what the tests need first (Debian packages, NuGet packages).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/deps.sh test
dotnet restore GatewayPortal.sln --verbosity quiet
dotnet build GatewayPortal.sln -c Release --no-restore --verbosity quiet -nologo
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution GatewayPortal.sln -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: "N passed, N failed".
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
echo "${passed} passed, ${failed} failed"
exit "$status"
