"""Fixtures for the end-to-end tests: an X server and target windows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.target import targets
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
def make_target(xserver: XServer, tmp_path: Path) -> Iterator:
    with targets(xserver, tmp_path) as make:
        yield make
