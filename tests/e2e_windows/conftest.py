"""The Windows end-to-end suite: the app, its backend and a Qt target window, all run
by the Windows Python under Wine (scripts/test-windows runs it).

Elsewhere there is nothing to run: the modules drive Windows' own API and are not even
collected."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

if sys.platform != "win32":
    collect_ignore_glob = ["*.py"]
else:
    from assistant.phrases.store import Store
    from assistant.settings import load_settings, save_settings
    from tests.e2e.app_process import AppProcess, seed_test_book
    from tests.e2e.target import targets
    from tests.e2e_windows.desktop import WindowsDesktop

    @pytest.fixture(scope="session")
    def desktop() -> WindowsDesktop:
        return WindowsDesktop()

    @pytest.fixture
    def make_target(desktop: WindowsDesktop, tmp_path: Path) -> Iterator:
        with targets(desktop, tmp_path) as make:
            yield make

    def speaking(home: Path, language: str) -> None:
        """The app's language set in its settings: on Windows the interface follows the
        display language (Chinese under this Wine), not QUICKREPLY_LANG or LANG."""
        folder = Store(home).folder
        save_settings(folder, replace(load_settings(folder), language=language))

    @pytest.fixture
    def app(desktop: WindowsDesktop, tmp_path: Path) -> Iterator[AppProcess]:
        """The app on the test book (tests/e2e/app_process.seed_test_book), in English."""
        home = tmp_path / "home"
        seed_test_book(home)
        speaking(home, "en")
        running = AppProcess(desktop, home)
        yield running
        errors = running.stop()
        assert "Traceback" not in errors, errors
