"""What subscriptions cost: one lead, N agents, one static web server on loopback.

    python bench/subscriptions.py [--agents 50] [--rounds 5]

The lead publishes the shipped Chinese book (88 replies, signed); N agents, each with
its own data folder, subscribe over HTTP. Then every agent polls ``--rounds`` times
with nothing changed, the lead publishes one edit, and every agent polls once more.
Prints the time per check (p50/p95) and the server's answers by status: idle polls
must be 304s, not downloads.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.phrases.store import Store
from assistant.team import publication, subscriptions
from tests.static_server import StaticServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="qr-bench-subs-"))
    share = root / "share"
    share.mkdir()
    key_path, _, public_key = publication.generate_keys(root / "keys")
    private_key = publication.load_private_key(key_path)
    lead = Store(root / "lead")
    book = lead.book("zh-ecommerce")
    target = share / "team.qrpub"

    def publish() -> float:
        start = time.perf_counter()
        publication.publish(lead.book(book.id), lead.phrases(book.id, with_usage=False), target, private_key)
        return time.perf_counter() - start

    publish_seconds = publish()
    homes = [root / f"agent-{number:03}" for number in range(args.agents)]
    with StaticServer(share) as server, ThreadPoolExecutor(max_workers=10) as pool:
        url = f"{server.url}/team.qrpub"
        stores = list(pool.map(lambda home: Store(home, seed=False), homes))

        def timed(action) -> list[float]:
            def one(store: Store) -> float:
                start = time.perf_counter()
                action(store)
                return time.perf_counter() - start
            return list(pool.map(one, stores))

        first = timed(lambda store: subscriptions.subscribe(store, url, public_key))
        after_subscribe = server.counts()
        server.reset_counts()
        idle: list[float] = []
        for _round in range(args.rounds):
            idle += timed(lambda store: subscriptions.check(store, subscriptions.load(store.folder)[0]))
        idle_counts = server.counts()
        first_phrase = lead.phrases(book.id)[0]
        lead.update_phrase(book.id, first_phrase.with_changes(text=first_phrase.text + "（已更新）"))
        publish()
        server.reset_counts()
        update = timed(lambda store: subscriptions.check(store, subscriptions.load(store.folder)[0]))
        update_counts = server.counts()
    size = target.stat().st_size

    def figures(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"

    print(f"publication: {size / 1024:.1f} KiB, 88 phrases, signed; publish {publish_seconds * 1000:.1f} ms")
    print(f"{args.agents} agents subscribe: {figures(first)}; server answers {dict(after_subscribe)}")
    print(f"idle polls ({args.rounds} rounds): {figures(idle)}; server answers {dict(idle_counts)}")
    print(f"one phrase changed, every agent polls: {figures(update)}; server answers {dict(update_counts)}")


if __name__ == "__main__":
    main()
