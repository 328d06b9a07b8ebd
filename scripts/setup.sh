#!/usr/bin/env bash
# Installs what building and testing Valueflow needs on a Debian machine, only
# what is missing, so a second run takes a second. Usage: scripts/setup.sh run|test
#
# Go: go.mod names the version the build needs (its `go` line). When the Go
# that make uses (GO, else `go` on PATH, else /usr/local/go/bin/go) is older,
# or there is none, that version is fetched as the module
# golang.org/toolchain from the Go module proxy, by whatever Go is at hand
# (with none, Debian's own golang-1.NN-go, which puts no `go` on PATH), and
# installed as /usr/local/go (GO_INSTALL_DIR). A machine whose Go is new
# enough needs no network for this.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_updated=""
apt_install() {
  echo "setup: installing $*"
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)
if [ "$mode" = test ]; then
  pkgs+=(xvfb x11-utils sqlite3 poppler-utils qpdf graphviz)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

need=$(awk '$1 == "go" { print $2; exit }' go.mod)
install_dir=${GO_INSTALL_DIR:-/usr/local/go}

# go_version GO [DIR]: the version GO builds with in DIR ("1.26.8"), here
# after any toolchain switch its GOTOOLCHAIN allows for this module; empty
# if it does not run.
go_version() {
  local v
  v=$(cd "${2:-.}" && "$1" env GOVERSION 2>/dev/null) || return 0
  v=${v%% *}
  echo "${v#go}"
}
# new_enough VERSION: VERSION is at least the one go.mod needs.
new_enough() {
  [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$need" "$1" | sort -V | head -n1)" = "$need" ]
}

go_bin=${GO:-$(command -v go 2>/dev/null || echo /usr/local/go/bin/go)}
have=$(go_version "$go_bin")

if ! new_enough "$have"; then
  # A Go that may not switch toolchains refuses this module: ask it outside.
  own=${have:-$(go_version "$go_bin" /)}
  if [ -n "$own" ]; then
    echo "setup: $go_bin is Go $own; this build needs Go $need or newer"
  else
    echo "setup: no Go found; this build needs Go $need or newer"
  fi
  if new_enough "$(go_version "$install_dir/bin/go")"; then
    : # installed already, but not the Go make picks: said below
  else
    # A Go of any version can fetch a module, the toolchain included.
    boot=""
    for g in "$go_bin" /usr/local/go/bin/go /usr/lib/go-*/bin/go; do
      if [ -n "$(go_version "$g" /)" ]; then
        boot=$g
        break
      fi
    done
    if [ -z "$boot" ]; then
      # Debian's versioned package: no `go` on PATH that make would pick.
      debian_go=$(apt-cache search --names-only '^golang-1\.[0-9]+-go$' 2>/dev/null | awk '{ print $1 }' | sort -V | tail -n1)
      if [ -z "$debian_go" ]; then
        $sudo apt-get update -qq && apt_updated=1
        debian_go=$(apt-cache search --names-only '^golang-1\.[0-9]+-go$' | awk '{ print $1 }' | sort -V | tail -n1)
      fi
      if [ -z "$debian_go" ]; then
        echo "setup: no Go to fetch Go $need with: install Go $need or newer (https://go.dev/dl) and run make again" >&2
        exit 1
      fi
      apt_install "$debian_go"
      boot=$(ls -d /usr/lib/go-*/bin/go | sort -V | tail -n1)
    fi
    arch=$(uname -m)
    case "$arch" in
      x86_64) arch=amd64 ;;
      aarch64 | arm64) arch=arm64 ;;
      armv6l | armv7l) arch=armv6l ;;
      i?86) arch=386 ;;
    esac
    mod="golang.org/toolchain@v0.0.1-go$need.linux-$arch"
    echo "setup: fetching Go $need ($mod) with $boot"
    tmp=$(mktemp -d)
    # Outside this module: an old Go cannot read go.mod's version line.
    if ! json=$(cd "$tmp" && GOTOOLCHAIN=local GO111MODULE=on "$boot" mod download -json "$mod"); then
      rmdir "$tmp"
      echo "setup: could not fetch Go $need from the Go module proxy; install Go $need or newer (https://go.dev/dl) and run make again" >&2
      exit 1
    fi
    rmdir "$tmp"
    src=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
    if [ -z "$src" ] || [ ! -f "$src/bin/go" ]; then
      echo "setup: the Go module proxy gave no Go $need ($mod): install Go $need or newer (https://go.dev/dl) and run make again" >&2
      exit 1
    fi
    # Next to the old one, then swapped in, so a build running meanwhile
    # never sees half a Go. Module files are read-only and lose their
    # execute bits; the go command restores them the same way.
    new="$install_dir.new.$$"
    $sudo rm -rf "$new"
    $sudo mkdir -p "$(dirname "$install_dir")"
    $sudo cp -R "$src" "$new"
    $sudo chmod -R u+w "$new"
    $sudo chmod -R a+rX "$new"
    $sudo chmod a+x "$new"/bin/* "$new"/pkg/tool/*/*
    got=$(go_version "$new/bin/go" /)
    if [ "$got" != "$need" ]; then
      $sudo rm -rf "$new"
      echo "setup: the fetched Go does not run (it says \"$got\"); install Go $need or newer (https://go.dev/dl) and run make again" >&2
      exit 1
    fi
    if [ -e "$install_dir" ]; then
      $sudo mv "$install_dir" "$install_dir.old.$$"
    fi
    $sudo mv "$new" "$install_dir"
    $sudo rm -rf "$install_dir.old.$$"
    echo "setup: installed Go $need as $install_dir"
  fi
  have=$(go_version "$go_bin")
  if ! new_enough "$have"; then
    # make picks GO, else the `go` on PATH: an older one stays in the way.
    own=${have:-$(go_version "$go_bin" /)}
    echo "setup: Go $need is in $install_dir, but make uses $go_bin (Go ${own:-none}): put $install_dir/bin first on PATH, or run make GO=$install_dir/bin/go" >&2
    exit 1
  fi
fi
"$go_bin" mod download
