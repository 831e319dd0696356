"""The Windows backend's pure parts, and its hotkey thread against a fake message queue.

Runs on Linux: the module must import without Windows, and everything that does not
call the Windows API is checked here. The real API calls are for a Windows test run.
"""

from __future__ import annotations

import ctypes
import queue
import string
import sys
import threading
from typing import Any

import pytest

from assistant.desktop.base import HotkeyListener, Keyboard, Windows
from assistant.desktop.chords import NAMED_KEYS, chord, parse_chord
from assistant.desktop.win32 import hotkeys as win32_hotkeys
from assistant.desktop.win32.clipboard import Win32ClipboardSerial
from assistant.desktop.win32.common import (
    INPUT,
    KEYBDINPUT,
    KEYEVENTF_EXTENDEDKEY,
    KEYEVENTF_KEYUP,
    KEYEVENTF_UNICODE,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    MOD_WIN,
    VK_LCONTROL,
    VK_LSHIFT,
    VK_MENU_MASK,
    VK_RMENU,
    KeyboardError,
    declare,
    hotkey_modifiers,
    key_inputs,
    typing_runs,
    unicode_inputs,
    vk_for_key,
    windows_dll,
)
from assistant.desktop.win32.hotkeys import WM_HOTKEY, WM_QUIT, Win32HotkeyListener
from assistant.desktop.win32.input import Win32Keyboard, Win32Windows

UP, EXT, UNI = KEYEVENTF_KEYUP, KEYEVENTF_EXTENDEDKEY, KEYEVENTF_UNICODE
off_windows = pytest.mark.skipif(sys.platform == "win32", reason="checks the behaviour off Windows")


def events(inputs: list[INPUT]) -> list[tuple[int, int]]:
    """(virtual key, flags) of each key event; for Unicode events (code unit, flags)."""
    assert all(item.type == 1 for item in inputs)
    return [(item.ki.wScan if item.ki.dwFlags & UNI else item.ki.wVk, item.ki.dwFlags) for item in inputs]


# -- key codes ---------------------------------------------------------------------------


def test_every_chord_key_has_a_distinct_valid_virtual_key() -> None:
    names = sorted(NAMED_KEYS) + list(string.ascii_lowercase) + list(string.digits)
    codes = {name: vk_for_key(name) for name in names}
    assert [name for name, code in codes.items() if code is None or not 1 <= code <= 254] == []
    assert len(set(codes.values())) == len(names)  # a typo in the table would make two keys one


@pytest.mark.parametrize(("name", "vk"), [  # values from winuser.h
    ("a", 0x41), ("z", 0x5A), ("0", 0x30), ("9", 0x39), ("f1", 0x70), ("f12", 0x7B), ("f13", 0x7C), ("f24", 0x87),
    ("space", 0x20), ("return", 0x0D), ("tab", 0x09), ("escape", 0x1B), ("backspace", 0x08), ("insert", 0x2D),
    ("delete", 0x2E), ("home", 0x24), ("end", 0x23), ("prior", 0x21), ("next", 0x22), ("left", 0x25),
    ("up", 0x26), ("right", 0x27), ("down", 0x28), ("pause", 0x13), ("print", 0x2C), ("grave", 0xC0),
    ("minus", 0xBD), ("equal", 0xBB), ("bracketleft", 0xDB), ("bracketright", 0xDD), ("semicolon", 0xBA),
    ("apostrophe", 0xDE), ("comma", 0xBC), ("period", 0xBE), ("slash", 0xBF), ("backslash", 0xDC),
    ("[", 0xDB), ("/", 0xBF), ("!", None), ("plus", None), ("nosuchkey", None)])
def test_vk_for_key(name: str, vk: int | None) -> None:
    assert vk_for_key(name) == vk


def test_hotkey_modifiers_never_repeat() -> None:
    assert hotkey_modifiers(parse_chord("ctrl+alt+1")) == MOD_CONTROL | MOD_ALT | MOD_NOREPEAT
    assert hotkey_modifiers(parse_chord("win+shift+f5")) == MOD_WIN | MOD_SHIFT | MOD_NOREPEAT
    assert hotkey_modifiers(parse_chord("f13")) == MOD_NOREPEAT


# -- SendInput -----------------------------------------------------------------------------


