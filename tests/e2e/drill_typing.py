"""Typing a drill into the real app with xdotool, as the e2e test and the fidelity
benchmark (bench/drill_fidelity.py) both do.

``quickreply drill --text FILE`` opens the drill on the text; xdotool types into the
focused input box at a fixed delay per character (Unicode characters are committed
directly, like an input method's commit); the result is read back from the history
(drills.json) the app wrote.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.data.folder import DataFolder
from assistant.drills.history import DrillHistory
from assistant.drills.session import DrillResult
from tests.e2e.app_process import AppProcess

WINDOW_TITLE = "QuickReply typing practice"


@dataclass(frozen=True)
class TypedDrill:
    result: DrillResult
    #: How long xdotool took to type every character (each with its delay), in seconds.
    typing_seconds: float


def open_drill(app: AppProcess, text_file: Path) -> int:
    """``quickreply drill --text FILE`` from a second process; the number of results
    stored before, once the drill window has the keyboard focus."""
    before = len(DrillHistory(DataFolder(app.home)).results())
    opened = app.command("drill", "--text", str(text_file))
    if opened.returncode != 0:
        raise AssertionError(f"quickreply drill failed: {opened.stderr}")
    window = app.window_named(WINDOW_TITLE)
    if window is None:
        raise AssertionError("the drill window did not open")
    app.xserver.activate(window)
    time.sleep(0.3)  # the run page gives its input box the focus as the window maps
    return before


def type_text(app: AppProcess, typed: str, delay_ms: int) -> float:
    """xdotool types ``typed`` into the focused window; the seconds it took."""
    started = time.monotonic()
    subprocess.run(["xdotool", "type", "--delay", str(delay_ms), typed], env=app.xserver.env, check=True,
                   timeout=60)
    return time.monotonic() - started


def stored_result(app: AppProcess, before: int, timeout: float = 10) -> DrillResult:
    """The result the app stored after ``before`` results, once it is there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        results = DrillHistory(DataFolder(app.home)).results()
        if len(results) > before:
            return results[-1]
        time.sleep(0.05)
    raise AssertionError("no drill result was stored")


def type_drill(app: AppProcess, text_file: Path, typed: str, delay_ms: int) -> TypedDrill:
    """Open the drill on ``text_file`` and type ``typed`` into it at ``delay_ms`` per
    character; the stored result once the drill ended (the last character ends it)."""
    before = open_drill(app, text_file)
    seconds = type_text(app, typed, delay_ms)
    return TypedDrill(stored_result(app, before), seconds)


def with_errors(text: str, positions: list[int], wrong: str) -> str:
    """``text`` with the characters at ``positions`` replaced by ``wrong`` (deliberate,
    uncorrected typing errors)."""
    chars = list(text)
    for position in positions:
        if chars[position] == wrong:
            raise ValueError("a deliberate error must differ from the text")
        chars[position] = wrong
    return "".join(chars)
