"""Key presses and typing into the focused window, by the XTest extension.

Used from the UI's main thread, on a connection of its own. Every call first releases
the modifier keys the user still holds (they usually still press Ctrl+Alt of the
hotkey that asked for the paste), so the target gets Ctrl+V and not Ctrl+Alt+V.

The keyboard and modifier maps are kept between calls and read again only after the
server announced a change (MappingNotify, which every client gets): a paste then costs
one round trip before its keys instead of three.
"""

from __future__ import annotations

import time

from Xlib import XK, X
from Xlib.display import Display
from Xlib.ext import xtest

from assistant.desktop.chords import Chord
from assistant.desktop.x11.common import (
    MODIFIER_ROWS,
    Keymap,
    drain_events,
    keysym_for_char,
    keysym_for_key,
    log_x_error,
)

# Characters the keyboard layout lacks are typed on a borrowed spare keycode. The target
# reads the new mapping only when it processes the mapping change, *after* we sent the
# key, so a borrowed keycode must not be remapped (or restored) until the target has had
# time to read the key it carried. Measured under Xvfb, a Qt target needs 5-10 ms; this
# leaves a wide margin, and is only waited for when a text needs more distinct unmapped
# characters than there are spare keycodes (19 on a stock Xvfb).
BORROW_SETTLE_SECONDS = 0.1
_FALLBACK_MODIFIER_KEYSYMS = {
    "shift": XK.XK_Shift_L, "ctrl": XK.XK_Control_L, "alt": XK.XK_Alt_L, "super": XK.XK_Super_L}


class KeyboardError(RuntimeError):
    """A key that cannot be sent on this keyboard map."""


