"""A status-bar notice with an Undo button, shown after a delete.

Deleting is one keystroke, so the way back is put right where the eye goes, not only
in the Edit menu. The notice disappears after a while, and as soon as the undo stack
moves on, when its button would no longer undo what it names.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

NOTICE_MS = 15000


class UndoNotice(QWidget):
    def __init__(self, stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack = stack
        self._index = -1
        self.label = QLabel(self)
        self.button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        self.button.clicked.connect(self._stack.undo)
        self._stack.indexChanged.connect(self._stack_moved)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Undo"))

    def show_message(self, message: str) -> None:
        """Show ``message`` about the command just pushed on the stack."""
        self._index = self._stack.index()
        self.label.setText(message)
        self.show()
        self._timer.start()

    def _stack_moved(self, index: int) -> None:
        if index != self._index:
            self.hide()
