"""Key chords: parsing, display, reserved chords, conflicts."""

from __future__ import annotations

import pytest

from assistant.desktop.chords import chord, find_conflicts, parse_chord, reserved_reason
from assistant.errors import BadInput


def test_parse_is_order_case_and_alias_insensitive() -> None:
    assert parse_chord("Ctrl+Alt+1") == parse_chord("alt + control + 1") == chord("ctrl", "alt", key="1")
    assert parse_chord("ctrl+alt+Enter").key == "return"
    assert str(parse_chord("shift+ctrl+alt+pgdown")) == "Ctrl+Alt+Shift+PageDown"
    assert str(parse_chord("ctrl+alt+q")) == "Ctrl+Alt+Q"


def test_exact_modifiers_make_different_chords() -> None:
    assert parse_chord("ctrl+alt+shift+1") != parse_chord("ctrl+alt+1")


@pytest.mark.parametrize("text", ["", "ctrl+", "ctrl+alt", "hyper+x", "ctrl+ümlautkey", "ctrl++"])
def test_bad_chords_are_refused_clearly(text: str) -> None:
    with pytest.raises(BadInput):
        parse_chord(text)


def test_input_method_and_chat_chords_are_reserved() -> None:
    for text in ("ctrl+space", "shift+space", "ctrl+v", "return", "alt+s", "a", "shift+a"):
        assert reserved_reason(parse_chord(text)), text
    for text in ("ctrl+alt+q", "ctrl+alt+1", "ctrl+alt+shift+f2", "f13", "ctrl+alt+escape"):
        assert reserved_reason(parse_chord(text)) is None, text


@pytest.mark.parametrize("text", ["ctrl+alt+delete", "ctrl+w", "ctrl+f4", "alt+tab", "alt+shift+tab", "alt+f4",
                                  "ctrl+escape", "ctrl+shift+escape", "alt+escape", "ctrl+tab", "ctrl+shift+tab",
                                  "super+r", "super+l", "ctrl+super+d", "super+space"])
def test_chords_the_desktop_or_the_chat_client_keeps_are_reserved(text: str) -> None:
    assert reserved_reason(parse_chord(text)), text


def test_conflicts_name_the_first_owner() -> None:
    assignments = [("picker", parse_chord("ctrl+alt+q")), ("phrase A", parse_chord("ctrl+alt+1")),
                   ("phrase B", parse_chord("Alt+Ctrl+Q"))]
    assert find_conflicts(assignments) == {"phrase B": "picker"}
