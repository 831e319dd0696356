"""A large index looks a Latin term up in its runs of three characters instead of
scanning every column: it must find exactly what the scans find, as the phrases change."""

from __future__ import annotations

import random

import pytest

from assistant.phrases import search
from assistant.phrases.model import Phrase
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import SearchCache
from assistant.phrases.search_grams import LatinGrams, latin_forms, usable
from tests.unit.phrases.test_search_typing import generated, typed

QUERIES = ["refund", "refnud", "shiping", "zzzq", "deliveryx", "fahuo", "fhwl", "sz12", "qqq", "ship 发", "cafe",
           "a😀b", "HELLO", "dz9", "ing", "ddd", "track", "xx1", "yy"]


def with_grams(phrases: list[Phrase], cache: SearchCache, monkeypatch: pytest.MonkeyPatch) -> SearchIndex:
    monkeypatch.setattr(search, "GRAMS_ABOVE", 0)
    index = SearchIndex(phrases, cache)
    monkeypatch.setattr(search, "GRAMS_ABOVE", 10**9)
    assert index._grams is not None
    return index


def scanning(phrases: list[Phrase], cache: SearchCache) -> SearchIndex:
    index = SearchIndex(phrases, cache)
    assert index._grams is None
    return index


def mixed(count: int, seed: int = 5) -> list[Phrase]:
    """``generated`` replies, and some with accents, emoji and Latin words in Chinese."""
    rng = random.Random(seed)
    phrases = generated(count, seed)
    extra = ["Café crème 😀 delivery", "亲 refund 已经发货 zzzq", "ship发货 tracking", "naïve 🚚 shipping",
             "a😀b 退款", "DZ9 尺码 size"]
    for number in range(count // 10):
        phrases.append(Phrase(text=rng.choice(extra) + f" {number}", title=rng.choice(extra)[:8],
                              book_id="a", id=f"x{number}", code=f"xx{number}"))
    return phrases


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 8: a few hundred phrases fill many of them, as 50,000 do blocks of 128."""
    monkeypatch.setattr(LatinGrams, "BLOCK", 8)


@pytest.mark.parametrize("query", QUERIES)
def test_an_index_with_grams_finds_what_the_scans_find(query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    phrases = mixed(1500)
    cache = SearchCache()
    looked_up, scanned = with_grams(phrases, cache, monkeypatch), scanning(phrases, cache)
    for state in typed(query):
        for limit in (3, 30):
            assert looked_up.search(state, limit) == scanned.search(state, limit), (state, limit)


def test_edits_removals_and_new_phrases_are_found_as_the_scans_find_them(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(8)
    phrases = mixed(600)
    cache = SearchCache()
    index = with_grams(phrases, cache, monkeypatch)
    for round_number in range(6):
        kept = [phrase for phrase in phrases if rng.random() > 0.1]  # a tenth removed
        edited = [Phrase(text=phrase.text + f" zzqv{round_number} refunded", title=phrase.title, code=phrase.code,
                         group=phrase.group, tags=phrase.tags, book_id=phrase.book_id, id=phrase.id)
                  if rng.random() < 0.05 else phrase for phrase in kept]
        new = [Phrase(text=f"brand new parcel {round_number}-{number} 发货", book_id="b",
                      id=f"n{round_number}-{number}") for number in range(rng.randint(1, 30))]
        phrases = edited + new
        index.update(phrases)
        scanned = scanning(phrases, cache)
        for query in ["zzqv", f"zzqv{round_number}", "refunded", "parcel", f"parcel {round_number}-1", "brand",
                      "refund", "shipping"]:
            for state in typed(query):
                assert index.search(state, 30) == scanned.search(state, 30), (round_number, state)


def test_only_a_long_lived_index_above_the_limit_keeps_grams(monkeypatch: pytest.MonkeyPatch) -> None:
    phrases = generated(300)
    monkeypatch.setattr(search, "GRAMS_ABOVE", 299)
    assert SearchIndex(phrases)._grams is not None
    assert SearchIndex(phrases, one_shot=True)._grams is None
    growing = SearchIndex(phrases[:200])
    assert growing._grams is None
    growing.update(phrases)  # grown past the limit: made then, holding every phrase
    assert growing._grams is not None and len(growing._grams) == 300


def test_holding_gives_exactly_the_phrases_whose_text_holds_the_term() -> None:
    rng = random.Random(2)
    texts = {number: "".join(rng.choice("abcdefghij\x1f") for _ in range(rng.randint(0, 30)))
             for number in range(500)}
    grams = LatinGrams(1, lambda key: [texts[key]])
    grams.update(texts, ())
    found = 0
    for term in ["abc", "aaa", "jig", "abcd", "eeee", "cabed", "dddd", "hij"]:
        holding = grams.holding(0, term)
        expected = [key for key, text in texts.items() if term in text]
        assert holding is not None and sorted(holding) == expected, term
        found += len(expected)
    assert found > 20
    assert grams.holding(0, "xyz") == []
    assert grams.holding(0, "abc") is not None
    for number in range(500, 700):  # in a quarter of the blocks and more: left to the scans
        texts[number] = "abc"
    grams.update(range(500, 700), ())
    assert grams.holding(0, "abc") is None


def test_a_changed_or_removed_text_is_looked_up_as_it_is_now() -> None:
    texts = {number: f"phrase {number}" for number in range(100)}
    grams = LatinGrams(1, lambda key: [texts[key]])
    grams.update(texts, ())
    assert grams.holding(0, "se 42") == [42]
    texts[42] = "now about a refund"
    grams.update([42], ())
    assert grams.holding(0, "se 42") == []
    assert grams.holding(0, "refund") == [42]
    del texts[42]
    grams.update((), [42])
    assert grams.holding(0, "refund") == []
    assert len(grams) == 99
    texts[42] = "back with a refund"
    grams.update([42], ())
    assert grams.holding(0, "refund") == [42]


def test_latin_forms_keep_every_ascii_character_and_no_other() -> None:
    assert latin_forms(["café 😀 ok", "FaHuook", "plain", "发货", None, "123", ""]) == [
        "caf\x1f \x1f ok", "fahuook", "plain", "", "", "123", ""]


@pytest.mark.parametrize(("term", "expected"), [("abc", True), ("ab", False), ("发货了", False), ("a\x1fb", False),
                                                ("a-b", True)])
def test_which_terms_are_looked_up(term: str, expected: bool) -> None:
    assert usable(term) is expected
