"""Pieces the settings tabs share: the page interface, a warning line, and the fixed
choices (insert mode, paste chord, send key) offered both as defaults and per
application, so the two lists can never drift apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QStyle, QWidget

from assistant.settings import Settings
from ui.widgets.hotkey_edit import display_hotkey


class SettingsPage(QWidget):
    """One tab of the settings window: shows part of ``Settings`` and gives back the
    fields it owns. Pages validate their form; they write nothing themselves."""

    def load(self, settings: Settings) -> None:
        raise NotImplementedError

    def changes(self) -> dict[str, object]:
        """The fields this page owns, for ``dataclasses.replace``."""
        raise NotImplementedError

    def refusal(self) -> str | None:
        """Why the settings cannot be saved as they stand (translated), else None."""
        return None

    def focus_problem(self) -> None:
        """Put the keyboard focus where the problem ``refusal`` names is."""

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Notice(QWidget):
    """A line under a field saying what is wrong with it; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.severity = ""
        self.setVisible(False)

    def show_message(self, text: str, severity: str = "warning") -> None:
        """Show ``text`` as a "warning" (advice), an "error" (blocks saving) or "info"
        (how something went); "" hides it."""
        self.severity = severity if text else ""
        self.label.setText(text)
        if text:
            pixmap = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                      "info": QStyle.StandardPixmap.SP_MessageBoxInformation}.get(
                severity, QStyle.StandardPixmap.SP_MessageBoxWarning)
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.setVisible(bool(text))

    def message(self) -> str:
        return self.label.text()


def mode_label(mode: str) -> str:
    if mode == "type":
        return QCoreApplication.translate("SettingsChoices", "Type out key by key")
    return QCoreApplication.translate("SettingsChoices", "Paste")


@dataclass(frozen=True)
class ChoiceSet:
    """The values a combo box offers and how each is shown. A stored value outside the
    list (a chord written by hand in settings.json) is offered too when ``keep_unknown``,
    so opening and saving the settings never changes it behind the user's back."""

    values: tuple[str, ...]
    label: Callable[[str], str]
    keep_unknown: bool = True

    def fill(self, combo: QComboBox, current: str) -> None:
        values = list(self.values)
        if self.keep_unknown and current and current not in values:
            values.append(current)
        combo.clear()
        for value in values:
            combo.addItem(self.label(value), value)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def relabel(self, combo: QComboBox) -> None:
        for index in range(combo.count()):
            combo.setItemText(index, self.label(combo.itemData(index)))


MODES = ChoiceSet(("paste", "type"), mode_label, keep_unknown=False)
PASTE_CHORDS = ChoiceSet(("ctrl+v", "ctrl+shift+v", "shift+insert"), display_hotkey)
SEND_KEYS = ChoiceSet(("return", "ctrl+return"), display_hotkey)
