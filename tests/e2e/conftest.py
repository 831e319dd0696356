"""Fixtures for the end-to-end tests: an X server, the app on the test book, target
windows, a clipboard manager."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.app_process import AppProcess, seed_test_book
from tests.e2e.target import HERE, json_lines, targets
from tests.e2e.xserver import MISSING_TOOLS_HINT, XServer, start_xserver, tools_available

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


@pytest.fixture
def app(xserver: XServer, tmp_path: Path) -> Iterator[AppProcess]:
    """The app on the test book (app_process.seed_test_book); modules that need another
    start define their own."""
    home = tmp_path / "home"
    seed_test_book(home)
    running = AppProcess(xserver, home)
    yield running
    errors = running.stop()
    assert "Traceback" not in errors, errors


@pytest.fixture
def make_target(xserver: XServer, tmp_path: Path) -> Iterator:
    with targets(xserver, tmp_path) as make:
        yield make


class ClipboardManager:
    """A clipboard history in another process (``clipboard_manager.py``) and what it read."""

    def __init__(self, xserver: XServer, log: Path):
        self.log = log
        self.process = subprocess.Popen([sys.executable, str(HERE / "clipboard_manager.py"), str(log)],
                                        env=xserver.env, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready", "the clipboard manager did not start"

    def reads(self) -> list[dict]:
        """Each text it fetched, with its time (``t_ns``, as the targets log theirs)."""
        return json_lines(self.log)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def clipboard_manager(xserver: XServer, tmp_path: Path) -> Iterator[ClipboardManager]:
    manager = ClipboardManager(xserver, tmp_path / "clipboard-manager.jsonl")
    yield manager
    manager.close()
