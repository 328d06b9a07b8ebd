#!/usr/bin/env bash
# make bench: the size-scaling and floor benchmarks of issues 3-10 on S, M, L
# and XL, then one table (cmd/harness/benchtable) with the ratios against the
# floors and the slope from L to XL.
# Go stops a benchmark once BENCHTIME has passed, so an XL figure of seconds
# is one iteration and the whole run stays within a few minutes on two cores.
# The raw `go test -bench` output is kept in bin/bench.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension,no_emoji}
BENCHTIME=${BENCHTIME:-1s}
BENCHTIME_XL=${BENCHTIME_XL:-1s}
out=bin/bench.txt
mkdir -p bin
: >"$out"

# Packages with benchmarks in the table; a package that does not exist yet
# (storage/sheet) is skipped.
pkgs=(storage canvas canvas/scene canvas/export model/analysis model/compare storage/sheet)
# The floor pairs and single figures (benchtable knows their goals) plus the
# by-size families on S, M and L.
floors='^Benchmark(RawCommit|EditCommit|RawSelectL|OpenL|BoardBuildL|BoardEditL|ExportPDFL|RawPDFL|ExportVsRawPDFL|GraphvizLayout60|NativeNeato60|SnapshotVsRawCopyL|ImportXLSXL|ExcelizeReadAllL|AnalyzeL|CompareL)$'

failed=()
run() { # package, pattern, benchtime, go test flags...
  # One package at a time: benchmarks of two packages running at once on
  # two cores would disturb each other's figures.
  if ! "$GO" test -tags="$TAGS" -run '^$' -bench "$2" -benchtime "$3" "${@:4}" -timeout 30m "./$1" >"$out.part" 2>&1; then
    failed+=("$1")
  fi
  cat "$out.part" >>"$out"
  grep -E '^(Benchmark|ok|FAIL|---|panic|#|\S+\.go:)' "$out.part" >&2 || true
  rm -f "$out.part"
}
for p in "${pkgs[@]}"; do
  [ -d "$p" ] || continue
  # The floor pairs COUNT times: the table keeps each one's fastest run, the
  # one least disturbed by other work on a shared machine.
  run "$p" "$floors" "$BENCHTIME" -count "${COUNT:-3}"
  run "$p" 'BySize$/^(S|M|L)$' "$BENCHTIME"
  run "$p" 'BySize$/^XL$' "$BENCHTIME_XL"
done
echo >&2
"$GO" run ./cmd/harness/benchtable <"$out"
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: failed in ${failed[*]} (see $out)" >&2
  exit 1
fi
