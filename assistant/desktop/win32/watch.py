"""Noticing when the agent switches chat windows, on Windows, as the X11 watcher does:
the tray badge and the picker's counter follow the foreground window.

SetWinEventHook with WINEVENT_OUTOFCONTEXT calls back on the thread that set the hook,
from inside that thread's message loop. So a thread of its own sets two hooks —
EVENT_SYSTEM_FOREGROUND (another window came to the front) and EVENT_OBJECT_NAMECHANGE
(a title changed: the workbench switched buyers in the same window) — and sleeps in
GetMessageW until Windows delivers one: no polling, nothing loaded into other programs.
Name changes come from every object of every program, so only the foreground window's
own title counts.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from assistant.desktop.win32.common import WM_QUIT, declare, message_loop_user32, start_message_queue

log = logging.getLogger(__name__)

EVENT_SYSTEM_FOREGROUND, EVENT_OBJECT_NAMECHANGE = 0x0003, 0x800C
WINEVENT_OUTOFCONTEXT = 0x0000
OBJID_WINDOW = 0
_START_TIMEOUT_SECONDS = 5.0


class Win32ForegroundWatcher:
    """Calls ``on_change()`` on its own thread when the foreground window changes or
    retitles itself; the callback must be cheap (the UI emits a queued signal)."""

    def __init__(self, on_change: Callable[[], None]):
        self._on_change = on_change
        self._thread: threading.Thread | None = None
        self._thread_id = 0
        self._ready = threading.Event()
        self._user32: Any = None
        self._callback: Any = None  # the WINEVENTPROC: must outlive the hooks

    def start(self) -> None:
        """Sets the hooks on a new thread; raises OSError off Windows or when Windows
        refuses a hook."""
        self._user32 = _user32()
        failure: list[BaseException] = []
        self._ready.clear()
        self._thread = threading.Thread(target=self._run, args=(failure,), name="win32-foreground", daemon=True)
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT_SECONDS):
            raise TimeoutError("the foreground watcher did not start")
        if failure:
            self._thread = None
            raise failure[0]

    def stop(self) -> None:
        """Ends the thread's message loop, which removes the hooks; safe to call twice."""
        thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            self._user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
            thread.join(_START_TIMEOUT_SECONDS)

    def _run(self, failure: list[BaseException]) -> None:
        user32 = self._user32
        hooks: list[int] = []
        try:
            self._thread_id = start_message_queue(user32)
            self._callback = _WINEVENTPROC()(self._event)
            for event in (EVENT_SYSTEM_FOREGROUND, EVENT_OBJECT_NAMECHANGE):
                hook = user32.SetWinEventHook(event, event, None, self._callback, 0, 0, WINEVENT_OUTOFCONTEXT)
                if not hook:
                    raise OSError(f"SetWinEventHook refused event {event:#x} (error {ctypes.get_last_error()})")
                hooks.append(hook)
        except BaseException as error:
            failure.append(error)
        self._ready.set()
        try:
            if not failure:
                message = wintypes.MSG()
                while user32.GetMessageW(ctypes.byref(message), None, 0, 0) > 0:
                    user32.DispatchMessageW(ctypes.byref(message))
        finally:
            for hook in hooks:
                user32.UnhookWinEvent(hook)

    def _event(self, hook: Any, event: int, hwnd: Any, object_id: int, child: int, thread: int, time: int) -> None:
        try:
            if event == EVENT_OBJECT_NAMECHANGE and (
                    object_id != OBJID_WINDOW or (hwnd or 0) != (self._user32.GetForegroundWindow() or 0)):
                return
            self._on_change()
        except Exception:  # an exception must not cross back into Windows' callback
            log.exception("the foreground watcher's callback failed")


def _WINEVENTPROC() -> Any:
    """The WINEVENTPROC callback type; built on first use (WINFUNCTYPE exists only on Windows)."""
    return ctypes.WINFUNCTYPE(None, wintypes.HANDLE, wintypes.DWORD, wintypes.HWND, wintypes.LONG,
                              wintypes.LONG, wintypes.DWORD, wintypes.DWORD)


def _user32() -> Any:
    user32 = message_loop_user32()
    declare(user32, {
        "SetWinEventHook": (wintypes.HANDLE, (wintypes.DWORD, wintypes.DWORD, wintypes.HMODULE, _WINEVENTPROC(),
                                              wintypes.DWORD, wintypes.DWORD, wintypes.DWORD)),
        "UnhookWinEvent": (wintypes.BOOL, (wintypes.HANDLE,)),
        "DispatchMessageW": (ctypes.c_ssize_t, (ctypes.POINTER(wintypes.MSG),)),
        "GetForegroundWindow": (wintypes.HWND, ()),
    })
    return user32
