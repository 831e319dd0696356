"""Measuring one drill: what the trainee committed, when, and what it says about them.

The drill window feeds a ``DrillSession`` three kinds of input event, each with a
caller-supplied monotonic time: a physical key press in the drill's input box, the
start of an input-method composition, and the box's whole committed text after every
change (never the preedit: a character counts once, when the input method commits it,
however many pinyin keys it took). The session diffs the committed text itself, so
the window needs no bookkeeping; ``finish`` turns the events into a ``DrillResult``.

Definitions (for trainees in ``docs/typing-metrics.md``):

* **Active time.** The clock starts at the first key press or composition and ends at
  the last commit. A gap of more than ``pause_threshold`` seconds between two input
  events is a pause: it is listed and left out. Each stretch of typing (the first one
  and each one after a pause) is given one *typical interval*, the mean time between
  two key presses outside pauses, because the first key of a stretch took as long as
  any other: N characters typed at an even interval d then measure exactly N·d, not
  (N-1)·d, which would read 1% fast on a 100-character text.
* **Alignment.** The input is aligned with the text by edit distance
  (``assistant.drills.alignment``), not compared place by place: a skipped, doubled or
  extra character is one error, and what follows it lines up again.
* **Net CPM** correct characters in the input per active minute; **raw CPM** all
  characters in the input; **WPM** net CPM / 5 (English only).
* **Accuracy** hits / (commits + skipped characters): a commit is a hit when, as aligned
  the moment it was committed, it matched the text; a character of the text passed over
  is one miss. A mistake corrected later still counts as a miss, and the right
  character typed after the fix as a hit.
* **Consistency** coefficient of variation of characters per active second, each
  committed character spread evenly over the time since the commit before it.
* **Per character and per word** (``char_stats``, ``word_stats``): commits or tries,
  misses, and mean milliseconds; a word (``assistant.drills.words``) is timed from the
  commit before its first character to the commit of its last.
"""

from __future__ import annotations

import math
import re
import statistics
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from assistant.data.records import read_record
from assistant.drills.alignment import Aligner, Alignment
from assistant.drills.keys import PinyinKeys, latin_key_stats
from assistant.drills.words import word_spans
from assistant.errors import QuickReplyError
from assistant.i18n import N_, tr
from assistant.phrases.pinyin import CJK_RUN, PinyinCache
from assistant.timestamps import stamp

LANGUAGES = ("zh", "en")
MODES = ("fixed", "timed")
SOURCES = ("shipped", "phrasebook", "custom", "adaptive", "team")
#: A text is Chinese when at least this share of its letters are Han characters.
ZH_SHARE = 0.3
WPM_CHARACTERS = 5
#: The per-character, per-word and per-key tables: kept in the history, left out of the statistics
#: export and the CSV (the team lead reads figures), optional when a record is read.
DETAIL_FIELDS = ("char_stats", "word_stats", "key_stats")

_WHITESPACE = re.compile(r"\s+")
_KEY, _COMPOSE, _CHANGE = "key", "compose", "change"
_PINYIN = PinyinCache()


# -- texts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrillText:
    """A text to type. ``id`` says where it came from: "shipped:zh-01",
    "phrase:<book_id>/<phrase_id>", "custom:<sha1[:10]>", "adaptive:<yyyy-mm-dd>" or
    "team:<sha1[:10]>" (a race text the team lead published, ``assistant.team.publication``)."""

    id: str
    title: str
    text: str
    language: str
    source: str


def normalise_drill_text(text: str) -> str:
    """Whitespace runs become one space, ends stripped: a line break in a pasted text
    must not be a character nobody can type into a one-line box."""
    return _WHITESPACE.sub(" ", text).strip()


def language_of(text: str) -> str:
    """"zh" when at least 30% of the letters are Han characters, else "en"."""
    letters = [char for char in text if char.isalpha()]
    han = sum(1 for char in letters if CJK_RUN.fullmatch(char))
    return "zh" if letters and han / len(letters) >= ZH_SHARE else "en"


