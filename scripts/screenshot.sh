#!/usr/bin/env bash
# Starts the real window under Xvfb and takes a screenshot of it.
# Usage: scripts/screenshot.sh OUT.png [WIDTHxHEIGHT] [FILE.vflow] [LANG]
# Needs xvfb and imagemagick (import). Stops only the processes it started.
set -euo pipefail
out=${1:?usage: scripts/screenshot.sh OUT.png [WIDTHxHEIGHT] [FILE.vflow] [LANG]}
size=${2:-1600x1000}
file=${3:-}
lang=${4:-en_US.UTF-8}
display=:$((90 + RANDOM % 9))
home=$(mktemp -d)
# The guide opens on a first start; a screenshot wants the board.
mkdir -p "$home/.config/fyne/nl.valueflow.app"
echo '{"seen-guide": true}' > "$home/.config/fyne/nl.valueflow.app/preferences.json"
Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
args=()
[ -n "$file" ] && args=("$file")
DISPLAY=$display HOME=$home LANG=$lang LC_ALL=$lang ./bin/valueflow "${args[@]}" >/tmp/valueflow-shot.log 2>&1 &
app=$!
sleep "${WAIT:-6}"
# Maximise the window to the screen so the shot shows what a user sees.
if command -v xdotool >/dev/null; then
  win=$(DISPLAY=$display xdotool search --name "Valueflow" | head -1 || true)
  if [ -n "$win" ]; then
    DISPLAY=$display xdotool windowsize "$win" "${size%x*}" "${size#*x}" windowmove "$win" 0 0 || true
    sleep 2
  fi
fi
DISPLAY=$display import -window root "$out"
echo "wrote $out"
