"""Changes of several files when the system fails part way: a write refused before the
commit record leaves every file old, a rename refused after it is finished at the next
opening. The failures are the operating system's own calls failing (``os.fsync`` with
ENOSPC, as a full disk reports it; ``os.replace`` with EACCES)."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.data.journal import JOURNAL_FILE
from assistant.phrases.store import Store
from assistant.team import publication
from tests.unit.helpers import book, phrase


@pytest.fixture
def two_states(isolated_home: Path) -> tuple[Store, str]:
    """Books x, y and z with "new" texts, and a backup (returned) where x and y said
    "old" and z did not exist."""
    store = Store(isolated_home, seed=False)
    store.create_book(book("X", "x"), [phrase("old")])
    store.create_book(book("Y", "y"), [phrase("old")])
    old = store.backup()
    assert old is not None
    for book_id in ("x", "y"):
        [item] = store.phrases(book_id)
        store.update_phrase(book_id, item.with_changes(text="new"))
    store.create_book(book("Z", "z"), [phrase("new")])
    return store, old.name


def texts(store: Store) -> dict[str, str]:
    return {entry.id: store.phrases(entry.id)[0].text for entry in store.books()}


def fail_on_call(monkeypatch: pytest.MonkeyPatch, name: str, number: int, code: int) -> None:
    """``os.<name>`` fails with ``code`` on its ``number``-th call from now on."""
    real = getattr(os, name)
    calls = iter(range(1, 1_000_000))

    def failing(*args, **kwargs):
        if next(calls) == number:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


def test_a_rename_refused_on_the_third_file_is_finished_at_the_next_opening(
        two_states: tuple[Store, str], monkeypatch: pytest.MonkeyPatch) -> None:
    store, old = two_states
    store.backup("before-restore")  # taken now, so that the renames are the next os.replace calls
    with monkeypatch.context() as patch:
        fail_on_call(patch, "replace", 4, errno.EACCES)  # the journal's commit record, then the files
        patch.setattr(Store, "backup", lambda *_args, **_kwargs: None)
        with pytest.raises(PermissionError):
            store.restore(old)
    assert (store.home / JOURNAL_FILE).exists()
    assert texts(Store(store.home, seed=False)) == {"x": "old", "y": "old"}
    assert not (store.home / JOURNAL_FILE).exists()


def test_a_full_disk_while_writing_the_new_files_leaves_every_file_old(
        two_states: tuple[Store, str], monkeypatch: pytest.MonkeyPatch) -> None:
    store, old = two_states
    before = {path: path.read_bytes() for path in store.home.rglob("*.json") if "backups" not in path.parts}
    with monkeypatch.context() as patch:
        patch.setattr(Store, "backup", lambda *_args, **_kwargs: None)
        # The journal, its folder (POSIX only: Windows cannot fsync a folder), the first new file, the second.
        fail_on_call(patch, "fsync", 4 if os.name == "posix" else 3, errno.ENOSPC)
        with pytest.raises(OSError, match="No space left") as raised:
            store.restore(old)
    assert raised.value.filename == str(store.home / "books" / "y.json")
    after = {path: path.read_bytes() for path in store.home.rglob("*.json") if "backups" not in path.parts}
    assert after == before
    assert sorted(path.name for path in store.home.rglob(".*")) == []
    assert texts(Store(store.home, seed=False)) == {"x": "new", "y": "new", "z": "new"}


def test_publishing_writes_the_publication_and_the_books_revision_together(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.create_book(book("Team", "team"), [phrase("hello")])
    target = tmp_path / "team.qrpub"
    with monkeypatch.context() as patch:
        fail_on_call(patch, "fsync", 4, errno.ENOSPC)  # the journal, its folder, the publication, then the book
        with pytest.raises(OSError), store.folder.transaction() as change:
            _path, revision = publication.publish(store.book("team"), store.phrases("team"), target, change=change)
            store.update_book(replace(store.book("team"), revision=revision), change)
    assert not target.exists() and store.book("team").revision == 1
    assert sorted(path.name for path in tmp_path.rglob(".*")) == []


@pytest.mark.parametrize(("state", "expected"), [("prepared", b'{"v":"old"}'), ("committed", b'{"v":"new"}')])
def test_a_journal_left_by_a_killed_writer_is_undone_before_its_commit_and_finished_after(
        store: Store, tmp_path: Path, state: str, expected: bytes) -> None:
    """Files inside the data folder and outside it (a publication) alike."""
    inside, outside = store.folder.path("settings.json"), tmp_path / "team.qrpub"
    for path in (inside, outside):
        path.write_bytes(b'{"v":"old"}')
        path.with_name(f".{path.name}.tmp-1-ab").write_bytes(b'{"v":"new"}')
    changes = [{"target": "settings.json", "staged": ".settings.json.tmp-1-ab"},
               {"target": str(outside), "staged": str(tmp_path / ".team.qrpub.tmp-1-ab")}]
    (store.home / JOURNAL_FILE).write_text(json.dumps({"state": state, "changes": changes}), "utf-8")
    Store(store.home, seed=False)
    assert (inside.read_bytes(), outside.read_bytes()) == (expected, expected)
    assert not list(tmp_path.rglob(".*.tmp-*")) and not (store.home / JOURNAL_FILE).exists()
