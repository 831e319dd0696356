"""Insertion plans: parts, send keys, cursor, per-application rules."""

from __future__ import annotations

from dataclasses import replace

from assistant.desktop.base import WindowInfo
from assistant.desktop.chords import parse_chord
from assistant.phrases.templates import expand
from assistant.replies.plan import Rule, Step, messages, plan, rule_for
from assistant.settings import Settings

PASTE = Rule("paste", parse_chord("ctrl+v"), "return")


def test_multi_line_reply_is_one_paste_and_no_enter() -> None:
    assert plan(expand("第一行\n第二行"), PASTE, False) == [Step("paste", text="第一行\n第二行")]


def test_separate_messages_get_the_send_key_between_parts() -> None:
    steps = plan(expand("您好\n---\n请稍等\n---\n马上回来"), PASTE, True)
    assert steps == [Step("paste", text="您好"), Step("key", key="return"), Step("paste", text="请稍等"),
                     Step("key", key="return"), Step("paste", text="马上回来")]


def test_the_messages_to_paste_by_hand_are_the_parts_without_keys() -> None:
    assert messages(plan(expand("您好\n---\n订单号：{cursor}，请核对"), PASTE, True)) == ["您好", "订单号：，请核对"]
    assert messages(plan(expand("a\n---\nb"), PASTE, False)) == ["a\n---\nb"]


def test_a_marker_line_is_text_when_the_phrase_is_not_split() -> None:
    assert plan(expand("a\n---\nb"), PASTE, False) == [Step("paste", text="a\n---\nb")]


def test_cursor_becomes_left_presses_after_the_last_part() -> None:
    assert plan(expand("订单号：{cursor}，请核对"), PASTE, False) == [
        Step("paste", text="订单号：，请核对"), Step("key", key="left", count=4)]
    assert plan(expand("one\n---\ntwo {cursor}!"), PASTE, True)[-1] == Step("key", key="left", count=1)
    assert plan(expand("at the end{cursor}"), PASTE, False) == [Step("paste", text="at the end")]


def test_type_mode_types_instead_of_pasting() -> None:
    assert plan(expand("hi"), Rule("type", parse_chord("ctrl+v"), "return"), False) == [Step("type", text="hi")]


def test_rules_by_window_class_then_defaults() -> None:
    settings = Settings()
    terminal = WindowInfo(id=1, wm_class="Gnome-terminal", title="bash", pid=None)
    chat = WindowInfo(id=2, wm_class="AliWorkBench", title="王小明 - 接待中心", pid=None)
    assert rule_for(terminal, settings).paste_chord == parse_chord("ctrl+shift+v")
    assert rule_for(chat, settings) == PASTE
    custom = Settings(app_rules=[{"window_class": "", "title": "接待中心", "mode": "type", "send_key": "ctrl+return"}])
    assert rule_for(chat, custom) == Rule("type", parse_chord("ctrl+v"), "ctrl+return")
    broken = Settings(app_rules=[{"window_class": "(", "title": ""}, "not a rule", {"window_class": ["x"]}])
    assert rule_for(chat, broken) == PASTE


def test_an_application_rule_can_name_the_program_by_its_executable() -> None:
    """Every Chromium, Electron or CEF window on Windows is Chrome_WidgetWin_1."""
    settings = Settings(app_rules=[{"window_class": "", "executable": r"^doudian\.exe$", "title": "",
                                    "mode": "type", "send_key": "ctrl+return"}])
    shop = WindowInfo(id=1, wm_class="Chrome_WidgetWin_1", title="飞鸽", pid=9, executable="Doudian.exe")
    browser = replace(shop, executable="chrome.exe")
    assert rule_for(shop, settings) == Rule("type", parse_chord("ctrl+v"), "ctrl+return")
    assert rule_for(browser, settings) == PASTE
