"""What a large store's search index costs to make, with and without its grams.

    python bench/index_build.py --home FOLDER [--rounds 3]

Makes the app's index (``SearchIndex`` over every phrase, the search cache read from the
folder) of an existing data folder (bench/scale.py's store of 50,000 phrases) as the
app's worker does, once with the grams a store this large gets and once without them,
and prints the time and the memory the index keeps (tracemalloc, after a collection),
and the peak while making it. The grams spare a keystroke the scans that find nothing
(bench/picker.py); this is their price.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.phrases import search
from assistant.phrases.search import SearchCache, SearchIndex
from assistant.phrases.store import Store

#: The size above which an index keeps grams, as the app has it.
GRAMS_ABOVE = search.GRAMS_ABOVE


def measure(phrases: list, home: Path, grams: bool, rounds: int) -> tuple[float, float, float]:
    """Median seconds making the index ``rounds`` times, then the MiB it keeps and the
    MiB at the peak, from one more time under tracemalloc (which slows it down)."""
    search.GRAMS_ABOVE = GRAMS_ABOVE if grams else sys.maxsize
    seconds: list[float] = []
    for _ in range(rounds):
        cache = SearchCache.of(home)
        gc.collect()
        started = time.perf_counter()
        SearchIndex(phrases, cache)
        seconds.append(time.perf_counter() - started)
    cache = SearchCache.of(home)
    SearchIndex(phrases, cache)  # the cache read: what the index keeps is measured alone
    gc.collect()
    tracemalloc.start()
    index = SearchIndex(phrases, cache)
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return statistics.median(seconds), kept / 2**20, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="the data folder to measure")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    phrases = Store(args.home).phrases()
    SearchIndex(phrases, SearchCache.of(args.home))  # the search cache made, if it was not
    print(f"phrases: {len(phrases)}")
    for grams in (False, True):
        seconds, kept, peak = measure(phrases, args.home, grams, args.rounds)
        label = "with grams   " if grams else "without grams"
        print(f"index {label}: made in {seconds:.2f} s (median of {args.rounds}), keeps {kept:.1f} MiB "
              f"(peak {peak:.1f} MiB while made)")


if __name__ == "__main__":
    main()
