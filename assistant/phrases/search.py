"""Finding a reply in a keystroke or two.

The picker searches on every keystroke, so the work is split: ``SearchIndex.update``
does the slow part once per edit (pinyin, normalisation), and a query only scans a few
long strings with C-speed ``str.find``/``re``. Each field of every phrase is joined
into one string per field, *in popularity order* (use count, then last use, then book
order). Results are ranked by tier (exact short code, code prefix, title, group, text,
tags, then fuzzy) and inside a tier by popularity — so the first hits a scan finds are the
best ones, and a common query stops after ``limit`` hits instead of visiting every
phrase. A rare one would scan every column to its end: a large index looks a Latin term
up in its runs of three characters first (``search_grams``) and checks only the phrases
that can hold it.

Chinese is matched by pinyin initials ("fh" → 发货), full pinyin ("fahuo") and mixed
("fa货"); full pinyin only matches from the start of a syllable. Latin words tolerate
typos (rapidfuzz against the vocabulary of the phrases); the closest spelling comes
first, popularity only breaks ties, since a popular reply that merely looks a little
like the typo is not what the agent meant.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from heapq import merge
from itertools import accumulate, chain, groupby, repeat
from operator import add, itemgetter
from typing import NamedTuple

from assistant.bulk import building
from assistant.phrases.model import Phrase
from assistant.phrases.pinyin import CJK_RUN, PinyinCache
from assistant.phrases.search_cache import WORDS, Row, SearchCache, digest
from assistant.phrases.search_grams import LatinGrams, latin_forms, usable

SEPARATOR = "\x00"
#: What stands in a pinyin form for a character beyond ASCII (``_letters_only``).
_OTHER = "\x1f"
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_LATIN_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_HAS_LATIN = re.compile(r"[a-z]")
FUZZY_MIN_LENGTH = 3
FUZZY_CUTOFF = 75
#: An index of more phrases than this keeps ``LatinGrams``: scanning every column of it
#: for a term found nowhere took longer than a keystroke may (5 ms and more).
GRAMS_ABOVE = 10_000

Key = tuple[str, str]
#: The (use count, last use) of a phrase never used.
_UNUSED = (0, "")


def normalise(text: str) -> str:
    """Half-width, case-folded, no separators: the form every field and query is matched in."""
    return unicodedata.normalize("NFKC", text).casefold().replace(SEPARATOR, "")


_DEFAULT_PINYIN = PinyinCache()


def pinyin_forms(text: str, pinyin: PinyinCache = _DEFAULT_PINYIN, guess: bool = False) -> tuple[str, str]:
    """(initials, full pinyin) of normalised text; other characters are kept as they are.

    In the full form each syllable starts with a capital letter, which is how a query
    is held to syllable starts: "huo" finds 货 but "uo" does not.
    """
    initials: list[str] = []
    full: list[str] = []
    position = 0
    for match in CJK_RUN.finditer(text):
        plain = text[position:match.start()]
        initials.append(plain)
        full.append(plain)
        for syllable in pinyin.syllables(match.group(), guess):
            initials.append(syllable[:1])
            full.append(syllable[:1].upper() + syllable[1:])
        position = match.end()
    initials.append(text[position:])
    full.append(text[position:])
    return "".join(initials), "".join(full)


class _Entry(NamedTuple):
    """What the index keeps of one phrase: the ``phrase`` it was made from (to tell a
    changed phrase), the ``digest`` naming its forms in the cache and its cache ``row``,
    as read. Three references, not the sixteen fields of each form: a one-shot search
    made 50,000 of those (0.3 s) and the columns are built from the rows anyway. A
    pinyin form kept as None in the row is its field's plain form (ASCII, no Chinese)."""

    phrase: Phrase
    digest: str
    row: Row

    @classmethod
    def of(cls, phrase: Phrase, cache: SearchCache) -> _Entry:
        # Tags are joined by newlines, which no query contains: a query never spans two tags.
        content = (phrase.title, phrase.group, "\n".join(phrase.tags), phrase.text)
        key = digest(*content)
        row = cache.forms(key)
        if row is None:
            row = _analyse(content, cache.pinyin)
            cache.keep(key, row)
        return cls(phrase, key, row)

    @property
    def words(self) -> Sequence[str]:
        return self.row[WORDS]


