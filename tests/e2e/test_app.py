"""The tray app end to end: hotkeys, the picker, the clipboard, the instance, placeholders.

Each test drives the real app (a child process) with xdotool on Xvfb+openbox and reads
what a real Qt text box in a third process received.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from tests.e2e.app_process import MULTI_LINE, AppProcess, seed_test_book
from tests.e2e.clipboard import wait_for_clipboard


def test_phrase_hotkey_inserts_the_multi_line_reply_exactly(app, make_target, xserver) -> None:
    target = make_target()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    time.sleep(0.3)  # anything else (a leaked "1", an Enter) would arrive by now
    assert target.text() == MULTI_LINE and target.sends() == []


def test_picker_by_hotkey_pinyin_initials_and_enter(app, make_target, xserver) -> None:
    target = make_target()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
    picker = app.window_named("QuickReply picker")
    assert picker is not None and xserver.wait_focused(picker)
    xserver.xdotool("type", "--delay", "20", "fhtz")  # 发货通知: pinyin initials of the title
    xserver.xdotool("key", "Return")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    assert app.active_window() == target.window


def test_a_copied_buyers_message_is_answered_by_the_first_suggestion_and_kept_nowhere(
        app, make_target, xserver) -> None:
    message = "在吗？我的包裹发出了没有 QR-E2E-7731"
    target = make_target()
    subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=xserver.env,
                     stdin=subprocess.PIPE).communicate(message.encode(), timeout=10)
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
    picker = app.window_named("QuickReply picker")
    assert picker is not None and xserver.wait_focused(picker)
    time.sleep(0.5)  # the suggestions come just after the picker shows
    xserver.xdotool("key", "Return")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    errors = app.stop()  # the log is complete once the app has quit
    assert "Traceback" not in errors, errors
    for path in app.home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for form in (message, "QR-E2E-7731", "包裹发出了没有"):
                assert form.encode() not in data and form.encode("utf-16-le") not in data, path


def test_the_users_clipboard_text_survives_an_insertion(app, make_target, xserver) -> None:
    target = make_target()
    holder = subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=xserver.env, stdin=subprocess.PIPE)
    holder.communicate(b"the user's own text", timeout=10)
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    assert wait_for_clipboard(xserver, b"the user's own text") == b"the user's own text"


def test_a_copy_made_just_before_the_hotkey_is_the_one_put_back(app, make_target, xserver) -> None:
    # The app copies the user's clipboard ahead of time; a newer copy, made after that
    # one and an instant before the hotkey, must win over it.
    target = make_target()
    for text, settle in ((b"copied first", 1.0), (b"copied last", 0)):
        subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=xserver.env,
                         stdin=subprocess.PIPE).communicate(text, timeout=10)
        time.sleep(settle)
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    assert wait_for_clipboard(xserver, b"copied last") == b"copied last"


def test_the_users_clipboard_image_survives_an_insertion(app, make_target, xserver, tmp_path: Path) -> None:
    target = make_target()
    image = xserver.screenshot(tmp_path / "image.png").read_bytes()
    holder = subprocess.Popen(["xclip", "-selection", "clipboard", "-t", "image/png", "-i"], env=xserver.env,
                              stdin=subprocess.PIPE)
    holder.communicate(image, timeout=10)
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    assert wait_for_clipboard(xserver, image, "-t", "image/png") == image


def test_f2_names_the_conversation_and_the_keyboard_stays_with_the_picker(app, make_target, xserver) -> None:
    target = make_target()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
    picker = app.window_named("QuickReply picker")
    assert picker is not None and xserver.wait_focused(picker)
    for attempt in range(3):  # it used to fail most times, not every time
        xserver.xdotool("key", "F2")
        dialog = app.window_named("Name the conversation")
        assert dialog is not None and xserver.wait_focused(dialog), attempt
        xserver.xdotool("key", "ctrl+a")
        xserver.xdotool("type", "--delay", "20", f"Wang {attempt}")
        xserver.xdotool("key", "Return")
        assert xserver.wait_focused(picker), attempt
    time.sleep(0.3)
    assert target.text() == "" and target.sends() == []  # nothing reached the buyer
    xserver.xdotool("type", "--delay", "20", "fhtz")
    xserver.xdotool("key", "Return")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE


def test_the_same_reply_twice_asks_first_and_escape_sends_nothing(xserver, make_target, tmp_path: Path) -> None:
    """The phrase's hotkey twice into one chat window: the second time the question
    shows before anything goes, and Escape leaves the buyer one copy."""
    home = tmp_path / "home"
    seed_test_book(home)
    app = AppProcess(xserver, home, warn_repeated_reply=True)
    try:
        target = make_target()
        xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
        assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
        deadline = time.monotonic() + 5  # the insertion is recorded just after the paste
        while not json.loads((home / "conversations.json").read_text("utf-8"))["insertions"]:
            assert time.monotonic() < deadline, "the insertion was not recorded"
            time.sleep(0.05)
        target.activate()
        xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
        question = app.window_named(r"Same reply again\?")
        assert question is not None and xserver.wait_focused(question)
        xserver.xdotool("key", "Escape")
        assert xserver.wait_focused(target.window)
        time.sleep(0.3)
        assert target.text() == MULTI_LINE and target.sends() == []
    finally:
        errors = app.stop()
    assert "Traceback" not in errors, errors


def test_quickreply_pick_reaches_the_running_instance(app, make_target) -> None:
    make_target()
    result = app.command("pick")
    assert result.returncode == 0
    assert app.window_named("QuickReply picker") is not None


def test_a_second_quickreply_does_not_start_a_second_instance(app) -> None:
    second = app.command(timeout=20)
    assert second.returncode == 0 and "running" not in second.stdout
    assert app.process.poll() is None


def test_a_placeholder_reply_asks_for_the_name(app, make_target, xserver) -> None:
    target = make_target()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+2")
    dialog = app.window_named("Fill in the reply")
    assert dialog is not None and xserver.wait_focused(dialog)
    # An ASCII name: xdotool's own typing of CJK (keymap swapping) can drop characters.
    xserver.xdotool("type", "--delay", "20", "Wang Xiaoming")
    xserver.xdotool("key", "Return")
    assert target.wait_for_text("Wang Xiaoming您好，订单已发出") == "Wang Xiaoming您好，订单已发出"


def test_separate_messages_are_sent_one_by_one(app, make_target, xserver) -> None:
    target = make_target()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+3")
    assert target.wait_for_text("请问有什么可以帮您？") == "请问有什么可以帮您？"
    assert target.sends() == ["亲，在的～"]  # the first part went out; the second waits in the box


#: How long the slow target is busy when the paste chord arrives: far behind the clipboard
#: manager (milliseconds), well within the app's wait for the paste (1.5 s by default).
SLOW_PASTE_MS = 400


def test_a_clipboard_manager_reading_first_does_not_cost_a_slow_target_the_reply(
        app, make_target, clipboard_manager, xserver) -> None:
    target = make_target(paste_delay_ms=SLOW_PASTE_MS)
    subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=xserver.env,
                     stdin=subprocess.PIPE).communicate(b"the user's own text", timeout=10)
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    arrived = next(event["t_ns"] for event in target.events() if event["text"] == MULTI_LINE)
    assert any(read["text"] == MULTI_LINE and read["t_ns"] < arrived for read in clipboard_manager.reads())
    assert wait_for_clipboard(xserver, b"the user's own text") == b"the user's own text"
    assert target.text() == MULTI_LINE and target.sends() == []


def test_separate_messages_reach_a_slow_target_in_order_despite_a_clipboard_manager(
        app, make_target, clipboard_manager, xserver) -> None:
    target = make_target(paste_delay_ms=SLOW_PASTE_MS)
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+3")
    assert target.wait_for_text("请问有什么可以帮您？") == "请问有什么可以帮您？"
    assert target.sends() == ["亲，在的～"]
    assert [read["text"] for read in clipboard_manager.reads()][:2] == ["亲，在的～", "请问有什么可以帮您？"]


def test_the_caret_ends_where_the_reply_says(app, make_target, xserver) -> None:
    target = make_target()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+4")
    assert target.wait_for_text("订单号：，请核对") == "订单号：，请核对"
    xserver.xdotool("type", "--delay", "20", "12345")
    assert target.wait_for_text("订单号：12345，请核对") == "订单号：12345，请核对"


def test_with_a_system_tray_the_app_lives_in_the_tray(xserver, tmp_path: Path) -> None:
    tray = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--SetDockType", "true"],
                            env=xserver.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)  # trayer claims the tray selection
        app = AppProcess(xserver, tmp_path / "tray-home")
        try:
            # An embedded icon appears in the tray; no fallback window does.
            assert app.window_named("QuickReply", timeout=2) is None
            assert app.command("pick").returncode == 0
            assert app.window_named("QuickReply picker") is not None
        finally:
            app.stop()
    finally:
        tray.terminate()
        tray.wait(5)
