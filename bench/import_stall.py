"""The longest stall of the manager's UI thread while it imports a file at the caps.

    python bench/import_stall.py [--rounds 3]

A book of 20,000 phrases (tests/hostile_files.py's CSV at the caps) is in the store; the
same file with every text changed is imported into it through the manager's Import
action, as a user does: the preview for "Skip" (the default), then "Replace", then
Import. A 5 ms heartbeat timer on the UI thread records the gaps between its ticks; the
longest gap is how long the window could not paint or take a click. Reported apart: the
stall until the store has changed (reading, previews, the import) and the refresh of the
app's phrases and search index that follows (``AppContext.phrases_edited``, until the
new index is in place and the windows have shown it), and how long after the refresh
began the new phrases were searchable. The refresh's stall is then taken apart: the
refresh's own time on the UI thread (reading the store, deciding), the longest gap
while the new index was built on a worker, and the gap in which it was put in place
(with the windows' own reload on ``phrasesChanged``: the manager reads its book again).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from assistant.formats import read_phrasebook
from assistant.phrases.store import Store
from tests.hostile_files import csv_at_the_caps
from ui.app import share_subscriptions
from ui.context import AppContext
from ui.manager.import_dialog import ImportDialog
from ui.manager.window import ManagerWindow


def wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the import preview never arrived")
        QApplication.processEvents()
        time.sleep(0.002)


def choose(dialog: QDialog) -> None:
    """The user: into the book "caps", first as skip, then replace, then Import."""
    assert isinstance(dialog, ImportDialog)
    dialog.show()
    dialog.book_box.setCurrentIndex(dialog.book_box.findText("caps"))
    wait_until(lambda: "caps" in dialog.summary.text())
    dialog.policy_buttons.button(1).setChecked(True)  # replace
    wait_until(dialog.import_button.isEnabled)
    dialog.import_button.click()


class Round(NamedTuple):
    """Seconds: the longest heartbeat gaps until the refresh and after its start, the
    whole import, from the refresh's start until the new phrases were in; the refresh's
    own time on the UI thread, the longest gap while the index was built, the gap of the
    swap."""

    stall: float
    refresh: float
    took: float
    searchable: float
    own: float
    building: float
    swap: float


def one_round(folder: Path) -> Round:
    home = Path(tempfile.mkdtemp(dir=folder))
    source = csv_at_the_caps(home)
    store = Store(home / "data")
    store.import_book(read_phrasebook(source), default_name="caps")
    changed = home / "changed.csv"
    changed.write_bytes(source.read_bytes().replace("查收".encode(), "签收".encode()))
    context = AppContext(store)
    share_subscriptions(context)
    window = ManagerWindow(context)
    window.show()
    refreshed: list[float] = []
    refresh = context.phrases_edited
    context.phrases_edited = lambda: (refreshed.append(time.perf_counter()), refresh(),
                                      refreshed.append(time.perf_counter()))
    changed_at: list[float] = []
    context.phrasesChanged.connect(lambda: changed_at.append(time.perf_counter()))
    window.dialogs.open_file = lambda caption, filters: changed
    window.dialogs.run = choose
    ticks: list[float] = []
    beat = QTimer(interval=5)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    wait_until(lambda: len(ticks) > 5)
    started = time.perf_counter()
    window.import_action.trigger()
    wait_until(lambda: "Imported into" in window.statusBar().currentMessage())
    took = time.perf_counter() - started
    wait_until(lambda: not context.refreshing() and context.index.search("签收", 1))
    searchable = changed_at[-1] - refreshed[0]
    done = time.perf_counter()
    wait_until(lambda: ticks[-1] > done + 0.05)
    beat.stop()
    window.close()
    # A gap that spans the refresh's start is split there: the import's part, the refresh's.
    cut = refreshed[0]
    pairs = list(itertools.pairwise(ticks))
    before = max(min(later, cut) - earlier for earlier, later in pairs if earlier < cut)
    after = max(later - max(earlier, cut) for earlier, later in pairs if later > cut)
    swapped = changed_at[-1]
    resumed = min(later for _, later in pairs if later > refreshed[1])  # the manager has shown the book
    building = max((later - earlier for earlier, later in pairs if earlier >= resumed and later <= swapped),
                   default=0.0)
    swap = next(later - earlier for earlier, later in pairs if earlier <= swapped <= later)
    return Round(before, after, took, searchable, refreshed[1] - refreshed[0], building, swap)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        for number in range(1, rounds + 1):
            result = one_round(Path(folder))
            print(f"round {number}: longest UI-thread stall until the store changed {result.stall * 1000:.0f} ms, "
                  f"during the refresh after it {result.refresh * 1000:.0f} ms; the whole import took "
                  f"{result.took:.1f} s, the new phrases were searchable {result.searchable:.1f} s after the "
                  f"refresh began")
            print(f"    the refresh's own time on the UI thread {result.own * 1000:.0f} ms, the longest gap "
                  f"while the index was built {result.building * 1000:.0f} ms, the swap with the windows' "
                  f"reload {result.swap * 1000:.0f} ms")


if __name__ == "__main__":
    main()