def pinyin_of(text: str, pinyin: PinyinCache = _PINYIN) -> list[str]:
    """Each character's full pinyin, read in its run ("" for anything not Han)."""
    found = [""] * len(text)
    for match in CJK_RUN.finditer(text):
        for offset, syllable in enumerate(pinyin.syllables(match.group())):
            found[match.start() + offset] = syllable
    return found


def ideal_keystrokes(text: str, pinyin: PinyinCache = _PINYIN) -> list[int]:
    """The fewest keys for each character: its full pinyin for a Han character (without
    the key that picks the candidate), 1 for anything else, +1 for a capital (Shift)."""
    return [len(syllable) if syllable else 2 if char.isupper() else 1
            for char, syllable in zip(text, pinyin_of(text, pinyin), strict=True)]


# -- the session ---------------------------------------------------------------------------


class CharState(Enum):
    PENDING = "pending"      # not typed yet
    CORRECT = "correct"
    WRONG = "wrong"          # typed and currently wrong
    CORRECTED = "corrected"  # currently right, but was wrong at some point


@dataclass(frozen=True)
class LiveFigures:
    """The figures while typing. ``accuracy`` is 1 until something is committed."""

    elapsed: float
    net_cpm: float
    raw_cpm: float
    accuracy: float
    position: int
    paused: bool


@dataclass(frozen=True)
class FirstError:
    """The first uncorrected error, for the drill window to show in place: "wrong" (``typed``
    where the text has ``expected``), "skipped" (``expected`` left out) or "extra"
    (``typed`` before ``expected``, "" at the end of the text); ``place`` is in the text."""

    kind: str
    place: int
    typed: str
    expected: str


@dataclass(frozen=True)
class _Commit:
    """Characters one change added: the event that added them and, for each, its place
    in the text as aligned when it was committed (None: extra) and whether it matched;
    and the places of the text this change was the first to pass over (each a miss)."""

    event: int
    places: tuple[int | None, ...]
    hits: tuple[bool, ...]
    skipped: tuple[int, ...]


class _Clock:
    """Input event times and the active time they add up to (see the module docstring).

    Sums are kept as events arrive, so the live figures cost the same at the end of a
    five-minute drill as at its start.
    """

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.times: list[float] = []
        self.kinds: list[str] = []
        self.steady = 0.0                        # the gaps up to the threshold
        self.pauses: list[int] = []              # index of the event after each pause
        self._last: dict[str, float] = {}
        self._kind_gaps: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
        self._gaps = 0

    @classmethod
    def replay(cls, threshold: float, times: list[float], kinds: list[str]) -> _Clock:
        clock = cls(threshold)
        for time, kind in zip(times, kinds, strict=True):
            clock.add(time, kind)
        return clock

    def add(self, t: float, kind: str) -> int:
        """Record an event; a time before the last one (a caller's clock hiccup) counts as
        the same moment. Returns the event's index."""
        if self.times:
            t = max(t, self.times[-1])
            gap = t - self.times[-1]
            if gap > self.threshold:
                self.pauses.append(len(self.times))
            else:
                self.steady += gap
                self._gaps += 1
            previous = self._last.get(kind)
            if previous is not None and t - previous <= self.threshold:
                sums = self._kind_gaps[kind]
                sums[0] += t - previous
                sums[1] += 1
        self.times.append(t)
        self.kinds.append(kind)
        self._last[kind] = t
        return len(self.times) - 1

    def typical_interval(self) -> float:
        """Mean time between key presses outside pauses; between commits when the window
        reported no keys; between any events as the last resort."""
        for kind in (_KEY, _CHANGE):
            total, count = self._kind_gaps[kind]
            if count:
                return total / count
        return self.steady / self._gaps if self._gaps else 0.0

    def active(self) -> float:
        """Active seconds up to the last event."""
        if not self.times:
            return 0.0
        return self.typical_interval() * (1 + len(self.pauses)) + self.steady

    def active_times(self) -> list[float]:
        """The active clock at each event."""
        lead = self.typical_interval()
        pauses = set(self.pauses)
        found: list[float] = []
        for index, time in enumerate(self.times):
            if index == 0:
                found.append(lead)
            else:
                gap = time - self.times[index - 1]
                found.append(found[-1] + (lead if index in pauses else gap))
        return found


