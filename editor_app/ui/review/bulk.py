"""Approve several ticked items at once, with one comment; each is still the server's decision.

One refusal (an item another approver already returned: 409) never stops the others; the
summary under the list says which went through and which did not, and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor_app.core import wire
from editor_app.sync.review import BulkResult
from editor_app.ui.review.dialogs import CommentDialog
from editor_app.ui.review.queue_view import QueueView

if TYPE_CHECKING:
    from editor_app.ui.review.workspace import ReviewWorkspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("BulkApproval", text)


def approve_checked(workspace: ReviewWorkspace, view: QueueView) -> None:
    ids = view.checked_ids()
    if not ids:
        view.count.setText(_tr("Tick the items to approve first."))
        return
    dialog = CommentDialog(wire.Action.APPROVE,
                           _tr("Approve %1 items").replace("%1", str(len(ids))), workspace)
    workspace.item.dialog = dialog
    dialog.accepted.connect(lambda: _send(workspace, view, ids, dialog.request().comment))
    dialog.open()


def _send(workspace: ReviewWorkspace, view: QueueView, ids: list[int],
          comment: str | None) -> None:
    client = workspace.session.require_client()
    workspace.context.runner.task(client.act_many, ids, wire.Action.APPROVE, comment=comment,
                                  on_done=lambda results: _on_done(workspace, view, results))


def _on_done(workspace: ReviewWorkspace, view: QueueView, results: list[BulkResult]) -> None:
    language = workspace.context.language
    done = [r.submission_id for r in results if r.ok]
    failed = [f"#{r.submission_id}: {r.error.message(language)}" for r in results
              if r.error is not None]
    text = _tr("Approved %1 item(s).").replace("%1", str(len(done)))
    if failed:
        text += " " + _tr("Not approved: %1").replace("%1", "; ".join(failed))
    view.model.checked.clear()
    view.refresh()
    view.count.setText(text)
    workspace.last_bulk = results
    for ident in done:
        workspace.session.changed(ident)
