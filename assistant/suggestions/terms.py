"""The words a buyer's message and a reply are compared by.

Chinese has no spaces, and a segmenter's dictionary does not know the trade's words
(发货, 退货, 运费险 come out in pieces or glued to their neighbours). Overlapping
character pairs, with the single characters, are the usual answer in Chinese retrieval:
"怎么退货" and "退货流程" share 退货 whatever a dictionary says, and ranking (BM25)
weighs the pairs, which are rarer, above the characters. Latin words are folded to a
rough stem so "shipped", "shipping" and "ships" meet.
"""

from __future__ import annotations

import re
import unicodedata

_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:'[a-z]+)?")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Words that say nothing about what a buyer wants (the ranking's weights would push
#: them down anyway; leaving them out keeps every query short).
_STOP_WORDS = frozenset({
    "a", "an", "and", "are", "am", "be", "been", "but", "by", "can", "could", "did", "do", "does", "for",
    "from", "had", "has", "have", "how", "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or",
    "our", "so", "that", "the", "their", "them", "then", "there", "this", "to", "was", "we", "were", "what",
    "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "yet", "just", "still",
    "any"
})
#: Spellings of one word that stemming cannot join.
_SAME_WORD = {"colour": "color", "cancelled": "cancel", "parcel": "package", "delivery": "deliver"}
_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    """A rough English stem: enough for a buyer's words to meet a reply's."""
    word = _SAME_WORD.get(word, word).removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2]:  # shipp(ing) → ship
        word = word[:-1]
    return _SAME_WORD.get(word, word)


def terms(text: str, pairs_only: bool = False) -> list[str]:
    """The terms of ``text``, with repeats (ranking counts them); with ``pairs_only``, a
    Chinese word of several characters gives only its pairs (a related word's single
    characters would match far too much)."""
    found: list[str] = []
    for run in _RUNS.findall(unicodedata.normalize("NFKC", text).casefold()):
        if _CJK.match(run):
            if not (pairs_only and len(run) > 1):
                found.extend(run)
            found.extend(run[index:index + 2] for index in range(len(run) - 1))
        elif run not in _STOP_WORDS and not run.isdigit():
            found.append(stem(run))
    return found
