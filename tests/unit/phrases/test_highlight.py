"""The letters the picker marks in a row: the ones that made it match."""

from __future__ import annotations

import pytest

from assistant.phrases.highlight import matched_spans
from assistant.phrases.pinyin import PinyinCache


def marked(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in matched_spans(text, query, PinyinCache())]


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("[fh] 发货时间", "fh", ["fh"]),  # the code, as typed
    ("发货时间 — 付款后发货", "fahuo", ["发货", "发货"]),  # full pinyin
    ("发货时间", "huo", ["货"]),
    ("发货时间", "uo", []),  # full pinyin only from a syllable start
    ("退款说明", "tk", ["退款"]),  # pinyin initials
    ("Free SHIPPING today", "shiping", ["SHIPPING"]),  # a typo a letter away
    ("Tracking number below", "tracking numbr", ["Tracking", "number"]),
    ("Ｗｉｆｉ on", "wifi", ["Ｗｉｆｉ"]),  # full-width letters mapped back to their characters
    ("nothing here", "zzz", []),
])
def test_marks_what_the_search_matched(text: str, query: str, expected: list[str]) -> None:
    assert marked(text, query) == expected
