"""The native JSON phrasebook: canonical bytes, schema checks, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from assistant.errors import BadInput
from assistant.formats import native, read_phrasebook, write_phrasebook
from assistant.phrases.model import Phrase, Phrasebook
from tests.unit.formats.strategies import phrase_lists

BOOK = Phrasebook(name="测试", id="t1", language="zh-CN", author="lead", revision=4)


@given(phrase_lists())
@settings(max_examples=60, deadline=None)
def test_export_import_export_is_byte_identical(phrases: list[Phrase]) -> None:
    first = native.write(BOOK, phrases)
    imported = native.read(first, "mem")
    assert native.write(imported.book, imported.phrases) == first
    assert imported.phrases == phrases


def test_file_round_trip_through_the_registry(tmp_path: Path) -> None:
    phrases = [Phrase(text="亲，\"引号\", 逗号\n换行 😀", code="fh", group="发货", tags=("a", "b"))]
    target = tmp_path / "book.json"
    assert write_phrasebook(BOOK, phrases, target) == "json"
    again = read_phrasebook(target)
    assert again.book.revision == 4 and again.phrases[0].tags == ("a", "b")


def _document(**changes) -> bytes:
    document = json.loads(native.write(BOOK, [Phrase(text="hi there, how can I help?")]))
    document.update(changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize(("data", "message"), [
    (b'{"format": "quickreply.phrasebook", "version": 1, "book": {', "not valid JSON"),
    (b'{"hello": 1}', "not a QuickReply phrasebook"),
    (b"[" * 100000, "not a QuickReply phrasebook|not valid JSON"),
    (_document(version=7), "newer QuickReply"),
    (_document(phrases=[{"text": 5}]), "does not match"),
    (_document(phrases=[{"text": "x", "evil": "__import__"}]), "does not match"),
    (_document(book={"id": "../../etc", "name": "x"}), "does not match"),
])
def test_bad_documents_give_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message) as raised:
        native.read(data, "f.json")
    assert "\n" not in str(raised.value) and str(raised.value).startswith("f.json")


def test_error_names_the_line_and_field() -> None:
    with pytest.raises(BadInput) as raised:
        native.read(b'{\n "format": "quickreply.phrasebook",\n "version": 1,\n  oops\n}', "f.json")
    assert "line 4" in str(raised.value)
    with pytest.raises(BadInput) as raised:
        native.read(_document(phrases=[{"text": "ok"}, {"text": ""}]), "f.json")
    assert "phrases[1].text" in str(raised.value)