class DrillSession:
    """One drill being typed; see the module docstring for what is measured.

    A drill ends when the committed input reaches the end of the text (right or wrong),
    in either mode; a timed drill also when its active time reaches ``minutes`` (the
    caller asks ``is_over`` as time passes). Events after the end are ignored.
    """

    def __init__(self, text: DrillText, *, mode: str = "fixed", minutes: int | None = None,
                 pause_threshold: float = 10.0) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown drill mode {mode!r}")
        if mode == "timed" and (minutes is None or minutes < 1):
            raise ValueError("a timed drill needs minutes >= 1")
        if not text.text:
            raise ValueError("a drill needs a text")
        self.text = text
        self.mode = mode
        self.minutes = minutes
        self.pause_threshold = pause_threshold
        self._clock = _Clock(pause_threshold)
        self._typed = ""
        self._aligner = Aligner(text.text)
        self._alignment = Alignment((), (), (), 0)
        self._ever_wrong = [False] * len(text.text)
        self._counted_skips: set[int] = set()
        self._pinyin_keys = PinyinKeys(pause_threshold)
        self._text_pinyin: list[str] | None = None
        self._commits: list[_Commit] = []
        self._keystrokes = 0
        self._corrections = 0
        self._finished = False

    # -- input ---------------------------------------------------------------------------

    def key_pressed(self, t: float, *, backspace: bool = False) -> None:
        """A physical key press in the drill's input box (pinyin keys included; the
        key's identity is never needed, only that one was pressed). ``backspace`` is
        accepted for callers that know it; a backspace counts like any key."""
        if self.is_over(t):
            return
        self._keystrokes += 1
        self._clock.add(t, _KEY)
        self._pinyin_keys.pressed(t)

    def preedit_changed(self, preedit: str, t: float, *, committing: bool = False) -> None:
        """The input method's preedit now (``committing``: the same event commits text):
        the pinyin letters it grows and loses are the per-key figures of a Chinese drill
        (``assistant.drills.keys``)."""
        if not self.is_over(t):
            self._pinyin_keys.preedit(preedit, committing)

    def composition_started(self, t: float) -> None:
        """Input-method preedit began; starts the clock when no key press was seen."""
        if not self.is_over(t):
            self._clock.add(t, _COMPOSE)

    def typed_changed(self, typed: str, t: float) -> None:
        """The input box's whole committed text now (no preedit), diffed with the last:
        characters that appeared are commits, characters that went are corrections. The
        drill ends when the text's last character is committed, whatever the errors."""
        if self.is_over(t):
            return
        previous = self._typed
        if typed == previous:
            return
        event = self._clock.add(t, _CHANGE)
        start, removed, added = diff(previous, typed)
        self._corrections += removed
        self._typed = typed
        alignment = self._alignment = self._aligner.align(typed)
        if not added:
            return
        places = alignment.places[start:start + len(added)]
        hits = alignment.hits[start:start + len(added)]
        skipped = tuple(place for place in alignment.skipped if place not in self._counted_skips)
        self._counted_skips.update(skipped)
        for place in (*skipped, *(place for place, hit in zip(places, hits, strict=True) if not hit)):
            if place is not None:
                self._ever_wrong[place] = True
        self._commits.append(_Commit(event, places, hits, skipped))
        self._pinyin_keys.committed(self._expected_pinyin(places, hits))
        if alignment.reached == len(self.text.text):
            self._finished = True

    # -- state ---------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return bool(self._clock.times)

    @property
    def finished(self) -> bool:
        """The drill is over as of the last event or ``is_over`` call: the text is all
        typed, the time was up, or ``finish`` was called."""
        return self._finished

    @property
    def typed(self) -> str:
        return self._typed

    def is_over(self, t: float) -> bool:
        """Whether the drill is over at ``t``: the text is all typed, or a timed drill's
        active clock (as ``live`` shows it: running while the trainee hesitates, standing
        still in a pause) has reached the limit. Once over, over: ``finished`` says so
        from then on, and a pause that follows cannot reopen the drill."""
        if not self._finished and self.mode == "timed" and self.started:
            self._finished = self._elapsed(t)[0] >= (self.minutes or 0) * 60
        return self._finished

    def states(self) -> list[CharState]:
        """Each character of the text as the input stands now (a skipped one is wrong)."""
        alignment = self._alignment
        found = [CharState.PENDING] * len(self.text.text)
        for place in alignment.skipped:
            found[place] = CharState.WRONG
        for place, hit in zip(alignment.places, alignment.hits, strict=True):
            if place is not None:
                found[place] = (CharState.CORRECTED if self._ever_wrong[place] else CharState.CORRECT) if hit \
                    else CharState.WRONG
        return found

    def first_error(self) -> FirstError | None:
        """The uncorrected error nearest the start of the text, None when there is none."""
        alignment = self._alignment
        text = self.text.text
        found = [FirstError("skipped", place, "", text[place]) for place in alignment.skipped[:1]]
        index = next((index for index, hit in enumerate(alignment.hits) if not hit), None)
        if index is not None:
            place = alignment.places[index]
            if place is None:  # an extra character goes before the next place the input covers
                place = next((later for later in alignment.places[index:] if later is not None), alignment.reached)
            found.append(FirstError("wrong" if alignment.places[index] is not None else "extra", place,
                                    self._typed[index], text[place] if place < len(text) else ""))
        return min(found, key=lambda error: (error.place, error.kind != "extra"), default=None)

    def _expected_pinyin(self, places: tuple[int | None, ...], hits: tuple[bool, ...]) -> str | None:
        """The pinyin the text wanted for a commit with a wrong Han character; None otherwise."""
        text = self.text.text
        if all(hit or place is None or not CJK_RUN.fullmatch(text[place]) for place, hit in zip(places, hits,
                                                                                           strict=True)):
            return None
        if self._text_pinyin is None:
            self._text_pinyin = pinyin_of(text)
        return "".join(self._text_pinyin[place] for place in places if place is not None)

    def _correct_now(self) -> int:
        return self._alignment.correct

    def _accuracy(self) -> float:
        hits = sum(sum(commit.hits) for commit in self._commits)
        tries = sum(len(commit.hits) + len(commit.skipped) for commit in self._commits)
        return hits / tries if tries else 1.0

    def live(self, t: float) -> LiveFigures:
        """The figures at ``t``: the clock runs between events and stops at the last
        event once the gap passes the pause threshold."""
        if not self.started:
            return LiveFigures(0.0, 0.0, 0.0, 1.0, 0, False)
        elapsed, paused = self._elapsed(t)
        return LiveFigures(elapsed=elapsed, net_cpm=_per_minute(self._correct_now(), elapsed),
                           raw_cpm=_per_minute(len(self._typed), elapsed), accuracy=self._accuracy(),
                           position=self._alignment.reached, paused=paused)

    def _elapsed(self, t: float) -> tuple[float, bool]:
        """Active seconds at ``t`` (once started), and whether the trainee is paused."""
        idle = max(t - self._clock.times[-1], 0.0)
        paused = idle > self.pause_threshold
        return self._clock.active() + (0.0 if paused else idle), paused

    # -- the result ----------------------------------------------------------------------

    def finish(self, t: float, *, now: datetime | None = None, trainee: str = "") -> DrillResult:
        """The result; the clock ends at the last commit (``t`` only closes the session:
        nothing typed after it counts)."""
        self._finished = True
        last = max((commit.event for commit in self._commits), default=-1)
        clock = _Clock.replay(self.pause_threshold, self._clock.times[:last + 1], self._clock.kinds[:last + 1])
        active_times = clock.active_times()
        active = active_times[-1] if active_times else 0.0
        wall = clock.times[-1] - clock.times[0] + clock.typical_interval() if clock.times else 0.0
        spans = _commit_spans(self._commits, active_times)
        correct = self._correct_now()
        characters = len(self._typed)
        net_cpm = _per_minute(correct, active)
        reached = self.text.text[:self._alignment.reached] or self.text.text
        ideal = ideal_keystrokes(reached)
        return DrillResult(
            id=uuid.uuid4().hex,
            finished=stamp(now or datetime.now(UTC)),
            trainee=trainee, language=self.text.language, text_id=self.text.id, text_title=self.text.title,
            source=self.text.source, mode=self.mode, minutes=self.minutes,
            net_cpm=round(net_cpm, 2), raw_cpm=round(_per_minute(characters, active), 2),
            wpm=round(net_cpm / WPM_CHARACTERS, 2) if self.text.language == "en" else None,
            accuracy=self._accuracy() if self._commits else 0.0,
            uncorrected_errors=self._alignment.errors,
            consistency=round(_consistency(self._commits, spans, active), 3),
            active_seconds=round(active, 2), wall_seconds=round(wall, 2),
            wall_cpm=round(_per_minute(correct, wall), 2),
            pauses=[{"at": round(active_times[index - 1], 1), "seconds": round(clock.times[index]
                                                                                 - clock.times[index - 1], 1)}
                    for index in clock.pauses],
            keystrokes=self._keystrokes,
            keystrokes_per_second=round(self._keystrokes / active, 2) if active else 0.0,
            keystrokes_per_char=round(self._keystrokes / characters, 2) if characters else 0.0,
            ideal_keystrokes_per_char=round(sum(ideal) / len(ideal), 2),
            corrections=self._corrections, characters=characters, correct_characters=correct,
            char_stats=(char_stats := _char_stats(self.text.text, self._commits, spans)),
            word_stats=_word_stats(self.text.text, self._commits, spans),
            key_stats=latin_key_stats(char_stats) if self.text.language == "en" else self._pinyin_keys.stats())

    @property
    def alignment(self) -> Alignment:
        """The input as it stands, aligned with the text."""
        return self._alignment


