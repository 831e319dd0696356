"""Every top-level window's title on Windows, as it changes: a buyer's message raises
the unread counter ("(3) 买家A") of a chat window that is usually not the foreground one.

A scan, not events, and on purpose: EVENT_OBJECT_NAMECHANGE through an out-of-context
WinEvent hook (what win32.watch uses for the foreground window) would say the same
without a scan, but Wine 8 delivers no WinEvents to such hooks at all (measured, see
tests/e2e_windows/test_desktop.py), and an in-context hook would load our code into every
chat client. So a thread of its own lists the visible top-level windows (EnumWindows)
and their captions (GetWindowTextW, which reads a caption without sending the window a
message, so a hung client cannot hang the scan) once a second — a few hundred
microseconds for a desktop's worth of windows — and reports only the titles that are new
(assistant.desktop.titles): each window once when first seen, then each change. A
second is well inside the 30 seconds the trade measures a first response against.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from assistant.desktop.base import WindowInfo
from assistant.desktop.titles import TitleTracker
from assistant.desktop.win32.common import declare, windows_dll
from assistant.desktop.win32.input import Win32Windows, window_text

log = logging.getLogger(__name__)

SCAN_SECONDS = 1.0


class Win32TitleWatcher:
    """Calls ``on_title(window)`` on its own thread for every new title of a visible
    top-level window; the callback must be cheap (the UI emits a queued signal)."""

    def __init__(self, on_title: Callable[[WindowInfo], None], interval: float = SCAN_SECONDS):
        self._on_title = on_title
        self._interval = interval
        self._tracker = TitleTracker()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._user32: Any = None
        self._windows: Win32Windows | None = None

    def start(self) -> None:
        """Starts scanning; raises OSError off Windows."""
        self._windows = Win32Windows()  # declares the caption calls of window_text too
        self._user32 = _user32()
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="win32-titles", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ends the scans; safe to call twice."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stopping.set()
            thread.join(2 * self._interval + 1)

    def scan(self) -> dict[int, str]:
        """The visible top-level windows and their captions, now."""
        user32 = self._user32
        titles: dict[int, str] = {}

        def visit(hwnd: Any, _parameter: Any) -> bool:
            if hwnd and user32.IsWindowVisible(hwnd):
                titles[int(hwnd)] = window_text(user32, hwnd)
            return True

        user32.EnumWindows(_WNDENUMPROC()(visit), 0)
        return titles

    def _run(self) -> None:
        assert self._windows is not None
        try:
            while True:
                for hwnd in self._tracker.changed(self.scan()):
                    window = self._windows.describe(hwnd)
                    if window is not None:
                        self._on_title(window)
                if self._stopping.wait(self._interval):
                    return
        except Exception:  # a failed scan only costs the waiting times
            log.exception("the title watcher stopped")


def _WNDENUMPROC() -> Any:
    """The EnumWindows callback type; built on first use (WINFUNCTYPE exists only on Windows)."""
    return ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)


def _user32() -> Any:
    user32 = windows_dll("user32")
    declare(user32, {
        "EnumWindows": (wintypes.BOOL, (_WNDENUMPROC(), wintypes.LPARAM)),
        "IsWindowVisible": (wintypes.BOOL, (wintypes.HWND,)),
    })
    return user32
