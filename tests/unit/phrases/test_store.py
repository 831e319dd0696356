"""The phrase store: CRUD, read-only books, other processes' changes, damage, backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.data import backups, documents
from assistant.errors import NotFound, QuickReplyError
from assistant.formats import ImportedBook, native
from assistant.formats.book import Cancelled
from assistant.phrases import store as store_module
from assistant.phrases.model import Phrasebook
from assistant.phrases.store import Store
from tests.unit.helpers import book, phrase


def test_fresh_install_has_the_shipped_books(seeded_store: Store) -> None:
    ids = {item.id for item in seeded_store.books()}
    assert {"zh-ecommerce", "en-ecommerce"} <= ids
    assert len(seeded_store.phrases("zh-ecommerce")) >= 80
    assert len(seeded_store.phrases("en-ecommerce")) >= 40


def test_reopening_does_not_seed_again(isolated_home: Path) -> None:
    first = Store(isolated_home)
    first.delete_book("en-ecommerce")
    again = Store(isolated_home)
    assert "en-ecommerce" not in {item.id for item in again.books()}


def test_add_update_delete_phrase(store: Store) -> None:
    store.create_book(book())
    added = store.add_phrase("test-book", phrase("亲，已经发货了", code="FH", group="发货"))
    assert added.code == "fh"
    store.update_phrase("test-book", added.with_changes(text="亲，今天下午发货"))
    assert [item.text for item in store.phrases("test-book")] == ["亲，今天下午发货"]
    store.delete_phrase("test-book", added.id)
    assert store.phrases("test-book") == []
    with pytest.raises(NotFound):
        store.delete_phrase("test-book", added.id)


def test_short_codes_are_unique_within_a_book(store: Store) -> None:
    store.create_book(book())
    store.add_phrase("test-book", phrase("one", code="fh"))
    with pytest.raises(QuickReplyError, match="already used"):
        store.add_phrase("test-book", phrase("two", code="ＦＨ"))


def test_group_filter_and_book_lookup_by_name(store: Store) -> None:
    store.create_book(book(name="售后"))
    store.add_phrase("test-book", phrase("a", group="发货"))
    store.add_phrase("test-book", phrase("b", group="退款"))
    assert store.book("售后").id == "test-book"
    assert [item.text for item in store.phrases("test-book", "退款")] == ["b"]
    with pytest.raises(NotFound):
        store.book("nope")


def test_read_only_books_refuse_edits(store: Store) -> None:
    store.create_book(Phrasebook(name="Team", id="team", origin="subscribed", read_only=True))
    with pytest.raises(QuickReplyError, match="read-only"):
        store.add_phrase("team", phrase("x"))


def test_use_counts_are_kept_apart_from_the_book(store: Store) -> None:
    store.create_book(book())
    added = store.add_phrase("test-book", phrase("hello there, how can I help?"))
    store.record_use("test-book", added.id, "2026-11-22T10:00:00Z")
    store.record_use("test-book", added.id, "2026-11-22T11:00:00Z")
    [reloaded] = store.phrases("test-book")
    assert (reloaded.use_count, reloaded.last_used) == (2, "2026-11-22T11:00:00Z")
    book_file = (store.home / "books" / "test-book.json").read_text("utf-8")
    assert "use_count" not in book_file and "2026-11-22T11" not in book_file


def test_a_second_process_sees_changes_without_reopening(isolated_home: Path) -> None:
    app = Store(isolated_home, seed=False)
    app.create_book(book())
    assert app.phrases("test-book") == []
    cli = Store(isolated_home, seed=False)
    cli.add_phrase("test-book", phrase("from the command line"))
    assert [item.text for item in app.phrases("test-book")] == ["from the command line"]
    before = app.fingerprint()
    cli.record_use("test-book", app.phrases("test-book")[0].id)
    assert app.fingerprint() != before


def test_opening_parses_each_book_once_and_a_book_changed_since_is_read_again(
        isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(isolated_home, seed=False).create_book(book(), [phrase("first")])
    parsed: list[str] = []
    real_parse = documents.parse_json

    def counting(path: Path, data: bytes) -> object:
        parsed.append(path.name)
        return real_parse(path, data)

    monkeypatch.setattr(documents, "parse_json", counting)
    app = Store(isolated_home, seed=False)
    assert [item.text for item in app.phrases("test-book")] == ["first"]
    assert parsed.count("test-book.json") == 1  # the check's parse is the one the phrases come from
    Store(isolated_home, seed=False).add_phrase("test-book", phrase("second"))
    assert [item.text for item in app.phrases("test-book")] == ["first", "second"]


def test_a_book_s_phrases_are_counted_without_reading_them(store: Store) -> None:
    store.create_book(book())
    store.add_phrase("test-book", phrase("one"))
    store.add_phrase("test-book", phrase("two"))
    assert store.phrase_count("test-book") == len(store.phrases("test-book")) == 2
    with pytest.raises(NotFound):
        store.phrase_count("no-such-book")


def test_import_creates_book_and_reports_each_phrase(store: Store) -> None:
    imported = ImportedBook([phrase("a", code="a"), phrase("b", code="b")], locations=["row 2", "row 3"])
    report = store.import_book(imported, default_name="sheet")
    assert report.created_book and report.merge.count("added") == 2
    assert store.book("sheet").origin == "imported"
    again = store.import_book(ImportedBook([phrase("a", code="a"), phrase("B!", code="b")]), book="sheet")
    assert [outcome.action for outcome in again.merge.outcomes] == ["unchanged", "skipped"]


def test_dry_run_changes_nothing(store: Store) -> None:
    before = sorted(path.name for path in store.home.rglob("*"))
    report = store.import_book(ImportedBook([phrase("a")]), default_name="x", dry_run=True)
    assert report.merge.count("added") == 1
    assert sorted(path.name for path in store.home.rglob("*")) == before


def test_import_into_existing_book_bumps_revision_and_backs_up(store: Store) -> None:
    store.create_book(book())
    report = store.import_book(ImportedBook([phrase("new one")]), book="test-book")
    assert report.book.revision == 2
    assert report.backup and (store.home / "backups" / report.backup / "books" / "test-book.json").is_file()


def test_an_import_stopped_just_before_its_write_writes_nothing(store: Store) -> None:
    """``before_write`` (the manager's Cancel) is asked after the merge and before the
    backup: raising there leaves every file as it was; a dry run never asks."""
    store.create_book(book())
    asked: list[str] = []

    def cancel() -> None:
        asked.append("write?")
        raise Cancelled

    store.import_book(ImportedBook([phrase("new one")]), book="test-book", dry_run=True, before_write=cancel)
    assert asked == []
    before = store.fingerprint()
    with pytest.raises(Cancelled):
        store.import_book(ImportedBook([phrase("new one")]), book="test-book", before_write=cancel)
    assert asked == ["write?"] and store.fingerprint() == before and backups.snapshots(store.home) == []
    assert store.import_book(ImportedBook([phrase("new one")]), book="test-book",
                             before_write=asked.clear).book.revision == 2


def test_damaged_file_is_moved_aside_and_restored_from_backup(isolated_home: Path) -> None:
    first = Store(isolated_home, seed=False)
    first.create_book(book())
    first.add_phrase("test-book", phrase("kept safe"))
    first.backup()
    path = isolated_home / "books" / "test-book.json"
    torn = path.read_bytes()[:25]
    path.write_bytes(torn)  # a torn file, as a failing disk might leave
    reopened = Store(isolated_home, seed=False)
    assert len(reopened.notices) == 1 and "restored from the backup" in reopened.notices[0]
    assert [item.text for item in reopened.phrases("test-book")] == ["kept safe"]
    quarantined = list((isolated_home / "quarantine").iterdir())
    assert len(quarantined) == 1 and quarantined[0].read_bytes() == torn


def test_damaged_file_without_backup_is_kept_and_reported(isolated_home: Path) -> None:
    Store(isolated_home, seed=False)
    (isolated_home / "usage.json").write_text("{not json", "utf-8")
    reopened = Store(isolated_home, seed=False)
    assert "no backup had a good copy" in reopened.notices[0]
    assert (isolated_home / "quarantine").is_dir() and not (isolated_home / "usage.json").exists()


def test_stale_temp_files_from_a_killed_writer_are_removed(isolated_home: Path) -> None:
    Store(isolated_home, seed=False).create_book(book())
    leftover = isolated_home / "books" / ".test-book.json.tmp-999-abcd"
    leftover.write_text("half", "utf-8")
    Store(isolated_home, seed=False)
    assert not leftover.exists()


def test_restore_brings_back_a_deleted_book(store: Store) -> None:
    store.create_book(book())
    precious = store.add_phrase("test-book", phrase("precious"))
    store.record_use("test-book", precious.id)
    store.delete_book("test-book")
    assert store.books() == []
    restored = store.restore()
    assert "before-delete" in restored.name
    assert [item.text for item in store.phrases("test-book")] == ["precious"]
    assert any("before-restore" in entry.name for entry in backups.snapshots(store.home))


def test_backups_roll(store: Store) -> None:
    store.create_book(book())
    for _ in range(14):
        store.backup()
    assert len(backups.snapshots(store.home)) == 10


def test_schema_upgrade_runs_each_step_once(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(isolated_home, seed=False).create_book(book())
    ran: list[Path] = []
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_module.MIGRATIONS, 1, ran.append)
    Store(isolated_home, seed=False)
    Store(isolated_home, seed=False)
    assert ran == [isolated_home.resolve()]
    assert json.loads((isolated_home / "store.json").read_text())["schema"] == 2
    assert any("before-upgrade" in entry.name for entry in backups.snapshots(isolated_home))


def test_store_from_a_newer_version_is_refused(isolated_home: Path) -> None:
    Store(isolated_home, seed=False)
    (isolated_home / "store.json").write_text('{"schema": 99}', "utf-8")
    with pytest.raises(QuickReplyError, match="newer QuickReply"):
        Store(isolated_home, seed=False)


def test_native_export_of_a_seeded_book_matches_the_shipped_file(seeded_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    seeded_store.export_book("zh-ecommerce", target)
    shipped = next(path for path in store_module.shipped_book_files() if path.name == "zh-ecommerce.json")
    assert target.read_bytes() == shipped.read_bytes()
    assert native.read(target.read_bytes(), "out").book.id == "zh-ecommerce"


def test_a_damaged_schema_file_is_recovered_without_seeding_again(isolated_home: Path) -> None:
    first = Store(isolated_home)
    first.delete_book("en-ecommerce")
    (isolated_home / "store.json").write_bytes(b"\x00\x00garbage")
    reopened = Store(isolated_home)
    assert "store.json was damaged" in reopened.notices[0]
    assert {item.id for item in reopened.books()} == {"zh-ecommerce"}
    assert json.loads((isolated_home / "store.json").read_text())["schema"] == store_module.SCHEMA_VERSION


def test_an_unreadable_file_is_moved_aside_and_restored(isolated_home: Path) -> None:
    first = Store(isolated_home, seed=False)
    first.create_book(book())
    first.backup()
    path = isolated_home / "books" / "test-book.json"
    path.unlink()
    path.mkdir()  # reading it fails with an OSError, as a file without permission would
    reopened = Store(isolated_home, seed=False)
    assert len(reopened.notices) == 1 and "test-book.json was damaged" in reopened.notices[0]
    assert reopened.book("test-book").name == "Test book"


def test_reorder_move_and_put_back_at_an_index(store: Store) -> None:
    store.create_book(book())
    first, second, third = (store.add_phrase("test-book", phrase(text, group="a")) for text in ("1", "2", "3"))
    store.reorder_phrases("test-book", [third.id, first.id])
    assert [item.text for item in store.phrases("test-book")] == ["3", "1", "2"]
    store.move_phrases("test-book", [first.id, second.id], "b")
    assert [item.text for item in store.phrases("test-book", "b")] == ["1", "2"]
    store.delete_phrase("test-book", first.id)
    store.add_phrase("test-book", first, index=1)
    assert [item.id for item in store.phrases("test-book")] == [third.id, first.id, second.id]
