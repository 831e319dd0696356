"""Texts to practise on: the shipped drill texts (written for this app, in the trade's
own words), the user's phrasebook replies ("practise what you send"), pasted or
imported text, long texts for timed drills, and adaptive drills built from the
characters and words a trainee misses or types slowly.

The shipped texts live in ``phrasebooks/drills/<language>.json``, a folder of their own
so that the phrasebook loader (which reads ``phrasebooks/*.json``) never takes them for
phrasebooks.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.data.records import BadRecord, read_record
from assistant.drills.keys import LETTERS
from assistant.drills.session import LANGUAGES, DrillResult, DrillText, language_of, normalise_drill_text, pinyin_of
from assistant.drills.words import words
from assistant.errors import BadInput, QuickReplyError
from assistant.formats import read_bytes
from assistant.formats.text import decode_text
from assistant.i18n import N_, tr
from assistant.phrases.model import default_title
from assistant.phrases.templates import expand, placeholders, split_messages
from assistant.team import subscriptions

if TYPE_CHECKING:
    from assistant.data.folder import DataFolder
    from assistant.phrases.store import Store

DRILLS_FORMAT = "quickreply-drills"
#: A text file to practise on is prose, not a book: larger files are refused unread.
MAX_FILE_BYTES = 200 * 1024
#: About an hour at 300 characters per minute.
MAX_CHARACTERS = 20_000
#: Shorter replies ("好的", "OK") are no practice.
MIN_PHRASE_CHARACTERS = 8
#: Timed drills are built for the fastest typist the trade talks about.
TIMED_CPM = 300
#: Adaptive drills: about a minute and a half at the goal of 90 per minute.
ADAPTIVE_CHARACTERS = {"zh": 150, "en": 300}
#: Weak characters: how many tries at the overall miss rate a character's own record is
#: smoothed with.
PRIOR_COMMITS = 10
#: Where a sentence ends; in Chinese text a space too (it was a line break in a reply).
_SENTENCE_END = {"zh": re.compile(r"(?<=[。！？!?；;…])|(?<=[～~])(?!\d)|\s+"), "en": re.compile(r"(?<=[.!?;])\s+")}
_LIST_NUMBER = re.compile(r"^\d+[.、)）]\s*")
_JOINER = {"zh": "", "en": " "}


# -- shipped texts ------------------------------------------------------------------------


def shipped_texts(language: str | None = None) -> list[DrillText]:
    """The drill texts that come with the app, Chinese first; only ``language`` when given."""
    return [text for text in _shipped() if language is None or text.language == language]


@cache
def _shipped() -> tuple[DrillText, ...]:
    folder = resources.files("phrasebooks") / "drills"
    found: list[DrillText] = []
    for language in LANGUAGES:
        document = json.loads((folder / f"{language}.json").read_text("utf-8"))
        if document.get("format") != DRILLS_FORMAT:
            raise ValueError(f"phrasebooks/drills/{language}.json is not a drill text file")
        for entry in document["texts"]:
            text = normalise_drill_text(entry["text"])
            if language_of(text) != language:
                raise ValueError(f"shipped drill {entry['id']} is not in {language}")
            found.append(DrillText(id=f"shipped:{entry['id']}", title=entry["title"], text=text,
                                   language=language, source="shipped"))
    return tuple(found)


def timed_text(language: str, minutes: int, seed: int | None = None) -> DrillText:
    """Shipped texts of ``language`` in a shuffled order (``seed`` repeats one), joined
    until a typist at 300 characters per minute could not finish in ``minutes``."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    pool = shipped_texts(language)
    shuffler = random.Random(seed)
    pieces: list[str] = []
    while sum(len(piece) + 1 for piece in pieces) < minutes * TIMED_CPM:
        batch = [text.text for text in pool]
        shuffler.shuffle(batch)
        pieces += batch
    text = _JOINER[language].join(pieces)
    return DrillText(id=f"shipped:timed-{_digest(text)}", title=tr("Timed drill, {minutes} min", minutes=minutes),
                     text=text, language=language, source="shipped")


# -- the user's own texts -----------------------------------------------------------------


