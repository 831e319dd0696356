"""The settings tabs that are plain forms: hotkeys, inserting, general.

The hotkey tab shows problems live, using the core's rules: two app hotkeys that are
the same chord block saving (one of them could never work); a chord the desktop, an
input method or the chat clients own is not taken when pressed (the recorder refuses
it and the reason is shown under the field); such a chord already stored, or one a
reply already uses, is a warning — the app hotkeys win over a reply's hotkey anyway.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.desktop import autostart
from assistant.desktop.chords import Chord, find_conflicts, parse_chord
from assistant.errors import BadInput
from assistant.i18n import language
from assistant.phrases.drafts import HotkeyClash, hotkey_clash
from assistant.phrases.model import Phrase
from assistant.phrases.shown import hidden_books
from assistant.settings import Settings
from ui.context import AppContext
from ui.settings.team_share import TeamShareField
from ui.settings.widgets import MODES, PASTE_CHORDS, SEND_KEYS, Notice, SettingsPage
from ui.widgets.book_choice import BookChoice
from ui.widgets.hotkey_edit import HotkeyEdit, display_hotkey

ROLES = ("picker", "pause")


def _buddy(parent: QWidget, field: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setBuddy(field)
    return label


def _with_notice(field: QWidget, notice: Notice) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(notice)
    return column


def _form() -> QFormLayout:
    """Labels beside fields; text fields grow, combo and spin boxes keep their natural
    width; long (Chinese) labels put their field on the next line rather than clip."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _spin(parent: QWidget, low: int, high: int, step: int = 1) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setAccelerated(True)
    return spin


def _app_clashes(hotkeys: dict[str, str]) -> dict[str, str]:
    """For each role whose chord another role also has: that other role (both ways)."""
    assignments: list[tuple[str, Chord]] = []
    for role, text in hotkeys.items():
        if text:
            with suppress(BadInput):
                assignments.append((role, parse_chord(text)))
    found = find_conflicts(assignments)
    return found | {other: role for role, other in found.items()}


class HotkeysPage(SettingsPage):
    """The picker and pause hotkeys; ``blockingChanged(True)`` while they, or a hotkey
    another tab lends with ``adopt``, cannot be saved."""

    blockingChanged = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._phrases = context.store.phrases(with_usage=False)
        self._blocking = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.edits = {role: HotkeyEdit(self) for role in ROLES}
        self.notices = {role: Notice(self) for role in ROLES}
        self.picker_edit, self.pause_edit = self.edits["picker"], self.edits["pause"]
        self.labels = {role: _buddy(self, self.edits[role]) for role in ROLES}
        form = _form()
        for role in ROLES:
            form.addRow(self.labels[role], _with_notice(self.edits[role], self.notices[role]))
            self._listen(role, self.edits[role])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        context.phrasesChanged.connect(self._reload_phrases)
        self.retranslate()

    def title(self) -> str:
        return self.tr("&Hotkeys")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("These key combinations work in every application. Click a field and press "
                                   "the keys; Backspace clears it."))
        self.labels["picker"].setText(self.tr("&Open the picker:"))
        self.labels["pause"].setText(self.tr("&Pause or resume all hotkeys:"))
        self.check()

    def load(self, settings: Settings) -> None:
        self.picker_edit.setHotkey(settings.picker_hotkey)
        self.pause_edit.setHotkey(settings.pause_hotkey)
        self.check()

    def changes(self) -> dict[str, object]:
        return {"picker_hotkey": self.picker_edit.hotkey(), "pause_hotkey": self.pause_edit.hotkey()}

    def adopt(self, role: str, edit: HotkeyEdit, notice: Notice) -> None:
        """Check a hotkey shown on another tab with these: a clash with the picker or
        pause hotkey is shown under both and blocks saving. That tab refuses for it."""
        self.edits[role], self.notices[role] = edit, notice
        self._listen(role, edit)
        self.check()

    def _listen(self, role: str, edit: HotkeyEdit) -> None:
        edit.hotkeyChanged.connect(self.check)
        edit.refused.connect(lambda message: self._refused(role, message))

    def _refused(self, role: str, message: str) -> None:
        """A chord the field would not take: said under it, before what its value
        (unchanged) still has to say, whose severity stands."""
        self.check()
        notice = self.notices[role]
        lines = [message, notice.message()] if notice.severity else [message]
        notice.show_message("\n".join(lines), notice.severity if notice.severity == "error" else "warning")

    def blocking_reason(self) -> str | None:
        """Why no hotkey set can be saved now, on this tab or an adopted field."""
        errors = [notice.message() for notice in self.notices.values() if notice.severity == "error"]
        return errors[0] if errors else None

    def refusal(self) -> str | None:
        errors = [self.notices[role].message() for role in ROLES if self.notices[role].severity == "error"]
        return errors[0] if errors else None

    def focus_problem(self) -> None:
        for role in ROLES:
            if self.notices[role].severity == "error":
                self.edits[role].setFocus()
                return

    def _reload_phrases(self) -> None:
        self._phrases = self.context.store.phrases(with_usage=False)
        self.check()

    def check(self) -> None:
        """Show each field's problem under it; say when saving becomes (im)possible."""
        hotkeys = {role: edit.hotkey() for role, edit in self.edits.items()}
        clashes = _app_clashes(hotkeys)
        for role, text in hotkeys.items():
            if role in clashes:
                self.notices[role].show_message(self._app_clash_message(text, clashes[role]), "error")
                continue
            # The core's phrase-hotkey rules, applied to a stand-in phrase in no book.
            clash = hotkey_clash(Phrase(text="", hotkey=text), self._phrases, {})
            self.notices[role].show_message(*self._clash_message(text, clash))
        blocking = self.blocking_reason() is not None
        if blocking != self._blocking:
            self._blocking = blocking
            self.blockingChanged.emit(blocking)

    def _app_clash_message(self, text: str, other: str) -> str:
        messages = {
            "picker": self.tr("{hotkey} already opens the picker. Each hotkey needs its own combination."),
            "pause": self.tr("{hotkey} already pauses the hotkeys. Each hotkey needs its own combination."),
            "new_conversation": self.tr("{hotkey} already starts a new conversation. Each hotkey needs its own "
                                        "combination."),
        }
        message = messages.get(other, messages["pause"])
        return message.format(hotkey=display_hotkey(text))

    def _clash_message(self, text: str, clash: HotkeyClash | None) -> tuple[str, str]:
        shown = display_hotkey(text)
        if clash is None:
            return "", ""
        if clash.kind == "invalid":
            return self.tr("{hotkey} cannot be used: {reason}").format(hotkey=shown, reason=clash.detail), "error"
        if clash.kind == "reserved":
            return self.tr("{hotkey} is not recommended: {reason}").format(hotkey=shown, reason=clash.detail), \
                "warning"
        return self.tr("{hotkey} is also the hotkey of the reply “{title}”, which will then not work.").format(
            hotkey=shown, title=clash.detail), "warning"


