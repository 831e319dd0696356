"""The phrase store: books, phrases and the user's use counts on disk.

Its files in the data folder (``assistant.data.folder``, which the store opens and
repairs for everyone)::

    store.json          schema version
    books/<id>.json     one TinyDB file per book (tables "book" and "phrases")
    usage.json          use counts and last use, per book and phrase

Every write happens under the folder's writers' lock and replaces a file atomically,
so the running app and a CLI import can write at the same time without losing either
change, and a process killed at any instant leaves the old or the new state. Reads take
no lock and always see the newest file, so one process picks up another's changes.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field, replace
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from assistant.bulk import building
from assistant.data import backups
from assistant.data.documents import AtomicJSONStorage, Signature, read_json, write_json
from assistant.data.folder import DataFolder, Transaction, Unwritable
from assistant.data.paths import data_dir
from assistant.errors import NotFound, QuickReplyError
from assistant.formats import ImportedBook, write_phrasebook
from assistant.formats import native as native_format
from assistant.formats.limits import check_size
from assistant.i18n import tr
from assistant.phrases.merge import MergeResult, Policy, merge, mirror
from assistant.phrases.model import Phrase, Phrasebook, new_id
from assistant.timestamps import now_stamp

SCHEMA_VERSION = 1
USAGE_FILE = "usage.json"
#: Upgrade steps: MIGRATIONS[n] turns a store of schema n into schema n + 1 in place.
MIGRATIONS: dict[int, Callable[[Path], None]] = {}
DAILY_BACKUP = timedelta(days=1)

_BOOK_FIELDS = ("id", "name", "language", "description", "author", "revision", "origin", "read_only")
_STORED_PHRASE_FIELDS = ("id", "title", "text", "group", "code", "hotkey", "tags", "separate_messages",
                         "created", "updated")


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    book: Phrasebook
    created_book: bool
    merge: MergeResult
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    backup: str | None = None


class Store:
    """Open the data folder, repairing what it can; see the module docstring. ``folder``
    is the data folder, for the other files' owners; ``notices`` says what was repaired."""

    def __init__(self, home: Path | None = None, *, seed: bool = True):
        self.folder = DataFolder(home or data_dir())
        self.home = self.folder.home
        self.notices: list[str] = []
        self._books: dict[str, TinyDB] = {}
        self._usage = TinyDB(self.home / USAGE_FILE, storage=AtomicJSONStorage)
        try:
            with self.locked(), building():  # checking every file parses them all
                self._open(seed)
        except Unwritable as error:
            if not self.folder.files():
                raise
            # A read-only folder still shows what it holds; any change says why it cannot.
            self.notices.append(str(error))

    def _open(self, seed: bool) -> None:
        """Under the lock: finish what a killed writer left, then seed a new folder, or
        repair, upgrade and back up an existing one."""
        self.folder.recover()
        if not self.folder.files():
            write_json(self.home / "store.json", {"schema": SCHEMA_VERSION})
            if seed:
                self._seed_shipped_books()
        else:
            good: dict[Path, tuple[Signature, Any]] = {}
            self.notices += self.folder.repair(good)
            self._adopt(good)
            self._upgrade()
            self._daily_backup()

    def _adopt(self, good: dict[Path, tuple[Signature, Any]]) -> None:
        """Give the books and the use counts the documents the repair read and checked."""
        storages = {Path(_book_file(book_id)): self._db(book_id).storage for book_id in self._book_ids()}
        storages[Path(USAGE_FILE)] = self._usage.storage
        for relative, (version, document) in good.items():
            if relative in storages:
                storages[relative].adopt(version, document)

    # -- locking, files -------------------------------------------------------------

    def locked(self) -> AbstractContextManager[None]:
        """Hold the data folder's writers' lock (re-entrant within this process)."""
        return self.folder.locked()

    def _book_path(self, book_id: str) -> Path:
        return self.home / _book_file(book_id)

    def _db(self, book_id: str) -> TinyDB:
        if book_id not in self._books:
            self._books[book_id] = TinyDB(self._book_path(book_id), storage=AtomicJSONStorage)
        return self._books[book_id]

    def _book_ids(self) -> list[str]:
        folder = self.home / "books"
        return sorted(path.stem for path in folder.glob("*.json")) if folder.is_dir() else []

    def fingerprint(self) -> tuple:
        """Changes whenever any book or the use counts change, in any process."""
        entries = []
        for relative in self.folder.files():
            status = (self.home / relative).stat()
            entries.append((str(relative), status.st_mtime_ns, status.st_size, status.st_ino))
        return tuple(entries)

    # -- books ----------------------------------------------------------------------

    def books(self) -> list[Phrasebook]:
        found = []
        for book_id in self._book_ids():
            documents = self._db(book_id).table("book").all()
            if documents:
                found.append(Phrasebook(**{key: documents[0][key] for key in _BOOK_FIELDS if key in documents[0]}))
        return sorted(found, key=lambda book: (book.origin != "local", book.name.casefold()))

    def book(self, ref: str) -> Phrasebook:
        """A book by id or by name (case-insensitive)."""
        books = self.books()
        for matches in (
            [book for book in books if book.id == ref],
            [book for book in books if book.name == ref],
            [book for book in books if book.name.casefold() == ref.casefold()],
        ):
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise NotFound(tr("several books are called {name!r}; use the book id", name=ref))
        raise NotFound(tr("no book called {name!r} (see: quickreply books)", name=ref))

    def create_book(self, book: Phrasebook, phrases: list[Phrase] | None = None) -> Phrasebook:
        with self.locked():
            if self._book_path(book.id).exists():
                raise QuickReplyError(tr("a book with id {id!r} already exists", id=book.id))
            self._write_book(book, phrases or [])
        return book

    def update_book(self, book: Phrasebook, change: Transaction | None = None) -> None:
        """Write the book's description; with ``change``, as part of that transaction."""
        with self.locked():
            self._require_writable(book.id)
            self._write_book(book, self.phrases(book.id, with_usage=False), change)

    def delete_book(self, book_id: str, change: Transaction | None = None) -> None:
        """Delete a book (a backup is taken first); with ``change``, as part of that
        transaction."""
        with self.locked():
            self.book(book_id)
            self.backup("before-delete")
            self._forget_book(book_id)
            if change is None:
                self._book_path(book_id).unlink()
            else:
                change.delete(_book_file(book_id))

    def _forget_book(self, book_id: str) -> None:
        """Close the book's database: its file is about to go or be replaced."""
        database = self._books.pop(book_id, None)
        if database is not None:
            database.close()

    def _require_writable(self, book_id: str) -> Phrasebook:
        book = self.book(book_id)
        if book.read_only:
            raise QuickReplyError(tr("the book {name!r} is read-only (subscribed)", name=book.name))
        return book

    def _write_book(self, book: Phrasebook, phrases: list[Phrase], change: Transaction | None = None) -> None:
        """Replace a whole book file in one atomic write, or as part of ``change``."""
        document = {
            "book": {"1": asdict(book)},
            "phrases": {str(index): _phrase_document(phrase, index) for index, phrase in enumerate(phrases, 1)},
        }
        database = self._db(book.id)
        if change is None:
            database.storage.write(document)
        else:
            change.write(_book_file(book.id), document)
        database.clear_cache()

    # -- phrases --------------------------------------------------------------------

    def phrases(self, book_id: str | None = None, group: str | None = None, *,
                with_usage: bool = True) -> list[Phrase]:
        """Phrases in book order; all books when ``book_id`` is None."""
        with building():
            return self._phrases(book_id, group, with_usage)

    def _phrases(self, book_id: str | None, group: str | None, with_usage: bool) -> list[Phrase]:
        usage = self.use_counts() if with_usage else {}
        found: list[Phrase] = []
        for current in [book_id] if book_id else self._book_ids():
            if not self._book_path(current).exists():
                raise NotFound(tr("no book with id {id!r}", id=current))
            # The table as stored, not TinyDB's copy of each document: 50,000 of them add up.
            table = (self._db(current).storage.read() or {}).get("phrases") or {}
            documents = sorted(table.values(), key=lambda doc: doc.get("position", 0))
            for document in documents:
                if group is not None and document.get("group", "") != group:
                    continue
                count, last = usage.get((current, document["id"]), (0, ""))
                found.append(_phrase_from_document(document, current, count, last))
        return found

    def book_versions(self) -> dict[str, Signature | None]:
        """Each book's file version (its signature when read) that ``phrases`` now come
        from: what a copy of something derived from them says it was made from."""
        versions = {}
        for book_id in self._book_ids():
            storage = self._db(book_id).storage
            storage.read()
            versions[book_id] = storage.version
        return versions

    def phrase_finder(self, usage: dict[tuple[str, str], tuple[int, str]]) -> Callable[[tuple[str, str]], Phrase]:
        """A phrase by (book, id), made only when asked for, with its ``usage`` (from
        ``use_counts``): a search shows ten of 50,000, and making them all takes 0.17 s.
        ``KeyError`` for one not there."""
        by_book: dict[str, dict[str, dict]] = {}

        def find(key: tuple[str, str]) -> Phrase:
            book_id, phrase_id = key
            documents = by_book.get(book_id)
            if documents is None:
                if not self._book_path(book_id).exists():
                    raise KeyError(key)
                table = (self._db(book_id).storage.read() or {}).get("phrases") or {}
                documents = by_book[book_id] = {document["id"]: document for document in table.values()}
            count, last = usage.get(key, (0, ""))
            return _phrase_from_document(documents[phrase_id], book_id, count, last)

        return find

    def phrase_count(self, book_id: str) -> int:
        """How many phrases the book holds, without making them (50,000 take 0.2 s)."""
        if not self._book_path(book_id).exists():
            raise NotFound(tr("no book with id {id!r}", id=book_id))
        return len((self._db(book_id).storage.read() or {}).get("phrases") or {})

    def phrase(self, book_id: str, phrase_id: str) -> Phrase:
        for phrase in self.phrases(book_id):
            if phrase.id == phrase_id:
                return phrase
        raise NotFound(tr("no phrase with id {id!r}", id=phrase_id))

    def add_phrase(self, book_id: str, phrase: Phrase, index: int | None = None) -> Phrase:
        """Add at the end, or at ``index`` in book order (undoing a delete puts it back)."""
        with self.locked():
            book = self._require_writable(book_id)
            self._check_code_free(book_id, phrase)
            if index is None:
                table = self._db(book_id).table("phrases")
                position = max((doc.get("position", 0) for doc in table.all()), default=0) + 1
                table.insert(_phrase_document(phrase, position))
            else:
                phrases = self.phrases(book_id, with_usage=False)
                phrases.insert(max(0, min(index, len(phrases))), phrase)
                self._write_book(book, phrases)
        return replace(phrase, book_id=book_id)

    def reorder_phrases(self, book_id: str, phrase_ids: list[str]) -> None:
        """Put the named phrases in this order; any not named keep their place after them."""
        with self.locked():
            book = self._require_writable(book_id)
            phrases = self.phrases(book_id, with_usage=False)
            rank = {phrase_id: number for number, phrase_id in enumerate(phrase_ids)}
            ordered = sorted(phrases, key=lambda phrase: rank.get(phrase.id, len(rank)))
            self._write_book(book, ordered)

    def move_phrases(self, book_id: str, phrase_ids: list[str], group: str) -> None:
        """Move phrases to another group of the same book in one write."""
        with self.locked():
            book = self._require_writable(book_id)
            moving = set(phrase_ids)
            phrases = [phrase.with_changes(group=group) if phrase.id in moving else phrase
                       for phrase in self.phrases(book_id, with_usage=False)]
            self._write_book(book, phrases)

    def update_phrase(self, book_id: str, phrase: Phrase) -> None:
        with self.locked():
            self._require_writable(book_id)
            self._check_code_free(book_id, phrase)
            table = self._db(book_id).table("phrases")
            stored = table.get(Query().id == phrase.id)
            if stored is None:
                raise NotFound(tr("no phrase with id {id!r}", id=phrase.id))
            table.update(_phrase_document(phrase, stored.get("position", 0)), doc_ids=[stored.doc_id])

    def delete_phrase(self, book_id: str, phrase_id: str) -> None:
        with self.locked():
            self._require_writable(book_id)
            removed = self._db(book_id).table("phrases").remove(Query().id == phrase_id)
            if not removed:
                raise NotFound(tr("no phrase with id {id!r}", id=phrase_id))

    def _check_code_free(self, book_id: str, phrase: Phrase) -> None:
        if not phrase.code:
            return
        for other in self.phrases(book_id, with_usage=False):
            if other.code == phrase.code and other.id != phrase.id:
                raise QuickReplyError(tr("short code {code!r} is already used by {title!r}",
                                         code=phrase.code, title=other.title))

    # -- use counts -----------------------------------------------------------------

    def use_counts(self) -> dict[tuple[str, str], tuple[int, str]]:
        """(book, phrase) → (times used, last use) of every phrase used."""
        return {(doc["book"], doc["phrase"]): (doc["count"], doc["last"]) for doc in self._usage.table("usage").all()}

    def record_use(self, book_id: str, phrase_id: str, when: str | None = None) -> None:
        """Count one insertion. Only ids and the time are kept, never any text."""
        when = when or now_stamp()
        entry = Query()
        with self.locked():
            table = self._usage.table("usage")
            match = (entry.book == book_id) & (entry.phrase == phrase_id)
            current = table.get(match)
            count = (current["count"] if current else 0) + 1
            table.upsert({"book": book_id, "phrase": phrase_id, "count": count, "last": when}, match)

    # -- import / export ------------------------------------------------------------

    def import_book(self, imported: ImportedBook, *, book: str | None = None, default_name: str = "",
                    policy: Policy = "skip", dry_run: bool = False,
                    before_write: Callable[[], None] | None = None) -> ImportReport:
        """Merge a file's phrases into a book in one atomic write (or just report, for a
        dry run). The target is ``book`` (id or name; created if new), else the book the
        file names, else a book called ``default_name``. ``before_write`` is called just
        before the backup and the write; an exception from it (the manager's Cancel)
        stops the import with nothing written."""
        with self.locked():
            target, created = self._import_target(imported, book, default_name)
            if not created:
                self._require_writable(target.id)
            existing = [] if created else self.phrases(target.id, with_usage=False)
            result = merge(existing, imported.phrases, imported.locations, policy, imported.absent_fields)
            check_size(len(result.phrases), sum(len(phrase.text) for phrase in result.phrases), target.name)
            report = ImportReport(target, created, result, list(imported.warnings), dry_run)
            if dry_run or not (result.changed or created):
                return report
            if before_write:
                before_write()
            snapshot = self.backup("before-import")
            report.backup = snapshot.name if snapshot else None
            if not created:
                target = replace(target, revision=target.revision + 1)
                report.book = target
            self._write_book(target, result.phrases)
            return report

    def apply_subscription(self, imported: ImportedBook, book_id: str) -> ImportReport | None:
        """Make the subscribed book ``book_id`` what the publisher's file says, in one
        atomic write; None when the store already has this revision or a newer one.

        The book is created (read-only) on the first update. Phrase ids are kept
        (``merge.mirror``), and the use counts live apart in usage.json, so they
        survive; the user's own books are never touched."""
        if imported.book is None:
            raise QuickReplyError(tr("the publication holds no phrasebook"))
        with self.locked():
            current = next((book for book in self.books() if book.id == book_id), None)
            if current is not None and current.origin != "subscribed":
                raise QuickReplyError(tr("the book {name!r} is your own, not a subscribed book", name=current.name))
            if current is not None and imported.book.revision <= current.revision:
                return None
            existing = self.phrases(book_id, with_usage=False) if current else []
            result = mirror(existing, imported.phrases, imported.locations)
            book = replace(imported.book, id=book_id, origin="subscribed", read_only=True)
            self._write_book(book, result.phrases)
            return ImportReport(book, current is None, result, list(imported.warnings))

    def release_book(self, book_id: str, change: Transaction | None = None) -> Phrasebook:
        """Turn a subscribed book into the user's own editable copy (on unsubscribing);
        with ``change``, as part of that transaction."""
        with self.locked():
            book = replace(self.book(book_id), origin="imported", read_only=False)
            self._write_book(book, self.phrases(book_id, with_usage=False), change)
            return book

    def _import_target(self, imported: ImportedBook, ref: str | None, default_name: str) -> tuple[Phrasebook, bool]:
        candidates = [ref] if ref else [imported.book.id if imported.book else default_name]
        for candidate in filter(None, candidates):
            try:
                return self.book(candidate), False
            except NotFound:
                continue
        if imported.book and not ref:
            return replace(imported.book, origin="imported", read_only=False), True
        name = ref or default_name or tr("Imported phrases")
        language = imported.book.language if imported.book else _guess_language(imported.phrases)
        return Phrasebook(name=name, id=new_id(), language=language, origin="imported"), True

    def export_book(self, ref: str, path: Path, fmt: str = "auto") -> str:
        book = self.book(ref)
        return write_phrasebook(book, self.phrases(book.id, with_usage=False), self.folder.outside(path), fmt)

    # -- backups and repair ---------------------------------------------------------

    def backup(self, reason: str = "manual") -> Path | None:
        with self.locked():
            return backups.snapshot(self.home, reason, keep=self._backups_kept())

    def restore(self, name: str | None = None) -> Path:
        """Put a snapshot back, every file at once; the current state is snapshotted first."""
        with self.locked():
            source = backups.find_snapshot(self.home, name)
            self.backup("before-restore")
            for book_id in list(self._books):
                self._forget_book(book_id)
            self.folder.put_back(source)
            self._usage.clear_cache()
            return source

    def _backups_kept(self) -> int:
        from assistant.settings import load_settings

        return load_settings(self.folder).backups_kept

    def _daily_backup(self) -> None:
        """Take the day's backup when due; one that cannot be taken (a full disk) is
        skipped with a notice: it must not stop the app, nor a command that only reads."""
        age = backups.newest_age(self.home)
        if age is None or age > DAILY_BACKUP:
            try:
                self.backup("daily")
            except backups.BackupFailed as error:
                self.notices.append(tr("the daily backup was skipped: {reason}", reason=error.reason))

    def _upgrade(self) -> None:
        meta = read_json(self.home / "store.json")
        if not isinstance(meta, dict):
            meta = {"schema": SCHEMA_VERSION}
            write_json(self.home / "store.json", meta)
        version = meta.get("schema", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            raise QuickReplyError(tr("this data was written by a newer QuickReply (schema {version}); please update",
                                     version=version))
        if version < SCHEMA_VERSION:
            self.backup("before-upgrade")
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](self.home)
            version += 1
            write_json(self.home / "store.json", {"schema": version})

    def _seed_shipped_books(self) -> None:
        for path in shipped_book_files():
            imported = native_format.read(path.read_bytes(), str(path))
            book = replace(imported.book, origin="local")
            self._write_book(book, imported.phrases)


def _book_file(book_id: str) -> str:
    """A book's file, relative to the data folder."""
    return f"books/{book_id}.json"


def shipped_book_files() -> list:
    """The phrasebooks that come with the app (``phrasebooks/*.json``)."""
    folder = resources.files("phrasebooks")
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(".json")), key=lambda e: e.name)


def _phrase_document(phrase: Phrase, position: int) -> dict:
    document = {name: getattr(phrase, name) for name in _STORED_PHRASE_FIELDS}
    document["tags"] = list(phrase.tags)
    document["position"] = position
    return document


def _phrase_from_document(document: dict, book_id: str, count: int, last: str) -> Phrase:
    fields = {name: document[name] for name in _STORED_PHRASE_FIELDS if name in document}
    return Phrase.stored(**fields, book_id=book_id, use_count=count, last_used=last)


def _guess_language(phrases: list[Phrase]) -> str:
    sample = "".join(phrase.text for phrase in phrases[:50])
    return "zh-CN" if any("\u4e00" <= char <= "\u9fff" for char in sample) else "en"
