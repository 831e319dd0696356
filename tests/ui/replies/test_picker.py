"""The picker, driven by keys as an agent uses it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.timestamps import clock_time
from ui.context import AppContext
from ui.replies.clipboard_reply import Offer
from ui.replies.marked_rows import SPANS_ROLE
from ui.replies.picker import COUNTER_COLOURS, Picker

TARGET = WindowInfo(id=42, wm_class="AliWorkBench", title="王小明 - 接待中心", pid=None)


@pytest.fixture
def picker(qtbot, store: Store) -> Picker:
    store.create_book(Phrasebook(name="售后", id="b"))
    for number, (text, code, group) in enumerate([
        ("亲，您的包裹已经发货了", "fh", "发货"), ("发货后三天内送达", "fh2", "发货"),
        ("退款会原路退回", "tk", "售后"), ("Your parcel has shipped", "ship", "Shipping"),
    ]):
        store.add_phrase("b", Phrase(text=text, code=code, group=group, id=f"p{number}"))
    QApplication.clipboard().clear()  # no buyer's message: no suggestions
    widget = Picker(AppContext(store))
    qtbot.addWidget(widget)
    widget.open_for(TARGET)
    qtbot.waitUntil(widget.isVisible)
    return widget


def commit_through_input_method(widget, text: str) -> None:
    """What a pinyin IME sends: a preedit string, then the committed characters."""
    QApplication.sendEvent(widget, QInputMethodEvent("fahuo", []))
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def shown_codes(picker: Picker) -> list[str]:
    assert len(picker.shown) == picker.results.count()
    return [phrase.code for phrase in picker.shown]


def test_opens_with_every_phrase_and_the_search_box_focused(picker: Picker) -> None:
    assert len(shown_codes(picker)) == 4
    assert picker.query.hasFocus() or picker.focusWidget() is picker.query


def test_typing_searches_by_pinyin_initials(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "tk")
    assert shown_codes(picker)[0] == "tk"
    assert picker.preview.toPlainText() == "退款会原路退回"


def test_enter_chooses_the_selected_reply_for_the_target(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "fh")
    qtbot.keyClick(picker.query, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    phrase, target = chosen.args
    assert phrase.code == "fh2" and target == TARGET and not picker.isVisible()


def test_a_digit_chooses_the_nth_result_unless_it_continues_a_code(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "fh")
    qtbot.keyClick(picker.query, Qt.Key.Key_2)  # "fh2" is a code: the digit is typed
    assert picker.query.text() == "fh2" and shown_codes(picker)[0] == "fh2"
    picker.query.clear()
    commit_through_input_method(picker.query, "发货")
    second = shown_codes(picker)[1]
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.keyClick(picker.query, Qt.Key.Key_2)
    assert chosen.args[0].code == second


def test_a_digit_after_a_numbered_code_is_typed_even_where_no_code_has_it(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "fh")
    qtbot.keyClick(picker.query, Qt.Key.Key_3)  # "fh2" exists, "fh3" does not: still typed, never inserted
    assert picker.isVisible() and picker.query.text() == "fh3"
    picker.query.clear()
    qtbot.keyClicks(picker.query, "tk")
    with qtbot.waitSignal(picker.chosen) as chosen:  # no code continues "tk" with a digit
        qtbot.keyClick(picker.query, Qt.Key.Key_1)
    assert chosen.args[0].code == "tk"


def test_the_next_part_is_offered_first_until_the_agent_types(qtbot, picker: Picker) -> None:
    picker.hide()
    picker.open_for(None, offer=Offer("Next part (2 of 3) onto the clipboard", "请问有什么可以帮您？"))
    assert picker.results.item(0).text() == "1  ▶ Next part (2 of 3) onto the clipboard"
    assert picker.preview.toPlainText() == "请问有什么可以帮您？"
    assert picker.results.count() == 5
    qtbot.keyClicks(picker.query, "tk")
    assert shown_codes(picker)[0] == "tk"
    picker.query.clear()
    with qtbot.waitSignal(picker.nextPart):
        qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert not picker.isVisible()


def test_alt_digit_always_chooses(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "fh")
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.keyClick(picker.query, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert chosen.args[0].code == "fh"


def test_chinese_typed_through_the_input_method_searches(qtbot, picker: Picker) -> None:
    commit_through_input_method(picker.query, "退款")
    assert picker.query.text() == "退款" and shown_codes(picker) == ["tk"]


def test_group_filter(qtbot, picker: Picker) -> None:
    picker.groups.setCurrentIndex(picker.groups.findData("售后"))
    assert shown_codes(picker) == ["tk"]


def test_escape_closes_and_hands_the_target_back(qtbot, picker: Picker) -> None:
    with qtbot.waitSignal(picker.dismissed) as dismissed:
        qtbot.keyClick(picker.query, Qt.Key.Key_Escape)
    assert dismissed.args == [TARGET] and not picker.isVisible()


def test_the_counter_is_coloured_past_the_soft_limit(picker: Picker) -> None:
    picker.set_counter("2/5 quick replies in this conversation")
    assert picker.counter.styleSheet() == ""
    picker.set_counter("3/5 quick replies in this conversation", "soft")
    assert COUNTER_COLOURS["soft"] in picker.counter.styleSheet()
    picker.set_counter("5/5 quick replies in this conversation", "hard")
    assert COUNTER_COLOURS["hard"] in picker.counter.styleSheet()


def test_f2_keeps_the_picker_open_and_gives_it_the_keyboard_back(qtbot, picker: Picker) -> None:
    asked: list[WindowInfo | None] = []

    def name_it(target: WindowInfo | None) -> None:  # what the app does: a dialog takes the focus
        asked.append(target)
        dialog = QDialog(picker)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: not picker.isActiveWindow())
        dialog.accept()

    picker.nameConversation.connect(name_it)
    qtbot.waitUntil(picker.isActiveWindow)
    picker._opened_at -= 1  # long after opening: a focus loss now would be the agent leaving
    with qtbot.assertNotEmitted(picker.dismissed):
        qtbot.keyClick(picker.query, Qt.Key.Key_F2)
    assert asked == [TARGET] and picker.isVisible() and not picker._closing
    qtbot.keyClicks(picker.query, "tk")
    assert shown_codes(picker)[0] == "tk"


def test_a_reply_in_two_books_is_listed_once_from_the_subscribed_book_named(qtbot, store: Store,
                                                                            picker: Picker) -> None:
    store.create_book(Phrasebook(name="团队话术", id="team", origin="subscribed", read_only=True),
                      [Phrase(text="发货后三天内送达", code="fh2", title="发货时间", id="t1"),
                       Phrase(text="团队专用回复", code="team", title="团队", id="t2")])
    picker.context.phrases_edited()
    qtbot.keyClicks(picker.query, "fh")
    rows = [picker.results.item(row).text() for row in range(picker.results.count())]
    assert [(phrase.code, phrase.book_id) for phrase in picker.shown] == [("fh", "b"), ("fh2", "team")]
    assert rows == ["1  [fh] 亲，您的包裹已经发货了 · 售后 — 亲，您的包裹已经发货了",
                    "2  [fh2] 发货时间 · 团队话术 — 发货后三天内送达"]


def test_with_one_book_rows_name_none(picker: Picker) -> None:
    assert picker.results.item(0).text().startswith("1  [fh] 亲，您的包裹已经发货了 — ")


def test_the_preview_fills_in_the_agent_and_the_buyer_from_the_title(qtbot, store: Store, picker: Picker) -> None:
    store.add_phrase("b", Phrase(text="{name}您好，我是{agent}，{input:单号}，{clipboard}", code="hi", id="hi"))
    picker.context.phrases_edited()
    picker.context.save_settings(replace(picker.context.settings, agent_name="小美"))
    qtbot.keyClicks(picker.query, "hi")
    assert picker.preview.toPlainText() == "王小明您好，我是小美，{input:单号}，{clipboard}"
    picker.target = None
    picker.context.save_settings(replace(picker.context.settings, agent_name=""))
    picker._show_preview(0)
    assert picker.preview.toPlainText() == "{name}您好，我是，{input:单号}，{clipboard}"


def test_no_match_says_what_to_try(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "zzzzqqq")
    assert picker.results.count() == 0 and "No reply matches" in picker.preview.toPlainText()


def test_the_matched_letters_are_marked(qtbot, picker: Picker) -> None:
    qtbot.keyClicks(picker.query, "tuikuan")
    row = picker.results.item(0)
    start, end = row.data(SPANS_ROLE)[0]
    assert row.text()[start:end] == "退款"
    picker.query.clear()
    assert picker.results.item(0).data(SPANS_ROLE) is None
    qtbot.keyClicks(picker.query, "tk")
    picker.results.grab()  # the rows are painted with the marks


def test_rows_are_marked_as_they_come_into_view(qtbot, store: Store) -> None:
    store.create_book(Phrasebook(name="多", id="m"),
                      [Phrase(text=f"退款第{n}步", code=f"tk{n}", id=f"m{n}") for n in range(25)])
    picker = Picker(AppContext(store))
    qtbot.addWidget(picker)
    picker.open_for(None)
    qtbot.keyClicks(picker.query, "tuikuan")
    results = picker.results
    rows = [results.item(row) for row in range(results.count())]
    in_view = [results.visualItemRect(row).intersects(results.viewport().rect()) for row in rows]
    assert len(rows) == 25 and in_view[0]
    # Where rows have a height (a platform with fonts), the last ones are out of view, not marked yet.
    assert [row.data(SPANS_ROLE) is not None for row in rows] == in_view
    results.setMinimumHeight(results.height() * 2)  # the list grows: the rows now in view are marked
    qtbot.waitUntil(lambda: results.height() >= results.minimumHeight())
    in_view = [results.visualItemRect(row).intersects(results.viewport().rect()) for row in rows]
    assert [row.data(SPANS_ROLE) is not None for row in rows] == in_view
    results.scrollToBottom()
    start, end = rows[-1].data(SPANS_ROLE)[0]
    assert rows[-1].text()[start:end] == "退款"


def test_rows_already_sent_in_this_conversation_say_when(qtbot, picker: Picker) -> None:
    sent = datetime(2025, 3, 1, 6, 2, tzinfo=UTC)
    picker.hide()
    picker.open_for(TARGET, sent={("b", "p2"): sent})
    marked = [picker.results.item(row).text() for row in range(picker.results.count())
              if "Sent" in picker.results.item(row).text()]
    assert marked == [f"3  ✓ Sent {clock_time(sent)} · [tk] 退款会原路退回 — 退款会原路退回"]
    qtbot.keyClicks(picker.query, "tuikuan")  # the matched letters are the reply's, not the mark's
    row = picker.results.item(0)
    start, end = row.data(SPANS_ROLE)[0]
    assert row.text().startswith("1  ✓ Sent") and row.text()[start:end] == "退款"
    picker.set_sent({})  # Ctrl+N: a new conversation has had nothing
    assert not any("Sent" in picker.results.item(row).text() for row in range(picker.results.count()))


# -- suggestions ------------------------------------------------------------------------


def open_with_message(qtbot, picker: Picker, message: str) -> None:
    picker.hide()
    QApplication.clipboard().setText(message)
    picker.open_for(TARGET)
    qtbot.waitUntil(lambda: bool(picker.suggested))


def test_a_copied_buyers_message_puts_the_replies_that_answer_it_first(qtbot, picker: Picker) -> None:
    open_with_message(qtbot, picker, "退款什么时候到账？")
    assert picker.shown[0].code == "tk"
    assert "Suggested" in picker.results.item(0).text()
    assert len(shown_codes(picker)) == 4  # the suggested reply is not listed twice
    qtbot.keyClicks(picker.query, "fh")
    assert "Suggested" not in picker.results.item(0).text() and picker.suggested


def test_the_reply_sent_after_a_message_is_suggested_first_next_time(qtbot, picker: Picker) -> None:
    open_with_message(qtbot, picker, "在吗，包裹到哪了")
    first = picker.shown[0]
    qtbot.keyClicks(picker.query, "tk")
    with qtbot.waitSignal(picker.chosen):
        qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert first.code != "tk"
    open_with_message(qtbot, picker, "在吗，包裹到哪了")
    assert picker.shown[0].code == "tk"


def test_the_message_is_forgotten_when_the_picker_closes(qtbot, picker: Picker) -> None:
    open_with_message(qtbot, picker, "退款什么时候到账？")
    qtbot.keyClick(picker.query, Qt.Key.Key_Escape)
    assert picker._message == "" and picker.suggested == []


def test_suggestions_reach_a_picker_opened_before_their_index_was_built(qtbot, store: Store, monkeypatch) -> None:
    # Enough replies that the index takes a while, and no wait for it at the opening:
    # the picker opens with no suggestion, as after a start with a large store.
    monkeypatch.setattr("assistant.suggestions.suggester.READY_WAIT_SECONDS", 0.0)
    store.create_book(Phrasebook(name="售后", id="b"))
    store.add_phrase("b", Phrase(text="退款会原路退回，一般三天内到账", code="tk", id="refund"))
    for number in range(400):
        store.add_phrase("b", Phrase(text=f"第{number}条：欢迎光临小店", code=f"x{number}", id=f"x{number}"))
    QApplication.clipboard().setText("退款什么时候到账？")
    picker = Picker(AppContext(store))
    qtbot.addWidget(picker)
    picker.open_for(TARGET)
    qtbot.waitUntil(lambda: bool(picker._message))
    qtbot.waitUntil(lambda: bool(picker.suggested), timeout=10_000)
    assert picker.shown[0].code == "tk" and "Suggested" in picker.results.item(0).text()
