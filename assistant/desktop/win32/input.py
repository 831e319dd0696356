"""Key presses, typing and switching windows on Windows (SendInput, SetForegroundWindow).

Used from the UI's main thread. Every keyboard call first releases the modifier keys the
user still holds (they usually still press Ctrl+Alt of the hotkey that asked for the
paste), so the target gets Ctrl+V and not Ctrl+Alt+V; the whole sequence goes out in
one SendInput call, which Windows does not interleave with the user's own typing.

Windows refuses injected input into a program running with higher integrity (a chat
client started "as administrator") without saying why: SendInput then reports fewer
events sent, and we raise KeyboardError.
"""

from __future__ import annotations

import ctypes
import ntpath
import time
from collections.abc import Sequence
from ctypes import wintypes
from typing import Any

from assistant.desktop.base import WindowInfo
from assistant.desktop.chords import Chord
from assistant.desktop.win32.common import (
    HELD_MODIFIER_VKS,
    INPUT,
    KeyboardError,
    declare,
    key_inputs,
    release_inputs,
    typing_runs,
    unicode_inputs,
    windows_dll,
)

MAPVK_VK_TO_VSC = 0
SW_RESTORE = 9
# Enough to ask for a program's file name, granted for elevated programs too.
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_CLASS_NAME_LENGTH = 256  # window class names are at most 256 characters
_PATH_LENGTH = 32768  # the longest path Windows has ("\\?\" paths)
# How long a Qt target gets to take in the keys before a character outside the BMP
# (see typing_runs): it flushes its key queue once its input queue is empty, which takes
# it a few milliseconds, and more for more keys on a busy machine: under Wine with every
# core busy, an emoji typed after "C\n第二行" overtook them once in twelve at 50 ms flat.
SURROGATE_PAIR_PAUSE_SECONDS = 0.05
PAUSE_PER_KEY_SECONDS = 0.02
# Polling the foreground window is acceptable only in wait_until_active's bounded wait,
# on the main thread: SetWinEventHook calls back on the thread that set it, from that
# thread's message loop (the foreground watcher, win32.watch, has a thread for that).
FOREGROUND_POLL_SECONDS = 0.01


def _user32() -> Any:
    user32 = windows_dll("user32")
    declare(user32, {
        "SendInput": (wintypes.UINT, (wintypes.UINT, ctypes.POINTER(INPUT), ctypes.c_int)),
        "GetAsyncKeyState": (wintypes.SHORT, (ctypes.c_int,)),
        "MapVirtualKeyW": (wintypes.UINT, (wintypes.UINT, wintypes.UINT)),
        "GetForegroundWindow": (wintypes.HWND, ()),
        "GetClassNameW": (ctypes.c_int, (wintypes.HWND, wintypes.LPWSTR, ctypes.c_int)),
        "GetWindowTextLengthW": (ctypes.c_int, (wintypes.HWND,)),
        "GetWindowTextW": (ctypes.c_int, (wintypes.HWND, wintypes.LPWSTR, ctypes.c_int)),
        "GetWindowThreadProcessId": (wintypes.DWORD, (wintypes.HWND, ctypes.POINTER(wintypes.DWORD))),
        "IsWindow": (wintypes.BOOL, (wintypes.HWND,)),
        "IsIconic": (wintypes.BOOL, (wintypes.HWND,)),
        "ShowWindow": (wintypes.BOOL, (wintypes.HWND, ctypes.c_int)),
        "BringWindowToTop": (wintypes.BOOL, (wintypes.HWND,)),
        "SetForegroundWindow": (wintypes.BOOL, (wintypes.HWND,)),
        "AttachThreadInput": (wintypes.BOOL, (wintypes.DWORD, wintypes.DWORD, wintypes.BOOL)),
    })
    return user32


def window_text(user32: Any, hwnd: int) -> str:
    """The caption of window ``hwnd`` ("" when it is gone). GetWindowTextW reads another
    process's caption without sending it a message, so a hung chat client cannot hang
    us here."""
    title = ctypes.create_unicode_buffer(max(0, user32.GetWindowTextLengthW(hwnd)) + 1)
    user32.GetWindowTextW(hwnd, title, len(title))
    return title.value


