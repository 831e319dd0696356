"""Atomic file replacement: a reader, or a process killed mid-write, sees the old file
or the new one, never a mix. A private file (the data folder's) is readable by its
owner only from the moment it exists (POSIX; on Windows the folder's ACL decides)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import BinaryIO

TEMP_MARK = ".tmp-"
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def temp_path_for(path: Path) -> Path:
    """A sibling temporary name; same folder so the final rename never crosses devices."""
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    """``private``: the data folder's files (0600); other files (exports, publications
    for the team) get the usual mode."""
    if private:
        private_folder(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(path)
    try:
        write_durably(temp, data, private=private)
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


def write_durably(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``path`` (a new file; ``private``: 0600) in full and make it reach the disk
    before anything is renamed over to it: a rename that lands before the content would
    leave an empty file after a crash."""
    with _create(path, private) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8", *, private: bool = False) -> None:
    atomic_write_bytes(path, text.encode(encoding), private=private)


def private_folder(folder: Path) -> None:
    """Make ``folder`` and any missing parent, each 0700 (``mkdir(parents=True)`` gives
    the parents the usual mode)."""
    if folder.is_dir():
        return
    private_folder(folder.parent)
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, exist_ok=True)


def _create(temp: Path, private: bool) -> BinaryIO:
    if not private:
        return open(temp, "wb")
    return os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                             PRIVATE_FILE_MODE), "wb")


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
