"""The tray's longest wait, fed by title changes through a real ReplyService on a clock
the test moves: the figure, the label (never a buyer's name), and a timer that runs
only while someone waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.replies.service import ReplyService
from assistant.replies.waiting import Waiting
from assistant.settings import Settings
from ui.context import AppContext
from ui.replies.wait_clock import TICK_MS, WaitClock, shown_label
from ui.shell import AppActions, Shell

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def chat(title: str, window_id: int = 7) -> WindowInfo:
    return WindowInfo(id=window_id, wm_class="AliWorkBench", title=title, pid=None)


class Desk:
    """A tray, a real reply service on a clock the test moves, and the clock under test."""

    def __init__(self, qtbot, store: Store):
        store.create_book(Phrasebook(name="B", id="b"))
        self.phrase = store.add_phrase("b", Phrase(text="您好，在的"))
        self.now = T0
        self.context = AppContext(store)
        self.service = ReplyService(store, lambda: Settings(), ConversationLog(store), lambda: self.now)
        self.shell = Shell(AppActions(), tray_available=True)
        self.shell.set_state(False, "Ready")
        self.clock = WaitClock(self.context, self.service, self.shell.set_wait)

    def tick(self, seconds: float) -> None:
        """Time passes and the timer fires, as it would each second."""
        self.now += timedelta(seconds=seconds)
        self.clock.timer.timeout.emit()

    def tooltip(self) -> str:
        return self.shell.tray.toolTip()


@pytest.fixture
def desk(qtbot, store: Store):
    desk = Desk(qtbot, store)
    yield desk
    desk.shell.tray.hide()


def test_a_rising_counter_shows_the_wait_and_an_insertion_ends_it(desk: Desk) -> None:
    desk.clock.observe(chat("王小明 - 接待中心"))
    assert not desk.clock.timer.isActive() and desk.tooltip() == "QuickReply — Ready"
    assert not desk.context.unread_counter_seen
    desk.clock.observe(chat("(1) 王小明 - 接待中心"))
    assert desk.context.unread_counter_seen
    assert desk.clock.timer.isActive() and desk.clock.timer.interval() == TICK_MS
    assert desk.tooltip() == "QuickReply — Ready\nLongest wait: 0 s — aliworkbench"
    desk.tick(12)
    assert desk.tooltip().endswith("Longest wait: 12 s — aliworkbench"), "refreshed by the timer"
    assert "王小明" not in desk.tooltip() and "王小明" not in desk.shell.wait_action.text()
    desk.service.record(desk.service.prepare(desk.phrase, chat("(1) 王小明 - 接待中心")))
    desk.clock.refresh()  # what the app does after recording a reply
    assert not desk.clock.timer.isActive() and desk.tooltip() == "QuickReply — Ready"


def test_the_longest_of_several_waits_shows_and_a_cleared_counter_ends_a_wait(desk: Desk) -> None:
    desk.clock.observe(chat("[1条新消息] 王小明", window_id=1))
    desk.tick(20)
    desk.clock.observe(chat("(3) 李华", window_id=2))
    desk.tick(15)
    assert desk.tooltip().endswith("Longest wait: 35 s — aliworkbench")
    desk.clock.observe(chat("王小明", window_id=1))  # read in the chat client: answered
    assert desk.tooltip().endswith("Longest wait: 15 s — aliworkbench") and desk.clock.timer.isActive()
    desk.clock.observe(chat("李华", window_id=2))
    assert not desk.clock.timer.isActive() and not desk.shell.wait_action.isVisible()


def test_the_agents_label_is_shown_else_the_program() -> None:
    assert shown_label(Waiting("aliworkbench|王小明", T0, "退货 #2")) == "退货 #2"
    assert shown_label(Waiting("aliworkbench|王小明", T0, "")) == "aliworkbench"
