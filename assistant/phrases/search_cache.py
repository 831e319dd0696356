"""What searching needs of each phrase, remembered between runs: ``cache/search.json``.

Reading the pinyin of 50,000 phrases takes pypinyin several seconds, and normalising
and splitting them one more, far more than ``quickreply search`` or the app's start
may take; the phrases rarely change. So each phrase's searchable forms (its fields
normalised, their pinyin, its Latin words) are kept, keyed by a digest of the phrase's
own searchable content (title, group, tags, text), together with the reading of every
Chinese character the phrases hold (what a query is read with, see
``assistant.phrases.pinyin``).

Everything here is derived from the phrases and from nothing else: never a query, so
that what the agent types into the picker is written nowhere. Forms of phrases no
longer in the books are dropped at the next save. The file is only a cache: an
unreadable one is rebuilt, and ``cache/pinyin.json``, which older versions filled with
queries too, is deleted when found.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Mapping
from functools import cached_property
from hashlib import blake2b
from pathlib import Path

from assistant.bulk import building
from assistant.data.atomic import atomic_write_bytes
from assistant.phrases.pinyin import PinyinCache

log = logging.getLogger(__name__)

CACHE_FILE = "cache/search.json"
#: Older versions' cache, which learnt from queries: removed on sight.
OLD_CACHE_FILE = "cache/pinyin.json"
VERSION = 4
#: What is kept per phrase (``assistant.phrases.search``): (plain, initials, full) of the
#: title, the group, the tags and the text, normalised, the pinyin forms in ASCII and
#: None where one is the same as the plain form; then the Latin words (a list).
Row = tuple
ROW_LENGTH = 13
#: Where a row keeps its Latin words.
WORDS = ROW_LENGTH - 1
_FIELD_TYPES = frozenset({str, type(None)})
_WORD_TYPES = frozenset({str})
#: Phrases whose forms are encoded in one call when the file is saved. json gives the
#: interpreter up only between calls: one call for all of 20,000 phrases held it 0.18 s,
#: which a save on a worker thread took from the UI thread.
ENCODED_AT_ONCE = 1000


def digest(*content: str) -> str:
    """A short digest of a phrase's searchable content, which names its forms."""
    return blake2b("\x00".join(content).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class SearchCache:
    """The forms of each phrase by ``digest``, and the pinyin every phrase taught;
    ``path`` None keeps everything in memory (one-off searches in tests, or a search of
    stored columns, which brings the characters' ``readings``).

    The file is read when first needed: ``quickreply search`` for a short code finds it
    without any phrase's forms, and reading 50,000 phrases' forms takes 0.15 s."""

    def __init__(self, path: Path | None = None, readings: Mapping[str, str] | None = None):
        self.path = path
        self._readings = readings or {}
        self._changed = False
        self._checkpoint: Callable[[], None] | None = None
        if path is not None:
            (path.parent / Path(OLD_CACHE_FILE).name).unlink(missing_ok=True)

    @cached_property
    def _read(self) -> tuple[dict[str, Row], dict[str, str]]:
        return self._load(self.path) if self.path is not None else ({}, dict(self._readings))

    @cached_property
    def _forms(self) -> dict[str, Row]:
        return self._read[0]

    @cached_property
    def pinyin(self) -> PinyinCache:
        """What the phrases and the queries are read with."""
        return PinyinCache(self._read[1])

    @classmethod
    def of(cls, home: Path) -> SearchCache:
        """The cache of the data folder at ``home``."""
        return cls(home / CACHE_FILE)

    def snapshot(self, checkpoint: Callable[[], None] | None = None) -> SearchCache:
        """A cache of the same file holding what this one holds now, for building a new
        index on another thread while this one's index stays in use: the two share
        nothing either changes, and the forms known are not read from the file again
        (parsing 20,000 phrases' forms holds the interpreter, the UI thread's too, 0.13 s);
        a cache not read yet (the app's start) leaves the reading to the copy.
        ``checkpoint`` is called as each phrase's forms are looked up; what it raises
        stops the build (the app quitting)."""
        copy = SearchCache(self.path, self._readings)
        if "_read" in self.__dict__:  # else the copy reads the file, on the thread that uses it
            copy.__dict__["_read"] = (dict(self._forms), dict(self.pinyin.chars))
        copy._checkpoint = checkpoint
        return copy

    @staticmethod
    def _load(path: Path) -> tuple[dict[str, Row], dict[str, str]]:
        """The forms and the characters' readings the file holds; none of either when it
        is missing, of another version or damaged."""
        try:
            with building():
                document = json.loads(path.read_bytes())
            if document.get("version") != VERSION:
                return {}, {}
            forms = document["phrases"]
            if not isinstance(forms, dict):
                raise TypeError("not a table of phrases")
            return forms, {char: syllable for char, syllable in document["chars"].items()
                           if len(char) == 1 and isinstance(syllable, str) and syllable}
        except FileNotFoundError:
            return {}, {}
        except (ValueError, AttributeError, KeyError, TypeError, OSError):
            log.warning("the search cache was unreadable; it will be rebuilt")
            return {}, {}

    def forms(self, key: str) -> Row | None:
        """The row kept for ``key``; None when there is none or it is not what is written
        here (a damaged cache costs the phrase's analysis, nothing else)."""
        if self._checkpoint is not None:
            self._checkpoint()
        row = self._forms.get(key)
        if (type(row) in (list, tuple) and len(row) == ROW_LENGTH and type(row[-1]) in (list, tuple)
                and _FIELD_TYPES.issuperset(map(type, row[:-1])) and _WORD_TYPES.issuperset(map(type, row[-1]))):
            return row
        return None

    def keep(self, key: str, row: Row) -> None:
        self._forms[key] = row
        self._changed = True

    def save(self, in_use: Collection[str]) -> None:
        """Write the forms of the phrases ``in_use`` (digests), when anything changed;
        atomically, and a failure only costs the next start some time."""
        if self.path is None or not (self._changed or len(in_use) != len(self._forms)):
            return
        self._forms = {key: forms for key in in_use if (forms := self._forms.get(key)) is not None}
        try:
            atomic_write_bytes(self.path, _encoded(self.pinyin.chars, self._forms), private=True)
            self._changed = False
        except OSError:
            log.warning("could not save the search cache")


def _encoded(chars: dict[str, str], forms: dict[str, Row]) -> bytes:
    """The file's document, ``ENCODED_AT_ONCE`` phrases' forms per call to json."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    items = list(forms.items())
    slices = [encode(dict(items[start:start + ENCODED_AT_ONCE]))[1:-1].encode()
              for start in range(0, len(items), ENCODED_AT_ONCE)]
    head = encode({"version": VERSION, "chars": chars})[:-1].encode() + b',"phrases":{'
    return b"".join((head, b",".join(slices), b"}}"))
