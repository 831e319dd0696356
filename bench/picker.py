"""Picker keystroke latency with 10,000 phrases: from a key press in the search box to
the result list updated and repainted.

    python bench/picker.py [--phrases 10000] [--rounds 10] [--home FOLDER]

Runs the real Picker offscreen over a store of generated phrases (the shipped books
plus variations, as bench/search.py builds them) and types the queries of
bench/search.py key by key; ``--home`` measures an existing data folder instead
(bench/scale.py's store of 50,000 phrases). Target: p95 ≤ 16 ms (one frame).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from search import QUERIES, build_phrases

from assistant.phrases.model import Phrasebook
from assistant.phrases.store import Store
from ui.context import AppContext
from ui.replies.picker import Picker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--home", type=Path, help="an existing data folder to measure")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.home:
        store = Store(args.home)
    else:
        store = Store(Path(tempfile.mkdtemp(prefix="qr-picker-")), seed=False)
        store.create_book(Phrasebook(name="Bench", id="bench"), build_phrases(args.phrases))
    started = time.perf_counter()
    context = AppContext(store)
    picker = Picker(context)
    while context.refreshing():  # a large store's index is made on a worker: typing starts once it is in place
        app.processEvents()
        time.sleep(0.005)
    built = time.perf_counter() - started
    latencies: list[float] = []
    # The main thread's CPU time too: on a machine busy with other work the wall clock
    # grows with the load, the work done per keystroke much less.
    cpu: list[float] = []
    typable = [query for query in QUERIES if query.isascii() and " " not in query]
    for _ in range(args.rounds):
        for query in typable:
            picker.open_for(None)
            app.processEvents()
            for char in query:
                begin, begin_cpu = time.perf_counter(), time.thread_time()
                QTest.keyClick(picker.query, char)
                picker.results.repaint()
                latencies.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.thread_time() - begin_cpu) * 1000)
            QTest.keyClick(picker.query, Qt.Key.Key_Escape)
    latencies.sort()
    cpu.sort()
    p95 = latencies[int(len(latencies) * 0.95)]
    print(f"phrases: {len(context.index)}  keystrokes: {len(latencies)}  context + picker built in {built:.2f} s")
    print(f"keystroke → results shown: p50 {statistics.median(latencies):.2f} ms, p95 {p95:.2f} ms, "
          f"max {latencies[-1]:.2f} ms   (target p95 ≤ 16)")
    print(f"  CPU of the app's thread: p50 {statistics.median(cpu):.2f} ms, p95 {cpu[int(len(cpu) * 0.95)]:.2f} ms")
    picker.deleteLater()
    context.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
