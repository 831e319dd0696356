"""Cells written for a person with a spreadsheet: the phrasebook tables (CSV, TSV,
XLSX) and the team lead's exports (statistics, drills).

Every text cell is kept text. A cell starting with "=", "+", "-", "@", a tab or a
carriage return is taken for a formula when the file is opened (``=HYPERLINK(…)``,
``=cmd|' /C calc'!A0``), and replies, titles and tags come from imported files, so
such a cell gets a leading apostrophe, the mark spreadsheets use for "text as typed".

The mark is reversible, so that importing our own export gives back the exact text:
``guard`` adds an apostrophe to a value starting with a formula character, and to a
value starting with an apostrophe that ``unguard`` would otherwise take for the mark;
``unguard`` removes one apostrophe before a formula character or another apostrophe.
A hand-made cell such as ``'0123`` (an apostrophe kept for a leading zero) is read
unchanged.

CSV files are UTF-8 with a BOM (without it, Excel on a Chinese Windows reads GBK and
shows mojibake) and CRLF line ends, as Excel writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from assistant.data.atomic import atomic_write_text

ENCODING = "utf-8-sig"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MARK = "'"
_MARKED = (*FORMULA_STARTS, _MARK)


def guard(value: Any) -> Any:
    """``value``, with a leading apostrophe when a spreadsheet would evaluate it (or
    when its own leading apostrophe would be read as the mark)."""
    if isinstance(value, str) and (value[:1] in FORMULA_STARTS or (value[:1] == _MARK and value[1:2] in _MARKED)):
        return _MARK + value
    return value


def unguard(text: str) -> str:
    """A cell's text as it was before ``guard``."""
    return text[1:] if text[:1] == _MARK and text[1:2] in _MARKED else text


def csv_text(rows: Iterable[Sequence[Any]], delimiter: str = ",") -> str:
    """Rows as CSV text (CRLF line ends, as Excel writes); every cell through ``guard``."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([guard(value) for value in row])
    return out.getvalue()


def write_csv_text(path: Path, text: str) -> None:
    """Atomically, with the BOM Excel needs to read UTF-8."""
    atomic_write_text(path, text, encoding=ENCODING)
