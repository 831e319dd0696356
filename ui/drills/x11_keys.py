"""Every key pressed in a widget, as the X server delivers it (Linux, X11).

Why: under a real input method the keys it consumes (the pinyin letters, the Space or
digit that picks a candidate, a key that turns the candidate page) never become
QKeyEvents; the drill could only guess them from preedit changes, and a key that leaves
the preedit as it was (turning the page, Shift) went uncounted. Qt hands every xcb event
to native event filters before anything else, the input method's handling included, so
a filter sees each press once, when it arrived.

Only that a key was pressed is read (the event's type, window and whether its keycode is
Escape's), never which key: the drill counts keys, and nothing else of what is typed may
be kept. Escape is left out: it is not typing but asks to leave the drill, and must not
start its clock. Elsewhere (Windows, Wayland, the offscreen platform of the tests), or
without Qt's Xlib display to find Escape's keycode, ``watch_key_presses`` returns None and
the widget counts its own key and input-method events.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_XCB_EVENT = b"xcb_generic_event_t"
_XCB_KEY_PRESS = 2
#: xcb_key_press_event_t: response_type (1 byte), detail = the keycode (1), sequence (2),
#: time (4), root (4), then the window the key went to.
_KEYCODE_OFFSET = 1
_EVENT_WINDOW_OFFSET = 12
_XK_ESCAPE = 0xFF1B


class X11KeyPresses(QAbstractNativeEventFilter):
    """Calls ``pressed`` for each key press but Escape delivered to ``widget``'s window
    while the widget has the keyboard focus (so keys typed in any other window never count)."""

    def __init__(self, widget: QWidget, pressed: Callable[[], None], escape: int):
        super().__init__()
        self._widget = widget
        self._pressed = pressed
        self._escape = escape

    def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> tuple[bool, int]:
        if bytes(event_type) == _XCB_EVENT:
            address = int(message)
            if ctypes.c_uint8.from_address(address).value & 0x7F == _XCB_KEY_PRESS \
                    and ctypes.c_uint8.from_address(address + _KEYCODE_OFFSET).value != self._escape \
                    and self._widget.hasFocus() \
                    and ctypes.c_uint32.from_address(address + _EVENT_WINDOW_OFFSET).value \
                    == int(self._widget.window().winId()):
                self._pressed()
        return False, 0


def watch_key_presses(widget: QWidget, pressed: Callable[[], None]) -> X11KeyPresses | None:
    """On X11, a filter calling ``pressed`` for each key pressed in ``widget`` (Escape
    aside), installed for as long as the widget lives; None anywhere else."""
    application = QGuiApplication.instance()
    if application is None or QGuiApplication.platformName() != "xcb":
        return None
    escape = _escape_keycode(application)
    if escape is None:
        return None
    watcher = X11KeyPresses(widget, pressed, escape)
    application.installNativeEventFilter(watcher)
    widget.destroyed.connect(lambda: application.removeNativeEventFilter(watcher))
    return watcher


def _escape_keycode(application: QGuiApplication) -> int | None:
    """Escape's keycode, asked through Qt's own Xlib connection; None when Qt has none."""
    display = application.nativeInterface().display()
    library = ctypes.util.find_library("X11")
    if not display or library is None:
        return None
    xlib = ctypes.CDLL(library)
    xlib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XKeysymToKeycode.restype = ctypes.c_ubyte
    return xlib.XKeysymToKeycode(int(display), _XK_ESCAPE) or None
