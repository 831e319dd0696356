"""Search latency at picker scale: p50/p95 per query over 10,000 phrases.

    python bench/search.py [--phrases 10000] [--rounds 30]

Builds a book of generated Chinese and English replies (the shipped books plus
variations), builds the index once, then times every query of a mixed set (short
codes, pinyin initials, full and mixed pinyin, Chinese, English, typos, empty) the way
the picker sends them: one call per keystroke prefix. Prints the figures; target p95
under 5 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.formats import native
from assistant.phrases.model import Phrase
from assistant.phrases.search import SearchIndex
from assistant.phrases.store import shipped_book_files

QUERIES = ["fh", "fahuo", "fa货", "发货", "tk", "退款", "wl", "物流", "kd", "ship", "shiping", "delivry",
           "refund", "hello", "size", "q", "x", "亲", "dz", "修改地址", "fh 顺丰", "zzz", "yf", "尺码", ""]
FRAGMENTS_ZH = ["亲，您好", "已经发货了", "预计三到五天送达", "请您耐心等待", "物流单号在订单详情里", "如需修改地址",
                "退款会在审核后原路退回", "尺码建议参考详情页", "我们会尽快为您处理", "感谢您的理解与支持",
                "顺丰包邮", "七天无理由退换", "这边帮您备注一下", "稍等我为您查询", "给您带来不便非常抱歉"]
FRAGMENTS_EN = ["Hi there", "your order has shipped", "it usually arrives in 3 to 5 days", "tracking number",
                "we can change the address before shipping", "refunds go back to the original payment",
                "please check the size chart", "thanks for your patience", "sorry for the trouble"]


def build_phrases(count: int, seed: int = 7) -> list[Phrase]:
    rng = random.Random(seed)
    phrases: list[Phrase] = []
    for path in shipped_book_files():
        imported = native.read(path.read_bytes(), str(path))
        phrases += [Phrase(**{**p.__dict__, "book_id": imported.book.id}) for p in imported.phrases]
    index = 0
    while len(phrases) < count:
        chinese = rng.random() < 0.7
        pool = FRAGMENTS_ZH if chinese else FRAGMENTS_EN
        text = ("，" if chinese else ", ").join(rng.sample(pool, rng.randint(2, 4)))
        code = "".join(rng.choice("abcdefghjklmnpqrstwxyz") for _ in range(rng.randint(2, 4))) + str(index)
        phrases.append(Phrase(text=text, title=text[:10], group=rng.choice(pool)[:6], code=code, book_id="bench",
                              id=f"b{index}", use_count=rng.choice([0, 0, 0, 1, 2, 5, 20]),
                              last_used=f"2026-11-{rng.randint(1, 22):02d}T10:00:00Z"))
        index += 1
    return phrases[:count]


def keystroke_queries() -> list[str]:
    """Every prefix of every query, as the picker sends them while the user types."""
    return sorted({query[:end] for query in QUERIES for end in range(len(query) + 1)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    phrases = build_phrases(args.phrases)
    started = time.perf_counter()
    index = SearchIndex(phrases)
    index.search("warm-up")
    built = time.perf_counter() - started

    edited = phrases[len(phrases) // 2]
    started = time.perf_counter()
    index.update([*phrases[: len(phrases) // 2], edited.with_changes(text=edited.text + "（已更新）"),
                  *phrases[len(phrases) // 2 + 1:]])
    index.search("fh")
    update = time.perf_counter() - started

    queries = keystroke_queries()
    timings: list[float] = []
    for _ in range(args.rounds):
        for query in queries:
            started = time.perf_counter()
            index.search(query, limit=20)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95)]
    print(f"phrases: {len(phrases)}  distinct queries: {len(queries)}  timed searches: {len(timings)}")
    print(f"index build: {built * 1000:.0f} ms   one edit + next search: {update * 1000:.1f} ms")
    print(f"search p50: {p50:.3f} ms   p95: {p95:.3f} ms   max: {timings[-1]:.3f} ms   (target p95 < 5 ms)")


if __name__ == "__main__":
    main()
