#!/bin/sh
# Install the unpacked bundle for the current user (or system-wide when run as root).
# Usage: ./install.sh [--preset preset.json]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
  prefix=/opt/editor-app; bindir=/usr/local/bin; appdir=/usr/share/applications; hicolor=/usr/share/icons/hicolor
else
  prefix="$HOME/.local/opt/editor-app"; bindir="$HOME/.local/bin"; appdir="$HOME/.local/share/applications"; hicolor="$HOME/.local/share/icons/hicolor"
fi
mkdir -p "$prefix" "$bindir" "$appdir" "$hicolor/scalable/apps"
rm -rf "$prefix/app.new" && cp -a "$here/editor-app" "$prefix/app.new"
if [ -f "$prefix/app/preset.json" ]; then cp "$prefix/app/preset.json" "$prefix/app.new/"; fi
if [ "${1:-}" = "--preset" ] && [ -n "${2:-}" ]; then cp "$2" "$prefix/app.new/preset.json"; fi
rm -rf "$prefix/app" && mv "$prefix/app.new" "$prefix/app"
ln -sf "$prefix/app/editor-app" "$bindir/editor-app"
sed "s|^Exec=editor-app|Exec=$prefix/app/editor-app|" "$here/editor-app.desktop" > "$appdir/editor-app.desktop"
cp "$here/icons/editor-app.svg" "$hicolor/scalable/apps/editor-app.svg"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$hicolor/${size}x${size}/apps"
  cp "$here/icons/editor-app-$size.png" "$hicolor/${size}x${size}/apps/editor-app.png"
done
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$hicolor" 2>/dev/null || true
echo "installed to $prefix (user data is kept in the platform data folder, never here)"
