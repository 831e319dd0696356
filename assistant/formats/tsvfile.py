"""Tab-separated tables (.tsv): the CSV format with a tab between cells.

Read by the CSV reader, which finds the delimiter from the header (a tie goes to tab
for a .tsv file); written with tabs, as the extension promises.
"""

from __future__ import annotations

from assistant.formats.csvfile import read
from assistant.formats.csvfile import write as write_csv
from assistant.phrases.model import Phrase, Phrasebook

NAME = "tsv"
EXTENSIONS = (".tsv",)

__all__ = ["EXTENSIONS", "NAME", "read", "write"]


def write(book: Phrasebook, phrases: list[Phrase]) -> bytes:
    return write_csv(book, phrases, delimiter="\t")
