"""What deciding a reply costs on the hotkey's path: ``ReplyService.prepare`` for a
phrase's hotkey into an open conversation, with a conversation log as full as the
retention keeps it.

    python bench/prepare.py [--days 90] [--per-day 300] [--rounds 2000] [--warning on|off] [--new-buyer]

The log holds ``days × per-day`` insertions, eight to a conversation, the last one the
target's, open, with the phrase already in it: the case where the repeat warning reads
the log before the reply goes. ``--warning off`` measures the path without it (under the
"warn" policy and no questions, the log is then not read at all); ``--new-buyer`` a reply
to a buyer the log has no conversation with (the whole log is looked through).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.data.documents import write_json
from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.replies.service import ReplyService
from assistant.settings import Settings
from assistant.timestamps import stamp
from bench.latency import summary

TARGET = WindowInfo(id=1, wm_class="AliWorkBench", title="(2) 王小明 - 接待中心", pid=None)
NEW_BUYER = WindowInfo(id=2, wm_class="AliWorkBench", title="李华 - 接待中心", pid=None)
PER_CONVERSATION = 8


def fill(log: ConversationLog, phrase: Phrase, insertions: int, now: datetime) -> None:
    """A log of ``insertions`` spread evenly up to ``now``; the last conversation is the target's."""
    conversations: dict[str, dict] = {}
    records: dict[str, dict] = {}
    step = timedelta(days=90) / insertions
    for number in range(insertions):
        conversation = number // PER_CONVERSATION + 1
        when = stamp(now - step * (insertions - number))
        key = "aliworkbench|王小明" if number >= insertions - PER_CONVERSATION else f"aliworkbench|buyer {conversation}"
        document = conversations.setdefault(str(conversation), {
            "key": log.stored_key(key), "started": when, "last": when, "name": "", "count": 0})
        document["last"], document["count"] = when, document["count"] + 1
        records[str(number + 1)] = {"conversation": conversation, "book_id": phrase.book_id,
                                    "phrase_id": phrase.id, "time": when}
    write_json(log.path, {"conversations": conversations, "insertions": records})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--warning", choices=("on", "off"), default="on")
    parser.add_argument("--new-buyer", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        store = Store(Path(home), seed=False)
        store.create_book(Phrasebook(name="B", id="b"))
        phrase = store.add_phrase("b", Phrase(text="好的，马上为您处理"))
        now = datetime.now(UTC)
        log = ConversationLog(store)
        insertions = options.days * options.per_day
        fill(log, phrase, insertions, now - timedelta(minutes=1))
        settings = Settings()
        if options.warning == "off":
            settings = replace(settings, warn_repeated_reply=False)
        service = ReplyService(store, lambda: settings, log, lambda: now)
        target = NEW_BUYER if options.new_buyer else TARGET
        repeated = service.prepare(phrase, target).sent_at is not None  # also the first, cold read
        times = []
        for _ in range(options.rounds):
            start = time.perf_counter()
            service.prepare(phrase, target)
            times.append((time.perf_counter() - start) * 1e6)
        print(f"{insertions} insertions, warning {options.warning}, repeated: {repeated}")
        print(summary("prepare", times, "µs"))


if __name__ == "__main__":
    main()
