"""Connects one ArticleEditor to the store: load, autosave, attachments, checks, history.

Every store call goes through the operation runner (writes on the single DB worker, reads and
inspection on the pool), so the window never freezes and writes never race. Autosave hands the
worker a fresh Article built from the widgets; the editor keeps the user's text as typed and only
takes ids and timestamps back from the save.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from editor_app.core.articles import Article, AttachmentRef
from editor_app.ui.context import AppContext
from editor_app.ui.editor.autosave import Autosaver
from editor_app.ui.editor.checks import (
    apply_fix,
    attachment_fix_target,
    fix_attachment_file,
    inspect_file,
    validate,
)
from editor_app.ui.editor.editor_widget import ArticleEditor
from editor_app.ui.editor.findings_panel import severity_icon
from editor_app.ui.editor.history import VersionHistoryDialog
from editor_app.validation.findings import Finding, Severity

log = logging.getLogger("editor_app.ui.editor")

CHECK_DELAY_MS = 1200


class EditorController(QObject):
    """Owns the draft being edited; ``sig_saved(article)`` after each successful save."""

    sig_saved = Signal(object)
    sig_opened = Signal(object)

    def __init__(self, context: AppContext, editor: ArticleEditor) -> None:
        super().__init__(editor)
        self._context = context
        self.editor = editor
        self.autosaver = Autosaver(self.save_now, parent=self,
                                   debounce_s=float(context.settings.get("autosave_seconds")))
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self._check_generation = 0
        self.saves_in_flight = 0
        editor.set_blob_resolver(self._blob_path)
        editor.set_task_runner(context.runner.task)  # paste checks run on the pool
        editor.set_tone_style(lambda: getattr(context.profile(), "tone_style", "keep"))
        editor.sig_changed.connect(self._on_editor_changed)
        editor.fields.sig_category_changed.connect(self._on_fields_category_changed)
        editor.fields.sig_title_changed.connect(self.update_address)
        panel = editor.attachments
        panel.sig_add_files.connect(self.add_files)
        panel.sig_remove.connect(self.remove_attachment)
        panel.sig_open.connect(self.open_attachment)
        panel.sig_caption_changed.connect(self.update_caption)
        panel.sig_insert_image.connect(self._on_panel_insert_image)
        editor.body.sig_image_dropped.connect(lambda path: self.add_files([path], inline=True))
        editor.toolbar.sig_insert_image.connect(self._on_toolbar_insert_image)
        editor.findings.sig_jump.connect(lambda f: editor.focus_location(f.location))
        editor.findings.sig_fix.connect(self.fix)

    # -- opening and saving --------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return self.editor.article.id

    def open(self, article_id: int) -> None:
        """Save what is open, then load ``article_id`` (reads run on the pool)."""
        if article_id == self.article_id:
            return
        self.autosaver.flush()
        store = self._context.require_store()
        self._context.runner.task(store.drafts.get, article_id, on_done=self.show_article)

    def create(self) -> None:
        """A new draft with the user's defaults (pen name, unit) from settings."""
        self.autosaver.flush()
        settings = self._context.settings
        article = Article(pen_name=str(settings.get("pen_name")),
                          real_name=str(settings.get("real_name")),
                          unit=str(settings.get("unit")))
        store = self._context.require_store()
        self._context.runner.write(store.drafts.create, article, on_done=self.show_article)

    def close_article(self) -> None:
        """Forget the open draft (it is being deleted): nothing pending may write it back."""
        self.autosaver.cancel()
        self._check_timer.stop()
        self.editor.load(Article(), ())

    def show_article(self, article: Article) -> None:
        self.editor.load(article, self.specs(article.category))
        self.update_hints()
        self.sig_opened.emit(article)
        self.schedule_check()
        for ref in article.attachments:
            self._inspect(ref)

    def save_now(self) -> None:
        """Hand the current state to the DB worker (autosave calls this when due)."""
        self.autosaver.cancel()
        if self.article_id is None or self._context.store is None:
            return
        self.saves_in_flight += 1
        article = self.editor.current_article()
        self._context.runner.write(self._context.store.drafts.save, article,
                                   on_done=self._on_saved, on_error=self._on_save_failed)

    def checkpoint(self) -> None:
        """Ctrl+S: save now and keep this state as a version."""
        self.save_now()
        store = self._context.store
        if self.article_id is not None and store is not None:
            self._context.runner.write(store.drafts.checkpoint, self.article_id)

    def _on_saved(self, saved: Article) -> None:
        self.saves_in_flight -= 1
        if saved.id == self.article_id:
            self.editor.remember(saved)
        self.sig_saved.emit(saved)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.saves_in_flight -= 1
        self._context.errors.present(exc)

    def _on_editor_changed(self) -> None:
        self.autosaver.changed()
        self.schedule_check()
        self.update_deadline()

    def update_hints(self) -> None:
        """The address preview and the deadline line, for the current profile and widgets."""
        self.update_address()
        self.update_deadline()

    def update_address(self) -> None:
        """As the user types the title: the address the portal will build from it."""
        from editor_app.core.slug import portal_slug

        profile = self._context.profile()
        self.editor.fields.show_address(profile.portal_url if profile else "",
                                        portal_slug(self.editor.fields.title.text()))

    def update_deadline(self) -> None:
        """Category and event date (e.g. the issue date) decide the deadline; cheap enough
        (a few calendar lookups) to recompute on every edit."""
        from editor_app.ui.deadlines import deadline_status

        fields = self.editor.fields
        article = Article(category=fields.category_id() or "news",
                          metadata=self.editor.metadata.values())
        fields.show_deadline(deadline_status(self._context.profile(), article,
                                             self._context.today()))

    def _on_fields_category_changed(self, category: str) -> None:
        self.editor.set_metadata_specs(self.specs(category))
        for ref in self.editor.current_article().attachments:
            self._inspect(ref)  # the new category may allow other formats or sizes

    def specs(self, category: str) -> tuple[Any, ...]:
        profile = self._context.profile()
        found = profile.categories.get(category) if profile else None
        return tuple(found.fields) if found else ()

    def categories(self) -> list[tuple[str, str]]:
        profile = self._context.profile()
        if profile is None:
            return []
        return [(cid, self._context.pick(c.name_vi, c.name_en))
                for cid, c in profile.categories.items()]

    # -- attachments ---------------------------------------------------------------------------

    def add_files(self, paths: list[Path], inline: bool = False) -> None:
        """Copy each file into the blob store now (the original may vanish later)."""
        store = self._context.store
        article_id = self.article_id
        if store is None or article_id is None:
            return
        for path in paths:
            self._context.runner.write(
                store.drafts.add_attachment, article_id, path,
                on_done=lambda ref, i=inline: self._on_attachment_added(article_id, ref, i),
                progress_title=self.tr("Copying %s…") % path.name,
                progress_parent=self.editor)

    def _on_attachment_added(self, article_id: int, ref: AttachmentRef, inline: bool) -> None:
        if article_id != self.article_id:
            return
        self.editor.set_attachments([*self.editor.attachments.attachments(), ref])
        if inline and ref.media_type.startswith("image/"):
            self.editor.body.insert_blob_image(ref.sha256, ref.caption or ref.filename)
        self._inspect(ref)
        self.schedule_check()

    def remove_attachment(self, attachment_id: int) -> None:
        store, article_id = self._context.store, self.article_id
        if store is None or article_id is None:
            return
        remaining = [r for r in self.editor.attachments.attachments() if r.id != attachment_id]
        self.editor.set_attachments(remaining)
        self._context.runner.write(store.drafts.remove_attachment, article_id, attachment_id,
                                   on_done=lambda _r: self.schedule_check())

    def update_caption(self, attachment_id: int, caption: str) -> None:
        store, article_id = self._context.store, self.article_id
        if store is not None and article_id is not None:
            self._context.runner.write(store.drafts.update_caption, article_id, attachment_id,
                                       caption)

    def open_attachment(self, attachment_id: int) -> None:
        ref = self._ref(attachment_id)
        path = self._blob_path(ref.sha256) if ref else None
        if ref is None or path is None:
            return
        self._context.runner.task(_named_copy, path, self._context.paths.cache / "open",
                                  ref.filename, on_done=lambda p: QDesktopServices.openUrl(
                                      QUrl.fromLocalFile(str(p))))

    def _ref(self, attachment_id: int) -> AttachmentRef | None:
        return next((r for r in self.editor.attachments.attachments()
                     if r.id == attachment_id), None)

    def _blob_path(self, sha256: str) -> Path | None:
        store = self._context.store
        try:
            return store.blobs.path(sha256) if store is not None else None
        except ValueError:
            return None

    def _on_panel_insert_image(self, attachment_id: int) -> None:
        ref = self._ref(attachment_id)
        if ref is not None and ref.media_type.startswith("image/"):
            self.editor.body.insert_blob_image(ref.sha256, ref.caption or ref.filename)

    def _on_toolbar_insert_image(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.editor, self.tr("Insert image"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp)"))
        if name:
            self.add_files([Path(name)], inline=True)

    def _inspect(self, ref: AttachmentRef) -> None:
        path = self._blob_path(ref.sha256)
        if path is None or ref.id is None:
            return
        attachment_id = ref.id
        category = self.editor.fields.category_id() or None  # its rules may narrow the profile's
        self._context.runner.task(inspect_file, path, ref.filename, self._context.check_profile(),
                                  category,
                                  on_done=lambda f: self._show_inspection(attachment_id, f))

    def _show_inspection(self, attachment_id: int, findings: list[Finding]) -> None:
        language = self._context.language
        worst = _worst(findings)
        text = {Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning"),
                Severity.INFO: self.tr("OK"), None: self.tr("OK")}[worst]
        tip = "\n".join(f.message(language) for f in findings) or self.tr("No problems found.")
        panel = self.editor.attachments
        panel.set_status(attachment_id, severity_icon(panel, worst), text, tip)

    # -- checks --------------------------------------------------------------------------------

    def schedule_check(self) -> None:
        self._check_timer.start()

    def check_now(self) -> None:
        if self.article_id is None:
            return
        self._check_generation += 1
        generation = self._check_generation
        article = self.editor.current_article()
        pairs = [(ref, self._blob_path(ref.sha256)) for ref in article.attachments]
        files = [(ref, path) for ref, path in pairs if path is not None]
        self._context.runner.task(validate, article, files, self._context.check_profile(),
                                  on_done=lambda found: self._on_checked(generation, found))

    def _on_checked(self, generation: int, findings: list[Finding]) -> None:
        if generation == self._check_generation:
            self.editor.findings.set_findings(findings, self._context.language)

    def fix(self, finding: Finding) -> None:
        """One-click fix: a text fix is applied to the widgets and saved like an edit; a file fix
        replaces the attachment with a fixed copy (the old one stays in the version history)."""
        target = attachment_fix_target(finding)
        if target is not None:
            self._fix_attachment(target, str(finding.fix))
            return
        fixed = apply_fix(self.editor.current_article(), finding)
        if fixed is None:
            return
        self.editor.load(replace(fixed, attachments=self.editor.attachments.attachments()),
                         self.specs(fixed.category))
        self.save_now()
        self.schedule_check()

    def _fix_attachment(self, sha256: str, fix_id: str) -> None:
        store, article_id = self._context.store, self.article_id
        old = next((r for r in self.editor.attachments.attachments() if r.sha256 == sha256), None)
        if store is None or article_id is None or old is None or old.id is None:
            return
        folder = self._context.paths.cache / "fixes"
        self._context.runner.write(_replace_with_fixed, store, article_id, old, fix_id, folder,
                                   on_done=self._on_attachment_fixed)

    def _on_attachment_fixed(self, article: Article) -> None:
        if article.id == self.article_id:
            self.editor.set_attachments(article.attachments)
            for ref in article.attachments:
                self._inspect(ref)
            self.schedule_check()

    # -- history -------------------------------------------------------------------------------

    def show_history(self) -> VersionHistoryDialog | None:
        store, article_id = self._context.store, self.article_id
        if store is None or article_id is None:
            return None
        self.autosaver.flush()
        dialog = VersionHistoryDialog(self.editor)
        dialog.sig_view.connect(lambda vid: self._context.runner.task(
            store.drafts.version, vid, on_done=dialog.show_version))
        dialog.sig_restore.connect(lambda vid: self.restore(vid, dialog))
        self._context.runner.task(store.drafts.versions, article_id,
                                  on_done=dialog.set_versions)
        dialog.open()
        return dialog

    def restore(self, version_id: int, dialog: VersionHistoryDialog | None = None) -> None:
        store, article_id = self._context.store, self.article_id
        if store is None or article_id is None:
            return
        self.autosaver.flush()

        def done(article: Article) -> None:
            self.show_article(article)
            self.sig_saved.emit(article)
            if dialog is not None:
                dialog.accept()

        self._context.runner.write(store.drafts.restore, article_id, version_id, on_done=done)


def _worst(findings: list[Finding]) -> Severity | None:
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if any(f.severity is severity for f in findings):
            return severity
    return None


def _replace_with_fixed(store: Any, article_id: int, old: AttachmentRef, fix_id: str,
                        folder: Path) -> Article:
    """DB worker: fix a copy of the blob, attach it with the old caption, drop the old one."""
    fixed = fix_attachment_file(store.blobs.path(old.sha256), fix_id, folder, old.filename)
    try:
        store.drafts.add_attachment(article_id, fixed, old.caption)
        store.drafts.remove_attachment(article_id, old.id)
    finally:
        fixed.unlink(missing_ok=True)
    return store.drafts.get(article_id)


def _named_copy(blob: Path, folder: Path, filename: str) -> Path:
    """Blobs have no extension; the OS needs the real name to pick the right program."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / Path(filename).name
    shutil.copyfile(blob, target)
    return target
