"""The Windows desktop as the end-to-end tests drive it: keys as a user presses them,
windows found and brought to the front, the clipboard.

Runs inside Wine with the Windows Python, like the app: Wine delivers a RegisterHotKey
hotkey only for input that reaches a Wine window, so the keys are pressed from here
with ``keybd_event`` (the older call beside the app's SendInput: the driver and the
thing under test do not share code) while a Wine program has the focus.
"""

from __future__ import annotations

import ctypes
import os
import time
from ctypes import wintypes

from assistant.desktop.chords import parse_chord
from assistant.desktop.win32.common import vk_for_key

KEYEVENTF_KEYUP = 0x0002
_MODIFIER_VKS = {"ctrl": 0x11, "alt": 0x12, "shift": 0x10, "super": 0x5B}
CF_UNICODETEXT, CF_DIB = 13, 8
GMEM_MOVEABLE = 0x0002

user32 = ctypes.WinDLL("user32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
for name, restype, argtypes in (
        ("keybd_event", None, (wintypes.BYTE, wintypes.BYTE, wintypes.DWORD, ctypes.c_size_t)),
        ("VkKeyScanW", ctypes.c_short, (wintypes.WCHAR,)),
        ("GetForegroundWindow", wintypes.HWND, ()),
        ("SetForegroundWindow", wintypes.BOOL, (wintypes.HWND,)),
        ("FindWindowW", wintypes.HWND, (wintypes.LPCWSTR, wintypes.LPCWSTR)),
        ("IsWindowVisible", wintypes.BOOL, (wintypes.HWND,)),
        ("GetWindowThreadProcessId", wintypes.DWORD, (wintypes.HWND, ctypes.POINTER(wintypes.DWORD))),
        ("GetGUIThreadInfo", wintypes.BOOL, (wintypes.DWORD, ctypes.c_void_p)),
        ("GetAncestor", wintypes.HWND, (wintypes.HWND, wintypes.UINT)),
        ("OpenClipboard", wintypes.BOOL, (wintypes.HWND,)),
        ("CloseClipboard", wintypes.BOOL, ()),
        ("EmptyClipboard", wintypes.BOOL, ()),
        ("GetClipboardData", wintypes.HANDLE, (wintypes.UINT,)),
        ("SetClipboardData", wintypes.HANDLE, (wintypes.UINT, wintypes.HANDLE)),
        ("RegisterClipboardFormatW", wintypes.UINT, (wintypes.LPCWSTR,)),
        ("SetWindowTextW", wintypes.BOOL, (wintypes.HWND, wintypes.LPCWSTR))):
    function = getattr(user32, name)
    function.restype, function.argtypes = restype, argtypes
for name, restype, argtypes in (
        ("GlobalAlloc", wintypes.HGLOBAL, (wintypes.UINT, ctypes.c_size_t)),
        ("GlobalLock", wintypes.LPVOID, (wintypes.HGLOBAL,)),
        ("GlobalUnlock", wintypes.BOOL, (wintypes.HGLOBAL,)),
        ("GlobalSize", ctypes.c_size_t, (wintypes.HGLOBAL,))):
    function = getattr(kernel32, name)
    function.restype, function.argtypes = restype, argtypes

GA_ROOT = 2


def wine_version() -> str | None:
    """Wine's version when running under Wine (ntdll's wine_get_version), else None."""
    get_version = getattr(ctypes.WinDLL("ntdll"), "wine_get_version", None)
    if get_version is None:
        return None
    get_version.restype = ctypes.c_char_p
    return get_version().decode()


class _GUITHREADINFO(ctypes.Structure):
    _fields_ = (("cbSize", wintypes.DWORD), ("flags", wintypes.DWORD), ("hwndActive", wintypes.HWND),
                ("hwndFocus", wintypes.HWND), ("hwndCapture", wintypes.HWND), ("hwndMenuOwner", wintypes.HWND),
                ("hwndMoveSize", wintypes.HWND), ("hwndCaret", wintypes.HWND), ("rcCaret", wintypes.RECT))


def _wait(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


class WindowsDesktop:
    """What tests/e2e's XServer is for the X11 suite, on Windows."""

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ)

    # -- keys ---------------------------------------------------------------------------

    def press(self, text: str) -> None:
        """Presses and lets go of a chord ("ctrl+alt+q", "return", "f2")."""
        chord = parse_chord(text)
        modifiers = [_MODIFIER_VKS[name] for name in chord.modifiers]
        vk = vk_for_key(chord.key)
        assert vk is not None, text
        for code in modifiers:
            user32.keybd_event(code, 0, 0, 0)
        user32.keybd_event(vk, 0, 0, 0)
        user32.keybd_event(vk, 0, KEYEVENTF_KEYUP, 0)
        for code in reversed(modifiers):
            user32.keybd_event(code, 0, KEYEVENTF_KEYUP, 0)

    def type(self, text: str, delay: float = 0.02) -> None:
        """Types ASCII text key by key, as on a US keyboard."""
        for char in text:
            scan = user32.VkKeyScanW(char)
            vk, shift = scan & 0xFF, scan & 0x100
            if shift:
                user32.keybd_event(0x10, 0, 0, 0)
            user32.keybd_event(vk, 0, 0, 0)
            user32.keybd_event(vk, 0, KEYEVENTF_KEYUP, 0)
            if shift:
                user32.keybd_event(0x10, 0, KEYEVENTF_KEYUP, 0)
            time.sleep(delay)

    # -- windows ------------------------------------------------------------------------

    def find_window(self, title: str, timeout: float = 5) -> int | None:
        """A visible top-level window titled ``title``, once it appears."""
        found: list[int] = []

        def look() -> bool:
            hwnd = user32.FindWindowW(None, title) or 0
            if hwnd and user32.IsWindowVisible(hwnd):
                found.append(hwnd)
                return True
            return False

        return found[0] if _wait(look, timeout) else None

    def active_window(self) -> int:
        return user32.GetForegroundWindow() or 0

    def focused_window(self) -> int:
        """The top-level window that holds the keyboard focus (the foreground thread's)."""
        info = _GUITHREADINFO(cbSize=ctypes.sizeof(_GUITHREADINFO))
        if not user32.GetGUIThreadInfo(0, ctypes.byref(info)) or not info.hwndFocus:
            return 0
        return user32.GetAncestor(info.hwndFocus, GA_ROOT) or 0

    def wait_focused(self, window: int, timeout: float = 5) -> bool:
        return _wait(lambda: self.active_window() == window and self.focused_window() == window, timeout)

    def activate(self, window: int, timeout: float = 10) -> None:
        """Brings ``window`` to the front with the keyboard focus (Wine lets any program
        do that, as Windows lets the program that has the foreground)."""
        user32.SetForegroundWindow(window)
        assert self.wait_focused(window, timeout), "the window did not get the keyboard focus"

    def retitle(self, window: int, title: str) -> None:
        """Changes another program's window title, as a chat client does on a new buyer."""
        user32.SetWindowTextW(window, title)

    # -- the clipboard -------------------------------------------------------------------

    def set_clipboard(self, data: dict[int, bytes]) -> None:
        """Puts ``{format: bytes}`` on the clipboard, as one owner."""
        assert _wait(lambda: bool(user32.OpenClipboard(None)), 5), "the clipboard stayed busy"
        try:
            user32.EmptyClipboard()
            for clipboard_format, raw in data.items():
                handle = kernel32.GlobalAlloc(GMEM_MOVEABLE, len(raw))
                ctypes.memmove(kernel32.GlobalLock(handle), raw, len(raw))
                kernel32.GlobalUnlock(handle)
                user32.SetClipboardData(clipboard_format, handle)
        finally:
            user32.CloseClipboard()

    def clipboard(self, clipboard_format: int) -> bytes | None:
        """The clipboard's ``format`` as bytes; None when it has none."""
        assert _wait(lambda: bool(user32.OpenClipboard(None)), 5), "the clipboard stayed busy"
        try:
            handle = user32.GetClipboardData(clipboard_format)
            if not handle:
                return None
            size = kernel32.GlobalSize(handle)
            pointer = kernel32.GlobalLock(handle)
            try:
                return ctypes.string_at(pointer, size)
            finally:
                kernel32.GlobalUnlock(handle)
        finally:
            user32.CloseClipboard()

    def set_clipboard_text(self, text: str) -> None:
        self.set_clipboard({CF_UNICODETEXT: (text + "\0").encode("utf-16-le")})

    def clipboard_text(self) -> str | None:
        raw = self.clipboard(CF_UNICODETEXT)
        return None if raw is None else raw.decode("utf-16-le").split("\0", 1)[0]

    @staticmethod
    def png_format() -> int:
        """The "PNG" format, as Windows programs (and Qt) register it for images."""
        return user32.RegisterClipboardFormatW("PNG")