def diff(before: str, after: str) -> tuple[int, int, str]:
    """How ``after`` differs from ``before`` as one edit: (where it starts, how many
    characters went, the characters that came). Appends, deletions at any place and a
    replaced selection are each one such edit."""
    start = 0
    shortest = min(len(before), len(after))
    while start < shortest and before[start] == after[start]:
        start += 1
    tail = 0
    while tail < shortest - start and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    return start, len(before) - start - tail, after[start:len(after) - tail]


def _per_minute(count: float, seconds: float) -> float:
    return count * 60 / seconds if seconds > 0 else 0.0


def _commit_spans(commits: list[_Commit], active_times: list[float]) -> list[tuple[float, float]]:
    """Each commit's stretch of active time: from the commit before it (or the start of
    the clock) to its own moment."""
    spans = []
    previous = 0.0
    for commit in commits:
        moment = active_times[commit.event]
        spans.append((previous, moment))
        previous = moment
    return spans


def _consistency(commits: list[_Commit], spans: list[tuple[float, float]], active: float) -> float:
    """Coefficient of variation of characters per whole active second, each commit's
    characters spread evenly over its span; 0 with fewer than two whole seconds."""
    seconds = int(active)
    if seconds < 2:
        return 0.0
    bins = [0.0] * seconds
    for commit, (begin, end) in zip(commits, spans, strict=True):
        count = len(commit.hits)
        if end <= begin:
            if int(begin) < seconds:
                bins[int(begin)] += count
            continue
        rate = count / (end - begin)
        for second in range(int(begin), min(math.ceil(end), seconds)):
            bins[second] += (min(end, second + 1) - max(begin, second)) * rate
    mean = statistics.fmean(bins)
    return statistics.pstdev(bins) / mean if mean else 0.0


