"""A new data folder starts with the first-run wizard, walked with the keyboard on the
X server; the real picker hotkey, pressed on the hotkey page, is tried in the practice
box instead of opening the picker."""

from __future__ import annotations

import time
from pathlib import Path

from assistant.data.folder import DataFolder
from assistant.settings import load_settings
from tests.e2e.app_process import AppProcess


def wait_for(check, timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_wizard_comes_first_and_the_picker_hotkey_is_tried_live(xserver, tmp_path: Path) -> None:
    home = tmp_path / "home"
    app = AppProcess(xserver, home, first_run=True)
    try:
        wizard = app.window_named("Welcome to QuickReply")
        assert wizard is not None and xserver.wait_focused(wizard)
        xserver.xdotool("key", "Tab")  # from the language to the name
        xserver.xdotool("type", "--delay", "20", "Lily")
        xserver.xdotool("key", "Return")  # the books
        xserver.xdotool("key", "Return")  # the hotkey and the practice box
        time.sleep(0.3)
        xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
        log = home / "logs" / "quickreply.log"
        assert wait_for(lambda: "tried in the first-run wizard" in log.read_text("utf-8"))
        assert app.window_named("QuickReply picker", timeout=0.5) is None
        xserver.xdotool("key", "Return")  # starting at login
        xserver.xdotool("key", "Return")  # finish
        assert wait_for(lambda: load_settings(DataFolder(home)).first_run_done)
        saved = load_settings(DataFolder(home))
        assert (saved.agent_name, saved.hidden_books) == ("Lily", ["zh-ecommerce"])
    finally:
        errors = app.stop()
    assert "Traceback" not in errors, errors
