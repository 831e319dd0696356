"""Reading an .xlsx workbook's cells: streamed, counted as they are parsed, never evaluated.

openpyxl reads the whole shared string table when it opens a workbook (a 570 KB file
with 9 million shared strings took 218 s and 1.4 GB) and spends tens of microseconds
on each cell, so a workbook far under the size limit could keep an import busy for
minutes. This reader inflates each part in chunks and parses it with expat through
defusedxml (no DTDs with entities, no external references), counting shared strings,
cells and rows as they stream past and stopping at the first one over the caps; rows
are handed on one at a time.

What a cell holds is what was last saved in it (the cached value of a formula, never the
formula); numbers come back as numbers (``table.cell_text`` writes 123.0 as "123"),
text with rich-text runs as its plain text, without phonetic guides (``<rPh>``).
"""

from __future__ import annotations

import math
import posixpath
import zipfile
from collections.abc import Iterator
from typing import Any

from defusedxml.ElementTree import DefusedXMLParser, fromstring

from assistant.data.bounded_json import MAX_SAFE_INTEGER
from assistant.errors import BadInput
from assistant.formats.limits import MAX_CHARACTERS
from assistant.i18n import tr

#: Unpacked size refused before parsing: a workbook at the caps of ``limits`` unpacks to
#: a few tens of megabytes.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
#: Cells in all sheets read, and entries of the shared string table (the workbook's
#: distinct texts), at most: ten columns of a sheet at ``limits.MAX_PHRASES`` rows, with room.
MAX_CELLS = 500_000
MAX_SHARED_STRINGS = 500_000
#: Characters in the shared string table at most (the phrases' text, titles and the rest).
MAX_SHARED_CHARACTERS = 2 * MAX_CHARACTERS
#: Columns read; cells further right are counted but not kept (a row padded to column
#: XFD would be 16,384 cells).
MAX_COLUMNS = 256
#: Sheets looked at for a header, at most (each costs opening a part).
MAX_SHEETS = 100
#: The workbook's own description (workbook.xml and the relationship parts) is small.
_MAX_INDEX_PART = 4 * 1024 * 1024
_CHUNK = 64 * 1024

Row = list[Any]


class Invalid(Exception):
    """The parts are not those of a workbook; the reader turns this into its one message."""


def sheets(archive: zipfile.ZipFile, source: str) -> Iterator[Iterator[Row]]:
    """Each worksheet's rows in workbook order, with empty rows where the sheet leaves
    some out (so counting them gives the row numbers Excel shows). Raises ``BadInput``
    at a cap and ``Invalid`` (or an XML or zip error) when the bytes are no workbook."""
    if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise BadInput(tr("the workbook is too large when unpacked"), source)
    workbook = _office_document(archive)
    sheet_paths, strings_path = _workbook_parts(archive, workbook)
    shared = _shared_strings(archive, strings_path, source) if strings_path else []
    cells = _Count(MAX_CELLS, source)
    for path in sheet_paths[:MAX_SHEETS]:
        yield _rows(archive, path, shared, cells)


# -- the workbook's parts ----------------------------------------------------------------

def _small_part(archive: zipfile.ZipFile, name: str) -> Any:
    info = archive.getinfo(name)
    if info.file_size > _MAX_INDEX_PART:
        raise Invalid(name)
    return fromstring(archive.read(info))


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _relationships(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target path) of ``part``'s relationships; targets resolved."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.NameToInfo:
        return []
    found = []
    for element in _small_part(archive, rels):
        target = element.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.append((element.get("Id", ""), element.get("Type", ""), path))
    return found


def _office_document(archive: zipfile.ZipFile) -> str:
    for _id, kind, path in _relationships(archive, ""):
        if kind.endswith("/officeDocument"):
            return path
    raise Invalid("no workbook part")


def _workbook_parts(archive: zipfile.ZipFile, workbook: str) -> tuple[list[str], str | None]:
    """The worksheets' paths in the workbook's order, and the shared string table's."""
    relations = _relationships(archive, workbook)
    by_id = {rel_id: path for rel_id, kind, path in relations if kind.endswith("/worksheet")}
    strings = next((path for _id, kind, path in relations if kind.endswith("/sharedStrings")), None)
    order = []
    for element in _small_part(archive, workbook).iter():
        if _local(element.tag) == "sheet":
            rel_id = next((value for key, value in element.attrib.items() if _local(key) == "id"), None)
            if rel_id in by_id:
                order.append(by_id[rel_id])
    return order, strings if strings in archive.NameToInfo else None


# -- streaming -----------------------------------------------------------------------------

class _Count:
    """Counts one kind of thing across parts and refuses the one past ``limit``."""

    def __init__(self, limit: int, source: str):
        self.limit, self.source, self.count = limit, source, 0

    def add(self, where: str) -> None:
        self.count += 1
        if self.count > self.limit:
            raise BadInput(tr("the workbook has too many cells or texts (the limits are {cells} cells and "
                              "{texts} different texts)", cells=f"{MAX_CELLS:,}", texts=f"{MAX_SHARED_STRINGS:,}"),
                           self.source, where)


