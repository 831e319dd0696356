"""What the Windows backends share: key names to virtual-key codes, hotkey modifiers, the
SendInput structures, and lazy access to user32/kernel32.

The backends themselves live next door, one per concern:

- ``win32_hotkeys.Win32HotkeyListener``: global hotkeys by RegisterHotKey, on its own thread;
- ``win32_input.Win32Keyboard``: key presses and typing by SendInput;
- ``win32_input.Win32Windows``: the foreground window and switching windows.

Nothing here touches the Windows API at import time (``ctypes.WinDLL`` does not even
exist elsewhere), so the module imports on Linux and its pure functions are unit-tested
there. The structures use fixed-width integers rather than ``ctypes.wintypes``, whose
DWORD and LONG are 8 bytes on 64-bit Linux: the layout tested on Linux is then the
layout Windows gets.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterable
from ctypes import wintypes
from typing import Any

from assistant.desktop.chords import Chord

# Modifier flags of RegisterHotKey (winuser.h).
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN = 0x0001, 0x0002, 0x0004, 0x0008
MOD_NOREPEAT = 0x4000  # auto-repeat of a held chord must not fire the hotkey again
_HOTKEY_MODIFIERS = {"ctrl": MOD_CONTROL, "alt": MOD_ALT, "shift": MOD_SHIFT, "super": MOD_WIN}

INPUT_KEYBOARD = 1
KEYEVENTF_EXTENDEDKEY, KEYEVENTF_KEYUP, KEYEVENTF_UNICODE = 0x0001, 0x0002, 0x0004

VK_SHIFT, VK_CONTROL, VK_MENU = 0x10, 0x11, 0x12
VK_LWIN, VK_RWIN = 0x5B, 0x5C
VK_LSHIFT, VK_RSHIFT, VK_LCONTROL, VK_RCONTROL, VK_LMENU, VK_RMENU = 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5
VK_RETURN, VK_TAB = 0x0D, 0x09
# Unassigned in winuser.h ("0xE8 : unassigned"). Tapped before letting go of a held Alt
# or Win key: Alt pressed and released with no key between activates the menu bar of
# the focused program, and Win alone opens the Start menu. (The hotkey's own key never
# reached the program: RegisterHotKey consumed it.) AutoHotkey's "menu mask key" is the
# same trick with the same key.
VK_MENU_MASK = 0xE8

# The modifier keys a user may still hold, left and right apart: GetAsyncKeyState tells
# them apart, and only a key-up of the very key that is down releases it.
HELD_MODIFIER_VKS: tuple[int, ...] = (
    VK_LSHIFT, VK_RSHIFT, VK_LCONTROL, VK_RCONTROL, VK_LMENU, VK_RMENU, VK_LWIN, VK_RWIN)
_CHORD_MODIFIER_VKS = {"ctrl": VK_CONTROL, "alt": VK_MENU, "shift": VK_SHIFT, "super": VK_LWIN}

# Chord key names (X11 keysym names in lower case) → virtual-key codes, checked against
# winuser.h. The OEM codes name the key of that character on a US layout, which is
# what Chinese users type on too.
_NAMED_VKS: dict[str, int] = {
    "space": 0x20, "return": 0x0D, "tab": 0x09, "escape": 0x1B, "backspace": 0x08,
    "insert": 0x2D, "delete": 0x2E, "home": 0x24, "end": 0x23, "prior": 0x21, "next": 0x22,
    "left": 0x25, "up": 0x26, "right": 0x27, "down": 0x28, "pause": 0x13, "print": 0x2C,  # VK_SNAPSHOT
    "grave": 0xC0, "minus": 0xBD, "equal": 0xBB, "bracketleft": 0xDB, "bracketright": 0xDD,
    "semicolon": 0xBA, "apostrophe": 0xDE, "comma": 0xBC, "period": 0xBE, "slash": 0xBF, "backslash": 0xDC,
    **{f"f{number}": 0x70 + number - 1 for number in range(1, 25)},  # VK_F1 0x70 … VK_F24 0x87
}
# parse_chord also accepts a chord key as its character ("ctrl+alt+["): the unshifted
# punctuation of a US keyboard means the same keys.
_PUNCTUATION_NAMES = {"`": "grave", "-": "minus", "=": "equal", "[": "bracketleft", "]": "bracketright",
                      ";": "semicolon", "'": "apostrophe", ",": "comma", ".": "period", "/": "slash",
                      "\\": "backslash", " ": "space"}
# Keys whose scan code has the 0xE0 prefix: without KEYEVENTF_EXTENDEDKEY a program that
# reads scan codes sees the numeric keypad's Home/arrows (or left Ctrl for right Ctrl).
_EXTENDED_VKS = frozenset({0x2D, 0x2E, 0x24, 0x23, 0x21, 0x22, 0x25, 0x26, 0x27, 0x28,
                           VK_RCONTROL, VK_RMENU, VK_LWIN, VK_RWIN})


class KeyboardError(RuntimeError):
    """A key that Windows has no code for, or input that Windows refused."""


def vk_for_key(name: str) -> int | None:
    """The virtual-key code of a chord key name ("a", "1", "f5", "prior", "grave"), or None.

    Letters and digits are their upper-case ASCII code (VK_A is 0x41, VK_0 is 0x30).
    """
    name = _PUNCTUATION_NAMES.get(name, name)
    if len(name) == 1 and name.isascii() and name.isalnum():
        return ord(name.upper())
    return _NAMED_VKS.get(name)


def hotkey_modifiers(chord: Chord) -> int:
    """RegisterHotKey's ``fsModifiers`` for ``chord``: always with MOD_NOREPEAT, so a held
    chord fires once (the listener protocol promises one call per press)."""
    flags = MOD_NOREPEAT
    for name in chord.modifiers:
        flags |= _HOTKEY_MODIFIERS[name]
    return flags


# -- SendInput structures (winuser.h), with fixed-width fields: see the module docstring --

_ULONG_PTR = ctypes.c_size_t


class MOUSEINPUT(ctypes.Structure):
    _fields_ = (("dx", ctypes.c_int32), ("dy", ctypes.c_int32), ("mouseData", ctypes.c_uint32),
                ("dwFlags", ctypes.c_uint32), ("time", ctypes.c_uint32), ("dwExtraInfo", _ULONG_PTR))


class KEYBDINPUT(ctypes.Structure):
    _fields_ = (("wVk", ctypes.c_uint16), ("wScan", ctypes.c_uint16), ("dwFlags", ctypes.c_uint32),
                ("time", ctypes.c_uint32), ("dwExtraInfo", _ULONG_PTR))


class HARDWAREINPUT(ctypes.Structure):
    _fields_ = (("uMsg", ctypes.c_uint32), ("wParamL", ctypes.c_uint16), ("wParamH", ctypes.c_uint16))


class _INPUT_UNION(ctypes.Union):
    # MOUSEINPUT is the largest member: it sets the union's size, so SendInput's cbSize
    # (sizeof(INPUT): 40 on 64-bit, 28 on 32-bit Windows) matches what Windows expects.
    _fields_ = (("mi", MOUSEINPUT), ("ki", KEYBDINPUT), ("hi", HARDWAREINPUT))


class INPUT(ctypes.Structure):
    _anonymous_ = ("u",)
    _fields_ = (("type", ctypes.c_uint32), ("u", _INPUT_UNION))


ScanCode = Callable[[int], int]


def _no_scan(vk: int) -> int:
    return 0


def key_event(vk: int, up: bool = False, scan: ScanCode = _no_scan) -> INPUT:
    """One key going down or up, by virtual-key code (plus its scan code, for programs
    that read it)."""
    flags = (KEYEVENTF_KEYUP if up else 0) | (KEYEVENTF_EXTENDEDKEY if vk in _EXTENDED_VKS else 0)
    return INPUT(type=INPUT_KEYBOARD, ki=KEYBDINPUT(wVk=vk, wScan=scan(vk), dwFlags=flags))


def release_inputs(held: Iterable[int], scan: ScanCode = _no_scan) -> list[INPUT]:
    """Key-ups for the modifier keys in ``held`` (from HELD_MODIFIER_VKS), after a tap of
    the menu mask key when Alt or Win is among them (see VK_MENU_MASK)."""
    down = set(held)
    release = [vk for vk in HELD_MODIFIER_VKS if vk in down]
    inputs = []
    if down & {VK_LMENU, VK_RMENU, VK_LWIN, VK_RWIN}:
        inputs += [key_event(VK_MENU_MASK, scan=scan), key_event(VK_MENU_MASK, up=True, scan=scan)]
    return inputs + [key_event(vk, up=True, scan=scan) for vk in release]


def key_inputs(chord: Chord, held: Iterable[int] = (), count: int = 1, scan: ScanCode = _no_scan) -> list[INPUT]:
    """Exactly ``chord``, ``count`` times, for one SendInput call: the modifiers the user
    still holds (``held``, from GetAsyncKeyState) released first, so that the target
    gets Ctrl+V and not Ctrl+Alt+V; then the chord's modifiers pressed around the taps."""
    vk = vk_for_key(chord.key)
    if vk is None:
        raise KeyboardError(f"unknown key name {chord.key!r}")
    modifiers = [_CHORD_MODIFIER_VKS[name] for name in chord.modifiers]
    inputs = release_inputs(held, scan)
    inputs += [key_event(code, scan=scan) for code in modifiers]
    for _ in range(count):
        inputs += [key_event(vk, scan=scan), key_event(vk, up=True, scan=scan)]
    inputs += [key_event(code, up=True, scan=scan) for code in reversed(modifiers)]
    return inputs