class InsertingPage(SettingsPage):
    """How replies go into a chat window when no application rule says otherwise."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode_box = QComboBox(self)
        self.paste_chord_box = QComboBox(self)
        self.send_key_box = QComboBox(self)
        self.restore_box = QCheckBox(self)
        self.timeout_spin = _spin(self, 200, 10000, 100)
        self.agent_edit = QLineEdit(self)
        self.agent_edit.setClearButtonEnabled(True)
        self.labels = [_buddy(self, field) for field in
                       (self.mode_box, self.paste_chord_box, self.send_key_box, self.timeout_spin, self.agent_edit)]
        form = _form()
        for label, field in zip(self.labels[:3], (self.mode_box, self.paste_chord_box, self.send_key_box),
                                strict=True):
            form.addRow(label, field)
        form.addRow("", self.restore_box)
        form.addRow(self.labels[3], self.timeout_spin)
        form.addRow(self.labels[4], self.agent_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("&Inserting")

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (
                self.tr("Insert &by:"), self.tr("&Paste chord:"), self.tr("Send &key between messages:"),
                self.tr("&Wait for the paste at most:"), self.tr("Your &name for {agent}:")), strict=True):
            label.setText(text)
        MODES.relabel(self.mode_box)
        self.mode_box.setToolTip(self.tr("Pasting works with Chinese text and input methods; typing out is "
                                         "for applications that refuse a paste."))
        self.paste_chord_box.setToolTip(self.tr("Terminals usually need Ctrl+Shift+V."))
        self.send_key_box.setToolTip(self.tr("Sent between the parts of a reply marked "
                                             "“Send as separate messages”."))
        self.restore_box.setText(self.tr("&Restore my clipboard after pasting"))
        self.timeout_spin.setSuffix(self.tr(" ms"))
        self.timeout_spin.setToolTip(self.tr("How long the chat window may take to read the pasted text "
                                             "before your clipboard is put back."))
        self.agent_edit.setPlaceholderText(self.tr("e.g. Lily or agent 07"))

    def load(self, settings: Settings) -> None:
        MODES.fill(self.mode_box, settings.insert_mode)
        PASTE_CHORDS.fill(self.paste_chord_box, settings.paste_chord)
        SEND_KEYS.fill(self.send_key_box, settings.send_key)
        self.restore_box.setChecked(settings.restore_clipboard)
        self.timeout_spin.setValue(settings.clipboard_restore_timeout_ms)
        self.agent_edit.setText(settings.agent_name)

    def changes(self) -> dict[str, object]:
        return {"insert_mode": self.mode_box.currentData(), "paste_chord": self.paste_chord_box.currentData(),
                "send_key": self.send_key_box.currentData(), "restore_clipboard": self.restore_box.isChecked(),
                "clipboard_restore_timeout_ms": self.timeout_spin.value(), "agent_name": self.agent_edit.text().strip()}


class GeneralPage(SettingsPage):
    """Language, the books the picker shows, starting at login, backups and the length
    check. Whether the app starts at login is read from the desktop itself (the user may
    have changed it there). The first-run introduction can be run again from here; it
    saves settings itself, so this window closes first rather than save over it."""

    LANGUAGES = ("", "zh", "en")

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.books = BookChoice(self)
        self.introduction_button = QPushButton(self)
        self.introduction_button.clicked.connect(self._introduction)
        self.language_box = QComboBox(self)
        self.autostart_box = QCheckBox(self)
        self.autostart_notice = Notice(self)
        self.backups_spin = _spin(self, 1, 100)
        self.length_spin = _spin(self, 20, 2000, 10)
        self.autostart_loaded = False
        # The books setting as loaded, and the books it hid then.
        self.books_loaded: tuple[list[str] | None, list[str]] = (None, [])
        self.labels = [_buddy(self, field) for field in (self.language_box, self.backups_spin, self.length_spin)]
        self.books_label = QLabel(self)
        self.team_share = TeamShareField(self)
        self.team_share_notice = Notice(self)
        self.team_share_label = _buddy(self, self.team_share.edit)
        form = _form()
        form.addRow(self.labels[0], self.language_box)
        form.addRow("", _with_notice(self.autostart_box, self.autostart_notice))
        form.addRow(self.labels[1], self.backups_spin)
        form.addRow(self.labels[2], self.length_spin)
        form.addRow(self.books_label, self.books)
        form.addRow(self.team_share_label, _with_notice(self.team_share, self.team_share_notice))
        form.addRow("", self.introduction_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def _hidden_books(self) -> list[str] | None:
        """The setting as loaded while the boxes are as loaded: a default not chosen
        stays one, following the interface language."""
        setting, shown = self.books_loaded
        hidden = self.books.hidden()
        return setting if hidden == shown else hidden

    def _introduction(self) -> None:
        self.window().close()
        self.context.windowRequested.emit("first-run")

    def title(self) -> str:
        return self.tr("&General")

    def retranslate(self) -> None:
        names = {"": self.tr("Follow the system"), "zh": "中文", "en": "English"}
        if not self.language_box.count():
            for code in self.LANGUAGES:
                self.language_box.addItem(names[code], code)
        for index in range(self.language_box.count()):
            self.language_box.setItemText(index, names[self.language_box.itemData(index)])
        self.labels[0].setText(self.tr("&Language:"))
        self.labels[1].setText(self.tr("&Backups to keep:"))
        self.labels[2].setText(self.tr("Longest &message before the check warns:"))
        self.length_spin.setSuffix(self.tr(" characters"))
        self.autostart_box.setText(self.tr("Start QuickReply &when I log in"))
        self.books_label.setText(self.tr("Books the picker shows:"))
        self.introduction_button.setText(self.tr("Run the &introduction again…"))
        self.team_share_label.setText(self.tr("Share my numbers with the &team:"))
        if not autostart.is_supported():
            self.autostart_box.setToolTip(self.tr("Not available on this system."))

    def load(self, settings: Settings) -> None:
        self.language_box.setCurrentIndex(max(self.language_box.findData(settings.language), 0))
        books = self.context.books_language_first()
        self.books.set_books(books, hidden_books(settings.hidden_books, books, language()))
        self.books_loaded = (settings.hidden_books, self.books.hidden())
        self.autostart_loaded = autostart.is_enabled()
        self.autostart_box.setChecked(self.autostart_loaded)
        self.autostart_box.setEnabled(autostart.is_supported())
        self.autostart_notice.show_message("")
        self.backups_spin.setValue(settings.backups_kept)
        self.length_spin.setValue(settings.lint_max_length)
        self.team_share.edit.setText(settings.team_share)
        self.team_share_notice.show_message("")

    def changes(self) -> dict[str, object]:
        return {"language": self.language_box.currentData(), "start_at_login": self.autostart_box.isChecked(),
                "hidden_books": self._hidden_books(),
                "backups_kept": self.backups_spin.value(), "lint_max_length": self.length_spin.value(),
                "team_share": self.team_share.place()}

    def refusal(self) -> str | None:
        refusal = self.team_share.refusal()
        self.team_share_notice.show_message(refusal or "", "error")
        return refusal

    def focus_problem(self) -> None:
        self.team_share.edit.setFocus()
