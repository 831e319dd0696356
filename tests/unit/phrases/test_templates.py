"""Placeholder expansion: pure substitution, escapes, cursor, questions."""

from __future__ import annotations

from datetime import datetime

from assistant.phrases.templates import expand, questions, split_messages, unknown_placeholders

NOON = datetime(2026, 11, 22, 12, 5)


def test_known_placeholders_are_filled() -> None:
    result = expand("{name}您好，我是{agent}，今天{date} {time}。单号{clipboard}",
                    {"name": "王小明", "agent": "小美"}, now=NOON, clipboard="SF123")
    assert result.text == "王小明您好，我是小美，今天2026-11-22 12:05。单号SF123"
    assert result.cursor is None


def test_cursor_marks_the_caret_and_disappears() -> None:
    result = expand("订单号是{cursor}，请核对", now=NOON)
    assert result.text == "订单号是，请核对" and result.cursor == 4


def test_cursor_position_counts_expanded_text() -> None:
    assert expand("{name}: {cursor}!", {"name": "Ann"}).cursor == 5


def test_inputs_are_asked_once_in_order() -> None:
    text = "{name}，预计{input:发货日期}发出，{input:发货日期}前后请留意，{input:快递}"
    assert questions(text) == ["name", "input:发货日期", "input:快递"]
    filled = expand(text, {"name": "李华", "input:发货日期": "周五", "input:快递": "顺丰"})
    assert filled.text == "李华，预计周五发出，周五前后请留意，顺丰"


def test_escaped_braces_and_unknown_placeholders_stay_as_written() -> None:
    assert expand("{{name}} {nme} {", {"name": "x"}).text == "{name} {nme} {"
    assert unknown_placeholders("{nme} {name} {input:} {{ok}}") == ["{nme}", "{input:}"]


def test_missing_answer_leaves_the_placeholder_visible() -> None:
    assert expand("{name}您好").text == "{name}您好"
    assert expand("{name}您好", {"name": ""}).text == "您好"


def test_nothing_is_evaluated() -> None:
    assert expand("{__import__('os')} {name.__class__}", {"name": "x"}).text == \
        "{__import__('os')} {name.__class__}"


def test_split_messages_on_marker_lines() -> None:
    assert split_messages("第一条\n---\n第二条\n  ---  \n第三条\n") == ["第一条", "第二条", "第三条"]
    assert split_messages("one line\nsecond line") == ["one line\nsecond line"]