def unicode_inputs(text: str, scan: ScanCode = _no_scan) -> list[INPUT]:
    """``text`` as KEYEVENTF_UNICODE key presses, independent of the keyboard layout (all
    of Chinese included): one press and release per UTF-16 code unit, so a character
    outside the BMP is its surrogate pair, as Windows programs expect it.

    A line break is Shift+Enter by virtual key, never a bare Enter, which sends the
    message in chat clients; a tab is the Tab key. Other control characters are dropped.
    """
    inputs: list[INPUT] = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char == "\n":
            inputs += [key_event(VK_SHIFT, scan=scan), key_event(VK_RETURN, scan=scan),
                       key_event(VK_RETURN, up=True, scan=scan), key_event(VK_SHIFT, up=True, scan=scan)]
        elif char == "\t":
            inputs += [key_event(VK_TAB, scan=scan), key_event(VK_TAB, up=True, scan=scan)]
        elif ord(char) >= 0x20 and not 0x7F <= ord(char) < 0xA0:
            encoded = char.encode("utf-16-le")
            for index in range(0, len(encoded), 2):
                unit = int.from_bytes(encoded[index:index + 2], "little")
                for flags in (KEYEVENTF_UNICODE, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP):
                    inputs.append(INPUT(type=INPUT_KEYBOARD, ki=KEYBDINPUT(wVk=0, wScan=unit, dwFlags=flags)))
    return inputs


