"""Turning a text file's bytes into str whatever wrote it.

Excel on Chinese Windows saves CSV in GBK, Notepad in UTF-8 with a BOM, input-method
tools in UTF-16; the user should never have to know which.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from assistant.errors import BadInput
from assistant.i18n import tr

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# NUL and other C0 controls never occur in real text files; they mean binary data
# that a permissive codec (GB18030 decodes almost anything) would turn into garbage.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_text(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, source), source)
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), source)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise BadInput(tr("cannot tell the text encoding (try saving as UTF-8)"), source)
    return _checked(str(best), source)


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise BadInput(
            tr("bytes that are not valid {encoding} at offset {offset}", encoding=encoding, offset=error.start),
            source,
        ) from error


def _checked(text: str, source: str) -> str:
    if _BINARY.search(text):
        raise BadInput(tr("this is not a text file (binary data)"), source)
    return text
