"""The dialog that adds or edits one phrase, with the trade's checks shown as you type.

Leads write scripts here, so the rules they should keep (no absolute promises, no cold
bare greeting, codes unique in the book, hotkeys free) are shown live, not after
saving: warnings advise, errors (an empty reply, a code or hotkey already taken, an
unknown placeholder) keep Save disabled and say why. The rules come from
``assistant.phrases.drafts`` and ``assistant.phrases.lint``; this module only shows them.

A new phrase's reply is empty before anyone typed: that is where one starts, not a
mistake, so it blocks Save quietly (the tooltip says why) until the reply has been
typed and emptied again or Save is asked for (Ctrl+S). Closing with changes asks first,
through the manager's ``ManagerDialogs`` so tests can answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import QuickReplyError
from assistant.phrases.drafts import HotkeyClash, app_hotkeys, hotkey_clash, lint_draft
from assistant.phrases.model import Phrase
from assistant.phrases.templates import INPUT_PREFIX, KNOWN
from ui.context import AppContext
from ui.manager.dialogs import ManagerDialogs
from ui.widgets.hotkey_edit import HotkeyEdit
from ui.widgets.placement import keep_on_screen
from ui.widgets.scrolling import scroll_above


@dataclass(frozen=True)
class Problem:
    """One line of the live checks: "error" blocks Save, "warning" does not."""

    severity: str
    message: str
    rule: str = ""


class PhraseEditor(QDialog):
    """Edit ``phrase`` (or a new one in ``group``) of the book ``book_id``; after Accept,
    ``phrase()`` is the result. Nothing is written here: the manager saves it, so the
    change goes through its undo stack. ``dialogs`` asks the editor's questions (the
    manager's, so the same hooks answer them); one of its own when not given."""

    def __init__(self, context: AppContext, book_id: str, phrase: Phrase | None = None, *, group: str = "",
                 parent: QWidget | None = None, dialogs: ManagerDialogs | None = None):
        super().__init__(parent)
        self.context = context
        self.dialogs = dialogs or ManagerDialogs(self)
        self._base = replace(phrase, book_id=book_id) if phrase else Phrase(text="", group=group, book_id=book_id)
        self._book_phrases = context.store.phrases(book_id, with_usage=False)
        self._all_phrases = context.store.phrases(with_usage=False)
        self.setWindowTitle(self.tr("Edit phrase") if phrase else self.tr("New phrase"))
        # Why the hotkey field last refused a chord, shown with the checks until it changes.
        self._refusal = ""
        # An empty reply is left unsaid until typed in or a save is asked for (see the module).
        self._quiet_empty = not self._base.text
        self._build()
        self._fill(self._base)
        self.hotkey_edit.refused.connect(self._hotkey_refused)
        self.hotkey_edit.hotkeyChanged.connect(lambda: self._hotkey_refused(""))  # checks again, too
        for signal in (self.title_edit.textChanged, self.group_box.currentTextChanged, self.code_edit.textChanged,
                       self.tags_edit.textChanged, self.separate_box.toggled, self.text_edit.textChanged):
            signal.connect(self.check)
        self.check()

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Made from the first line when left empty"))
        self.group_box = QComboBox(self)
        self.group_box.setEditable(True)
        self.group_box.addItems(list(dict.fromkeys(p.group for p in self._book_phrases if p.group)))
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("Letters or digits to type in the picker, e.g. fh"))
        self.hotkey_edit = HotkeyEdit(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas"))
        self.separate_box = QCheckBox(self.tr("Send as separate messages"), self)
        self.separate_box.setToolTip(self.tr("A line holding only --- starts a new chat message"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("The reply as the buyer will read it"))
        self.placeholder_button = QPushButton(self.tr("Insert &placeholder"), self)
        self.placeholder_button.setAutoDefault(False)
        self.placeholder_button.setMenu(self._placeholder_menu())
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.findings.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.blocked_label = QLabel(self)
        self.blocked_label.setWordWrap(True)
        bold = self.blocked_label.font()
        bold.setBold(True)
        self.blocked_label.setFont(bold)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.accept)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Group:"), self.group_box)
        form.addRow(self.tr("Short &code:"), self.code_edit)
        form.addRow(self.tr("&Hotkey:"), self.hotkey_edit)
        form.addRow(self.tr("T&ags:"), self.tags_edit)
        form.addRow("", self.separate_box)
        text_label = QLabel(self.tr("&Reply:"), self)
        text_label.setBuddy(self.text_edit)
        under_text = QHBoxLayout()
        under_text.addWidget(self.placeholder_button)
        under_text.addStretch(1)
        checks_label = QLabel(self.tr("Checks:"), self)
        checks_label.setBuddy(self.findings)
        content = QVBoxLayout()
        content.addLayout(form)
        content.addWidget(text_label)
        content.addWidget(self.text_edit, 3)
        content.addLayout(under_text)
        content.addWidget(checks_label)
        content.addWidget(self.findings, 1)
        # Why Save is disabled, and Save itself, stay in view when the form scrolls.
        scroll_above(self, content, self.blocked_label, self.buttons)
        # Room for a sentence of advice per line, in whatever font and language.
        metrics = self.fontMetrics()
        self.resize(max(self.sizeHint().width(), metrics.averageCharWidth() * 80),
                    self.sizeHint().height() + metrics.height() * 4)
        keep_on_screen(self, "phrase-editor")

    def _placeholder_menu(self) -> QMenu:
        """Every placeholder the templates know, each with what it becomes."""
        meanings = {
            "name": self.tr("the buyer's name, asked when inserting"),
            "agent": self.tr("your name or id, from Settings"),
            "date": self.tr("today's date"),
            "time": self.tr("the time now"),
            "clipboard": self.tr("the text on the clipboard"),
            "cursor": self.tr("where the caret is left after inserting"),
        }
        menu = QMenu(self)
        for name in KNOWN:
            self._add_insert_action(menu, "{" + name + "}", meanings.get(name, ""))
        self._add_insert_action(menu, "{" + INPUT_PREFIX + "}", self.tr("asks you for a value, e.g. {example}")
                                .format(example="{input:" + self.tr("order number") + "}"))
        return menu

    def _add_insert_action(self, menu: QMenu, token: str, meaning: str) -> None:
        action = QAction(self.tr("{token} — {meaning}").format(token=token, meaning=meaning), menu)
        action.setData(token)
        action.triggered.connect(lambda _checked=False, token=token: self.insert_placeholder(token))
        menu.addAction(action)

    def _fill(self, phrase: Phrase) -> None:
        self.title_edit.setText(phrase.title)
        self.group_box.setCurrentText(phrase.group)
        self.code_edit.setText(phrase.code)
        self.hotkey_edit.setHotkey(phrase.hotkey)
        self.tags_edit.setText(", ".join(phrase.tags))
        self.separate_box.setChecked(phrase.separate_messages)
        self.text_edit.setPlainText(phrase.text)

    # -- behaviour ------------------------------------------------------------------

    def insert_placeholder(self, token: str) -> None:
        """Insert at the caret; for ``{input:}`` the caret lands where the label goes."""
        self.text_edit.insertPlainText(token)
        if token.endswith(":}"):
            cursor = self.text_edit.textCursor()
            cursor.movePosition(cursor.MoveOperation.Left)
            self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus()

    def phrase(self) -> Phrase:
        """The phrase as the fields describe it now (same id as the one edited)."""
        return self._base.with_changes(
            title=self.title_edit.text(), group=self.group_box.currentText(), code=self.code_edit.text(),
            hotkey=self.hotkey_edit.hotkey(), tags=self.tags_edit.text(),
            separate_messages=self.separate_box.isChecked(), text=self.text_edit.toPlainText())

    def problems(self) -> list[Problem]:
        draft = self.phrase()
        found = [Problem(finding.severity, finding.message, finding.rule) for finding in
                 lint_draft(draft, self._book_phrases, max_length=self.context.settings.lint_max_length)]
        clash = hotkey_clash(draft, self._all_phrases, app_hotkeys(self.context.settings))
        if clash is not None:
            found.append(Problem("error", self._clash_message(draft.hotkey, clash)))
        if self._refusal:
            found.append(Problem("warning", self._refusal))
        return found

    def _hotkey_refused(self, message: str) -> None:
        self._refusal = message
        self.check()

    def _clash_message(self, hotkey: str, clash: HotkeyClash) -> str:
        shown = self.hotkey_edit.text() or hotkey
        if clash.kind == "app":
            role = self.tr("the picker hotkey") if clash.detail == "picker" else self.tr("the pause hotkey")
            return self.tr("Hotkey {hotkey} is already {role}").format(hotkey=shown, role=role)
        if clash.kind == "phrase" and clash.phrase is not None:
            return self.tr("Hotkey {hotkey} is already used by “{title}” in “{book}”").format(
                hotkey=shown, title=clash.detail, book=self._book_name(clash.phrase.book_id))
        return self.tr("Hotkey {hotkey} cannot be used: {reason}").format(hotkey=shown, reason=clash.detail)

    def _book_name(self, book_id: str) -> str:
        try:
            return self.context.store.book(book_id).name
        except QuickReplyError:
            return book_id

    def check(self) -> None:
        """Show the live checks; any error disables Save and says why (the empty reply
        of an untouched new phrase only in Save's tooltip)."""
        problems = self.problems()
        if self.text_edit.toPlainText():
            self._quiet_empty = False
        quiet = [problem for problem in problems if self._quiet_empty and problem.rule == "empty-text"]
        shown = [problem for problem in problems if problem not in quiet]
        self.findings.clear()
        style = self.style()
        for problem in shown:
            is_error = problem.severity == "error"
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical if is_error
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            text = (self.tr("Error: {message}") if is_error else self.tr("Warning: {message}")).format(
                message=problem.message)
            QListWidgetItem(icon, text, self.findings)
        if not problems:
            QListWidgetItem(self.tr("No problems found."), self.findings)
        # Shown errors first, so the label (shown only for them) names one of them.
        errors = [problem.message for problem in shown + quiet if problem.severity == "error"]
        blocked = self.tr("Cannot save: {reason}").format(reason=errors[0]) if errors else ""
        self.blocked_label.setText(blocked)
        self.blocked_label.setVisible(any(problem.severity == "error" for problem in shown))
        self.save_button.setEnabled(not errors)
        self.save_button.setToolTip(blocked)

    def changed(self) -> bool:
        """Whether the fields say anything the phrase (or a new, empty one) did not."""
        return not self.phrase().same_content(self._base)

    def accept(self) -> None:
        """Save when nothing blocks it; otherwise (Ctrl+S still gets here) say why, the
        empty reply of an untouched new phrase included."""
        if self.save_button.isEnabled():
            super().accept()
        else:
            self._quiet_empty = False
            self.check()

    def reject(self) -> None:
        """Esc, Cancel and the window's close button all end here: with changes, ask
        before losing them, "Keep editing" the default so a stray Enter loses nothing."""
        if self.changed() and not self.dialogs.confirm(
                self.windowTitle(), self.tr("Discard your changes to this phrase?"),
                action=self.tr("Discard"), cancel=self.tr("Keep editing"), over=self):
            return
        super().reject()
