"""The import preview's list of what happens to each phrase of the file, as a model
over the dry run's outcomes.

A file at the caps has 20,000 of them: a tree item for each took 0.15-0.2 s of the UI
thread to make and as long to clear, each time the preview changed. A model hands the
view only the rows it paints.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from assistant.phrases.merge import Outcome
from ui.manager.model import ModelIndex


class OutcomeModel(QAbstractTableModel):
    """Where, title, code, what happens (in the user's words), and the book's phrase."""

    def __init__(self, headers: list[str], action_names: dict[str, str], parent: QObject | None = None):
        super().__init__(parent)
        self.headers, self.action_names = headers, action_names
        self.outcomes: list[Outcome] = []

    def show(self, outcomes: list[Outcome]) -> None:
        self.beginResetModel()
        self.outcomes = outcomes
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        outcome = self.outcomes[index.row()]
        return (outcome.location, outcome.title, outcome.code, self.action_names[outcome.action],
                outcome.detail)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
