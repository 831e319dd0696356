"""Texts to practise on."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant.drills.session import DrillResult, DrillSession, DrillText
from assistant.drills.texts import (
    MAX_CHARACTERS,
    MAX_FILE_BYTES,
    Weak,
    adaptive_text,
    custom_text,
    phrase_texts,
    shipped_texts,
    text_from_file,
    timed_text,
    weak_characters,
    weak_words,
)
from assistant.errors import QuickReplyError
from assistant.phrases.store import Store, shipped_book_files

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_shipped_chinese_texts_are_trade_length() -> None:
    texts = shipped_texts("zh")
    assert len(texts) >= 10
    for text in texts:
        assert 80 <= len(HAN.findall(text.text)) <= 200, text.id
        assert text.id.startswith("shipped:zh-") and text.source == "shipped" and text.title


def test_shipped_english_texts_are_trade_length() -> None:
    texts = shipped_texts("en")
    assert len(texts) >= 8
    for text in texts:
        assert 200 <= sum(char.isalpha() for char in text.text) <= 400, text.id
        assert text.language == "en" and "  " not in text.text


def test_shipped_ids_are_unique_and_all_languages_come_back() -> None:
    every = shipped_texts()
    assert len({text.id for text in every}) == len(every) == len(shipped_texts("zh")) + len(shipped_texts("en"))


def test_drill_texts_are_never_taken_for_phrasebooks(isolated_home) -> None:
    assert [entry.name for entry in shipped_book_files()] == ["en-ecommerce.json", "zh-ecommerce.json"]
    store = Store(isolated_home)
    assert {book.id for book in store.books()} == {"en-ecommerce", "zh-ecommerce"}


# -- the user's own texts -----------------------------------------------------------------


def test_phrase_texts_leave_out_placeholders_and_short_replies(store: Store) -> None:
    from assistant.phrases.model import Phrase
    from tests.unit.helpers import book

    store.create_book(book(), [
        Phrase(text="{name}亲，您好，订单{input:订单号}已经发货啦，请留意物流信息哦", title="发货通知", id="p1"),
        Phrase(text="好的", id="p2"),
        Phrase(text="Thanks for waiting!\n---\nYour parcel left today.", separate_messages=True, id="p3"),
        Phrase(text="{{braces}} stay as written, {cursor}here", id="p4"),
    ])
    texts = {text.id: text for text in phrase_texts(store)}
    assert set(texts) == {"phrase:test-book/p1", "phrase:test-book/p3", "phrase:test-book/p4"}
    first = texts["phrase:test-book/p1"]
    assert first.text == "亲，您好，订单已经发货啦，请留意物流信息哦" and first.title == "发货通知"
    assert first.language == "zh" and first.source == "phrasebook"
    assert texts["phrase:test-book/p3"].text == "Thanks for waiting! Your parcel left today."
    assert texts["phrase:test-book/p4"].text == "{braces} stay as written, here"
    assert phrase_texts(store, "test-book") == list(texts.values())


def test_custom_text_is_normalised_titled_and_bounded() -> None:
    text = custom_text("  亲，欢迎\n光临本店  ")
    assert text.text == "亲，欢迎 光临本店" and text.source == "custom" and text.language == "zh"
    assert text.id == custom_text("亲，欢迎 光临本店").id and text.id.startswith("custom:") and len(text.id) == 17
    assert text.title == "亲，欢迎 光临本店" and custom_text("abc", title="Mine").title == "Mine"
    with pytest.raises(QuickReplyError, match="no text"):
        custom_text(" \n\t ")
    with pytest.raises(QuickReplyError, match="at most"):
        custom_text("字" * (MAX_CHARACTERS + 1))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_text_from_file_reads_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "练习.txt"
    path.write_bytes("亲，您好！今天下单，明天就能发货。\n祝您购物愉快。".encode(encoding))
    text = text_from_file(path)
    assert text.text == "亲，您好！今天下单，明天就能发货。 祝您购物愉快。" and text.title == "练习"


def test_text_from_file_says_clearly_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(QuickReplyError, match="file not found"):
        text_from_file(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    with pytest.raises(QuickReplyError, match="too large for a drill"):
        text_from_file(big)
    blank = tmp_path / "blank.txt"
    blank.write_text("   \n\n", "utf-8")
    with pytest.raises(QuickReplyError, match="empty"):
        text_from_file(blank)
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(QuickReplyError, match="not a text file"):
        text_from_file(binary)
    long = tmp_path / "long.txt"
    long.write_text("字" * (MAX_CHARACTERS + 1), "utf-8")
    with pytest.raises(QuickReplyError, match=r"long\.txt: .*at most"):
        text_from_file(long)


@pytest.mark.parametrize(("language", "minutes"), [("zh", 1), ("zh", 5), ("en", 3)])
def test_timed_texts_outlast_a_fast_typist(language: str, minutes: int) -> None:
    text = timed_text(language, minutes, seed=7)
    assert len(text.text) >= minutes * 300 and text.language == language and "  " not in text.text
    assert text == timed_text(language, minutes, seed=7)
    assert text.text != timed_text(language, minutes, seed=8).text


# -- adaptive drills ----------------------------------------------------------------------


def result_with(char_stats: dict, language: str = "zh", word_stats: dict | None = None) -> DrillResult:
    session = DrillSession(DrillText("custom:x", "x", "亲" if language == "zh" else "a", language, "custom"))
    session.typed_changed(session.text.text, 1.0)
    return replace(session.finish(2.0), char_stats=char_stats, word_stats=word_stats or {})


def test_weak_characters_rank_misses_and_slowness_together() -> None:
    history = [
        result_with({"亲": {"seen": 20, "missed": 0, "ms": 300.0}, "货": {"seen": 10, "missed": 4, "ms": 400.0},
                     "邮": {"seen": 5, "missed": 0, "ms": 1500.0}, " ": {"seen": 9, "missed": 9, "ms": 900.0}}),
        result_with({"货": {"seen": 10, "missed": 2, "ms": 500.0}, "的": {"seen": 1, "missed": 1, "ms": 300.0}}),
    ]
    weak = weak_characters(history)
    assert [item.text for item in weak] == ["邮", "货", "的"]
    货 = weak[1]
    assert (货.seen, 货.missed, 货.miss_rate, 货.mean_ms) == (20, 6, 0.3, 450.0)
    assert weak_characters(history, limit=1)[0].text == "邮"
    assert weak_characters([]) == []


def test_adaptive_text_gathers_sentences_full_of_weak_characters(seeded_store: Store) -> None:
    history = [result_with({"货": {"seen": 10, "missed": 5, "ms": 900.0},
                            "亲": {"seen": 30, "missed": 0, "ms": 300.0}}),
               result_with({"e": {"seen": 10, "missed": 5, "ms": 900.0}}, language="en")]
    text = adaptive_text(history, seeded_store, "zh", today=date(2026, 3, 2))
    assert text is not None and text.id == "adaptive:2026-03-02" and text.source == "adaptive"
    assert text.language == "zh" and len(text.text) >= 150 and "货" in text.title
    assert text.text.count("货") >= 6  # the pool's densest sentences
    assert adaptive_text(history, None, "zh") is not None  # the shipped texts alone will do
    assert adaptive_text(history[:1], None, "en") is None   # no English drill yet


def test_weak_words_weigh_slowness_per_character() -> None:
    history = [
        result_with({}, word_stats={"发货": {"seen": 6, "missed": 3, "ms": 1200.0},
                                    "订单": {"seen": 20, "missed": 0, "ms": 800.0}}),
        result_with({}, word_stats={"发货": {"seen": 4, "missed": 1, "ms": 1200.0},
                                    "优惠券": {"seen": 5, "missed": 0, "ms": 2400.0}}),
    ]
    # 40 000 ms over 75 characters: 533 ms a character. 订单 (400 a character, never
    # missed) is not weak; 优惠券 (800 a character) is, though never missed.
    weak = weak_words(history)
    assert [item.text for item in weak] == ["发货", "优惠券"]
    assert weak[0] == Weak("发货", 10, 4, 0.4, 1200.0)
    assert weak_words(history, limit=1) == weak[:1]
    assert weak_words([result_with({"亲": {"seen": 3, "missed": 1, "ms": 300.0}})]) == []


def test_adaptive_text_also_gathers_sentences_with_weak_words(seeded_store: Store) -> None:
    words_only = result_with({}, "en", word_stats={"address": {"seen": 4, "missed": 3, "ms": 4000.0},
                                                   "order": {"seen": 9, "missed": 0, "ms": 1000.0}})
    text = adaptive_text([words_only], seeded_store, "en", today=date(2026, 3, 2))
    assert text is not None and text.title == "Your weak characters and words: address"
    sentences = re.split(r"(?<=[.!?;])\s+", text.text)
    assert all(re.search(r"\baddress\b", sentence) for sentence in sentences)
    chinese = result_with({"货": {"seen": 10, "missed": 5, "ms": 900.0}, "亲": {"seen": 30, "missed": 0, "ms": 300.0}},
                          word_stats={"售后": {"seen": 5, "missed": 3, "ms": 2000.0}})
    text = adaptive_text([chinese], None, "zh", today=date(2026, 3, 2))
    assert text is not None and text.title == "Your weak characters and words: 货 售后"
    assert "售后" in text.text and "货" in text.text
