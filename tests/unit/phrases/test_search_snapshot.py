"""``quickreply search`` from the stored columns: it finds exactly what an index of the
phrases finds, is never answered from columns of books that changed since, makes a
damaged file again, and keeps no query."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.phrases.model import Phrasebook
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_snapshot import SNAPSHOT_FILE, search_store
from assistant.phrases.store import Store
from tests.unit.phrases.test_search_typing import generated

QUERIES = ("fh", "fahuo", "发货", "ship", "shiping", "refund", "tk", "sz1", "zzz", "size 发", "ship refnd", "")


def found(store: Store, query: str, book_id: str | None = None) -> list:
    return search_store(store, query, 20, book_id)


def expected(store: Store, query: str, book_id: str | None = None) -> list:
    return SearchIndex(store.phrases()).search(query, 20, book_id=book_id)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path, seed=False)
    phrases = generated(800)
    for book_id in ("a", "b"):
        store.create_book(Phrasebook(name=book_id.upper(), id=book_id),
                          [replace(phrase, book_id="", use_count=0) for phrase in phrases if phrase.book_id == book_id])
    for number, phrase in enumerate(store.phrases()[::37]):
        for _ in range(number % 4 + 1):
            store.record_use(phrase.book_id, phrase.id, f"2026-12-0{number % 9 + 1}T10:00:00")
    return Store(tmp_path, seed=False)


def written(store: Store) -> int:
    return (store.home / SNAPSHOT_FILE).stat().st_mtime_ns


@pytest.mark.parametrize("book_id", [None, "b"])
def test_the_stored_columns_find_what_an_index_of_the_phrases_finds(store: Store, book_id: str | None) -> None:
    assert found(store, "发货", book_id) == expected(store, "发货", book_id)  # made and kept
    kept = written(store)
    for query in QUERIES:
        assert found(store, query, book_id) == expected(store, query, book_id), query
    assert written(store) == kept, "every search after the first was answered from the stored columns"


def test_a_search_answered_by_a_short_code_makes_no_columns(store: Store) -> None:
    code = store.phrases()[5].code
    assert [phrase.code for phrase in search_store(store, code, 1)] == [code]
    assert not (store.home / SNAPSHOT_FILE).exists()


def test_use_counts_change_the_order_without_making_the_columns_again(store: Store) -> None:
    found(store, "ship")
    kept = written(store)
    last = expected(store, "ship")[-1]
    for _ in range(9):
        store.record_use(last.book_id, last.id)
    reopened = Store(store.home, seed=False)
    assert found(reopened, "ship")[0].id == last.id
    assert found(reopened, "ship") == expected(reopened, "ship")
    assert written(store) == kept


def test_columns_of_books_that_changed_since_are_never_used(store: Store) -> None:
    found(store, "ship")
    other = Store(store.home, seed=False)  # as another process would change them
    first = other.phrases("a")[0]
    other.update_phrase("a", first.with_changes(text="qwzx changed reply", code="qwzx"))
    other.create_book(Phrasebook(name="New", id="c"), [replace(first, id="n1", text="brand new qwzx", code="nn")])
    assert [phrase.text for phrase in found(Store(store.home, seed=False), "qwzx")] == [
        "qwzx changed reply", "brand new qwzx"]
    other.delete_book("c")
    assert [phrase.text for phrase in found(Store(store.home, seed=False), "qwzx")] == ["qwzx changed reply"]


@pytest.mark.parametrize("damage", [
    lambda document: "not json {",
    lambda document: "[]",
    lambda document: json.dumps({**document, "version": "0"}),
    lambda document: json.dumps({**document, "keys": document["keys"][1:]}),
    lambda document: json.dumps({**document, "keys": [["a", "no such phrase"], *document["keys"][1:]]}),
    lambda document: json.dumps({**document, "keys": [[1, 2], *document["keys"][1:]]}),
    lambda document: json.dumps({**document, "columns": {**document["columns"], "text": 5}}),
    lambda document: json.dumps({**document, "columns": {**document["columns"],
                                                         "text": document["columns"]["text"][:-40]}}),
    lambda document: json.dumps({**document, "vocabulary": {"ship": [10 ** 9]}}),
    lambda document: json.dumps({**document, "chars": {"发": 3}}),
], ids=["not-json", "list", "version", "keys-short", "key-not-held", "key-types", "column-type",
        "column-cut", "vocabulary-range", "readings"])
def test_a_damaged_file_costs_one_search_its_time_and_nothing_else(store: Store, damage) -> None:
    found(store, "ship")
    path = store.home / SNAPSHOT_FILE
    path.write_text(damage(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    for query in ("ship", "发货", "shiping", "fh 发"):
        assert found(store, query) == expected(store, query), query
    json.loads(path.read_text(encoding="utf-8"))  # made again whole
    kept = written(store)
    assert found(store, "refund") == expected(store, "refund")
    assert written(store) == kept


def test_no_query_is_kept(store: Store) -> None:
    for query in ("zqxjvbnm", "龘靐齉", "fh 龘靐齉 zqxjvbnm"):
        found(store, query)
    for path in store.home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"zqxjvbnm" not in data and "龘靐齉".encode() not in data, path
