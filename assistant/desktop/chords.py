"""Key chords ("Ctrl+Alt+1"): parsing, display, and the chords we must not take.

A chord is an exact set of modifiers plus one key: Ctrl+Alt+Shift+1 is a different
chord from Ctrl+Alt+1, and a hotkey fires only on its own. Key names follow X11 keysym
names in lower case ("a", "1", "f5", "space", "return"), which every backend can map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.errors import BadInput
from assistant.i18n import N_, tr

MODIFIERS: tuple[str, ...] = ("ctrl", "alt", "shift", "super")
_MODIFIER_ALIASES = {
    "ctrl": "ctrl", "control": "ctrl", "ctl": "ctrl", "alt": "alt", "option": "alt", "shift": "shift",
    "super": "super", "win": "super", "meta": "super", "cmd": "super", "command": "super",
}
_KEY_ALIASES = {
    "enter": "return", "esc": "escape", "del": "delete", "ins": "insert", "pgup": "prior", "pageup": "prior",
    "pgdown": "next", "pagedown": "next", "spacebar": "space", "bksp": "backspace",
}
NAMED_KEYS: frozenset[str] = frozenset(
    {"space", "return", "tab", "escape", "backspace", "insert", "delete", "home", "end", "prior", "next",
     "left", "right", "up", "down", "pause", "print", "grave", "minus", "equal", "bracketleft", "bracketright",
     "semicolon", "apostrophe", "comma", "period", "slash", "backslash"}
    | {f"f{number}" for number in range(1, 25)})
_DISPLAY_NAMES = {"prior": "PageUp", "next": "PageDown", "return": "Enter", "escape": "Esc"}


@dataclass(frozen=True, order=True)
class Chord:
    """Modifiers (a sorted tuple, so chords compare and hash by value) and one key."""

    modifiers: tuple[str, ...]
    key: str

    def __str__(self) -> str:
        names = [name.capitalize() for name in MODIFIERS if name in self.modifiers]
        key = _DISPLAY_NAMES.get(self.key, self.key.upper() if len(self.key) == 1 else self.key.capitalize())
        return "+".join([*names, key])


def chord(*modifiers: str, key: str) -> Chord:
    return Chord(tuple(name for name in MODIFIERS if name in modifiers), key)


def parse_chord(text: str) -> Chord:
    """"ctrl+alt+1", "Ctrl + Alt + 1" and "Alt+Ctrl+1" are the same chord."""
    parts = [part.strip().lower() for part in text.replace(" ", "").split("+")]
    if not text.strip() or any(not part for part in parts[:-1]):
        raise BadInput(tr("not a key chord: {text!r}", text=text))
    *modifier_names, key = parts
    if not key and text.rstrip().endswith("+"):
        key = "plus"
    modifiers = set()
    for name in modifier_names:
        if name not in _MODIFIER_ALIASES:
            raise BadInput(tr("unknown modifier {name!r} in {text!r}", name=name, text=text))
        modifiers.add(_MODIFIER_ALIASES[name])
    key = _KEY_ALIASES.get(key, key)
    if key in _MODIFIER_ALIASES:
        raise BadInput(tr("a chord needs a key besides the modifiers: {text!r}", text=text))
    if not (len(key) == 1 and key.isascii() and key.isprintable()) and key not in NAMED_KEYS:
        raise BadInput(tr("unknown key {key!r} in {text!r}", key=key, text=text))
    return chord(*modifiers, key=key)


# Chords the desktop, an input method or every chat client already owns: taking them
# globally would lock the agent out of the system, break typing Chinese or their muscle
# memory. (Ctrl+Shift and Alt+Shift alone, which switch input methods, cannot be chords
# here: a chord always has a key.) Every Super (Windows key) chord is the desktop's too.
_RESERVED: dict[Chord, str] = {
    chord("ctrl", "alt", key="delete"): N_("the system keeps it (security screen, log out)"),
    chord("ctrl", key="escape"): N_("opens the start menu"),
    chord("ctrl", "shift", key="escape"): N_("opens the task manager"),
    chord("alt", key="escape"): N_("switches windows"),
    chord("alt", "shift", key="tab"): N_("switches windows"),
    chord("ctrl", key="tab"): N_("switches tabs"),
    chord("ctrl", "shift", key="tab"): N_("switches tabs"),
    chord("ctrl", key="w"): N_("closes the chat window or tab"),
    chord("ctrl", key="f4"): N_("closes the chat window or tab"),
    chord("ctrl", key="space"): N_("switches the input method"),
    chord("shift", key="space"): N_("switches full/half width in the input method"),
    chord("ctrl", key="period"): N_("switches Chinese/English punctuation in the input method"),
    chord("super", key="space"): N_("switches the input method"),
    **{chord("ctrl", key=key): N_("a common editing shortcut") for key in "acvxzy"},
    **{chord("ctrl", key=key): N_("sends or edits in chat clients") for key in ("return", "backspace", "delete")},
    chord(key="return"): N_("sends the message"),
    chord("alt", key="s"): N_("sends the message in QQ and Qianniu"),
    chord("alt", key="f4"): N_("closes the window"),
    chord("alt", key="tab"): N_("switches windows"),
}


def reserved_reason(candidate: Chord) -> str | None:
    """Why ``candidate`` should not be a global hotkey (already translated), or None."""
    reason = _RESERVED.get(candidate)
    if reason is not None:
        return tr(reason)
    if not candidate.modifiers and candidate.key not in {f"f{number}" for number in range(13, 25)}:
        return tr("a key without Ctrl, Alt or Super would stop working for typing")
    if candidate.modifiers == ("shift",):
        return tr("Shift with a key is ordinary typing")
    if "super" in candidate.modifiers:
        return tr("the desktop keeps Super (Windows key) combinations for itself")
    return None


def find_conflicts(assignments: Iterable[tuple[str, Chord]]) -> dict[str, str]:
    """For each name whose chord another name already uses: the other name."""
    owner: dict[Chord, str] = {}
    conflicts: dict[str, str] = {}
    for name, assigned in assignments:
        if assigned in owner:
            conflicts[name] = owner[assigned]
        else:
            owner[assigned] = name
    return conflicts
