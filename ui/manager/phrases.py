"""The manager's phrase actions: add, edit, delete, move to a group, reorder.

Each one asks what it needs (the phrase editor, a group name), then pushes an undoable
command (``ui.manager.commands``) on the window's undo stack; the command writes the
store and the window refreshes from it. Only writable books are acted on: the window
disables these actions for read-only books, and they check again here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from assistant.phrases.model import Phrase, Phrasebook
from ui.context import AppContext
from ui.manager.browser import PhraseBrowser
from ui.manager.commands import AddPhrase, DeletePhrases, EditPhrase, MovePhrases, ReorderPhrases, StoreCommand
from ui.manager.dialogs import ManagerDialogs
from ui.manager.model import merged_order, moved
from ui.manager.phrase_editor import PhraseEditor
from ui.manager.undo_notice import UndoNotice


class PhraseActions(QObject):
    """Acts on the phrases selected in ``browser``: pushes each change on ``undo_stack``
    (a delete also on ``undo_notice``), asks through ``dialogs``, tells how it went
    through ``status``; the phrase editor opens over ``parent``."""

    def __init__(self, context: AppContext, browser: PhraseBrowser, dialogs: ManagerDialogs, undo_stack: QUndoStack,
                 undo_notice: UndoNotice, status: Callable[[str], None], parent: QWidget):
        super().__init__(parent)
        self.context, self.browser, self.dialogs, self.status = context, browser, dialogs, status
        self.undo_stack, self.undo_notice = undo_stack, undo_notice
        self._parent = parent

    def _target(self) -> tuple[Phrasebook | None, list[Phrase]]:
        """The current book when it is writable, and the selected phrases."""
        book = self.browser.current_book()
        return (book if book is not None and not book.read_only else None), self.browser.selected_phrases()

    def _push(self, command: StoreCommand) -> None:
        self.undo_stack.push(command)

    # -- what commands report back (``CommandHost``) ---------------------------------

    def report_failure(self, message: str) -> None:
        self.dialogs.error(self.tr("Change not made"), self.tr("The change could not be made."), message)

    def reveal_phrases(self, book_id: str, phrase_ids: list[str]) -> None:
        """Select the phrases a change touched; if the group shown does not hold them
        (a phrase saved into another group, or moved back), show the one that does."""
        if not phrase_ids:
            return
        book = self.browser.current_book()
        hidden = not set(phrase_ids) <= {phrase.id for phrase in self.browser.model.phrases()}
        if book is None or book.id != book_id or (hidden and not self.browser.searching()):
            by_id = {phrase.id: phrase for phrase in self.context.store.phrases(book_id, with_usage=False)}
            first = by_id.get(phrase_ids[0])
            in_group = self.browser.current_group() is not None
            self.browser.show_location(book_id, first.group if first and in_group else None)
        self.browser.select_phrases(phrase_ids)

    # -- add, edit ------------------------------------------------------------------

    def _edit_in_dialog(self, book: Phrasebook, phrase: Phrase | None) -> Phrase | None:
        dialog = PhraseEditor(self.context, book.id, phrase, group=self.browser.current_group() or "",
                              parent=self._parent, dialogs=self.dialogs)
        self.dialogs.run(dialog)
        return dialog.phrase() if dialog.result() == PhraseEditor.DialogCode.Accepted else None

    def new_phrase(self) -> None:
        book, _selected = self._target()
        phrase = self._edit_in_dialog(book, None) if book else None
        if book and phrase:
            self._push(AddPhrase(self.context, book.id, phrase, self.tr("Add “{title}”").format(title=phrase.title),
                                 self))

    def edit_phrase(self) -> None:
        book, selected = self._target()
        if book is None or len(selected) != 1:
            return
        after = self._edit_in_dialog(book, selected[0])
        if after is not None and not after.same_content(selected[0]):
            self._push(EditPhrase(self.context, book.id, selected[0], after,
                                  self.tr("Edit “{title}”").format(title=after.title), self))

    # -- delete ---------------------------------------------------------------------

    def delete_phrases(self) -> None:
        book, selected = self._target()
        if book is None or not selected:
            return
        if len(selected) == 1:
            text = self.tr("Delete “{title}”").format(title=selected[0].title)
            done = self.tr("Deleted “{title}”.").format(title=selected[0].title)
        else:
            text = self.tr("Delete {count} phrases").format(count=len(selected))
            done = self.tr("Deleted {count} phrases.").format(count=len(selected))
        first_row = min(row for row in map(self.browser.model.row_of, [p.id for p in selected]) if row is not None)
        self._push(DeletePhrases(self.context, book.id, selected, text, self))
        self.undo_notice.show_message(done)
        # The row that took the deleted one's place, so Delete can be pressed again.
        remaining = self.browser.model.rowCount()
        if remaining:
            self.browser.select_phrases([self.browser.model.phrase(min(first_row, remaining - 1)).id])

    # -- move, reorder --------------------------------------------------------------

    def move_to_group(self) -> None:
        book, selected = self._target()
        if book is None or not selected:
            return
        groups = dict.fromkeys(phrase.group for phrase in self.context.store.phrases(book.id, with_usage=False))
        group = self.dialogs.ask_item(
            self.tr("Move to group"), self.tr("Move {count} phrases to the group:").format(count=len(selected)),
            [name for name in groups if name], selected[0].group)
        if group is not None:
            self.move(book.id, [phrase.id for phrase in selected], group)

    def move(self, book_id: str, phrase_ids: list[str], group: str) -> None:
        """Move phrases (chosen in the dialog or dropped on a group) into ``group``."""
        wanted = set(phrase_ids)
        moving = [phrase for phrase in self.context.store.phrases(book_id, with_usage=False)
                  if phrase.id in wanted and phrase.group != group]
        if not moving:
            return
        label = group or self.tr("(no group)")
        self._push(MovePhrases(self.context, book_id, moving, group,
                               self.tr("Move {count} phrases to “{group}”").format(count=len(moving), group=label),
                               self))
        self.status(self.tr("Moved {count} phrases to “{group}”.").format(count=len(moving), group=label))

    def move_rows(self, step: int) -> None:
        """Ctrl+Up / Ctrl+Down: the keyboard's way to drag rows."""
        ids = [phrase.id for phrase in self.browser.selected_phrases()]
        rows = sorted(row for row in map(self.browser.model.row_of, ids) if row is not None)
        if rows:
            self.reorder(ids, max(0, rows[0] - 1) if step < 0 else rows[-1] + 2)

    def reorder(self, phrase_ids: list[str], before_row: int) -> None:
        """Put ``phrase_ids`` before row ``before_row`` of the table; the rest of the
        book keeps its order. Not while searching: results are ranked, not in order."""
        book, _selected = self._target()
        if book is None or self.browser.searching():
            return
        view = [phrase.id for phrase in self.browser.model.phrases()]
        new_view = moved(view, phrase_ids, before_row)
        if new_view != view:
            before = [phrase.id for phrase in self.context.store.phrases(book.id, with_usage=False)]
            self._push(ReorderPhrases(self.context, book.id, before, merged_order(before, new_view), phrase_ids,
                                      self.tr("Reorder phrases"), self))
