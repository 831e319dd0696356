"""Suggested replies from a buyer's message: how often the right reply is among the
three shown, and how long a suggestion takes.

Accuracy is measured over tests/data/buyer_questions.tsv (questions we wrote, each
labelled with the replies of the shipped books that answer it) and, apart,
buyer_questions_later.tsv (written after the lexicon was settled) and
buyer_questions_fresh.tsv (written as new buyers would, in chat style, without looking
at the lexicon, and never used to tune the ranking):
- cold: the phrasebooks alone;
- after feedback: the questions in two halves; the agent's choices on one half are
  learned, the other half is then asked (similar questions, never the same text), and
  the other way round;
- same questions again: after learning every question's choice, as an agent who meets
  the same question daily would see.
Speed is measured with the shipped books grown to --phrases phrases.

usage: .venv/bin/python bench/suggest.py [--phrases 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.formats import read_phrasebook
from assistant.phrases.model import Phrase
from assistant.phrases.store import shipped_book_files
from assistant.suggestions.feedback import ChoiceMemory
from assistant.suggestions.ranking import Key, SuggestionIndex

DATA = ROOT / "tests" / "data"
SALT = b"bench"


def shipped_phrases() -> list[Phrase]:
    phrases = []
    for path in shipped_book_files():
        imported = read_phrasebook(Path(str(path)))
        phrases.extend(replace(phrase, book_id=imported.book.id) for phrase in imported.phrases)
    return phrases


def questions(name: str = "buyer_questions.tsv") -> list[tuple[str, set[str]]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            answers, question = line.split("\t")
            rows.append((question, set(answers.split(","))))
    return rows


def top3(index: SuggestionIndex, memory: ChoiceMemory | None, question: str) -> list[str]:
    boost = memory.boost(question, index.idf) if memory else None
    return [key[1] for key in (scored.key for scored in index.rank(question, 3, boost))]


def accuracy(index: SuggestionIndex, asked: list[tuple[str, set[str]]], memory: ChoiceMemory | None = None) -> float:
    return sum(bool(answers & set(top3(index, memory, question))) for question, answers in asked) / len(asked)


def learned(asked: list[tuple[str, set[str]]], keys: dict[str, Key]) -> ChoiceMemory:
    memory = ChoiceMemory(SALT)
    for question, answers in asked:
        memory.learn(question, keys[sorted(answers)[0]])
    return memory


def grown(phrases: list[Phrase], count: int) -> list[Phrase]:
    """``count`` phrases: the shipped ones, then made-up ones built from their sentences."""
    rng = random.Random(7)
    sentences = [part for phrase in phrases for part in phrase.text.replace("！", "。").split("。") if part]
    made = list(phrases)
    while len(made) < count:
        model = rng.choice(phrases)
        text = "。".join(rng.sample(sentences, 3))
        made.append(replace(model, id=f"made-{len(made)}", title=model.title + str(len(made) % 97), text=text))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    phrases = shipped_phrases()
    keys = {phrase.id: (phrase.book_id, phrase.id) for phrase in phrases}
    index = SuggestionIndex(phrases)
    asked = questions()
    for language in ("zh", "en"):
        some = [row for row in asked if next(iter(row[1])).startswith(language)]
        print(f"cold top-3 accuracy {language}: {accuracy(index, some):.1%} of {len(some)}")
    print(f"cold top-3 accuracy: {accuracy(index, asked):.1%} of {len(asked)} questions")
    memory = learned(asked, keys)
    for name, written in (("later", "after the lexicon"), ("fresh", "as new buyers would")):
        held_out = questions(f"buyer_questions_{name}.tsv")
        print(f"cold top-3 accuracy on the questions written {written}: {accuracy(index, held_out):.1%} "
              f"of {len(held_out)}; after feedback on the first set: {accuracy(index, held_out, memory):.1%}")
    halves = asked[0::2], asked[1::2]
    after = [accuracy(index, halves[1 - side], learned(halves[side], keys)) for side in (0, 1)]
    print(f"after feedback on the other half: {statistics.mean(after):.1%}")
    print(f"same questions again after feedback: {accuracy(index, asked, memory):.1%}")

    big = grown(phrases, options.phrases)
    started = time.perf_counter()
    big_index = SuggestionIndex(big)
    print(f"index of {len(big)} phrases built in {(time.perf_counter() - started) * 1000:.0f} ms")
    times = []
    for _ in range(options.rounds):
        for question, _answers in asked:
            started = time.perf_counter()
            big_index.rank(question, 3, memory.boost(question, big_index.idf))
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"suggestion with {len(big)} phrases: p50 {statistics.median(times):.2f} ms, "
          f"p95 {times[int(0.95 * (len(times) - 1))]:.2f} ms, max {times[-1]:.2f} ms over {len(times)}")


if __name__ == "__main__":
    main()
