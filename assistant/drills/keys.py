"""Per-key statistics of a drill: which letter keys are slow and which are missed.

A trainer's keyboard heatmap (and keybr's adaptive lessons) work on keys, not on
characters: a trainee who stumbles over "e" stumbles in every word with an "e", and one
who mistypes the "zh" of 账, 这 and 找 has a finger problem, not three character problems.
A key's table entry is ``{"seen", "missed", "ms"}`` like a character's.

* **Latin drills**: a key is the letter the text expected, folded to lower case; its
  figures are those of the text's letters (``char_stats``: seen, missed as aligned, and
  the mean time of its characters). This is keybr's rule: the miss belongs to the key
  that should have been pressed.
* **Chinese drills**: a key is a pinyin letter, read from the input method's preedit
  (the keys a real IME uses never reach the window as key events; see the drill box,
  ``ui/drills/input.py``). A letter the preedit grew by was pressed, timed from the key
  press before it (a gap over the pause threshold is left untimed). A letter taken back
  with Backspace was missed. When a commit is wrong, the letters that made it are
  aligned with the pinyin the text expected and each expected letter they got wrong or
  left out is missed; right letters with a wrong candidate miss no key. An input method
  whose preedit shows Chinese instead of letters (ibus-libpinyin) gives no key figures.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import Levenshtein

#: The keys the statistics and the heatmap cover.
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def preedit_letters(preedit: str) -> str:
    """The pinyin letters of a preedit ("ni'hao", "ni hao", "你hao" → "nihao", "hao")."""
    return "".join(char for char in preedit.lower() if char in LETTERS)


def latin_key_stats(char_stats: dict[str, dict]) -> dict[str, dict]:
    """The letters of a Latin drill's ``char_stats`` folded into keys (see the module docstring)."""
    return merge_key_stats([{char.lower(): stats} for char, stats in char_stats.items()])


class PinyinKeys:
    """The pinyin keys of one Chinese drill, fed by the session (see the module docstring)."""

    def __init__(self, pause_threshold: float) -> None:
        self.pause_threshold = pause_threshold
        self._letters = ""
        self._consumed = ""
        self._previous: float | None = None  # the last key press
        self._gap: float | None = None       # from the one before it to the last
        self._seen: dict[str, int] = defaultdict(int)
        self._missed: dict[str, int] = defaultdict(int)
        self._ms: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])

    def pressed(self, t: float) -> None:
        """A key press (of any key) at ``t``: the clock a letter is timed by."""
        self._gap = None if self._previous is None else t - self._previous
        self._previous = t

    def preedit(self, preedit: str, committing: bool) -> None:
        """The preedit now; ``committing`` when the same input-method event commits text."""
        letters, before = preedit_letters(preedit), self._letters
        if committing:
            self._consumed += before[:len(before) - len(letters)] if before.endswith(letters) else before
        elif letters.startswith(before) and len(letters) == len(before) + 1:
            self._press(letters[-1])
        elif before.startswith(letters):
            for letter in before[len(letters):]:
                self._missed[letter] += 1
        self._letters = letters

    def _press(self, letter: str) -> None:
        self._seen[letter] += 1
        gap = self._gap
        if gap is not None and 0 < gap <= self.pause_threshold:
            self._ms[letter][0] += gap * 1000
            self._ms[letter][1] += 1

    def committed(self, expected: str | None) -> None:
        """A commit took the letters consumed so far; ``expected`` is the pinyin the text
        wanted when the commit was wrong (None when it was right)."""
        consumed, self._consumed = self._consumed, ""
        if not expected or not consumed:
            return
        for tag, _start, _end, want_start, want_end in Levenshtein.opcodes(consumed, expected):
            if tag in ("replace", "insert"):
                for letter in expected[want_start:want_end]:
                    self._missed[letter] += 1

    def stats(self) -> dict[str, dict]:
        keys = sorted(set(self._seen) | set(self._missed))
        return {key: {"seen": max(self._seen[key], self._missed[key]), "missed": self._missed[key],
                      "ms": round(self._ms[key][0] / self._ms[key][1], 1) if self._ms[key][1] else 0.0}
                for key in keys}


def merge_key_stats(tables: list[dict[str, dict]]) -> dict[str, dict]:
    """Many drills' key tables as one (the heatmap over time): counts added, times
    averaged over the timed presses."""
    seen: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    weighed: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for table in tables:
        for key, stats in table.items():
            if key not in LETTERS or not isinstance(stats, dict):
                continue
            count = stats.get("seen", 0) if isinstance(stats.get("seen"), int) else 0
            seen[key] += count
            missed[key] += stats.get("missed", 0) if isinstance(stats.get("missed"), int) else 0
            ms = stats.get("ms")
            if isinstance(ms, int | float) and ms > 0 and count:
                weighed[key][0] += ms * count
                weighed[key][1] += count
    return {key: {"seen": seen[key], "missed": missed[key],
                  "ms": round(weighed[key][0] / weighed[key][1], 1) if weighed[key][1] else 0.0}
            for key in sorted(seen)}


#: A miss rate this high is as hot as a key gets; so is a key this much slower than average.
HOT_MISS_RATE = 0.2
HOT_SLOWNESS = 1.0


def key_heat(stats: dict[str, dict]) -> dict[str, float]:
    """How weak each key is, 0 (fine) to 1 (the weakest a key gets): the larger of its
    miss rate against ``HOT_MISS_RATE`` and how much slower than the average key it is
    against ``HOT_SLOWNESS`` (twice the average time is fully hot)."""
    timed = [(entry["ms"], entry["seen"]) for entry in stats.values() if entry["ms"] > 0 and entry["seen"]]
    average = sum(ms * count for ms, count in timed) / sum(count for _, count in timed) if timed else 0.0
    heat = {}
    for key, entry in stats.items():
        if not entry["seen"]:
            continue
        missing = min(entry["missed"] / entry["seen"] / HOT_MISS_RATE, 1.0)
        slow = min(max(entry["ms"] / average - 1, 0.0) / HOT_SLOWNESS, 1.0) if average and entry["ms"] else 0.0
        heat[key] = round(max(missing, slow), 3)
    return heat
