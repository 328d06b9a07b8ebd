#!/usr/bin/env bash
# Runs every fuzz target in the module for FUZZTIME each (default 30s, as in
# make test; make stress passes 5m). Targets are found by name, so new ones
# (storage/sheet's readers) join without a change here. A crasher the fuzzer
# finds is written by Go to PKG/testdata/fuzz/FuzzXxx/ and from then on runs
# as a regression input in every plain `go test`.
# Usage: scripts/harness-fuzz.sh [PKG...]   (default: every package)
#        make test FUZZTIME=0   (unit tests only)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension,no_emoji}
FUZZTIME=${FUZZTIME:-30s}
# FUZZTIME=0 skips fuzzing (go test would read 0 as "forever"); the seed
# corpora and kept crashers still run in the plain unit tests.
case $FUZZTIME in 0 | 0s | off)
  echo "fuzz: skipped (FUZZTIME=$FUZZTIME)" >&2
  exit 0
  ;;
esac

if [ $# -gt 0 ]; then
  dirs=("$@")
else
  mapfile -t dirs < <(grep -rlE --include='*_test.go' '^func Fuzz[A-Z0-9]\w*\(f \*testing\.F\)' . |
    xargs -r -n1 dirname | sort -u)
fi
failed=()
for d in "${dirs[@]}"; do
  d=${d#./}
  for target in $(grep -hoE '^func Fuzz[A-Z0-9]\w*\(f \*testing\.F\)' "$d"/*_test.go | sed -E 's/^func (Fuzz\w*)\(.*/\1/' | sort -u); do
    echo "fuzz: $d $target for $FUZZTIME" >&2
    start=$(date +%s)
    # -fuzzminimizetime 1s: minimising a crasher of a 10 KB file can
    # otherwise take the whole run; the crasher is kept either way.
    rc=0
    "$GO" test -tags="$TAGS" -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" \
      -fuzzminimizetime 1s "./$d" >&2 || rc=$?
    [ "$rc" -eq 0 ] || failed+=("$d/$target")
    echo "fuzz: $d $target done in $(($(date +%s) - start))s" >&2
  done
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED ${failed[*]} (new crashers are under testdata/fuzz; run plain go test there to see them)" >&2
  exit 1
fi
echo "fuzz: ok" >&2
