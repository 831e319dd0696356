"""A full disk and a read-only disk, for real: a small tmpfs mounted for the test (needs
root on Linux; skipped elsewhere). Commands that only read keep working, the app's start
skips a due backup with a notice, and a write fails with one line naming the cause and
leaves nothing half-written behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.data.backups import BACKUP_DIR
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.replies.service import ReplyService
from assistant.settings import Settings
from tests.unit.helpers import run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"),
                                reason="mounting a small filesystem needs root on Linux")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs, unmounted afterwards."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(disk: Path) -> None:
    """Take every free byte."""
    with open(disk / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC


def remount(disk: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(disk)], check=True)


@pytest.fixture
def home(disk: Path) -> Path:
    """The shipped books, with the daily backup due (the newest backup is old)."""
    home = disk / "home"
    Store(home).backup()
    [taken] = (home / BACKUP_DIR).iterdir()
    taken.rename(taken.with_name("20200101T000000000000Z-daily"))
    return home


def leftovers(home: Path) -> list[str]:
    """Anything a write leaves behind: temporaries, partial backups, a journal."""
    return sorted(path.name for path in home.rglob("*") if path.name.startswith(".") or path.name == "journal.json")


def test_a_due_backup_on_a_full_disk_is_skipped_and_reading_works(disk: Path, home: Path) -> None:
    fill(disk)
    for command in (["books"], ["search", "亲"], ["list", "--book", "zh-ecommerce"]):
        done = run_cli(*command, home=home)
        assert done.returncode == 0, done.stderr
        assert done.stderr == "notice: the daily backup was skipped: the disk is full\n"
        assert done.stdout
    assert leftovers(home) == []
    assert [path.name for path in (home / BACKUP_DIR).iterdir()] == ["20200101T000000000000Z-daily"]


def test_a_write_on_a_full_disk_fails_with_one_line_and_leaves_nothing_behind(disk: Path, home: Path,
                                                                              tmp_path: Path) -> None:
    Store(home)  # the daily backup taken while there is room
    table = tmp_path / "new.csv"
    table.write_text("text,code\nhello there,ht\n", "utf-8")
    before = {path: path.read_bytes() for path in (home / "books").iterdir()}
    fill(disk)
    for command in (["import", str(table), "--book", "zh-ecommerce"], ["backup"], ["restore"]):
        done = run_cli(*command, home=home)
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and done.stderr.endswith("the disk is full\n"), done.stderr
    assert {path: path.read_bytes() for path in (home / "books").iterdir()} == before
    assert leftovers(home) == []


def test_a_read_only_data_folder_still_reads(disk: Path, home: Path, tmp_path: Path) -> None:
    remount(disk, "ro")
    try:
        done = run_cli("search", "亲", home=home)
        assert done.returncode == 0 and done.stdout
        assert "cannot be changed: the disk is read-only" in done.stderr
        table = tmp_path / "new.csv"
        table.write_text("text\nhello there\n", "utf-8")
        refused = run_cli("import", str(table), "--book", "zh-ecommerce", home=home)
        assert refused.returncode == 1
        assert refused.stderr.splitlines()[-1].endswith("cannot be changed: the disk is read-only")
    finally:
        remount(disk, "rw")


def test_the_apps_start_on_a_full_disk_opens_the_store_and_prunes_nothing(disk: Path, home: Path) -> None:
    """What the app does before its first window: open the store, forget old conversations."""
    ConversationLog(Store(home)).record("qianniu|王", "zh-ecommerce", "wh", datetime.now(UTC))
    fill(disk)
    store = Store(home)
    assert ReplyService(store, Settings, ConversationLog(store)).prune() == 0
    assert store.books() and leftovers(home) == []