def phrase_texts(store: Store, book_id: str | None = None) -> list[DrillText]:
    """Each reply of a book (every book when None) as a drill: "practise what you send".

    Placeholders are left out ({name} is a different buyer every time), messages of a
    "separate messages" reply are joined, and replies too short to practise on skipped.
    """
    found = []
    for phrase in store.phrases(book_id, with_usage=False):
        blanks = {item.name: "" for item in placeholders(phrase.text)} | {"agent": "", "date": "", "time": ""}
        filled = expand(phrase.text, blanks).text
        text = normalise_drill_text(" ".join(split_messages(filled)))
        if len(text) >= MIN_PHRASE_CHARACTERS:
            found.append(DrillText(id=f"phrase:{phrase.book_id}/{phrase.id}", title=phrase.title, text=text,
                                   language=language_of(text), source="phrasebook"))
    return found


def custom_text(text: str, title: str = "") -> DrillText:
    """Pasted text as a drill; ``QuickReplyError`` when there is nothing to type or far too much."""
    text = normalise_drill_text(text)
    if not text:
        raise QuickReplyError(tr("there is no text to practise on"))
    if len(text) > MAX_CHARACTERS:
        raise QuickReplyError(tr("the text has {length} characters; a drill takes at most {limit}",
                                 length=len(text), limit=MAX_CHARACTERS))
    return DrillText(id=f"custom:{_digest(text)}", title=title or default_title(text), text=text,
                     language=language_of(text), source="custom")


def team_text(text: str, title: str = "") -> DrillText:
    """A race text for the team lead to publish (``assistant.team.publication``): checked
    as pasted text is, its id from its words, so the same text is the same race."""
    found = custom_text(text, title)
    return replace(found, id=f"team:{_digest(found.text)}", source="team")


def team_texts(folder: DataFolder) -> list[DrillText]:
    """The race texts of the team drill subscriptions, newest revision of each."""
    found = []
    for entry in subscriptions.load(folder):
        if entry.drill:
            try:
                found.append(read_record(DrillText, entry.drill, N_("drill")))
            except BadRecord:
                continue  # a hand-edited record: the next check of the source brings the text back
    return found


