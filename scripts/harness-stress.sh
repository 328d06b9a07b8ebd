#!/usr/bin/env bash
# make stress (issue 10): the crash loop with KILLS kills (default 200), every
# fuzz target for FUZZTIME (default 5m), and the full-disk tests on a small
# tmpfs where one can be mounted (root, or sudo without a password).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension,no_emoji}
KILLS=${KILLS:-200}
export FUZZTIME=${FUZZTIME:-5m}
status=0

echo "== crash loop: $KILLS kills" >&2
"$GO" test -tags="$TAGS" -count=1 -timeout 60m -run '^TestKillDuringEdits$' -v ./storage -kills="$KILLS" 2>&1 |
  grep -E 'kills=|^(---|ok|FAIL|panic)|_test\.go:' || status=1

echo "== full disk on a tmpfs" >&2
scripts/harness-fulldisk.sh || status=1

echo "== fuzzing, $FUZZTIME per target" >&2
scripts/harness-fuzz.sh || status=1

[ $status -eq 0 ] && echo "stress: ok" >&2 || echo "stress: FAILED (see above)" >&2
exit $status
