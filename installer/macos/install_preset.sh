#!/bin/sh
# Place an IT preset where the macOS app reads it (beneath each user's own settings):
#   sudo sh installer/macos/install_preset.sh preset.json
# /Library/Application Support/editor-app/preset.json is outside the signed app bundle, so the
# preset can change without re-signing and survives app upgrades. For many Macs, wrap the same
# file in a package (docs/admin.md: pkgbuild) and push it with the MDM.
set -eu
[ -n "${1:-}" ] && [ -f "$1" ] || { echo "usage: sudo sh $0 preset.json" >&2; exit 2; }
python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8-sig"))' "$1" \
  || { echo "$1 is not valid UTF-8 JSON" >&2; exit 1; }
target="/Library/Application Support/editor-app"
mkdir -p "$target"
install -m 0644 "$1" "$target/preset.json"
echo "installed $target/preset.json"
