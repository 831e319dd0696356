"""Global hotkeys on Windows: RegisterHotKey, on a thread of its own.

RegisterHotKey, unlike a keyboard hook or pynput's GlobalHotKeys, consumes the chord:
the focused program never sees the key of Ctrl+Alt+1, so no "1" lands in the chat. It
matches an exact modifier set (Ctrl+Alt+Shift+1 does not fire Ctrl+Alt+1), and with
MOD_NOREPEAT a held chord fires once. It does not grab the keyboard, so keys injected
in reply reach the focused program even while the hotkey's key is still down.

A hotkey registered with no window belongs to the thread that registered it and is
delivered to that thread's message queue as WM_HOTKEY. So one daemon thread owns a
message loop, registers every hotkey and receives them; other threads talk to it only
by posting thread messages (PostThreadMessageW) and a request queue. It sleeps in
GetMessageW: it costs nothing while idle.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable, Mapping
from ctypes import wintypes
from typing import Any

from assistant.desktop.chords import Chord
from assistant.desktop.hotkey_requests import (
    REQUEST_TIMEOUT_SECONDS,
    HotkeyRequests,
    fire_hotkey,
    report_problem,
)
from assistant.desktop.win32.common import (
    WM_QUIT,
    declare,
    hotkey_modifiers,
    message_loop_user32,
    start_message_queue,
    vk_for_key,
)
from assistant.i18n import tr

log = logging.getLogger(__name__)

WM_HOTKEY, WM_APP = 0x0312, 0x8000
WM_SET_HOTKEYS = WM_APP + 1  # private: "serve the request queue"
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
_FIRST_ID = 1  # application hotkey ids must be within 0x0000-0xBFFF


def _user32() -> Any:
    user32 = message_loop_user32()
    declare(user32, {
        "RegisterHotKey": (wintypes.BOOL, (wintypes.HWND, ctypes.c_int, wintypes.UINT, wintypes.UINT)),
        "UnregisterHotKey": (wintypes.BOOL, (wintypes.HWND, ctypes.c_int)),
    })
    return user32


class Win32HotkeyListener:
    """Calls ``on_hotkey(name)`` when a registered chord is pressed, as its key goes down
    (Ctrl and Alt are then still held: the keyboard backend releases them before sending).

    ``on_hotkey`` runs on the listener thread: it must be cheap and must not touch Qt
    widgets or the store (emit a queued signal instead). ``on_problem(message)`` is called
    (also on the listener thread) when the message loop fails and hotkeys stop for good.
    """

    def __init__(self, on_hotkey: Callable[[str], None], on_problem: Callable[[str], None] | None = None):
        self._on_hotkey, self._on_problem = on_hotkey, on_problem
        self._requests = HotkeyRequests()
        self._thread: threading.Thread | None = None
        self._thread_id = 0  # the listener's Windows thread id, set before _ready
        self._ready = threading.Event()
        self._start_result: dict[str, str] | BaseException = {}
        self._user32: Any = None
        # Owned by the listener thread once it runs:
        self._registered: dict[int, str] = {}  # hotkey id → name

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> dict[str, str]:
        """Starts the thread, which registers the hotkeys set so far; returns those that
        could not be registered. Raises OSError off Windows."""
        if self.alive:
            raise RuntimeError("the hotkey listener is already running")
        self.stop()  # tidies up after a thread that gave up
        self._user32 = _user32()
        self._ready.clear()
        self._thread = threading.Thread(target=self._run, name="win32-hotkeys", daemon=True)
        self._thread.start()
        if not self._ready.wait(REQUEST_TIMEOUT_SECONDS):
            raise TimeoutError("the hotkey listener did not start")
        if isinstance(self._start_result, BaseException):
            raise self._start_result
        return dict(self._start_result)

    def stop(self) -> None:
        """Ends the message loop, which unregisters everything; waits for the thread."""
        thread = self._thread
        if thread is None:
            return
        if thread.is_alive():
            self._user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
            if thread is threading.current_thread():  # from inside on_hotkey: it ends after the callback
                return
            thread.join(timeout=REQUEST_TIMEOUT_SECONDS)
            if thread.is_alive():
                log.warning("the hotkey listener thread did not stop in time")
                return
        self._thread = None

    def set_hotkeys(self, hotkeys: Mapping[str, Chord]) -> dict[str, str]:
        """Replaces all hotkeys; returns ``{name: reason}`` for chords that could not be
        registered. Safe from any thread: the listener thread does the registering, as
        Windows requires. Before ``start`` it only records the set (``start`` then
        reports the failures)."""
        wanted = self._requests.want(hotkeys)
        if not self.alive:
            return {}
        if threading.current_thread() is self._thread:  # from inside on_hotkey
            return self._register(wanted)
        return self._requests.submit(wanted, self._wake)

    def _wake(self) -> bool:
        if self._user32.PostThreadMessageW(self._thread_id, WM_SET_HOTKEYS, 0, 0):
            return True
        log.warning("could not wake the hotkey listener (error %d)", ctypes.get_last_error())
        return False

    # -- the listener thread -----------------------------------------------------------

    def _run(self) -> None:
        message = wintypes.MSG()
        try:
            self._thread_id = start_message_queue(self._user32)
            self._start_result = self._register(self._requests.wanted())
        except Exception as error:
            self._start_result = error
            self._ready.set()
            return
        self._ready.set()
        try:
            self._loop(message)
        finally:
            self._unregister_all()
            self._requests.answer_pending()

    def _loop(self, message: wintypes.MSG) -> None:
        while True:
            result = self._user32.GetMessageW(ctypes.byref(message), None, 0, 0)
            if result == 0:  # WM_QUIT: stop()
                return
            if result == -1:
                self._tell(f"Global hotkeys stopped: the message loop failed (error {ctypes.get_last_error()}).")
                return
            if message.message == WM_HOTKEY:
                name = self._registered.get(int(message.wParam))
                if name is not None:
                    fire_hotkey(self._on_hotkey, name)
            elif message.message == WM_SET_HOTKEYS:
                self._requests.serve(self._register)

    def _register(self, wanted: Mapping[str, Chord]) -> dict[str, str]:
        """Replaces every hotkey of this thread by ``wanted``; returns the failures."""
        self._unregister_all()
        failures: dict[str, str] = {}
        owners: dict[tuple[int, int], str] = {}
        for offset, (name, chord) in enumerate(wanted.items()):
            vk = vk_for_key(chord.key)
            if vk is None:
                failures[name] = tr("{chord}: this keyboard has no such key", chord=chord)
                continue
            key = (hotkey_modifiers(chord), vk)
            if key in owners:
                failures[name] = tr("{chord} is also the hotkey of {other}", chord=chord, other=owners[key])
                continue
            hotkey_id = _FIRST_ID + offset
            if self._user32.RegisterHotKey(None, hotkey_id, key[0], vk):
                self._registered[hotkey_id] = owners[key] = name
                continue
            error = ctypes.get_last_error()
            # 1409 is the usual answer; there is no better message to give for the rare
            # others (bad parameters cannot come from a parsed chord), so log the code.
            log.warning("hotkey %s (%s) not registered: error %d", name, chord, error)
            failures[name] = tr("{chord} is already taken by another program", chord=chord)
        return failures

    def _unregister_all(self) -> None:
        for hotkey_id in self._registered:
            self._user32.UnregisterHotKey(None, hotkey_id)
        self._registered.clear()

    def _tell(self, message: str) -> None:
        report_problem(self._on_problem, message)
