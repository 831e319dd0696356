"""The search cache's file: a stale or damaged entry is analysed again, never trusted, a
file of another version or no table at all is rebuilt, and searching with the cache
finds exactly what searching without it finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import CACHE_FILE, ENCODED_AT_ONCE, VERSION, SearchCache
from tests.unit.phrases.test_search_typing import generated

QUERIES = ("fh", "fahuo", "发货", "ship", "shiping", "refund", "tk", "sz1", "zzz", "size 发", "")


def results(index: SearchIndex) -> list[list[tuple[str, str]]]:
    return [[(found.book_id, found.id) for found in index.search(query, 20)] for query in QUERIES]


@pytest.fixture
def phrases() -> list:
    return generated(600)


@pytest.fixture
def uncached(phrases: list) -> list[list[tuple[str, str]]]:
    return results(SearchIndex(phrases))


@pytest.mark.parametrize("one_shot", [False, True])
def test_searching_with_the_saved_cache_finds_what_searching_without_it_finds(
        tmp_path: Path, phrases: list, uncached: list, one_shot: bool) -> None:
    SearchIndex(phrases, SearchCache.of(tmp_path))
    written = (tmp_path / CACHE_FILE).stat()
    cache = SearchCache.of(tmp_path)
    assert results(SearchIndex(phrases, cache, one_shot=one_shot)) == uncached
    assert not cache._changed  # every phrase's forms came from the file
    assert (tmp_path / CACHE_FILE).stat().st_mtime_ns == written.st_mtime_ns  # and it was not written again


def test_a_one_shot_search_analyses_only_what_its_query_reaches_and_saves_what_it_analysed(
        tmp_path: Path, phrases: list, uncached: list) -> None:
    found_by_code = SearchIndex(phrases, SearchCache.of(tmp_path), one_shot=True).search("fh", 5)
    assert found_by_code == SearchIndex(phrases).search("fh", 5)
    assert not (tmp_path / CACHE_FILE).exists()  # no phrase's forms were needed
    assert results(SearchIndex(phrases, SearchCache.of(tmp_path), one_shot=True)) == uncached
    cache = SearchCache.of(tmp_path)
    assert results(SearchIndex(phrases, cache, one_shot=True)) == uncached
    assert not cache._changed


def test_a_one_shot_index_updated_finds_what_a_new_index_finds(phrases: list) -> None:
    index = SearchIndex(phrases, one_shot=True)
    assert index.search("fh", 3)  # before it ever needed the phrases' forms
    edited = [phrases[0].with_changes(text="zqxj changed", code="zq"), *phrases[2:]]
    index.update(edited)
    assert results(index) == results(SearchIndex(edited))


def test_a_changed_phrase_is_analysed_again_and_its_old_forms_leave_the_file(tmp_path: Path, phrases: list) -> None:
    SearchIndex(phrases, SearchCache.of(tmp_path))
    edited = [phrases[0].with_changes(text="zqxj changed"), *phrases[1:]]
    index = SearchIndex(edited, SearchCache.of(tmp_path))
    assert [found.id for found in index.search("zqxj")] == [phrases[0].id]
    texts = [row[9] for row in json.loads((tmp_path / CACHE_FILE).read_bytes())["phrases"].values()]
    assert "zqxj changed" in texts and phrases[0].text.casefold() not in texts


def _damage(document: dict, how: str) -> dict:
    rows = document["phrases"]
    first = next(iter(rows))
    if how == "a row short":
        rows[first] = rows[first][:-1]
    elif how == "a number for a form":
        rows[first][9] = 7
    elif how == "words not a list":
        rows[first][12] = "ship"
    elif how == "a number for a word":
        rows[first][12] = [3]
    elif how == "a row not a list":
        rows[first] = {"text": "x"}
    elif how == "no table of phrases":
        document["phrases"] = list(rows.values())
    elif how == "an older version":
        document["version"] = VERSION - 1
    return document


@pytest.mark.parametrize("how", ["a row short", "a number for a form", "words not a list", "a number for a word",
                                 "a row not a list", "no table of phrases", "an older version", "not json",
                                 "a list"])
def test_a_damaged_or_older_cache_is_rebuilt_and_finds_the_same(
        tmp_path: Path, phrases: list, uncached: list, how: str) -> None:
    SearchIndex(phrases, SearchCache.of(tmp_path))
    path = tmp_path / CACHE_FILE
    if how == "not json":
        path.write_bytes(path.read_bytes()[:-40])
    elif how == "a list":
        path.write_text("[1, 2]", "utf-8")
    else:
        path.write_text(json.dumps(_damage(json.loads(path.read_bytes()), how), ensure_ascii=False), "utf-8")
    cache = SearchCache.of(tmp_path)
    assert results(SearchIndex(phrases, cache)) == uncached
    rebuilt = SearchCache.of(tmp_path)  # written again whole, and good
    assert len(rebuilt._forms) == len({(item.title, item.group, item.tags, item.text) for item in phrases})


@pytest.mark.parametrize("one_shot", [False, True])
def test_a_phrase_whose_code_alone_changed_is_found_by_its_new_code(phrases: list, one_shot: bool) -> None:
    index = SearchIndex(phrases, one_shot=one_shot)
    assert results(index)
    index.update([phrases[0].with_changes(code="qqzz"), *phrases[1:]])
    assert [found.id for found in index.search("qqzz")] == [phrases[0].id]
    word = phrases[0].text.split()[0]  # held by many; the code's start picks one of them
    assert [found.id for found in index.search(f"{word} qqz")] == [phrases[0].id]


def test_the_file_is_what_one_json_document_of_everything_would_be(tmp_path: Path) -> None:
    many = generated(ENCODED_AT_ONCE * 2 + 7)  # saved in three slices
    SearchIndex(many, SearchCache.of(tmp_path))
    written = (tmp_path / CACHE_FILE).read_bytes()
    document = json.loads(written)
    assert len(document["phrases"]) > ENCODED_AT_ONCE * 2 and document["version"] == VERSION
    assert written == json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def test_an_index_built_from_a_snapshot_changes_nothing_of_the_cache_in_use(
        tmp_path: Path, phrases: list, uncached: list) -> None:
    in_use = SearchIndex(phrases, SearchCache.of(tmp_path))
    known = dict(in_use.cache._forms)
    edited = [phrases[0].with_changes(text="zqxj 新的回复"), *phrases[1:]]
    rebuilt = SearchIndex(edited, in_use.cache.snapshot())
    assert [found.id for found in rebuilt.search("zqxj")] == [phrases[0].id]
    assert rebuilt.cache._forms.keys() - known and in_use.cache._forms == known
    assert "新" not in in_use.pinyin.chars and "新" in rebuilt.pinyin.chars
    assert results(in_use) == uncached
    # Its forms reached the file: the next start analyses nothing.
    cache = SearchCache.of(tmp_path)
    SearchIndex(edited, cache)
    assert not cache._changed


def test_a_checkpoint_that_raises_stops_the_build(phrases: list) -> None:
    asked: list[int] = []

    def checkpoint() -> None:
        asked.append(1)
        if len(asked) == 10:
            raise TimeoutError

    with pytest.raises(TimeoutError):
        SearchIndex(phrases, SearchCache().snapshot(checkpoint))
    assert len(asked) == 10
