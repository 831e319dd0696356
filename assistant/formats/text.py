"""Turning a text file's bytes into str whatever wrote it.

Excel on Chinese Windows saves CSV in GBK, Notepad in UTF-8 with a BOM, input-method
tools in UTF-16; the user should never have to know which.
"""

from __future__ import annotations

import codecs
import re

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
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    # Chinese legacy encodings first, but only when the result reads as Chinese: short
    # files fool charset detection (a GBK sheet guessed as Korean), and GB18030 decodes
    # much that is not GB18030 (Big5, Western code pages) into plausible-looking junk.
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text):
            return _checked(text, source)
    from charset_normalizer import from_bytes  # a last resort: not loaded for UTF-8 or Chinese files

    best = from_bytes(data).best()
    if best is None:
        raise BadInput(tr("cannot tell the text encoding (try saving as UTF-8)"), source)
    if best.encoding.startswith(_SINGLE_BYTE_LATIN):
        # Detection cannot tell Western code pages apart on short text; Excel and
        # Notepad on Western Windows write cp1252, so that is the likeliest by far.
        try:
            return _checked(data.decode("cp1252"), source)
        except UnicodeDecodeError:
            pass
    return _checked(str(best), source)


_SINGLE_BYTE_LATIN = ("cp125", "cp775", "cp85", "latin", "iso8859", "mac_")
# A non-ASCII character that is neither a Chinese character nor Chinese punctuation.
_OTHER_WIDE = re.compile(r"[^\x00-\x7f\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _reads_as_chinese(text: str) -> bool:
    """Nearly every non-ASCII character (97%) is a Chinese character or Chinese
    punctuation. Counted by the regex engine and stopped at the first character too
    many: a loop over every character took seconds on a 20 MB file."""
    wide = len(text) - len(text.encode("ascii", "ignore"))
    allowed = int(0.03 * wide)
    return wide > 0 and all(count <= allowed for count, _ in enumerate(_OTHER_WIDE.finditer(text), start=1))


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
