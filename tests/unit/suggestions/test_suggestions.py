"""Suggested replies from a buyer's message (bench/suggest.py measures accuracy and speed)."""

from __future__ import annotations

import json
import threading
from dataclasses import replace

from assistant.phrases.model import Phrase
from assistant.suggestions.feedback import ChoiceMemory
from assistant.suggestions.lexicon import related_words
from assistant.suggestions.ranking import SuggestionIndex, query_terms
from assistant.suggestions.suggester import Suggester
from assistant.suggestions.terms import stem, terms

BOOK = [
    Phrase(id="ship", book_id="b", title="发货时间", group="发货", text="亲，正常情况下付款后48小时内发货哦"),
    Phrase(id="return", book_id="b", title="退货流程", group="售后", tags=("售后",),
           text="亲，退货可以按这几步来哦：订单页点申请售后"),
    Phrase(id="invoice", book_id="b", title="开发票", group="售前", text="亲，可以开发票的哦，下单时备注抬头和税号"),
    Phrase(id="damaged", book_id="e", title="Damaged item", group="Returns",
           text="So sorry it arrived damaged! Could you send photos?"),
    Phrase(id="dispatch", book_id="e", title="Dispatch time", group="Shipping",
           text="Orders usually ship within 1-2 business days of payment."),
]


def best(index: SuggestionIndex, message: str, memory: ChoiceMemory | None = None) -> str:
    ranked = index.rank(message, 3, memory.boost(message, index.idf) if memory else None)
    return ranked[0].key[1] if ranked else ""


def test_chinese_is_matched_by_character_pairs_whatever_the_word_boundaries() -> None:
    assert "退货" in terms("我要退货") and "要退" in terms("我要退货") and "退" in terms("我要退货")
    assert terms("The parcels shipped") == [stem("parcels"), "ship"]


def test_latin_words_meet_across_endings_and_spellings() -> None:
    assert stem("shipping") == stem("shipped") == stem("ships") == "ship"
    assert stem("colour") == stem("color")


def test_the_reply_that_answers_comes_first() -> None:
    index = SuggestionIndex(BOOK)
    assert best(index, "什么时候发货") == "ship"
    assert best(index, "怎么退货？") == "return"
    assert best(index, "能开发票吗") == "invoice"
    assert best(index, "When will my order ship?") == "dispatch"


def test_the_trades_other_words_for_an_idea_find_the_reply() -> None:
    assert "质量问题" in related_words("衣服坏了")
    assert best(SuggestionIndex(BOOK), "The product is broken") == "damaged"
    message_terms = query_terms("东西坏了")
    assert message_terms["坏了"] == 1.0 and message_terms["质量"] < 1.0


def test_a_message_with_nothing_in_common_suggests_nothing() -> None:
    assert SuggestionIndex(BOOK).rank("qwxz") == []
    assert SuggestionIndex([]).rank("发货") == []


def test_what_the_agent_chose_after_similar_words_comes_first_next_time() -> None:
    index = SuggestionIndex(BOOK)
    memory = ChoiceMemory(b"salt")
    assert best(index, "在吗，我的单子呢") != "return"
    for _ in range(3):
        memory.learn("我的单子呢", ("b", "return"))
    assert best(index, "在吗，我的单子呢", memory) == "return"


def test_the_choice_table_keeps_no_word_of_the_buyers_message() -> None:
    memory = ChoiceMemory(b"salt")
    memory.learn("王小明的订单 13812345678 为什么还没发货 tracking", ("b", "ship"))
    kept = json.dumps(memory.as_json(), ensure_ascii=False)
    for fragment in ("王小明", "小明", "13812345678", "发货", "tracking", "track"):
        assert fragment not in kept
    # Another data folder's salt gives other hashes: the tables cannot be compared.
    other = ChoiceMemory(b"other salt")
    other.learn("王小明的订单 13812345678 为什么还没发货 tracking", ("b", "ship"))
    assert not set(other.as_json()) & set(memory.as_json())


def test_a_saved_table_works_as_the_one_it_was_saved_from() -> None:
    memory = ChoiceMemory(b"salt")
    memory.learn("我的单子呢", ("b", "invoice"))
    again = ChoiceMemory(b"salt", json.loads(json.dumps(memory.as_json())))
    index = SuggestionIndex(BOOK)
    assert again.boost("我的单子呢", index.idf) == memory.boost("我的单子呢", index.idf)


def test_the_suggester_follows_the_phrases_and_leaves_out_hidden_books() -> None:
    suggester = Suggester()
    suggester.update(BOOK)
    assert [phrase.id for phrase in suggester.suggest("怎么退货？")][:1] == ["return"]
    assert all(phrase.book_id != "b" for phrase in suggester.suggest("怎么退货？", hidden={"b"}))
    suggester.update([replace(BOOK[0], title="退货流程", updated="2026-12-03T08:00:00Z")])
    assert [phrase.id for phrase in suggester.suggest("怎么退货？")] == ["ship"]


def test_the_suggester_says_when_an_index_it_could_not_wait_for_is_ready(monkeypatch) -> None:
    monkeypatch.setattr("assistant.suggestions.suggester.READY_WAIT_SECONDS", 0.0)
    built = threading.Event()
    suggester = Suggester(ready=built.set)
    suggester.update([replace(BOOK[0], id=f"ship{number}") for number in range(300)] + BOOK)
    suggester.suggest("怎么退货？")  # starts the building, waits for none of it
    assert built.wait(30)
    assert [phrase.id for phrase in suggester.suggest("怎么退货？")][:1] == ["return"]


def test_no_suggestion_for_an_empty_or_document_sized_text() -> None:
    suggester = Suggester()
    suggester.update(BOOK)
    assert suggester.suggest("   ") == [] and suggester.suggest("退货" * 300) == []
    suggester.learn("退货" * 300, BOOK[0])
    assert suggester.memory.as_json() == {}


def test_the_choices_are_kept_in_the_data_folder_as_digests_only(tmp_path) -> None:
    from assistant.data.folder import DataFolder

    folder = DataFolder(tmp_path / "home")
    first = Suggester(folder)
    first.update(BOOK)
    assert [phrase.id for phrase in first.suggest("王小明的单子到哪了 13812345678")][:1] != ["return"]
    for _ in range(3):
        first.learn("王小明的单子到哪了 13812345678", BOOK[1])
    again = Suggester(folder)  # the app started anew
    again.update(BOOK)
    assert again.suggest("王小明的单子到哪了 13812345678")[0].id == "return"
    for path in (tmp_path / "home").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for fragment in ("王小明", "单子", "13812345678"):
                assert fragment.encode() not in data, path
