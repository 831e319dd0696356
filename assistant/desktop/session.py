"""Which kind of desktop session this is, because it decides what is possible:
X11 and Windows allow global hotkeys and key injection, Wayland does not."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Literal

SessionKind = Literal["x11", "wayland", "windows", "macos", "none"]


def session_kind(environ: Mapping[str, str] | None = None, platform: str | None = None) -> SessionKind:
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        # XWayland still sets DISPLAY, but grabs there only see X11 windows: treat as Wayland.
        return "wayland"
    if env.get("DISPLAY"):
        return "x11"
    return "none"


def global_input_available(kind: SessionKind) -> bool:
    return kind in ("x11", "windows", "macos")
