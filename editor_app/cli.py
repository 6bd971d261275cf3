"""`editor-app`: the GUI by default, headless subcommands for scripts, CI and IT staff.

Subcommand modules are imported only when chosen, so `editor-app detect` starts without loading Qt
or the database. Each module in :mod:`editor_app.commands` offers ``configure(parser)`` and
``run(args) -> int``. Exit status: 0 success, 1 findings/errors the command reports, 2 bad usage or
unreadable input (always with a clear message, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from editor_app import __version__

# name -> (module under editor_app.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "detect": ("detect", "detect how Vietnamese text files are encoded"),
    "convert": ("convert", "convert TXT/HTML/DOCX/DOC/RTF to Unicode NFC (TCVN 6909)"),
    "check": ("check", "check files and draft packages against the portal's rules"),
    "profiles": ("profiles", "list the portal profiles"),
    "deadline": ("deadline", "compute a publication deadline in working days"),
    "config": ("config", "show or set settings (IT presets included)"),
}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal's width through ``os``: argparse makes a
    formatter at every ``add_argument`` and, left to itself, imports shutil (with zlib, bz2
    and lzma) for that one number on every start of every command, about 2 ms."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)


def _terminal_width() -> int:
    """Columns as shutil.get_terminal_size finds them: $COLUMNS, the terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _base_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="editor-app",
        formatter_class=_HelpFormatter,
        description="Editorial workstation for Vietnamese provincial portals. "
        "Without a subcommand, starts the desktop app.",
        epilog="subcommands: "
        + "; ".join(f"{name}: {text}" for name, (_, text) in COMMANDS.items()),
    )
    parser.add_argument("--version", action="version", version=f"editor-app {__version__}")
    parser.add_argument("--home", metavar="DIR",
                        help="keep data, settings, logs and cache under DIR (also EDITOR_APP_HOME)")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = _base_parser()
    parser.add_argument("--self-test", action="store_true",
                        help="start offscreen-capable, open the main window, touch the store and "
                        "resources, exit 0 on success")
    parser.add_argument("--no-error-dialogs", action="store_true",
                        help="log errors instead of showing dialogs (tests, IT scripts)")
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language for this run")
    parser.add_argument("--no-demo-portal", action="store_true",
                        help="do not start the local demo portal when no portal is configured")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = _first_positional(args_list)
    if command is None:
        args = _gui_parser().parse_args(args_list)
        try:
            from editor_app.ui.app import run_gui  # Qt is loaded only for the GUI
        except ImportError as exc:
            return _qt_missing(exc)
        return run_gui(args)
    if command not in COMMANDS:
        _base_parser().error(f"unknown command {command!r}; choose from {', '.join(COMMANDS)}")
    module = importlib.import_module(f"editor_app.commands.{COMMANDS[command][0]}")
    parser = _base_parser()
    sub = parser.add_subparsers(dest="command", required=True)
    module.configure(sub.add_parser(command, help=COMMANDS[command][1],
                                    formatter_class=_HelpFormatter))
    args = parser.parse_args(args_list)
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130


# What Qt's wheel expects the system to have, by the file the loader could not find (Debian and
# Ubuntu package names; other systems have their own).
QT_SYSTEM_LIBRARIES = {
    "libEGL": "libegl1", "libGL": "libgl1", "libOpenGL": "libopengl0",
    "libxkbcommon-x11": "libxkbcommon-x11-0", "libxkbcommon": "libxkbcommon0",
    "libfontconfig": "libfontconfig1", "libdbus": "libdbus-1-3", "libxcb-cursor": "libxcb-cursor0",
    "libglib": "libglib2.0-0",
}


def _qt_missing(exc: ImportError) -> int:
    """The window cannot start because a system library Qt needs is absent: say which and how
    to install it, instead of a traceback (the headless commands work regardless)."""
    message = str(exc)
    print(f"editor-app: the window cannot start: {message}", file=sys.stderr)
    if any(library in message for library in QT_SYSTEM_LIBRARIES):
        print(f"editor-app: install the missing system library, e.g. on Debian or Ubuntu: "
              f"sudo apt-get install {' '.join(sorted(set(QT_SYSTEM_LIBRARIES.values())))}",
              file=sys.stderr)
    return 1


# Options before the subcommand that take a separate value (``--home DIR``, ``--lang vi``).
_OPTIONS_WITH_VALUE = frozenset({"--home", "--lang"})


def _first_positional(argv: list[str]) -> str | None:
    """The subcommand, skipping options and the values of those that take one."""
    skip_next = False
    for item in argv:
        if skip_next:
            skip_next = False
            continue
        if item in _OPTIONS_WITH_VALUE:
            skip_next = True
            continue
        if not item.startswith("-"):
            return item
    return None


if __name__ == "__main__":
    raise SystemExit(main())
