"""Undoable phrase changes for the manager's undo stack.

Each command changes the store through its public API and then calls
``phrases_edited()``, so every window (this one included) refreshes from the store;
nothing here keeps phrases of its own beyond what it needs to go back. A change the
store refuses (a read-only book, a code taken meanwhile by another process) is
reported to the host and the command is dropped from the stack instead of
leaving it out of step with the data. After a change the phrases it touched are
revealed (selected), so an undo shows what came back. Command texts (shown in
Undo/Redo) are written by the caller, which owns the translations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from assistant.errors import QuickReplyError
from assistant.phrases.model import Phrase
from ui.context import AppContext


class CommandHost(Protocol):
    """Where a command shows its outcome (the manager's phrase actions)."""

    def report_failure(self, message: str) -> None: ...

    def reveal_phrases(self, book_id: str, phrase_ids: list[str]) -> None: ...


class StoreCommand(QUndoCommand):
    """Runs ``apply``/``revert`` against the store; each returns the ids to reveal."""

    def __init__(self, context: AppContext, book_id: str, text: str, host: CommandHost):
        super().__init__(text)
        self.context, self.book_id, self.host = context, book_id, host

    def apply(self) -> list[str]:
        raise NotImplementedError

    def revert(self) -> list[str]:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, change: Callable[[], list[str]]) -> None:
        try:
            touched = change()
        except QuickReplyError as error:
            self.setObsolete(True)
            self.context.phrases_edited()
            self.host.report_failure(str(error))
            return
        self.context.phrases_edited()
        self.host.reveal_phrases(self.book_id, touched)


class AddPhrase(StoreCommand):
    def __init__(self, context: AppContext, book_id: str, phrase: Phrase, text: str, host: CommandHost):
        super().__init__(context, book_id, text, host)
        self.phrase = phrase

    def apply(self) -> list[str]:
        self.context.store.add_phrase(self.book_id, self.phrase)
        return [self.phrase.id]

    def revert(self) -> list[str]:
        self.context.store.delete_phrase(self.book_id, self.phrase.id)
        return []


class EditPhrase(StoreCommand):
    def __init__(self, context: AppContext, book_id: str, before: Phrase, after: Phrase, text: str,
                 host: CommandHost):
        super().__init__(context, book_id, text, host)
        self.before, self.after = before, after

    def apply(self) -> list[str]:
        self.context.store.update_phrase(self.book_id, self.after)
        return [self.after.id]

    def revert(self) -> list[str]:
        self.context.store.update_phrase(self.book_id, self.before)
        return [self.before.id]


class DeletePhrases(StoreCommand):
    """Undo puts each phrase back at its index in the book, with its id (so its use
    count, kept apart from the book, comes back with it)."""

    def __init__(self, context: AppContext, book_id: str, phrases: list[Phrase], text: str, host: CommandHost):
        super().__init__(context, book_id, text, host)
        order = [phrase.id for phrase in context.store.phrases(book_id, with_usage=False)]
        doomed = {phrase.id for phrase in phrases}
        by_id = {phrase.id: phrase for phrase in phrases}
        self.entries = [(index, by_id[phrase_id]) for index, phrase_id in enumerate(order) if phrase_id in doomed]

    def apply(self) -> list[str]:
        for _index, phrase in self.entries:
            self.context.store.delete_phrase(self.book_id, phrase.id)
        return []

    def revert(self) -> list[str]:
        # Ascending order: each phrase goes back after the ones before it are in place.
        for index, phrase in self.entries:
            self.context.store.add_phrase(self.book_id, phrase, index=index)
        return [phrase.id for _index, phrase in self.entries]


class MovePhrases(StoreCommand):
    def __init__(self, context: AppContext, book_id: str, phrases: list[Phrase], group: str, text: str,
                 host: CommandHost):
        super().__init__(context, book_id, text, host)
        self.group = group
        self.ids = [phrase.id for phrase in phrases]
        self.old_groups: dict[str, list[str]] = {}
        for phrase in phrases:
            self.old_groups.setdefault(phrase.group, []).append(phrase.id)

    def apply(self) -> list[str]:
        self.context.store.move_phrases(self.book_id, self.ids, self.group)
        return self.ids

    def revert(self) -> list[str]:
        for group, ids in self.old_groups.items():
            self.context.store.move_phrases(self.book_id, ids, group)
        return self.ids


class ReorderPhrases(StoreCommand):
    """``before`` and ``after`` are the whole book's order; ``moving`` the rows moved."""

    def __init__(self, context: AppContext, book_id: str, before: list[str], after: list[str],
                 moving: list[str], text: str, host: CommandHost):
        super().__init__(context, book_id, text, host)
        self.before, self.after, self.moving = before, after, moving

    def apply(self) -> list[str]:
        self.context.store.reorder_phrases(self.book_id, self.after)
        return self.moving

    def revert(self) -> list[str]:
        self.context.store.reorder_phrases(self.book_id, self.before)
        return self.moving
