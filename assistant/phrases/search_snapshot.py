"""``quickreply search`` from the columns of the last one: ``cache/search-columns.json``.

A one-shot search over 50,000 phrases must answer within a second. Made from the phrases,
its index spends most of that before the first scan: 50,000 ``Phrase`` objects (0.17 s),
the forms of each read from ``cache/search.json`` (0.14 s) and found there by a digest
of its content (0.25 s). So the search also keeps what that index scans: every column
joined, the phrases in the books' own order, with the version (file signature) of each
book they came from. A search whose books are still those versions reads the columns
(a few long strings), puts them in order of use (the use counts change at every
insertion, the books seldom, so the order is not kept), and makes ``Phrase`` objects
only for the results it shows. Books in any other state, or a file not as written here,
and the search is made from the phrases as before, and the file written again when
that search had to analyse the phrases anyway (one answered by a short code does not:
it stays as quick as it was).

Derived from the phrases only, like ``cache/search.json``: never a query. Only the
CLI reads and writes it; the app keeps its index in memory.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from assistant.bulk import building
from assistant.data.atomic import atomic_write_text
from assistant.phrases import search_cache
from assistant.phrases.model import Phrase
from assistant.phrases.search import COLUMNS, SEPARATOR, SearchIndex, StoredColumns
from assistant.phrases.search_cache import SearchCache
from assistant.phrases.store import Store

log = logging.getLogger(__name__)

SNAPSHOT_FILE = "cache/search-columns.json"
#: This file's layout, and the analysis it holds the results of (the row cache's).
VERSION = f"1/{search_cache.VERSION}"

Versions = dict[str, list[int] | None]


def search_store(store: Store, query: str, limit: int, book_id: str | None = None) -> list[Phrase]:
    """The best ``limit`` phrases of the ``store`` for ``query``, as ``SearchIndex.search``
    finds them, from the stored columns when they are the books' current ones."""
    versions: Versions = {book: None if version is None else list(version)
                          for book, version in store.book_versions().items()}
    path = store.home / SNAPSHOT_FILE
    stored = _load(path, versions)
    if stored is not None:
        columns, readings = stored
        usage = store.use_counts()
        index = SearchIndex.stored(columns, readings, usage, store.phrase_finder(usage))
        try:
            return index.search(query, limit, book_id=book_id)
        except KeyError:
            log.warning("the stored search columns name a phrase the books do not hold; made again")
    index = SearchIndex(store.phrases(), SearchCache.of(store.home), one_shot=True)
    found = index.search(query, limit, book_id=book_id)
    if index.analysed:  # a search by short code did without: not made for it alone
        _save(path, versions, index)
    return found


def _load(path: Path, versions: Versions) -> tuple[StoredColumns, dict[str, str]] | None:
    """The columns and the characters' readings the file holds when it was made from the
    books at ``versions``; None when it was not, or is missing, of another version or
    damaged (a damaged file costs one search its time, nothing else)."""
    try:
        with building():
            document = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (ValueError, OSError):
        log.warning("the stored search columns were unreadable; they will be made again")
        return None
    if not isinstance(document, dict) or document.get("version") != VERSION or document.get("books") != versions:
        return None
    keys, columns = document.get("keys"), document.get("columns")
    vocabulary, readings = document.get("vocabulary"), document.get("chars")
    count = len(keys) if isinstance(keys, list) else 0
    if not (isinstance(keys, list) and isinstance(columns, dict) and isinstance(vocabulary, dict)
            and isinstance(readings, dict)
            and all(type(key) is list and len(key) == 2 and type(key[0]) is str and type(key[1]) is str
                    for key in keys)
            and all(type(columns.get(name)) is str and columns[name].count(SEPARATOR) == count
                    and columns[name].startswith(SEPARATOR * bool(count)) for name in COLUMNS)
            and all(type(positions) is list and all(type(at) is int and 0 <= at < count for at in positions)
                    for positions in vocabulary.values())
            and all(len(char) == 1 and type(syllable) is str and syllable for char, syllable in readings.items())):
        log.warning("the stored search columns were not as written; they will be made again")
        return None
    return StoredColumns([(book, phrase) for book, phrase in keys], columns, vocabulary), readings


def _save(path: Path, versions: Versions, index: SearchIndex) -> None:
    """Keep ``index``'s columns as made from the books at ``versions``; a failure only
    costs the next search its time."""
    stored = index.book_columns()
    document = {"version": VERSION, "books": versions, "keys": stored.keys, "columns": stored.columns,
                "vocabulary": stored.vocabulary, "chars": index.pinyin.chars}
    try:
        atomic_write_text(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")), private=True)
    except OSError:
        log.warning("could not save the search columns")
