#!/usr/bin/env bash
# Runs the whole test suite: unit, bunit, slapd-backed integration and end-to-end tests.
# Installs what the tests need first (Debian packages, NuGet packages).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/deps.sh test
dotnet restore GatewayPortal.sln --verbosity quiet
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Formatting, using order and code style (.editorconfig), before anything is built. `dotnet format GatewayPortal.sln`
# fixes what this reports; the build enforces the same style and analyzer rules (EnforceCodeStyleInBuild).
if ! dotnet format GatewayPortal.sln --verify-no-changes --no-restore --verbosity quiet >"$log" 2>&1; then
  echo "dotnet format: the formatting or code style of these files is off (fix: dotnet format GatewayPortal.sln):"
  sed -E "s|^${root}/||; s| \[[^]]*\]$||" "$log" | sort -u
  exit 1
fi

dotnet build GatewayPortal.sln -c Release --no-restore --verbosity quiet -nologo
status=0
# A test process in which no test has finished for 10 minutes is hung (the slowest test takes well under 1):
# it is dumped to TestResults/ and ended, and the tests it was running are printed below.
rm -f TestResults/*_hang.log
dotnet test --solution GatewayPortal.sln -c Release --no-build \
  --hangdump --hangdump-timeout 10m --hangdump-type Mini "$@" 2>&1 | tee "$log" || status=$?

for hang in TestResults/*_hang.log; do
  [ -e "$hang" ] || continue
  echo "Hung tests (${hang}):"
  cat "$hang"
done

# CI keeps only the tail of the output: repeat each failed test with its message and the start of its stack.
if grep -qE '^\s*failed [^:]' "$log"; then
  echo "Failed tests:"
  awk '/^[[:space:]]*failed [^:]/ { n = 30 } /Standard output|^Exit code:|failed with [0-9]+ error/ { n = 0 } n > 0 { print; n-- }' "$log" | head -n 400
fi

# One plain closing line for CI: "N passed, N failed".
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
echo "${passed} passed, ${failed} failed"
exit "$status"
