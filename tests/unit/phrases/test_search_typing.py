"""Typing a query letter by letter finds what a fresh search finds: the index looks, for
a longer term, only at what each tier found for a shorter one (``_Narrowing``)."""

from __future__ import annotations

import random

import pytest

from assistant.phrases.model import Phrase
from assistant.phrases.search import FUZZY_CUTOFF, SearchIndex, _Query
from assistant.phrases.search_cache import SearchCache

CHINESE = "发货物流退款地址修改尺码顺丰快递包邮亲您好请耐心等待是平时品"
ENGLISH = ("shipped", "shipping", "tracking", "refund", "delivery", "parcel", "address", "size", "hello")


def generated(count: int = 2000, seed: int = 3) -> list[Phrase]:
    """Replies in both languages, with codes, groups and tags, some used more than others."""
    rng = random.Random(seed)
    phrases = []
    for number in range(count):
        if rng.random() < 0.6:
            text = "".join(rng.choice(CHINESE) for _ in range(rng.randint(4, 12)))
        else:
            text = " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(2, 5)))
        phrases.append(Phrase(text=text, code=f"{rng.choice('fhtkwlsz')}{rng.choice('fhtkwlsz')}{number}",
                              group=rng.choice(("发货", "售后", "Shipping", "")), tags=(rng.choice(CHINESE),),
                              book_id=rng.choice(("a", "b")), id=str(number), use_count=rng.randint(0, 3)))
    return phrases


def typed(query: str) -> list[str]:
    """Every state of the search box while ``query`` is typed, a letter taken back and
    typed again, and then cleared letter by letter."""
    growing = [query[:end] for end in range(1, len(query) + 1)]
    return [*growing, query[:-1], query, *reversed(growing[:-1])]


@pytest.mark.parametrize("query", ["refund", "refnud", "shiping", "zzzq", "deliveryx", "fh", "fahuo", "sz12",
                                   "qqq", "hello there", "ship 发"])
def test_typing_letter_by_letter_finds_what_a_fresh_search_finds(query: str) -> None:
    phrases = generated()
    cache = SearchCache()  # the phrases are read once; each fresh index knows nothing of earlier queries
    typing = SearchIndex(phrases, cache)
    for state in typed(query):
        for limit in (3, 20):
            assert typing.search(state, limit) == SearchIndex(phrases, cache).search(state, limit), (state, limit)


def test_a_longer_term_keeps_a_match_at_the_start_first() -> None:
    """What a shorter term found at the start of a title may hold the longer one only
    further in: it then ranks below a title that starts with it."""
    phrases = [Phrase(text="one", title="ref card xrefund", book_id="a", id="inside", use_count=9),
               Phrase(text="two", title="refund now", book_id="a", id="start"),
               Phrase(text="three", title="about a refund", book_id="a", id="later", use_count=5)]
    index = SearchIndex(phrases)
    for state in typed("refund"):
        assert index.search(state) == SearchIndex(phrases).search(state), state
    assert [found.id for found in index.search("refu")] == ["start", "inside", "later"]


def test_what_is_known_to_find_nothing_is_forgotten_when_the_phrases_change() -> None:
    phrases = generated(200)
    index = SearchIndex(phrases)
    assert index.search("zzzq") == []
    index.update([*phrases, Phrase(text="zzzqx is here", book_id="a", id="new")])
    assert [found.id for found in index.search("zzzqx")] == ["new"]


@pytest.mark.parametrize("term", ["shiped", "refnud", "trackng", "adress", "helo", "parcle"])
def test_typos_come_by_closeness_then_popularity_as_a_full_sort_puts_them(term: str) -> None:
    from rapidfuzz import fuzz, process

    phrases = generated(3000)
    index = SearchIndex(phrases)
    compiled = index._compiled
    vocabulary = index.vocabulary()
    close = process.extract(term, list(vocabulary), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=20)
    best: dict[int, float] = {}
    for word, score, _ in close:
        for key in vocabulary[word]:
            best[compiled.position[key]] = max(score, best.get(compiled.position[key], 0.0))
    assert best  # the term is a typo of words the phrases hold
    by_closeness = sorted(best, key=lambda position: (-best[position], position))
    assert list(index._fuzzy(compiled, _Query.of(term, index.cache))) == by_closeness
