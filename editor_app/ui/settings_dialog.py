"""The settings dialog, GENERATED from editor_app.core.settings.SCHEMA: no UI code per setting.

Widgets follow the declared type (choices → combo box, int/float → spin box, bool → check box,
str → line edit). Keys locked by the IT preset are shown read-only with the reason in the tooltip.
Only changed values are written, through the DB worker like every other write.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.settings import SCHEMA, SettingSpec
from editor_app.ui.context import AppContext

Reader = Callable[[], Any]


class SettingsDialog(QDialog):
    """Emits ``sig_language_chosen`` when the interface language changed (applied at once)."""

    sig_language_chosen = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.readers: dict[str, Reader] = {}
        self.changed: dict[str, Any] = {}
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for spec, value in context.settings.items():
            widget, reader = self._make_widget(spec, value)
            label = context.pick(spec.label_vi, spec.label_en)
            help_text = context.pick(spec.help_vi, spec.help_en)
            widget.setAccessibleName(label)
            widget.setAccessibleDescription(help_text)
            widget.setToolTip(help_text)
            if context.settings.is_locked(spec.key):
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Set by your IT staff (locked)"))
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self.readers[spec.key] = reader
            self.widgets[spec.key] = widget
            if spec.key == "profile_id":
                self._add_portal_profile_note(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _add_portal_profile_note(self, form: QFormLayout) -> None:
        """Under the profile choice, when the connected portal enforces a profile of its own:
        the checks follow the portal's, so the user must not believe the choice above is in
        force. The choice stays editable: it applies again when no portal profile is known."""
        enforced = self._context.portal_profile
        self.portal_profile_note: QLabel | None = None
        if enforced is None:
            return
        note = self.portal_profile_note = QLabel(self.tr(
            "The connected portal enforces its own rules: {0} — {1} ({2}). Checks follow them; "
            "the choice above applies when the app knows no portal profile."
        ).format(enforced.province, enforced.portal_name, enforced.id), self)
        note.setWordWrap(True)
        note.setAccessibleName(note.text())
        form.addRow(note)

    def _make_widget(self, spec: SettingSpec, value: Any) -> tuple[QWidget, Reader]:
        if spec.choices:
            combo = QComboBox(self)
            for choice in spec.choices:
                combo.addItem(_choice_label(self._context, spec.key, choice), choice)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo, combo.currentData
        if spec.key == "profile_id":
            return self._profile_combo(value)
        if spec.type is bool:
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box, box.isChecked
        if spec.type is int:
            spin = QSpinBox(self)
            spin.setRange(0, 1_000_000)
            spin.setValue(int(value))
            return spin, spin.value
        if spec.type is float:
            dspin = QDoubleSpinBox(self)
            dspin.setRange(0.0, 3600.0)
            dspin.setSingleStep(0.5)
            dspin.setValue(float(value))
            return dspin, dspin.value
        line = QLineEdit(str(value), self)
        return line, lambda: line.text().strip()

    def _profile_combo(self, value: Any) -> tuple[QWidget, Reader]:
        """Shipped profiles, shown at once by id (a file listing), then named by province
        once ``list_profiles`` (which parses every profile) has run on the pool; a stored id
        that is not shipped here is kept."""
        from editor_app.core.profiles import profile_ids

        combo = self.profile_combo = QComboBox(self)
        for profile_id in profile_ids():
            combo.addItem(profile_id, profile_id)
        if combo.findData(value) < 0:
            combo.addItem(str(value), value)
        combo.setCurrentIndex(combo.findData(value))
        self._context.runner.task(_list_profiles, on_done=self._on_profiles_listed)
        return combo, combo.currentData

    def _on_profiles_listed(self, infos: list[Any]) -> None:
        """Label each profile "Province — portal (id)"."""
        for info in infos:
            index = self.profile_combo.findData(info.id)
            if index >= 0:
                self.profile_combo.setItemText(index, f"{info.province} — {info.portal_name} "
                                                      f"({info.id})")

    def changed_values(self) -> dict[str, Any]:
        settings = self._context.settings
        return {spec.key: self.readers[spec.key]() for spec in SCHEMA
                if not settings.is_locked(spec.key)
                and self.readers[spec.key]() != settings.get(spec.key)}

    def accept(self) -> None:
        changes = self.changed = self.changed_values()
        if changes:
            self._context.runner.write(_write_settings, self._context.settings, changes)
        if "profile_id" in changes:
            self._context.load_profile(str(changes["profile_id"]))
        if "language" in changes:
            self.sig_language_chosen.emit(changes["language"])
        super().accept()


def _list_profiles() -> list[Any]:
    from editor_app.core.profiles import list_profiles

    return list_profiles()


def _write_settings(settings: Any, changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        settings.set(key, value)


def _choice_label(context: AppContext, key: str, choice: str) -> str:
    labels = {("language", "vi"): "Tiếng Việt", ("language", "en"): "English",
              ("tone_style", "keep"): context.pick("Giữ nguyên", "Keep as written"),
              ("tone_style", "old"): context.pick("Kiểu cũ (hoà)", "Old style (hoà)"),
              ("tone_style", "new"): context.pick("Kiểu mới (hòa)", "New style (hòa)")}
    return labels.get((key, choice), choice)
