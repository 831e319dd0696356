"""The X11 desktop adapters against a real X server: grabs, XTest injection, EWMH.

Negative checks ("this did not fire", "nothing leaked") never sleep and hope: they send
a sentinel afterwards and wait for it, relying on the X server delivering in order.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("Xlib", reason="python-xlib is only a dependency on Linux")

from Xlib import XK, X, Xatom
from Xlib.display import Display

from assistant.desktop.base import HotkeyListener, Keyboard, Windows
from assistant.desktop.chords import parse_chord
from assistant.desktop.x11.clipboard import X11ClipboardSerial
from assistant.desktop.x11.common import Keymap
from assistant.desktop.x11.hotkeys import MAX_RESTARTS, X11HotkeyListener
from assistant.desktop.x11.keyboard import X11Keyboard
from assistant.desktop.x11.windows import X11Windows
from tests.e2e.xserver import XServer

if TYPE_CHECKING:
    from tests.e2e.target import Target

WAIT = 5.0


def wait_until(condition: Callable[[], bool], timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


class Hotkeys:
    """A listener on the test display and what it reported."""

    def __init__(self, xserver: XServer):
        self.fired: queue.SimpleQueue[str] = queue.SimpleQueue()
        self.problems: list[str] = []
        self.listener = X11HotkeyListener(self.fired.put, self.problems.append, display_name=xserver.display)

    def next(self, timeout: float = WAIT) -> str | None:
        try:
            return self.fired.get(timeout=timeout)
        except queue.Empty:
            return None

    def start(self, **chords: str) -> None:
        self.listener.set_hotkeys({name: parse_chord(text) for name, text in chords.items()})
        assert self.listener.start() == {}


@pytest.fixture
def hotkeys(xserver: XServer) -> Iterator[Hotkeys]:
    made = Hotkeys(xserver)
    yield made
    made.listener.stop()


@pytest.fixture
def keyboard(xserver: XServer) -> Iterator[X11Keyboard]:
    made = X11Keyboard(xserver.display)
    yield made
    made.close()


@pytest.fixture
def windows(xserver: XServer) -> Iterator[X11Windows]:
    made = X11Windows(xserver.display)
    yield made
    made.close()


@pytest.fixture
def probe(xserver: XServer) -> Iterator[Display]:
    """A connection of the test's own, to look at the server state."""
    display = Display(xserver.display)
    yield display
    display.close()


def input_focus(display: Display) -> int:
    focus = display.get_input_focus().focus
    return getattr(focus, "id", 0)


@pytest.fixture
def focused_target(make_target, probe) -> Callable[..., Target]:
    """``make_target``, and then wait for the keyboard focus as well.

    ``windowactivate --sync`` returns once openbox names the window in
    _NET_ACTIVE_WINDOW, but openbox moves the input focus up to half a second later
    when it is busy, e.g. after keyboard map changes (which these tests make): keys
    typed in between go to the wrong window.
    """

    def make(title: str = "王小明 - 接待中心") -> Target:
        made = make_target(title)
        assert wait_until(lambda: input_focus(probe) == made.window), "the target never got the keyboard focus"
        return made

    return make


def churn_keymap(display: Display, rounds: int = 5) -> None:
    """Changes the keyboard map a few times, as typing borrowed characters does: the window
    manager then handles activation late."""
    spare = Keymap.load(display).spare_keycodes()[:5]
    for round_number in range(rounds):
        for offset, keycode in enumerate(spare):
            display.change_keyboard_mapping(keycode, [(0x01004E00 + round_number * 8 + offset,) * 2])
    for keycode in spare:
        display.change_keyboard_mapping(keycode, [(X.NoSymbol, X.NoSymbol)])
    display.sync()


def press(xserver: XServer, chord: str) -> None:
    xserver.xdotool("key", "--clearmodifiers", chord)


def modifier_state(display: Display) -> int:
    return display.screen().root.query_pointer().mask


def test_the_backends_implement_the_protocols(hotkeys, keyboard, windows) -> None:
    assert isinstance(hotkeys.listener, HotkeyListener)
    assert isinstance(keyboard, Keyboard)
    assert isinstance(windows, Windows)


# -- hotkeys ---------------------------------------------------------------------------


