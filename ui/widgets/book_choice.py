"""A checkbox per phrasebook: which books the picker offers. The first-run wizard and
the settings' General tab show the same choice, stored as the hidden books' ids
(``Settings.hidden_books``) so a book added later is offered until unticked."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from assistant.phrases.model import Phrasebook


class BookChoice(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_books(self, books: list[Phrasebook], hidden: frozenset[str]) -> None:
        """Show ``books`` (in this order), ticked unless ``hidden``."""
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {}
        for book in books:
            box = QCheckBox(book.name, self)
            box.setChecked(book.id not in hidden)
            self._layout.addWidget(box)
            self.boxes[book.id] = box

    def hidden(self) -> list[str]:
        return [book_id for book_id, box in self.boxes.items() if not box.isChecked()]
