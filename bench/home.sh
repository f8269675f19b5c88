#!/usr/bin/env bash
# The home page's budget (issue #15): server time and HTML size of / for a person with 20 favourites, 10 counters
# and 10 notices, with /apps for reference. Prints a Markdown table for bench/RESULTS.md.
#
#   bench/home.sh [requests]      default 1000 sequential requests after 100 warm-up ones
set -euo pipefail
readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${ROOT}"
dotnet build bench/HomeBench -c Release -nologo -v q >/dev/null
exec dotnet run --project bench/HomeBench -c Release --no-build -- "${1:-1000}"
