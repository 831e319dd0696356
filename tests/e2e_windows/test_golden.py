"""The golden 30 seconds on Windows (under Wine): the acceptance of tests/e2e/test_golden.py
with the Windows title scan — a background chat window's counter rises, the agent
answers 2 s later with a phrase hotkey, and the wait is answered by that insertion."""

from __future__ import annotations

import time

import pytest

from assistant.phrases.store import Store
from assistant.replies.conversations import FILE_NAME
from assistant.replies.waiting import INSERTION
from tests.e2e.app_process import MULTI_LINE, response_seconds, wait_for_waits
from tests.e2e_windows.desktop import WindowsDesktop

WAIT_SECONDS = 2.0


@pytest.fixture
def app_settings() -> dict[str, object]:
    """The stand-in chat window is the test Python's: a chat program here."""
    return {"chat_programs": r"^python\.exe$"}


def test_a_reply_inserted_answers_the_wait_the_rising_counter_began(app, make_target,
                                                                     desktop: WindowsDesktop) -> None:
    chat = make_target("买家A")
    make_target("李华 - 接待中心")  # the window in front: a buyer's message arrives elsewhere
    desktop.retitle(chat.window, "(1) 买家A")
    began = wait_for_waits(app.home, lambda found: len(found) == 1)
    assert len(began) == 1 and began[0]["answered"] is None, began
    desktop.retitle(chat.window, "(2) 买家A")
    time.sleep(WAIT_SECONDS)
    chat.activate()
    desktop.press("ctrl+alt+1")
    assert chat.wait_for_text(MULTI_LINE) == MULTI_LINE
    answered = wait_for_waits(app.home, lambda found: any(wait["answered"] for wait in found))
    assert len(answered) == 1 and answered[0]["how"] == INSERTION, answered
    assert answered[0]["since"] == began[0]["since"]
    assert WAIT_SECONDS <= response_seconds(answered[0]) < 10
    assert "买家A" not in Store(app.home, seed=False).folder.path(FILE_NAME).read_text("utf-8")
