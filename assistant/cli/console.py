"""Output that never fails for a character the output's encoding lacks.

Windows writes to a console in UTF-16 (any character shows), but a pipe or a file gets
the ANSI code page: ``quickreply drills | more`` on Chinese Windows (code page 936)
has no ✓, and on code page 1252 no Chinese at all, and Python's default for those
streams is to raise UnicodeEncodeError mid-listing. Redirected output keeps the code
page, which ``more``, ``findstr`` and Notepad on that machine read, and a character it
cannot hold becomes "?". A script that wants every character sets PYTHONIOENCODING=utf-8.
"""

from __future__ import annotations

import sys
from typing import TextIO


def tolerate_unencodable(*streams: TextIO | None) -> None:
    """Makes each stream (default: stdout and stderr) write "?" for what its encoding
    cannot hold instead of raising. An error handler chosen by the user
    (PYTHONIOENCODING=…:errors) stays. A console is not told apart: Windows' own holds
    every character anyway. Python's own defaults are "strict" and, where it takes the
    locale for a C one (Windows Python under Wine), "surrogateescape": both raise."""
    for stream in streams or (sys.stdout, sys.stderr):
        if stream is None or getattr(stream, "errors", None) not in ("strict", "surrogateescape"):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
