"""Shared fixtures: every test gets its own data folder and English messages."""

from __future__ import annotations

import contextlib
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.desktop import autostart
from assistant.i18n import set_language
from assistant.phrases.store import Store
from tests.unit.team.subscription_support import Lead


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QUICKREPLY_HOME points into the test's temp folder; the locale is English."""
    home = tmp_path / "home"
    monkeypatch.setenv("QUICKREPLY_HOME", str(home))
    monkeypatch.setenv("QUICKREPLY_LANG", "en")
    set_language(None)
    return home


@pytest.fixture(autouse=True)
def run_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """On Windows, start at login writes to a registry key of the test's own, removed
    afterwards: no test ever touches the user's HKCU\\…\\Run value."""
    parent = rf"Software\QuickReply tests\{uuid.uuid4().hex}"
    run = rf"{parent}\Run"
    monkeypatch.setattr(autostart, "RUN_KEY", run)
    yield run
    if sys.platform == "win32":
        import winreg

        for key in (run, parent):
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key)


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


@pytest.fixture
def lead(tmp_path: Path) -> Lead:
    """A team lead with the team's book in a data folder of their own (tests of subscriptions)."""
    return Lead(tmp_path / "lead")


@pytest.fixture
def published_lead(lead: Lead, share: Path) -> Lead:
    """The lead, their book already published to ``share``: what an agent subscribes to."""
    lead.publish(share)
    return lead
