"""The key-chord recorder: Qt keys to chord text, and keys a dialog keeps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.hotkey_edit import HotkeyEdit, display_hotkey, key_name

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
META = Qt.KeyboardModifier.MetaModifier


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
    qtbot.keyClick(edit, Qt.Key.Key_N, CTRL)  # a shortcut elsewhere, a chord here
    assert edit.hotkey() == "ctrl+n"


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
    refused: list[str] = []
    edit.refused.connect(refused.append)
    qtbot.keyClicks(edit, "abc")
    assert edit.hotkey() == "" and edit.text() == ""
    assert refused == [f"{key} cannot be a hotkey: a key without Ctrl, Alt or Super would stop working for typing. "
                       "Nothing was changed." for key in "ABC"]


def test_tab_with_any_modifier_is_left_to_the_window(qtbot: QtBot) -> None:
    """Ctrl+Tab and Ctrl+Shift+Tab switch tabs, Shift+Tab moves the focus back: never a hotkey."""
    tabs, page = QTabWidget(), QWidget()
    qtbot.addWidget(tabs)
    edit = HotkeyEdit(page)
    QVBoxLayout(page).addWidget(edit)
    tabs.addTab(page, "Hotkeys")
    tabs.addTab(QLineEdit(), "Other")
    tabs.show()
    qtbot.waitExposed(tabs)
    edit.setHotkey("ctrl+alt+q")
    qtbot.keyClick(edit, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 1
    tabs.setCurrentIndex(0)
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 1 and edit.hotkey() == "ctrl+alt+q"  # back from the first is the last
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, SHIFT)
    qtbot.keyClick(edit, Qt.Key.Key_Tab, SHIFT)
    assert edit.hotkey() == "ctrl+alt+q"


@pytest.mark.parametrize(("key", "modifiers", "shown"), [
    (Qt.Key.Key_W, CTRL, "Ctrl+W"), (Qt.Key.Key_Delete, CTRL | ALT, "Ctrl+Alt+Delete"),
    (Qt.Key.Key_F4, ALT, "Alt+F4"), (Qt.Key.Key_Escape, CTRL, "Ctrl+Esc"), (Qt.Key.Key_R, META, "Super+R"),
    (Qt.Key.Key_Space, CTRL, "Ctrl+Space"), (Qt.Key.Key_V, CTRL, "Ctrl+V")])
def test_a_chord_the_desktop_or_chat_client_keeps_is_refused_and_the_value_kept(
        qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier, shown: str) -> None:
    edit = recorder(qtbot)
    edit.setHotkey("ctrl+alt+q")
    with qtbot.waitSignal(edit.refused) as refused:
        qtbot.keyClick(edit, key, modifiers)
    assert refused.args[0].startswith(f"{shown} cannot be a hotkey: ")
    assert (edit.hotkey(), edit.text()) == ("ctrl+alt+q", "Ctrl+Alt+Q")


def test_ctrl_shift_alone_records_nothing(qtbot: QtBot) -> None:
    """The input-method switch is modifiers only; a chord needs a key."""
    edit = recorder(qtbot)
    edit.setHotkey("ctrl+alt+q")
    qtbot.keyClick(edit, Qt.Key.Key_Shift, CTRL | SHIFT)
    qtbot.keyClick(edit, Qt.Key.Key_Control, CTRL | SHIFT)
    assert edit.hotkey() == "ctrl+alt+q"


def test_an_unreadable_stored_hotkey_is_kept_to_be_reported(qtbot: QtBot) -> None:
    edit = recorder(qtbot)
    edit.setHotkey("hyper+x")
    assert edit.hotkey() == "hyper+x"
