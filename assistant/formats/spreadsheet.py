"""CSV files written for a person with a spreadsheet (the team lead's exports).

UTF-8 with a BOM, so Excel shows Chinese correctly, and every text cell kept text:
titles come from imported files, and one starting with "=" would otherwise run as a
formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from assistant.data.atomic import atomic_write_text

ENCODING = "utf-8-sig"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value``, with a leading apostrophe when a spreadsheet would take it for a formula."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV text (CRLF line ends, as Excel writes); every cell through ``csv_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def write_csv_text(path: Path, text: str) -> None:
    """Atomically, with the BOM Excel needs to read UTF-8."""
    atomic_write_text(path, text, encoding=ENCODING)
