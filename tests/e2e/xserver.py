"""A real X server for end-to-end tests: Xvfb with the openbox window manager.

Offscreen Qt has no focus, activation or global input; these tests need the real
thing. Each session gets its own display, found with -displayfd so parallel runs
never collide.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from Xlib import X
from Xlib.display import Display
from Xlib.protocol import event as xevent

#: How long the window manager may take to catch up: openbox, busy with the keyboard map
#: changes of a test that typed many borrowed characters, needs seconds on a loaded machine.
WINDOW_MANAGER_TIMEOUT = 60.0


@dataclass
class XServer:
    display: str
    processes: list[subprocess.Popen]

    @property
    def env(self) -> dict[str, str]:
        """The environment a program on this display needs (and no Wayland)."""
        env = {key: value for key, value in os.environ.items()
               if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", XDG_SESSION_TYPE="x11")
        return env

    def xdotool(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def find_window(self, title: str, timeout: float = 5) -> int | None:
        """A visible window titled ``title``, once it appears."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", f"^{title}$", check=False)
            if found:
                return int(found.split()[0])
            time.sleep(0.05)
        return None

    def active_window(self) -> int:
        return int(self.xdotool("getactivewindow"))

    def wait_focused(self, window: int, timeout: float = 5) -> bool:
        """Until ``window`` has the keyboard focus (activation alone can come first)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.xdotool("getwindowfocus", "-f", check=False) == str(window):
                return True
            time.sleep(0.02)
        return False

    def activate(self, window: int, timeout: float = WINDOW_MANAGER_TIMEOUT) -> None:
        """Makes ``window`` the active window with the keyboard focus, waiting for each
        thing that needs rather than asking again: the window managed (viewable), the window
        manager through with every event sent to it before (see ``_window_manager_caught_up``),
        then one activation request and both its effects (_NET_ACTIVE_WINDOW, the focus)."""
        deadline = time.monotonic() + timeout
        display = Display(self.display)
        try:
            _wait(lambda: _viewable(display, window), deadline, "the window was never shown")
            _window_manager_caught_up(display, deadline)
            self.xdotool("windowactivate", str(window))
            _wait(lambda: _active(display) == window and _focus(display) == window, deadline,
                  "the window did not get the keyboard focus")
        finally:
            display.close()

    def screenshot(self, path: Path) -> Path:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True, timeout=30)
        return path

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait(condition: Callable[[], bool], deadline: float, failure: str) -> None:
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(failure)
        time.sleep(0.01)


def _viewable(display: Display, window: int) -> bool:
    """Mapped by the window manager: a window it has not managed yet ignores activation."""
    return display.create_resource_object("window", window).get_attributes().map_state == X.IsViewable


def _active(display: Display) -> int:
    value = display.screen().root.get_full_property(display.intern_atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType)
    return int(value.value[0]) if value is not None and len(value.value) else 0


def _focus(display: Display) -> int:
    return getattr(display.get_input_focus().focus, "id", 0)


def _window_manager_caught_up(display: Display, deadline: float) -> None:
    """Until the window manager has handled every event sent to it before this call.

    It handles its events in order, and answers _NET_REQUEST_FRAME_EXTENTS by setting
    _NET_FRAME_EXTENTS on the window asked about: once that change arrives, it is through
    whatever came before, the MappingNotify of every keyboard map change among them (for
    each, openbox grabs all its key bindings again)."""
    root = display.screen().root
    probe = root.create_window(-1, -1, 1, 1, 0, X.CopyFromParent, X.InputOnly, X.CopyFromParent,
                               event_mask=X.PropertyChangeMask)
    extents = display.intern_atom("_NET_FRAME_EXTENTS")
    try:
        request = xevent.ClientMessage(window=probe, client_type=display.intern_atom("_NET_REQUEST_FRAME_EXTENTS"),
                                       data=(32, [0] * 5))
        root.send_event(request, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        display.flush()
        while True:
            while display.pending_events():
                event = display.next_event()
                if event.type == X.PropertyNotify and event.window.id == probe.id and event.atom == extents:
                    return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("the window manager did not catch up")
            select.select([display.fileno()], [], [], remaining)
    finally:
        probe.destroy()
        display.sync()


MISSING_TOOLS_HINT = "end-to-end tests need xvfb, openbox and xdotool (scripts/test installs them as root)"


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xdotool"))


def start_xserver(width: int = 1280, height: int = 800) -> XServer:
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
         "+extension", "XTEST"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    server = XServer(f":{number}", [xvfb])
    openbox = subprocess.Popen(["openbox", "--sm-disable"], env=server.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server.processes.append(openbox)
    # On a fresh machine openbox's first start can take well over 10 s (caches being
    # built after the packages were installed); waiting costs nothing once it is up.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        # openbox sets _NET_SUPPORTING_WM_CHECK once it manages the screen
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=server.env,
                               capture_output=True, text=True)
        if "window id" in probe.stdout:
            return server
        time.sleep(0.05)
    server.stop()
    raise RuntimeError("openbox did not start")
