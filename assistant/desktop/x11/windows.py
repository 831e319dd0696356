"""The active window and switching windows on X11, through the window manager (EWMH).

Used from the UI's main thread, on a connection of its own. Windows may vanish at any
moment (a chat closed mid-call), so every lookup treats an X error as "no window".
"""

from __future__ import annotations

import os
import select
import time

from Xlib import X, Xatom
from Xlib.display import Display
from Xlib.error import BadWindow, CatchError, XError
from Xlib.protocol import event as xevent
from Xlib.xobject.drawable import Window

from assistant.desktop.base import WindowInfo
from assistant.desktop.x11.common import drain_events, log_x_error

# _NET_ACTIVE_WINDOW source indication 2: a pager or taskbar, i.e. a direct user request.
# Window managers honour it without focus-stealing prevention, as for xdotool.
_SOURCE_PAGER = 2
_SERVER_TIME_TIMEOUT = 1.0
_MAX_TREE_DEPTH = 32


def process_executable(pid: int | None) -> str:
    """The file name of process ``pid``'s program, from /proc/PID/exe; "" when unknown
    (no _NET_WM_PID, the process gone, another user's process, or no /proc). A pid of a
    program shown from another machine names some process here: X11 cannot tell, and
    chat clients run locally."""
    if not pid:
        return ""
    try:
        return os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return ""


class WindowDescriber:
    """What a top-level window is (class, title, program), read on a connection of the
    caller's: the active-window lookup and the title watcher each have their own, as
    python-xlib connections are not thread-safe. Raises XError when the window is gone."""

    def __init__(self, display: Display):
        self._display = display
        self._atoms = {name: display.intern_atom(name) for name in ("_NET_WM_NAME", "_NET_WM_PID", "UTF8_STRING")}

    def describe(self, window_id: int) -> WindowInfo:
        window = self._display.create_resource_object("window", window_id)
        wm_class = window.get_wm_class()
        pid_property = window.get_full_property(self._atoms["_NET_WM_PID"], Xatom.CARDINAL)
        pid = int(pid_property.value[0]) if pid_property and len(pid_property.value) else None
        return WindowInfo(id=window_id, wm_class=wm_class[1] if wm_class else "", title=self.title(window),
                          pid=pid, executable=process_executable(pid))

    def title(self, window: Window) -> str:
        """_NET_WM_NAME (UTF-8, what modern programs set), else the legacy WM_NAME."""
        name = window.get_full_property(self._atoms["_NET_WM_NAME"], self._atoms["UTF8_STRING"])
        if name is not None and name.value:
            value = name.value
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        legacy = window.get_wm_name()
        raw = legacy if isinstance(legacy, bytes) else (legacy or "").encode("latin-1", "replace")
        try:
            # Many programs (xdotool set_window among them) put UTF-8 in the Latin-1 WM_NAME.
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


class X11Windows:
    """Reads and switches the active window. Not thread-safe: use it from one thread."""

    def __init__(self, display_name: str | None = None):
        self._display = Display(display_name)
        self._display.set_error_handler(log_x_error)
        self._root = self._display.screen().root
        self._atoms = {name: self._display.intern_atom(name) for name in ("_NET_ACTIVE_WINDOW", "_QUICKREPLY_TIME")}
        self._describer = WindowDescriber(self._display)
        self._clock: Window | None = None  # an unmapped window whose property changes give server time

    def active_window(self) -> WindowInfo | None:
        """The focused top-level window, or None (no window, or it vanished meanwhile)."""
        drain_events(self._display)
        window_id = self._active_id()
        if not window_id:
            return None
        try:
            return self._describer.describe(window_id)
        except XError:
            return None

    def activate(self, window_id: int) -> None:
        """Asks the window manager to focus ``window_id``, as ``xdotool windowactivate`` does."""
        message = xevent.ClientMessage(
            window=window_id, client_type=self._atoms["_NET_ACTIVE_WINDOW"],
            data=(32, [_SOURCE_PAGER, self._server_time(), 0, 0, 0]))
        self._root.send_event(message, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        self._display.flush()

    def wait_until_active(self, window_id: int, timeout: float = 1.0) -> bool:
        """True as soon as ``window_id`` is the active window *and* has the keyboard focus,
        False after ``timeout``.

        The window manager may announce a window as active before the focus has moved
        (openbox does, by up to half a second while busy), and a paste sent in between
        lands in the wrong window; hence both. Event-driven: it listens for the root's
        _NET_ACTIVE_WINDOW changing and for focus arriving at the window, and sleeps in
        select() on the connection in between.
        """
        deadline = time.monotonic() + timeout
        window = self._display.create_resource_object("window", window_id)
        # Listen before looking, so no change slips between the look and the wait.
        self._root.change_attributes(event_mask=X.PropertyChangeMask)
        window.change_attributes(event_mask=X.FocusChangeMask, onerror=CatchError(BadWindow))
        try:
            look = True
            while True:
                look = self._activity_seen() or look
                if look:
                    if self._active_id() == window_id and self._has_focus(window_id):
                        return True
                    look = False
                    continue  # the look may have queued events: see them before sleeping
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                select.select([self._display.fileno()], [], [], remaining)
        finally:
            self._root.change_attributes(event_mask=X.NoEventMask)
            window.change_attributes(event_mask=X.NoEventMask, onerror=CatchError(BadWindow))
            self._display.sync()
            drain_events(self._display)

    def close(self) -> None:
        self._display.close()

    # -- internals ---------------------------------------------------------------------

    def _active_id(self) -> int:
        try:
            value = self._root.get_full_property(self._atoms["_NET_ACTIVE_WINDOW"], X.AnyPropertyType)
        except XError:
            return 0
        return int(value.value[0]) if value is not None and len(value.value) else 0

    def _activity_seen(self) -> bool:
        """Whether any queued event may mean a change of the active or focused window."""
        active = self._atoms["_NET_ACTIVE_WINDOW"]
        return any(event.type in (X.FocusIn, X.FocusOut)
                   or (event.type == X.PropertyNotify and event.atom == active)
                   for event in drain_events(self._display))

    def _has_focus(self, window_id: int) -> bool:
        """Whether the keyboard focus is on ``window_id`` or inside it (toolkits may focus
        a child window)."""
        try:
            focus = self._display.get_input_focus().focus
            for _ in range(_MAX_TREE_DEPTH):
                if not hasattr(focus, "id") or focus.id in (X.NONE, self._root.id):
                    return False  # no focus, PointerRoot, or we climbed to the root
                if focus.id == window_id:
                    return True
                focus = focus.query_tree().parent
        except XError:
            pass
        return False

    def _server_time(self) -> int:
        """The X server's current time, for the activation request's timestamp.

        X has no "what time is it" request: the time stamp of a PropertyNotify caused by a
        zero-length append to a private window's property is the standard way to ask.
        """
        if self._clock is None:
            self._clock = self._root.create_window(
                -1, -1, 1, 1, 0, X.CopyFromParent, X.InputOnly, X.CopyFromParent,
                event_mask=X.PropertyChangeMask, override_redirect=True)
        atom = self._atoms["_QUICKREPLY_TIME"]
        self._clock.change_property(atom, Xatom.STRING, 8, b"", mode=X.PropModeAppend)
        self._display.flush()
        deadline = time.monotonic() + _SERVER_TIME_TIMEOUT
        while time.monotonic() < deadline:
            for event in drain_events(self._display):
                if event.type == X.PropertyNotify and event.window.id == self._clock.id and event.atom == atom:
                    return int(event.time)
            select.select([self._display.fileno()], [], [], max(0.0, deadline - time.monotonic()))
        return X.CurrentTime
