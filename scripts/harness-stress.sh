#!/usr/bin/env bash
# make stress (issue 10): the crash loop with KILLS kills (default 200), every
# fuzz target for FUZZTIME (default 5m), and the full-disk tests on a small
# tmpfs where one can be mounted (root, or sudo without a password).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension}
KILLS=${KILLS:-200}
export FUZZTIME=${FUZZTIME:-5m}
status=0

echo "== crash loop: $KILLS kills" >&2
"$GO" test -tags="$TAGS" -count=1 -timeout 60m -run '^TestKillDuringEdits$' -v ./storage -kills="$KILLS" 2>&1 |
  grep -E 'kills=|^(---|ok|FAIL|panic)|_test\.go:' || status=1

echo "== full disk on a tmpfs" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
mnt=$(mktemp -d)
if $sudo mount -t tmpfs -o size=4m,mode=1777 valueflow-full "$mnt" 2>/dev/null; then
  trap '$sudo umount "$mnt" 2>/dev/null; rmdir "$mnt"' EXIT
  VALUEFLOW_FULL_DIR=$mnt "$GO" test -tags="$TAGS" -count=1 -run 'FullDisk' -v ./storage ./app/cli 2>&1 |
    grep -E '^(--- |ok|FAIL|panic)|_test\.go:' || status=1
else
  rmdir "$mnt"
  echo "stress: SKIP full disk on a tmpfs: cannot mount one here (needs root or passwordless sudo); the max_page_count tests in make test still run" >&2
fi

echo "== fuzzing, $FUZZTIME per target" >&2
scripts/harness-fuzz.sh || status=1

[ $status -eq 0 ] && echo "stress: ok" >&2 || echo "stress: FAILED (see above)" >&2
exit $status
