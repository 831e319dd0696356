"""Small builders shared by the unit tests."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from assistant.phrases.model import Phrase, Phrasebook

ROOT = Path(__file__).resolve().parents[2]


def book(name: str = "Test book", book_id: str = "test-book", language: str = "zh-CN") -> Phrasebook:
    return Phrasebook(name=name, id=book_id, language=language)


def phrase(text: str, code: str = "", title: str = "", group: str = "", **more) -> Phrase:
    return Phrase(text=text, code=code, title=title, group=group, **more)


def run_cli(*args: str, home: Path, lang: str = "en", stdin: str | None = None) -> subprocess.CompletedProcess:
    """The real command in a child process, as a user runs it."""
    env = {"QUICKREPLY_HOME": str(home), "QUICKREPLY_LANG": lang, "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=120, cwd=ROOT)


# Wine's CreateProcess now and then fails with ERROR_INTERNAL_ERROR (1359) under load,
# once in some thousand starts; a test that starts hundreds of children meets it.
_WINE_TRANSIENT_START_ERROR = 1359


def start_child(args: list[str], attempts: int = 3, **options) -> subprocess.Popen:
    """Popen that tries again when Windows (Wine) fails a process start for no reason of ours."""
    for _ in range(attempts - 1):
        try:
            return subprocess.Popen(args, **options)
        except OSError as error:
            if getattr(error, "winerror", None) != _WINE_TRANSIENT_START_ERROR:
                raise
            time.sleep(0.5)
    return subprocess.Popen(args, **options)
