"""Counting quick replies per conversation, end to end: two chat windows, the soft
notice, the hard limit blocking, "new conversation", and a title whose unread counter
changes."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.settings import Settings, save_settings
from tests.e2e.app_process import AppProcess

REPLY = "好的亲"


def start_app(xserver, home: Path, settings: Settings) -> AppProcess:
    store = Store(home, seed=False)
    store.create_book(Phrasebook(name="E2E", id="e2e"))
    store.add_phrase("e2e", Phrase(text=REPLY, code="ok", hotkey="ctrl+alt+1", id="ok"))
    save_settings(store.folder, settings)
    return AppProcess(xserver, home)


@pytest.fixture
def app(xserver, tmp_path: Path):
    running = start_app(xserver, tmp_path / "home", Settings(limit_policy="block"))
    yield running
    assert "Traceback" not in running.stop()


@pytest.fixture
def confirming_app(xserver, tmp_path: Path):
    running = start_app(xserver, tmp_path / "home", Settings(limit_policy="confirm", soft_limit=1, hard_limit=1))
    yield running
    assert "Traceback" not in running.stop()


def count(home: Path, title: str, target_class: str) -> int:
    key_window = WindowInfo(id=0, wm_class=target_class, title=title, pid=None)
    from assistant.replies.conversations import conversation_key

    return ConversationLog(Store(home, seed=False)).count(conversation_key(key_window), datetime.now(UTC))


def wait_count(home: Path, title: str, target_class: str, expected: int, timeout: float = 5) -> int:
    """The count is written just after the reply lands; wait for it."""
    deadline = time.monotonic() + timeout
    while (found := count(home, title, target_class)) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def insert(xserver, target, expected: str) -> None:
    target.activate()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert target.wait_for_text(expected) == expected


def wm_class(xserver, target) -> str:
    """The class as the app sees it (the same X11 adapter)."""
    from assistant.desktop.x11.windows import X11Windows

    target.activate()
    windows = X11Windows(xserver.display)
    try:
        return windows.active_window().wm_class
    finally:
        windows.close()


def log_lines(home: Path) -> str:
    return (home / "logs" / "quickreply.log").read_text("utf-8")


def test_counts_per_conversation_limits_and_new_conversation(app, make_target, xserver) -> None:
    first, second = make_target("王小明 - 接待中心"), make_target("李华 - 接待中心")
    klass = wm_class(xserver, first)
    for number in range(1, 4):
        insert(xserver, first, REPLY * number)
    insert(xserver, second, REPLY)
    assert wait_count(app.home, "王小明 - 接待中心", klass, 3) == 3
    assert wait_count(app.home, "李华 - 接待中心", klass, 1) == 1
    assert "soft limit notice (count 3)" in log_lines(app.home)

    # The unread counter in the title changes; it is still the same conversation.
    xserver.xdotool("set_window", "--name", "(2) 王小明 - 接待中心", str(first.window))
    insert(xserver, first, REPLY * 4)
    assert wait_count(app.home, "王小明 - 接待中心", klass, 4) == 4
    insert(xserver, first, REPLY * 5)
    assert wait_count(app.home, "王小明 - 接待中心", klass, 5) == 5

    # The sixth meets the hard limit; the policy is "block": nothing is inserted.
    first.activate()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    deadline = time.monotonic() + 5
    while "insertion blocked" not in log_lines(app.home) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert first.text() == REPLY * 5 and count(app.home, "王小明 - 接待中心", klass) == 5

    # "New conversation" starts again at 0, and the next reply goes in.
    first.activate()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+n")
    assert wait_count(app.home, "王小明 - 接待中心", klass, 0) == 0
    insert(xserver, first, REPLY * 6)
    assert wait_count(app.home, "王小明 - 接待中心", klass, 1) == 1


def test_the_confirm_policy_asks_and_the_answer_decides(confirming_app, make_target, xserver) -> None:
    """Past the hard limit the agent is asked; Enter alone declines (an agent typing fast
    must not insert by accident), Alt+Y inserts, and either way the chat window gets the
    focus back."""
    target = make_target()
    insert(xserver, target, REPLY)

    def ask() -> int:
        target.activate()
        xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
        deadline = time.monotonic() + 5
        while (active := confirming_app.active_window()) == target.window and time.monotonic() < deadline:
            time.sleep(0.05)
        assert active != target.window, "no question was asked"
        return active

    ask()
    xserver.xdotool("key", "Return")
    assert xserver.wait_focused(target.window)
    time.sleep(0.3)
    assert target.text() == REPLY

    ask()
    xserver.xdotool("key", "alt+y")
    assert target.wait_for_text(REPLY * 2) == REPLY * 2
    assert xserver.wait_focused(target.window)
    log = log_lines(confirming_app.home)
    assert "the agent declined" in log and "the agent confirmed" in log
