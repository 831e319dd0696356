"""Asking the agent for the values a reply needs ({name}, {input:快递单号}, their own
name for {agent}) before it is inserted, and for a conversation's name (F2 in the
picker). The dialogs take the keyboard at once and Enter accepts, so the agent never
reaches for the mouse — and nothing meant for the dialog is typed into the chat window,
to the buyer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from assistant.phrases.templates import INPUT_PREFIX
from assistant.replies.service import AGENT
from ui.widgets.placement import keep_on_screen


class KeyboardDialog(QDialog):
    """A form that takes the focus when shown: a dialog left inactive leaves the keys
    with the chat window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.WindowStaysOnTopHint)
        self.fields: dict[str, QLineEdit] = {}

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        if self.fields:
            # Selected, so a pre-filled value (the buyer from the title) is kept by Enter
            # and replaced by typing.
            first = next(iter(self.fields.values()))
            first.selectAll()
            first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _buttons(self, accept: str) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons


class PlaceholderDialog(KeyboardDialog):
    def __init__(self, questions: list[str], known: dict[str, str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill in the reply"))
        form = QFormLayout()
        for question in questions:
            field = QLineEdit(self)
            field.setText((known or {}).get(question, ""))
            form.addRow(QLabel(self._label(question), self), field)
            self.fields[question] = field
        buttons = self._buttons(self.tr("Insert"))
        if AGENT in self.fields:
            # The point of asking: the reply must not go out with an empty name.
            insert, agent = buttons.button(QDialogButtonBox.StandardButton.Ok), self.fields[AGENT]
            agent.setPlaceholderText(self.tr("Kept in Settings for every reply"))
            agent.textChanged.connect(lambda text: insert.setEnabled(bool(text.strip())))
            insert.setEnabled(bool(agent.text().strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)
        keep_on_screen(self, "placeholders")

    def _label(self, question: str) -> str:
        if question == "name":
            return self.tr("Buyer's name")
        if question == AGENT:
            return self.tr("Your name (for {agent})")
        return question[len(INPUT_PREFIX):]

    def answers(self) -> dict[str, str]:
        return {question: field.text() for question, field in self.fields.items()}


class NameDialog(KeyboardDialog):
    """The conversation's name, over the picker it was asked from."""

    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Name the conversation"))
        field = QLineEdit(current, self)
        self.fields["name"] = field
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Name this conversation (e.g. the buyer):"), self))
        layout.addWidget(field)
        layout.addWidget(self._buttons(self.tr("Name")))
        self.setMinimumWidth(360)

    def name(self) -> str:
        return self.fields["name"].text().strip()
