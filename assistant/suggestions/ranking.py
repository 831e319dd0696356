"""Which replies of the phrasebooks answer a buyer's message: BM25 over each reply's
title, tags, group and text, the title and tags counting more (they name what the
reply is for; the text is written to the buyer, in the answer's words).

Built once per change of the books (``SuggestionIndex``), each term's share of each
reply's score worked out then. A query visits the postings of its rarer terms in full;
a term found in many replies (a common character) only adds to the replies the rarer
terms found, so a query costs about the same with 100 phrases or 10,000.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.phrases.model import Phrase
from assistant.phrases.templates import placeholders
from assistant.suggestions.lexicon import RELATED_WEIGHT, related_words
from assistant.suggestions.terms import asked, is_character, terms

#: How much a term counts in each field, against once in the text.
FIELD_WEIGHTS = {"title": 3.0, "tags": 2.0, "group": 1.5, "text": 1.0}
#: How much a single Chinese character of the message counts against a pair: a pair
#: names a word, a character only hints at one (需 of 需要 is rare in replies, and
#: would otherwise outweigh the words that say what is asked).
CHARACTER_WEIGHT = 0.6
#: BM25's usual constants: how fast repeats stop adding, and how much length costs.
K1, B = 1.2, 0.75
#: A term in more replies than this is only added to the replies rarer terms found.
RARE_POSTINGS = 400

Key = tuple[str, str]


@dataclass(frozen=True)
class Scored:
    key: Key
    score: float


def phrase_key(phrase: Phrase) -> Key:
    return phrase.book_id, phrase.id


def words_of(text: str) -> str:
    """A reply's text as the words it says: a placeholder gives what it asks the agent
    for ({input:面料成分} → 面料成分) and the others nothing ({time} is no word of the
    reply, and would meet an English "what time" in a Chinese book)."""
    kept, start = [], 0
    for placeholder in placeholders(text):
        kept += [text[start:placeholder.start], placeholder.label]
        start = placeholder.end
    return " ".join([*kept, text[start:]])


def query_terms(message: str) -> dict[str, float]:
    """The terms of what the message asks (``asked``), and at a lower weight those of
    the words the trade uses for the same ideas (``lexicon``)."""
    message = asked(message)
    query = dict.fromkeys(terms(" ".join(related_words(message)), pairs_only=True), RELATED_WEIGHT)
    query.update((term, CHARACTER_WEIGHT if is_character(term) else 1.0) for term in terms(message))
    return query


class SuggestionIndex:
    def __init__(self, phrases: Iterable[Phrase]):
        self.keys: list[Key] = []
        counted: list[Counter[str]] = []
        for phrase in phrases:
            weighted: Counter[str] = Counter()
            for field, weight in FIELD_WEIGHTS.items():
                value = " ".join(phrase.tags) if field == "tags" else getattr(phrase, field)
                if field == "text":
                    value = words_of(value)
                for term, times in Counter(terms(value)).items():
                    weighted[term] += weight * times
            self.keys.append(phrase_key(phrase))
            counted.append(weighted)
        lengths = [sum(weighted.values()) for weighted in counted]
        average = sum(lengths) / len(lengths) if lengths else 1.0
        document_frequency: Counter[str] = Counter()
        for weighted in counted:
            document_frequency.update(weighted.keys())
        count = len(self.keys)
        #: How much each term tells replies apart; what ``feedback`` weighs terms by too.
        self.idf = {term: math.log(1 + (count - found + 0.5) / (found + 0.5))
                    for term, found in document_frequency.items()}
        #: term → reply position → the term's part of that reply's score.
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        for number, (weighted, length) in enumerate(zip(counted, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / average)
            for term, frequency in weighted.items():
                self.postings[term][number] = self.idf[term] * frequency * (K1 + 1) / (frequency + norm)

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 score of the replies that share the query's rarer terms, by position."""
        found = sorted(((self.postings[term], weight) for term, weight in query.items() if term in self.postings),
                       key=lambda item: len(item[0]))
        scores: dict[int, float] = defaultdict(float)
        for index, (postings, weight) in enumerate(found):
            if index == 0 or len(postings) <= RARE_POSTINGS:
                for number, part in postings.items():
                    scores[number] += weight * part
            else:
                for number in scores:
                    part = postings.get(number)
                    if part:
                        scores[number] += weight * part
        return scores

    def rank(self, message: str, limit: int | None = 3, boost: Mapping[Key, float] | None = None) -> list[Scored]:
        """The ``limit`` replies (None: every one found) that best answer ``message``;
        ``boost`` adds what the agent's earlier choices say (``feedback``), on the same
        scale."""
        found = {self.keys[number]: score for number, score in self.scores(query_terms(message)).items()}
        for key, extra in (boost or {}).items():
            found[key] = found.get(key, 0.0) + extra
        best = sorted(found.items(), key=lambda item: -item[1])[:limit]
        return [Scored(key, score) for key, score in best if score > 0]
