"""``editor-app --self-test``: the installer's smoke test.

Starts like the real app (offscreen is fine), opens the main window, opens and migrates the store
through the DB worker, lists the drafts, loads the configured portal profile, the Vietnamese
catalog (which must translate a known string, so a build without catalogs fails) and the app
icon, then exits 0; any failure exits 1 with one clear line on stderr.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from editor_app.ui.context import AppContext

log = logging.getLogger("editor_app.ui.selftest")
STEP_TIMEOUT_S = 60.0


class SelfTestError(Exception):
    """A step of the self-test failed; the message names the step."""


def run_self_test(context: AppContext) -> int:
    from editor_app.ui.main_window import MainWindow

    context.errors.dialogs = False
    window = MainWindow(context)
    try:
        window.show()
        QCoreApplication.processEvents()
        store = _wait_for(context, _open_store, context, "open the store")
        context.set_store(store)
        drafts = _wait_for(context, store.drafts.list, None, "list the drafts", limit=5)
        _check_resources(context)
        print(f"editor-app self-test: ok (store {context.paths.database}, "
              f"{len(drafts)} draft(s) listed, language {context.language})")
        return 0
    except Exception as exc:
        log.exception("self-test failed")
        print(f"editor-app self-test FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        window.close()
        context.runner.shutdown(wait=True)
        if context.store is not None:
            context.store.close()


def _open_store(context: AppContext) -> Any:
    from editor_app.store import open_store

    return open_store(context.paths)


def _wait_for(context: AppContext, fn: Callable[..., Any], arg: Any, step: str,
              **kwargs: Any) -> Any:
    """Run ``fn`` through the runner and spin an event loop until it answers."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(value: Any) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    args = () if arg is None else (arg,)
    context.runner.write(fn, *args, on_done=done, on_error=failed, **kwargs)
    QTimer.singleShot(int(STEP_TIMEOUT_S * 1000), loop.quit)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise SelfTestError(f"could not {step}: {outcome['error']}") from outcome["error"]
    if "value" not in outcome:
        raise SelfTestError(f"could not {step}: no answer in {STEP_TIMEOUT_S:.0f} s")
    return outcome["value"]


def _check_resources(context: AppContext) -> None:
    from editor_app.core.profiles import load_profile

    try:
        profile = load_profile(context.profile_id)
    except (LookupError, ValueError) as exc:
        raise SelfTestError(f"could not load the portal profile: {exc}") from exc
    if not profile.categories:
        raise SelfTestError(f"profile {context.profile_id!r} has no categories")
    _check_vietnamese(context)
    _check_icon()


# A string of the main catalog (resources/translations/editor_app_vi.ts) that must come out
# translated: loading "every catalog" also succeeds when a build shipped none at all.
KNOWN_CONTEXT, KNOWN_SOURCE = "MainWindow", "Editorial workstation"


def _check_vietnamese(context: AppContext) -> None:
    from editor_app.ui.i18n import catalog_names

    if "editor_app" not in catalog_names("vi"):
        raise SelfTestError("the Vietnamese interface catalog (editor_app_vi) is not shipped")
    if context.languages.set_language("vi") is False:
        raise SelfTestError("could not load the Vietnamese interface catalog")
    shown = QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE)
    if shown == KNOWN_SOURCE:
        raise SelfTestError(f"the Vietnamese catalog did not translate {KNOWN_SOURCE!r}")


def _check_icon() -> None:
    from editor_app.ui.icons import app_icon

    if app_icon().isNull():
        raise SelfTestError("the app icon (resources/icons/editor-app-*.png) is missing")
