"""Which books the picker offers, and in what order.

An agent answers in one language; the shipped book of the other language would only
crowd the picker with replies they never send. So until the agent chooses
(``Settings.hidden_books`` is None), the shipped books whose language is not the
interface's are hidden. Once chosen, the setting lists the hidden books by id, so a
book added later (imported, subscribed, new) is shown until the agent hides it.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.phrases.model import Phrasebook
from assistant.phrases.store import shipped_book_files


def book_language(book: Phrasebook) -> str:
    """The book's language as the interface names languages ("zh-CN" → "zh")."""
    return book.language.split("-", 1)[0].casefold()


def shipped_book_ids() -> frozenset[str]:
    """The ids the app's own books are written under (their file names)."""
    return frozenset(entry.name.removesuffix(".json") for entry in shipped_book_files())


def default_hidden_books(books: Iterable[Phrasebook], language: str) -> list[str]:
    """The shipped books in another language than ``language`` (the interface's)."""
    shipped = shipped_book_ids()
    return [book.id for book in books if book.id in shipped and book_language(book) != language]


def hidden_books(setting: list[str] | None, books: Iterable[Phrasebook], language: str) -> frozenset[str]:
    """The books the picker leaves out: the agent's choice, or the default while there is none."""
    return frozenset(default_hidden_books(books, language) if setting is None else setting)


def language_first(books: Iterable[Phrasebook], language: str) -> list[Phrasebook]:
    """``books`` with those in ``language`` first, otherwise in their order: the default
    book of the manager and of an import is the first."""
    return sorted(books, key=lambda book: book_language(book) != language)