def _analyse(content: tuple[str, ...], pinyin: PinyinCache) -> Row:
    """What searching needs of a phrase's (title, group, tags, text): each field's plain,
    initials and full pinyin forms (ASCII only; None where the same as the plain form),
    then its Latin words. The slow part, done once per content: the cache keeps the result."""
    row: list = []
    for field in content:
        plain = normalise(field)
        forms = pinyin_forms(plain, pinyin) if CJK_RUN.search(plain) else (plain, plain)
        row.append(plain)
        row += (None if form == plain else form for form in map(_letters_only, forms))
    row.append(sorted(set(_LATIN_WORD.findall(" ".join(row[::3])))))
    return tuple(row)


def _letters_only(form: str) -> str:
    """A pinyin form with every character beyond ASCII as ``_OTHER``: only a term with
    Latin letters is looked for in these forms, and one emoji among 50,000 phrases would
    otherwise make the whole joined column four bytes a character, every scan of it
    twice to four times as slow (picker keystroke p95 18.9 → 27.7 ms with an emoji in
    one reply in ten). Whatever else a term holds is matched in the plain forms."""
    return form if form.isascii() else _BEYOND_ASCII.sub(_OTHER, form)


def _source(phrase: Phrase) -> tuple[str, str, str, tuple[str, ...]]:
    """What a phrase's entry is made from (its code is read from the phrase itself)."""
    return (phrase.title, phrase.group, phrase.text, phrase.tags)


# Tiers, best first: (field, form of the query, anchored at the start of the field).
# "plain" and "initials" are substring scans with the query as typed or in initials
# form, "syllable" the capitalised full-pinyin scan, "fuzzy" typo-tolerant Latin words.
# A match at the start of a code or title outranks one inside it. Fuzzy comes before
# full pinyin in long texts, whose chance matches ("shiping" inside 是平…) would
# otherwise bury a misspelt English word.
_TIERS: tuple[tuple[str, str, bool], ...] = (
    ("code", "plain", True),
    ("title", "plain", True),
    ("title_initials", "initials", True),
    ("title_full", "syllable", True),
    ("title", "plain", False),
    ("title_initials", "initials", False),
    ("title_full", "syllable", False),
    ("group", "plain", False),
    ("group_initials", "initials", False),
    ("group_full", "syllable", False),
    ("tags", "plain", False),
    ("tags_initials", "initials", False),
    ("tags_full", "syllable", False),
    ("text", "plain", False),
    ("text_initials", "initials", False),
    ("", "fuzzy", False),
    ("text_full", "syllable", False),
)


#: Where each searched form is in a cache row: title, group, tags, text, each as
#: (plain, initials, full pinyin).
_ROW_INDEX = {field + suffix: 3 * number + form
              for number, field in enumerate(("title", "group", "tags", "text"))
              for form, suffix in enumerate(("", "_initials", "_full"))}
#: Every column a search may read: the short codes, the forms above and each phrase's
#: Latin words (a list per phrase; the only column no tier scans).
COLUMNS: tuple[str, ...] = ("code", *_ROW_INDEX, "words")


def _row_values(name: str, phrases: Sequence[Phrase], rows: Callable[[], Sequence[Row]]) -> list:
    """The column ``name`` of ``phrases`` (whose cache ``rows`` are asked for only when a
    column needs them: codes come from the phrases themselves)."""
    if name == "code":
        return [normalise(phrase.code) for phrase in phrases]
    if name == "words":
        return [row[WORDS] for row in rows()]
    at = _ROW_INDEX[name]
    plain = at - at % 3
    return [row[at] for row in rows()] if at == plain else [row[at] or row[plain] for row in rows()]


