"""The one storage layer under every data file: JSON documents written atomically,
read through a cache that notices when another process replaced the file.

TinyDB's own JSONStorage writes in place (a crash mid-write leaves half a file) and
re-parses on every read; ``AtomicJSONStorage`` fixes both and is what every TinyDB in
the app sits on. Writers hold the writers' lock (``assistant.data.folder``); readers need no
lock because a file is only ever swapped whole.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from assistant.data.atomic import atomic_write_bytes
from assistant.data.bounded_json import parse_numbers
from assistant.errors import QuickReplyError
from assistant.i18n import tr

QUARANTINE_DIR = "quarantine"
QUARANTINE_STAMP = "%Y%m%dT%H%M%S%fZ"  # as backups.STAMP_FORMAT: sorts by time


class CorruptFile(QuickReplyError):
    """A store file that exists but cannot be parsed."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(tr("{path} is damaged: {reason}", path=path, reason=reason))


def set_aside(home: Path, path: Path) -> Path:
    """Move a damaged file into ``home/quarantine`` (never deleted: the user may want
    what is left in it) under a time-stamped name; returns where it went."""
    stamp = datetime.now(UTC).strftime(QUARANTINE_STAMP)
    kept = home / QUARANTINE_DIR / f"{path.name}.{stamp}"
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(path, kept)
    return kept


def remove_damaged(path: Path) -> None:
    """Remove a damaged file (or whatever stands in its place) not to be kept."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


#: What tells one version of a file from another: its mtime, ctime, size and inode.
Signature = tuple[int, int, int, int]


def signature(path: Path) -> Signature | None:
    """``path``'s ``Signature``; None when there is no file."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)


def read_json(path: Path) -> Any:
    """Parse a store file; ``None`` when it does not exist, ``CorruptFile`` when broken."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return parse_json(path, data)


#: The largest integer a data file holds: 64 bits (a file's time in nanoseconds, kept to
#: notice a changed source, needs more than the 2^53 a JSON number holds exactly).
MAX_INT = 2**63 - 1


def parse_json(path: Path, data: bytes) -> Any:
    """``data``, the content of ``path``, parsed; ``CorruptFile`` when broken, a number
    out of 64 bits, NaN or Infinity included (see ``bounded_json.parse_numbers``)."""
    try:
        return parse_numbers(data.decode("utf-8"), MAX_INT)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise CorruptFile(path, str(error)) from error


def dump_json(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_json(path: Path, document: Any) -> None:
    atomic_write_bytes(path, dump_json(document), private=True)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic writes and a stat-checked read cache."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._cache: dict | None = None
        self._cached_signature: Signature | None = None

    def read(self) -> dict | None:
        current = signature(self.path)
        if current is None:
            return None
        if current != self._cached_signature:
            document = read_json(self.path)
            if document is not None and not isinstance(document, dict):
                raise CorruptFile(self.path, tr("not a table document"))
            self._cache, self._cached_signature = document, current
        return self._cache

    @property
    def version(self) -> Signature | None:
        """The signature the file had when the document held was read (None: none held)."""
        return self._cached_signature

    def adopt(self, version: Signature, document: dict) -> None:
        """Take ``document``, already read from the file when it had the signature
        ``version`` (and checked, when the store opened), as this version's content: a book
        of 50,000 phrases is then parsed once, not twice. A file changed since is read again."""
        self._cache, self._cached_signature = document, version

    def write(self, data: dict) -> None:
        # TinyDB mutates the dict returned by read() before writing it back; if the
        # write fails, that cached dict no longer matches the disk, so forget it.
        self._cached_signature = None
        write_json(self.path, data)
        self._cache, self._cached_signature = data, signature(self.path)

    def close(self) -> None:
        self._cache = None
        self._cached_signature = None
