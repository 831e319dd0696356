"""How often the clipboard has changed hands, on X11, so a copy of the user's clipboard
made earlier can be trusted without asking its owner again.

Asking the clipboard's owner for its contents is a round trip to another program (a
browser, a chat client), milliseconds each, and it used to stand between the hotkey and
the paste. XFixes tells every change of the CLIPBOARD's owner; counting them after a
sync (one round trip to the X server, which has queued every change it made before the
sync) says exactly whether anything changed since the copy.
"""

from __future__ import annotations

from Xlib.display import Display
from Xlib.ext import xfixes

from assistant.desktop.x11.common import drain_events, log_x_error

_CHANGES = (xfixes.XFixesSetSelectionOwnerNotifyMask | xfixes.XFixesSelectionWindowDestroyNotifyMask
            | xfixes.XFixesSelectionClientCloseNotifyMask)


class X11ClipboardSerial:
    """Called from one thread (the UI's), on a connection of its own."""

    def __init__(self, display_name: str | None = None):
        self._display = Display(display_name)
        self._display.set_error_handler(log_x_error)
        if not self._display.has_extension("XFIXES"):
            self._display.close()
            raise OSError("the X server has no XFIXES extension")
        self._display.xfixes_query_version()
        clipboard = self._display.intern_atom("CLIPBOARD")
        self._display.xfixes_select_selection_input(self._display.screen().root, clipboard, _CHANGES)
        self._display.sync()
        self._changes = 0

    def __call__(self) -> int:
        self._display.sync()
        self._changes += len(drain_events(self._display))
        return self._changes
