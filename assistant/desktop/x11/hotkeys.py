"""Global hotkeys on X11: XGrabKey on the root window, on a thread of its own.

A grab, unlike listening to key events (pynput), takes the chord away from the focused
program: Ctrl+Alt+1 must not also type "1" into the chat. X grabs are for an exact
modifier state, which gives "Ctrl+Alt+Shift+1 does not fire Ctrl+Alt+1" for free, but
also means every chord is grabbed four times: with and without CapsLock and NumLock.
A hotkey fires the moment its key goes down. X then keeps the whole keyboard grabbed
for us until the key is let go, so an injected paste would come back to us instead of
reaching the chat window: the listener ends that grab at once (XUngrabKeyboard) and
watches the key until it is up (see ``HotkeyKeys``).

The listener thread owns its Display (python-xlib connections are not thread-safe) and
sleeps in select() on the X connection and a wake-up pipe: it costs nothing while idle.
Other threads talk to it only through the pipe and a request queue.
"""

from __future__ import annotations

import logging
import os
import select
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from Xlib import X
from Xlib.display import Display
from Xlib.error import BadAccess, CatchError

from assistant.desktop.chords import Chord
from assistant.desktop.hotkey_requests import (
    REQUEST_TIMEOUT_SECONDS,
    HotkeyRequests,
    fire_hotkey,
    report_problem,
)
from assistant.desktop.x11.common import (
    chord_state,
    display_numlock_mask,
    drain_events,
    keysym_for_key,
    lock_variants,
    log_x_error,
    modifier_mask,
)
from assistant.i18n import tr

log = logging.getLogger(__name__)

MAX_RESTARTS = 5
RESTART_WINDOW_SECONDS = 60.0
# After a reconnect the server may not yet have dropped the old connection's grabs.
_REGRAB_DELAYS = (0.05, 0.1, 0.2, 0.4)
# While a hotkey's key is down (its release goes to the focused window once the grab is
# ended), the listener looks every so often whether it is up; idle, it never wakes.
HELD_KEY_POLL_SECONDS = 0.02

Grabbed = tuple[int, int]  # (keycode, modifier mask without locks)


@dataclass(frozen=True)
class KeyEvent:
    """A key event as the grab delivers it; ``name`` is the hotkey a press belongs to."""

    pressed: bool
    keycode: int
    time: int
    name: str | None = None


