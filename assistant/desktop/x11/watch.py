"""Noticing changes on the X11 desktop as they happen: a thread of its own with its own
connection sleeps in select() until the X server has news (no polling), then hands the
events to the watcher that asked for them.

``X11ActiveWindowWatcher``: when the agent switches chat windows the window manager
updates _NET_ACTIVE_WINDOW on the root window, and a PropertyNotify says so; the UI turns
the call into a queued signal and refreshes the conversation counter and the tray badge.
The title watcher (x11.titles) is the other user of ``X11EventThread``.
"""

from __future__ import annotations

import logging
import os
import select
import threading
from collections.abc import Callable

from Xlib import X
from Xlib.display import Display

from assistant.desktop.x11.common import drain_events, log_x_error

log = logging.getLogger(__name__)


class X11EventThread:
    """The thread, its connection and its wake-up pipe; subclasses say which events
    they want (``_subscribe``) and what they mean (``_handle``), both on the thread."""

    #: The thread's name, seen in the log and in a debugger.
    thread_name = "x11-events"

    def __init__(self, display_name: str | None = None):
        self._display_name = display_name
        self._thread: threading.Thread | None = None
        self._wake_read, self._wake_write = os.pipe()

    def start(self) -> None:
        display = Display(self._display_name)
        display.set_error_handler(log_x_error)
        self._thread = threading.Thread(target=self._run, args=(display,), name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            os.write(self._wake_write, b"x")
            self._thread.join(2)
            self._thread = None

    def _subscribe(self, display: Display) -> None:
        raise NotImplementedError

    def _handle(self, display: Display, events: list) -> None:
        raise NotImplementedError

    def _run(self, display: Display) -> None:
        try:
            self._subscribe(display)
            display.flush()
            while True:
                readable, _, _ = select.select([display.fileno(), self._wake_read], [], [])
                if self._wake_read in readable:
                    return
                self._handle(display, drain_events(display))
                display.flush()
        except Exception:  # a lost connection only costs what this watcher shows
            log.exception("the %s watcher stopped", self.thread_name)
        finally:
            display.close()


class X11ActiveWindowWatcher(X11EventThread):
    thread_name = "x11-active-window"

    def __init__(self, on_change: Callable[[], None], display_name: str | None = None):
        super().__init__(display_name)
        self._on_change = on_change
        self._atom = 0

    def _subscribe(self, display: Display) -> None:
        self._atom = display.intern_atom("_NET_ACTIVE_WINDOW")
        display.screen().root.change_attributes(event_mask=X.PropertyChangeMask)

    def _handle(self, display: Display, events: list) -> None:
        if any(event.type == X.PropertyNotify and event.atom == self._atom for event in events):
            self._on_change()
