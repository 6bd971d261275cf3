"""What happens when a reviewer (or the author) works on one item: load, act, edit, conflict.

Buttons follow the server's ``allowed_actions`` for this account and this item, so nothing is
offered that the server would refuse; the server still decides each call (a 403 or 409 is shown
by the error presenter). Every save carries the revision it was based on: a 412 opens the
conflict dialog instead of overwriting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from editor_app.core import wire
from editor_app.sync.errors import StaleRevisionError
from editor_app.ui.review.conflict import (
    COPY_ASIDE,
    KEEP_MINE,
    TAKE_THEIRS,
    ConflictDialog,
    copy_to_clipboard,
    save_aside,
)
from editor_app.ui.review.dialogs import CommentDialog, PublishDialog, ReturnDialog
from editor_app.ui.review.history import HistoryDialog
from editor_app.ui.review.item_view import ItemView
from editor_app.ui.review.session import PortalSession

log = logging.getLogger("editor_app.ui.review")
A, S, R = wire.Action, wire.State, wire.Role


def can_edit(me: wire.Me, item: wire.Submission) -> bool:
    """Whether the server would take a content edit from ``me`` now (same rule as the service)."""
    if me.role == R.COLLABORATOR:
        return item.state in (S.SUBMITTED, S.RETURNED) and item.unit == me.unit
    if item.state == S.IN_REVIEW:
        return me.role == R.SECRETARY and item.claimed_by == me.username
    if item.state == S.AWAITING_APPROVAL:
        return me.role == R.CHIEF or item.category in me.categories
    return False


def _load(client: Any, submission_id: int) -> tuple[wire.Submission, list[wire.Comment],
                                                    dict[str, Any] | None]:
    item = client.get_submission(submission_id)
    first = client.revision(submission_id, 1).model_dump(mode="json") if item.revision > 1 \
        else None
    return item, client.comments(submission_id), first


class ItemController(QObject):
    sig_loaded = Signal(object)  # the wire.Submission shown

    def __init__(self, session: PortalSession, view: ItemView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view = session, view
        self.item: wire.Submission | None = None
        self.dirty = False
        self.dialog: QDialog | None = None
        view.sig_edited.connect(self._on_view_edited)
        handlers: dict[str, Callable[[], None]] = {
            "claim": lambda: self.act(wire.TransitionRequest(action=A.CLAIM)),
            "takeover": lambda: self.act(wire.TransitionRequest(action=A.CLAIM, takeover=True)),
            "release": lambda: self.act(wire.TransitionRequest(action=A.RELEASE)),
            "save": self.save, "forward": self._ask_forward, "return": self._ask_return,
            "reject": self._ask_reject, "approve": self._ask_approve,
            "publish": self._ask_publish, "resubmit": self._resubmit,
            "history": self.show_history,
        }
        for name, handler in handlers.items():
            view.buttons[name].clicked.connect(handler)
        view.add_comment.clicked.connect(self.add_comment)

    # --- loading -----------------------------------------------------------------------------

    def open(self, submission_id: int) -> None:
        self.session.context.runner.task(_load, self.session.require_client(), submission_id,
                                         on_done=self._on_loaded)

    def reload(self) -> None:
        if self.item is not None:
            self.open(self.item.id)

    def _on_loaded(self, loaded: tuple[wire.Submission, list[wire.Comment],
                                       dict[str, Any] | None]) -> None:
        item, comments, first = loaded
        self._show(item)
        self.view.set_comments(comments)
        current = item.model_dump(mode="json")
        self.view.diff.show_versions(
            first or current, current,
            self.tr("Author's version (revision 1, %1)").replace("%1", item.created_by),
            self.tr("Current (revision %1)").replace("%1", str(item.revision)))
        self.sig_loaded.emit(item)

    def _show(self, item: wire.Submission) -> None:
        me = self.session.me
        self.item, self.dirty = item, False
        editable = me is not None and can_edit(me, item)
        self.view.show_item(item, editable, self.session)
        self._update_buttons(item, editable)
        self.view.set_notice(self._notice(item))

    def _update_buttons(self, item: wire.Submission, editable: bool) -> None:
        allowed = set(item.allowed_actions)
        held_by_other = item.state == S.IN_REVIEW and item.claimed_by not in (
            None, self.session.username)
        visible = {
            "claim": A.CLAIM in allowed and not held_by_other,
            "takeover": A.CLAIM in allowed and held_by_other,
            "save": editable, "history": True,
            **{a.value: a in allowed for a in (A.RELEASE, A.FORWARD, A.RETURN, A.REJECT,
                                               A.APPROVE, A.PUBLISH, A.RESUBMIT)},
        }
        for name, button in self.view.buttons.items():
            button.setVisible(visible.get(name, False))
        self.view.buttons["save"].setEnabled(False)

    def _notice(self, item: wire.Submission) -> str:
        if item.state == S.IN_REVIEW and item.claimed_by not in (None, self.session.username):
            return self.tr("%1 is working on this item. Take it over only if needed: they "
                           "will be told.").replace("%1", str(item.claimed_by))
        if item.state == S.RETURNED and item.last_comment:
            return self.tr("Returned: %1").replace("%1", item.last_comment)
        return ""

    def _on_view_edited(self) -> None:
        self.dirty = True
        self.view.buttons["save"].setEnabled(True)

    # --- workflow ------------------------------------------------------------------------------

    def act(self, request: wire.TransitionRequest) -> None:
        """Send a transition (after saving pending edits, so none is left behind)."""
        item = self._require_item()
        self._after_saving(lambda: self.session.call(
            "transition", item.id, request, on_done=self._on_changed))

    def _on_changed(self, item: wire.Submission) -> None:
        self.session.changed(item.id)
        self.open(item.id)

    def _after_saving(self, then: Callable[[], Any]) -> None:
        if self.dirty:
            self.save(then=then)
        else:
            then()

    def _open_dialog(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.act(dialog.request()))
        dialog.open()

    def _ask_forward(self) -> None:
        self._open_dialog(CommentDialog(A.FORWARD, self.tr("Forward for approval"), self.view))

    def _ask_approve(self) -> None:
        self._open_dialog(CommentDialog(A.APPROVE, self.tr("Approve"), self.view))

    def _ask_reject(self) -> None:
        self._open_dialog(CommentDialog(A.REJECT, self.tr("Reject"), self.view, required=True))

    def _ask_return(self) -> None:
        item = self._require_item()
        self._open_dialog(ReturnDialog(item.state == S.AWAITING_APPROVAL, self.view))

    def _ask_publish(self) -> None:
        self._open_dialog(PublishDialog(self.view))

    def _resubmit(self) -> None:
        self.act(wire.TransitionRequest(action=A.RESUBMIT))

    def show_history(self) -> None:
        dialog = HistoryDialog(self.session, self._require_item().id, self.view)
        self.dialog = dialog
        dialog.open()

    def add_comment(self) -> None:
        item = self._require_item()
        text = self.view.new_comment.toPlainText().strip()
        if not text:
            return
        anchor = self.view.selected_passage() if self.view.on_passage.isChecked() else ""
        self.session.call("add_comment", item.id, text, anchor or None,
                          on_done=lambda _c: self._on_comment_added(item.id))

    def _on_comment_added(self, submission_id: int) -> None:
        self.view.new_comment.clear()
        self.session.call("comments", submission_id, on_done=self.view.set_comments)

    # --- saving and conflicts ----------------------------------------------------------------

    def save(self, then: Callable[[], Any] | None = None, base: int | None = None) -> None:
        item = self._require_item()
        mine = self.view.content()
        patch = wire.SubmissionPatch.model_validate(mine)
        self.session.call("patch_submission", item.id, patch, base or item.revision,
                          on_done=lambda saved: self._on_saved(saved, then),
                          on_error=lambda exc: self._on_save_failed(exc, mine, then))

    def _on_saved(self, saved: wire.Submission, then: Callable[[], Any] | None) -> None:
        self.session.changed(saved.id)
        self.dirty = False
        if then is not None:
            self.item = saved
            then()
        else:
            self.open(saved.id)

    def _on_save_failed(self, exc: BaseException, mine: dict[str, Any],
                        then: Callable[[], Any] | None) -> None:
        if not isinstance(exc, StaleRevisionError) or not exc.current:
            self.session.context.errors.present(exc)
            return
        theirs = exc.current
        dialog = ConflictDialog(theirs, {**theirs, **mine}, lambda: self.session.context.language,
                                self.view)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._on_conflict_chosen(dialog.choice, theirs, mine))
        dialog.open()

    def _on_conflict_chosen(self, choice: str, theirs: dict[str, Any],
                            mine: dict[str, Any]) -> None:
        item = self._require_item()
        if choice == KEEP_MINE:
            self.save(base=int(theirs["revision"]))
            return
        path = save_aside(self.session.context.paths.data / "review-conflicts", item.id, mine)
        if choice == COPY_ASIDE:
            copy_to_clipboard(mine)
            self.view.set_notice(self.tr("Your version was copied to %1").replace("%1", str(path)))
        elif choice == TAKE_THEIRS:
            self.open(item.id)
            log.info("conflict on item %s: took theirs, mine kept in %s", item.id, path.name)

    def _require_item(self) -> wire.Submission:
        if self.item is None:
            raise RuntimeError("no item open")
        return self.item
