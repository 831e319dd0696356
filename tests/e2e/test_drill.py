"""A drill typed into the real app with xdotool on Xvfb: what is stored is what was typed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.app_process import AppProcess
from tests.e2e.drill_typing import WINDOW_TITLE, open_drill, stored_result, type_drill, type_text, with_errors

TEXT = "亲，您好！请问有什么可以帮您？"


@pytest.fixture
def app(xserver, tmp_path: Path):
    running = AppProcess(xserver, tmp_path / "home")
    yield running
    errors = running.stop()
    assert "Traceback" not in errors, errors


def test_a_chinese_drill_with_deliberate_errors_is_stored_exactly(app, tmp_path: Path) -> None:
    text_file = tmp_path / "drill.txt"
    text_file.write_text(TEXT, encoding="utf-8")
    typed = type_drill(app, text_file, with_errors(TEXT, [3, 9], "错"), delay_ms=300)
    result = typed.result
    assert (result.language, result.source, result.text_title, result.mode) == ("zh", "custom", "drill", "fixed")
    assert result.characters == len(TEXT) and result.correct_characters == len(TEXT) - 2
    assert result.uncorrected_errors == 2 and result.corrections == 0
    assert result.accuracy == (len(TEXT) - 2) / len(TEXT)
    true_net = (len(TEXT) - 2) / typed.typing_seconds * 60
    assert result.net_cpm == pytest.approx(true_net, rel=0.05)


def test_a_backspace_after_a_commit_is_a_correction(app, tmp_path: Path) -> None:
    text_file = tmp_path / "short.txt"
    text_file.write_text("亲，您好！", encoding="utf-8")
    before = open_drill(app, text_file)
    type_text(app, "亲，您错", 80)
    app.xserver.xdotool("key", "BackSpace")
    type_text(app, "好！", 80)
    result = stored_result(app, before)
    assert result.characters == 5 and result.uncorrected_errors == 0
    assert result.corrections == 1
    assert result.accuracy == 5 / 6  # the corrected mistake counts as a miss


def test_quickreply_drill_starts_the_app_with_the_drill_open(xserver, tmp_path: Path) -> None:
    text_file = tmp_path / "drill.txt"
    text_file.write_text("Thanks for your order!", encoding="utf-8")
    running = AppProcess(xserver, tmp_path / "home", args=("drill", "--text", str(text_file), "--minutes", "1"))
    try:
        assert running.window_named(WINDOW_TITLE) is not None
        before = open_drill(running, text_file)  # a second request reaches the same app
        type_text(running, "Thanks for your order!", 40)
        result = stored_result(running, before)
        assert result.language == "en" and result.wpm is not None and result.accuracy == 1.0
    finally:
        errors = running.stop()
    assert "Traceback" not in errors, errors


def test_escape_is_not_typing_it_leaves_the_drill_then_closes_the_window(app, tmp_path: Path) -> None:
    """The drill counts key presses as the X server delivers them (ui/drills/x11_keys.py);
    Escape is not one: counted, it would start the clock, and leaving would ask first."""
    text_file = tmp_path / "short.txt"
    text_file.write_text("亲，您好！", encoding="utf-8")
    open_drill(app, text_file)
    app.xserver.xdotool("key", "--delay", "300", "Escape", "Escape")  # leave the drill; close the window
    deadline = time.monotonic() + 5
    while app.window_named(WINDOW_TITLE, timeout=0.1) is not None:
        assert time.monotonic() < deadline, "the drill window stayed open: did leaving ask?"
