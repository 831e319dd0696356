"""Which characters of a shown reply the query matched, so the picker can mark them.

An agent trusts a result they can see the reason for: "fh" lighting up 发货 says the
row is there for its pinyin initials, not by chance. The forms are the search's own
(plain, pinyin initials, full pinyin from a syllable start, a Latin word a typo away),
tried in that order per term; the first form that matches anywhere is the one marked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, chain, repeat

from assistant.phrases.pinyin import CJK_RUN, PinyinCache
from assistant.phrases.search import FUZZY_CUTOFF, FUZZY_MIN_LENGTH, normalise, pinyin_forms

Span = tuple[int, int]
_WORD = re.compile(r"[a-z][a-z'-]*")


class _Form:
    """One form of the text, with the character of the text each of its letters came from;
    made from ``pieces``, the form of each character of the text in turn."""

    def __init__(self, pieces: list[str]):
        lengths = list(map(len, pieces))
        self.text = "".join(pieces)
        self.source = list(chain.from_iterable(map(repeat, range(len(pieces)), lengths)))
        self.starts = set(accumulate(lengths, initial=0))  # where a character's form begins

    def spans(self, needle: str, anchored: bool = False) -> list[Span]:
        text, found, position = self.text, [], 0
        while needle and (position := text.find(needle, position)) != -1:
            if not anchored or position in self.starts:
                found.append((self.source[position], self.source[position + len(needle) - 1] + 1))
            position += 1
        return found


#: One character's plain form (most rows share most characters).
_char_form = lru_cache(maxsize=8192)(normalise)


@lru_cache(maxsize=256)
def _forms(text: str, pinyin: PinyinCache) -> tuple[_Form, _Form, _Form]:
    """(plain, initials, full pinyin) forms of ``text``, letter by letter. Kept for the
    last rows shown (never changed once made): the picker marks the rows again at each
    keystroke, and this was most of a keystroke's time. Only phrase text comes here."""
    plain = list(map(_char_form, text))
    full = plain.copy()
    for run in CJK_RUN.finditer(text):
        read = pinyin.syllables(run.group(), guess=True)
        if len(read) == len(run.group()):
            full[run.start():run.end()] = read
    initials = [form if form is piece else form[:1] for form, piece in zip(full, plain, strict=True)]
    return _Form(plain), _Form(initials), _Form(full)


def _close_words(plain: _Form, term: str) -> list[Span]:
    if len(term) < FUZZY_MIN_LENGTH or not term.isascii():
        return []
    from rapidfuzz import fuzz

    text = plain.text
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
