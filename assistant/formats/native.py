"""QuickReply's own phrasebook file: versioned JSON, described in
docs/phrasebook-format.md and phrasebook.schema.json beside this module.

Output is canonical (fixed key order, two-space indent, UTF-8, one trailing newline),
so export → import → export gives the same bytes and files diff well in version control.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from assistant.errors import BadInput
from assistant.formats.book import ImportedBook
from assistant.formats.text import decode_text
from assistant.i18n import tr
from assistant.phrases.model import Phrase, Phrasebook

NAME = "json"
EXTENSIONS = (".json", ".qrbook")
FORMAT_TAG = "quickreply.phrasebook"
VERSION = 1


@cache
def _validator():  # -> jsonschema.Draft202012Validator; imported here, only when a file is read
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files(__package__).joinpath("phrasebook.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def parse_document(data: bytes, source: str) -> dict:
    """The JSON document, checked against the schema; shared with subscriptions."""
    text = decode_text(data, source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            tr("not valid JSON: {reason}", reason=error.msg),
            source,
            tr("line {line}, column {column}", line=error.lineno, column=error.colno),
        ) from error
    except RecursionError as error:
        raise BadInput(tr("not valid JSON: nested too deeply"), source) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_TAG:
        raise BadInput(tr("not a QuickReply phrasebook (no \"format\": \"{tag}\")", tag=FORMAT_TAG), source)
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BadInput(tr("made by a newer QuickReply (format version {version}); please update",
                          version=version), source)
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(document))
    if error is not None:
        raise BadInput(tr("does not match the phrasebook format: {reason}", reason=error.message[:200]),
                       source, _json_path(error.absolute_path))
    return document


def _json_path(parts) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"


def read(data: bytes, source: str) -> ImportedBook:
    document = parse_document(data, source)
    meta = document["book"]
    book = Phrasebook(
        id=meta["id"],
        name=meta["name"],
        language=meta.get("language", "zh-CN"),
        description=meta.get("description", ""),
        author=meta.get("author", ""),
        revision=meta.get("revision", 1),
        origin="imported",
    )
    phrases = []
    for entry in document["phrases"]:
        fields = {key: value for key, value in entry.items()}
        if "tags" in fields:
            fields["tags"] = tuple(fields["tags"])
        phrases.append(Phrase(**fields))
    return ImportedBook(
        phrases=phrases,
        book=book,
        locations=[f"phrases[{index}]" for index in range(len(phrases))],
    )


def to_document(book: Phrasebook, phrases: list[Phrase]) -> dict:
    return {
        "format": FORMAT_TAG,
        "version": VERSION,
        "book": {
            "id": book.id,
            "name": book.name,
            "language": book.language,
            "description": book.description,
            "author": book.author,
            "revision": book.revision,
        },
        "phrases": [
            {
                "id": phrase.id,
                "title": phrase.title,
                "text": phrase.text,
                "group": phrase.group,
                "code": phrase.code,
                "hotkey": phrase.hotkey,
                "tags": list(phrase.tags),
                "separate_messages": phrase.separate_messages,
                "created": phrase.created,
                "updated": phrase.updated,
            }
            for phrase in phrases
        ],
    }


def write(book: Phrasebook, phrases: list[Phrase]) -> bytes:
    return (json.dumps(to_document(book, phrases), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
