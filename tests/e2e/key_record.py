"""The key presses the X server delivered, with its own timestamps (the RECORD extension).

A test that compares what a program measured with what was typed needs what was typed
independently of that program: xdotool's ``--delay`` is not the interval it keeps (each
key costs it some work of its own), and a clock read around the xdotool call includes its
start-up. The X server stamps every key press it delivers, to the millisecond, on its
monotonic clock; this records them for all clients while a test types.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from types import TracebackType

from Xlib import X
from Xlib.display import Display
from Xlib.ext import record
from Xlib.protocol import rq


@dataclass(frozen=True)
class KeyPress:
    keycode: int
    #: The X server's time of the press, in milliseconds.
    time_ms: int


class KeyRecorder:
    """``with KeyRecorder(display) as presses:`` every key press the server delivers while
    the block runs, in order, in ``presses``."""

    def __init__(self, display_name: str):
        self.presses: list[KeyPress] = []
        self._control = Display(display_name)
        self._recording = Display(display_name)
        if not self._recording.has_extension("RECORD"):
            self._control.close()
            self._recording.close()
            raise RuntimeError("the X server has no RECORD extension")
        self._context = self._control.record_create_context(0, [record.AllClients], [{
            "core_requests": (0, 0), "core_replies": (0, 0), "ext_requests": (0, 0, 0, 0),
            "ext_replies": (0, 0, 0, 0), "delivered_events": (0, 0), "device_events": (X.KeyPress, X.KeyPress),
            "errors": (0, 0), "client_started": False, "client_died": False}])
        self._control.sync()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started = threading.Event()

    def __enter__(self) -> list[KeyPress]:
        self._thread.start()
        if not self._started.wait(timeout=10):
            raise RuntimeError("the X server did not start recording")
        return self.presses

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._control.record_disable_context(self._context)
        self._control.sync()
        self._thread.join(timeout=10)
        self._control.record_free_context(self._context)
        self._control.close()
        self._recording.close()

    def _run(self) -> None:
        self._recording.record_enable_context(self._context, self._intercepted)

    def _intercepted(self, reply: rq.DictWrapper) -> None:
        if reply.category == record.StartOfData:
            self._started.set()
        if reply.category != record.FromServer or reply.client_swapped or not reply.data:
            return
        data = reply.data
        while data:
            event, data = rq.EventField(None).parse_binary_value(data, self._recording.display, None, None)
            if event.type == X.KeyPress:
                self.presses.append(KeyPress(event.detail, event.time))
