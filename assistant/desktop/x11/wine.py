"""Whether the X client asking for the clipboard is the Wine behind a target window.

Why: a Windows chat program under Wine (Qianniu, WeChat under deepin-wine) pastes
through Wine's clipboard thread, which lives in Wine's desktop process, explorer.exe,
and asks the X server from a connection of its own. Its request names none of the chat
window's X client's windows, so the rule that tells the target's read from a clipboard
history's (``ui.replies.x11_clipboard_requests``) would wait for the timeout on every
Wine paste. The X-Resource extension names the process behind any X client; that
process is the target's Wine when it is explorer.exe run by the same Wine (a loader in
the same folder) as the target window's process, itself a Windows program. A clipboard
history is never that process, so it still cannot pass for the paste.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import PureWindowsPath

from Xlib.display import Display
from Xlib.error import DisplayError, XError
from Xlib.ext import res

log = logging.getLogger(__name__)

#: The process Wine's clipboard thread lives in (its desktop process).
_WINE_DESKTOP_PROGRAM = "explorer.exe"


@dataclass(frozen=True)
class Process:
    """What tells a Wine process: the loader it runs (``/proc/PID/exe``) and its command
    line, which Wine sets to the Windows program's (``C:\\windows\\system32\\explorer.exe
    /desktop``)."""

    executable: str
    arguments: tuple[str, ...]

    @property
    def windows_program(self) -> str:
        """The Windows program's file name in lower case; "" for a native process."""
        first = self.arguments[0] if self.arguments else ""
        path = PureWindowsPath(first)
        return path.name.lower() if path.drive else ""


def serves_wine_paste(reader: Process, target: Process) -> bool:
    """Whether ``reader`` is the Wine desktop that fetches the clipboard for ``target``:
    both Windows programs under one Wine installation, the reader its explorer.exe."""
    return (reader.windows_program == _WINE_DESKTOP_PROGRAM and bool(target.windows_program)
            and os.path.dirname(reader.executable) == os.path.dirname(target.executable))


def read_process(pid: int) -> Process | None:
    """Process ``pid`` from /proc; None when it is gone, another user's, or no /proc."""
    try:
        executable = os.readlink(f"/proc/{pid}/exe")
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            arguments = file.read().decode("utf-8", "replace").split("\0")
    except OSError:
        return None
    return Process(executable, tuple(argument for argument in arguments if argument))


class WineClipboardReaders:
    """Asks the X server which process is behind a clipboard request (X-Resource), on a
    connection of its own opened at the first question. Use it from one thread."""

    def __init__(self, display_name: str | None = None):
        self._display_name = display_name
        self._display: Display | None = None
        self._unavailable = False

    def serves(self, requestor: int, target_pid: int | None) -> bool:
        """Whether the X client of window ``requestor`` is the Wine that runs the
        process ``target_pid`` (a window's _NET_WM_PID)."""
        if not target_pid:
            return False
        target = read_process(target_pid)
        if target is None or not target.windows_program:
            return False  # a native target: its own reads are told by its X client
        pid = self._client_pid(requestor)
        reader = read_process(pid) if pid else None
        return reader is not None and serves_wine_paste(reader, target)

    def close(self) -> None:
        if self._display is not None:
            self._display.close()
            self._display = None

    def _client_pid(self, window: int) -> int | None:
        display = self._connect()
        if display is None:
            return None
        try:
            reply = display.res_query_client_ids([{"client": window, "mask": res.LocalClientPIDMask}])
        except XError as error:
            log.debug("X-Resource could not name the client of window %#x: %s", window, error)
            return None
        pids = [value.value[0] for value in reply.ids if value.spec.mask == res.LocalClientPIDMask and value.value]
        return pids[0] if pids else None

    def _connect(self) -> Display | None:
        if self._display is None and not self._unavailable:
            try:
                display = Display(self._display_name)
            except (DisplayError, OSError) as error:
                log.debug("no X connection to ask who reads the clipboard: %s", error)
                self._unavailable = True
                return None
            if not display.has_extension(res.extname):
                log.debug("the X server has no X-Resource extension: a Wine paste waits for the timeout")
                display.close()
                self._unavailable = True
                return None
            self._display = display
        return self._display
