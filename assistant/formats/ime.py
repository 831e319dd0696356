"""Input-method custom phrase files (搜狗 Sogou, 百度 Baidu, QQ 拼音), import only.

Many agents start with replies stored as IME custom phrases; this reads those files
(exported or copied from the IME's folder) in UTF-8, GBK or UTF-16 with a BOM, as
Sogou writes them.

One phrase per line, ``code,position=text``, for example ``dz,1=您好，请问有什么可以帮您？``.
Lines starting with ";" or "#" are comments and blank lines are skipped; so are
section lines such as ``[General]`` and setting lines such as ``Version=2`` (an "="
with no comma before it). Any other line is refused with its line number, so a file
that is not a phrase list is never half-imported. Text is kept exactly as written:
``\\n`` stays those two characters, because IMEs differ on what it means.

Sogou's multi-line form is understood too: an entry with nothing after "=" takes the
following lines, up to the next entry, as its text (blank lines at either end dropped).

Short codes: an IME offers several phrases for one code, ordered by ``position``; here
each phrase needs its own code. Position 1 keeps the code as written, a later position
gets its number appended (``dz,1`` → ``dz``, ``dz,2`` → ``dz2``, ``dz,3`` → ``dz3``), so
the agent can still guess the code and codes stay unique. If the file also has a real
code ``dz2`` at position 1, the import stops with a duplicate-code error naming both lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from assistant.errors import BadInput
from assistant.formats.book import ImportedBook, fields_except
from assistant.formats.limits import check_rows
from assistant.formats.text import decode_text
from assistant.i18n import tr
from assistant.phrases.model import Phrase

NAME = "ime"
EXTENSIONS = (".ini",)  # .txt is told apart from tab-separated text by content

_ENTRY = re.compile(r"^\s*([^\s,=;#][^\s,=]*)\s*,\s*(\d+)\s*=(.*)$")
_SECTION = re.compile(r"^\[.*\]$")
_SETTING = re.compile(r"^[^,=]+=")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class _Entry:
    line: int
    code: str
    position: int
    lines: list[str] = field(default_factory=list)

    @property
    def short_code(self) -> str:
        return self.code if self.position <= 1 else f"{self.code}{self.position}"

    @property
    def text(self) -> str:
        lines = list(self.lines)
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        return "\n".join(lines)


def read(data: bytes, source: str) -> ImportedBook:
    imported = ImportedBook(phrases=[], absent_fields=fields_except("code", "text"))
    for entry in _entries(_lines(decode_text(data, source)), source):
        where = tr("line {n}", n=entry.line)
        if not entry.text.strip():
            raise BadInput(tr("this entry has no text"), source, where)
        imported.add(Phrase(text=entry.text, code=entry.short_code), where, source)
    return imported


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time (a list of millions would not be small)."""
    position = 0
    for found in _LINE_BREAK.finditer(text):
        yield text[position : found.start()]
        position = found.end()
    yield text[position:]


def _entries(lines: Iterable[str], source: str) -> Iterator[_Entry]:
    """Entries as they are read; an entry is handed on when the next one starts (its
    text may continue on the lines between), so the caps apply while reading."""
    block: _Entry | None = None  # an entry whose text continues on the following lines
    entry: _Entry | None = None
    for number, line in enumerate(lines, start=1):
        check_rows(number, source, lines=True)
        stripped = line.strip()
        found = _ENTRY.match(line)
        if found:
            if entry is not None:
                yield entry
            text = found[3]
            entry = _Entry(number, found[1], int(found[2]), [text] if text.strip() else [])
            block = None if text.strip() else entry
        elif _is_comment(stripped):
            continue
        elif block is not None:
            block.lines.append(line)
        elif stripped and not _is_setting(stripped):
            raise BadInput(tr("not a phrase line (expected code,position=text)"), source, tr("line {n}", n=number))
    if entry is not None:
        yield entry


def _is_comment(stripped: str) -> bool:
    return stripped.startswith((";", "#"))


def _is_setting(stripped: str) -> bool:
    return bool(_SECTION.match(stripped) or _SETTING.match(stripped))


def looks_like(text: str) -> bool:
    """True when most meaningful lines near the top are ``code,position=text`` lines;
    recognises a file whose extension says nothing (.txt, .dat)."""
    lines = [line.strip() for line in _LINE_BREAK.split(text[:4096])][:-1] or [text.strip()]
    meaningful = [line for line in lines if line and not _is_comment(line) and not _SECTION.match(line)]
    matching = sum(1 for line in meaningful if _ENTRY.match(line))
    return matching > 0 and matching * 2 > len(meaningful)
