"""A field that records one key chord, for a phrase's (or the app's) global hotkey.

The user presses the chord instead of typing its name, so the result is always a chord
the hotkey backends understand. Values are kept in the stored chord text form
("ctrl+alt+1", lower case, read back by ``parse_chord``) and shown in the display form
("Ctrl+Alt+1"). Plain Tab, Esc and Enter keep their usual meaning in a dialog, plain
Backspace or Delete clears the field: a global hotkey needs a modifier anyway. Tab with
any modifier is never recorded either: Shift+Tab moves the focus back and Ctrl+Tab
switches a window's tabs, and an agent reaches for them out of habit.

A chord the desktop, an input method or the chat clients keep (``reserved_reason``:
Ctrl+W, Alt+Tab, Ctrl+Space, Super chords…) is refused as it is pressed: the field
keeps what it had and ``refused`` says why, for the window to show beside the field.
A stored value is shown as it is, even a reserved one, so that it can be reported.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from assistant.desktop.chords import Chord, parse_chord, reserved_reason
from assistant.errors import BadInput

Key = Qt.Key
_MODIFIER_KEYS = {Key.Key_Control, Key.Key_Shift, Key.Key_Alt, Key.Key_Meta, Key.Key_AltGr, Key.Key_Super_L,
                  Key.Key_Super_R, Key.Key_Hyper_L, Key.Key_Hyper_R, Key.Key_CapsLock, Key.Key_NumLock}
_MODIFIER_NAMES = {
    Qt.KeyboardModifier.ControlModifier: "ctrl",
    Qt.KeyboardModifier.AltModifier: "alt",
    Qt.KeyboardModifier.ShiftModifier: "shift",
    Qt.KeyboardModifier.MetaModifier: "super",
}
_NAMED_KEYS = {
    Key.Key_Space: "space", Key.Key_Return: "return", Key.Key_Enter: "return", Key.Key_Tab: "tab",
    Key.Key_Backtab: "tab", Key.Key_Escape: "escape", Key.Key_Backspace: "backspace", Key.Key_Insert: "insert",
    Key.Key_Delete: "delete", Key.Key_Home: "home", Key.Key_End: "end", Key.Key_PageUp: "prior",
    Key.Key_PageDown: "next", Key.Key_Left: "left", Key.Key_Right: "right", Key.Key_Up: "up", Key.Key_Down: "down",
    Key.Key_Pause: "pause", Key.Key_Print: "print",
    **{Key(Key.Key_F1.value + number): f"f{number + 1}" for number in range(24)},
}
_PUNCTUATION = {"-": "minus", "=": "equal", "[": "bracketleft", "]": "bracketright", ";": "semicolon",
                "'": "apostrophe", ",": "comma", ".": "period", "/": "slash", "\\": "backslash", "`": "grave"}
# With Shift held, Qt reports the shifted symbol; a chord names the key (US layout).
_UNSHIFTED = dict(zip("!@#$%^&*()_+{}:\"<>?|~", "1234567890-=[];',./\\`", strict=True))
# The other way, chord key name to Qt key: the first Qt key of a name (Return, Tab) wins.
_KEYS_BY_NAME: dict[str, Key] = {
    **{name: key for key, name in reversed(_NAMED_KEYS.items())},
    **{name: Key(ord(char.upper())) for char, name in _PUNCTUATION.items()},
    **{char: Key(ord(char.upper())) for char in "abcdefghijklmnopqrstuvwxyz0123456789"},
}
_PASS_THROUGH = {Key.Key_Tab, Key.Key_Backtab, Key.Key_Escape, Key.Key_Return, Key.Key_Enter}
_TABS = {Key.Key_Tab, Key.Key_Backtab}


def chord_text(chord: Chord) -> str:
    """The stored form of a chord: "ctrl+alt+1" (``parse_chord`` reads it back)."""
    return str(chord).lower()


def display_hotkey(text: str) -> str:
    """"ctrl+alt+1" as "Ctrl+Alt+1"; text that is no chord is shown as it is."""
    try:
        return str(parse_chord(text)) if text else ""
    except BadInput:
        return text


def key_name(key: int) -> str | None:
    """The chord key name (X11 keysym style) of a Qt key, or None for keys a chord cannot use."""
    try:
        qt_key = Key(key)
    except ValueError:
        return None
    if qt_key in _NAMED_KEYS:
        return _NAMED_KEYS[qt_key]
    if not 0x20 < key < 0x7F:
        return None
    char = _UNSHIFTED.get(chr(key), chr(key)).lower()
    return _PUNCTUATION.get(char, char)


def key_sequence(text: str) -> QKeySequence:
    """The stored chord ``text`` as a Qt key sequence (empty when it is no chord), so
    a menu can show a global hotkey beside its entry in the platform's own way."""
    try:
        chord = parse_chord(text)
    except BadInput:
        return QKeySequence()
    key = _KEYS_BY_NAME.get(chord.key)
    if key is None:
        return QKeySequence()
    modifiers = Qt.KeyboardModifier.NoModifier
    for flag, name in _MODIFIER_NAMES.items():
        if name in chord.modifiers:
            modifiers |= flag
    return QKeySequence(QKeyCombination(modifiers, key))


