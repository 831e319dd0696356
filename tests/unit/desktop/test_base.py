"""The desktop interfaces and the X11 helpers that need no X server.

(The X11 backends themselves are tested against a real server in tests/e2e.)
"""

from __future__ import annotations

import dataclasses
import string

import pytest

pytest.importorskip("Xlib", reason="python-xlib is only a dependency on Linux")

from Xlib import XK, X

from assistant.desktop.base import HotkeyListener, Keyboard, WindowInfo, Windows
from assistant.desktop.chords import NAMED_KEYS
from assistant.desktop.x11.common import (
    Keymap,
    chord_state,
    keysym_for_char,
    keysym_for_key,
    lock_variants,
    modifier_mask,
    numlock_mask,
)
from assistant.desktop.x11.hotkeys import HotkeyKeys, KeyEvent, X11HotkeyListener
from assistant.desktop.x11.keyboard import X11Keyboard
from assistant.desktop.x11.windows import X11Windows


def test_window_info_is_a_frozen_value() -> None:
    info = WindowInfo(id=7, wm_class="Qianniu", title="王小明 - 接待中心", pid=None)
    assert info == WindowInfo(7, "Qianniu", "王小明 - 接待中心", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.title = "other"  # type: ignore[misc]


@pytest.mark.parametrize(("protocol", "backend"), [
    (HotkeyListener, X11HotkeyListener), (Keyboard, X11Keyboard), (Windows, X11Windows)])
def test_the_x11_backends_have_every_member_of_their_protocol(protocol, backend) -> None:
    members = {name for name in vars(protocol) if not name.startswith("_")}
    assert members
    assert [name for name in sorted(members) if not hasattr(backend, name)] == []


# -- key names -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(NAMED_KEYS))
def test_every_named_chord_key_has_a_keysym(name: str) -> None:
    assert keysym_for_key(name) != 0


def test_every_printable_ascii_chord_key_has_its_latin1_keysym() -> None:
    keys = [char for char in string.printable if char.isprintable() and char != " "]
    assert {char: keysym_for_key(char) for char in keys} == {char: ord(char) for char in keys}


@pytest.mark.parametrize(("name", "keysym"), [
    ("a", XK.XK_a), ("1", XK.XK_1), ("f5", XK.XK_F5), ("f24", XK.XK_F24), ("return", XK.XK_Return),
    ("prior", XK.XK_Prior), ("next", XK.XK_Next), ("backspace", XK.XK_BackSpace), ("space", XK.XK_space),
    ("bracketleft", XK.XK_bracketleft), ("print", XK.XK_Print), ("plus", XK.XK_plus), ("!", XK.XK_exclam),
    ("nosuchkey", 0)])
def test_keysym_for_key(name: str, keysym: int) -> None:
    assert keysym_for_key(name) == keysym


@pytest.mark.parametrize(("char", "keysym"), [
    ("a", 0x61), ("A", 0x41), ("é", 0xE9), (" ", XK.XK_space), ("亲", 0x01000000 + ord("亲")),
    ("，", 0x0100FF0C), ("😀", 0x01000000 + 0x1F600), ("\t", XK.XK_Tab), ("\x07", None), ("\x85", None)])
def test_keysym_for_char(char: str, keysym: int | None) -> None:
    assert keysym_for_char(char) == keysym


# -- modifiers -------------------------------------------------------------------------


def test_modifier_masks() -> None:
    assert modifier_mask(()) == 0
    assert modifier_mask(("ctrl", "alt")) == X.ControlMask | X.Mod1Mask
    assert modifier_mask(("shift", "super")) == X.ShiftMask | X.Mod4Mask


def test_lock_variants_cover_caps_lock_and_num_lock() -> None:
    mask = X.ControlMask | X.Mod1Mask
    assert set(lock_variants(mask, X.Mod2Mask)) == {
        mask, mask | X.LockMask, mask | X.Mod2Mask, mask | X.LockMask | X.Mod2Mask}
    assert lock_variants(mask, X.LockMask) == (mask, mask | X.LockMask)  # no duplicate grabs


def test_chord_state_ignores_locks_and_mouse_buttons() -> None:
    state = X.ControlMask | X.Mod1Mask | X.LockMask | X.Mod2Mask | X.Button1Mask
    assert chord_state(state, X.Mod2Mask) == X.ControlMask | X.Mod1Mask
    assert chord_state(state | X.ShiftMask, X.Mod2Mask) == X.ControlMask | X.Mod1Mask | X.ShiftMask


def test_numlock_mask_follows_the_modifier_map() -> None:
    modifier_map = [[50, 62], [66], [37, 105], [64], [77], [], [133], [92]]
    assert numlock_mask(modifier_map, [77]) == X.Mod2Mask
    assert numlock_mask([*modifier_map[:4], [], [], [133], [77]], [77]) == X.Mod5Mask
    assert numlock_mask(modifier_map, []) == X.Mod2Mask  # no NumLock key: the usual bit


# -- keymap and auto-repeat ------------------------------------------------------------


def _keymap() -> Keymap:
    rows = [
        (0, 0, 0),  # 8: spare
        (XK.XK_a, XK.XK_A, 0),  # 9
        (XK.XK_1, XK.XK_exclam, 0),  # 10
        (XK.XK_e, XK.XK_E, XK.XK_eacute),  # 11: é only with AltGr
        (0, 0, 0),  # 12: spare
        (XK.XK_A, 0, 0),  # 13: a second "A", on the plain level
    ]
    return Keymap(8, rows)


def test_keymap_lookup_prefers_the_plain_level_and_ignores_altgr() -> None:
    keymap = _keymap()
    assert keymap.lookup(XK.XK_a) == (9, 0)
    assert keymap.lookup(XK.XK_exclam) == (10, 1)
    assert keymap.lookup(XK.XK_A) == (13, 0)
    assert keymap.lookup(XK.XK_eacute) is None
    assert keymap.lookup(0x01004EB2) is None


def test_keymap_spare_keycodes_and_borrowing() -> None:
    keymap = _keymap()
    assert keymap.spare_keycodes() == [8, 12]
    keymap.set(12, (0x01004EB2, 0x01004EB2))
    assert keymap.lookup(0x01004EB2) == (12, 0)
    assert keymap.spare_keycodes() == [8]


def _press(keycode: int, time: int, name: str | None = "reply1") -> KeyEvent:
    return KeyEvent(True, keycode, time, name)


def _release(keycode: int, time: int) -> KeyEvent:
    return KeyEvent(False, keycode, time)


def _pressed_keys(*down: int) -> list[int]:
    """XQueryKeymap's answer: 32 bytes, one bit per keycode."""
    pressed = [0] * 32
    for keycode in down:
        pressed[keycode // 8] |= 1 << (keycode % 8)
    return pressed


def test_a_hotkey_fires_when_its_key_goes_down() -> None:
    keys = HotkeyKeys()
    assert keys.feed([_press(10, 100)]) == ["reply1"]
    assert keys.holds(10) and keys.any_held


def test_auto_repeat_presses_while_the_key_is_down_fire_nothing() -> None:
    keys = HotkeyKeys()
    assert keys.feed([_press(10, 100), _press(10, 760), _press(10, 800)]) == ["reply1"]
    keys.release_up(_pressed_keys(10))
    assert keys.feed([_press(10, 840)]) == []
    keys.release_up(_pressed_keys())
    assert not keys.any_held
    assert keys.feed([_press(10, 900)]) == ["reply1"]  # a real second press


def test_auto_repeat_release_press_pairs_keep_the_hold() -> None:
    keys = HotkeyKeys()
    held = [_press(10, 100), _release(10, 760), _press(10, 760), _release(10, 800), _press(10, 800)]
    assert keys.feed(held) == ["reply1"]
    assert keys.holds(10)


def test_an_auto_repeat_pair_split_across_two_reads_still_keeps_the_hold() -> None:
    keys = HotkeyKeys()
    assert keys.feed([_press(10, 100), _release(10, 760)]) == ["reply1"]
    assert keys.feed([_press(10, 760)]) == []
    assert keys.holds(10)


def test_a_release_we_still_see_ends_the_hold() -> None:
    keys = HotkeyKeys()
    assert keys.feed([_press(10, 100), _release(10, 150), _press(10, 151)]) == ["reply1", "reply1"]


def test_keys_that_are_not_hotkeys_never_fire() -> None:
    keys = HotkeyKeys()
    assert keys.feed([_press(38, 100, name=None), _release(38, 150), _release(10, 160)]) == []
    keys.feed([_press(10, 200)])
    keys.keep_only({"other"})  # the hotkeys were replaced meanwhile
    assert not keys.holds(10)


