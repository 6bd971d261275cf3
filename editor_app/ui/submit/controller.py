"""The collaborator's submit path in the window: check, queue, send, follow, resubmit.

"Gửi lên Cổng" (Ctrl+Enter) checks the open draft with the whole-article validator on the pool;
any error refuses it (the findings panel shows why), warnings ask first; then the draft goes to the
outbox, which is on disk before anything goes out. Sync rounds (send what is due, pull what
changed) run on the network pool every ``sync_interval_minutes``, when a retry falls due and on
"Đồng bộ ngay"; each round carries a cancel event, set by Pause/Cancel of an item being uploaded
and when the app quits. The panel and the editor's header show the states.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from editor_app.core.articles import Article
from editor_app.core.errors import UserError
from editor_app.store.outbox import SqlOutboxRepository
from editor_app.sync.errors import AuthExpiredError
from editor_app.sync.outbox import ItemState, NotReadyError, Outbox, OutboxItem, count_errors
from editor_app.ui.context import AppContext
from editor_app.ui.submit import work
from editor_app.ui.submit.account import PortalAccount
from editor_app.ui.submit.banner import DraftStateBanner
from editor_app.ui.submit.outbox_panel import OutboxPanel
from editor_app.ui.submit.work import RoundReport, Row

log = logging.getLogger("editor_app.ui.submit")

MAX_WAKEUP_MS = 24 * 3600 * 1000


class _Progress(QObject):
    """Carries the engine's progress from the worker to the GUI thread (a queued signal)."""

    sig_item = Signal(int, object, int, str, str)

    def report(self, item: OutboxItem) -> None:
        self.sig_item.emit(item.id or 0, item.state, item.percent, item.status_text("vi"),
                           item.status_text("en"))