def chord_from_event(event: QKeyEvent) -> Chord | None:
    """The chord a key press makes, or None for a lone modifier or an unusable key."""
    if Key(event.key()) in _MODIFIER_KEYS:
        return None
    name = key_name(event.key())
    if name is None:
        return None
    held = [_MODIFIER_NAMES[flag] for flag in _MODIFIER_NAMES if event.modifiers() & flag]
    try:
        return parse_chord("+".join([*held, name]))
    except BadInput:
        return None


def _passes_through(event: QKeyEvent) -> bool:
    """Keys the field leaves to the window: Tab with any modifiers, and plain Esc and Enter."""
    plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
    return Key(event.key()) in _TABS or (plain and Key(event.key()) in _PASS_THROUGH)


class HotkeyEdit(QLineEdit):
    """Shows the recorded chord; ``hotkey()`` is its stored text, "" for none."""

    hotkeyChanged = Signal(str)
    #: A pressed chord was not taken; the message (translated) names it and says why.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hotkey = ""
        self.setClearButtonEnabled(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # An input method would turn the keys into composition instead of a chord.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setPlaceholderText(self.tr("Press a key combination, e.g. Ctrl+Alt+1"))
        self.textChanged.connect(self._cleared)

    def hotkey(self) -> str:
        return self._hotkey

    def setHotkey(self, text: str) -> None:
        """Show ``text``; a chord that does not parse is kept as it is, so it can be
        reported rather than silently dropped."""
        try:
            value = chord_text(parse_chord(text)) if text else ""
        except BadInput:
            value = text
        self._set(value, display_hotkey(text))

    def _set(self, value: str, shown: str) -> None:
        changed = value != self._hotkey
        self._hotkey = value
        self.blockSignals(True)
        self.setText(shown)
        self.blockSignals(False)
        if changed:
            self.hotkeyChanged.emit(value)

    def _cleared(self, text: str) -> None:
        if not text:
            self._set("", "")

    def event(self, event: QEvent) -> bool:
        # Chords that are shortcuts elsewhere (Ctrl+Z, Ctrl+N) must reach this field.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not _passes_through(event)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _passes_through(event):
            event.ignore()  # to the tab widget (Ctrl+Tab) or the dialog (Esc, Enter)
            return
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and Key(event.key()) in (Key.Key_Backspace, Key.Key_Delete):
            self._set("", "")
            return
        recorded = chord_from_event(event)
        if recorded is not None:
            reason = reserved_reason(recorded)
            if reason is None:
                self._set(chord_text(recorded), str(recorded))
            else:
                self.refused.emit(self.tr("{hotkey} cannot be a hotkey: {reason}. Nothing was changed.").format(
                    hotkey=recorded, reason=reason))
        event.accept()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        event.ignore()
