"""Where the manager's user is: the book or group chosen in the tree, the search, and
the phrases selected in the table.

The window and its actions (``ui.manager.books``, ``ui.manager.phrases``) share this
one view of the location and the selection instead of reaching into the window: they
read it before a change and put it back after one. ``reload`` reads the store again
(after any change, here or in another process) and keeps both where they were.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QLineEdit, QTableView

from assistant.errors import QuickReplyError
from assistant.phrases.model import Phrase, Phrasebook
from ui.context import AppContext
from ui.manager.model import COLUMNS, PhraseTableModel
from ui.manager.tree import BookTree


class PhraseBrowser(QObject):
    """Fills ``tree`` and ``model`` (shown in ``table``) from the store, filtered by
    ``search``; ``shown`` after the table was filled again, which may change what the
    window's actions can do."""

    shown = Signal()

    def __init__(self, context: AppContext, tree: BookTree, search: QLineEdit, table: QTableView,
                 model: PhraseTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.tree, self.search, self.table, self.model = tree, search, table, model
        self._books: dict[str, Phrasebook] = {}
        tree.currentItemChanged.connect(self._location_changed)
        search.textChanged.connect(self._search_changed)

    # -- where we are ---------------------------------------------------------------

    def current_book(self) -> Phrasebook | None:
        location = self.tree.location()
        return self._books.get(location[0]) if location else None

    def current_group(self) -> str | None:
        location = self.tree.location()
        return location[1] if location else None

    def selected_phrases(self) -> list[Phrase]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.phrase(row) for row in rows]

    def _selected_ids(self) -> list[str]:
        return [phrase.id for phrase in self.selected_phrases()]

    def select_phrases(self, phrase_ids: list[str]) -> None:
        selection = QItemSelection()
        rows = [row for row in map(self.model.row_of, phrase_ids) if row is not None]
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:
            self.table.selectionModel().setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(rows[0], 0))

    def show_location(self, book_id: str, group: str | None = None) -> None:
        self.tree.select_location(book_id, group)

    def searching(self) -> bool:
        return bool(self.search.text().strip())

    # -- reading the store ----------------------------------------------------------

    def reload(self) -> None:
        """Re-read the store, keeping the location and the selected phrases."""
        keep = self._selected_ids()
        books = self.context.books_language_first()
        phrases: dict[str, list[Phrase]] = {}
        for book in books:
            try:
                phrases[book.id] = self.context.store.phrases(book.id)
            except QuickReplyError:  # deleted by another process a moment ago
                continue
        self._books = {book.id: book for book in books if book.id in phrases}
        self.tree.populate([book for book in books if book.id in phrases], phrases)
        self._show_table(keep, phrases)

    def _show_table(self, select_ids: list[str], read: dict[str, list[Phrase]] | None = None) -> None:
        """The table for the location and the search; a book's phrases ``read`` just now
        are not read again (at 50,000 phrases, a read is 0.3 s)."""
        location = self.tree.location()
        book = self.current_book()
        query = self.search.text().strip()
        phrases: list[Phrase] = []
        if book is not None and location is not None:
            group = location[1]
            if query:  # the picker's search: codes, pinyin initials, fuzzy words
                phrases = self.context.index.search(query, limit=max(1, len(self.context.index)), book_id=book.id,
                                                    group=group)
            elif read is not None and book.id in read:
                phrases = [phrase for phrase in read[book.id] if group is None or phrase.group == group]
            else:
                phrases = self.context.store.phrases(book.id, group)
        self.model.set_phrases(book.id if book else "", phrases, draggable=bool(book and not book.read_only),
                               reorderable=not query)
        self.select_phrases(select_ids)
        self.shown.emit()

    def _location_changed(self, *_items: object) -> None:
        self._show_table([])

    def _search_changed(self, _text: str) -> None:
        self._show_table(self._selected_ids())
