"""pytest-qt set-up: the offscreen platform, one QApplication for the session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Start-at-login entries go to a temp folder, never the real desktop's."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    return folder


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    """A test that switches the language must not leave Qt's translators installed."""
    yield
    from ui.i18n import install_language

    install_language("en")