class _Text:
    """Collects the text of ``<t>`` elements outside phonetic guides, the way a cell's
    plain text is made of its runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.collecting = False
        self.phonetic = 0

    def start(self, name: str) -> None:
        if name == "rPh":
            self.phonetic += 1
        elif name == "t" and not self.phonetic:
            self.collecting = True

    def end(self, name: str) -> None:
        if name == "rPh":
            self.phonetic -= 1
        elif name == "t":
            self.collecting = False

    def data(self, text: str) -> None:
        if self.collecting:
            self.parts.append(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def _parse(archive: zipfile.ZipFile, path: str, target: Any) -> Iterator[None]:
    """Feed the part to expat in chunks, pausing after each so the caller can hand on
    what the target has collected."""
    parser = DefusedXMLParser(target=target)
    with archive.open(path) as stream:
        while chunk := stream.read(_CHUNK):
            parser.feed(chunk)
            yield
    parser.close()
    yield


class _SharedStrings:
    def __init__(self, source: str, path: str):
        self.strings: list[str] = []
        self.text = _Text()
        self.count = _Count(MAX_SHARED_STRINGS, source)
        self.characters = 0
        self.source, self.path = source, path

    def start(self, tag: str, _attrib: dict) -> None:
        self.text.start(_local(tag))

    def end(self, tag: str) -> None:
        name = _local(tag)
        self.text.end(name)
        if name == "si":
            self.count.add(self.path)
            text = self.text.take().replace("x005F_", "")  # Excel's escape of a literal "_x"
            self.characters += len(text)
            if self.characters > MAX_SHARED_CHARACTERS:
                raise BadInput(tr("too much text ({count} characters; the limit is {limit} per import and per book)",
                                  count=f"{self.characters:,}", limit=f"{MAX_SHARED_CHARACTERS:,}"),
                               self.source, self.path)
            self.strings.append(text)

    def data(self, text: str) -> None:
        self.text.data(text)

    def close(self) -> None:
        pass


def _shared_strings(archive: zipfile.ZipFile, path: str, source: str) -> list[str]:
    target = _SharedStrings(source, path)
    for _ in _parse(archive, path, target):
        pass
    return target.strings


class _Sheet:
    """Rows of one worksheet, collected as expat reports them."""

    def __init__(self, shared: list[str], cells: _Count, path: str):
        self.shared, self.cells, self.path = shared, cells, path
        self.done: list[tuple[int, Row]] = []
        self.row: Row | None = None
        self.number = 0
        self.column = 0
        self.kind = "n"
        self.value: str | None = None
        self.in_value = False
        self.value_parts: list[str] = []
        self.inline = _Text()

    def start(self, tag: str, attrib: dict) -> None:
        name = _local(tag)
        if name == "row":
            self.row, self.column = [], 0
            self.number = _int(attrib.get("r"), self.number + 1)
        elif name == "c" and self.row is not None:
            self.cells.add(self.path)
            self.column = _column(attrib.get("r"), self.column + 1)
            self.kind, self.value = attrib.get("t", "n"), None
        elif name == "v":
            self.in_value, self.value_parts = True, []
        else:
            self.inline.start(name)

    def data(self, text: str) -> None:
        if self.in_value:
            self.value_parts.append(text)
        else:
            self.inline.data(text)

    def end(self, tag: str) -> None:
        name = _local(tag)
        if name == "v":
            self.in_value, self.value = False, "".join(self.value_parts)
        elif name == "c" and self.row is not None:
            value = self._value()
            if self.column <= MAX_COLUMNS:
                self.row.extend([None] * (self.column - 1 - len(self.row)))
                self.row.append(value)
        elif name == "row" and self.row is not None:
            self.done.append((self.number, self.row))
            self.row = None
        else:
            self.inline.end(name)

    def _value(self) -> Any:
        kind, value, inline = self.kind, self.value, self.inline.take()
        if kind == "inlineStr":
            return inline
        if value is None:
            return None  # a formula without a saved result, or an empty cell
        if kind == "s":
            index = _int(value, -1)
            if not 0 <= index < len(self.shared):
                raise Invalid(f"shared string {value}")
            return self.shared[index]
        if kind == "b":
            return value.strip() == "1"
        if kind == "n":
            return _number(value)
        return value  # "str" (a formula's text), "e" (#N/A), "d" (an ISO date)

    def close(self) -> None:
        pass


def _rows(archive: zipfile.ZipFile, path: str, shared: list[str], cells: _Count) -> Iterator[Row]:
    target = _Sheet(shared, cells, path)
    expected = 1
    for _ in _parse(archive, path, target):
        for number, row in target.done:
            while expected < number:  # rows the sheet leaves out are empty rows
                yield []
                expected += 1
            yield row
            expected = max(expected, number + 1)
        target.done.clear()


def _number(text: str) -> float | str:
    """A number cell's value; its text as written when a float would not give it back
    (a 20-digit code loses digits as a float; 1e999 and NaN are no numbers to keep)."""
    try:
        number = float(text)
    except ValueError:
        return text
    return number if math.isfinite(number) and abs(number) <= MAX_SAFE_INTEGER else text.strip()


def _int(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.isdigit() and len(text) < 10 else default


def _column(reference: str | None, default: int) -> int:
    """The column number of a reference such as "AB12" (28)."""
    if not reference:
        return default
    number = 0
    for char in reference:
        if not "A" <= char <= "Z":
            break
        number = number * 26 + ord(char) - 64
    return number or default
