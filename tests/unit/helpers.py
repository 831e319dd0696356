"""Small builders shared by the unit tests."""

from __future__ import annotations

import subprocess
import sys
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
