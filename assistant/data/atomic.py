"""Atomic file replacement: a reader, or a process killed mid-write, sees the old file
or the new one, never a mix."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TEMP_MARK = ".tmp-"


def temp_path_for(path: Path) -> Path:
    """A sibling temporary name; same folder so the final rename never crosses devices."""
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(path)
    try:
        write_durably(temp, data)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise naming(path, error) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


def naming(path: Path, error: OSError) -> OSError:
    """The same error naming the file being written rather than its temporary, which
    the user never sees (the kind stays: ``OSError(errno.EACCES, …)`` is a ``PermissionError``)."""
    return OSError(error.errno, error.strerror, str(path))


def write_durably(path: Path, data: bytes) -> None:
    """Write ``path`` in full and make it reach the disk before anything is renamed over
    to it: a rename that lands before the content would leave an empty file after a crash."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_files(folder: Path, name: str) -> list[Path]:
    """The temporaries ``temp_path_for`` made for files called ``name`` (a glob) in
    ``folder``: leftovers of a killed writer, or a write in progress."""
    return [path for path in folder.glob(f".{name}{TEMP_MARK}*") if path.is_file()]
