"""What a reader found in a file: the record every format module returns.

Apart from the package's entry points (``assistant.formats``) so that the readers,
which the entry points load, never import the package that loads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from assistant.formats.limits import check_size
from assistant.phrases.model import CONTENT_FIELDS, Phrase, Phrasebook

#: How often (in phrases) a reader tells how far it got.
PROGRESS_EVERY = 500
Progress = Callable[[int], None]
_progress: ContextVar[Progress | None] = ContextVar("reading_progress", default=None)


class Cancelled(Exception):
    """Raised by a progress callback to stop a reader (the user cancelled). Not a
    ``QuickReplyError``: there is nothing to tell the user, who asked for it."""


@contextmanager
def reporting_progress(progress: Progress | None) -> Iterator[None]:
    """While reading in this thread, ``progress(phrases read so far)`` is called every
    ``PROGRESS_EVERY`` phrases; it may raise ``Cancelled``. A context variable rather
    than a parameter of every reader: each reader already counts through ``add``."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


@dataclass
class ImportedBook:
    """What a reader found. ``locations`` (parallel to ``phrases``) says where each
    phrase stood in the file ("row 5"), for error messages and reports.

    ``absent_fields`` names the phrase fields (of ``CONTENT_FIELDS``) the file did not
    carry at all, such as a spreadsheet without a hotkey column: a phrase read from it
    holds only the default there, so replacing a book's phrase must keep the book's
    value instead of wiping what the agent set in the app.

    Readers keep each phrase through ``add``, which counts ``characters`` (of reply text)
    and enforces the caps while the file is read."""

    phrases: list[Phrase]
    book: Phrasebook | None = None
    warnings: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    absent_fields: frozenset[str] = frozenset()
    characters: int = 0

    def add(self, phrase: Phrase, where: str, source: str) -> None:
        """Keep ``phrase``, found at ``where``; refuses the file as soon as it goes past
        the caps (``assistant.formats.limits``), so no reader builds more than that."""
        check_size(len(self.phrases) + 1, self.characters + len(phrase.text), source, where)
        self.phrases.append(phrase)
        self.locations.append(where)
        self.characters += len(phrase.text)
        if len(self.phrases) % PROGRESS_EVERY == 0 and (progress := _progress.get()) is not None:
            progress(len(self.phrases))

    def location(self, index: int) -> str:
        return self.locations[index] if index < len(self.locations) else f"#{index + 1}"


def fields_except(*carried: str) -> frozenset[str]:
    """The content fields a format without ``carried`` never has."""
    return frozenset(CONTENT_FIELDS) - set(carried)
