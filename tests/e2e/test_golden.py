"""The golden 30 seconds, end to end: a chat window in the background whose title
counter rises ("买家A" → "(1) 买家A" → "(2) 买家A"), the agent answering ~2 s later
with a phrase hotkey, and the wait in conversations.json answered by that insertion with
its response time; and a counter that clears without an insertion (the agent typed the
answer by hand)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.phrases.store import Store
from assistant.replies.conversations import FILE_NAME
from assistant.replies.waiting import CLEARED, INSERTION
from assistant.settings import Settings
from tests.e2e.app_process import response_seconds, wait_for_waits
from tests.e2e.test_conversations import REPLY, insert, start_app

#: How long the buyer waits before the agent answers in the first test.
WAIT_SECONDS = 2.0
#: The stand-in chat window's program (its X11 class), taken for a chat program here.
TARGET_PROGRAM = "target_app"


@pytest.fixture
def app(xserver, tmp_path: Path):
    running = start_app(xserver, tmp_path / "home", Settings(chat_programs=TARGET_PROGRAM))
    yield running
    assert "Traceback" not in running.stop()


def retitle(xserver, target, title: str) -> None:
    xserver.xdotool("set_window", "--name", title, str(target.window))


def test_a_reply_inserted_answers_the_wait_the_rising_counter_began(app, make_target, xserver) -> None:
    chat = make_target("买家A")
    make_target("李华 - 接待中心")  # the window in front: a buyer's message arrives elsewhere
    retitle(xserver, chat, "(1) 买家A")
    began = wait_for_waits(app.home, lambda found: len(found) == 1)
    assert len(began) == 1 and began[0]["answered"] is None and began[0]["how"] == "", began
    retitle(xserver, chat, "(2) 买家A")  # a second message: the buyer has waited since the first
    time.sleep(WAIT_SECONDS)
    insert(xserver, chat, REPLY)
    answered = wait_for_waits(app.home, lambda found: any(wait["answered"] for wait in found))
    assert len(answered) == 1 and answered[0]["how"] == INSERTION, answered
    assert answered[0]["since"] == began[0]["since"]
    assert WAIT_SECONDS <= response_seconds(answered[0]) < 10
    text = Store(app.home, seed=False).folder.path(FILE_NAME).read_text("utf-8")
    assert "买家A" not in text, "no title or buyer in the log"


def test_a_counter_that_clears_without_a_reply_answers_the_wait(app, make_target, xserver) -> None:
    chat = make_target("买家B")
    make_target("李华 - 接待中心")
    retitle(xserver, chat, "[1条新消息] 买家B")
    assert len(wait_for_waits(app.home, lambda found: len(found) == 1)) == 1
    time.sleep(1)
    retitle(xserver, chat, "买家B")  # read and answered by hand in the chat client
    answered = wait_for_waits(app.home, lambda found: any(wait["answered"] for wait in found))
    assert len(answered) == 1 and answered[0]["how"] == CLEARED, answered
    assert 1 <= response_seconds(answered[0]) < 10  # the log's times are whole seconds
    assert chat.text() == "", "nothing was inserted"
