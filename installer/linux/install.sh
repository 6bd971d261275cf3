#!/bin/sh
# Install the unpacked bundle for the current user (or system-wide when run as root).
# Usage: ./install.sh [--preset preset.json]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
  prefix=/opt/editor-app; bindir=/usr/local/bin; appdir=/usr/share/applications; icondir=/usr/share/icons/hicolor/scalable/apps
else
  prefix="$HOME/.local/opt/editor-app"; bindir="$HOME/.local/bin"; appdir="$HOME/.local/share/applications"; icondir="$HOME/.local/share/icons/hicolor/scalable/apps"
fi
mkdir -p "$prefix" "$bindir" "$appdir" "$icondir"
rm -rf "$prefix/app.new" && cp -a "$here/editor-app" "$prefix/app.new"
if [ -f "$prefix/app/preset.json" ]; then cp "$prefix/app/preset.json" "$prefix/app.new/"; fi
if [ "${1:-}" = "--preset" ] && [ -n "${2:-}" ]; then cp "$2" "$prefix/app.new/preset.json"; fi
rm -rf "$prefix/app" && mv "$prefix/app.new" "$prefix/app"
ln -sf "$prefix/app/editor-app" "$bindir/editor-app"
sed "s|^Exec=editor-app|Exec=$prefix/app/editor-app|" "$here/editor-app.desktop" > "$appdir/editor-app.desktop"
cp "$here/editor-app.svg" "$icondir/editor-app.svg"
echo "installed to $prefix (user data is kept in the platform data folder, never here)"
