"""The key-chord recorder: Qt keys to chord text, and keys a dialog keeps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.widgets.hotkey_edit import HotkeyEdit, display_hotkey, key_name

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def recorder(qtbot: QtBot) -> HotkeyEdit:
    edit = HotkeyEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def test_key_names_follow_the_chord_names() -> None:
    assert key_name(Qt.Key.Key_A) == "a"
    assert key_name(Qt.Key.Key_F5) == "f5"
    assert key_name(Qt.Key.Key_F24) == "f24"
    assert key_name(Qt.Key.Key_PageUp) == "prior"
    assert key_name(Qt.Key.Key_Exclam) == "1"  # Shift+1 arrives as "!"
    assert key_name(Qt.Key.Key_Comma) == "comma"
    assert key_name(Qt.Key.Key_Control) is None
    assert key_name(0x4E00) is None  # a character, not a key


def test_display_form() -> None:
    assert display_hotkey("ctrl+alt+1") == "Ctrl+Alt+1"
    assert display_hotkey("alt+ctrl+prior") == "Ctrl+Alt+PageUp"
    assert display_hotkey("not a chord+") == "not a chord+"
    assert display_hotkey("") == ""


def test_records_chords_and_ignores_lone_modifiers(qtbot: QtBot) -> None:
    edit = recorder(qtbot)
    with qtbot.waitSignal(edit.hotkeyChanged) as changed:
        qtbot.keyClick(edit, Qt.Key.Key_Exclam, CTRL | SHIFT)
    assert changed.args == ["ctrl+shift+1"] and edit.text() == "Ctrl+Shift+1"
    qtbot.keyClick(edit, Qt.Key.Key_Control, CTRL)
    assert edit.hotkey() == "ctrl+shift+1"
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)  # a shortcut elsewhere, a chord here
    assert edit.hotkey() == "ctrl+z"


def test_plain_keys_keep_their_dialog_meaning(qtbot: QtBot) -> None:
    edit = recorder(qtbot)
    edit.setHotkey("Alt+Ctrl+F2")
    assert (edit.hotkey(), edit.text()) == ("ctrl+alt+f2", "Ctrl+Alt+F2")
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Tab):
        qtbot.keyClick(edit, key)
    assert edit.hotkey() == "ctrl+alt+f2"
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert (edit.hotkey(), edit.text()) == ("", "")


def test_typing_never_enters_text(qtbot: QtBot) -> None:
    edit = recorder(qtbot)
    qtbot.keyClicks(edit, "abc")
    assert edit.hotkey() == "c" and edit.text() == "C"  # recorded (and later refused as a hotkey), not typed


def test_an_unreadable_stored_hotkey_is_kept_to_be_reported(qtbot: QtBot) -> None:
    edit = recorder(qtbot)
    edit.setHotkey("hyper+x")
    assert edit.hotkey() == "hyper+x"
