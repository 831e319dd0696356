"""Asking the agent for the values a reply needs ({name}, {input:快递单号}) before it is
inserted. The dialog takes the keyboard at once and Enter inserts, so the agent never
reaches for the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from assistant.phrases.templates import INPUT_PREFIX
from assistant.replies.service import AGENT
from ui.widgets.placement import keep_on_screen


class PlaceholderDialog(QDialog):
    def __init__(self, questions: list[str], known: dict[str, str] | None = None, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("Fill in the reply"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for question in questions:
            field = QLineEdit(self)
            field.setText((known or {}).get(question, ""))
            form.addRow(QLabel(self._label(question), self), field)
            self.fields[question] = field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        insert = buttons.button(QDialogButtonBox.StandardButton.Ok)
        insert.setText(self.tr("Insert"))
        if AGENT in self.fields:
            # The point of asking: the reply must not go out with an empty name.
            agent = self.fields[AGENT]
            agent.setPlaceholderText(self.tr("Kept in Settings for every reply"))
            agent.textChanged.connect(lambda text: insert.setEnabled(bool(text.strip())))
            insert.setEnabled(bool(agent.text().strip()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        if self.fields:
            next(iter(self.fields.values())).setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def answers(self) -> dict[str, str]:
        return {question: field.text() for question, field in self.fields.items()}
