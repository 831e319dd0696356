"""The tray app end to end on Windows (under Wine): the acceptance of tests/e2e/test_app.py
with the Windows backend — RegisterHotKey, SendInput, the foreground window — and the
Windows clipboard, single instance and code page.

The keys are pressed with keybd_event from this process while a Wine window (the target,
a Qt text box run by the same Windows Python) has the focus, and the target logs what
it received, as in the X11 suite.
"""

from __future__ import annotations

import ctypes
import time

from PySide6.QtGui import QImage

from tests.e2e.app_process import MULTI_LINE, AppProcess, seed_test_book
from tests.e2e_windows.desktop import WindowsDesktop


def wait(condition, timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_phrase_hotkey_inserts_the_multi_line_reply_exactly(app, make_target, desktop: WindowsDesktop) -> None:
    target = make_target()
    desktop.press("ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    time.sleep(0.3)  # anything else (a leaked "1", an Enter) would arrive by now
    assert target.text() == MULTI_LINE and target.sends() == []


def test_picker_by_hotkey_pinyin_initials_and_enter(app, make_target, desktop: WindowsDesktop) -> None:
    target = make_target()
    desktop.press("ctrl+alt+q")
    picker = app.window_named("QuickReply picker", timeout=20)
    assert picker is not None and desktop.wait_focused(picker)
    desktop.type("fhtz")  # 发货通知: pinyin initials of the title
    desktop.press("return")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    assert desktop.wait_focused(target.window), "the chat window has the focus back"


def test_the_users_clipboard_text_survives_an_insertion(app, make_target, desktop: WindowsDesktop) -> None:
    target = make_target()
    desktop.set_clipboard_text("the user's own text 自己的")
    desktop.press("ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
    assert wait(lambda: desktop.clipboard_text() == "the user's own text 自己的")


def test_the_users_clipboard_image_survives_an_insertion(app, make_target, desktop: WindowsDesktop) -> None:
    target = make_target()
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    for y in range(48):
        for x in range(64):
            image.setPixel(x, y, 0xFF000000 | (x * 4 << 16) | (y * 5 << 8) | ((x ^ y) & 0xFF))
    png = desktop.png_format()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    desktop.set_clipboard({png: bytes(data)})
    desktop.press("ctrl+alt+1")
    assert target.wait_for_text(MULTI_LINE) == MULTI_LINE

    def restored() -> bool:
        raw = desktop.clipboard(png)
        return raw is not None and QImage.fromData(raw).convertToFormat(QImage.Format.Format_RGB32) == image

    assert wait(restored), "the image came back pixel for pixel"


def test_separate_messages_are_sent_one_by_one(app, make_target, desktop: WindowsDesktop) -> None:
    target = make_target()
    desktop.press("ctrl+alt+3")
    assert target.wait_for_text("请问有什么可以帮您？") == "请问有什么可以帮您？"
    assert target.sends() == ["亲，在的～"]  # the first part went out; the second waits in the box


def test_a_placeholder_reply_asks_for_the_name(app, make_target, desktop: WindowsDesktop) -> None:
    target = make_target()
    desktop.press("ctrl+alt+2")
    dialog = app.window_named("Fill in the reply", timeout=20)
    assert dialog is not None and desktop.wait_focused(dialog)
    desktop.type("Wang Xiaoming")
    desktop.press("return")
    assert target.wait_for_text("Wang Xiaoming您好，订单已发出") == "Wang Xiaoming您好，订单已发出"


def test_quickreply_pick_reaches_the_running_instance(app, make_target) -> None:
    make_target()
    result = app.command("pick")
    assert result.returncode == 0
    assert app.window_named("QuickReply picker", timeout=20) is not None


def test_a_second_quickreply_does_not_start_a_second_instance(app) -> None:
    second = app.command(timeout=60)
    assert second.returncode == 0 and "running" not in second.stdout
    assert app.process.poll() is None


def test_in_chinese_on_code_page_936(desktop: WindowsDesktop, make_target, tmp_path) -> None:
    """A Chinese Windows: the ANSI code page is GBK's, the app follows the display
    language into Chinese, a Chinese reply still arrives exactly, and the command line's
    Chinese output survives the pipe."""
    assert ctypes.windll.kernel32.GetACP() == 936
    home = tmp_path / "home"
    seed_test_book(home)
    app = AppProcess(desktop, home, language="zh")
    try:
        target = make_target()
        desktop.press("ctrl+alt+q")
        picker = app.window_named("QuickReply 选择回复", timeout=20)
        assert picker is not None and desktop.wait_focused(picker)
        desktop.type("fhtz")
        desktop.press("return")
        assert target.wait_for_text(MULTI_LINE) == MULTI_LINE
        listing = app.command("list", "--book", "e2e")
        assert listing.returncode == 0 and "发货通知" in listing.stdout
    finally:
        assert "Traceback" not in app.stop()
