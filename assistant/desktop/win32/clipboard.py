"""How often the clipboard has changed, on Windows: GetClipboardSequenceNumber, which
Windows raises on every change, so a copy of the user's clipboard made earlier can be
trusted without opening the clipboard again (see ``x11.clipboard`` for why it matters)."""

from __future__ import annotations

from ctypes import wintypes

from assistant.desktop.win32.common import declare, windows_dll


class Win32ClipboardSerial:
    def __init__(self) -> None:
        self._user32 = windows_dll("user32")
        declare(self._user32, {"GetClipboardSequenceNumber": (wintypes.DWORD, ())})

    def __call__(self) -> int:
        return int(self._user32.GetClipboardSequenceNumber())
