"""The tray app on Windows, under Wine: hotkey → picker visible, hotkey → reply landed.

    scripts/test-windows bench/windows.py [--rounds 30]

Run by the Windows Python in a fresh Wine prefix (scripts/test-windows), with the app
(``python -m ui``) and a target Qt text box (tests/e2e/target_app.py) that logs on the
monotonic clock, which Windows shares between processes (QueryPerformanceCounter). The
keys are pressed with keybd_event while the target has the focus (tests/e2e_windows).

- hotkey → reply landed: from just before the phrase's chord is pressed to the target
  logging the complete Chinese two-line reply;
- hotkey → picker visible: to the picker being the foreground window with the focus.

Wine adds its own cost (the issue measured 94–214 ms and 58–177 ms there): these are
no targets, and say nothing about a real Windows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from bench.latency import summary, wait_for_reply
from tests.e2e.app_process import AppProcess, set_language
from tests.e2e.target import Target
from tests.e2e_windows.desktop import WindowsDesktop, wine_version

REPLY = "亲，您的包裹已经发出啦～\n预计三到五天送达，请留意物流信息哦！"
PICKER = "QuickReply picker"


def reply_latency(desktop: WindowsDesktop, target: Target, rounds: int) -> list[float]:
    latencies = []
    for _ in range(rounds):
        target.activate()
        started = time.monotonic_ns()
        desktop.press("ctrl+alt+1")
        latencies.append((wait_for_reply(target, started, REPLY) - started) / 1e6)
        desktop.press("return")  # the target clears its box on "send"
        time.sleep(0.05)
    return latencies


def picker_latency(desktop: WindowsDesktop, app: AppProcess, target: Target, rounds: int) -> list[float]:
    latencies = []
    picker = None
    for _ in range(rounds):
        target.activate()
        started = time.monotonic_ns()
        desktop.press("ctrl+alt+q")
        if picker is None:  # the same window each time it opens
            picker = app.window_named(PICKER, timeout=20)
            assert picker is not None, "the picker did not appear"
        deadline = time.monotonic() + 5
        while desktop.focused_window() != picker or desktop.active_window() != picker:
            if time.monotonic() > deadline:
                raise RuntimeError("the picker did not get the focus")
            time.sleep(0.001)
        latencies.append((time.monotonic_ns() - started) / 1e6)
        desktop.press("escape")
        if not desktop.wait_focused(target.window):
            raise RuntimeError("Escape did not give the focus back")
        time.sleep(0.1)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    desktop = WindowsDesktop()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        store = Store(home)
        store.create_book(Phrasebook(name="Bench", id="bench", language="zh-CN"))
        store.add_phrase("bench", Phrase(text=REPLY, code="bfh", title="发货", hotkey="ctrl+alt+1", id="reply"))
        set_language(home, "en")
        app = AppProcess(desktop, home)
        target = Target(desktop, "王小明 - 接待中心", Path(folder) / "target.jsonl")
        try:
            target.activate()
            reply_latency(desktop, target, 3)  # warm: the first insertion loads what it needs
            replies = reply_latency(desktop, target, args.rounds)
            picker_latency(desktop, app, target, 2)
            pickers = picker_latency(desktop, app, target, args.rounds)
        finally:
            target.close()
            app.stop()
    print(f"Wine {wine_version()}, code page 936, {args.rounds} rounds each (Wine's figures, not Windows'):")
    print(summary("hotkey → reply landed", replies))
    print(summary("hotkey → picker visible", pickers))


if __name__ == "__main__":
    main()
