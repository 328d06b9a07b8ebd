#!/usr/bin/env bash
# make package: an installable Linux archive (Valueflow.tar.xz) made by
# `fyne package`, completed with what the fyne tool leaves out:
#   - the .desktop entry opens .vflow files (MimeType=application/x-valueflow);
#   - a shared-mime-info entry for *.vflow, installed by the archive's Makefile
#     (install and user-install) with update-mime-database;
# and without touching the tracked FyneApp.toml (fyne package bumps its Build
# number on every run; BUILD=N gives the build number instead).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-sqlite_omit_load_extension,no_emoji}
FYNE_TOOL=${FYNE_TOOL:-fyne.io/tools/cmd/fyne@v1.7.4}
APPID=nl.valueflow.app
MIME=application/x-valueflow

work=$(mktemp -d)
cp FyneApp.toml "$work/FyneApp.toml"
trap 'cp "$work/FyneApp.toml" FyneApp.toml; rm -rf "$work"' EXIT

build=()
if [ -n "${BUILD:-}" ]; then build=(--app-build "$BUILD"); fi
"$GO" run "$FYNE_TOOL" package --os linux --release --tags "$TAGS" \
	--name Valueflow --icon icons/valueflow.png "${build[@]}"

tar -xJf Valueflow.tar.xz -C "$work"
root="$work/valueflow"
desktop=$(find "$root" -name "$APPID.desktop" | head -n1)
if [ -z "$desktop" ]; then
	echo "package: no $APPID.desktop in the archive" >&2
	exit 1
fi
share=$(dirname "$(dirname "$desktop")")       # usr/local/share or usr/share
rel=${share#"$root"/}                           # usr/local/share
grep -q '^Exec=valueflow %f$' "$desktop" || {
	echo "package: unexpected Exec line in $APPID.desktop: $(grep '^Exec=' "$desktop")" >&2
	exit 1
}
grep -q '^MimeType=' "$desktop" || sed -i "/^Exec=/a MimeType=$MIME;" "$desktop"
install -Dm644 packaging/$APPID.xml "$share/mime/packages/$APPID.xml"

# The archive's own Makefile installs and removes the MIME entry too.
mk="$root/Makefile"
awk -v rel="$rel" -v id="$APPID" '
	{ print }
	/^install:/      { print "\tinstall -Dm00644 " rel "/mime/packages/" id ".xml $(DESTDIR)$(PREFIX)/share/mime/packages/" id ".xml"
	                   print "\t-update-mime-database $(DESTDIR)$(PREFIX)/share/mime" }
	/^uninstall:/    { print "\t-rm $(DESTDIR)$(PREFIX)/share/mime/packages/" id ".xml"
	                   print "\t-update-mime-database $(DESTDIR)$(PREFIX)/share/mime" }
	/^user-install:/ { print "\tinstall -Dm00644 " rel "/mime/packages/" id ".xml $(DESTDIR)$(HOME)/.local/share/mime/packages/" id ".xml"
	                   print "\t-update-mime-database $(DESTDIR)$(HOME)/.local/share/mime" }
	/^user-uninstall:/ { print "\t-rm $(DESTDIR)$(HOME)/.local/share/mime/packages/" id ".xml"
	                   print "\t-update-mime-database $(DESTDIR)$(HOME)/.local/share/mime" }
' "$mk" > "$work/Makefile" && mv "$work/Makefile" "$mk"

tar -cJf Valueflow.tar.xz.tmp -C "$work" valueflow
mv Valueflow.tar.xz.tmp Valueflow.tar.xz
ls -l Valueflow.tar.xz