def text_from_file(path: Path) -> DrillText:
    """A text file in any encoding (UTF-8, GBK, UTF-16…) as a drill titled by its name."""
    if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
        raise BadInput(tr("the file is too large for a drill ({size} KB; the limit is {limit} KB)",
                          size=path.stat().st_size // 1024, limit=MAX_FILE_BYTES // 1024), path)
    text = decode_text(read_bytes(path), str(path))
    try:
        return custom_text(text, title=path.stem)
    except QuickReplyError as error:
        raise BadInput(str(error), path) from error


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# -- adaptive drills ----------------------------------------------------------------------


@dataclass(frozen=True)
class Weak:
    """A character or a word the trainee misses or types slowly, over the drills given."""

    text: str
    seen: int
    missed: int
    miss_rate: float
    mean_ms: float


def weak_characters(history: Sequence[DrillResult], limit: int = 10) -> list[Weak]:
    """The weakest characters first (from ``char_stats``); see ``_weakest``."""
    return _weakest([result.char_stats for result in history], limit)


def weak_words(history: Sequence[DrillResult], limit: int = 10) -> list[Weak]:
    """The weakest words first (from ``word_stats``); see ``_weakest``. A word's time is
    weighed per character, so a long word is not weak for its length alone."""
    return _weakest([result.word_stats for result in history], limit)


def weak_keys(history: Sequence[DrillResult], limit: int = 8) -> list[Weak]:
    """The weakest keys first (from ``key_stats``: letters, pinyin letters in Chinese
    drills); see ``_weakest``."""
    return _weakest([result.key_stats for result in history], limit)


def _weakest(tables: Sequence[dict[str, dict]], limit: int) -> list[Weak]:
    """Weakness is the chance of a miss times how much slower per character than the
    trainee's average the character or word is typed. The chance is smoothed toward the
    trainee's overall miss rate as if by ``PRIOR_COMMITS`` more tries, so one slip in
    one try does not outweigh a habit. Only entries missed at least once or slower than
    average are listed; spaces never."""
    seen: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    total_ms: dict[str, float] = defaultdict(float)
    for table in tables:
        for text, stats in table.items():
            if not text.strip() or not isinstance(stats, dict):
                continue
            count = _count(stats.get("seen"))
            if not count:
                continue
            seen[text] += count
            missed[text] += min(_count(stats.get("missed")), count)
            ms = stats.get("ms")
            total_ms[text] += ms * count if isinstance(ms, int | float) and ms >= 0 else 0.0
    tries = sum(seen.values())
    if not tries:
        return []
    average_ms = sum(total_ms.values()) / sum(seen[text] * len(text) for text in seen) or 1.0
    miss_rate = sum(missed.values()) / tries
    found = [Weak(text, seen[text], missed[text], missed[text] / seen[text], total_ms[text] / seen[text])
             for text in seen]

    def slowness(weak: Weak) -> float:
        return weak.mean_ms / len(weak.text) / average_ms

    def weakness(weak: Weak) -> float:
        return (weak.missed + PRIOR_COMMITS * miss_rate) / (weak.seen + PRIOR_COMMITS) * slowness(weak)

    found = [weak for weak in found if weak.missed or slowness(weak) > 1]
    return sorted(found, key=lambda weak: (-weakness(weak), weak.text))[:limit]


def _key_density(sentence: str, key_weights: dict[str, int]) -> float:
    """The mean weak-key weight of the keys that type ``sentence`` (0 without weak keys)."""
    if not key_weights:
        return 0.0
    letters = [letter for letter in "".join(pinyin_of(sentence)) + sentence.lower() if letter in LETTERS]
    return sum(key_weights.get(letter, 0) for letter in letters) / len(letters) if letters else 0.0


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def adaptive_text(history: Sequence[DrillResult], store: Store | None, language: str,
                  today: date | None = None) -> DrillText | None:
    """A drill of the sentences, from the user's replies and the shipped texts, densest
    in the trainee's weak characters and weak words of ``language`` (a weak word counts
    for each of its characters) and richest in their weak keys (keybr's approach: the
    mean weight of a sentence's letters, pinyin letters for Chinese, is added to its
    density); None when there is nothing weak yet (no drill in that language, or no
    miss and nothing slow)."""
    same_language = [result for result in history if result.language == language]
    weak, weak_in_words = weak_characters(same_language), weak_words(same_language)
    keys = weak_keys(same_language)
    if not weak and not weak_in_words and not keys:
        return None
    weights = {item.text: len(weak) - rank for rank, item in enumerate(weak)}
    word_weights = {item.text: (len(weak_in_words) - rank) * len(item.text) for rank, item in enumerate(weak_in_words)}
    key_weights = {item.text: len(keys) - rank for rank, item in enumerate(keys)}
    pool = [text.text for text in (phrase_texts(store) if store is not None else []) if text.language == language]
    pool += [text.text for text in shipped_texts(language)]
    scored: dict[str, float] = {}
    for sentence in (_LIST_NUMBER.sub("", part.strip()) for text in pool
                     for part in _SENTENCE_END[language].split(text)):
        if len(sentence) >= MIN_PHRASE_CHARACTERS and sentence not in scored:
            found = sum(weights.get(char, 0) for char in sentence)
            if word_weights:
                found += sum(word_weights.get(word, 0) for word in words(sentence))
            scored[sentence] = found / len(sentence) + _key_density(sentence, key_weights)
    chosen: list[str] = []
    for sentence in sorted((s for s in scored if scored[s] > 0), key=lambda s: (-scored[s], s)):
        chosen.append(sentence)
        if sum(map(len, chosen)) >= ADAPTIVE_CHARACTERS[language]:
            break
    if not chosen:
        return None
    day = (today or date.today()).isoformat()
    items = " ".join([item.text for item in weak[:5]] + [item.text for item in weak_in_words[:3]])
    title = (tr("Your weak characters and words: {items}", items=items) if weak_in_words
             else tr("Your weak characters: {chars}", chars=items))
    if keys:
        title = tr("{title}; keys: {keys}", title=title, keys=" ".join(item.text for item in keys[:4]))
    return DrillText(id=f"adaptive:{day}", text=normalise_drill_text(_JOINER[language].join(chosen)),
                     title=title, language=language, source="adaptive")
