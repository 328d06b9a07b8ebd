#!/usr/bin/env bash
# Installs what building and testing Valueflow needs on a Debian machine, only
# what is missing, so a second run takes a second. Usage: scripts/setup.sh run|test
set -euo pipefail
mode=${1:-run}

pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)
if [ "$mode" = test ]; then
  pkgs+=(xvfb x11-utils sqlite3 poppler-utils qpdf graphviz)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    export PATH=$PATH:/usr/local/go/bin
  else
    echo "setup: Go 1.24 or newer is needed (https://go.dev/dl), and 'go' was not found on PATH" >&2
    exit 1
  fi
fi
go mod download
