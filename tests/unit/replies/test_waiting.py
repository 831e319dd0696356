"""The golden 30 seconds: waits recorded from title counters, answered by an insertion or
a clearing, in the conversation log (times only, salted keys), and read by the tray."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import FILE_NAME, ConversationLog
from assistant.replies.service import ReplyService
from assistant.replies.waiting import GOLDEN_SECONDS, WAITS, Waiting
from tests.unit.replies.test_service import T0, Setup


def chat(title: str) -> WindowInfo:
    return WindowInfo(id=7, wm_class="AliWorkBench", title=title, pid=None)


class Desk(Setup):
    """The service with a clock the test moves, and a window whose title changes."""

    def __init__(self, store: Store):
        super().__init__(store)
        store.create_book(Phrasebook(name="B", id="b"))
        self.phrase = store.add_phrase("b", Phrase(text="您好，在的"))

    def title(self, title: str, after: float = 0) -> None:
        self.now += timedelta(seconds=after)
        self.service.observe_title(chat(title))

    def insert(self, title: str, after: float = 0) -> None:
        self.now += timedelta(seconds=after)
        self.service.record(self.service.prepare(self.phrase, chat(title)))

    def waits(self) -> list[dict]:
        data = json.loads(self.store.folder.path(FILE_NAME).read_text(encoding="utf-8"))
        return list(data.get(WAITS, {}).values())


@pytest.fixture
def desk(store: Store) -> Desk:
    return Desk(store)


def test_the_golden_limit_is_thirty_seconds() -> None:
    assert GOLDEN_SECONDS == 30


def test_a_rising_counter_begins_a_wait_and_an_insertion_answers_it(desk: Desk) -> None:
    desk.title("王小明 - 接待中心")
    assert desk.service.waiting() == [] and desk.service.longest_wait() is None
    desk.title("(1) 王小明 - 接待中心", after=5)
    assert desk.service.waiting() == [Waiting("aliworkbench|王小明", T0 + timedelta(seconds=5), "")]
    desk.now += timedelta(seconds=12)
    assert desk.service.longest_wait() == 12.0
    desk.insert("(1) 王小明 - 接待中心")
    assert desk.service.waiting() == []
    assert desk.waits() == [{"conversation": 1, "since": "2025-03-01T09:00:05Z",
                             "answered": "2025-03-01T09:00:17Z", "how": "insertion"}]


def test_a_rise_while_waiting_keeps_the_first_time(desk: Desk) -> None:
    desk.title("(1) 王小明 - 接待中心")
    desk.title("(2) 王小明 - 接待中心", after=10)
    desk.title("(3) 王小明 - 接待中心", after=10)
    assert [waiting.since for waiting in desk.service.waiting()] == [T0]
    assert len(desk.waits()) == 1


def test_the_counter_clearing_answers_the_wait(desk: Desk) -> None:
    desk.title("[2条新消息] 王小明 - 接待中心")
    desk.title("王小明 - 接待中心", after=40)
    assert desk.service.waiting() == []
    assert desk.waits() == [{"conversation": 1, "since": "2025-03-01T09:00:00Z",
                             "answered": "2025-03-01T09:00:40Z", "how": "cleared"}]
    desk.title("王小明 - 接待中心", after=40)  # the same title again: nothing to do
    assert len(desk.waits()) == 1


def test_a_new_message_after_an_answer_is_a_new_wait(desk: Desk) -> None:
    desk.title("(1) 王小明 - 接待中心")
    desk.insert("(1) 王小明 - 接待中心", after=8)
    desk.title("(2) 王小明 - 接待中心", after=30)  # the counter had not cleared: it rose
    desk.title("王小明 - 接待中心", after=20)
    assert [(wait["since"], wait["how"]) for wait in desk.waits()] == [
        ("2025-03-01T09:00:00Z", "insertion"), ("2025-03-01T09:00:38Z", "cleared")]


def test_an_unchanged_title_reads_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.title("(1) 王小明 - 接待中心")

    def no_read(*_args: object) -> None:
        raise AssertionError("the log was read for an unchanged counter")

    monkeypatch.setattr(desk.log, "current", no_read)
    for _ in range(3):
        desk.title("(1) 王小明 - 接待中心", after=1)
    desk.title("李华 - 接待中心")  # another buyer without a counter
    assert desk.service.longest_wait() == 3.0


def test_buyers_waiting_longest_first_and_the_longest_wait(desk: Desk) -> None:
    desk.title("(1) 王小明 - 接待中心")
    desk.title("(1) 李华 - 接待中心", after=20)
    desk.now += timedelta(seconds=15)
    assert [waiting.key for waiting in desk.service.waiting()] == ["aliworkbench|王小明", "aliworkbench|李华"]
    assert desk.service.longest_wait() == 35.0 > GOLDEN_SECONDS


def test_the_label_is_the_agents_name_for_the_conversation(desk: Desk) -> None:
    desk.service.name(chat("客服 - 接待中心"), "老客户")
    desk.title("(1) 客服 - 接待中心")
    assert [waiting.label for waiting in desk.service.waiting()] == ["老客户"]


def test_a_conversation_named_while_its_buyer_waits_is_shown_by_that_name(desk: Desk) -> None:
    desk.title("(1) 王小明 - 接待中心")
    assert [waiting.label for waiting in desk.service.waiting()] == [""]
    desk.service.name(chat("(1) 王小明 - 接待中心"), "退货 #2")
    assert [waiting.label for waiting in desk.service.waiting()] == ["退货 #2"]


def test_only_a_chat_programs_counter_is_a_buyer_waiting(desk: Desk) -> None:
    """A mail tab's "(3) Inbox" in a browser, or any program not in chat_programs, begins
    no wait; the agent may add a browser whose tab is their chat console."""
    for program, executable, title in (("firefox", "firefox", "(3) Inbox - Gmail - Mozilla Firefox"),
                                       ("Thunderbird", "thunderbird", "(12) 收件箱"),
                                       ("", "WeChatAppEx.exe", "(2) 文件传输助手")):
        desk.service.observe_title(WindowInfo(id=9, wm_class=program, title=title, pid=None, executable=executable))
    assert desk.service.waiting() == [] and not desk.store.folder.path(FILE_NAME).exists()
    for program, executable in (("WeChatMainWndForPC", "Weixin.exe"), ("QQ", ""), ("StandardFrame", "AliWorkBench.exe"),
                                ("Qianniu", "")):
        desk.service.observe_title(WindowInfo(id=8, wm_class=program, title="(1) 买家", pid=None,
                                              executable=executable))
    assert len(desk.service.waiting()) == 4
    desk.settings = replace(desk.settings, chat_programs="firefox")
    desk.service.observe_title(WindowInfo(id=9, wm_class="firefox", title="(1) 飞鸽客服 - Mozilla Firefox",
                                          pid=None))
    assert len(desk.service.waiting()) == 5


@pytest.mark.parametrize("programs", ["", "(unclosed", "["])
def test_no_chat_program_or_a_broken_pattern_watches_nothing(desk: Desk, programs: str) -> None:
    desk.settings = replace(desk.settings, chat_programs=programs)
    desk.title("(1) 王小明 - 接待中心")
    assert desk.service.waiting() == []


def test_a_wait_idle_past_idle_minutes_no_longer_counts(desk: Desk) -> None:
    desk.log.idle_minutes = 10
    desk.title("(1) 王小明 - 接待中心")
    desk.now += timedelta(minutes=9)
    assert desk.service.longest_wait() == 540.0
    desk.now += timedelta(minutes=2)
    assert desk.service.waiting() == [] and desk.service.longest_wait() is None
    assert desk.log.waiting_since("aliworkbench|王小明", desk.now) is None


def test_a_restart_finds_the_buyer_still_waiting_since_the_first_time(desk: Desk, store: Store) -> None:
    desk.title("(1) 王小明 - 接待中心")
    desk.now += timedelta(seconds=20)
    again = ReplyService(store, lambda: desk.settings, ConversationLog(store), lambda: desk.now)
    again.observe_title(chat("(2) 王小明 - 接待中心"))
    assert again.longest_wait() == 20.0
    assert len(desk.waits()) == 1


def test_the_log_answers_only_an_open_wait(store: Store) -> None:
    log = ConversationLog(store)
    assert log.answered("qq|李华", T0) is False
    assert not store.folder.path(FILE_NAME).exists()  # nothing written
    conversation, since = log.wait("qq|李华", T0)
    assert since == T0 and conversation.count == 0
    assert log.wait("qq|李华", T0 + timedelta(seconds=9)) == (log.current("qq|李华", T0), T0)
    assert log.answered("qq|李华", T0 + timedelta(seconds=9)) is True
    assert log.waiting_since("qq|李华", T0 + timedelta(seconds=9)) is None


def test_waits_are_pruned_with_the_conversation_log(store: Store) -> None:
    log = ConversationLog(store)
    log.wait("qq|李华", T0)
    log.answered("qq|李华", T0 + timedelta(seconds=5))
    log.wait("qq|王小明", T0 + timedelta(days=20))
    assert log.prune(T0 + timedelta(days=30), retention_days=15) == 1
    data = json.loads(store.folder.path(FILE_NAME).read_text(encoding="utf-8"))
    assert [wait["since"] for wait in data[WAITS].values()] == ["2025-03-21T09:00:00Z"]


def test_the_file_never_holds_the_title_or_the_buyer(desk: Desk) -> None:
    desk.title("(1) 王小明 - 接待中心")
    desk.insert("(1) 王小明 - 接待中心", after=3)
    desk.title("[2条新消息] 李华 - 接待中心", after=3)
    desk.title("李华 - 接待中心", after=3)
    text = desk.store.folder.path(FILE_NAME).read_text(encoding="utf-8")
    assert len(desk.waits()) == 2
    for secret in ("王小明", "李华", "接待中心", "新消息"):
        assert secret not in text
