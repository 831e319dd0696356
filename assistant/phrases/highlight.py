"""Which characters of a shown reply the query matched, so the picker can mark them.

An agent trusts a result they can see the reason for: "fh" lighting up 发货 says the
row is there for its pinyin initials, not by chance. The forms are the search's own
(plain, pinyin initials, full pinyin from a syllable start, a Latin word a typo away),
tried in that order per term; the first form that matches anywhere is the one marked.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from itertools import accumulate, chain, repeat

from assistant.phrases.pinyin import CJK_RUN, PinyinCache
from assistant.phrases.search import FUZZY_CUTOFF, FUZZY_MIN_LENGTH, normalise, pinyin_forms

Span = tuple[int, int]
_WORD = re.compile(r"[a-z][a-z'-]*")


class _Form:
    """One form of the text, with the character of the text each of its letters came from;
    made from ``pieces``, the form of each character of the text in turn. Where the letters
    came from is worked out only for a form the query is found in: most rows are matched in
    one of their three forms, and working it out for all took a tenth of a keystroke."""

    def __init__(self, pieces: list[str]):
        self._pieces = pieces
        self.text = "".join(pieces)

    @cached_property
    def _lengths(self) -> list[int]:
        return list(map(len, self._pieces))

    @cached_property
    def source(self) -> list[int]:
        return list(chain.from_iterable(map(repeat, range(len(self._pieces)), self._lengths)))

    @cached_property
    def starts(self) -> set[int]:
        """Where a character's form begins."""
        return set(accumulate(self._lengths, initial=0))

    def spans(self, needle: str, anchored: bool = False) -> list[Span]:
        text, found, position = self.text, [], 0
        while needle and (position := text.find(needle, position)) != -1:
            if not anchored or position in self.starts:
                found.append((self.source[position], self.source[position + len(needle) - 1] + 1))
            position += 1
        return found


#: One character's plain form (most rows share most characters).
_char_form = lru_cache(maxsize=8192)(normalise)


class _Forms:
    """The plain, initials and full pinyin forms of a text, letter by letter, each made
    when first asked for: a Latin word found in the plain form needs no reading of the
    Chinese around it."""

    def __init__(self, text: str, pinyin: PinyinCache):
        self._text = text
        self._pinyin = pinyin

    @cached_property
    def _plain_pieces(self) -> list[str]:
        return list(map(_char_form, self._text))

    @cached_property
    def _full_pieces(self) -> list[str]:
        full = self._plain_pieces.copy()
        for run in CJK_RUN.finditer(self._text):
            read = self._pinyin.syllables(run.group(), guess=True)
            if len(read) == len(run.group()):
                full[run.start():run.end()] = read
        return full

    @cached_property
    def plain(self) -> _Form:
        return _Form(self._plain_pieces)

    @cached_property
    def initials(self) -> _Form:
        return _Form([form if form is piece else form[:1]
                      for form, piece in zip(self._full_pieces, self._plain_pieces, strict=True)])

    @cached_property
    def full(self) -> _Form:
        return _Form(self._full_pieces)


@lru_cache(maxsize=256)
def _forms(text: str, pinyin: PinyinCache) -> _Forms:
    """The forms of ``text``, kept for the last rows shown (never changed once made): the
    picker marks the rows again at each keystroke, and this was most of a keystroke's
    time. Only phrase text comes here."""
    return _Forms(text, pinyin)


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


def _term_spans(term: str, forms: _Forms, pinyin: PinyinCache) -> list[Span]:
    found = forms.plain.spans(term)
    if found:
        return found
    term_initials, term_full = pinyin_forms(term, pinyin, guess=True)
    return (forms.initials.spans(term_initials) or forms.full.spans(term_full.lower(), anchored=True)
            or _close_words(forms.plain, term))


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
