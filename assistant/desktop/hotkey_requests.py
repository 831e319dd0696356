"""What every hotkey backend shares between its listener thread and the others.

Only the listener thread may grab (X11) or register (Windows) a chord, yet the app
changes its hotkeys from the main thread. So the wanted set is kept under a lock for
every thread, and a change is a request that the listener thread answers while the
caller waits for the chords that could not be taken.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from assistant.desktop.chords import Chord
from assistant.i18n import tr

log = logging.getLogger(__name__)

REQUEST_TIMEOUT_SECONDS = 5.0
Failures = dict[str, str]  # hotkey name → why it is not active


@dataclass
class _Request:
    hotkeys: dict[str, Chord]
    done: threading.Event = field(default_factory=threading.Event)
    failures: Failures = field(default_factory=dict)


class HotkeyRequests:
    def __init__(self) -> None:
        self._wanted: dict[str, Chord] = {}
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[_Request] = queue.SimpleQueue()

    def want(self, hotkeys: Mapping[str, Chord]) -> dict[str, Chord]:
        """Record ``hotkeys`` as the set to hold from now on (also across reconnects)."""
        wanted = dict(hotkeys)
        with self._lock:
            self._wanted = wanted
        return wanted

    def wanted(self) -> dict[str, Chord]:
        with self._lock:
            return dict(self._wanted)

    def submit(self, hotkeys: Mapping[str, Chord], wake: Callable[[], bool]) -> Failures:
        """From any thread but the listener's: queue the change, ``wake`` the listener
        (False if it cannot be woken) and wait for its answer."""
        request = _Request(dict(hotkeys))
        self._queue.put(request)
        if not wake():
            return not_running(hotkeys)
        if not request.done.wait(REQUEST_TIMEOUT_SECONDS):
            raise TimeoutError("the hotkey listener did not answer")
        return request.failures

    def serve(self, apply: Callable[[dict[str, Chord]], Failures]) -> None:
        """On the listener thread: carry out every queued change with ``apply``."""
        self._drain(apply)

    def answer_pending(self) -> None:
        """On a listener that has ended: nobody waits forever."""
        self._drain(not_running)

    def _drain(self, answer: Callable[[dict[str, Chord]], Failures]) -> None:
        while True:
            try:
                request = self._queue.get_nowait()
            except queue.Empty:
                return
            request.failures = answer(request.hotkeys)
            request.done.set()


def not_running(hotkeys: Mapping[str, Chord]) -> Failures:
    return {name: tr("{chord}: global hotkeys are not running", chord=chord) for name, chord in hotkeys.items()}


def report_problem(on_problem: Callable[[str], None] | None, message: str) -> None:
    """Log ``message`` and pass it to the app; a failing callback must not kill the listener."""
    log.warning("%s", message)
    if on_problem is not None:
        try:
            on_problem(message)
        except Exception:
            log.exception("the hotkey problem callback failed")


def fire_hotkey(on_hotkey: Callable[[str], None], name: str) -> None:
    """Hand a pressed hotkey to the app; a failing callback must not kill the listener."""
    log.debug("hotkey %s", name)
    try:
        on_hotkey(name)
    except Exception:
        log.exception("the hotkey callback failed for %s", name)
