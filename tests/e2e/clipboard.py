"""The X clipboard as the tests see it, through xclip."""

from __future__ import annotations

import subprocess
import time

from tests.e2e.xserver import XServer


def clipboard(xserver: XServer, *args: str, data: bytes | None = None) -> bytes:
    """xclip's output on the CLIPBOARD selection with ``args``, ``data`` its input."""
    return subprocess.run(["xclip", "-selection", "clipboard", *args], env=xserver.env, input=data,
                          capture_output=True, timeout=10).stdout


def wait_for_clipboard(xserver: XServer, expected: bytes, *args: str, timeout: float = 5) -> bytes:
    """The clipboard's content (``args`` choose the type) once it is ``expected``, or
    what it holds at ``timeout``: the user's is put back a moment after the reply went in."""
    deadline = time.monotonic() + timeout
    while (found := clipboard(xserver, *args, "-o")) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return found
