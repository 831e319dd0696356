"""The Linux app pasting into a Windows chat window under Wine, with a clipboard manager
running: Wine fetches the reply from its desktop process, another X client than the
window's, and the inserter must take that read for the paste (not wait 1.5 s and stop
after the first of separate messages), while the clipboard manager's read still does not
count. The target is target_app.py run by the Windows Python of the test Wine prefix
(tests/e2e/wine_target.py); without that prefix the tests are skipped.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.logs import LOG_FILE
from tests.e2e.app_process import MULTI_LINE, AppProcess
from tests.e2e.clipboard import wait_for_clipboard
from tests.e2e.wine_target import WineTarget, wine_prefix, wine_template

#: The Windows target's window title (ASCII: what Wine names the X window is then plain).
TITLE = "Wine chat"


@pytest.fixture(scope="module")
def wine_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    template = wine_template()
    if template is None:
        pytest.skip("no Wine prefix: scripts/test-windows builds it (cached in ~/.cache/quickreply); "
                    ".ci/run runs these tests before it, so a fresh CI machine skips them")
    with wine_prefix(template, tmp_path_factory.mktemp("wine")) as env:
        yield env


def timed_out(app: AppProcess) -> bool:
    """Whether the app's log says a paste waited for the timeout (the app goes on with the
    user's clipboard only after writing so)."""
    log = app.home / LOG_FILE
    return log.exists() and "did not take the pasted text" in log.read_text("utf-8")


@pytest.fixture
def wine_target(xserver, wine_env, tmp_path: Path) -> Iterator[WineTarget]:
    target = WineTarget(xserver, TITLE, tmp_path / "wine-target.jsonl", wine_env)
    target.activate()
    yield target
    target.close()


def test_a_reply_lands_exactly_in_a_wine_window_despite_a_clipboard_manager(
        app, wine_target, clipboard_manager, xserver) -> None:
    subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=xserver.env,
                     stdin=subprocess.PIPE).communicate(b"the user's own text", timeout=10)
    started = time.monotonic()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert wine_target.wait_for_text(MULTI_LINE) == MULTI_LINE
    landed = time.monotonic() - started
    assert wait_for_clipboard(xserver, b"the user's own text") == b"the user's own text"
    print(f"reply in the Wine window {landed:.2f} s, the user's clipboard back "
          f"{time.monotonic() - started:.2f} s after the hotkey")
    assert not timed_out(app)
    assert MULTI_LINE in [read["text"] for read in clipboard_manager.reads()]  # it did read it
    assert wine_target.text() == MULTI_LINE and wine_target.sends() == []


def test_separate_messages_all_reach_a_wine_window_in_order(app, wine_target, clipboard_manager, xserver) -> None:
    started = time.monotonic()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+3")
    assert wine_target.wait_for_text("请问有什么可以帮您？") == "请问有什么可以帮您？"
    print(f"both parts in the Wine window {time.monotonic() - started:.2f} s after the hotkey")
    assert wine_target.sends() == ["亲，在的～"]
    assert not timed_out(app)
