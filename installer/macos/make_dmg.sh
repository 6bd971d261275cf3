#!/bin/sh
# Make the macOS .dmg from the app bundle, signed and notarised when the identity is given.
# Run on a Mac (Python 3.11+, Xcode command-line tools); steps in docs/admin.md.
#   EDITOR_APP_CODESIGN_IDENTITY="Developer ID Application: <org> (<team id>)" \
#     python3 installer/build.py           # dist/Editor App.app, every binary signed
#   EDITOR_APP_CODESIGN_IDENTITY=... EDITOR_APP_NOTARY_PROFILE=<notarytool keychain profile> \
#     sh installer/macos/make_dmg.sh       # dist/editor-app-<version>-macos.dmg, notarised, stapled
# Without the identity the bundle is ad-hoc signed and the .dmg unsigned (fine for testing only:
# Gatekeeper refuses it on other Macs). The IT preset never goes into the bundle (that would
# break its signature): see installer/macos/install_preset.sh.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/dist/Editor App.app"
[ -d "$app" ] || { echo "missing $app: run python3 installer/build.py first" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
dmg="$root/dist/editor-app-$version-macos.dmg"
identity="${EDITOR_APP_CODESIGN_IDENTITY:-}"
profile="${EDITOR_APP_NOTARY_PROFILE:-}"

codesign --verify --deep --strict --verbose=2 "$app"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Editor App $version" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "$identity" ]; then
  codesign --sign "$identity" --timestamp "$dmg"
  if [ -n "$profile" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  else
    echo "EDITOR_APP_NOTARY_PROFILE not set: signed but not notarised" >&2
  fi
else
  echo "EDITOR_APP_CODESIGN_IDENTITY not set: unsigned .dmg (testing only)" >&2
fi
echo "made $dmg"
