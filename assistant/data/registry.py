"""Every file that holds the user's data, and what a good copy of each looks like.

One list, so that nothing is forgotten: backups copy and restores put back exactly these
files, the store's fingerprint watches them, a damaged one is found and dealt with the
same way whichever it is, and only their leftover temporaries are swept away. A file
not listed here (the pinyin cache, the logs, the lock) is not the user's data.
docs/data-and-backups.md describes each for the user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from assistant.data.documents import CorruptFile, read_json
from assistant.i18n import tr

#: Why a parsed document is damaged, or None when it is good.
Check = Callable[[Any], str | None]


def _object(document: Any) -> str | None:
    return None if isinstance(document, dict) else tr("not a table document")


def _tables(document: Any) -> str | None:
    """TinyDB's layout: tables by name, each an object of documents by id."""
    if isinstance(document, dict) and all(isinstance(table, dict) for table in document.values()):
        return None
    return tr("not a table document")


def _book(document: Any) -> str | None:
    return _tables(document) or (None if document.get("book") else tr("the book's description is missing"))


def _subscriptions(document: Any) -> str | None:
    if _object(document) or not isinstance(document.get("subscriptions", []), list):
        return tr("not a list of subscriptions")
    return None


@dataclass(frozen=True)
class DataFile:
    """One file, or one kind of file (``pattern`` is a glob for the books), and its check."""

    pattern: str
    check: Check

    def found(self, base: Path) -> list[Path]:
        """What is there under ``base`` (the data folder or a snapshot) by this name,
        relative to it; even what is not a readable file, so that it is found damaged."""
        return sorted(path.relative_to(base) for path in base.glob(self.pattern))

    def matches(self, relative: Path) -> bool:
        pattern = Path(self.pattern)
        return relative.parent == pattern.parent and fnmatchcase(relative.name, pattern.name)


FILES = (
    DataFile("store.json", _object),
    DataFile("usage.json", _tables),
    DataFile("settings.json", _object),
    DataFile("subscriptions.json", _subscriptions),
    DataFile("conversations.json", _tables),
    DataFile("drills.json", _tables),
    DataFile("books/*.json", _book),
)


def data_files(base: Path) -> list[Path]:
    """Every data file under ``base``, relative to it."""
    return [relative for entry in FILES for relative in entry.found(base)]


def registered(relative: str | Path) -> DataFile:
    """The entry for a data file; asking about any other file is a mistake in the code."""
    relative = Path(relative)
    for entry in FILES:
        if entry.matches(relative):
            return entry
    raise ValueError(f"{relative} is not a data file (see assistant.data.registry.FILES)")


def load(path: Path, entry: DataFile) -> Any:
    """The document at ``path``, checked as ``entry`` says; None when there is no file,
    ``CorruptFile`` when it is damaged."""
    document = read_json(path)
    reason = None if document is None else entry.check(document)
    if reason:
        raise CorruptFile(path, reason)
    return document
