#!/usr/bin/env bash
# The full-disk tests (issue 10, item 2) on a real, small file system: a 4 MB
# tmpfs where one can be mounted (root, or sudo without a password). Edits,
# Save As, new files, imports and exports onto it must fail with a clear
# message, keep the last good state, and leave nothing half-written: through
# storage, the command line and the window (./app).
# make test and make stress both run it; where no tmpfs can be mounted it
# says so and skips (the max_page_count tests in the unit tests still run).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension,no_emoji}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
mnt=$(mktemp -d)
if ! $sudo mount -t tmpfs -o size=4m,mode=1777 valueflow-full "$mnt" 2>/dev/null; then
  rmdir "$mnt"
  echo "fulldisk: SKIP: cannot mount a tmpfs here (needs root or passwordless sudo); the max_page_count tests still run" >&2
  exit 0
fi
trap '$sudo umount "$mnt" 2>/dev/null; rmdir "$mnt"' EXIT
status=0
VALUEFLOW_FULL_DIR=$mnt "$GO" test -tags="$TAGS" -count=1 -run 'FullDisk' -v ./storage ./app/cli ./app 2>&1 |
  grep -E '^(--- |ok|FAIL|panic)|_test\.go:' || status=1
[ $status -eq 0 ] && echo "fulldisk: ok" >&2 || echo "fulldisk: FAILED (see above)" >&2
exit $status
