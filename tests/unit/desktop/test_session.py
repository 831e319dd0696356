"""Which desktop we are on decides whether global hotkeys can work."""

from __future__ import annotations

from assistant.desktop.session import global_input_available, session_kind


def test_session_kinds() -> None:
    assert session_kind({"DISPLAY": ":0"}, "linux") == "x11"
    assert session_kind({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux") == "wayland"
    assert session_kind({"XDG_SESSION_TYPE": "wayland"}, "linux") == "wayland"
    assert session_kind({}, "linux") == "none"
    assert session_kind({}, "win32") == "windows"
    assert session_kind({}, "darwin") == "macos"
    assert not global_input_available("wayland") and global_input_available("x11")