def _char_stats(text: str, commits: list[_Commit], spans: list[tuple[float, float]]) -> dict[str, dict]:
    """Per character of the text: commits at its place (as aligned), misses, mean ms per
    commit (a commit of several characters shares its span among them). A character
    passed over is seen and missed, untimed; an extra character belongs to none."""
    seen: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    timed: dict[str, int] = defaultdict(int)
    total_ms: dict[str, float] = defaultdict(float)
    for commit, (begin, end) in zip(commits, spans, strict=True):
        share = (end - begin) * 1000 / len(commit.hits)
        for place in commit.skipped:
            seen[text[place]] += 1
            missed[text[place]] += 1
        for place, hit in zip(commit.places, commit.hits, strict=True):
            if place is None:
                continue
            want = text[place]
            seen[want] += 1
            missed[want] += 0 if hit else 1
            timed[want] += 1
            total_ms[want] += share
    return {char: {"seen": seen[char], "missed": missed[char],
                   "ms": round(total_ms[char] / timed[char], 1) if timed[char] else 0.0} for char in seen}


def _word_stats(text: str, commits: list[_Commit], spans: list[tuple[float, float]]) -> dict[str, dict]:
    """Per word of the target text (``assistant.drills.words``): how many times it was
    typed to its last character, how many of those had a miss at any of its characters
    (corrected or not), and the mean ms from the commit before its first character to
    the commit of its last. A commit of several characters shares its span evenly among
    them, so a word committed with the one before it, or with a space, takes its part."""
    word_at = [-1] * len(text)
    occurrences = word_spans(text)
    for index, (start, end) in enumerate(occurrences):
        word_at[start:end] = [index] * (end - start)
    begin: dict[int, float] = {}
    end_ms: dict[int, float] = {}
    missed: set[int] = set()
    done: set[int] = set()
    for commit, (first, last) in zip(commits, spans, strict=True):
        share = (last - first) * 1000 / len(commit.hits)
        missed.update(word_at[place] for place in commit.skipped if word_at[place] >= 0)
        for offset, (place, hit) in enumerate(zip(commit.places, commit.hits, strict=True)):
            index = -1 if place is None else word_at[place]
            if index < 0:
                continue
            begin.setdefault(index, first * 1000 + share * offset)
            end_ms[index] = first * 1000 + share * (offset + 1)
            if not hit:
                missed.add(index)
            if place == occurrences[index][1] - 1:
                done.add(index)
    seen: dict[str, int] = defaultdict(int)
    misses: dict[str, int] = defaultdict(int)
    total_ms: dict[str, float] = defaultdict(float)
    for index in sorted(done):
        word = text[slice(*occurrences[index])]
        seen[word] += 1
        misses[word] += index in missed
        total_ms[word] += end_ms[index] - begin[index]
    return {word: {"seen": seen[word], "missed": misses[word], "ms": round(total_ms[word] / seen[word], 1)}
            for word in seen}


