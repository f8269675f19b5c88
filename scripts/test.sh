#!/usr/bin/env bash
# Runs the whole test suite: unit, bunit, slapd-backed integration and end-to-end tests.
# Installs what the tests need first (Debian packages, NuGet packages).
#   scripts/test.sh          everything (CI)
#   scripts/test.sh --fast   the fast loop: builds and runs only the unit-test projects (<TestCategory>Unit</TestCategory>:
#                            nothing outside the process, so no slapd, PostgreSQL or Chromium is installed or started)
# Further arguments go to dotnet test and on to every test app, e.g. --filter-class '*Wiki*' (xunit.v3 filters; the
# projects' Category trait works with --filter-trait 'Category=Unit' too).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target=GatewayPortal.sln
if [[ "${1:-}" == "--fast" ]]; then
  shift
  # A solution filter of the unit-test projects, made from their <TestCategory> so a new one is never left out.
  mkdir -p TestResults
  target=TestResults/unit-tests.slnf
  mapfile -t units < <(grep -l '<TestCategory>Unit</TestCategory>' tests/*/*.csproj | sort)
  {
    printf '{ "solution": { "path": "../GatewayPortal.sln", "projects": [\n'
    for i in "${!units[@]}"; do
      printf '  "%s"%s\n' "${units[$i]}" "$([[ $i -lt $((${#units[@]} - 1)) ]] && echo ,)"
    done
    printf '] } }\n'
  } >"$target"
else
  bash scripts/deps.sh test
fi
dotnet restore "$target" --verbosity quiet
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Formatting, using order and code style (.editorconfig), before anything is built (the full run only; the fast loop
# leaves it to the build, which enforces the same style and analyzer rules). `dotnet format GatewayPortal.sln` fixes
# what this reports.
if [[ "$target" == GatewayPortal.sln ]] && ! dotnet format GatewayPortal.sln --verify-no-changes --no-restore --verbosity quiet >"$log" 2>&1; then
  echo "dotnet format: the formatting or code style of these files is off (fix: dotnet format GatewayPortal.sln):"
  sed -E "s|^${root}/||; s| \[[^]]*\]$||" "$log" | sort -u
  exit 1
fi

dotnet build "$target" -c Release --no-restore --verbosity quiet -nologo

status=0
# A test process in which no test has finished for 10 minutes is hung (the slowest test takes well under 1):
# it is dumped to TestResults/ and ended, and the tests it was running are printed below.
rm -f TestResults/*_hang.log
dotnet test --solution "$target" -c Release --no-build \
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