def test_input_has_the_windows_layout() -> None:
    pointer = ctypes.sizeof(ctypes.c_void_p)
    assert ctypes.sizeof(INPUT) == (40 if pointer == 8 else 28)
    assert ctypes.sizeof(KEYBDINPUT) == (24 if pointer == 8 else 16)
    assert INPUT.u.offset == pointer  # the union is pointer-aligned after the 4-byte type


def test_a_chord_first_releases_held_modifiers_masking_alt() -> None:
    inputs = key_inputs(chord("ctrl", key="v"), held=[VK_RMENU, VK_LCONTROL])
    assert events(inputs) == [
        (VK_MENU_MASK, 0), (VK_MENU_MASK, UP),  # so letting go of Alt opens no menu
        (VK_LCONTROL, UP), (VK_RMENU, UP | EXT),
        (0x11, 0), (0x56, 0), (0x56, UP), (0x11, UP)]


def test_a_chord_without_held_keys_and_a_repeated_key() -> None:
    assert events(key_inputs(chord("ctrl", "shift", key="home"), held=[VK_LSHIFT])) == [
        (VK_LSHIFT, UP), (0x11, 0), (0x10, 0), (0x24, EXT), (0x24, UP | EXT), (0x10, UP), (0x11, UP)]
    assert events(key_inputs(chord(key="left"), count=2)) == [(0x25, EXT), (0x25, UP | EXT)] * 2


def test_scan_codes_come_from_the_given_mapping() -> None:
    inputs = key_inputs(chord("ctrl", key="v"), scan=lambda vk: vk + 1000)
    assert [item.ki.wScan for item in inputs] == [0x11 + 1000, 0x56 + 1000, 0x56 + 1000, 0x11 + 1000]


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(KeyboardError):
        key_inputs(chord("ctrl", key="!"))


def test_text_is_utf16_units_and_a_line_break_is_shift_enter() -> None:
    assert events(unicode_inputs("亲a😀\n")) == [
        (0x4EB2, UNI), (0x4EB2, UNI | UP), (ord("a"), UNI), (ord("a"), UNI | UP),
        (0xD83D, UNI), (0xD83D, UNI | UP), (0xDE00, UNI), (0xDE00, UNI | UP),
        (0x10, 0), (0x0D, 0), (0x0D, UP), (0x10, UP)]
    assert all(item.ki.wVk == 0 for item in unicode_inputs("亲a😀"))


def test_text_line_endings_tabs_and_control_characters() -> None:
    shift_enter = [(0x10, 0), (0x0D, 0), (0x0D, UP), (0x10, UP)]
    assert events(unicode_inputs("\r\n\r\t\x07")) == shift_enter * 2 + [(0x09, 0), (0x09, UP)]


# -- the classes off Windows ---------------------------------------------------------------


@pytest.mark.parametrize(("protocol", "backend"), [
    (HotkeyListener, Win32HotkeyListener), (Keyboard, Win32Keyboard), (Windows, Win32Windows)])
def test_the_win32_backends_have_every_member_of_their_protocol(protocol: type, backend: type) -> None:
    members = {name for name in vars(protocol) if not name.startswith("_")}
    assert [name for name in sorted(members) if not hasattr(backend, name)] == []


@off_windows
def test_off_windows_the_backends_fail_clearly_when_used() -> None:
    for backend in (Win32Keyboard, Win32Windows):
        with pytest.raises(OSError, match="only available on Windows"):
            backend()
    listener = Win32HotkeyListener(lambda name: None)
    assert listener.set_hotkeys({"one": parse_chord("ctrl+alt+1")}) == {}  # recorded for start
    with pytest.raises(OSError):
        listener.start()
    assert not listener.alive


# -- the hotkey thread, against a fake user32 with a real message queue --------------------


