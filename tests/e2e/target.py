"""A stand-in chat window in a process of its own (target_app.py), and what it received."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

HERE = Path(__file__).resolve().parent


class Desktop(Protocol):
    """What a target needs of the desktop (tests/e2e's XServer, tests/e2e_windows'
    WindowsDesktop)."""

    @property
    def env(self) -> dict[str, str]: ...

    def activate(self, window: int) -> None:
        """Brings ``window`` to the front with the keyboard focus."""
        ...


def json_lines(path: Path) -> list[dict]:
    """The events a helper process logged so far, one JSON object a line."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


class Target:
    """A target window in another process and what it has received."""

    #: Where its errors go (None: the tests' own stderr).
    stderr: int | None = None

    def __init__(self, xserver: Desktop, title: str, log: Path, paste_delay_ms: int = 0):
        self.xserver, self.title, self.log = xserver, title, log
        self.process = subprocess.Popen(self.command(HERE / "target_app.py", str(paste_delay_ms)),
                                        env=self.environment(), stdout=subprocess.PIPE, stderr=self.stderr,
                                        text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().split()
        assert line and line[0] == "ready", "the target window did not start"
        self.window = self.window_of(int(line[1]))

    def command(self, script: Path, paste_delay_ms: str) -> list[str]:
        """How target_app.py is run (here: by this Python)."""
        return [sys.executable, str(script), self.title, str(self.log), paste_delay_ms]

    def environment(self) -> dict[str, str]:
        return self.xserver.env

    def window_of(self, announced: int) -> int:
        """The window to activate, from the id target_app.py printed (Qt's winId)."""
        return announced

    def events(self) -> list[dict]:
        return json_lines(self.log)

    def text(self) -> str:
        texts = [event["text"] for event in self.events() if event["kind"] == "text"]
        return texts[-1] if texts else ""

    def sends(self) -> list[str]:
        return [event["text"] for event in self.events() if event["kind"] == "send"]

    def activate(self) -> None:
        self.xserver.activate(self.window)

    def wait_for_text(self, expected: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.text() == expected:
                return expected
            time.sleep(0.02)
        return self.text()

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def reported_title(reported: queue.Queue, window: int, timeout: float = 5) -> str:
    """The next title a title watcher reported (its WindowInfos put into ``reported``)
    for ``window``; the other windows' reports before it are passed over."""
    while True:
        info = reported.get(timeout=timeout)
        if info.id == window:
            return info.title


@contextmanager
def targets(desktop: Desktop, folder: Path) -> Iterator[Callable[..., Target]]:
    """``make(title, paste_delay_ms)`` starts a target window, activated (``paste_delay_ms``:
    how long it is busy when a paste comes); all are closed at the end."""
    started: list[Target] = []

    def make(title: str = "王小明 - 接待中心", paste_delay_ms: int = 0) -> Target:
        target = Target(desktop, title, folder / f"target-{len(started)}.jsonl", paste_delay_ms)
        started.append(target)
        target.activate()
        return target

    try:
        yield make
    finally:
        for target in started:
            target.close()
