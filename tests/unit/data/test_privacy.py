"""The data folder is the user's alone: 0700, and 0600 for what QuickReply keeps in it (POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.data.folder import DataFolder
from assistant.logs import setup_logging
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import SearchCache
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows keeps the profile's ACL")


def modes(home: Path) -> dict[str, int]:
    """Every file and folder under ``home`` (itself as "."), with its permission bits."""
    found = {".": stat.S_IMODE(home.stat().st_mode)}
    for path in home.rglob("*"):
        found[str(path.relative_to(home))] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_everything_a_session_writes_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = Store(home)
    setup_logging(home)
    SearchIndex(store.phrases(), SearchCache.of(home))
    ConversationLog(store).record("qianniu|王小明", "b", "p", __import__("datetime").datetime.now().astimezone())
    store.backup("manual")
    found = modes(home)
    assert {"books", "backups", "cache", "logs", "conversations.json", "conversations.salt",
            "cache/search.json", "logs/quickreply.log"} <= found.keys()
    for relative, mode in found.items():
        wanted = 0o700 if (home / relative).is_dir() else 0o600
        assert mode == wanted, f"{relative}: {oct(mode)}"


def test_a_folder_an_older_version_left_open_is_closed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Store(home)
    unrelated = home / "notes.txt"
    unrelated.write_text("mine")
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    DataFolder(home)
    found = modes(home)
    assert found.pop("notes.txt") == 0o644  # QUICKREPLY_HOME may be any folder: only our files change
    assert all(mode in (0o600, 0o700) for mode in found.values()), found
