"""Phrasebook files in and out: one module per format, one entry point for all.

Every reader takes the file's bytes and returns an ``ImportedBook`` or raises
``BadInput``; nothing is written until a whole file has been read and checked, which
is what makes imports all-or-nothing. Readers never evaluate anything a file says
(no YAML tags, no espanso shell variables, no spreadsheet formulas).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from assistant.data.atomic import atomic_write_bytes
from assistant.errors import BadInput
from assistant.formats.book import ImportedBook, Progress, reporting_progress
from assistant.formats.limits import check_size
from assistant.i18n import tr
from assistant.phrases.model import MAX_TEXT_LENGTH, Phrase, Phrasebook
from assistant.reasons import system_reason

#: Larger files are refused before they are read: no real phrasebook comes close, and
#: the cap keeps a wrong or hostile file from eating memory.
MAX_FILE_BYTES = 20 * 1024 * 1024


def _registry() -> dict[str, ModuleType]:
    from assistant.formats import csvfile, espanso, ime, native, tsvfile, xlsx

    return {module.NAME: module for module in (native, csvfile, tsvfile, xlsx, espanso, ime)}


def format_names(writable_only: bool = False) -> list[str]:
    return [name for name, module in _registry().items() if not writable_only or hasattr(module, "write")]


def detect_format(path: Path, data: bytes) -> str:
    """By extension first, then by a look at the content."""
    suffix = path.suffix.lower()
    for name, module in _registry().items():
        if suffix in module.EXTENSIONS:
            return name
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"{"):
        return "json"
    from assistant.formats import ime
    from assistant.formats.text import decode_text

    try:
        text = decode_text(data, str(path))
    except BadInput:
        return "csv"  # its reader reports the encoding problem in full
    if "matches:" in text[:4096]:
        return "espanso"
    return "ime" if ime.looks_like(text) else "csv"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line reason why not."""
    if not path.exists():
        raise BadInput(tr("file not found"), path)
    if not path.is_file():
        raise BadInput(tr("not a file"), path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadInput(
            tr("file is too large ({size} MB; the limit is {limit} MB)",
               size=round(size / 1048576, 1), limit=MAX_FILE_BYTES // 1048576),
            path,
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadInput(tr("cannot read the file: {reason}", reason=system_reason(error)), path) from error
    if not data.strip(b"\xef\xbb\xbf \t\r\n\x00"):
        raise BadInput(tr("the file is empty"), path)
    return data


def read_phrasebook(path: Path, fmt: str = "auto", *, check_codes: bool = True,
                    progress: Progress | None = None) -> ImportedBook:
    """Read and check a whole file; raises ``BadInput`` and has no side effects.

    ``check_codes=False`` lets lint report duplicate short codes as findings instead.
    ``progress`` is told the phrases read so far as the reader goes (see
    ``book.reporting_progress``); raising ``Cancelled`` from it stops the read."""
    data = read_bytes(path)
    registry = _registry()
    name = detect_format(path, data) if fmt == "auto" else fmt
    if name not in registry:
        raise BadInput(tr("unknown format {name}", name=name), path)
    with reporting_progress(progress):
        imported: ImportedBook = registry[name].read(data, str(path))
    if not imported.phrases:
        raise BadInput(tr("no phrases found in the file"), path)
    check_book(imported, str(path), check_codes=check_codes)
    return imported


def check_book(imported: ImportedBook, source: str, *, check_codes: bool = True) -> None:
    """The checks every way into the store makes (imports and subscriptions)."""
    check_size(len(imported.phrases), sum(len(phrase.text) for phrase in imported.phrases), source)
    _check_lengths(imported, source)
    if check_codes:
        _check_unique_codes(imported, source)


def _check_lengths(imported: ImportedBook, source: str) -> None:
    for index, phrase in enumerate(imported.phrases):
        if len(phrase.text) > MAX_TEXT_LENGTH:
            raise BadInput(tr("the reply has {length} characters; the limit is {limit}",
                              length=len(phrase.text), limit=MAX_TEXT_LENGTH), source, imported.location(index))


def _check_unique_codes(imported: ImportedBook, source: str) -> None:
    first_seen: dict[str, int] = {}
    for index, phrase in enumerate(imported.phrases):
        if not phrase.code:
            continue
        if phrase.code in first_seen:
            raise BadInput(
                tr("short code {code!r} is used twice (also at {other})",
                   code=phrase.code, other=imported.location(first_seen[phrase.code])),
                source,
                imported.location(index),
            )
        first_seen[phrase.code] = index


def write_phrasebook(book: Phrasebook, phrases: list[Phrase], path: Path, fmt: str = "auto") -> str:
    """Write atomically; returns the format used."""
    registry = _registry()
    name = fmt
    if fmt == "auto":
        name = next((n for n, m in registry.items() if path.suffix.lower() in m.EXTENSIONS), "json")
    module = registry.get(name)
    if module is None or not hasattr(module, "write"):
        raise BadInput(tr("cannot export to format {name}", name=name), path)
    atomic_write_bytes(path, module.write(book, phrases))
    return name
