"""The store under kill -9 and under two writers at once, with real processes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.formats import native
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from tests.unit.helpers import ROOT, run_cli, start_child

WRITER = """
import sys
from assistant.phrases.model import Phrase
from assistant.phrases.store import Store
store = Store(seed=False)
start = len(store.phrases("crash"))
print("ready", flush=True)
for number in range(start, start + 100000):
    added = store.add_phrase("crash", Phrase(text=str(number), code=f"c{number}"))
    store.record_use("crash", added.id)
"""


@pytest.mark.slow
def test_kill_dash_nine_never_leaves_a_broken_store(isolated_home: Path) -> None:
    Store(isolated_home, seed=False).create_book(Phrasebook(name="Crash", id="crash"))
    env = {**os.environ, "QUICKREPLY_HOME": str(isolated_home), "PYTHONPATH": str(ROOT)}
    rng = random.Random(20261122)
    expected_min = 0
    for _ in range(200):
        writer = start_child([sys.executable, "-c", WRITER], env=env, stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.04))
        writer.kill()  # SIGKILL; TerminateProcess on Windows
        writer.wait()
        reopened = Store(isolated_home, seed=False)
        assert reopened.notices == []
        texts = [phrase.text for phrase in reopened.phrases("crash")]
        # Every completed write is there, in order, and nothing half-written is.
        assert texts == [str(number) for number in range(len(texts))]
        assert len(texts) >= expected_min
        expected_min = len(texts)
        assert not list(isolated_home.rglob(".*.tmp-*")), "temporaries are cleaned up on open"
    # Killed while writing, not before it started: how many writes 200 runs get done
    # depends on the machine's load, so the bar is low.
    assert expected_min >= 20, "the writer was killed while writing, not before it started"


def _book_file(path: Path, book_id: str, prefix: str, count: int) -> Path:
    phrases = [Phrase(text=f"{prefix} {number}", code=f"{prefix}{number}", id=f"{prefix}-{number}")
               for number in range(count)]
    path.write_bytes(native.write(Phrasebook(name=book_id, id=book_id), phrases))
    return path


@pytest.mark.slow
def test_two_processes_importing_at_once_lose_nothing(isolated_home: Path, tmp_path: Path) -> None:
    Store(isolated_home, seed=False)
    first = _book_file(tmp_path / "a.json", "a", "a", 1500)
    second = _book_file(tmp_path / "b.json", "b", "b", 1500)
    env = {**os.environ, "QUICKREPLY_HOME": str(isolated_home), "PYTHONPATH": str(ROOT)}
    for round_number in range(3):
        book = f"shared{round_number}"
        processes = [start_child([sys.executable, "-m", "assistant", "import", str(path), "--book", book],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for path in (first, second)]
        for process in processes:
            _, error = process.communicate(timeout=120)
            assert process.returncode == 0, error
        reader = Store(isolated_home, seed=False)
        codes = {phrase.code for phrase in reader.phrases(reader.book(book).id)}
        assert codes == {f"a{n}" for n in range(1500)} | {f"b{n}" for n in range(1500)}


def test_the_cli_and_an_open_store_share_changes(isolated_home: Path, tmp_path: Path) -> None:
    app = Store(isolated_home, seed=False)
    result = run_cli("import", str(_book_file(tmp_path / "c.json", "c", "c", 3)), home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert [phrase.code for phrase in app.phrases("c")] == ["c0", "c1", "c2"]
