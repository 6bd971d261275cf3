"""Approve several ticked items at once, with one comment; each is still the server's decision.

One refusal (an item another approver already returned: 409) never stops the others; the
summary under the list says which went through and which did not, and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor_app.core import wire
from editor_app.sync.review import BulkResult
from editor_app.ui.review.dialogs import CommentDialog
from editor_app.ui.review.queue_view import QueueView

if TYPE_CHECKING:
    from editor_app.ui.review.workspace import ReviewWorkspace


class BulkApproval(QObject):
    """Wired to an approval list's "Approve selected" button."""

    def __init__(self, workspace: ReviewWorkspace, view: QueueView) -> None:
        super().__init__(view)
        self.workspace, self.view = workspace, view
        view.bulk_button.clicked.connect(self.start)

    def start(self) -> None:
        ids = self.view.checked_ids()
        if not ids:
            self.view.count.setText(self.tr("Tick the items to approve first."))
            return
        title = self.tr("Approve %1 items").replace("%1", str(len(ids)))
        dialog = CommentDialog(wire.Action.APPROVE, title, self.workspace)
        self.workspace.item.dialog = dialog
        dialog.accepted.connect(lambda: self._send(ids, dialog.request().comment))
        dialog.open()

    def _send(self, ids: list[int], comment: str | None) -> None:
        client = self.workspace.session.require_client()
        self.workspace.context.runner.task(client.act_many, ids, wire.Action.APPROVE,
                                           comment=comment, on_done=self._on_done)

    def _on_done(self, results: list[BulkResult]) -> None:
        language = self.workspace.context.language
        done = [r.submission_id for r in results if r.ok]
        failed = [f"#{r.submission_id}: {r.error.message(language)}" for r in results
                  if r.error is not None]
        text = self.tr("Approved %1 item(s).").replace("%1", str(len(done)))
        if failed:
            text += " " + self.tr("Not approved: %1").replace("%1", "; ".join(failed))
        self.view.model.checked.clear()
        self.view.refresh()
        self.view.count.setText(text)
        self.workspace.last_bulk = results
        for ident in done:
            self.workspace.session.changed(ident)