class FakeUser32:
    """A thread message queue and a system-wide hotkey table, as user32 keeps them."""

    def __init__(self, taken: set[tuple[int, int]]):
        self.messages: queue.SimpleQueue[tuple[int, int]] = queue.SimpleQueue()
        self.taken, self.registered = taken, {}
        self.threads: set[str] = set()  # the threads that (un)registered hotkeys

    def PeekMessageW(self, *args: Any) -> int:
        return 0

    def PostThreadMessageW(self, thread_id: int, message: int, wparam: int, lparam: int) -> int:
        self.messages.put((message, wparam))
        return 1

    def GetMessageW(self, message: Any, *args: Any) -> int:
        message._obj.message, message._obj.wParam = self.messages.get(timeout=5)
        return 0 if message._obj.message == WM_QUIT else 1

    def RegisterHotKey(self, hwnd: None, hotkey_id: int, modifiers: int, vk: int) -> int:
        self.threads.add(threading.current_thread().name)
        if (modifiers, vk) in self.taken or (modifiers, vk) in self.registered.values():
            return 0
        self.registered[hotkey_id] = (modifiers, vk)
        return 1

    def UnregisterHotKey(self, hwnd: None, hotkey_id: int) -> int:
        self.threads.add(threading.current_thread().name)
        return int(self.registered.pop(hotkey_id, None) is not None)

    def press(self, text: str) -> None:
        pressed = parse_chord(text)
        wanted = (hotkey_modifiers(pressed), vk_for_key(pressed.key))
        for hotkey_id, registered in self.registered.items():
            if registered == wanted:
                self.messages.put((WM_HOTKEY, hotkey_id))


@pytest.fixture
def fake_user32(monkeypatch: pytest.MonkeyPatch) -> FakeUser32:
    fake = FakeUser32(taken={(MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, ord("9"))})
    monkeypatch.setattr(win32_hotkeys, "_user32", lambda: fake)
    monkeypatch.setattr(win32_hotkeys, "start_message_queue", lambda user32: 1234)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: 1409, raising=False)
    return fake


def test_hotkeys_are_registered_fired_replaced_and_released_on_their_thread(fake_user32: FakeUser32) -> None:
    fired: queue.SimpleQueue[str] = queue.SimpleQueue()
    listener = Win32HotkeyListener(fired.put)
    listener.set_hotkeys({"one": parse_chord("ctrl+alt+1"), "nine": parse_chord("ctrl+alt+9"),
                          "again": parse_chord("alt+ctrl+1"), "odd": parse_chord("ctrl+alt+!")})
    assert listener.start() == {"nine": "Ctrl+Alt+9 is already taken by another program",
                                "again": "Ctrl+Alt+1 is also the hotkey of one",
                                "odd": "Ctrl+Alt+!: this keyboard has no such key"}
    fake_user32.press("ctrl+alt+1")
    assert fired.get(timeout=5) == "one"

    assert listener.set_hotkeys({"two": parse_chord("ctrl+alt+2")}) == {}
    assert list(fake_user32.registered.values()) == [(MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, ord("2"))]
    fake_user32.press("ctrl+alt+2")
    assert fired.get(timeout=5) == "two"

    listener.stop()
    assert not listener.alive and fake_user32.registered == {}
    assert fake_user32.threads == {"win32-hotkeys"}  # Windows ties a hotkey to its thread
    listener.stop()  # safe twice


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows clipboard exists only on Windows")
def test_the_clipboard_count_moves_when_a_program_changes_the_clipboard() -> None:
    user32 = windows_dll("user32")
    declare(user32, {"OpenClipboard": (ctypes.c_int, (ctypes.c_void_p,)), "EmptyClipboard": (ctypes.c_int, ()),
                     "CloseClipboard": (ctypes.c_int, ())})
    serial = Win32ClipboardSerial()
    before = serial()
    assert serial() == before
    assert user32.OpenClipboard(None)
    try:
        user32.EmptyClipboard()
    finally:
        user32.CloseClipboard()
    assert serial() != before


@pytest.mark.parametrize(("text", "runs"), [
    ("A🙂B", ["A", "🙂B"]),
    ("🙂🙂x😀好", ["🙂🙂x", "😀好"]),
    ("亲\n😀", ["亲\n", "😀"]),
    ("纯中文", ["纯中文"]),
    ("", []),
])
def test_an_emoji_after_other_keys_starts_a_batch_of_its_own(text: str, runs: list[str]) -> None:
    """Qt commits a surrogate pair at once but queues other keys: sent together, A🙂B
    arrives as 🙂AB (tests/e2e_windows has the real target)."""
    assert typing_runs(text) == runs
    assert "".join(runs) == text