# -- DrillResult ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DrillResult:
    """One finished drill, as stored in the history and exported for the team lead.
    ``to_dict`` keys are exactly the field names."""

    id: str
    finished: str
    trainee: str
    language: str
    text_id: str
    text_title: str
    source: str
    mode: str
    minutes: int | None
    net_cpm: float
    raw_cpm: float
    wpm: float | None
    accuracy: float
    uncorrected_errors: int
    consistency: float
    active_seconds: float
    wall_seconds: float
    wall_cpm: float
    pauses: list[dict]
    keystrokes: int
    keystrokes_per_second: float
    keystrokes_per_char: float
    ideal_keystrokes_per_char: float
    corrections: int
    characters: int
    correct_characters: int
    #: Whether the drill counted toward the goal under the rules of its day
    #: (``assistant.drills.goal``); None for a drill stored before there were rules.
    counted: bool | None = None
    char_stats: dict[str, dict] = field(default_factory=dict)
    word_stats: dict[str, dict] = field(default_factory=dict)
    key_stats: dict[str, dict] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> DrillResult:
        """A result from its stored form (``assistant.data.records``: unknown keys ignored,
        ``char_stats`` missing from a statistics export and ``word_stats`` written before
        words were measured read as their defaults); ``QuickReplyError`` naming the first
        bad field."""
        result = read_record(cls, data, N_("drill"))
        if result.language not in LANGUAGES or result.mode not in MODES:
            raise QuickReplyError(tr("a drill record has an unknown language or mode: {language!r}, {mode!r}",
                                     language=result.language, mode=result.mode))
        return result
