#!/usr/bin/env bash
# Fetches the real Docker daemons (and ferm 2.7) that the end-to-end suite runs, from the Debian archives
# this machine already uses, and unpacks them with dpkg -x into a cache directory. Installs nothing
# system-wide. Each suite gets a private apt configuration: a copy of the machine's own
# /etc/apt/sources.list.d/debian.sources with its Suites: line replaced, so no mirror is named here.
#
#   src/e2e/fetch-daemons.sh [CACHE_DIR]     (default: $FERM_E2E_CACHE or ~/.cache/ferm-e2e)
#
# Prints the cache directory on its last line. A suite already unpacked (its .done marker) is not fetched
# again, so a second call in the same run costs nothing.
set -euo pipefail

cache=${1:-${FERM_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ferm-e2e}}
sources=/etc/apt/sources.list.d/debian.sources
mkdir -p "$cache"

# suite name -> packages. bookworm's runc serves every daemon: sid's runc needs a newer glibc.
declare -A packages=(
  [bookworm]="docker.io containerd runc busybox-static"
  [trixie]="docker.io docker-cli containerd"
  [sid]="docker.io docker-cli containerd ferm"
)

fetch_suite() {
  local suite=$1 dir="$cache/$suite"
  if [ -f "$dir/.done" ]; then
    echo "$suite: already unpacked in $dir" >&2
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/debs" "$dir/root"
  # The machine's first deb stanza (the main archive, not -security or -updates), with our suite.
  awk -v suite="$suite" '
    BEGIN { RS=""; ORS="\n\n" }
    NR == 1 { sub(/Suites:[^\n]*/, "Suites: " suite); print }
  ' "$sources" > "$dir/apt/debian.sources"
  local apt=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$dir/apt/sourceparts"
             -o Dir::State::Lists="$dir/apt/lists" -o Dir::Cache="$dir/apt/cache"
             -o Dir::State::status=/var/lib/dpkg/status -o APT::Get::List-Cleanup=false
             -o APT::Sandbox::User=root)
  mkdir -p "$dir/apt/sourceparts"
  mv "$dir/apt/debian.sources" "$dir/apt/sourceparts/debian.sources"
  apt-get "${apt[@]}" -qq update
  (cd "$dir/debs" && apt-get "${apt[@]}" -qq download ${packages[$suite]})
  for deb in "$dir"/debs/*.deb; do
    dpkg -x "$deb" "$dir/root"
  done
  dpkg-deb -f "$dir"/debs/docker.io_*.deb Version > "$dir/docker-version"
  rm -rf "$dir/apt/lists" "$dir/apt/cache" "$dir/debs"
  touch "$dir/.done"
  echo "$suite: docker.io $(cat "$dir/docker-version") unpacked in $dir" >&2
}

for suite in bookworm trixie sid; do
  fetch_suite "$suite"
done
echo "$cache"
