"""Excel workbooks (.xlsx), the format most agents already keep their replies in.

Reading streams the sheet (openpyxl read-only mode) and takes cached values, never
formulas; openpyxl parses the XML through defusedxml when it is installed, which it
is (a dependency). The declared unpacked size is checked first, so a small zip that
inflates to gigabytes is refused before openpyxl touches it.

Writing stores every value as a string cell, through ``spreadsheet.guard`` as in CSV:
a reply must never turn into a formula when the file is opened, nor when a cell is
edited and confirmed in Excel (which evaluates a string starting with "=" then).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from assistant.errors import BadInput
from assistant.formats.book import ImportedBook
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
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

NAME = "xlsx"
EXTENSIONS = (".xlsx",)

#: Rows read from one sheet at most; a phrasebook has hundreds, not hundreds of thousands.
MAX_ROWS = 100_000
#: Unpacked size refused before parsing (XML is verbose, but not this verbose).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024

Row = Sequence[object]

_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
# What XML (and so a cell) cannot hold. The model already removes these from text and
# labels; this keeps a stray one in another field from making an unreadable file.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read(data: bytes, source: str) -> ImportedBook:
    _check_archive(data, source)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return _read_workbook(workbook, source)
        finally:
            workbook.close()
    except BadInput:
        raise
    except Exception as error:  # openpyxl, zipfile and XML errors come in many types
        raise _invalid(source) from error


def _invalid(source: str) -> BadInput:
    return BadInput(tr("not a valid .xlsx workbook"), source)


def _check_archive(data: bytes, source: str) -> None:
    """Refuse non-zip bytes and zip bombs. zipfile stops inflating a member at its
    declared size, so checking the declared sizes is enough."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise _invalid(source) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise BadInput(tr("the workbook is too large when unpacked"), source)


def _read_workbook(workbook: Workbook, source: str) -> ImportedBook:
    """The first sheet with a header row near its top; the other sheets are ignored."""
    for sheet in workbook.worksheets:
        sheet.reset_dimensions()  # some writers record wrong dimensions; read to the end
        rows = _capped_rows(sheet, source)
        head = list(islice(rows, HEADER_SEARCH_ROWS))
        header_index = find_header(head)
        if header_index is not None:
            body = chain(head[header_index + 1 :], rows)
            return rows_to_imported(head[header_index], body, source, header_index + 2)
    raise no_text_column(source)


def _capped_rows(sheet: ReadOnlyWorksheet, source: str) -> Iterator[Row]:
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise BadInput(tr("too many rows (the limit is {limit})", limit=MAX_ROWS), source)
        yield row


def write(book: Phrasebook, phrases: list[Phrase]) -> bytes:
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
    cell = WriteOnlyCell(sheet)
    cell.value = guard(_NOT_IN_XML.sub("", value))
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell
