"""Changing several files all at once or not at all.

A process killed between two renames (or a rename that fails on the third file) would
leave some files old and some new: a restore half done, a subscription without its book.
So a change of several files goes through a journal (``journal.json`` in the data
folder), under the writers' lock:

1. the journal is written saying *prepared*, naming every file and the temporary that
   will hold its new content (or none, for a file to delete);
2. every new content is written in full to its temporary, beside its file;
3. the journal is rewritten saying *committed*: this one atomic rename is the moment the
   change happens;
4. each temporary is renamed over its file (each file deleted), then the journal goes.

``recover`` (run under the lock before anything else reads or writes) finishes what a
killed or failed change left: a *committed* journal is rolled forward (renames
repeated, deletes repeated: both can run twice), a *prepared* one is rolled back (its
temporaries deleted). Either way every file is old, or every file is new.

Paths in the journal are relative to the data folder, or absolute for a file outside
it (a publication, whose revision changes with its book's).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.data.atomic import (
    atomic_write_bytes,
    fsync_directory,
    naming,
    private_folder,
    temp_path_for,
    write_durably,
)

JOURNAL_FILE = "journal.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """One file of a change: its new bytes, or None to delete it."""

    target: Path
    data: bytes | None


def commit(home: Path, changes: list[Change]) -> None:
    """Make every change, all or none (see the module docstring). A failure before the
    commit record leaves every file as it was; one after it is finished by ``recover``."""
    staged = {change.target: temp_path_for(change.target) if change.data is not None else None
              for change in changes}
    _write_journal(home, "prepared", staged)
    try:
        for change in changes:
            if change.data is not None:
                # The data folder's files are private; a publication beside them is not.
                private = change.target.is_relative_to(home)
                if private:
                    private_folder(change.target.parent)
                else:
                    change.target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    write_durably(staged[change.target], change.data, private=private)
                except OSError as error:
                    raise naming(change.target, error) from error
        _write_journal(home, "committed", staged)
    except BaseException:
        _roll_back(home, staged)
        raise
    _roll_forward(home, staged)


def recover(home: Path) -> bool:
    """Finish a change a killed or failed writer left; True when there was one. Call
    under the writers' lock."""
    try:
        document = json.loads((home / JOURNAL_FILE).read_bytes())
        committed = document["state"] == "committed"
        staged = {home / entry["target"]: None if entry["staged"] is None else home / entry["staged"]
                  for entry in document["changes"]}
    except FileNotFoundError:
        return False
    except (ValueError, TypeError, KeyError):
        # Never the case (the journal is replaced atomically) unless edited by hand: the
        # temporaries it named are swept with every other leftover.
        log.warning("an unreadable journal was removed")
        (home / JOURNAL_FILE).unlink()
        return True
    if committed:
        log.info("a change of %d files interrupted after its commit is finished", len(staged))
        _roll_forward(home, staged)
    else:
        log.info("a change of %d files interrupted before its commit is undone", len(staged))
        _roll_back(home, staged)
    return True


def _write_journal(home: Path, state: str, staged: dict[Path, Path | None]) -> None:
    changes = [{"target": _stored(home, target), "staged": None if temp is None else _stored(home, temp)}
               for target, temp in staged.items()]
    atomic_write_bytes(home / JOURNAL_FILE, json.dumps({"state": state, "changes": changes}).encode("utf-8"),
                       private=True)


def _stored(home: Path, path: Path) -> str:
    """Relative to the data folder when inside it, so that a moved folder still recovers."""
    return str(path.relative_to(home)) if path.is_relative_to(home) else str(path)


def _roll_forward(home: Path, staged: dict[Path, Path | None]) -> None:
    """Each temporary over its file (one already renamed is gone: skipped), each file to
    delete deleted; then the journal goes. Safe to repeat from any point."""
    folders = set()
    for target, temp in staged.items():
        if temp is None:
            target.unlink(missing_ok=True)
        elif temp.exists():
            os.replace(temp, target)
        folders.add(target.parent)
    for folder in folders:
        fsync_directory(folder)
    (home / JOURNAL_FILE).unlink(missing_ok=True)


def _roll_back(home: Path, staged: dict[Path, Path | None]) -> None:
    """Delete the temporaries, then the journal; best effort, as it runs after a failure
    (a temporary left behind is swept later, being a temporary)."""
    for temp in staged.values():
        if temp is not None:
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                log.warning("could not delete %s", temp)
    try:
        (home / JOURNAL_FILE).unlink(missing_ok=True)
    except OSError:
        log.warning("could not delete the journal")
