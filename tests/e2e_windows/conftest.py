"""The Windows end-to-end suite: the app, its backend and a Qt target window, all run
by the Windows Python under Wine (scripts/test-windows runs it).

Elsewhere there is nothing to run: the modules drive Windows' own API and are not even
collected."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if sys.platform != "win32":
    collect_ignore_glob = ["*.py"]
else:
    from dataclasses import replace

    from assistant.data.folder import DataFolder
    from assistant.settings import load_settings, save_settings
    from tests.e2e.app_process import AppProcess, seed_test_book, set_language
    from tests.e2e.target import targets
    from tests.e2e_windows.desktop import WindowsDesktop

    @pytest.fixture(scope="session")
    def desktop() -> WindowsDesktop:
        return WindowsDesktop()

    @pytest.fixture
    def make_target(desktop: WindowsDesktop, tmp_path: Path) -> Iterator:
        with targets(desktop, tmp_path) as make:
            yield make

    @pytest.fixture
    def app_settings() -> dict[str, object]:
        """Settings a module's tests need changed from the defaults (its own fixture of this name)."""
        return {}

    @pytest.fixture
    def app(desktop: WindowsDesktop, tmp_path: Path, app_settings: dict[str, object]) -> Iterator[AppProcess]:
        """The app on the test book (tests/e2e/app_process.seed_test_book), in English."""
        home = tmp_path / "home"
        seed_test_book(home)
        set_language(home, "en")
        if app_settings:
            folder = DataFolder(home)
            save_settings(folder, replace(load_settings(folder), **app_settings))
        running = AppProcess(desktop, home)
        yield running
        errors = running.stop()
        assert "Traceback" not in errors, errors
