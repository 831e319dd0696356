"""Fixtures for the end-to-end tests: an X server and target windows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.xserver import MISSING_TOOLS_HINT, XServer, start_xserver, tools_available

HERE = Path(__file__).resolve().parent
#: A line for the end of the run (test_frozen.py: the build's time and size).
SUMMARY = pytest.StashKey[list[str]]()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    for line in config.stash.get(SUMMARY, []):
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def xserver() -> Iterator[XServer]:
    if not tools_available():
        if os.environ.get("CI"):
            pytest.fail(MISSING_TOOLS_HINT)
        pytest.skip(MISSING_TOOLS_HINT)
    server = start_xserver()
    yield server
    server.stop()


class Target:
    """A target window in another process and what it has received."""

    def __init__(self, xserver: XServer, title: str, log: Path):
        self.xserver, self.title, self.log = xserver, title, log
        self.process = subprocess.Popen([sys.executable, str(HERE / "target_app.py"), title, str(log)],
                                        env=xserver.env, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().split()
        assert line and line[0] == "ready", "the target window did not start"
        self.window = int(line[1])

    def events(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines() if line.strip()]

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


@pytest.fixture
def make_target(xserver: XServer, tmp_path: Path) -> Iterator:
    targets: list[Target] = []

    def make(title: str = "王小明 - 接待中心") -> Target:
        target = Target(xserver, title, tmp_path / f"target-{len(targets)}.jsonl")
        targets.append(target)
        target.activate()
        return target

    yield make
    for target in targets:
        target.close()
