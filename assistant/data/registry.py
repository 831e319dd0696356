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
from assistant.i18n import N_, tr
from assistant.phrases.model import ORIGINS

#: Why a parsed document is damaged, or None when it is good.
Check = Callable[[Any], str | None]


#: A record's fields: name → (the JSON type it must have, whether it must be there). A
#: key not listed is one a newer version added: allowed.
Fields = dict[str, tuple[type, bool]]

_STORE: Fields = {"schema": (int, True)}
_SETTINGS: Fields = {"version": (int, False)}
_USE: Fields = {"book": (str, True), "phrase": (str, True), "count": (int, True), "last": (str, True)}
_BOOK: Fields = {"id": (str, True), "name": (str, True), "language": (str, False), "description": (str, False),
                 "author": (str, False), "revision": (int, False), "origin": (str, False), "read_only": (bool, False)}
_PHRASE: Fields = {"id": (str, True), "text": (str, True), "title": (str, False), "group": (str, False),
                   "code": (str, False), "hotkey": (str, False), "tags": (list, False),
                   "separate_messages": (bool, False), "created": (str, False), "updated": (str, False),
                   "position": (int, False)}


def _record(record: Any, fields: Fields, what: Callable[[], str]) -> str | None:
    """What is wrong with one record (``what()`` names it in the message, made only
    then: a book has thousands of good records), or None. The store's code indexes these
    fields without asking, so a wrong one is damage."""
    if not isinstance(record, dict):
        return tr("{what} is not a JSON object", what=what())
    for name, (kind, required) in fields.items():
        if name not in record:
            if required:
                return tr("{what} has no {field!r}", what=what(), field=name)
            continue
        value = record[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            return tr("{what} has a bad {field!r}: {value!r}", what=what(), field=name, value=value)
    return None


def _object(document: Any) -> str | None:
    return None if isinstance(document, dict) else tr("not a table document")


def _versioned(fields: Fields) -> Check:
    """An object whose version fields are counted from 1."""
    def check(document: Any) -> str | None:
        problem = _record(document, fields, lambda: tr("the file"))
        if problem:
            return problem
        return next((tr("{what} has a bad {field!r}: {value!r}", what=tr("the file"), field=name, value=document[name])
                     for name in fields if name in document and document[name] < 1), None)
    return check


def _tables(document: Any) -> str | None:
    """TinyDB's layout: tables by name, each an object of documents by id."""
    if isinstance(document, dict) and all(isinstance(table, dict) for table in document.values()):
        return None
    return tr("not a table document")


def _table(document: dict, name: str, fields: Fields, what: str) -> str | None:
    """The first wrong record of one table; ``what`` names a record, given its id."""
    for key, record in document.get(name, {}).items():
        problem = _record(record, fields, lambda key=key: tr(what, id=key))
        if problem:
            return problem
    return None


def _usage(document: Any) -> str | None:
    return _tables(document) or _table(document, "usage", _USE, N_("use count {id}"))


def _book(document: Any) -> str | None:
    problem = _tables(document) or (None if document.get("book") else tr("the book's description is missing"))
    problem = problem or _table(document, "book", _BOOK, N_("the book's description")) or _table(
        document, "phrases", _PHRASE, N_("phrase {id}"))
    if problem:
        return problem
    origin = next(iter(document["book"].values())).get("origin", ORIGINS[0])
    if origin not in ORIGINS:
        return tr("{what} has a bad {field!r}: {value!r}", what=tr("the book's description"), field="origin",
                  value=origin)
    for key, record in document.get("phrases", {}).items():
        if not all(isinstance(tag, str) for tag in record.get("tags", [])):
            return tr("{what} has a bad {field!r}: {value!r}", what=tr("phrase {id}", id=key), field="tags",
                      value=record["tags"])
    return None


def _subscriptions(document: Any) -> str | None:
    if _object(document) or not isinstance(document.get("subscriptions", []), list):
        return tr("not a list of subscriptions")
    return None


def _seen_revisions(document: Any) -> str | None:
    """Each source: the upstream book's id and the highest revision applied from it."""
    sources = document.get("sources", {}) if isinstance(document, dict) else None
    if not isinstance(sources, dict) or not all(
            isinstance(entry, dict) and isinstance(entry.get("book"), str)
            and type(entry.get("revision")) is int for entry in sources.values()):
        return tr("not a list of revisions")
    return None


def _choices(document: Any) -> str | None:
    """What the agent sent after which words (assistant.suggestions.feedback): digests of
    words, each with phrase keys and counts."""
    choices = document.get("choices") if isinstance(document, dict) else None
    if not isinstance(choices, dict) or not all(
            isinstance(chosen, dict) and all(isinstance(key, str) and type(times) is int and times > 0
                                             for key, times in chosen.items())
            for chosen in choices.values()):
        return tr("not a table of choices")
    return None


@dataclass(frozen=True)
class DataFile:
    """One file, or one kind of file (``pattern`` is a glob for the books), and its check.
    A file that is not ``restored`` is backed up (a damaged one is recovered from the
    backups) but a restore leaves it as it is: it records what no restore may undo. A
    damaged file is kept in ``quarantine/`` unless not ``kept_damaged``: one that may hold
    what must not outlive it there (buyers' names an older version wrote) is removed."""

    pattern: str
    check: Check
    restored: bool = True
    kept_damaged: bool = True

    def found(self, base: Path) -> list[Path]:
        """What is there under ``base`` (the data folder or a snapshot) by this name,
        relative to it; even what is not a readable file, so that it is found damaged."""
        return sorted(path.relative_to(base) for path in base.glob(self.pattern))

    def matches(self, relative: Path) -> bool:
        pattern = Path(self.pattern)
        return relative.parent == pattern.parent and fnmatchcase(relative.name, pattern.name)


FILES = (
    DataFile("store.json", _versioned(_STORE)),
    DataFile("usage.json", _usage),
    DataFile("settings.json", _versioned(_SETTINGS)),
    DataFile("subscriptions.json", _subscriptions),
    # The highest revision applied from each source: after a restore, an older signed
    # file replayed by a source must still be refused (assistant.team.subscriptions).
    DataFile("seen-revisions.json", _seen_revisions, restored=False),
    DataFile("conversations.json", _tables, kept_damaged=False),
    DataFile("drills.json", _tables),
    DataFile("suggestions.json", _choices),
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
