"""The words of a drill text, for the per-word statistics.

A trainee who types 发 and 货 quickly one by one may still stumble over 发货, and an
English typist over "warehouse" rather than over any of its letters, so a drill also
measures whole words. English words (and Latin words or numbers inside Chinese text) are
runs of letters and digits, with apostrophes inside them ("don't"); Chinese runs are cut
into words by pypinyin's own segmenter (forward maximum matching over its phrase
dictionary), so no word list is added to the app. One character is not a word: it is
already in the per-character statistics.
"""

from __future__ import annotations

import re

from assistant.phrases.pinyin import CJK_RUN

_HAN = CJK_RUN.pattern.removesuffix("+")
_LATIN = rf"(?:(?!{_HAN})[^\W_])+"
#: A Han run, or a Latin word: letters and digits, apostrophes only between them.
_TOKEN = re.compile(rf"{CJK_RUN.pattern}|{_LATIN}(?:['’]{_LATIN})*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of two or more characters in ``text``, in order."""
    spans = []
    for match in _TOKEN.finditer(text):
        if not CJK_RUN.fullmatch(match.group()):
            if len(match.group()) > 1:
                spans.append(match.span())
            continue
        start = match.start()
        for word in _segment(match.group()):
            if len(word) > 1:
                spans.append((start, start + len(word)))
            start += len(word)
    return spans


def words(text: str) -> list[str]:
    """The words of ``text`` in order, repeats included."""
    return [text[start:end] for start, end in word_spans(text)]


def _segment(run: str) -> list[str]:
    """pypinyin's segmenter, imported only when Chinese text turns up (its phrase
    dictionary takes a moment to load, and ``ideal_keystrokes`` has loaded it by then)."""
    from pypinyin.seg.mmseg import seg

    return list(seg.cut(run))
