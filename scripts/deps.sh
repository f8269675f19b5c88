#!/usr/bin/env bash
# Installs the Debian packages the portal and its tests need, when missing (idempotent).
#   scripts/deps.sh run    slapd, ldap-utils, openssl (the local directory's certificates)
#   scripts/deps.sh test   the above plus what the end-to-end and production-mode tests need (Chromium, PostgreSQL)
set -euo pipefail

mode="${1:-run}"
packages=(slapd ldap-utils openssl)
if [[ "$mode" == "test" ]]; then
  packages+=(tzdata chromium fonts-noto-cjk postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "deps.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi

echo "deps.sh: installing ${missing[*]}" >&2
# One apt-get at a time: the dpkg lock fails concurrent runs (shared with scripts/slapd.sh).
(
  flock 9
  echo "slapd slapd/no_configuration boolean true" | ${sudo} debconf-set-selections
  ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  ${sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
) 9>"/tmp/gatewayportal-apt.lock"