def test_a_grabbed_chord_fires_once_and_the_target_receives_nothing(xserver, focused_target, hotkeys) -> None:
    target = focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    press(xserver, "ctrl+alt+1")
    assert hotkeys.next() == "reply1"
    xserver.xdotool("type", "z")
    assert target.wait_for_text("z") == "z"  # "1" would have arrived before the "z"
    assert hotkeys.fired.empty()


def test_holding_a_chord_fires_once_despite_auto_repeat(xserver, focused_target, hotkeys) -> None:
    focused_target()
    hotkeys.start(reply1="ctrl+alt+1", sentinel="ctrl+alt+2")
    xserver.xdotool("keydown", "ctrl+alt+1")
    time.sleep(1.0)  # holding the key is the point: Xvfb starts repeating after 660 ms
    xserver.xdotool("keyup", "1", "alt", "ctrl")
    press(xserver, "ctrl+alt+2")
    assert [hotkeys.next(), hotkeys.next()] == ["reply1", "sentinel"]


def _wakeups(thread_id: int) -> int:
    status = Path(f"/proc/self/task/{thread_id}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("voluntary_ctxt_switches")))


def test_the_idle_listener_sleeps(hotkeys) -> None:
    """No polling loop: while nothing happens, the thread does not wake up at all."""
    hotkeys.start(reply1="ctrl+alt+1")
    thread = hotkeys.listener._thread
    assert thread is not None and thread.native_id is not None
    before = _wakeups(thread.native_id)
    time.sleep(0.5)
    assert _wakeups(thread.native_id) - before <= 1


def test_a_chord_with_an_extra_modifier_does_not_fire(xserver, focused_target, hotkeys) -> None:
    focused_target()
    hotkeys.start(reply1="ctrl+alt+1", sentinel="ctrl+alt+2")
    press(xserver, "ctrl+alt+shift+1")
    press(xserver, "ctrl+alt+2")
    assert hotkeys.next() == "sentinel"


@pytest.mark.parametrize(("lock_key", "mask"), [("Num_Lock", X.Mod2Mask), ("Caps_Lock", X.LockMask)])
def test_a_chord_fires_with_a_lock_key_on(xserver, focused_target, hotkeys, probe, lock_key, mask) -> None:
    target = focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    xserver.xdotool("key", lock_key)
    try:
        assert modifier_state(probe) & mask
        xserver.xdotool("key", "ctrl+alt+1")  # no --clearmodifiers: it would switch the lock off
        assert hotkeys.next() == "reply1"
    finally:
        xserver.xdotool("key", lock_key)
    assert not modifier_state(probe) & mask
    xserver.xdotool("type", "z")
    assert target.wait_for_text("z") == "z"


def test_a_chord_grabbed_by_another_program_is_reported(xserver, focused_target, hotkeys, probe) -> None:
    focused_target()
    root = probe.screen().root
    keycode = probe.keysym_to_keycode(XK.XK_3)
    root.grab_key(keycode, X.ControlMask | X.Mod1Mask, False, X.GrabModeAsync, X.GrabModeAsync)
    probe.sync()
    hotkeys.start()
    failures = hotkeys.listener.set_hotkeys({"mine": parse_chord("ctrl+alt+3"), "free": parse_chord("ctrl+alt+4")})
    assert failures == {"mine": "Ctrl+Alt+3 is already taken by another program"}
    press(xserver, "ctrl+alt+4")
    assert hotkeys.next() == "free"


def test_a_second_listener_reports_the_first_ones_chords_at_start(xserver, focused_target, hotkeys) -> None:
    focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    other = X11HotkeyListener(lambda name: None, display_name=xserver.display)
    other.set_hotkeys({"copy": parse_chord("ctrl+alt+1"), "own": parse_chord("ctrl+alt+5")})
    try:
        assert other.start() == {"copy": "Ctrl+Alt+1 is already taken by another program"}
    finally:
        other.stop()


def test_replacing_the_hotkeys_releases_the_old_chord(xserver, focused_target, hotkeys) -> None:
    target = focused_target()
    hotkeys.start(old="ctrl+alt+1")
    assert hotkeys.listener.set_hotkeys({"new": parse_chord("ctrl+alt+2")}) == {}
    press(xserver, "ctrl+alt+1")
    assert target.wait_for_text("1") == "1"  # no longer grabbed: Qt types Ctrl+Alt+1 as "1"
    press(xserver, "ctrl+alt+2")
    assert hotkeys.next() == "new"
    assert target.text() == "1"


def test_a_hotkey_held_while_the_hotkeys_are_replaced_still_fires(xserver, focused_target, hotkeys) -> None:
    target = focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    xserver.xdotool("keydown", "ctrl+alt+1")
    try:
        both = {"reply1": parse_chord("ctrl+alt+1"), "reply2": parse_chord("ctrl+alt+2")}
        assert hotkeys.listener.set_hotkeys(both) == {}  # the app re-applies its hotkeys often
    finally:
        xserver.xdotool("keyup", "1", "alt", "ctrl")
    assert hotkeys.next() == "reply1"
    xserver.xdotool("type", "z")
    assert target.wait_for_text("z") == "z"
    assert hotkeys.fired.empty()


def test_stop_releases_every_chord(xserver, focused_target, hotkeys) -> None:
    target = focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    hotkeys.listener.stop()
    assert not hotkeys.listener.alive
    press(xserver, "ctrl+alt+1")
    assert target.wait_for_text("1") == "1"
    assert hotkeys.fired.empty()


def test_the_listener_reconnects_after_losing_its_connection(xserver, focused_target, hotkeys) -> None:
    focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    hotkeys.listener.simulate_connection_loss()
    assert wait_until(lambda: hotkeys.listener.connections == 2)
    # The request is served by the new connection's loop, so the grabs are in place.
    assert hotkeys.listener.set_hotkeys({"reply1": parse_chord("ctrl+alt+1")}) == {}
    press(xserver, "ctrl+alt+1")
    assert hotkeys.next() == "reply1"
    assert hotkeys.listener.alive
    assert hotkeys.problems == []


def test_the_listener_gives_up_after_repeated_failures_and_says_so(xserver, hotkeys) -> None:
    hotkeys.start(reply1="ctrl+alt+1")
    for attempt in range(MAX_RESTARTS):
        hotkeys.listener.simulate_connection_loss()
        assert wait_until(lambda attempt=attempt: hotkeys.listener.connections == attempt + 2)
        assert hotkeys.listener.set_hotkeys({"reply1": parse_chord("ctrl+alt+1")}) == {}
    hotkeys.listener.simulate_connection_loss()
    assert wait_until(lambda: not hotkeys.listener.alive)
    assert len(hotkeys.problems) == 1
    assert "Global hotkeys stopped" in hotkeys.problems[0]


# -- keyboard --------------------------------------------------------------------------


@pytest.fixture
def clipboard(xserver: XServer) -> Iterator[Callable[[str], None]]:
    """Puts text on the CLIPBOARD with xclip, which serves it until the test ends."""
    servers: list[subprocess.Popen] = []

    def put(text: str) -> None:
        server = subprocess.Popen(["xclip", "-selection", "clipboard", "-quiet"], stdin=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=xserver.env)
        servers.append(server)
        assert server.stdin is not None
        server.stdin.write(text.encode("utf-8"))
        server.stdin.close()
        assert wait_until(lambda: subprocess.run(
            ["xclip", "-o", "-selection", "clipboard"], env=xserver.env, capture_output=True,
            timeout=10).stdout == text.encode("utf-8"))

    yield put
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def test_the_clipboard_count_sees_another_programs_copy_at_once(xserver, clipboard) -> None:
    serial = X11ClipboardSerial(xserver.display)
    before = serial()
    assert serial() == before  # nothing changed
    clipboard("复制 one")
    after = serial()
    assert after > before and serial() == after
    clipboard("复制 two")
    assert serial() > after


def test_send_chord_pastes_even_while_the_user_holds_ctrl_alt(xserver, focused_target, keyboard, clipboard) -> None:
    clipboard("粘贴 test")
    target = focused_target()
    xserver.xdotool("keydown", "ctrl", "alt")
    try:
        keyboard.send_chord(parse_chord("ctrl+v"))
    finally:
        xserver.xdotool("keyup", "ctrl", "alt")
    assert target.wait_for_text("粘贴 test") == "粘贴 test"


def test_a_paste_sent_when_a_hotkey_fires_reaches_the_target(
        xserver, focused_target, hotkeys, keyboard, clipboard) -> None:
    """The whole reason for the listener and the keyboard: a hotkey, then a paste. While
    the chord's key is down X sends every key, injected ones too, to the grabbing
    client, so the hotkey must not fire (and the app must not paste) before then."""
    clipboard("粘贴 test")
    target = focused_target()
    hotkeys.start(reply1="ctrl+alt+1")
    xserver.xdotool("keydown", "ctrl+alt+1")
    try:
        fired = hotkeys.next(timeout=0.3)  # a listener firing on the press fires here
        if fired is None:
            xserver.xdotool("keyup", "1")  # the user lets go of "1" but still holds Ctrl+Alt
            fired = hotkeys.next()
        keyboard.send_chord(parse_chord("ctrl+v"))
    finally:
        xserver.xdotool("keyup", "1", "alt", "ctrl")
    assert fired == "reply1"
    assert target.wait_for_text("粘贴 test") == "粘贴 test"


def test_type_text_types_chinese_and_line_breaks_without_sending(focused_target, keyboard) -> None:
    target = focused_target()
    keyboard.type_text("亲，您好！\nhello ABC")
    assert target.wait_for_text("亲，您好！\nhello ABC") == "亲，您好！\nhello ABC"
    assert target.sends() == []


def test_type_text_with_more_characters_than_spare_keycodes(focused_target, keyboard, probe) -> None:
    spare = Keymap.load(probe).spare_keycodes()
    text = "亲，您好！感谢您的耐心等待。我们已经为您查询到订单的物流信息，包裹预计明天下午送达，请注意查收快递电话。"
    assert len(set(text)) > 2 * len(spare)
    target = focused_target()
    keyboard.type_text(text)
    keyboard.type_text(text[:10])  # again, now that the borrowed keycodes carry other characters
    assert target.wait_for_text(text + text[:10]) == text + text[:10]
    keyboard.restore_keymap()
    assert Keymap.load(probe).spare_keycodes() == spare


def test_type_text_with_caps_lock_on(xserver, focused_target, keyboard, probe) -> None:
    target = focused_target()
    xserver.xdotool("key", "Caps_Lock")
    try:
        assert modifier_state(probe) & X.LockMask
        keyboard.type_text("aB1!")
        assert target.wait_for_text("aB1!") == "aB1!"
    finally:
        xserver.xdotool("key", "Caps_Lock")


def test_the_keyboard_follows_a_keymap_changed_by_another_program(focused_target, keyboard, probe) -> None:
    """The maps are kept between calls: a change by another program must still be seen."""
    target = focused_target()
    keyboard.type_text("x")  # the keyboard has read the maps
    a_keycode = probe.keysym_to_keycode(XK.XK_a)
    old = probe.get_keyboard_mapping(a_keycode, 1)[0]
    spare = Keymap.load(probe).spare_keycodes()[0]
    probe.change_keyboard_mapping(a_keycode, [(XK.XK_q, XK.XK_Q)])  # "a" moves to a spare key
    probe.change_keyboard_mapping(spare, [(XK.XK_a, XK.XK_A)])
    probe.sync()
    try:
        keyboard.type_text("a")
        assert target.wait_for_text("xa") == "xa"  # "xq" from the old map
    finally:
        probe.change_keyboard_mapping(a_keycode, [tuple(old)])
        probe.change_keyboard_mapping(spare, [(X.NoSymbol, X.NoSymbol)])
        probe.sync()


def test_send_key_moves_the_caret(focused_target, keyboard) -> None:
    target = focused_target()
    keyboard.type_text("abcdef")
    keyboard.send_key("left", 3)
    keyboard.type_text("X")
    assert target.wait_for_text("abcXdef") == "abcXdef"


def test_send_key_return_sends_the_message(focused_target, keyboard) -> None:
    target = focused_target()
    keyboard.type_text("hi")
    keyboard.send_key("return")
    assert wait_until(lambda: target.sends() == ["hi"])


# -- windows ---------------------------------------------------------------------------


def test_active_window_describes_the_target(focused_target, windows) -> None:
    target = focused_target()
    info = windows.active_window()
    assert info is not None
    assert (info.id, info.title, info.wm_class, info.pid) == (
        target.window, "王小明 - 接待中心", "target_app.py", target.process.pid)
    assert info.executable == os.path.basename(os.path.realpath(sys.executable)), "the program, from /proc/PID/exe"


def test_active_window_is_none_when_the_active_window_has_vanished(focused_target, windows, probe) -> None:
    target = focused_target()
    root = probe.screen().root
    active = probe.intern_atom("_NET_ACTIVE_WINDOW")
    root.change_property(active, Xatom.WINDOW, 32, [0x7FFFFFF])  # as if it closed just now
    probe.sync()
    try:
        assert windows.active_window() is None
    finally:
        root.change_property(active, Xatom.WINDOW, 32, [target.window])
        probe.sync()


def test_activate_switches_between_windows(focused_target, windows) -> None:
    first, second = focused_target("first"), focused_target("second")
    for target in (first, second, first):
        started = time.monotonic()
        windows.activate(target.window)
        assert windows.wait_until_active(target.window, timeout=2.0)
        assert time.monotonic() - started < 1.0
        info = windows.active_window()
        assert info is not None and info.title == target.title


def test_wait_until_active_gives_up_at_the_timeout(focused_target, windows) -> None:
    focused_target()
    started = time.monotonic()
    assert not windows.wait_until_active(0x7FFFFFF, timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 1.0


def test_wait_until_active_waits_for_the_keyboard_focus(make_target, windows, probe) -> None:
    """A window that reuses the id of one just closed can be named active by a busy
    openbox (it still holds the closed one as active) before it has the focus, and
    ``windowactivate --sync`` returns then; a paste sent in that gap lands elsewhere."""
    reused = 0
    for attempt in range(3):
        closed = make_target(f"closed {attempt}")
        closed.close()
        churn_keymap(probe, rounds=3)
        target = make_target(f"window {attempt}")
        reused += target.window == closed.window
        assert windows.wait_until_active(target.window, timeout=3.0)
        assert input_focus(probe) == target.window
    assert reused  # else this test did not make the situation it is about


def test_the_watcher_reports_a_switch_of_the_active_window(make_target, xserver) -> None:
    import threading

    from assistant.desktop.x11.watch import X11ActiveWindowWatcher

    first = make_target("first chat")
    second = make_target("second chat")
    changed = threading.Event()
    watcher = X11ActiveWindowWatcher(changed.set, xserver.display)
    watcher.start()
    try:
        first.activate()
        assert changed.wait(5)
        changed.clear()
        second.activate()
        assert changed.wait(5)
    finally:
        watcher.stop()


def test_the_title_watcher_follows_every_window_active_or_not(make_target, xserver) -> None:
    """A buyer's message retitles a chat window in the background: every top-level
    window is followed, windows opened later too, each title reported once."""
    import queue

    from assistant.desktop.x11.titles import X11TitleWatcher
    from tests.e2e.target import reported_title

    first = make_target("买家A")
    reported: queue.Queue = queue.Queue()
    watcher = X11TitleWatcher(reported.put, xserver.display)
    watcher.start()

    try:
        assert reported_title(reported, first.window) == "买家A", "a window already open is reported at the start"
        second = make_target("李华")  # opened later, and now the active window
        assert reported_title(reported, second.window) == "李华"
        assert second.window == xserver.active_window()
        xserver.xdotool("set_window", "--name", "(1) 买家A", str(first.window))
        info = reported.get(timeout=5)
        assert (info.id, info.title, info.pid) == (first.window, "(1) 买家A", first.process.pid)
        xserver.xdotool("set_window", "--name", "(1) 买家A", str(first.window))  # the same title again
        xserver.xdotool("set_window", "--name", "(2) 买家A", str(first.window))
        assert reported.get(timeout=5).title == "(2) 买家A"
        first.close()
        xserver.xdotool("set_window", "--name", "(1) 李华", str(second.window))
        assert reported.get(timeout=5).title == "(1) 李华"
        assert reported.empty()
    finally:
        watcher.stop()
