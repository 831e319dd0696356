"""The words a buyer's message and a reply are compared by.

Chinese has no spaces, and a segmenter's dictionary does not know the trade's words
(发货, 退货, 运费险 come out in pieces or glued to their neighbours). Overlapping
character pairs, with the single characters, are the usual answer in Chinese retrieval:
"怎么退货" and "退货流程" share 退货 whatever a dictionary says, and ranking (BM25)
weighs the pairs, which are rarer, above the characters. Latin words are folded to a
rough stem so "shipped", "shipping" and "ships" meet.

Chinese function characters (particles, pronouns, 怎么/还没/可以) are the commonest
characters of a chat and say nothing about what is asked, yet in a few hundred replies
one of them can be rare enough to outweigh the word that matters ("怎么还没发货" met
"还没发出" before 发货): they are no term alone, nor a pair of two of them; a pair with
one word character ("没货", "有货") stays.
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
    "any", "one", "get", "got", "u", "ur", "im", "i'm", "it's", "i've", "i'd"
})
#: Chinese characters that only hold a sentence together (see above).
_FUNCTION_CHARACTERS = frozenset(
    "的了吗呢啊吧哦呀嘛么哈啦呗噢喔嗯哇亲您你我他她它们这那哪是在还就也都很又再才把被给和跟与或着过个些"
    "怎什啥咋能会可以要想需请问一下没不有")
#: What opens or softens a chat message without asking anything: "在吗 有货吗" asks
#: about stock, not for a greeting (a message of nothing else still gets one).
_COURTESIES = re.compile(r"在吗|在不在|在么|请问|你好|您好|亲爱的|亲|老板|麻烦|谢谢"
                         r"|\b(?:hi|hello|hey|dear|pls|plz|please|thanks|thx)\b")
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
    # shipp(ing) → ship; update, updated, updating → updat
    if len(word) > 3 and (word[-1] == word[-2] or word[-1] == "e"):
        word = word[:-1]
    return _SAME_WORD.get(word, word)


def asked(message: str) -> str:
    """``message`` without its greetings and courtesies, or whole when it holds nothing else."""
    folded = unicodedata.normalize("NFKC", message).casefold()
    rest = _COURTESIES.sub(" ", folded)
    return rest if terms(rest) else folded


def is_stop_word(word: str) -> bool:
    """Whether ``word`` is an English word that says nothing about what is asked."""
    return word in _STOP_WORDS


def is_character(term: str) -> bool:
    """Whether ``term`` is a single Chinese character (not a pair, not a word)."""
    return len(term) == 1 and _CJK.match(term) is not None


def terms(text: str, pairs_only: bool = False) -> list[str]:
    """The terms of ``text``, with repeats (ranking counts them); with ``pairs_only``, a
    Chinese word of several characters gives only its pairs (a related word's single
    characters would match far too much)."""
    found: list[str] = []
    for run in _RUNS.findall(unicodedata.normalize("NFKC", text).casefold()):
        if _CJK.match(run):
            if not (pairs_only and len(run) > 1):
                found.extend(character for character in run if character not in _FUNCTION_CHARACTERS)
            found.extend(run[index:index + 2] for index in range(len(run) - 1)
                         if not _FUNCTION_CHARACTERS.issuperset(run[index:index + 2]))
        elif run not in _STOP_WORDS and not run.isdigit():
            found.append(stem(run))
    return found
