"""Quitting the real app while it builds a new search index: another process (the
``quickreply import`` a user runs in a terminal) has changed 20,000 phrases, the app's
folder watcher has seen it, and the index is being built on a worker for some seconds.
``quickreply quit`` must end the app within 2 s, cleanly (the worker is stopped, not
left running under an interpreter that is ending)."""

from __future__ import annotations

import time
from pathlib import Path

from assistant.formats import read_phrasebook
from assistant.logs import LOG_FILE
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import SearchCache
from assistant.phrases.store import Store
from tests.e2e.app_process import AppProcess
from tests.hostile_files import csv_at_the_caps

QUIT_LIMIT_SECONDS = 2.0
BUILDING = "building the search index of"


def test_quitting_during_a_build_takes_under_two_seconds(xserver, tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = Store(home)
    source = csv_at_the_caps(tmp_path)
    store.import_book(read_phrasebook(source), default_name="caps")
    SearchIndex(store.phrases(), SearchCache.of(home))  # the app starts from a full cache
    changed = tmp_path / "changed.csv"
    changed.write_bytes(source.read_bytes().replace("查收".encode(), "签收".encode()))
    app = AppProcess(xserver, home)
    try:
        done = app.command("import", str(changed), "--book", "caps", "--on-conflict", "replace")
        assert done.returncode == 0, done.stderr
        log = home / LOG_FILE
        deadline = time.monotonic() + 20
        while BUILDING not in log.read_text("utf-8") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert BUILDING in log.read_text("utf-8"), "the app did not see the import"
        time.sleep(0.5)  # well into the analysis
        took = app.quit_timed()
    finally:
        errors = app.stop()
    print(f"quit during the build took {took:.2f} s")
    assert took < QUIT_LIMIT_SECONDS, took
    assert app.process.returncode == 0 and "Traceback" not in errors, errors
    assert "did not stop" not in log.read_text("utf-8")
