"""Shared fixtures: every test gets its own data folder and English messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.i18n import set_language
from assistant.phrases.store import Store


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QUICKREPLY_HOME points into the test's temp folder; the locale is English."""
    home = tmp_path / "home"
    monkeypatch.setenv("QUICKREPLY_HOME", str(home))
    monkeypatch.setenv("QUICKREPLY_LANG", "en")
    set_language(None)
    return home


@pytest.fixture
def store(isolated_home: Path) -> Store:
    """An empty store (no shipped books)."""
    return Store(isolated_home, seed=False)


@pytest.fixture
def seeded_store(isolated_home: Path) -> Store:
    """A fresh install: the shipped books."""
    return Store(isolated_home)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """A shared folder, as a team lead publishes to (tests of subscriptions)."""
    folder = tmp_path / "share"
    folder.mkdir()
    return folder
