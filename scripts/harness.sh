#!/usr/bin/env bash
# make harness (issues 4 and 10): under Xvfb, start a Fyne hello world and
# Valueflow on an L map the same way, and print the time to the first drawn
# frame and the resident memory of both and the difference.
# APP (default bin/valueflow, built by make build) must call
# traceFirstFrame (app/trace.go); SIZE picks the map (default L); RUNS and
# SETTLE are passed on to cmd/harness/startup, and so are arguments (-v).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension,no_emoji}
APP=${APP:-bin/valueflow}
SIZE=${SIZE:-L}
mkdir -p bin/harness
"$GO" build -o bin/harness/hello ./cmd/harness/hello
"$GO" build -o bin/harness/startup ./cmd/harness/startup
map=bin/harness/$SIZE.vflow
rm -f "$map"
LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "$APP" sample --size "$SIZE" "$map" >/dev/null
bin/harness/startup -hello bin/harness/hello -app "$APP" -file "$map" \
  -runs "${RUNS:-5}" -settle "${SETTLE:-2s}" "$@"
