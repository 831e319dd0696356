"""CSV and TSV tables, as Excel and WPS save them.

Reading accepts whatever encoding the file came in (see ``text.decode_text``) and
finds the delimiter by trying comma, semicolon and tab and keeping the one that
yields a recognisable header row. ``csv.Sniffer`` guesses from character counts
and is easily fooled by replies full of commas and quoted line breaks; the header
is the one row we know how to recognise.

Writing produces UTF-8 with a BOM and CRLF line ends: without the BOM, Excel on a
Chinese Windows reads the file as GBK and shows mojibake.
"""

from __future__ import annotations

import csv
import io
from itertools import chain, islice

from assistant.errors import BadInput
from assistant.formats.book import ImportedBook
from assistant.formats.spreadsheet import ENCODING, csv_text
from assistant.formats.table import (
    HEADER_SEARCH_ROWS,
    find_header,
    map_header,
    no_text_column,
    phrase_row,
    rows_to_imported,
    table_header,
)
from assistant.formats.text import decode_text
from assistant.i18n import tr
from assistant.phrases.model import Phrase, Phrasebook

NAME = "csv"
EXTENSIONS = (".csv",)

_DELIMITERS = (",", ";", "\t")


def read(data: bytes, source: str) -> ImportedBook:
    """Rows are parsed as they are turned into phrases, never all at once (see ``limits``)."""
    text = decode_text(data, source)
    reader = _reader(text, _choose_delimiter(text, source))
    try:
        head = list(islice(reader, HEADER_SEARCH_ROWS))
        header_index = find_header(head)
        if header_index is None:
            raise no_text_column(source)
        # Numbered as records, like the row numbers Excel shows when it opens the file
        # (a quoted cell with line breaks is still one row there).
        body = chain(head[header_index + 1 :], reader)
        return rows_to_imported(head[header_index], body, source, header_index + 2)
    except csv.Error as error:
        raise BadInput(
            tr("not a valid CSV file: {reason}", reason=error), source, tr("line {n}", n=reader.line_num)
        ) from error


def _choose_delimiter(text: str, source: str) -> str:
    """The delimiter whose header row names the most known columns; a tie goes to tab
    for a .tsv file and to comma otherwise."""
    candidates = ("\t", ",", ";") if source.lower().endswith(".tsv") else _DELIMITERS
    best, best_score = None, 0
    for delimiter in candidates:
        score = _header_score(text, delimiter)
        if score > best_score:
            best, best_score = delimiter, score
    if best is None:
        raise no_text_column(source)
    return best


def _header_score(text: str, delimiter: str) -> int:
    """How many fields the header found with ``delimiter`` names; 0 without a text column."""
    try:
        head = list(islice(_reader(text, delimiter), HEADER_SEARCH_ROWS))
    except csv.Error:
        return 0
    index = find_header(head)
    return 0 if index is None else len(map_header(head[index]).index)


def _reader(text: str, delimiter: str):
    # newline="" hands line breaks inside quoted cells to the csv module untouched.
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def write(book: Phrasebook, phrases: list[Phrase], delimiter: str = ",") -> bytes:
    rows = [table_header(book), *(phrase_row(book, phrase) for phrase in phrases)]
    return csv_text(rows, delimiter).encode(ENCODING)
