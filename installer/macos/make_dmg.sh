#!/bin/sh
# Build the macOS app bundle and a .dmg (run on a Mac with Python 3.11+ and the project installed).
#   python installer/build.py          # makes dist/Editor App.app through the spec's BUNDLE step
#   sh installer/macos/make_dmg.sh [preset.json]
# A preset.json given here is copied into the bundle beside the executable
# (Editor App.app/Contents/MacOS/preset.json), where the app reads it beneath the user's settings.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/dist/Editor App.app"
version=$(python3 -c "import sys; sys.path.insert(0, '$root'); import editor_app; print(editor_app.__version__)")
[ -d "$app" ] || { echo "missing $app: run python installer/build.py first" >&2; exit 1; }
if [ -n "${1:-}" ]; then cp "$1" "$app/Contents/MacOS/preset.json"; fi
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Editor App $version" -srcfolder "$staging" -ov -format UDZO \
  "$root/dist/editor-app-$version-macos.dmg"
rm -rf "$staging"
echo "made dist/editor-app-$version-macos.dmg"
