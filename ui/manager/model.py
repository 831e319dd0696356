"""The manager's phrase table: one row per phrase, and dragging rows.

The model never changes the store. A drop onto the table asks for a reorder
(``reorderRequested``) and a drop onto a group in the tree asks for a move; the window
turns either into an undoable command and reloads. Dragged rows travel as phrase ids
(``MIME_TYPE``), never as text.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from assistant.phrases.model import Phrase
from ui.widgets.hotkey_edit import display_hotkey

MIME_TYPE = "application/x-quickreply-phrases"
COLUMNS = ("code", "title", "group", "text", "hotkey", "uses")
ModelIndex = QModelIndex | QPersistentModelIndex


def encode_phrases(book_id: str, phrase_ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, json.dumps({"book": book_id, "ids": phrase_ids}).encode())
    return data


def decode_phrases(data: QMimeData) -> tuple[str, list[str]] | None:
    """(book id, phrase ids) from a drag of ours, else None."""
    if not data.hasFormat(MIME_TYPE):
        return None
    try:
        decoded = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        return str(decoded["book"]), [str(phrase_id) for phrase_id in decoded["ids"]]
    except (ValueError, KeyError, TypeError):
        return None


def moved(view_order: list[str], moving: list[str], before_row: int) -> list[str]:
    """``view_order`` with ``moving`` (kept in their order) put before row ``before_row``
    of the original order; ``before_row`` past the end means at the end."""
    taken = set(moving)
    ordered_moving = [phrase_id for phrase_id in view_order if phrase_id in taken]
    head = [phrase_id for phrase_id in view_order[:before_row] if phrase_id not in taken]
    tail = [phrase_id for phrase_id in view_order[before_row:] if phrase_id not in taken]
    return head + ordered_moving + tail


def merged_order(book_order: list[str], view_order: list[str]) -> list[str]:
    """The whole book's order after the rows of a view (one group) were rearranged: the
    view's phrases take the places they held, in their new order; the rest stay put."""
    shown = set(view_order)
    replacement = iter(view_order)
    return [next(replacement) if phrase_id in shown else phrase_id for phrase_id in book_order]


class PhraseTableModel(QAbstractTableModel):
    """Rows of phrases; ``reorderRequested(ids, before_row)`` on a drop inside the table."""

    reorderRequested = Signal(list, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._phrases: list[Phrase] = []
        self.book_id = ""
        self.draggable = False
        self.reorderable = False

    def set_phrases(self, book_id: str, phrases: list[Phrase], *, draggable: bool, reorderable: bool) -> None:
        """Show ``phrases``; rows drag only in a writable book, and reorder only in book
        order (not in search results, which are ranked)."""
        self.beginResetModel()
        self.book_id, self._phrases = book_id, list(phrases)
        self.draggable, self.reorderable = draggable, reorderable and draggable
        self.endResetModel()

    def phrases(self) -> list[Phrase]:
        return list(self._phrases)

    def phrase(self, row: int) -> Phrase:
        return self._phrases[row]

    def row_of(self, phrase_id: str) -> int | None:
        return next((row for row, phrase in enumerate(self._phrases) if phrase.id == phrase_id), None)

    # -- the table ------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._phrases)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Code"), self.tr("Title"), self.tr("Group"), self.tr("Text"), self.tr("Hotkey"),
                self.tr("Uses"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        phrase, column = self._phrases[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "code": phrase.code, "title": phrase.title, "group": phrase.group,
                "text": phrase.text.split("\n", 1)[0], "hotkey": display_hotkey(phrase.hotkey),
                "uses": phrase.use_count,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return phrase.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "uses":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- dragging -------------------------------------------------------------------

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows, never on one.
            return Qt.ItemFlag.ItemIsDropEnabled if self.reorderable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.draggable else flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes})
        return encode_phrases(self.book_id, [self._phrases[row].id for row in rows])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        dragged = decode_phrases(data)
        return self.reorderable and dragged is not None and dragged[0] == self.book_id

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._phrases)
        _book, phrase_ids = decode_phrases(data)
        self.reorderRequested.emit(phrase_ids, row)
        return True
