"""What was typed, aligned with the drill text by edit distance, not compared place by place.

A trainee who skips one letter early in a text has typed everything after it right, one
place late; a comparison place by place would mark all of it wrong. The typed text is
aligned instead with the shortest stretch of the text that explains it best (rapidfuzz's
Levenshtein opcodes), so a skipped, a doubled or an extra character costs one error and
the rest lines up again.

Which stretch of the text the input covers is not known while typing: the input is
aligned with every prefix of the text near its own length and the cheapest wins; on a
tie the longer one (a wrong character at the next place is likelier than an extra one).
The input is compared in a *tail* after the last *anchor*, a point after a run of
``ANCHOR_RUN`` characters typed right, where the alignment before cannot change any
more; each keystroke then costs the same at the end of a 20,000-character text as at its
start. A tail that grows past ``MAX_TAIL`` (long stretches of garbage) is anchored in its
middle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

#: Characters typed right in a row after which the alignment before them is settled.
ANCHOR_RUN = 8
#: A tail longer than this is anchored halfway, so no keystroke costs more than this.
MAX_TAIL = 160
#: Prefixes of the text this much shorter or longer than the tail are tried, at least.
MIN_WINDOW = 16


@dataclass(frozen=True)
class Alignment:
    """The typed text against the text.

    ``places`` has, for each typed character, the place in the text it stands for, or
    None for an extra character; ``skipped`` the places the input passed over; ``reached``
    how much of the text the input covers (where the next character goes)."""

    places: tuple[int | None, ...]
    hits: tuple[bool, ...]
    skipped: tuple[int, ...]
    reached: int

    @property
    def correct(self) -> int:
        return sum(self.hits)

    @property
    def errors(self) -> int:
        """Wrong, extra and skipped characters: the edit distance."""
        return len(self.hits) - self.correct + len(self.skipped)


@dataclass
class _Anchor:
    typed: int
    target: int
    places: int
    skipped: int


@dataclass
class Aligner:
    """Aligns each new state of the input with ``target``; see the module docstring.

    The input may change anywhere (a deletion goes back before an anchor and unsettles it)."""

    target: str
    _typed: str = ""
    _places: list[int | None] = field(default_factory=list)
    _hits: list[bool] = field(default_factory=list)
    _skipped: list[int] = field(default_factory=list)
    _anchors: list[_Anchor] = field(default_factory=lambda: [_Anchor(0, 0, 0, 0)])

    def align(self, typed: str) -> Alignment:
        same = _common_prefix(self._typed, typed)
        while self._anchors[-1].typed > same:
            self._anchors.pop()
        anchor = self._anchors[-1]
        del self._places[anchor.places:], self._hits[anchor.places:], self._skipped[anchor.skipped:]
        self._typed = typed
        self._align_tail(anchor)
        return Alignment(tuple(self._places), tuple(self._hits), tuple(self._skipped), self._reached())

    def _reached(self) -> int:
        """The place after the last one the input covers, typed or skipped."""
        last = next((place for place in reversed(self._places) if place is not None), -1)
        return max(last + 1, self._skipped[-1] + 1 if self._skipped else 0, self._anchors[-1].target)

    def _align_tail(self, anchor: _Anchor) -> None:
        tail = self._typed[anchor.typed:]
        base = anchor.target
        rest = self.target[base:base + len(tail) + max(MIN_WINDOW, len(tail))]
        length = _best_length(tail, rest)
        typed_at, run = anchor.typed, 0
        for tag, typed_start, typed_end, target_start, target_end in Levenshtein.opcodes(tail, rest[:length]):
            if tag == "insert":
                self._skipped += range(base + target_start, base + target_end)
                run = 0
                continue
            for offset in range(typed_end - typed_start):
                self._places.append(None if tag == "delete" else base + target_start + offset)
                self._hits.append(tag == "equal")
                run = run + 1 if tag == "equal" else 0
                typed_at += 1
                if run >= ANCHOR_RUN or (typed_at - anchor.typed > MAX_TAIL // 2 and len(tail) > MAX_TAIL):
                    anchor = self._settle(typed_at)
                    run = 0

    def _settle(self, typed_at: int) -> _Anchor:
        """An anchor after the character at ``typed_at - 1``; the later ones are redone."""
        anchor = _Anchor(typed_at, self._reached(), len(self._places), len(self._skipped))
        self._anchors.append(anchor)
        return anchor


def _best_length(tail: str, rest: str) -> int:
    """The length of the prefix of ``rest`` the tail is closest to; the longest on a tie."""
    window = max(MIN_WINDOW, len(tail))
    best: int | None = None
    best_length = 0
    for length in range(max(len(tail) - window, 0), min(len(tail) + window, len(rest)) + 1):
        distance = Levenshtein.distance(tail, rest[:length], score_cutoff=best)
        if best is None or distance <= best:
            best, best_length = distance, length
    return best_length


def _common_prefix(before: str, after: str) -> int:
    shortest = min(len(before), len(after))
    index = 0
    while index < shortest and before[index] == after[index]:
        index += 1
    return index
