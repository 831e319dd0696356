"""Rows and columns, shared by the CSV and XLSX formats.

Agents keep phrases in spreadsheets they made themselves, so the header row is the
only contract: any of the usual Chinese or English names for a column is accepted,
whatever its width, case or spacing ("快捷 编码", "ＣＯＤＥ", "Short Code").
Columns nobody recognises are ignored with a warning rather than refused, so an extra
"备注" (notes) column does not block an import.

Cells are written through ``spreadsheet.guard`` (no cell a spreadsheet would evaluate)
and read through ``spreadsheet.unguard``, so an export imports back exactly.

Every field the user can edit travels, "send as separate messages" too: a field left
behind comes back different, and re-importing an unchanged export would then report
its phrases as changed. A column the table lacks is a field it does not carry
(``absent_fields``): replacing a phrase keeps the book's value there.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from assistant.errors import BadInput
from assistant.formats.book import ImportedBook, fields_except
from assistant.formats.limits import check_rows
from assistant.formats.spreadsheet import unguard
from assistant.i18n import tr
from assistant.phrases.model import Phrase, Phrasebook, split_tags

#: The columns a table carries, in export order.
FIELDS: tuple[str, ...] = ("group", "code", "title", "text", "tags", "hotkey", "separate_messages")

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "group": ("分组", "组", "分类", "类别", "group", "category"),
    "code": ("快捷编码", "编码", "快捷码", "短码", "代码", "code", "shortcut", "short code", "trigger"),
    "title": ("标题", "名称", "title", "name"),
    "text": ("快捷短语", "短语内容", "短语", "内容", "回复", "回复内容", "话术",
             "text", "phrase", "reply", "content", "message"),
    "tags": ("标签", "tags", "tag"),
    "hotkey": ("热键", "快捷键", "hotkey"),
    "separate_messages": ("分条发送", "分开发送", "separate messages", "send separately"),
}

#: The header word an export writes for each field, by book language.
_HEADER_WORDS: dict[str, dict[str, str]] = {
    "zh": {"group": "分组", "code": "快捷编码", "title": "标题", "text": "快捷短语", "tags": "标签", "hotkey": "热键",
           "separate_messages": "分条发送"},
    "en": {"group": "group", "code": "code", "title": "title", "text": "text", "tags": "tags", "hotkey": "hotkey",
           "separate_messages": "separate messages"},
}

#: What a yes/no cell may say, compared NFKC-normalised and case-folded: what we write
#: (是, yes; empty for no), what people type, and what a spreadsheet makes of a tick box.
_YES = frozenset({"是", "yes", "y", "true", "1", "✓", "√"})
_NO = frozenset({"", "否", "no", "n", "false", "0"})
_YES_WORD = {"zh": "是", "en": "yes"}

#: How far down a sheet the header row may stand (a title row or two above is common).
HEADER_SEARCH_ROWS = 10


def cell_text(value: object) -> str:
    """A cell as text. Spreadsheets turn a code typed as 123 into the number 123.0;
    it must come back as "123", not "123.0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def header_key(name: object) -> str:
    """The form header names are compared in: NFKC, case-folded, without any spaces."""
    text = unicodedata.normalize("NFKC", cell_text(name)).casefold()
    return "".join(text.split())


_FIELD_BY_KEY: dict[str, str] = {
    header_key(word): field for field, words in _SYNONYMS.items() for word in words
}


@dataclass(frozen=True)
class Columns:
    """Which cell holds which field, and the header names that meant nothing to us."""

    index: dict[str, int]
    unknown: tuple[str, ...]

    @property
    def has_text(self) -> bool:
        return "text" in self.index


def map_header(header: Sequence[object]) -> Columns:
    """Fields by column. The first column for a field wins; a second one is unknown."""
    index: dict[str, int] = {}
    unknown: list[str] = []
    for position, name in enumerate(header):
        label = cell_text(name).strip()
        if not label:
            continue
        field = _FIELD_BY_KEY.get(header_key(label))
        if field is None or field in index:
            unknown.append(label)
        else:
            index[field] = position
    return Columns(index, tuple(unknown))


def find_header(rows: Sequence[Sequence[object]]) -> int | None:
    """Index of the first row (among the first few) that names a text column."""
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if map_header(row).has_text:
            return number
    return None


def no_text_column(source: str) -> BadInput:
    return BadInput(tr("no text column (expected a header such as 快捷短语 or text)"), source)


def rows_to_imported(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    source: str,
    first_row_number: int,
) -> ImportedBook:
    """Phrases from the rows under ``header``; ``first_row_number`` is the 1-based
    number the user sees for the first of ``rows`` (the line or sheet row). ``rows`` is
    consumed as it is read: the caps stop a huge table at its first row past them."""
    columns = map_header(header)
    if not columns.has_text:
        raise no_text_column(source)
    imported = ImportedBook(phrases=[], absent_fields=fields_except(*columns.index))
    if columns.unknown:
        imported.warnings.append(tr("ignored columns: {names}", names=", ".join(columns.unknown)))
    for number, row in enumerate(rows, start=first_row_number):
        check_rows(number, source)
        if not any(cell_text(value).strip() for value in row):
            continue
        cells = {field: _cell(row, position) for field, position in columns.index.items()}
        where = tr("row {n}", n=number)
        if not cells["text"].strip():
            raise BadInput(tr("this row has no text"), source, where)
        imported.add(_phrase(cells, _yes_no(cells.get("separate_messages", ""), source, where)), where, source)
    return imported


def _cell(row: Sequence[object], position: int) -> str:
    """The cell's text without the apostrophe our exports put before a formula character."""
    return unguard(cell_text(row[position])) if position < len(row) else ""


def _yes_no(cell: str, source: str, where: str) -> bool:
    """A yes/no cell; anything else is refused rather than guessed, as a wrong guess
    would change how the reply is sent."""
    value = unicodedata.normalize("NFKC", cell).strip().casefold()
    if value in _YES or value in _NO:
        return value in _YES
    raise BadInput(tr("separate messages: expected yes (是) or no (否, or empty), not {value!r}", value=cell),
                   source, where)


def _phrase(cells: dict[str, str], separate_messages: bool) -> Phrase:
    """Text is kept exactly as written (leading spaces can matter in a reply); every
    other field is normalised by the model."""
    return Phrase(
        text=cells["text"],
        title=cells.get("title", ""),
        group=cells.get("group", ""),
        code=cells.get("code", ""),
        tags=split_tags(cells.get("tags", "")),
        hotkey=cells.get("hotkey", ""),
        separate_messages=separate_messages,
    )


def _language(book: Phrasebook) -> str:
    return "zh" if book.language.lower().startswith("zh") else "en"


def table_header(book: Phrasebook) -> list[str]:
    """Header words in the book's language, so a Chinese book opens with Chinese columns."""
    words = _HEADER_WORDS[_language(book)]
    return [words[field] for field in FIELDS]


def phrase_row(book: Phrasebook, phrase: Phrase) -> list[str]:
    """One phrase of ``book`` as cells in ``FIELDS`` order, yes/no in the book's language
    (empty for no, so the column stands out only where it matters)."""
    cells = {"group": phrase.group, "code": phrase.code, "title": phrase.title, "text": phrase.text,
             "tags": ", ".join(phrase.tags), "hotkey": phrase.hotkey,
             "separate_messages": _YES_WORD[_language(book)] if phrase.separate_messages else ""}
    return [cells[field] for field in FIELDS]
