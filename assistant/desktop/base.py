"""What every desktop backend offers, so the UI can be written once for X11, Windows and
macOS: a global hotkey listener, a keyboard that injects keys, and the window list.

Backends are Qt-free and report through plain callbacks; the UI turns those into
queued Qt signals, because a callback may run on the backend's own thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from assistant.desktop.chords import Chord


@dataclass(frozen=True)
class WindowInfo:
    """A top-level window as the window manager sees it.

    ``wm_class`` is the program's class (X11 res_class, e.g. "Qianniu"): stable across
    conversations, unlike the title, which usually names the customer. ``executable`` is
    the file name of the program that owns the window ("AliWorkBench.exe", "chrome"; ""
    when unknown): on Windows it names the program where the class cannot (see
    assistant.replies.rules).
    """

    id: int
    wm_class: str
    title: str
    pid: int | None
    executable: str = ""


@runtime_checkable
class HotkeyListener(Protocol):
    """Global hotkeys that the focused program does not also receive (a real grab).

    The callback given to the backend gets the hotkey's name and runs on the listener's
    own thread: it must be cheap and must not touch widgets or the store. It comes once
    per press however long the chord is held, and at the latest when the chord's key is
    let go, so that keys injected in reply reach the focused program.
    """

    def start(self) -> dict[str, str]:
        """Begins listening with the hotkeys set so far; returns those that failed, as
        ``set_hotkeys`` does."""
        ...

    def stop(self) -> None:
        """Releases every hotkey; safe to call twice."""
        ...

    @property
    def alive(self) -> bool:
        """False once stopped, or after the backend gave up (it said why)."""
        ...

    def set_hotkeys(self, hotkeys: Mapping[str, Chord]) -> dict[str, str]:
        """Replaces all hotkeys; returns ``{name: reason}`` for those that could not be
        taken (usually another program owns the chord). Callable from any thread."""
        ...


@runtime_checkable
class Keyboard(Protocol):
    """Injected key presses, as if typed by the user, into the focused window."""

    def send_chord(self, chord: Chord) -> None:
        """Sends exactly ``chord`` (e.g. Ctrl+V), whatever modifiers the user still holds."""
        ...

    def send_key(self, name: str, count: int = 1) -> None:
        """Taps one key (a chord key name such as "left" or "return") ``count`` times."""
        ...

    def type_text(self, text: str) -> None:
        """Types ``text`` key by key, for programs that refuse a paste. A line break is
        Shift+Enter, never a bare Enter, which would send the message in a chat client."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class Windows(Protocol):
    """The active window and switching to another one."""

    def active_window(self) -> WindowInfo | None: ...

    def activate(self, window_id: int) -> None:
        """Asks the window manager to raise and focus the window (asynchronously)."""
        ...

    def wait_until_active(self, window_id: int, timeout: float = 1.0) -> bool:
        """True as soon as ``window_id`` is the active window; False after ``timeout``."""
        ...

    def close(self) -> None: ...
