"""What the agent chose after which words: suggestions learn from the replies actually
sent after a buyer's message.

The buyer's message is never kept, nor its words: each term is kept as a salted hash
(the salt is the data folder's own), against the replies chosen after it, so the table
says "after a message with these terms, this reply" and a search of the data folder for
anything a buyer wrote finds nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping

from assistant.suggestions.ranking import Key
from assistant.suggestions.terms import terms

#: How much the agent's choices count against the phrasebooks' own ranking: one clear
#: earlier choice after the same words outweighs a middling text match.
CHOICE_WEIGHT = 1.5
#: The choices kept per term, and the terms kept: the most frequent survive, so the
#: table stays small (it is rewritten after every choice).
CHOICES_PER_TERM = 8
MAX_TERMS = 20_000


class ChoiceMemory:
    def __init__(self, salt: bytes, table: Mapping[str, Mapping[str, int]] | None = None):
        self._salt = salt
        #: term hash → "book_id/phrase_id" → times chosen.
        self.table: dict[str, dict[str, int]] = defaultdict(dict)
        for term, choices in (table or {}).items():
            self.table[term].update(choices)

    def _hash(self, term: str) -> str:
        return hashlib.blake2b(term.encode("utf-8"), digest_size=8, key=self._salt[:64]).hexdigest()

    def learn(self, message: str, key: Key) -> None:
        """The agent sent the reply ``key`` after ``message``."""
        chosen = "/".join(key)
        for term in set(terms(message)):
            choices = self.table[self._hash(term)]
            choices[chosen] = choices.get(chosen, 0) + 1
            if len(choices) > CHOICES_PER_TERM:
                del choices[min(choices, key=choices.__getitem__)]
        if len(self.table) > MAX_TERMS:  # a tenth goes, the least chosen first
            ranked = sorted(self.table, key=lambda term: sum(self.table[term].values()))
            for term in ranked[:MAX_TERMS // 10]:
                del self.table[term]

    def boost(self, message: str, weights: Mapping[str, float]) -> dict[Key, float]:
        """What earlier choices add to each reply's score for ``message``: each term's
        choices in proportion, weighted as the ranking weighs the term (``weights``,
        its idf; a term the books do not have counts as the rarest)."""
        found = set(terms(message))
        rarest = max(weights.values(), default=1.0)
        boost: dict[Key, float] = defaultdict(float)
        for term in found:
            choices = self.table.get(self._hash(term))
            if not choices:
                continue
            total = sum(choices.values())
            for chosen, times in choices.items():
                book_id, _, phrase_id = chosen.partition("/")
                boost[(book_id, phrase_id)] += CHOICE_WEIGHT * weights.get(term, rarest) * times / total
        return dict(boost)

    def as_json(self) -> dict[str, dict[str, int]]:
        return {term: dict(choices) for term, choices in self.table.items() if choices}