class Win32Keyboard:
    """Sends chords, keys and text with SendInput. Raises OSError off Windows."""

    def __init__(self) -> None:
        self._user32 = _user32()

    def send_chord(self, chord: Chord) -> None:
        """Exactly ``chord``: held modifiers released, the chord's own pressed around the key."""
        self._send(key_inputs(chord, self._held(), scan=self._scan))

    def send_key(self, name: str, count: int = 1) -> None:
        """Taps the key ``name`` (a chord key name: "left", "return", "f5") ``count`` times."""
        self._send(key_inputs(Chord((), name), self._held(), count, scan=self._scan))

    def type_text(self, text: str) -> None:
        """Types ``text`` as Unicode key presses: for programs that refuse a paste. A line
        break is Shift+Enter (a bare Enter sends the message in chat clients). An emoji
        after other characters waits for them to arrive first (see ``typing_runs``)."""
        inputs = release_inputs(self._held(), self._scan)
        for number, run in enumerate(typing_runs(text)):
            if number:
                self._send(inputs)
                time.sleep(SURROGATE_PAIR_PAUSE_SECONDS + PAUSE_PER_KEY_SECONDS * len(inputs) / 2)
                inputs = []
            inputs += unicode_inputs(run, self._scan)
        self._send(inputs)

    def close(self) -> None:
        """Nothing to release: SendInput holds no resources."""

    def _held(self) -> list[int]:
        """The modifier keys down right now (the top bit of GetAsyncKeyState)."""
        return [vk for vk in HELD_MODIFIER_VKS if self._user32.GetAsyncKeyState(vk) & 0x8000]

    def _scan(self, vk: int) -> int:
        return int(self._user32.MapVirtualKeyW(vk, MAPVK_VK_TO_VSC)) & 0xFFFF

    def _send(self, inputs: Sequence[INPUT]) -> None:
        if not inputs:
            return
        array = (INPUT * len(inputs))(*inputs)
        sent = self._user32.SendInput(len(inputs), array, ctypes.sizeof(INPUT))
        if sent != len(inputs):
            raise KeyboardError(f"Windows accepted {sent} of {len(inputs)} key events (error "
                                f"{ctypes.get_last_error()}); is the target running as administrator?")


class Win32Windows:
    """Reads and switches the foreground window. Raises OSError off Windows."""

    def __init__(self) -> None:
        self._user32 = _user32()
        kernel32 = windows_dll("kernel32")
        declare(kernel32, {
            "GetCurrentThreadId": (wintypes.DWORD, ()),
            "OpenProcess": (wintypes.HANDLE, (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)),
            "QueryFullProcessImageNameW": (wintypes.BOOL, (wintypes.HANDLE, wintypes.DWORD, wintypes.LPWSTR,
                                                           ctypes.POINTER(wintypes.DWORD))),
            "CloseHandle": (wintypes.BOOL, (wintypes.HANDLE,)),
        })
        self._kernel32 = kernel32

    def active_window(self) -> WindowInfo | None:
        """The foreground window, or None (none, or it vanished meanwhile).

        ``wm_class`` is the window class name, stable across conversations like X11's
        res_class; ``executable`` names the program, which the class often does not.
        """
        hwnd = self._user32.GetForegroundWindow() or 0
        return self.describe(hwnd) if hwnd else None

    def describe(self, hwnd: int) -> WindowInfo | None:
        """The window ``hwnd`` as ``active_window`` describes it; None when it is gone."""
        class_name = ctypes.create_unicode_buffer(_CLASS_NAME_LENGTH + 1)
        if not self._user32.GetClassNameW(hwnd, class_name, len(class_name)):
            return None  # the window is gone
        pid = wintypes.DWORD(0)
        self._user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return WindowInfo(id=int(hwnd), wm_class=class_name.value, title=window_text(self._user32, hwnd),
                          pid=pid.value or None, executable=self._executable(pid.value))

    def _executable(self, pid: int) -> str:
        """The file name of process ``pid``'s program ("AliWorkBench.exe"); "" when
        Windows will not say (the process is gone, or protected)."""
        if not pid:
            return ""
        process = self._kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not process:
            return ""
        try:
            path = ctypes.create_unicode_buffer(_PATH_LENGTH)
            size = wintypes.DWORD(len(path))
            if not self._kernel32.QueryFullProcessImageNameW(process, 0, path, ctypes.byref(size)):
                return ""
            return ntpath.basename(path.value)
        finally:
            self._kernel32.CloseHandle(process)

    def activate(self, window_id: int) -> None:
        """Brings ``window_id`` to the foreground.

        Windows refuses SetForegroundWindow to a process that is not in the foreground
        (it only flashes the taskbar button), and after a hotkey the foreground belongs to
        the chat client, not to us. Attaching our thread's input to the foreground
        thread's (AttachThreadInput) makes Windows treat us as part of that thread for
        the call; we detach at once afterwards, or both threads would share one input
        state, keyboard focus included.
        """
        user32 = self._user32
        if not user32.IsWindow(window_id):
            return
        if user32.IsIconic(window_id):
            user32.ShowWindow(window_id, SW_RESTORE)
        foreground = user32.GetForegroundWindow() or 0
        ours = int(self._kernel32.GetCurrentThreadId())
        theirs = int(user32.GetWindowThreadProcessId(foreground, None)) if foreground else 0
        attached = bool(theirs and theirs != ours and user32.AttachThreadInput(ours, theirs, True))
        try:
            user32.BringWindowToTop(window_id)
            user32.SetForegroundWindow(window_id)
        finally:
            if attached:
                user32.AttachThreadInput(ours, theirs, False)

    def wait_until_active(self, window_id: int, timeout: float = 1.0) -> bool:
        """True as soon as ``window_id`` is the foreground window, False after ``timeout``.

        Polls every 10 ms: acceptable only because the wait is bounded and short (see
        FOREGROUND_POLL_SECONDS); the foreground window's thread is the one that gets the
        keyboard input, so a paste sent afterwards lands there.
        """
        deadline = time.monotonic() + timeout
        while True:
            if (self._user32.GetForegroundWindow() or 0) == window_id:
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(FOREGROUND_POLL_SECONDS, remaining))

    def close(self) -> None:
        """Nothing to release: the calls hold no resources."""
