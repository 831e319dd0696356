"""The data folder's one owner: its place, its one writers' lock, its files (the
registry), what happens to a damaged one, and writes that change several at once.

Everything that keeps data there (the store, the conversation log, the drill history,
the subscriptions, the settings) goes through a ``DataFolder``, so that:

- **Writers take turns.** Every data file is replaced only under the lock
  (``store.lock``), within a process (re-entrant) and across processes (the tray app and
  a ``quickreply`` in a terminal). A killed writer's leftover temporaries are swept away
  under the same lock, so a write in progress is never mistaken for a leftover.
- **Damage is dealt with one way, for every file.** A file that cannot be read as what
  its owner writes is moved to ``quarantine/`` (never deleted) and the newest backup
  holding a good copy takes its place; when none does, the file starts empty (the
  settings their defaults, the drill history with no drill...). One notice says which.
  The store does this for every file when it opens; an owner opening its file later
  (the drill window, the settings) does it for that file.
- **Looking never moves a file**: ``look`` only reads (the statistics must be able to
  show a damaged file as an error without touching it).
- **Private to the user**: the folder is 0700 and every file in it 0600 on POSIX (a
  folder an older version left open is closed when opened); on Windows the folder is in
  the user's profile, whose ACL already keeps other users out.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from assistant.data import journal
from assistant.data.atomic import (
    PRIVATE_FILE_MODE,
    PRIVATE_FOLDER_MODE,
    atomic_write_bytes,
    atomic_write_text,
    temp_files,
)
from assistant.data.backups import remove_partial_snapshots, snapshots
from assistant.data.documents import CorruptFile, Signature, dump_json, parse_json, remove_damaged, set_aside, signature
from assistant.data.registry import FILES, DataFile, data_files, load, registered
from assistant.errors import QuickReplyError
from assistant.i18n import tr
from assistant.reasons import system_reason

LOCK_FILE = "store.lock"
#: What QuickReply keeps in the data folder besides the data files (docs/data-and-backups.md).
OWN_FOLDERS = ("books", "backups", "quarantine", "cache", "logs")
#: The salt of the buyers' digests in the conversation log (assistant.replies.conversations).
SALT_FILE = "conversations.salt"
OWN_FILES = (LOCK_FILE, SALT_FILE, "windows.ini", "instance.lock")
LOCK_TIMEOUT_SECONDS = 15

log = logging.getLogger(__name__)


class Unwritable(QuickReplyError):
    """The data folder cannot be changed at all (a read-only disk or folder): reading
    it still works."""

    def __init__(self, home: Path, error: OSError):
        super().__init__(tr("the data folder {home} cannot be changed: {reason}", home=home,
                            reason=system_reason(error)))


class DataFolder:
    """The folder at ``home`` (created if missing); see the module docstring."""

    def __init__(self, home: Path):
        self.home = home.resolve()
        self.home.parent.mkdir(parents=True, exist_ok=True)
        self.home.mkdir(mode=PRIVATE_FOLDER_MODE, exist_ok=True)
        make_private(self.home)
        # One lock object per folder in a process (is_singleton), so that the store and
        # the other files' owners nest without waiting on themselves.
        self._lock = FileLock(str(self.home / LOCK_FILE), timeout=LOCK_TIMEOUT_SECONDS, mode=PRIVATE_FILE_MODE,
                              is_singleton=True)

    def path(self, relative: str | Path) -> Path:
        return self.home / relative

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writers' lock; another process writing for too long is a clear
        error, not a hang, and a folder where the lock cannot even be made (read-only)
        is ``Unwritable``."""
        try:
            self._lock.acquire()
        except Timeout as error:
            raise QuickReplyError(tr("the phrase store is busy (another QuickReply is writing); try again")) from error
        except OSError as error:
            raise Unwritable(self.home, error) from error
        try:
            yield
        finally:
            self._lock.release()

    def outside(self, path: Path) -> Path:
        """``path``, refused when inside the data folder: a file written there by an
        export or a publication would replace a data file behind its owner's back."""
        if path.resolve().is_relative_to(self.home):
            raise QuickReplyError(tr("{path} is inside the data folder {home}; choose a place outside it",
                                     path=path, home=self.home))
        return path

    def salt(self) -> bytes:
        """This folder's secret salt for keyed digests of what must not be kept readable
        (buyers' names, the words of their messages): random, made on first use, private,
        never backed up, so the digests mean nothing outside this folder."""
        path = self.path(SALT_FILE)
        try:
            salt = bytes.fromhex(path.read_text("ascii").strip())
            if len(salt) >= 16:
                return salt
        except (FileNotFoundError, ValueError):
            pass
        salt = secrets.token_bytes(32)
        atomic_write_text(path, salt.hex(), private=True)
        return salt

    def files(self) -> list[Path]:
        """Every data file there is, relative to ``home``."""
        return data_files(self.home)

    # -- reading ----------------------------------------------------------------------

    def look(self, relative: str | Path) -> Any:
        """A data file's document; None when there is none, ``CorruptFile`` when it is
        damaged. Only reads."""
        return load(self.path(relative), registered(relative))

    def read(self, relative: str | Path, notices: list[str] | None = None) -> Any:
        """A data file's document, to use: a damaged file is first dealt with (see the
        module docstring) and the notice saying how joins ``notices``. A file that cannot
        be read at all (another program holds it) is an error, not damage."""
        try:
            return self.look(relative)
        except CorruptFile:
            with self.locked():
                notice = self._repair(Path(relative))
            if notice and notices is not None:
                notices.append(notice)
            return self.look(relative)

    def repair(self, good: dict[Path, tuple[Signature, Any]] | None = None) -> list[str]:
        """Deal with every damaged data file; one notice for each. ``good`` receives each
        file found good: the version read (its signature before the read) and its document,
        which its owner may take instead of reading the file again."""
        with self.locked():
            return [notice for relative in self.files() if (notice := self._repair(relative, good))]

    def _repair(self, relative: Path, good: dict[Path, tuple[Signature, Any]] | None = None) -> str | None:
        """Under the lock, so that two processes finding the same damage repair it once."""
        entry = registered(relative)
        try:
            version = signature(self.path(relative))
            document = load(self.path(relative), entry)
            if good is not None and version is not None and document is not None:
                good[relative] = (version, document)
            return None
        except (CorruptFile, OSError):
            kept = set_aside(self.home, self.path(relative)) if entry.kept_damaged else None
            if kept is None:
                remove_damaged(self.path(relative))
        backup = self._put_back_from_backup(relative, entry)
        if kept is None:
            notice = (tr("{file} was damaged and is removed (it may have held buyers' names); "
                         "no backup had a good copy", file=relative) if backup is None else
                      tr("{file} was damaged and is removed (it may have held buyers' names); "
                         "restored from the backup of {backup}", file=relative, backup=backup))
        elif backup is None:
            notice = tr("{file} was damaged and is kept at {kept}; no backup had a good copy", file=relative, kept=kept)
        else:
            notice = tr("{file} was damaged and is kept at {kept}; restored from the backup of {backup}",
                        file=relative, kept=kept, backup=backup)
        log.warning("%s", notice)
        return notice

    def _put_back_from_backup(self, relative: Path, entry: DataFile) -> str | None:
        """The name of the newest snapshot holding a good copy, now put back; None when none does."""
        for snapshot in snapshots(self.home):
            candidate = snapshot / relative
            try:
                if candidate.is_file():
                    load(candidate, entry)
                    atomic_write_bytes(self.path(relative), candidate.read_bytes(), private=True)
                    return snapshot.name
            except (CorruptFile, OSError):
                continue
        return None

    # -- writing ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Read, change and write back data files under the lock; what the block wrote
        reaches the disk only when it ends without an error, every file or none."""
        with self.locked():
            journal.recover(self.home)
            change = Transaction(self)
            yield change
            change.commit()

    def put_back(self, snapshot: Path) -> None:
        """Make the data files what ``snapshot`` holds, every file at once: books it
        lacks are deleted; a file it lacks, or one never restored, stays as it is. Take a snapshot of
        the current state first, so that nothing is lost."""
        with self.transaction() as change:
            # A file the registry says is never restored (the revisions seen) stays as it is.
            wanted = {relative for relative in data_files(snapshot) if registered(relative).restored}
            for relative in self.files():
                if relative not in wanted and relative.parts[0] == "books":
                    change.delete(relative)
            for relative in sorted(wanted):
                change.write_bytes(relative, (snapshot / relative).read_bytes())

    def recover(self) -> None:
        """Finish or undo a change of several files a killed writer left (the journal),
        then delete the temporaries and partial backups killed writers left. Only the
        data files' and the backups': their writers hold the lock while one exists, so
        under the lock none is a write in progress (the pinyin cache's writer takes no
        lock)."""
        with self.locked():
            journal.recover(self.home)
            for entry in FILES:
                pattern = Path(entry.pattern)
                for leftover in temp_files(self.path(pattern.parent), pattern.name):
                    leftover.unlink(missing_ok=True)
            remove_partial_snapshots(self.home)


def make_private(home: Path) -> None:
    """On POSIX, a data folder others may enter becomes 0700, and what QuickReply keeps
    in it 0600/0700 (written by an older version, or copied in); nothing else in it is
    touched (QUICKREPLY_HOME may be any folder). Only the folder's own mode is looked at
    on every start: walking the backups each time would cost the start."""
    if os.name != "posix" or home.stat().st_mode & 0o077 == 0:
        return
    paths = [home / name for name in OWN_FILES] + [home / relative for relative in data_files(home)]
    for name in OWN_FOLDERS:
        for folder, _folders, files in os.walk(home / name):
            paths.append(Path(folder))
            paths += [Path(folder) / file for file in files]
    for path in paths:
        if path.exists() and not path.is_symlink():
            os.chmod(path, PRIVATE_FOLDER_MODE if path.is_dir() else PRIVATE_FILE_MODE)
    os.chmod(home, PRIVATE_FOLDER_MODE)


class Transaction:
    """The files one ``DataFolder.transaction`` reads and writes: they change together
    when it ends (``assistant.data.journal``), or not at all."""

    def __init__(self, folder: DataFolder):
        self._folder = folder
        self._documents: dict[Path, Any] = {}
        self._changes: dict[Path, bytes | None] = {}

    def read(self, relative: str | Path) -> Any:
        """As this transaction wrote it, else as on disk (``CorruptFile`` when damaged:
        a file damaged since it was opened stops the change rather than be overwritten)."""
        relative = Path(relative)
        if relative in self._documents:
            return self._documents[relative]
        data = self._changes.get(self._folder.path(relative))
        return self._folder.look(relative) if data is None else parse_json(self._folder.path(relative), data)

    def write(self, relative: str | Path, document: Any) -> None:
        """The document as it is now (later changes to it are not written)."""
        self.write_bytes(relative, dump_json(document))
        self._documents[Path(relative)] = document

    def write_bytes(self, relative: str | Path, data: bytes) -> None:
        """A data file's exact bytes (a restore puts back what a backup holds)."""
        registered(relative)
        self._documents.pop(Path(relative), None)
        self._changes[self._folder.path(relative)] = data

    def delete(self, relative: str | Path) -> None:
        registered(relative)
        self._documents[Path(relative)] = None
        self._changes[self._folder.path(relative)] = None

    def write_outside(self, path: Path, data: bytes) -> None:
        """A file outside the data folder that must change with its data files (a
        publication and the revision its book records)."""
        self._changes[path.resolve()] = data

    def commit(self) -> None:
        """One file is replaced atomically on its own; several go through the journal."""
        if len(self._changes) == 1:
            [(target, data)] = self._changes.items()
            if data is None:
                target.unlink(missing_ok=True)
            else:
                atomic_write_bytes(target, data, private=target.is_relative_to(self._folder.home))
        elif self._changes:
            journal.commit(self._folder.home, [journal.Change(target, data) for target, data in self._changes.items()])