class HotkeyKeys:
    """Decides which hotkeys fire, from the key presses our grabs deliver.

    A hotkey fires on its press, once: while its key stays down, X auto-repeat sends
    Release+Press pairs with one time stamp, which are not new hotkeys. The key counts
    as down until a real release, or a look at the keyboard (``release_up``, for when
    the release went to the focused window), says it is up.
    """

    def __init__(self) -> None:
        self._held: dict[int, str] = {}
        # keycode → time of its last release: a press at that very time is the second
        # half of an auto-repeat pair whose first half came in an earlier read.
        self._released_at: dict[int, int] = {}

    def holds(self, keycode: int) -> bool:
        return keycode in self._held

    @property
    def any_held(self) -> bool:
        return bool(self._held)

    def keep_only(self, names: Collection[str]) -> None:
        """Forgets held keys of hotkeys that are gone."""
        self._held = {keycode: name for keycode, name in self._held.items() if name in names}

    def feed(self, events: Sequence[KeyEvent]) -> list[str]:
        """The hotkeys that fire with ``events`` (in order)."""
        fired: list[str] = []
        for index, event in enumerate(events):
            if not event.pressed:
                if not (index + 1 < len(events) and is_repeat_pair(event, events[index + 1])):
                    self._held.pop(event.keycode, None)
                    self._released_at[event.keycode] = event.time
            elif event.name is not None and event.keycode not in self._held:
                self._held[event.keycode] = event.name
                if self._released_at.pop(event.keycode, None) != event.time:
                    fired.append(event.name)
        return fired

    def release_up(self, pressed: Sequence[int]) -> None:
        """Forgets the keys that ``pressed`` (XQueryKeymap's 32 bytes) shows as up."""
        self._held = {keycode: name for keycode, name in self._held.items()
                      if pressed[keycode // 8] >> (keycode % 8) & 1}


def is_repeat_pair(release: KeyEvent, following: KeyEvent) -> bool:
    return following.pressed and following.keycode == release.keycode and following.time == release.time


def resolve_chord(display: Display, chord: Chord) -> Grabbed | None:
    """The keycode and modifier mask that produce ``chord``, or None if no key does.

    A key on the shifted level (e.g. "!" on the "1" key) needs Shift in the grab."""
    keysym = keysym_for_key(chord.key)
    for keycode, level in display.keysym_to_keycodes(keysym) if keysym else ():
        if level <= 1:
            return keycode, modifier_mask(chord.modifiers) | (X.ShiftMask if level else 0)
    return None


@dataclass
class GrabResult:
    table: dict[Grabbed, str] = field(default_factory=dict)  # what each grabbed press means
    failures: dict[str, str] = field(default_factory=dict)  # name → why it is not grabbed
    taken: set[str] = field(default_factory=set)  # the failures another program caused


def grab_hotkeys(display: Display, hotkeys: Mapping[str, Chord], numlock: int) -> GrabResult:
    """Replaces every grab of this connection by ``hotkeys``.

    XGrabKey reports a chord held by another client only as an asynchronous BadAccess
    error, so each chord gets its own error catcher and one sync() collects them all.
    """
    root = display.screen().root
    root.ungrab_key(X.AnyKey, X.AnyModifier)
    result, pending = GrabResult(), []
    for name, chord in hotkeys.items():
        grabbed = resolve_chord(display, chord)
        if grabbed is None:
            result.failures[name] = tr("{chord}: this keyboard has no such key", chord=chord)
        elif grabbed in result.table:
            result.failures[name] = tr("{chord} is also the hotkey of {other}", chord=chord,
                                       other=result.table[grabbed])
        else:
            catcher = CatchError(BadAccess)
            for mask in lock_variants(grabbed[1], numlock):
                root.grab_key(grabbed[0], mask, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
            result.table[grabbed] = name
            pending.append((name, chord, grabbed, catcher))
    display.sync()
    for name, chord, grabbed, catcher in pending:
        if catcher.get_error() is not None:
            for mask in lock_variants(grabbed[1], numlock):  # drop the variants we did get
                root.ungrab_key(grabbed[0], mask)
            del result.table[grabbed]
            result.failures[name] = tr("{chord} is already taken by another program", chord=chord)
            result.taken.add(name)
    display.sync()
    return result


class X11HotkeyListener:
    """Calls ``on_hotkey(name)`` when a grabbed chord is pressed, as its key goes down
    (Ctrl and Alt are then still held: the keyboard backend releases them before sending).

    ``on_hotkey`` runs on the listener thread: it must be cheap and must not touch Qt
    widgets or the store (emit a queued signal instead). ``on_problem(message)`` is called
    (also on the listener thread) when hotkeys stop working for good or could not be
    taken back after a reconnect.
    """

    def __init__(self, on_hotkey: Callable[[str], None], on_problem: Callable[[str], None] | None = None,
                 display_name: str | None = None):
        self._on_hotkey, self._on_problem, self._display_name = on_hotkey, on_problem, display_name
        self._requests = HotkeyRequests()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake: tuple[int, int] | None = None
        # Owned by the listener thread once it runs:
        self._display: Display | None = None
        self._grabs = GrabResult()
        self._plan: tuple[int, dict[str, Grabbed | None]] = (0, {})
        self._numlock = X.Mod2Mask
        self._keys = HotkeyKeys()
        self.connections = 0  # how many times we connected: 1 + reconnects

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> dict[str, str]:
        """Connects, grabs the hotkeys set so far and starts the thread; returns the
        hotkeys that could not be grabbed. Raises Xlib's DisplayError without an X server."""
        if self.alive:
            raise RuntimeError("the hotkey listener is already running")
        self.stop()  # tidies up after a thread that gave up
        display = self._connect()
        failures = self._grab(display, self._requests.wanted()).failures
        self._stopping.clear()
        self._wake = os.pipe()
        self._thread = threading.Thread(target=self._run, name="x11-hotkeys", daemon=True)
        self._thread.start()
        return failures

    def stop(self) -> None:
        """Ungrabs everything and closes the connection; waits for the thread to end."""
        thread, wake = self._thread, self._wake
        if thread is None or wake is None:
            return
        self._stopping.set()
        self._poke()
        thread.join(timeout=REQUEST_TIMEOUT_SECONDS)
        if thread.is_alive():
            log.warning("the hotkey listener thread did not stop in time")
            return
        self._thread = self._wake = None
        for fd in wake:
            os.close(fd)

    def set_hotkeys(self, hotkeys: Mapping[str, Chord]) -> dict[str, str]:
        """Replaces all hotkeys; returns ``{name: reason}`` for chords that could not be
        grabbed. Safe from any thread: the listener thread does the grabbing. Before
        ``start`` it only records the set (``start`` then reports the failures)."""
        wanted = self._requests.want(hotkeys)
        if not self.alive:
            return {}
        if threading.current_thread() is self._thread:  # from inside on_hotkey
            assert self._display is not None
            return self._grab(self._display, wanted).failures
        return self._requests.submit(wanted, self._poke)

    def simulate_connection_loss(self) -> None:
        """Test hook: shuts the listener's X connection down, as a dying server would."""
        display = self._display
        if display is not None:
            display.display.socket.shutdown(socket.SHUT_RDWR)

    # -- the listener thread -----------------------------------------------------------

    def _run(self) -> None:
        restarts: deque[float] = deque()
        try:
            while not self._stopping.is_set():
                try:
                    display = self._display if self._display is not None else self._reconnect()
                    self._loop(display)
                except Exception as error:  # any failure of the connection or the server
                    log.warning("hotkey listener failed (%s: %s)", type(error).__name__, error)
                    self._close_display()
                    if not self._may_restart(restarts):
                        self._tell(tr("Global hotkeys stopped: the connection to the X server failed {count} times "
                                      "within a minute ({reason}).", count=MAX_RESTARTS,
                                      reason=type(error).__name__))
                        return
                    self._stopping.wait(0.1 * len(restarts))
        finally:
            self._close_display(ungrab=True)
            self._requests.answer_pending()

    def _loop(self, display: Display) -> None:
        """Dispatches events and requests until asked to stop; raises if the connection fails."""
        assert self._wake is not None
        wake, connection = self._wake[0], display.fileno()
        while True:
            self._dispatch(display)
            timeout = HELD_KEY_POLL_SECONDS if self._keys.any_held else None
            readable, _, _ = select.select([connection, wake], [], [], timeout)
            if not readable:
                self._keys.release_up(display.query_keymap())
            if wake in readable:
                os.read(wake, 512)
                if self._stopping.is_set():
                    return
                self._requests.serve(lambda wanted: self._grab(display, wanted).failures)

    def _dispatch(self, display: Display) -> None:
        keys = []
        for event in drain_events(display):
            if event.type == X.KeyPress:
                name = self._grabs.table.get((event.detail, chord_state(event.state, self._numlock)))
                keys.append(KeyEvent(True, event.detail, event.time, name))
            elif event.type == X.KeyRelease:
                keys.append(KeyEvent(False, event.detail, event.time))
            elif event.type == X.MappingNotify:
                self._on_mapping_changed(display, event)
        fired = self._keys.feed(keys)
        if any(key.pressed and key.name for key in keys):
            # End the grab each grabbed press starts (auto-repeat ones too, or their
            # releases would come to us): before anyone injects keys, see the module
            # docstring. Sync, so the server has done it before the callback runs.
            display.ungrab_keyboard(X.CurrentTime)
            display.sync()
        for name in fired:
            fire_hotkey(self._on_hotkey, name)

    def _on_mapping_changed(self, display: Display, event: object) -> None:
        """Another program (or our own typing) changed the keyboard map: grab again only
        if our chords now live on other keys."""
        display.refresh_keyboard_mapping(event)
        wanted = self._requests.wanted()
        if self._make_plan(display, wanted) != self._plan:
            failures = self._grab(display, wanted).failures
            if failures:
                self._tell("The keyboard layout changed and some hotkeys were lost: " + "; ".join(failures.values()))

    def _reconnect(self) -> Display:
        display = self._connect()
        wanted = self._requests.wanted()
        result = self._grab(display, wanted)
        for delay in _REGRAB_DELAYS:
            if not result.taken or self._stopping.wait(delay):
                break
            result = self._grab(display, wanted)
        if result.failures:
            self._tell("After reconnecting to the X server some hotkeys could not be taken back: "
                       + "; ".join(result.failures.values()))
        return display

    def _may_restart(self, restarts: deque[float]) -> bool:
        now = time.monotonic()
        while restarts and now - restarts[0] > RESTART_WINDOW_SECONDS:
            restarts.popleft()
        if len(restarts) >= MAX_RESTARTS:
            return False
        restarts.append(now)
        return True

    # -- helpers -----------------------------------------------------------------------

    def _connect(self) -> Display:
        display = Display(self._display_name)
        display.set_error_handler(log_x_error)
        self._display = display
        self.connections += 1
        return display

    def _close_display(self, ungrab: bool = False) -> None:
        display, self._display = self._display, None
        if display is None:
            return
        try:
            if ungrab:
                display.screen().root.ungrab_key(X.AnyKey, X.AnyModifier)
            display.close()
        except Exception as error:  # the connection may already be gone
            log.debug("closing the hotkey connection: %s", type(error).__name__)

    def _grab(self, display: Display, wanted: Mapping[str, Chord]) -> GrabResult:
        self._plan = self._make_plan(display, wanted)
        self._numlock = self._plan[0]
        self._grabs = grab_hotkeys(display, wanted, self._numlock)
        self._keys.keep_only(set(self._grabs.table.values()))
        for name, reason in self._grabs.failures.items():
            log.warning("hotkey %s not grabbed: %s", name, reason)
        return self._grabs

    def _make_plan(self, display: Display, wanted: Mapping[str, Chord]) -> tuple[int, dict[str, Grabbed | None]]:
        """What grabbing ``wanted`` means on the current keyboard map: the NumLock bit and
        each chord's key and modifiers."""
        return display_numlock_mask(display), {name: resolve_chord(display, chord) for name, chord in wanted.items()}

    def _poke(self) -> bool:
        if self._wake is None:
            return False
        os.write(self._wake[1], b"x")
        return True

    def _tell(self, message: str) -> None:
        report_problem(self._on_problem, message)
