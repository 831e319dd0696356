"""Which characters of a shown reply the query matched, so the picker can mark them.

An agent trusts a result they can see the reason for: "fh" lighting up 发货 says the
row is there for its pinyin initials, not by chance. The forms are the search's own
(plain, pinyin initials, full pinyin from a syllable start, a Latin word a typo away),
tried in that order per term; the first form that matches anywhere is the one marked.
"""

from __future__ import annotations

import re

from assistant.phrases.pinyin import CJK_RUN, PinyinCache
from assistant.phrases.search import FUZZY_CUTOFF, FUZZY_MIN_LENGTH, normalise, pinyin_forms

Span = tuple[int, int]
_WORD = re.compile(r"[a-z][a-z'-]*")


class _Form:
    """One form of the text, with the character of the text each of its letters came from."""

    def __init__(self) -> None:
        self.letters: list[str] = []
        self.source: list[int] = []
        self.starts: set[int] = set()  # where a character's form begins

    def add(self, form: str, index: int) -> None:
        self.starts.add(len(self.letters))
        self.letters.extend(form)
        self.source.extend([index] * len(form))

    def spans(self, needle: str, anchored: bool = False) -> list[Span]:
        text, found, position = "".join(self.letters), [], 0
        while needle and (position := text.find(needle, position)) != -1:
            if not anchored or position in self.starts:
                found.append((self.source[position], self.source[position + len(needle) - 1] + 1))
            position += 1
        return found


def _forms(text: str, pinyin: PinyinCache) -> tuple[_Form, _Form, _Form]:
    """(plain, initials, full pinyin) forms of ``text``, letter by letter."""
    plain, initials, full = _Form(), _Form(), _Form()
    syllables: dict[int, str] = {}
    for run in CJK_RUN.finditer(text):
        read = pinyin.syllables(run.group(), guess=True)
        if len(read) == len(run.group()):
            syllables.update(zip(range(run.start(), run.end()), read, strict=True))
    for index, char in enumerate(text):
        form = normalise(char)
        plain.add(form, index)
        syllable = syllables.get(index)
        initials.add(syllable[:1] if syllable else form, index)
        full.add(syllable if syllable else form, index)
    return plain, initials, full


def _close_words(plain: _Form, term: str) -> list[Span]:
    if len(term) < FUZZY_MIN_LENGTH or not term.isascii():
        return []
    from rapidfuzz import fuzz

    text = "".join(plain.letters)
    return [(plain.source[match.start()], plain.source[match.end() - 1] + 1) for match in _WORD.finditer(text)
            if fuzz.ratio(term, match.group()) >= FUZZY_CUTOFF]


def matched_spans(text: str, query: str, pinyin: PinyinCache) -> list[Span]:
    """Sorted, non-overlapping (start, end) ranges of ``text`` that ``query`` matched."""
    forms = _forms(text, pinyin)
    return _merged([span for term in normalise(query).split() for span in _term_spans(term, forms, pinyin)])


def _term_spans(term: str, forms: tuple[_Form, _Form, _Form], pinyin: PinyinCache) -> list[Span]:
    plain, initials, full = forms
    term_initials, term_full = pinyin_forms(term, pinyin, guess=True)
    return (plain.spans(term) or initials.spans(term_initials) or full.spans(term_full.lower(), anchored=True)
            or _close_words(plain, term))


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
