"""The collaborator's submit path: "Gửi lên Cổng" (Ctrl+Enter), the submissions panel, the login.

:func:`install_submit_later` is the one hook the main window calls. The sync layer's imports
(requests, keyring, pydantic) cost about a second, so they are imported on the pool and the
action, the dock and the editor's header banner are added once they are ready; with the inline
runner (tests) that happens at once. This module itself imports only Qt.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from editor_app.sync.credentials import CredentialStore
    from editor_app.ui.context import AppContext
    from editor_app.ui.submit.install import SubmitUi

MODULES = ("editor_app.ui.submit.install",)


def install_submit_later(window: Any, context: AppContext) -> None:
    """Import the submit path off the GUI thread, then add it to ``window`` (as
    ``window.submit``, None until then)."""
    window.submit = None

    def start() -> None:
        context.runner.task(_import_modules, MODULES,
                            on_done=lambda _r: install_submit(window, context))

    if context.runner.inline:
        start()
    else:
        QTimer.singleShot(0, start)  # after the window is shown


def install_submit(window: Any, context: AppContext,
                   credentials: CredentialStore | None = None) -> SubmitUi:
    from editor_app.ui.submit.install import SubmitUi

    if getattr(window, "submit", None) is None:
        window.submit = SubmitUi(window, context, credentials)
    result: SubmitUi = window.submit
    return result


def _import_modules(names: tuple[str, ...]) -> None:
    """Pool thread: only imports (no widget is created off the GUI thread)."""
    for name in names:
        importlib.import_module(name)