class SubmitController(QObject):
    """``sig_round_done(report)`` after every sync round; ``sig_refused(findings)``."""

    sig_round_done = Signal(object)
    sig_refused = Signal(object)
    sig_queued = Signal(object)

    def __init__(self, window: Any, context: AppContext, panel: OutboxPanel,
                 account: PortalAccount) -> None:
        super().__init__(window)
        self.window, self.context, self.panel, self.account = window, context, panel, account
        self.outbox: Outbox | None = None
        self.banner: DraftStateBanner | None = None
        self.confirm: QMessageBox | None = None
        self.rows: list[Row] = []
        self._cancel: threading.Event | None = None
        self._again = False
        self._progress = _Progress(self)
        self._progress.sig_item.connect(self.panel.show_progress)
        self.schedule = QTimer(self)
        self.schedule.timeout.connect(lambda: self.sync_now(user=False))
        self.wakeup = QTimer(self, singleShot=True)
        self.wakeup.timeout.connect(lambda: self.sync_now(user=False))
        self._connect()

    def _connect(self) -> None:
        panel = self.panel
        panel.sig_sync.connect(lambda: self.sync_now(user=True))
        panel.sig_login.connect(lambda: self.account.open_login(self.window, self.sync_now))
        panel.sig_pause.connect(lambda i: self._change_item("pause", i))
        panel.sig_retry.connect(lambda i: self._change_item("retry", i))
        panel.sig_cancel.connect(lambda i: self._change_item("cancel", i))
        panel.sig_open.connect(self.open_draft)
        self.account.sig_changed.connect(self._on_account_changed)
        self.context.sig_store_ready.connect(self._on_context_store_ready)
        self.context.sig_demo_portal_ready.connect(lambda _url: self.account.restore())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        if self.context.store is not None:
            self._on_context_store_ready()

    # --- start-up ------------------------------------------------------------------------------

    def _on_context_store_ready(self) -> None:
        if self.outbox is not None:
            return
        store = self.context.require_store()
        self.outbox = Outbox(SqlOutboxRepository(store.engine))
        store.drafts.add_blob_reference_source(self.outbox.referenced_blobs)
        self.refresh()
        self.account.restore()

    def _on_account_changed(self) -> None:
        self.panel.set_account(self.account.describe(), self.account.logged_in)
        service = self.account.service
        if service is None:
            self.schedule.stop()
            return
        service.engine.on_change = self._progress.report
        self._start_schedule()
        if not self.account.login_expired:
            self.sync_now(user=False)

    def _start_schedule(self) -> None:
        minutes = max(1, int(self.context.settings.get("sync_interval_minutes") or 5))
        self.schedule.start(minutes * 60 * 1000)

    def stop(self) -> None:
        """Quitting: the current round stops at its next block; its items stay resumable."""
        self.schedule.stop()
        self.wakeup.stop()
        if self._cancel is not None:
            self._cancel.set()

    # --- submitting ----------------------------------------------------------------------------

    def editor_controller(self) -> Any | None:
        """The window's editor controller when a draft is open (never builds the editor)."""
        window: Any = self.window
        if window.stack.currentWidget() is window.placeholder:
            return None
        controller = window.editor_controller
        return controller if controller.article_id is not None else None

    def submit_current(self) -> None:
        controller = self.editor_controller()
        if controller is None or self.outbox is None:
            self.context.errors.present(UserError(
                "Hãy mở một bài nháp trước khi gửi.", "Open a draft before sending it."))
            return
        controller.autosaver.flush()
        article = controller.editor.current_article()
        blobs = self.context.require_store().blobs
        self.context.runner.task(work.validate_draft, article, blobs,
                                 self.context.check_profile(),
                                 on_done=lambda found: self._on_validated(article, found))

    def _on_validated(self, article: Article, findings: list[Any]) -> None:
        controller = self.editor_controller()
        if controller is not None and controller.article_id == article.id:
            controller.editor.findings.set_findings(findings, self.context.language)
        errors = count_errors(findings)
        if errors:
            self._refuse(findings, errors)
            return
        warnings = sum(1 for f in findings if str(getattr(f, "severity", "")) == "warning")
        if warnings:
            self._ask(article, findings, warnings)
            return
        self._enqueue(article, findings)

    def _refuse(self, findings: list[Any], errors: int) -> None:
        controller = self.editor_controller()
        if controller is not None:
            tree = controller.editor.findings.tree
            first = next((i for i in range(tree.topLevelItemCount())
                          if str(getattr(findings[i], "severity", "")) == "error"), 0)
            if tree.topLevelItemCount():
                tree.setCurrentItem(tree.topLevelItem(first))
            tree.setFocus()
        profile = self.context.profile()
        rules = f" theo quy định của {profile.portal_name}" if profile else ""
        rules_en = f" under the rules of {profile.portal_name}" if profile else ""
        self.context.errors.present(NotReadyError(
            f"Chưa gửi được: bài còn {errors} lỗi{rules} (xem danh sách kiểm tra bên dưới).",
            f"Not sent: the draft still has {errors} error(s){rules_en} "
            "(see the check results below)."))
        self.sig_refused.emit(findings)

    def _ask(self, article: Article, findings: list[Any], warnings: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Send to the portal"),
                          self.tr("The check found %n warning(s). Send the draft anyway?", "",
                                  warnings),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setObjectName("submitWarnings")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._on_confirm_finished(box, article, findings))
        self.confirm = box
        box.open()

    def _on_confirm_finished(self, box: QMessageBox, article: Article,
                             findings: list[Any]) -> None:
        self.confirm = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self._enqueue(article, findings)

    def _enqueue(self, article: Article, findings: list[Any]) -> None:
        assert self.outbox is not None
        self.context.runner.write(self.outbox.submit, article, findings,
                                  on_done=self._on_queued)

    def _on_queued(self, item: OutboxItem) -> None:
        log.info("draft %s queued as outbox item %s", item.article_uid, item.id)
        self.window.message_bar.show_message(
            self.tr("The draft is in the outbox and will be sent to the portal."), error=False)
        self.sig_queued.emit(item)
        self.refresh()
        if self.account.service is None:
            self.account.open_login(self.window, self.sync_now)
        else:
            self.sync_now(user=True)

    # --- syncing -------------------------------------------------------------------------------

    def sync_now(self, user: bool = True) -> None:
        """One round on the pool; a second request while one runs makes one more round after."""
        service = self.account.service
        if service is None or self.context.store is None:
            if user:
                self.account.open_login(self.window, self.sync_now)
            return
        if self._cancel is not None:
            self._again = self._again or user
            return
        self._cancel = threading.Event()
        self.panel.set_syncing(True)
        self.context.runner.task(work.sync_round, service, self.context.store.drafts,
                                 self._cancel, user, on_done=self._on_round_done,
                                 on_error=self._on_round_failed)

    def _on_round_done(self, report: RoundReport) -> None:
        self._cancel = None
        if report.error is None:
            self.account.connection.offer_profile(report.profile)
            self.account.connection.ensure_me()
        self._show_rows(report.rows)
        self._show_round_status(report)
        self._update_open_draft(report)
        self._plan_wakeup(report.next_wakeup)
        self.sig_round_done.emit(report)
        if self._again:
            self._again = False
            self.sync_now(user=False)

    def _on_round_failed(self, exc: BaseException) -> None:
        self._cancel = None
        self.panel.set_syncing(False)
        self.context.errors.present(exc)

    def _show_round_status(self, report: RoundReport) -> None:
        self.panel.set_syncing(False)
        expired = isinstance(report.error, AuthExpiredError) or any(
            r.state is ItemState.NEEDS_LOGIN for r in report.rows)
        self.account.mark_expired(expired)
        if report.error is not None:
            why = report.error.message(self.context.language).rstrip(".")
            self.panel.status.setText(self.tr("The portal did not answer: %1. Drafts wait in the "
                                              "outbox and go out when it is back.")
                                      .replace("%1", why))
        else:
            now = datetime.now(UTC).astimezone().strftime("%H:%M")
            self.panel.status.setText(self.tr("Synced at %1.").replace("%1", now))

    def _plan_wakeup(self, when: datetime | None) -> None:
        """A retry due before the next scheduled round gets its own round."""
        self.wakeup.stop()
        if when is None:
            return
        delay = (when - datetime.now(UTC)).total_seconds() * 1000
        self.wakeup.start(int(min(max(delay, 0), MAX_WAKEUP_MS)) + 50)

    def _update_open_draft(self, report: RoundReport) -> None:
        """The open draft follows the store: reloaded when reopened, new state when sent."""
        if report.changed:
            self.window.drafts_controller.refresh()  # the drafts list shows states too
        controller = self.editor_controller()
        if controller is None:
            return
        fresh = report.changed.get(controller.editor.article.uid)
        if fresh is None or fresh.id != controller.article_id:
            return
        if fresh.uid in report.reopened:
            controller.show_article(fresh)
        else:
            controller.editor.remember(fresh)

    # --- the list, the items, the open draft -------------------------------------------------

    def refresh(self) -> None:
        if self.outbox is not None:
            self.context.runner.task(work.load_rows, self.outbox, on_done=self._show_rows)

    def _show_rows(self, rows: list[Row]) -> None:
        self.rows = list(rows)
        self.panel.show_rows(self.rows)
        self.update_banner()

    def _change_item(self, what: str, item_id: int) -> None:
        """Pause, retry or cancel one item; stopping the one being uploaded ends its round."""
        if self.outbox is None:
            return
        row = next((r for r in self.rows if r.item_id == item_id), None)
        if what != "retry" and self._cancel is not None and row is not None \
                and row.state is ItemState.UPLOADING:
            self._cancel.set()
            self._again = True
        self.context.runner.write(getattr(self.outbox, what), item_id,
                                  on_done=lambda _r: self._after_change(what))

    def _after_change(self, what: str) -> None:
        self.refresh()
        if what == "retry":
            self.sync_now(user=True)

    def open_draft(self, article_uid: str) -> None:
        store = self.context.store
        if store is not None:
            self.context.runner.task(store.drafts.get_by_uid, article_uid,
                                     on_done=self._on_draft_found)

    def _on_draft_found(self, article: Article | None) -> None:
        if article is None or article.id is None:
            return
        window: Any = self.window
        tabs = window.centralWidget()
        if hasattr(tabs, "setCurrentIndex"):
            tabs.setCurrentIndex(0)  # the drafts tab of the review workspace's tabs
        window.editor_controller.open(article.id)

    def attach_banner(self, banner: DraftStateBanner) -> None:
        self.banner = banner
        self.update_banner()

    def update_banner(self) -> None:
        controller = self.editor_controller()
        if self.banner is None:
            return
        uid = controller.editor.article.uid if controller is not None else ""
        self.banner.language = self.context.language
        self.banner.show_row(next((r for r in self.rows if r.article_uid == uid), None))
