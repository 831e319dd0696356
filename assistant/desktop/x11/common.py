"""What the X11 backends share: key names to keysyms, modifier masks, the keyboard map.

The backends themselves live next door, one per concern, each with its own connection
to the X server (python-xlib Display objects are not thread-safe):

- ``x11_hotkeys.X11HotkeyListener``: global hotkeys by XGrabKey, on its own thread;
- ``x11_keyboard.X11Keyboard``: key presses and typing by XTest;
- ``x11_windows.X11Windows``: the active window and switching windows (EWMH).

The helpers here are pure functions of their arguments where they can be, so unit tests
cover them without an X server.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from Xlib import XK, X
from Xlib.display import Display

log = logging.getLogger(__name__)

MODIFIER_MASKS: dict[str, int] = {
    "ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "super": X.Mod4Mask}
# The row of each modifier in the server's modifier map (GetModifierMapping).
MODIFIER_ROWS: dict[str, int] = {
    "shift": X.ShiftMapIndex, "ctrl": X.ControlMapIndex, "alt": X.Mod1MapIndex, "super": X.Mod4MapIndex}
# Keysym names whose case is not simply the chord name capitalised.
_IRREGULAR_KEYSYM_NAMES = {"backspace": "BackSpace"}
UNICODE_KEYSYM_BASE = 0x01000000
_KEY_MODIFIER_BITS = 0xFF  # the eight key modifiers; higher bits of a state are mouse buttons


def keysym_for_key(name: str) -> int:
    """The keysym of a chord key name ("a", "1", "f5", "return", "prior"), or 0.

    Chord names are X keysym names in lower case; X spells most of them capitalised
    ("F5", "Return", "Prior") and a few irregularly ("BackSpace"). A single character is
    its own Latin-1 keysym, which also covers punctuation ("!" is "exclam" to X).
    """
    if len(name) == 1:
        return keysym_for_char(name) or 0
    for candidate in (name, _IRREGULAR_KEYSYM_NAMES.get(name, ""), name.capitalize()):
        keysym = XK.string_to_keysym(candidate) if candidate else 0
        if keysym:
            return keysym
    return 0


def keysym_for_char(char: str) -> int | None:
    """The keysym that types ``char``: Latin-1 keysyms equal their code point, every other
    character has the Unicode keysym 0x01000000 + code point. None for control characters
    other than tab (a line break is typed specially, not as a keysym)."""
    code = ord(char)
    if char == "\t":
        return XK.XK_Tab
    if code < 0x20 or 0x7F <= code < 0xA0:
        return None
    return code if code <= 0xFF else UNICODE_KEYSYM_BASE + code


def modifier_mask(modifiers: Iterable[str]) -> int:
    """The X modifier mask of chord modifier names (ctrl → ControlMask, alt → Mod1…)."""
    mask = 0
    for name in modifiers:
        mask |= MODIFIER_MASKS[name]
    return mask


def lock_variants(mask: int, numlock: int) -> tuple[int, ...]:
    """``mask`` with every combination of CapsLock and NumLock: a grab is for an exact
    modifier state, so without these a chord would die whenever NumLock is on."""
    return tuple(dict.fromkeys((mask, mask | X.LockMask, mask | numlock, mask | X.LockMask | numlock)))


def chord_state(state: int, numlock: int) -> int:
    """A key event's modifier state without the lock keys and mouse buttons."""
    return state & _KEY_MODIFIER_BITS & ~(X.LockMask | numlock)


def numlock_mask(modifier_map: Sequence[Sequence[int]], numlock_keycodes: Iterable[int]) -> int:
    """The modifier bit that NumLock sets: Mod2 almost everywhere, but the map decides."""
    codes = set(numlock_keycodes) - {0}
    for row, keycodes in enumerate(modifier_map):
        if codes & set(keycodes):
            return 1 << row
    return X.Mod2Mask


def display_numlock_mask(display: Display) -> int:
    codes = [code for code, _ in display.keysym_to_keycodes(XK.XK_Num_Lock)]
    return numlock_mask(display.get_modifier_mapping(), codes)


def drain_events(display: Display) -> list:
    """Every event the connection has queued. Connections that do not otherwise read
    events must drain them, or python-xlib's queue grows without bound."""
    events = []
    while display.pending_events():
        events.append(display.next_event())
    return events


class Keymap:
    """A snapshot of the server's keycode → keysyms table, fresher than python-xlib's
    cache (which only follows MappingNotify events that someone has read)."""

    def __init__(self, first_keycode: int, rows: Sequence[Sequence[int]]):
        self.first_keycode = first_keycode
        self.rows = [tuple(row) for row in rows]
        self._index = self._build_index()

    @classmethod
    def load(cls, display: Display) -> Keymap:
        first, last = display.display.info.min_keycode, display.display.info.max_keycode
        return cls(first, display.get_keyboard_mapping(first, last - first + 1))

    def keysyms(self, keycode: int) -> tuple[int, ...]:
        return self.rows[keycode - self.first_keycode]

    def set(self, keycode: int, keysyms: tuple[int, ...]) -> None:
        self.rows[keycode - self.first_keycode] = keysyms
        self._index = self._build_index()

    def lookup(self, keysym: int) -> tuple[int, int] | None:
        """(keycode, level) that types ``keysym`` with at most Shift: level 0 plain,
        level 1 shifted. Levels 2+ need AltGr or a group switch, which we do not press."""
        return self._index.get(keysym)

    def _build_index(self) -> dict[int, tuple[int, int]]:
        index: dict[int, tuple[int, int]] = {}
        for level in (0, 1):
            for offset, row in enumerate(self.rows):
                if len(row) > level and row[level]:
                    index.setdefault(row[level], (self.first_keycode + offset, level))
        return index

    def spare_keycodes(self) -> list[int]:
        """Keycodes with no keysym at all: free to borrow for characters the layout lacks."""
        return [self.first_keycode + offset for offset, row in enumerate(self.rows) if not any(row)]


def log_x_error(error: Exception, request: object) -> None:
    """Error handler for asynchronous X errors: log them instead of python-xlib's print."""
    log.warning("X error: %s", type(error).__name__)
