"""The desktop backends for this session, chosen once at start.

Which OS adapters exist decides what the app can do: with none (Wayland, macOS, a
backend that failed to start) the app still runs, with the picker and the clipboard
only. The backends are imported only for the session that uses them, so an X11 machine
never loads ctypes' Windows bindings and Windows never needs python-xlib.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from assistant.desktop.base import HotkeyListener, Keyboard, WindowInfo, Windows
from assistant.desktop.session import session_kind

log = logging.getLogger(__name__)


@dataclass
class Desktop:
    """The OS adapters for this session; None where global input is impossible."""

    listener_factory: Callable[..., HotkeyListener]
    keyboard: Keyboard
    windows: Windows
    #: Calls back when the active window changes (None where there is no such watcher).
    watcher_factory: Callable[[Callable[[], None]], object] | None = None
    #: A number that changes whenever any program changes the clipboard (None where
    #: there is no such count): a copy of the user's clipboard is theirs while it holds.
    clipboard_serial: Callable[[], int] | None = None
    #: Calls back with a window whenever the title of any top-level window changes (None
    #: where there is no such watcher): an unread counter rising in a chat window.
    title_watcher_factory: Callable[[Callable[[WindowInfo], None]], object] | None = None


def desktop_for_session() -> Desktop | None:
    """The backend for this desktop; None (picker and clipboard only) where there is
    none or it cannot start, which is logged rather than fatal."""
    kind = session_kind()
    try:
        if kind == "x11":
            from assistant.desktop.x11.clipboard import X11ClipboardSerial
            from assistant.desktop.x11.hotkeys import X11HotkeyListener
            from assistant.desktop.x11.keyboard import X11Keyboard
            from assistant.desktop.x11.titles import X11TitleWatcher
            from assistant.desktop.x11.watch import X11ActiveWindowWatcher
            from assistant.desktop.x11.windows import X11Windows

            return Desktop(X11HotkeyListener, X11Keyboard(), X11Windows(), X11ActiveWindowWatcher,
                           X11ClipboardSerial(), X11TitleWatcher)
        if kind == "windows":
            from assistant.desktop.win32.clipboard import Win32ClipboardSerial
            from assistant.desktop.win32.hotkeys import Win32HotkeyListener
            from assistant.desktop.win32.input import Win32Keyboard, Win32Windows
            from assistant.desktop.win32.titles import Win32TitleWatcher
            from assistant.desktop.win32.watch import Win32ForegroundWatcher

            return Desktop(Win32HotkeyListener, Win32Keyboard(), Win32Windows(), Win32ForegroundWatcher,
                           Win32ClipboardSerial(), Win32TitleWatcher)
    except Exception:  # a desktop we cannot drive must not stop the app
        log.exception("the %s desktop backend could not start", kind)
    return None
