"""Excel workbooks (.xlsx), the format most agents already keep their replies in.

Reading is ``assistant.formats.workbook``'s: streamed, through defusedxml, cached values
and never formulas, with shared strings, cells and rows counted as they are parsed, so
a small zip that inflates to gigabytes or holds millions of strings is refused at
once. Writing uses openpyxl.

Writing stores every value as a string cell, through ``spreadsheet.guard`` as in CSV:
a reply must never turn into a formula when the file is opened, nor when a cell is
edited and confirmed in Excel (which evaluates a string starting with "=" then).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING

from assistant.errors import BadInput
from assistant.formats import workbook
from assistant.formats.book import ImportedBook
from assistant.formats.limits import check_rows
from assistant.formats.spreadsheet import guard
from assistant.formats.table import (
    HEADER_SEARCH_ROWS,
    find_header,
    no_text_column,
    phrase_row,
    rows_to_imported,
    table_header,
)
from assistant.i18n import tr
from assistant.phrases.model import Phrase, Phrasebook

if TYPE_CHECKING:
    from openpyxl.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

NAME = "xlsx"
EXTENSIONS = (".xlsx",)

Row = workbook.Row

_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
# What XML (and so a cell) cannot hold. The model already removes these from text and
# labels; this keeps a stray one in another field from making an unreadable file.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read(data: bytes, source: str) -> ImportedBook:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _read_workbook(workbook.sheets(archive, source), source)
    except BadInput:
        raise
    except Exception as error:  # zip, XML (defusedxml's refusals too) and part errors come in many types
        raise BadInput(tr("not a valid .xlsx workbook"), source) from error


def _read_workbook(sheets: Iterator[Iterator[Row]], source: str) -> ImportedBook:
    """The first sheet with a header row near its top; the other sheets are ignored."""
    for sheet in sheets:
        rows = _capped_rows(sheet, source)
        head = list(islice(rows, HEADER_SEARCH_ROWS))
        header_index = find_header(head)
        if header_index is not None:
            body = chain(head[header_index + 1 :], rows)
            return rows_to_imported(head[header_index], body, source, header_index + 2)
    raise no_text_column(source)


def _capped_rows(rows: Iterator[Row], source: str) -> Iterator[Row]:
    """Counted before the header is found, too: blank rows cost time to read as well."""
    for number, row in enumerate(rows, start=1):
        check_rows(number, source)
        yield row


def write(book: Phrasebook, phrases: list[Phrase]) -> bytes:
    # Imported here: openpyxl takes 70 ms to import, and every command lists this format.
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(book.name))
    bold = Font(bold=True)
    sheet.append([_string_cell(sheet, value, bold) for value in table_header(book)])
    for phrase in phrases:
        sheet.append([_string_cell(sheet, value) for value in phrase_row(book, phrase)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    """The book's name as Excel allows it: at most 31 characters, none of \\/?*[]:."""
    return _SHEET_TITLE_FORBIDDEN.sub(" ", name)[:31].strip(" '") or "Phrases"


def _string_cell(sheet: WriteOnlyWorksheet, value: str, font: Font | None = None) -> Cell:
    """A cell that is text whatever it looks like; assigning a str starting with "="
    would otherwise make openpyxl write a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    cell.value = guard(_NOT_IN_XML.sub("", value))
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell
