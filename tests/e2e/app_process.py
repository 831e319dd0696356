"""The real QuickReply app as a child process on the test desktop: the X server of
tests/e2e, or Wine's desktop for tests/e2e_windows."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import FILE_NAME
from assistant.replies.waiting import WAITS
from assistant.settings import load_settings, save_settings

ROOT = Path(__file__).resolve().parents[2]


#: The reply of the test book's Ctrl+Alt+1: two lines, and Chinese.
MULTI_LINE = "亲，您的包裹已经发出啦～\n单号稍后同步，请留意物流哦！"


def seed_test_book(home: Path) -> None:
    """The book the app tests insert from, one phrase hotkey each: Ctrl+Alt+1 the
    multi-line reply (code e2efh, title 发货通知: pinyin initials fhtz), 2 asks for the
    buyer's name, 3 goes out as two messages, 4 leaves the caret inside."""
    store = Store(home)
    store.create_book(Phrasebook(name="E2E", id="e2e", language="zh-CN"))
    store.add_phrase("e2e", Phrase(text=MULTI_LINE, code="e2efh", title="发货通知", hotkey="ctrl+alt+1",
                                   id="multi"))
    store.add_phrase("e2e", Phrase(text="{name}您好，订单已发出", code="e2ename", title="带名字",
                                   hotkey="ctrl+alt+2", id="named"))
    store.add_phrase("e2e", Phrase(text="亲，在的～\n---\n请问有什么可以帮您？", code="e2esplit", title="分条",
                                   hotkey="ctrl+alt+3", separate_messages=True, id="split"))
    store.add_phrase("e2e", Phrase(text="订单号：{cursor}，请核对", code="e2ecur", title="光标",
                                   hotkey="ctrl+alt+4", id="cursor"))


def set_language(home: Path, language: str) -> None:
    """The app's language in its settings ("en", "zh"). On Windows the interface follows
    the display language (Chinese under the test Wine), not QUICKREPLY_LANG or LANG."""
    folder = Store(home).folder
    save_settings(folder, replace(load_settings(folder), language=language))


def waits(home: Path) -> list[dict]:
    """The wait records of the conversation log in ``home`` (assistant.replies.waiting)."""
    path = Store(home, seed=False).folder.path(FILE_NAME)
    if not path.exists():
        return []
    return list(json.loads(path.read_text("utf-8")).get(WAITS, {}).values())


def wait_for_waits(home: Path, done: Callable[[list[dict]], bool], timeout: float = 10) -> list[dict]:
    """The log's waits once ``done(waits)`` holds (the app writes them on its own time)."""
    deadline = time.monotonic() + timeout
    while not done(found := waits(home)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def response_seconds(wait: dict) -> float:
    """How long the buyer of an answered wait record waited (whole seconds, as stored)."""
    return (datetime.fromisoformat(wait["answered"]) - datetime.fromisoformat(wait["since"])).total_seconds()


class Screen(Protocol):
    """What the app process needs of the desktop it runs on (tests/e2e's XServer,
    tests/e2e_windows' WindowsDesktop)."""

    @property
    def env(self) -> dict[str, str]: ...

    def find_window(self, title: str, timeout: float = 5) -> int | None:
        """A visible window titled ``title``, once it appears."""
        ...

    def active_window(self) -> int: ...


#: The app from the source tree; the frozen build's test passes its own program.
SOURCE_PROGRAM = (sys.executable, "-m", "ui")


def rss_mib(pid: int) -> float:
    """The resident memory of process ``pid`` (VmRSS in /proc, Linux only), in MiB: what
    the app costs the agent's machine, and what a leak would make grow."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024


def past_first_run(home: Path, warn_repeated_reply: bool = False) -> None:
    """Tests play an agent who is set up already: the first-run wizard would take the
    keyboard from the windows a test types into. A new folder is seeded as the app's own
    first start would; the settings a test saved stay as they are, first run done. The
    agent also sends the test book's few replies again and again into one window on
    purpose, so the question before the same reply twice is off unless a test asks for it."""
    store = Store(home)
    settings = load_settings(store.folder)
    wanted = replace(settings, first_run_done=True, warn_repeated_reply=warn_repeated_reply)
    if wanted != settings:
        save_settings(store.folder, wanted)


class AppProcess:
    def __init__(self, xserver: Screen, home: Path, language: str = "en", program: tuple[str, ...] = SOURCE_PROGRAM,
                 args: tuple[str, ...] = (), first_run: bool = False, env: dict[str, str] | None = None,
                 warn_repeated_reply: bool = False):
        """Start ``PROGRAM ARGS`` (the app itself when ARGS is empty) as the first process;
        ``first_run`` leaves a new folder new, so the first-run wizard shows; ``env`` adds to
        its environment (an input method's, tests/e2e/ime.py); ``warn_repeated_reply``
        turns on the question before the same reply twice (see ``past_first_run``)."""
        if not first_run:
            past_first_run(home, warn_repeated_reply)
        self.xserver = xserver
        self.home = home
        self.program = list(program)
        self.env = {**xserver.env, "QUICKREPLY_HOME": str(home), "QUICKREPLY_LANG": language,
                    "QUICKREPLY_INSTANCE": f"e2e-{uuid.uuid4().hex[:8]}", "PYTHONPATH": str(ROOT),
                    "LANG": "zh_CN.UTF-8" if language == "zh" else "en_US.UTF-8", **(env or {})}
        self.process = subprocess.Popen([*self.program, *args], env=self.env, cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if "running" not in line:
            _, errors = self.process.communicate(timeout=10)
            raise AssertionError(f"the app did not start: {line!r} {errors}")

    def command(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
        """``quickreply ARGS`` from a second process, as a user or a desktop shortcut runs it."""
        return subprocess.run([*self.program, *args], env=self.env, cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)

    def quit_timed(self) -> float:
        """Seconds from ``quickreply quit`` answered to the app's process gone."""
        assert self.command("quit").returncode == 0
        asked = time.monotonic()
        self.process.wait(timeout=30)
        return time.monotonic() - asked

    def window_named(self, name: str, timeout: float = 5) -> int | None:
        """A visible window of the app whose title is ``name``, once it appears."""
        return self.xserver.find_window(name, timeout)

    def active_window(self) -> int:
        return self.xserver.active_window()

    def stop(self) -> str:
        if self.process.poll() is None:
            self.command("quit")
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.stderr.read() if self.process.stderr else ""
