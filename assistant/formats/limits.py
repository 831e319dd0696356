"""How much one phrasebook may hold: one set of caps for every format and every way in.

A phrasebook holds hundreds of replies, a big team's a few thousand. The caps sit far
above that and far below what would make an import, the search index or every later
``quickreply books`` slow: they are checked while a file is read (each reader counts
as it goes, so a hostile file is refused after reading just past the cap, not after
building millions of phrases), and again for the book an import would make. The same
numbers are in docs/phrasebook-format.md and in the messages.
"""

from __future__ import annotations

from assistant.errors import BadInput
from assistant.i18n import tr

#: Phrases in one import, and in one book after an import.
MAX_PHRASES = 20_000
#: Characters of reply text in one import, and in one book after an import.
MAX_CHARACTERS = 5_000_000
#: Rows of a table or lines of a text file read at most, blank ones included: blank rows
#: cost time to read too.
MAX_ROWS = 200_000


def too_many_phrases(count: int, source: str, where: str | None = None) -> BadInput:
    return BadInput(tr("too many phrases ({count}; the limit is {limit} per import and per book)",
                       count=count, limit=f"{MAX_PHRASES:,}"), source, where)


def too_much_text(count: int, source: str, where: str | None = None) -> BadInput:
    return BadInput(tr("too much text ({count} characters; the limit is {limit} per import and per book)",
                       count=f"{count:,}", limit=f"{MAX_CHARACTERS:,}"), source, where)


def check_size(phrases: int, characters: int, source: str, where: str | None = None) -> None:
    """Refuse ``phrases`` phrases with ``characters`` characters of text in all."""
    if phrases > MAX_PHRASES:
        raise too_many_phrases(phrases, source, where)
    if characters > MAX_CHARACTERS:
        raise too_much_text(characters, source, where)


def check_rows(number: int, source: str, *, lines: bool = False) -> None:
    """Refuse a table at its row ``number`` (a text file at its line) past ``MAX_ROWS``."""
    if number > MAX_ROWS:
        raise BadInput(tr("too many rows or lines (the limit is {limit})", limit=f"{MAX_ROWS:,}"), source,
                       tr("line {n}", n=number) if lines else tr("row {n}", n=number))