class _Compiled:
    """The columns for one ordering of the phrases (``keys``, and the ``phrases`` to give
    back), each column's ``values`` in that order. Built after every use count change, so
    only C-speed work per phrase: the words for typo matching stay with the index, which
    changes only on edits.

    A column is joined when a search first reaches it, unless ``eager``: a one-shot
    search reaches a few of the 13 (joining all took 0.18 s of ``quickreply search``),
    and one found by its code reaches none, nor the phrases' analysis, which it then
    never asks for. The app joins them all at once, between keystrokes, not on one."""

    def __init__(self, keys: list[Key], phrases: Sequence[Phrase], values: Callable[[str], Sequence],
                 eager: bool = True):
        self.keys = keys
        self.phrases = phrases
        self._values = values
        self._columns: dict[str, _Column] = {}
        self._lists: dict[str, Sequence] = {}
        #: Per ordering: the positions it finds are those of the phrases.
        self.narrowing = _Narrowing()
        self._holders: dict[str, list[int]] = {}
        self.codes: dict[str, list[int]] = {}
        for index, code in enumerate(self.values("code")):
            if code:
                self.codes.setdefault(code, []).append(index)
        if eager:
            for name in _ROW_INDEX:
                self.column(name)
            self.places(())  # works out ``position``, asked for on a keystroke, now

    @classmethod
    def of_phrases(cls, phrases: Iterable[tuple[Key, Phrase]], entries: Callable[[], Mapping[Key, _Entry]],
                   eager: bool = True) -> _Compiled:
        """The columns of ``phrases`` in the order given, from their ``entries``' rows."""
        pairs = list(phrases)
        keys, ordered = [key for key, _ in pairs], [phrase for _, phrase in pairs]
        rows: list[Row] = []

        def cached_rows() -> list[Row]:
            if not rows:
                known = entries()
                rows.extend(known[key].row for key in keys)
            return rows

        return cls(keys, ordered, lambda name: _row_values(name, ordered, cached_rows), eager)

    def values(self, name: str) -> Sequence:
        """Each phrase's value of the column ``name`` (see ``COLUMNS``), in this ordering."""
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = self._values(name)
        return found

    def column(self, name: str) -> _Column:
        """The column of the form ``name`` (a tier's field name), joined for scanning."""
        found = self._columns.get(name)
        if found is None:
            found = self._columns[name] = _Column(self.values(name))
        return found

    @cached_property
    def position(self) -> dict[Key, int]:
        """Where each phrase (its key) is in this ordering; for typo matches and the
        phrases the grams give."""
        return {key: index for index, key in enumerate(self.keys)}

    def places(self, keys: Iterable[Key]) -> list[int]:
        """The positions of the phrases ``keys``, in order."""
        return sorted(map(self.position.__getitem__, keys))

    def holders(self, word: str, keys: Iterable[Key]) -> list[int]:
        """The positions of the phrases holding ``word`` (their ``keys``), in order; kept
        for the next keystroke, which mostly comes to the same close words."""
        found = self._holders.get(word)
        if found is None:
            found = self._holders[word] = self.places(keys)
        return found


class _MadeWhenAsked(Sequence[Phrase]):
    """The phrases of stored columns (their ``keys``), each made by ``find`` the first
    time a search gives it back or filters by its group."""

    def __init__(self, keys: list[Key], find: Callable[[Key], Phrase]):
        self._keys = keys
        self._find = find
        self._made: dict[int, Phrase] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, index):  # an int: a search never asks for a slice
        phrase = self._made.get(index)
        if phrase is None:
            phrase = self._made[index] = self._find(self._keys[index])
        return phrase


class StoredColumns(NamedTuple):
    """What ``SearchIndex.stored`` searches: each phrase's key, every column (``COLUMNS``)
    joined, the phrases in one order, and each Latin word with the positions (in that
    order) of the phrases holding it."""

    keys: list[Key]
    columns: dict[str, str]
    vocabulary: dict[str, list[int]]


