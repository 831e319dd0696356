"""Which program asks for the clipboard we own, on X11: the target window's or another.

Why: a program pasting asks the clipboard's owner for the text with an X
SelectionRequest that names a window of its own. Clipboard histories (fcitx5's clipboard
addon, on by default; klipper, CopyQ, parcellite, GNOME's) ask too, within milliseconds
of every change, so before a busy chat window gets to its paste; taking their read for
the paste made the inserter go on (the send key, the next part, the user's clipboard
back) while the chat window was still to fetch the reply. Qt serves every request
(``QMimeData.retrieveData``) without saying who asked, but hands each xcb event to
native event filters first: a filter sees the request just before Qt serves it.

The windows of one X client share its resource-id base (an id's bits outside the
server's resource-id mask), so a request from any window of the chat program counts as
the target's (toolkits ask from a hidden window of their own). A read with no request is
our own process's: the target's when the target is one of our windows (a phrase hotkey
pressed in a text box of the app's own). A Windows program under Wine is the one
exception: Wine fetches the clipboard for it from its desktop process, explorer.exe, on
another X connection; that request counts when the X server names the asking process as
the Wine behind the target (``assistant.desktop.x11.wine``), so a Wine paste is exact as
well and never waits for the timeout. Any other program's read does not count; the
inserter's timeout stays the safety net. Elsewhere (Windows, Wayland, the offscreen
platform of the tests) ``watch_clipboard_requests`` returns None and every read counts.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QObject
from PySide6.QtGui import QGuiApplication

from assistant.desktop.base import WindowInfo

#: Whether the X client of a requestor window is the Wine behind the process of a pid.
WineCheck = Callable[[int, "int | None"], bool]

_XCB_EVENT = b"xcb_generic_event_t"
_XCB_SELECTION_REQUEST = 30
#: xcb_selection_request_event_t: response_type (1 byte), pad (1), sequence (2), time (4),
#: owner (4), then the requestor window.
_REQUESTOR_OFFSET = 12
#: xcb_setup_t: status, pad (1 byte each), protocol major, minor, length (2 each), release
#: number (4), then the resource-id base and mask (4 each).
_RESOURCE_ID_BASE_OFFSET = 12
_RESOURCE_ID_MASK_OFFSET = 16
_ID_BITS = 0xFFFFFFFF


class X11ClipboardRequests(QAbstractNativeEventFilter):
    """Knows the window that sent the clipboard request Qt is serving at this moment."""

    def __init__(self, resource_id_base: int, resource_id_mask: int, serves_wine_paste: WineCheck | None = None):
        """``resource_id_base`` and ``resource_id_mask``: those of our own connection;
        ``serves_wine_paste``: asked about a request from another client than the target's."""
        super().__init__()
        self._client_bits = ~resource_id_mask & _ID_BITS
        self._own_base = resource_id_base
        self._serves_wine_paste = serves_wine_paste
        self._requestor: int | None = None

    def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> tuple[bool, int]:
        # Qt handles each event right after the filters saw it: any later event ends the request.
        if bytes(event_type) == _XCB_EVENT:
            address = int(message)
            is_request = ctypes.c_uint8.from_address(address).value & 0x7F == _XCB_SELECTION_REQUEST
            self._requestor = ctypes.c_uint32.from_address(address + _REQUESTOR_OFFSET).value if is_request else None
        return False, 0

    def from_client_of(self, window: int) -> bool:
        """Whether the read being served comes from the X client that owns ``window``: the
        request's sender, or our own process when Qt serves no request."""
        asker = self._own_base if self._requestor is None else self._requestor
        return asker & self._client_bits == window & self._client_bits

    def is_paste_of(self, target: WindowInfo) -> bool:
        """Whether the read being served is ``target``'s paste: its X client's, or the
        Wine's that fetches the clipboard for it."""
        if self.from_client_of(target.id):
            return True
        return (self._requestor is not None and self._serves_wine_paste is not None
                and self._serves_wine_paste(self._requestor, target.pid))


def watch_clipboard_requests(owner: QObject) -> X11ClipboardRequests | None:
    """On X11, a filter telling who asks for the clipboard, installed for as long as
    ``owner`` lives; None anywhere else."""
    application = QGuiApplication.instance()
    if application is None or QGuiApplication.platformName() != "xcb":
        return None
    ids = _resource_ids(application)
    if ids is None:
        return None
    from assistant.desktop.x11.wine import WineClipboardReaders  # python-xlib: on Linux only

    wine = WineClipboardReaders()
    requests = X11ClipboardRequests(*ids, serves_wine_paste=wine.serves)

    def uninstall() -> None:
        application.removeNativeEventFilter(requests)
        wine.close()

    application.installNativeEventFilter(requests)
    owner.destroyed.connect(uninstall)
    return requests


def _resource_ids(application: QGuiApplication) -> tuple[int, int] | None:
    """The resource-id base and mask of Qt's own xcb connection (from its setup); None
    when Qt has no connection to give."""
    connection = application.nativeInterface().connection()
    library = ctypes.util.find_library("xcb")
    if not connection or library is None:
        return None
    xcb = ctypes.CDLL(library)
    xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
    xcb.xcb_get_setup.restype = ctypes.c_void_p
    setup = xcb.xcb_get_setup(int(connection))
    if not setup:
        return None
    return (ctypes.c_uint32.from_address(setup + _RESOURCE_ID_BASE_OFFSET).value,
            ctypes.c_uint32.from_address(setup + _RESOURCE_ID_MASK_OFFSET).value)
