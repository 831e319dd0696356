"""Rolling snapshots of the data folder (putting one back is ``DataFolder.put_back``).

A snapshot is a folder under ``backups/`` holding a copy of every data file
(``assistant.data.registry``). One is
taken before anything that rewrites many phrases (import, restore, deleting a book) and
once a day at start; the newest ``keep`` stay. Snapshots are what a damaged file is
recovered from.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.data.atomic import private_folder
from assistant.data.registry import data_files
from assistant.errors import NotFound, QuickReplyError
from assistant.i18n import tr
from assistant.reasons import system_reason

BACKUP_DIR = "backups"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
PARTIAL_MARK = ".partial-"


class BackupFailed(QuickReplyError):
    """A snapshot could not be made (nothing of it is left behind); ``reason`` says why."""

    def __init__(self, error: OSError):
        self.reason = system_reason(error)
        super().__init__(tr("a backup could not be taken: {reason}", reason=self.reason))


def snapshots(home: Path) -> list[Path]:
    """Snapshots, newest first."""
    folder = home / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted((entry for entry in folder.iterdir() if entry.is_dir() and not entry.name.startswith(".")),
                  key=lambda entry: entry.name, reverse=True)


def snapshot(home: Path, reason: str, keep: int = 10) -> Path | None:
    """Copy the data files into a new snapshot folder; ``None`` when there is nothing to
    keep. Call under the writers' lock.

    The copy is made in a hidden folder and renamed into place, so a snapshot that is
    listed is always complete.
    """
    files = data_files(home)
    if all(path.name == "store.json" for path in files):
        return None
    stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
    folder = home / BACKUP_DIR
    partial = folder / f"{PARTIAL_MARK}{stamp}-{os.getpid()}"
    try:
        for relative in files:
            target = partial / relative
            private_folder(target.parent)
            shutil.copy2(home / relative, target)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)  # a full disk must not also keep half a copy
        raise BackupFailed(error) from error
    final = folder / f"{stamp}-{reason}"
    os.replace(partial, final)
    for old in snapshots(home)[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return final


def remove_partial_snapshots(home: Path) -> None:
    """Delete the half-made snapshots killed writers left. Call under the writers' lock."""
    for leftover in (home / BACKUP_DIR).glob(f"{PARTIAL_MARK}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def newest_age(home: Path) -> timedelta | None:
    existing = snapshots(home)
    if not existing:
        return None
    stamp = existing[0].name.split("-", 1)[0]
    taken = datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC)
    return datetime.now(UTC) - taken


def find_snapshot(home: Path, name: str | None) -> Path:
    """By name (or a unique prefix of it); the newest when ``name`` is None."""
    existing = snapshots(home)
    if not existing:
        raise NotFound(tr("there are no backups yet"))
    if name is None:
        return existing[0]
    matches = [entry for entry in existing if entry.name == name] or [
        entry for entry in existing if entry.name.startswith(name)]
    if len(matches) != 1:
        raise NotFound(tr("no single backup matches {name!r}", name=name))
    return matches[0]
