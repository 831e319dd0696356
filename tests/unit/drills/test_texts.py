"""Texts to practise on."""

from __future__ import annotations

import re

from assistant.drills.texts import shipped_texts
from assistant.store import Store, shipped_book_files

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
