"""Every top-level window's title on X11, as it changes: a buyer's message raises the
unread counter ("(3) 买家A") of a chat window that is usually not the active one.

The window manager lists the top-level windows in _NET_CLIENT_LIST on the root window;
a PropertyNotify says when that list changes, and, once we ask each window for its
property changes, when its _NET_WM_NAME or legacy WM_NAME does. So the watcher, on the
event thread of x11.watch (select(), no polling), subscribes to each new window before
reading its title (no change slips in between) and reports a WindowInfo whenever a
title is new (see assistant.desktop.titles): each window once at the start, since its
counter may already show a buyer waiting, then each change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from Xlib import X, Xatom
from Xlib.display import Display
from Xlib.error import BadWindow, CatchError, XError

from assistant.desktop.base import WindowInfo
from assistant.desktop.titles import TitleTracker
from assistant.desktop.x11.watch import X11EventThread
from assistant.desktop.x11.windows import WindowDescriber

log = logging.getLogger(__name__)


class X11TitleWatcher(X11EventThread):
    """Calls ``on_title(window)`` on its own thread for every new title of a top-level
    window; the callback must be cheap (the UI emits a queued signal)."""

    thread_name = "x11-titles"

    def __init__(self, on_title: Callable[[WindowInfo], None], display_name: str | None = None):
        super().__init__(display_name)
        self._on_title = on_title
        self._tracker = TitleTracker()
        self._describer: WindowDescriber | None = None
        self._client_list = 0
        self._name_atoms: frozenset[int] = frozenset()

    def _subscribe(self, display: Display) -> None:
        self._describer = WindowDescriber(display)
        self._client_list = display.intern_atom("_NET_CLIENT_LIST")
        self._name_atoms = frozenset((display.intern_atom("_NET_WM_NAME"), Xatom.WM_NAME))
        display.screen().root.change_attributes(event_mask=X.PropertyChangeMask)
        self._clients_changed(display)

    def _handle(self, display: Display, events: list) -> None:
        properties = [event for event in events if event.type == X.PropertyNotify]
        root = display.screen().root.id
        if any(event.window.id == root and event.atom == self._client_list for event in properties):
            self._clients_changed(display)
        # A program often sets both names at once: each window is looked at once.
        retitled = dict.fromkeys(event.window.id for event in properties
                                 if event.window.id != root and event.atom in self._name_atoms)
        for window_id in retitled:
            self._look(window_id)

    def _clients_changed(self, display: Display) -> None:
        """The window list changed (or this is the start): new windows are subscribed
        to, then described; windows gone are forgotten."""
        try:
            value = display.screen().root.get_full_property(self._client_list, Xatom.WINDOW)
        except XError:
            value = None
        clients = [int(window_id) for window_id in value.value] if value is not None else []
        for window_id in self._tracker.windows(clients):
            window = display.create_resource_object("window", window_id)
            window.change_attributes(event_mask=X.PropertyChangeMask, onerror=CatchError(BadWindow))
            self._look(window_id)

    def _look(self, window_id: int) -> None:
        """Reports the window when its title is new; a window gone meanwhile is skipped
        (its removal from the list follows)."""
        assert self._describer is not None
        try:
            window = self._describer.describe(window_id)
        except XError:
            return
        if self._tracker.seen(window_id, window.title):
            self._on_title(window)