class X11Keyboard:
    """Sends chords, keys and text with XTest. Not thread-safe: use it from one thread."""

    def __init__(self, display_name: str | None = None):
        self._display = Display(display_name)
        self._display.set_error_handler(log_x_error)
        if not self._display.has_extension("XTEST"):
            self._display.close()
            raise KeyboardError("the X server has no XTEST extension: keys cannot be sent")
        self._keymap = Keymap.load(self._display)
        self._modifier_map = [list(row) for row in self._display.get_modifier_mapping()]
        self._maps_changed = False
        self._borrowed: dict[int, int] = {}  # keycode → the keysym we put on it
        self._last_tap: dict[int, float] = {}  # keycode → when we last pressed it

    def send_chord(self, chord: Chord) -> None:
        """Exactly ``chord``: held modifiers released, the chord's own pressed around the key."""
        self._prepare()
        keycode, level = self._keycode(self._known_keysym(chord.key))
        modifiers = [*chord.modifiers, *(["shift"] if level == 1 and "shift" not in chord.modifiers else [])]
        keycodes = [self._modifier_keycode(name) for name in modifiers]
        for code in keycodes:
            self._fake(X.KeyPress, code)
        self._tap(keycode)
        for code in reversed(keycodes):
            self._fake(X.KeyRelease, code)
        self._finish()

    def send_key(self, name: str, count: int = 1) -> None:
        """Taps the key ``name`` (a chord key name: "left", "return", "f5") ``count`` times."""
        self._prepare()
        keycode, level = self._keycode(self._known_keysym(name))
        for _ in range(count):
            self._tap(keycode, shift=level == 1)
        self._finish()

    def type_text(self, text: str) -> None:
        """Types ``text`` key by key: for programs that refuse a paste.

        A line break is Shift+Return: a bare Return sends the message in chat clients.
        Characters the layout lacks (all of Chinese) are typed on borrowed spare keycodes,
        which keep their character afterwards so that the next reply reuses them without
        a race; ``restore_keymap`` (and ``close``) gives them back.
        """
        self._prepare()
        caps_lock = bool(self._display.screen().root.query_pointer().mask & X.LockMask)
        return_keycode, _ = self._keycode(XK.XK_Return)
        for char in text.replace("\r\n", "\n").replace("\r", "\n"):
            if char == "\n":
                self._tap(return_keycode, shift=True)
                continue
            keysym = keysym_for_char(char)
            if keysym is None:
                continue
            keycode, level = self._keycode(keysym)
            # CapsLock inverts the case of letters, so Shift must invert with it.
            flip = caps_lock and char.isascii() and char.isalpha() and keycode not in self._borrowed
            self._tap(keycode, shift=(level == 1) != flip)
        self._finish()

    def restore_keymap(self) -> None:
        """Gives back the borrowed keycodes, once the target has had time to read them."""
        if not self._borrowed:
            return
        self._settle(max(self._last_tap.get(code, 0.0) for code in self._borrowed))
        self._keymap = Keymap.load(self._display)
        for code, keysym in self._borrowed.items():
            if self._keymap.keysyms(code)[:1] == (keysym,):  # still ours: nobody remapped it since
                self._display.change_keyboard_mapping(code, [(X.NoSymbol, X.NoSymbol)])
        self._borrowed.clear()
        self._finish()

    def close(self) -> None:
        try:
            self.restore_keymap()
        finally:
            self._display.close()

    # -- internals ---------------------------------------------------------------------

    def _prepare(self) -> None:
        """Current keyboard and modifier maps, then every held modifier key released."""
        # A round trip: any MappingNotify the server sent before it is now queued.
        pressed = self._display.query_keymap()
        self._drain()
        if self._maps_changed:
            self._maps_changed = False
            self._keymap = Keymap.load(self._display)
            self._borrowed = {code: keysym for code, keysym in self._borrowed.items()
                              if self._keymap.keysyms(code)[:1] == (keysym,)}
            self._modifier_map = [list(row) for row in self._display.get_modifier_mapping()]
        for row in self._modifier_map:
            for code in row:
                if code and pressed[code // 8] >> (code % 8) & 1:
                    self._fake(X.KeyRelease, code)

    def _finish(self) -> None:
        self._display.sync()
        self._drain()

    def _drain(self) -> None:
        """Empties the event queue, noting whether the maps changed meanwhile."""
        if any(event.type == X.MappingNotify for event in drain_events(self._display)):
            self._maps_changed = True

    def _known_keysym(self, name: str) -> int:
        keysym = keysym_for_key(name)
        if not keysym:
            raise KeyboardError(f"unknown key name {name!r}")
        return keysym

    def _keycode(self, keysym: int) -> tuple[int, int]:
        """(keycode, level) for ``keysym``, borrowing a spare keycode if the layout lacks it."""
        found = self._keymap.lookup(keysym)
        return found if found is not None else (self._borrow(keysym), 0)

    def _borrow(self, keysym: int) -> int:
        candidates = self._keymap.spare_keycodes() + list(self._borrowed)
        if not candidates:
            raise KeyboardError("no spare keycode to type a character the keyboard layout lacks")
        keycode = min(candidates, key=lambda code: self._last_tap.get(code, 0.0))
        self._settle(self._last_tap.get(keycode, 0.0))
        self._display.change_keyboard_mapping(keycode, [(keysym, keysym)])
        self._keymap.set(keycode, (keysym, keysym))
        self._borrowed[keycode] = keysym
        return keycode

    def _settle(self, last_tap: float) -> None:
        """Waits until a keycode pressed at ``last_tap`` may safely change meaning."""
        remaining = BORROW_SETTLE_SECONDS - (time.monotonic() - last_tap)
        if remaining > 0:
            self._display.sync()
            time.sleep(remaining)

    def _modifier_keycode(self, name: str) -> int:
        for code in self._modifier_map[MODIFIER_ROWS[name]]:
            if code:
                return code
        found = self._keymap.lookup(_FALLBACK_MODIFIER_KEYSYMS[name])
        if found is None:
            raise KeyboardError(f"the keyboard map has no {name} key")
        return found[0]

    def _tap(self, keycode: int, shift: bool = False) -> None:
        shift_keycode = self._modifier_keycode("shift") if shift else 0
        if shift_keycode:
            self._fake(X.KeyPress, shift_keycode)
        self._fake(X.KeyPress, keycode)
        self._fake(X.KeyRelease, keycode)
        if shift_keycode:
            self._fake(X.KeyRelease, shift_keycode)
        self._last_tap[keycode] = time.monotonic()

    def _fake(self, event_type: int, keycode: int) -> None:
        xtest.fake_input(self._display, event_type, keycode)
