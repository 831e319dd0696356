"""The manager's left pane: books and, under each, its groups with phrase counts.

A book or a group is a *location* ``(book_id, group)``, with ``group`` None for the
whole book. Rebuilding (after every change) keeps the current location and which books
were collapsed. Phrase rows dragged from the table can be dropped on a group of their
own, writable book; the tree only reports the drop (``phrasesDropped``).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from assistant.phrases.model import Phrase, Phrasebook
from ui.manager.model import decode_phrases

Location = tuple[str, str | None]
_BOOK = Qt.ItemDataRole.UserRole
_GROUP = Qt.ItemDataRole.UserRole + 1
_READ_ONLY = Qt.ItemDataRole.UserRole + 2


def lock_icon(color: QColor, size: int = 32) -> QIcon:
    """A padlock, drawn, so it shows on desktops without an icon theme."""
    themed = QIcon.fromTheme("object-locked")
    if not themed.isNull():
        return themed
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = painter.pen()
    pen.setColor(color)
    pen.setWidthF(size / 10)
    painter.setPen(pen)
    painter.drawArc(QRectF(size * 0.3, size * 0.1, size * 0.4, size * 0.5), 0, 180 * 16)
    painter.drawLine(QPoint(int(size * 0.3), int(size * 0.35)), QPoint(int(size * 0.3), int(size * 0.5)))
    painter.drawLine(QPoint(int(size * 0.7), int(size * 0.35)), QPoint(int(size * 0.7), int(size * 0.5)))
    painter.fillRect(QRectF(size * 0.2, size * 0.45, size * 0.6, size * 0.45), color)
    painter.end()
    return QIcon(pixmap)


class BookTree(QTreeWidget):
    """Emits ``phrasesDropped(book_id, phrase_ids, group)`` when rows are dropped on a group."""

    phrasesDropped = Signal(str, list, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(2)
        # Not uniform: a Latin first row would set a height that clips CJK names.
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._collapsed: set[str] = set()
        self.itemCollapsed.connect(lambda item: self._collapsed.add(item.data(0, _BOOK)))
        self.itemExpanded.connect(lambda item: self._collapsed.discard(item.data(0, _BOOK)))
        self.retranslate()

    def sizeHint(self) -> QSize:
        """Wide enough for the longest book or group name and its count, so the
        splitter starts without clipping them (in either language)."""
        hint = super().sizeHint()
        counts = max(self.sizeHintForColumn(1), self.header().sectionSizeHint(1))
        needed = (self.sizeHintForColumn(0) + counts + self.verticalScrollBar().sizeHint().width()
                  + 2 * self.frameWidth())
        return QSize(max(hint.width(), needed), hint.height())

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Books and groups"), self.tr("Phrases")])

    # -- contents -------------------------------------------------------------------

    def populate(self, books: list[Phrasebook], phrases: dict[str, list[Phrase]]) -> None:
        """Show ``books`` with their groups; keeps the location when it still exists,
        else selects the first book. Emits nothing: the caller refreshes what depends on it."""
        keep = self.location()
        self.blockSignals(True)
        self.clear()
        icon = lock_icon(self.palette().color(QPalette.ColorRole.Text))
        for book in books:
            book_phrases = phrases.get(book.id, [])
            name = self.tr("{name} (subscribed, read-only)").format(name=book.name) if book.read_only else book.name
            item = self._item(None, name, len(book_phrases), book, None)
            if book.read_only:
                item.setIcon(0, icon)
                item.setToolTip(0, self.tr("A subscribed book: its publisher edits it, you use it"))
            counts = Counter(phrase.group for phrase in book_phrases)
            for group in dict.fromkeys(phrase.group for phrase in book_phrases):
                label = group or self.tr("(no group)")
                self._item(item, label, counts[group], book, group)
            item.setExpanded(book.id not in self._collapsed)
        if not (keep and self.select_location(*keep)) and books:
            self.select_location(books[0].id)
        self.blockSignals(False)

    def _item(self, parent: QTreeWidgetItem | None, label: str, count: int, book: Phrasebook,
              group: str | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent or self, [label, str(count)])
        item.setData(0, _BOOK, book.id)
        item.setData(0, _GROUP, group)
        item.setData(0, _READ_ONLY, book.read_only)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    @staticmethod
    def item_location(item: QTreeWidgetItem | None) -> Location | None:
        return (item.data(0, _BOOK), item.data(0, _GROUP)) if item is not None else None

    def location(self) -> Location | None:
        return self.item_location(self.currentItem())

    def select_location(self, book_id: str, group: str | None = None) -> bool:
        for index in range(self.topLevelItemCount()):
            book_item = self.topLevelItem(index)
            if book_item.data(0, _BOOK) != book_id:
                continue
            target = book_item
            for child in range(book_item.childCount()):
                if group is not None and book_item.child(child).data(0, _GROUP) == group:
                    target = book_item.child(child)
            if group is not None and target is book_item:
                return False
            self.setCurrentItem(target)
            return True
        return False

    # -- dropping phrases on a group ------------------------------------------------

    def drop_target(self, position: QPoint, book_id: str) -> str | None:
        """The group under ``position`` that phrases of ``book_id`` may move to."""
        item = self.itemAt(position)
        if item is None or item.data(0, _READ_ONLY) or item.data(0, _BOOK) != book_id:
            return None
        return item.data(0, _GROUP)

    def _accepts(self, event: QDragMoveEvent | QDropEvent) -> tuple[str, list[str], str] | None:
        dragged = decode_phrases(event.mimeData())
        if dragged is None:
            return None
        group = self.drop_target(event.position().toPoint(), dragged[0])
        return None if group is None else (dragged[0], dragged[1], group)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_phrases(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        accepted = self._accepts(event)
        if accepted is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.phrasesDropped.emit(*accepted)
