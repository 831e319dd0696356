"""What a reader found in a file: the record every format module returns.

Apart from the package's entry points (``assistant.formats``) so that the readers,
which the entry points load, never import the package that loads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.phrases.model import CONTENT_FIELDS, Phrase, Phrasebook


@dataclass
class ImportedBook:
    """What a reader found. ``locations`` (parallel to ``phrases``) says where each
    phrase stood in the file ("row 5"), for error messages and reports.

    ``absent_fields`` names the phrase fields (of ``CONTENT_FIELDS``) the file did not
    carry at all, such as a spreadsheet without a hotkey column: a phrase read from it
    holds only the default there, so replacing a book's phrase must keep the book's
    value instead of wiping what the agent set in the app."""

    phrases: list[Phrase]
    book: Phrasebook | None = None
    warnings: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    absent_fields: frozenset[str] = frozenset()

    def location(self, index: int) -> str:
        return self.locations[index] if index < len(self.locations) else f"#{index + 1}"


def fields_except(*carried: str) -> frozenset[str]:
    """The content fields a format without ``carried`` never has."""
    return frozenset(CONTENT_FIELDS) - set(carried)