class _Split(Sequence[list[str]]):
    """Each phrase's words, split only when asked for: a query of several terms asks a
    few phrases, and splitting 50,000 took 0.1 s."""

    def __init__(self, joined: Sequence[str]):
        self._joined = joined

    def __len__(self) -> int:
        return len(self._joined)

    def __getitem__(self, index):  # an int: a search never asks for a slice
        return self._joined[index].split()


class _Holders(Mapping[str, list[Key]]):
    """Word → the keys of the phrases holding it, from stored positions, worked out for
    the few words typo matching comes close to."""

    def __init__(self, positions: Mapping[str, list[int]], keys: list[Key]):
        self._positions = positions
        self._keys = keys

    def __getitem__(self, word: str) -> list[Key]:
        return [self._keys[position] for position in self._positions[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)


def _stored_values(columns: Mapping[str, str], order: list[int] | None) -> Callable[[str], Sequence]:
    """Each column's values of ``columns`` (joined as ``SearchIndex.book_columns`` joins
    them), taken in the ``order`` given (positions; None: as stored)."""
    def values(name: str) -> Sequence:
        haystack = columns[name]
        stored = haystack[len(SEPARATOR):].split(SEPARATOR) if haystack else []
        ordered = stored if order is None else [stored[position] for position in order]
        return _Split(ordered) if name == "words" else ordered

    return values


class _Column:
    """One string of all values of a field, each led by the separator (a needle led by
    the separator therefore matches only at the start of a value), and where each value
    starts. The starts are worked out on the first hit in the column: a search reaches
    only a few columns before it has its results, and listing 50,000 starts for each of
    the 13 columns took 0.18 s of every ``quickreply search``."""

    def __init__(self, values: Sequence[str]):
        self.values = values
        self.haystack = _joined(values)
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            starts = list(accumulate(map(add, map(len, self.values), repeat(len(SEPARATOR))), initial=0))
            starts.pop()
            self._starts = starts
        return self._starts

    def index_at(self, position: int) -> int:
        """Which value the character at ``position`` belongs to."""
        return bisect_right(self.starts, position) - 1

    def scan(self, find: Callable[[str, int], int]) -> Iterator[int]:
        """The index of each value ``find(haystack, start)`` finds a match in (the
        position of the match, -1 for none), once each, in order."""
        position = find(self.haystack, 0)
        while position != -1:
            index = self.index_at(position)
            yield index
            if index + 1 >= len(self.values):
                return
            position = find(self.haystack, self.starts[index + 1])


def _joined(values: Sequence[str]) -> str:
    """``values`` as one string, each led by the separator."""
    return SEPARATOR + SEPARATOR.join(values) if values else ""


def _scan_find(column: _Column, needle: str) -> Iterator[int]:
    return column.scan(lambda haystack, start: haystack.find(needle, start))


def _scan_pattern(column: _Column, pattern: re.Pattern[str]) -> Iterator[int]:
    def find(haystack: str, start: int) -> int:
        match = pattern.search(haystack, start)
        return -1 if match is None else match.start()

    return column.scan(find)


def _scan(column: _Column, term: _Query, form: str, anchored: bool) -> Iterator[int] | None:
    """The values of ``column`` holding ``term`` in the ``form`` of a tier; None when the
    tier does not apply to the term (pinyin forms of a term without Latin letters)."""
    lead = SEPARATOR if anchored else ""
    if form == "plain":
        return _scan_find(column, lead + term.plain)
    if term.pinyin and form == "initials":
        return _scan_find(column, lead + term.initials)
    if term.pinyin and form == "syllable":
        return _scan_pattern(column, term.syllable_pattern(anchored))
    return None


def _check(column: _Column, term: _Query, form: str, anchored: bool, indices: Iterable[int]) -> Iterator[int]:
    """Those of the values at ``indices`` (in order) holding ``term`` in the ``form`` of a
    tier, as ``_scan`` finds them in the whole column."""
    values = column.values
    if form == "syllable":
        pattern = term.syllable_pattern(anchored)
        return (index for index in indices if pattern.search(SEPARATOR + values[index]))
    needle = term.plain if form == "plain" else term.initials
    if anchored:
        return (index for index in indices if values[index].startswith(needle))
    return (index for index in indices if needle in values[index])


class _Narrowing:
    """For the last term typed (in memory only, like the query itself), each tier scanned
    to its end and what it found, so that a longer term looks only there: what does not
    hold "siz" does not hold "size". A query finding few phrases scans all 13 columns of
    50,000 phrases (12–15 ms); typed on, it then checks a few values. A tier that found
    more than ``MOST`` is not kept (checking them one by one would be no quicker). Only
    Latin terms: how Chinese characters are read may change as the run grows (the word a
    character is in decides its reading), and with it a term's pinyin forms; a Latin
    term's forms only grow by the letters typed."""

    MOST = 2000

    def __init__(self) -> None:
        self.term = ""
        self.found: dict[int, list[int]] = {}

    def known(self, term: str) -> dict[int, list[int]]:
        """Tier number → every phrase that tier can find for ``term`` (positions, in
        order), for the tiers known."""
        if self.term and term.isascii() and term.startswith(self.term):
            return self.found
        return {}

    def record(self, term: str, tier: int, found: list[int]) -> None:
        """Tier number ``tier`` was scanned through for ``term`` and ``found`` these."""
        if not term.isascii():
            return
        if term != self.term:
            self.found, self.term = dict(self.known(term)), term
        if len(found) <= self.MOST:
            self.found[tier] = found
        else:
            self.found.pop(tier, None)


@dataclass(frozen=True)
class _Query:
    """One search term in the forms the tiers need."""

    plain: str
    initials: str
    full: str
    pinyin: bool

    @classmethod
    def of(cls, term: str, cache: SearchCache) -> _Query:
        # Only Chinese is read with the cache's readings: a code or a Latin word is
        # found without reading the cache's file.
        initials, full = pinyin_forms(term, cache.pinyin, guess=True) if CJK_RUN.search(term) else (term, term)
        return cls(term, initials, full.lower(), bool(_HAS_LATIN.search(term)))

    def syllable_pattern(self, anchored: bool = False) -> re.Pattern[str]:
        head, rest = self.full[:1], self.full[1:]
        lead = SEPARATOR if anchored else ""
        return re.compile(lead + re.escape(head.upper()) + ("(?i:" + re.escape(rest) + ")" if rest else ""))


class SearchIndex:
    """Search over a changing set of phrases; call ``update`` after every edit.

    ``one_shot`` for a single search (the CLI): each phrase's forms are taken from the
    cache, the columns joined and the words for typo matching gathered only when the
    search reaches them, which a query found by its code or in its first tiers never
    does. A long-lived index does all of it on update, not on a keystroke."""

    def __init__(self, phrases: Iterable[Phrase] = (), cache: SearchCache | None = None, *,
                 one_shot: bool = False):
        self.cache = cache or SearchCache()
        self._eager = not one_shot
        self._entries: dict[Key, _Entry] = {}
        self._phrases: dict[Key, Phrase] = {}
        #: Whether ``_entries`` are those of ``_phrases`` (and the cache saved since).
        self._analysed = False
        #: Every Latin word of the phrases, and the phrases holding it (typo matching);
        #: None until gathered.
        self._holding: Mapping[str, Collection[Key]] | None = None
        self._words: list[str] = []
        #: Per searched form, where a Latin term can be: made for a long-lived index of more
        #: than ``GRAMS_ABOVE`` phrases as they are analysed, kept up to date with them.
        self._grams: LatinGrams | None = None
        self._compiled = _Compiled.of_phrases([], self._analysis, eager=False)
        self.update(phrases)

    def __len__(self) -> int:
        return len(self._compiled.keys)

    @property
    def analysed(self) -> bool:
        """Whether every phrase held has its forms at hand (a one-shot search answered by
        a short code needed none of them)."""
        return self._analysed

    @property
    def pinyin(self) -> PinyinCache:
        """What queries are read with (the picker's highlighting reads with it too)."""
        return self.cache.pinyin

    def update(self, phrases: Iterable[Phrase]) -> None:
        """Make the index hold exactly ``phrases``; only changed phrases are re-analysed."""
        with building():
            fresh: dict[Key, Phrase] = {(phrase.book_id, phrase.id): phrase for phrase in phrases}
            if fresh != self._phrases:
                if not self._entries:
                    # Words gathered from stored columns (``stored``), which no
                    # analysis keeps up to date: gathered again.
                    self._holding = None
                self._phrases = fresh
                self._analysed = False
                self._compiled = self._compile_now()
            if self._eager:
                self.vocabulary()

    def _analysis(self) -> dict[Key, _Entry]:
        """The entries of the phrases held, brought up to date with them when first
        asked for since they changed, and the cache saved then."""
        if not self._analysed:
            with building():
                changed: dict[Key, _Entry] = {}
                for key, phrase in self._phrases.items():
                    known = self._entries.get(key)
                    if known is None or (known.phrase is not phrase
                                         and _source(known.phrase) != _source(phrase)):
                        changed[key] = _Entry.of(phrase, self.cache)
                gone = self._entries.keys() - self._phrases.keys()
                if changed or gone:
                    self._reword(changed, gone)
                self._analysed = True
            self.cache.save({entry.digest for entry in self._entries.values()})
        return self._entries

    def _reword(self, changed: dict[Key, _Entry], gone: Collection[Key]) -> None:
        """Take the ``changed`` phrases' entries and drop the ``gone`` ones, and keep the
        vocabulary, once gathered, up to date."""
        holding = self._holding
        for key in (*changed, *gone):
            old = self._entries.pop(key, None)
            for word in old.words if old and holding is not None else ():
                holders = holding[word]
                holders.discard(key)
                if not holders:
                    del holding[word]
        self._entries.update(changed)
        if self._grams is not None:
            self._grams.update(changed, gone)
        elif self._eager and len(self._entries) > GRAMS_ABOVE:
            self._grams = LatinGrams(len(_ROW_INDEX), self._latin_forms)
            self._grams.update(self._entries, ())
        if holding is not None:
            for key, entry in changed.items():
                for word in entry.words:
                    holding.setdefault(word, set()).add(key)
            self._words = list(holding)

    def _latin_forms(self, key: Key) -> list[str]:
        """The ``latin_forms`` of a phrase analysed (its cache row holds its searched forms
        first, as ``_ROW_INDEX`` numbers them)."""
        return latin_forms(self._entries[key].row[:len(_ROW_INDEX)])

    def vocabulary(self) -> Mapping[str, Collection[Key]]:
        """Every Latin word of the phrases and the phrases (keys) holding it, gathered on
        first use."""
        if self._holding is None:
            holding: dict[str, set[Key]] = {}
            compiled = self._compiled
            for key, words in zip(compiled.keys, compiled.values("words"), strict=True):
                for word in words:
                    holding.setdefault(word, set()).add(key)
            self._holding = holding
            self._words = list(holding)
        return self._holding

    def _compile_now(self) -> _Compiled:
        """Done on update, not on the next keystroke: edits are rare, keystrokes are not."""
        ordered = sorted(self._phrases.items(), key=lambda item: (item[1].use_count, item[1].last_used),
                         reverse=True)  # SearchIndex.stored orders the same way
        return _Compiled.of_phrases(ordered, self._analysis, self._eager)

    @classmethod
    def stored(cls, stored: StoredColumns, readings: Mapping[str, str], usage: Mapping[Key, tuple[int, str]],
               find: Callable[[Key], Phrase]) -> SearchIndex:
        """An index of phrases known by their ``stored`` columns (``book_columns`` of an
        index of them, with the ``readings`` of their characters), in order of ``usage``
        as an index of the phrases themselves orders them; ``find`` makes a phrase given
        back. Nothing is done per phrase in Python but putting the columns in order."""
        index = cls(cache=SearchCache(readings=readings), one_shot=True)
        keys = stored.keys
        # As ``_compile_now`` orders phrases: most used first, the rest as they came.
        order: list[int] | None = sorted(range(len(keys)), key=lambda position: usage.get(keys[position], _UNUSED),
                                         reverse=True)
        if all(position == place for place, position in enumerate(order)):
            order = None  # nothing used: the columns as stored, not copied
        ordered = keys if order is None else [keys[position] for position in order]
        index._compiled = _Compiled(ordered, _MadeWhenAsked(ordered, find), _stored_values(stored.columns, order),
                                    eager=False)
        index._holding = _Holders(stored.vocabulary, keys)
        index._words = list(stored.vocabulary)
        return index

    def book_columns(self) -> StoredColumns:
        """What ``stored`` takes, the phrases in the order the index was given them.
        Analyses every phrase not yet analysed."""
        compiled = _Compiled.of_phrases(self._phrases.items(), self._analysis, eager=False)
        vocabulary: dict[str, list[int]] = {}
        for position, words in enumerate(compiled.values("words")):
            for word in words:
                vocabulary.setdefault(word, []).append(position)
        joined = {name: _joined([" ".join(words) for words in values] if name == "words" else values)
                  for name in COLUMNS for values in [compiled.values(name)]}
        return StoredColumns(compiled.keys, joined, vocabulary)

    def digit_continues_code(self, prefix: str) -> bool:
        """Whether some short code continues ``prefix`` with a digit. The picker asks this
        to tell a digit typed as part of a code from a digit choosing a result: where codes
        "wh" and "wh2" exist, "wh3" is a code being typed (and found to exist for none),
        never "insert result 3" — an agent who mistypes a numbered code must not send the
        buyer a reply they did not read."""
        pattern = re.compile(re.escape(SEPARATOR + normalise(prefix)) + r"\d")
        return pattern.search(self._compiled.column("code").haystack) is not None

    def search(self, query: str, limit: int = 20, *, book_id: str | None = None,
               group: str | None = None, hidden: Collection[str] = (),
               first: Collection[str] = ()) -> list[Phrase]:
        """The best ``limit`` phrases for ``query``, leaving out the ``hidden`` books; the
        most used ones for an empty query, those of the ``first`` books before the rest."""
        compiled = self._compiled
        terms = [_Query.of(term, self.cache) for term in normalise(query).split()]

        def allowed(index: int) -> bool:
            owner = compiled.keys[index][0]
            return ((book_id is None or owner == book_id) and owner not in hidden
                    and (group is None or compiled.phrases[index].group == group))

        if not terms:
            everything = range(len(compiled.keys))
            # Lazily, so a large index stops scanning at ``limit`` as for any query.
            candidates: Iterable[int] = chain((i for i in everything if compiled.keys[i][0] in first),
                                              everything) if first else everything
        else:
            candidates = self._ranked(compiled, terms[0])
        extra_terms = terms[1:]
        results: list[Phrase] = []
        seen: set[int] = set()
        for index in candidates:
            if index in seen or not allowed(index):
                continue
            seen.add(index)
            if extra_terms and not all(self._matches(compiled, index, term) for term in extra_terms):
                continue
            results.append(compiled.phrases[index])
            if len(results) >= limit:
                break
        return results

    def _ranked(self, compiled: _Compiled, term: _Query) -> Iterator[int]:
        """Candidate indices, best first (may repeat)."""
        yield from compiled.codes.get(term.plain, ())
        known = compiled.narrowing.known(term.plain)
        where = self._where(compiled, term)
        for number, (field_name, form, anchored) in enumerate(_TIERS):
            if form == "fuzzy":  # a longer term may be close to words a shorter one was not
                yield from self._fuzzy(compiled, term)
                continue
            column = compiled.column(field_name)
            before = known.get(number)
            if before is None:
                before = where(field_name)
            hits = (_scan(column, term, form, anchored) if before is None
                    else _check(column, term, form, anchored, before) if before else None)
            if hits is None:
                continue
            found: list[int] = []
            for index in hits:
                found.append(index)
                yield index
            compiled.narrowing.record(term.plain, number, found)

    def _where(self, compiled: _Compiled, term: _Query) -> Callable[[str], list[int] | None]:
        """Column → the positions of the phrases whose value in it holds ``term``, in
        order; None where the column is to be scanned (no grams, a term they do not take,
        one too common, or the codes). A pinyin column holds a phrase's plain form where
        it has no pinyin of its own (``_row_values``), which the grams leave out: the plain
        tier of the field, anchored alike, comes first and finds that phrase already."""
        grams = self._grams if usable(term.plain) else None
        found: dict[str, list[int] | None] = {}  # a column is scanned anchored, then not

        def where(name: str) -> list[int] | None:
            if name not in found:
                at = _ROW_INDEX.get(name)
                keys = grams.holding(at, term.plain) if grams is not None and at is not None else None
                found[name] = None if keys is None else compiled.places(keys)
            return found[name]

        return where

    def _fuzzy(self, compiled: _Compiled, term: _Query) -> Iterator[int]:
        """Phrases with a word close to the term: the closest spelling first, then popularity."""
        if not _fuzzy_term(term):
            return
        from rapidfuzz import fuzz, process  # only once a query gets this far: memory at idle

        vocabulary = self.vocabulary()
        close = process.extract(term.plain, self._words, scorer=fuzz.ratio,
                                score_cutoff=FUZZY_CUTOFF, limit=20)  # closest first
        # By closeness, and the phrases of one closeness by popularity, merged as the
        # search takes them: a common word ("shipping") is held by thousands of phrases,
        # and sorting them all by a Python key took 10 ms of a keystroke.
        done: set[int] = set()
        for _, level in groupby(close, key=itemgetter(1)):
            holders = [compiled.holders(word, vocabulary[word]) for word, _, _ in level]
            taken: list[int] = []
            for index in merge(*holders):
                if index not in done and (not taken or taken[-1] != index):
                    taken.append(index)
                    yield index
            done.update(taken)

    @staticmethod
    def _matches(compiled: _Compiled, index: int, term: _Query) -> bool:
        def forms(suffix: str) -> list[str]:
            return [compiled.values(field + suffix)[index] for field in ("title", "group", "tags", "text")]

        checks: list[Callable[[], bool]] = [
            lambda: compiled.values("code")[index].startswith(term.plain),
            lambda: any(term.plain in value for value in forms("")),
        ]
        if term.pinyin:
            pattern = term.syllable_pattern()
            checks += [
                lambda: any(term.initials in value for value in forms("_initials")),
                lambda: any(pattern.search(value) for value in forms("_full")),
            ]
        if _fuzzy_term(term):
            checks.append(lambda: _close_word(term.plain, compiled.values("words")[index]))
        return any(check() for check in checks)


def _fuzzy_term(term: _Query) -> bool:
    """Short or non-Latin terms match too much by closeness to be worth it."""
    return len(term.plain) >= FUZZY_MIN_LENGTH and term.plain.isascii()


def _close_word(term: str, words: Sequence[str]) -> bool:
    """Whether a word of one phrase is a typo's distance from ``term`` ("numbr" → number)."""
    from rapidfuzz import fuzz, process

    return process.extractOne(term, words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF) is not None


def distinct_replies(found: Iterable[Phrase], subscribed: Container[str]) -> list[Phrase]:
    """``found`` with each reply text once, where it first ranked. Of identical replies
    the one from a ``subscribed`` book is kept: a team book derived from the shipped one
    repeats its replies, and the team's copy is the one the lead keeps up to date."""
    kept: dict[str, Phrase] = {}
    for phrase in found:
        first = kept.get(phrase.text)
        if first is None or (phrase.book_id in subscribed and first.book_id not in subscribed):
            kept[phrase.text] = phrase
    return list(kept.values())


def search(phrases: Iterable[Phrase], query: str, limit: int = 20) -> list[Phrase]:
    """One-off search (the CLI); long-lived callers keep a ``SearchIndex``."""
    return SearchIndex(phrases).search(query, limit)
