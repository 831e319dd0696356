"""How a buyer's chat message becomes terms: what is left out as saying nothing about
what is asked, and what a message of nothing else still finds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.formats import read_phrasebook
from assistant.phrases.model import Phrase
from assistant.phrases.store import shipped_book_files
from assistant.suggestions.lexicon import related_words
from assistant.suggestions.ranking import CHARACTER_WEIGHT, SuggestionIndex, query_terms, words_of
from assistant.suggestions.terms import asked, is_character, stem, terms

BOOK = [
    Phrase(id="welcome", book_id="b", title="欢迎光临", group="问候",
           text="亲，您好呀～欢迎光临小店，请问有什么可以帮您的呢？"),
    Phrase(id="invoice", book_id="b", title="开发票", group="售前", text="亲，可以开发票的哦，下单时备注抬头和税号"),
    Phrase(id="hello", book_id="e", title="Welcome", group="Greeting", text="Hi there, welcome to our shop!"),
    Phrase(id="stock", book_id="e", title="In stock", group="Pre-sale",
           text="Good news: this item is in stock right now."),
]


def first(message: str) -> str:
    ranked = SuggestionIndex(BOOK).rank(message, 3)
    return ranked[0].key[1] if ranked else ""


@pytest.fixture(scope="module")
def shipped() -> SuggestionIndex:
    """The shipped books: a few hundred replies, where one rare function word used to win."""
    phrases = []
    for path in shipped_book_files():
        imported = read_phrasebook(Path(str(path)))
        phrases.extend(replace(phrase, book_id=imported.book.id) for phrase in imported.phrases)
    return SuggestionIndex(phrases)


def top(index: SuggestionIndex, message: str) -> list[str]:
    return [scored.key[1] for scored in index.rank(message, 3)]


def test_chinese_function_characters_are_no_term_alone_nor_a_pair_of_two() -> None:
    found = terms("怎么还没发货")
    assert {"发货", "没发", "发", "货"} <= set(found)
    assert not {"怎么", "还没", "么还", "怎", "么", "还", "没"} & set(found)
    assert "有货" in terms("有货吗") and "有" not in terms("有货吗")


def test_a_rare_function_word_no_longer_outweighs_what_is_asked(shipped: SuggestionIndex) -> None:
    assert all(phrase.startswith("zh-ship-") for phrase in top(shipped, "怎么还没发货"))  # not 还没 of 修改地址
    assert "zh-track-07" in top(shipped, "到北京需要几天")  # not 需要 of 催付


def test_a_single_character_counts_less_than_a_pair() -> None:
    weights = query_terms("寄到北京运费多少")
    assert weights["运"] == CHARACTER_WEIGHT < weights["运费"] == 1.0
    assert is_character("运") and not is_character("运费") and not is_character("a")


def test_greetings_and_courtesies_are_left_out_of_a_message_that_asks_something(shipped: SuggestionIndex) -> None:
    assert "在吗" not in asked("在吗 请问能开发票吗") and "发票" in asked("在吗 请问能开发票吗")
    assert "hi" not in terms(asked("hi pls is this in stock"))
    assert first("亲在吗 能开发票吗") == "invoice"
    assert first("Hello, is it in stock?") == "stock"
    assert top(shipped, "在吗 这件还有货吗")[0] == "zh-pre-01"
    assert "en-greet-01" not in top(shipped, "hi pls when do u ship")


def test_a_message_that_is_only_a_greeting_still_finds_the_greeting() -> None:
    assert asked("在吗") == "在吗"
    assert first("在吗") == "welcome"
    assert first("hello") == "hello"


def test_english_words_meet_across_a_silent_e_and_chat_spelling() -> None:
    assert stem("update") == stem("updated") == stem("updating") == stem("updates")
    assert stem("size") == stem("sizing") == stem("sizes")
    assert terms("u got it im sure") == [stem("sure")]


def test_a_stop_word_of_the_lexicon_brings_no_related_words() -> None:
    assert "delay" not in related_words("is it still available")
    assert "delay" in related_words("my parcel is late")


def test_placeholders_are_no_words_of_a_reply_but_an_input_says_what_it_asks() -> None:
    assert words_of("面料是{input:面料成分}，{time}前发").split() == ["面料是", "面料成分", "，", "前发"]
    index = SuggestionIndex([Phrase(id="later", book_id="b", title="暂时离开", text="客服{agent}大约{time}回来"),
                             Phrase(id="hours", book_id="e", title="Out of hours", text="We're back at 9.")])
    assert [scored.key[1] for scored in index.rank("what time are you back")] == ["hours"]
