"""Unread counters in chat windows' titles: read by unread_count, removed by clean_title."""

from __future__ import annotations

import pytest

from assistant.replies.titles import clean_title, unread_count


@pytest.mark.parametrize(("title", "count"), [
    ("(3) 王小明 - 接待中心", 3),                      # Qianniu-like workbench, leading
    ("（3）王小明 - 接待中心", 3),                      # full-width brackets
    ("王小明 - 接待中心 (99+)", 99),                   # capped counter, trailing
    ("[2条新消息] 王小明", 2),                          # WeChat-like
    ("【3条未读】王小明", 3),
    ("张三（3）", 3),                                   # WeChat window named after the chat
    ("QQ - 李华 [5条未读消息]", 5),
    ("(1 new message) buyer42 - Live chat - Mozilla Firefox", 1),
    ("buyer42 (12 unread messages)", 12),
    ("● 王小明 [2条新消息]", 2),
    ("(0) 王小明", 0),
    ("(3)", 3),
])
def test_the_counter_at_either_end_is_read(title: str, count: int) -> None:
    assert unread_count(title) == count


@pytest.mark.parametrize("title", [
    "王小明 - 接待中心",
    "王(2)小明 - 接待中心",          # inside the buyer's name: no counter
    "* 王小明",
    "Order (2) details - 接待中心",
    "",
])
def test_a_title_without_a_counter_gives_none(title: str) -> None:
    assert unread_count(title) is None


def test_reading_and_cleaning_agree_on_what_a_counter_is() -> None:
    for title in ("(3) 王小明", "王小明（99+）", "[2条新消息] 王小明", "王(2)小明"):
        counted = unread_count(title) is not None
        assert (clean_title(title) != title.strip()) == counted