def typing_runs(text: str) -> list[str]:
    """``text`` cut before each character outside the BMP (an emoji) that follows other
    keys, so that each such character starts a SendInput batch of its own.

    Qt programs (Qianniu among them) take a surrogate pair's two WM_CHARs as one input
    method commit at once, but queue every other key until their input queue is empty:
    within one batch ``A🙂B`` arrives as ``🙂AB``. A pair that starts a batch sent after
    the keys before it were taken in stays in its place; its two code units always go
    together, in order, in one batch.
    """
    runs: list[str] = []
    current = ""
    for char in text:
        if ord(char) > 0xFFFF and current and any(ord(earlier) <= 0xFFFF for earlier in current):
            runs.append(current)
            current = ""
        current += char
    return [*runs, current] if current else runs


# -- the Windows API, loaded on first use -----------------------------------------------


@functools.cache
def windows_dll(name: str) -> Any:
    """``ctypes.WinDLL(name)`` with ``use_last_error`` (read it with ctypes.get_last_error:
    GetLastError itself may be overwritten by Python before we get to it). Raises OSError
    off Windows."""
    loader = getattr(ctypes, "WinDLL", None)
    if loader is None:
        raise OSError(f"{name}.dll is only available on Windows")
    return loader(name, use_last_error=True)


def declare(dll: Any, prototypes: dict[str, tuple[Any, tuple[Any, ...]]]) -> None:
    """Sets restype and argtypes: without them ctypes passes and returns C ints, which
    truncates 64-bit handles (HWND) and pointers."""
    for function, (restype, argtypes) in prototypes.items():
        entry = getattr(dll, function)
        entry.restype, entry.argtypes = restype, argtypes


# -- threads with a message loop (the hotkey listener, the foreground watcher) -----------

WM_QUIT, WM_USER = 0x0012, 0x0400
PM_NOREMOVE = 0x0000


def message_loop_user32() -> Any:
    """user32 with the calls of a thread that owns a message loop."""
    user32 = windows_dll("user32")
    msg_p = ctypes.POINTER(wintypes.MSG)
    declare(user32, {
        "GetMessageW": (wintypes.BOOL, (msg_p, wintypes.HWND, wintypes.UINT, wintypes.UINT)),
        "PeekMessageW": (wintypes.BOOL, (msg_p, wintypes.HWND, wintypes.UINT, wintypes.UINT, wintypes.UINT)),
        "PostThreadMessageW": (wintypes.BOOL, (wintypes.DWORD, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM)),
    })
    return user32


def start_message_queue(user32: Any) -> int:
    """Gives the calling thread its message queue now; returns its thread id (for
    PostThreadMessageW). A thread gets its queue on its first message call: before
    that a message posted to it is lost, and under Wine a RegisterHotKey(NULL, …)
    from it crashes wineserver."""
    message = wintypes.MSG()
    user32.PeekMessageW(ctypes.byref(message), None, WM_USER, WM_USER, PM_NOREMOVE)
    kernel32 = windows_dll("kernel32")
    declare(kernel32, {"GetCurrentThreadId": (wintypes.DWORD, ())})
    return int(kernel32.GetCurrentThreadId())
