"""Which books the picker offers: the default hides the shipped book of the other language."""

from __future__ import annotations

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.search import SearchIndex
from assistant.phrases.shown import default_hidden_books, hidden_books, language_first
from assistant.phrases.store import Store

TEAM = Phrasebook(name="Team", id="team", language="en", origin="subscribed")


def test_the_shipped_book_of_the_other_language_is_hidden_by_default(seeded_store: Store) -> None:
    books = seeded_store.books()
    assert default_hidden_books(books, "zh") == ["en-ecommerce"]
    assert default_hidden_books(books, "en") == ["zh-ecommerce"]


def test_only_shipped_books_are_hidden_by_default_and_a_choice_overrides_it(seeded_store: Store) -> None:
    books = [*seeded_store.books(), TEAM]
    assert hidden_books(None, books, "zh") == {"en-ecommerce"}
    assert hidden_books([], books, "zh") == frozenset()
    assert hidden_books(["zh-ecommerce"], books, "zh") == {"zh-ecommerce"}


def test_books_in_the_interface_language_come_first(seeded_store: Store) -> None:
    books = [TEAM, *seeded_store.books()]
    assert language_first(books, "zh")[0].id == "zh-ecommerce"
    assert [book.id for book in language_first(books, "en")][:2] == ["team", "en-ecommerce"]


def test_search_leaves_out_hidden_books_and_lists_the_first_books_first() -> None:
    phrases = [Phrase(text=f"hello {n}", id=f"e{n}", book_id="en", use_count=10) for n in range(3)]
    phrases += [Phrase(text=f"你好 {n}", id=f"z{n}", book_id="zh") for n in range(3)]
    index = SearchIndex(phrases)
    assert {phrase.book_id for phrase in index.search("", hidden={"en"})} == {"zh"}
    assert index.search("hello", hidden={"en"}) == []
    assert [phrase.book_id for phrase in index.search("", first={"zh"})] == ["zh"] * 3 + ["en"] * 3
    assert [phrase.book_id for phrase in index.search("", 2, first={"zh"})] == ["zh", "zh"]
