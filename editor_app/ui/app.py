"""Start-up of the desktop app: ``run_gui(args)`` is what ``editor-app`` runs without a subcommand.

Order matters for a fast, never-frozen start: paths, logging and settings (cheap), the
QApplication and the language, then the main window is SHOWN, and only then the store is opened on
the database worker (SQLAlchemy's import and Alembic's migrations happen off the GUI thread). The
local demo portal, when wanted, starts in the background too and never delays the window.

Background work starts once the window has painted its first frame (ui/first_paint.py), and the
log file opens then too (core/logs.py): both kept ~25 ms off the time to a shown window.
"""

from __future__ import annotations

import argparse
import concurrent.futures.thread  # noqa: F401 - ui/operations.py's (see the note below)
import datetime  # noqa: F401 - ui/context.py's
import importlib.util
import logging
import os
import sys
from typing import Any

import platformdirs  # noqa: F401 - system_preset_file()'s

import editor_app.core.errors  # ui/errors.py's
import editor_app.core.resources  # noqa: F401 - ui/i18n.py's
from editor_app import __version__
from editor_app.core.logs import open_log_file, setup_logging
from editor_app.core.paths import AppPaths, resolve_paths, system_preset_file
from editor_app.core.settings import Preset, Settings

# isort: split
# PySide6 only now, after the modules without Qt that the first window needs: once imported, its
# import hook reads the source of every module imported after it (looking for a "__feature__"
# import), ~0.3 ms a module, ~10 ms of a start-up (benchmarks/bench_startup.py).
from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from editor_app.ui.context import AppContext
from editor_app.ui.errors import ErrorPresenter
from editor_app.ui.first_paint import after_first_paint
from editor_app.ui.i18n import LanguageManager
from editor_app.ui.icons import set_app_icon
from editor_app.ui.operations import OperationRunner

log = logging.getLogger("editor_app.ui")

DEMO_PORTAL_MODULE = "editor_app.sync.demo_portal"
DRIVER_ENV = "EDITOR_APP_DRIVER"


def run_gui(args: argparse.Namespace) -> int:
    """Run the app until the main window closes; the exit status for the shell."""
    if getattr(args, "self_test", False):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        paths = resolve_paths(getattr(args, "home", None)).ensure()
    except OSError as exc:
        print(f"editor-app: cannot create the app folders: {exc}", file=sys.stderr)
        return 2
    setup_logging(paths.logs, defer_file=not getattr(args, "self_test", False))
    log.info("editor-app %s starting (home %s)", __version__, paths.data.parent)
    qInstallMessageHandler(_qt_message_to_log)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    context = build_context(app, paths, args)
    if getattr(args, "self_test", False):
        from editor_app.ui.selftest import run_self_test

        return run_self_test(context)
    return _run_interactive(app, context, args)


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
# Platform plugins' remarks that say nothing about the app (e.g. offscreen's window hints).
_QT_NOISE = ("This plugin does not support",)


def _qt_message_to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the app's log (and the "Show log" view), not to stderr."""
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if message.startswith(_QT_NOISE):
        level = logging.DEBUG
    logging.getLogger("editor_app.qt").log(level, "%s", message)


def build_context(app: QApplication, paths: AppPaths, args: Any,
                  *, inline: bool = False) -> AppContext:
    """Settings, language, error presenter and operation runner for one app (also used by tests)."""
    app.setApplicationName("editor-app")
    app.setApplicationVersion(__version__)
    settings = Settings(paths.settings_file, Preset.load(system_preset_file()))
    languages = LanguageManager(paths.cache)
    languages.set_language(getattr(args, "lang", None) or str(settings.get("language")))
    errors = ErrorPresenter(dialogs=not getattr(args, "no_error_dialogs", False),
                            language=lambda: languages.language)
    runner = OperationRunner(inline=inline, on_error=errors.present)
    return AppContext(paths, settings, runner, errors, languages)


def _run_interactive(app: QApplication, context: AppContext, args: argparse.Namespace) -> int:
    from editor_app.ui.main_window import MainWindow

    context.errors.install_excepthook()
    window = MainWindow(context)
    after_first_paint(window, lambda: open_store_in_background(context))
    after_first_paint(window, context.load_profile)
    after_first_paint(window, lambda: start_demo_portal_hook(context, args))
    after_first_paint(window, lambda: context.runner.task(open_log_file))  # off the GUI thread
    after_first_paint(window, lambda: set_app_icon(app))
    window.show()
    driver = os.environ.get(DRIVER_ENV)
    if driver:
        from editor_app.ui.driver import run_driver

        QTimer.singleShot(0, lambda: run_driver(driver, window))
    status = app.exec()
    context.runner.shutdown(wait=True)
    _close_store(context)
    log.info("editor-app stopped with status %s", status)
    return int(status)


def open_store_in_background(context: AppContext) -> None:
    """Open (and migrate) the store on the DB worker; the window fills in when it is ready."""
    context.runner.write(_open_store, context.paths, on_done=context.set_store)


def _open_store(paths: AppPaths) -> Any:
    from editor_app.store import open_store

    return open_store(paths)


def start_demo_portal_hook(context: AppContext, args: argparse.Namespace) -> None:
    """Start the local demo portal (sync engineer's module) when no portal is configured.

    Runs in the pool so start-up never waits for it; missing module = nothing to do.
    """
    if context.settings.get("portal_url") or getattr(args, "no_demo_portal", False):
        return
    if importlib.util.find_spec(DEMO_PORTAL_MODULE) is None:
        return
    context.runner.task(_start_demo_portal, context.paths, on_done=context.set_demo_portal,
                        on_error=lambda exc: log.warning("demo portal did not start: %s", exc))


def _start_demo_portal(paths: AppPaths) -> Any:
    """Pool thread: starts the review-queue service as a child process and waits until it
    answers (``editor_app.sync.demo_portal.start_demo_portal``)."""
    module = importlib.import_module(DEMO_PORTAL_MODULE)
    return module.start_demo_portal(paths)


def _close_store(context: AppContext) -> None:
    if context.store is not None:
        context.store.close()
