"""Noticing when the agent switches chat windows, on X11: the window manager updates
_NET_ACTIVE_WINDOW on the root window, and a PropertyNotify says so.

A thread of its own with its own connection sleeps in select() until that happens (no
polling), then calls back; the UI turns the call into a queued signal and refreshes
the conversation counter and the tray badge.
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


class X11ActiveWindowWatcher:
    def __init__(self, on_change: Callable[[], None], display_name: str | None = None):
        self._on_change = on_change
        self._display_name = display_name
        self._thread: threading.Thread | None = None
        self._wake_read, self._wake_write = os.pipe()

    def start(self) -> None:
        display = Display(self._display_name)
        display.set_error_handler(log_x_error)
        self._thread = threading.Thread(target=self._run, args=(display,), name="x11-active-window", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            os.write(self._wake_write, b"x")
            self._thread.join(2)
            self._thread = None

    def _run(self, display: Display) -> None:
        try:
            atom = display.intern_atom("_NET_ACTIVE_WINDOW")
            display.screen().root.change_attributes(event_mask=X.PropertyChangeMask)
            display.flush()
            while True:
                readable, _, _ = select.select([display.fileno(), self._wake_read], [], [])
                if self._wake_read in readable:
                    return
                if any(event.type == X.PropertyNotify and event.atom == atom for event in drain_events(display)):
                    self._on_change()
        except Exception:  # a lost connection only costs the live badge
            log.exception("the active-window watcher stopped")
        finally:
            display.close()
