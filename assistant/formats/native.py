"""QuickReply's own phrasebook file: versioned JSON, described in
docs/phrasebook-format.md and phrasebook.schema.json beside this module.

Output is canonical (fixed key order, two-space indent, UTF-8, one trailing newline),
so export → import → export gives the same bytes and files diff well in version control.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from assistant.data.bounded_json import json_path, load_json
from assistant.errors import BadInput
from assistant.formats.book import ImportedBook
from assistant.formats.limits import MAX_PHRASES, too_many_phrases
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
    return Draft202012Validator(_inline_definitions(schema, schema.get("$defs", {})))


def _inline_definitions(node: Any, definitions: dict) -> Any:
    """The schema with each ``{"$ref": "#/$defs/NAME"}`` replaced by the definition:
    resolving a reference costs more than checking the value, three times a phrase,
    and made a book at the phrase cap take seconds to check."""
    if isinstance(node, dict):
        reference = node.get("$ref", "")
        if len(node) == 1 and reference.startswith("#/$defs/"):
            return _inline_definitions(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: _inline_definitions(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_definitions(value, definitions) for value in node]
    return node


def parse_document(data: bytes, source: str) -> dict:
    """The JSON document, checked against the schema; shared with subscriptions."""
    document = load_json(decode_text(data, source), source)
    if not isinstance(document, dict) or document.get("format") != FORMAT_TAG:
        raise BadInput(tr("not a QuickReply phrasebook (no \"format\": \"{tag}\")", tag=FORMAT_TAG), source)
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BadInput(tr("made by a newer QuickReply (format version {version}); please update",
                          version=version), source)
    phrases = document.get("phrases")
    if isinstance(phrases, list) and len(phrases) > MAX_PHRASES:
        raise too_many_phrases(len(phrases), source, "phrases")  # before the schema check, which is slow
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(document))
    if error is not None:
        raise BadInput(tr("does not match the phrasebook format: {reason}", reason=error.message[:200]),
                       source, json_path(error.absolute_path))
    return document


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
    imported = ImportedBook(phrases=[], book=book)
    for index, entry in enumerate(document["phrases"]):
        fields = {key: value for key, value in entry.items()}
        if "tags" in fields:
            fields["tags"] = tuple(fields["tags"])
        imported.add(Phrase(**fields), f"phrases[{index}]", source)
    return imported


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
