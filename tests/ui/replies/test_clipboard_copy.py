"""The copy of the user's clipboard made ahead of time, and when it is not used (on the
offscreen platform the app never owns the clipboard, as with another program's copy; the real
clipboard count is tested on X11 in tests/e2e/test_x11_desktop.py, the whole paste in
tests/e2e/test_app.py)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from ui.replies.clipboard_copy import COPY_AHEAD_DELAY_MS, ClipboardCopy


class Count:
    """The desktop's clipboard count, moved by the test where a real desktop would."""

    def __init__(self) -> None:
        self.value, self.reads = 0, 0

    def __call__(self) -> int:
        self.reads += 1
        return self.value


def copied_ahead(qtbot, count: Count, text: str) -> ClipboardCopy:
    copies = ClipboardCopy(count)
    QGuiApplication.clipboard().setText(text)
    count.value += 1
    qtbot.waitUntil(lambda: copies._ahead is not None, timeout=COPY_AHEAD_DELAY_MS * 10)
    return copies


def test_an_unchanged_clipboard_is_taken_from_the_copy_made_ahead(qtbot) -> None:
    count = Count()
    copies = copied_ahead(qtbot, count, "the user's text")
    ahead = copies._ahead
    reads = count.reads
    taken = copies.take()
    assert taken is ahead[1] and taken.text() == "the user's text"
    assert count.reads == reads + 1  # one look at the count, no new copy


def test_a_change_the_count_saw_makes_a_new_copy(qtbot) -> None:
    count = Count()
    copies = copied_ahead(qtbot, count, "older text")
    ahead = copies._ahead
    count.value += 1  # another program took the clipboard; Qt has not said so yet
    taken = copies.take()
    assert taken is not ahead[1] and taken.text() == "older text"
    assert copies._ahead is None  # a copy is handed out once


def test_without_a_count_every_take_is_a_new_copy(qtbot) -> None:
    copies = ClipboardCopy(None)
    QGuiApplication.clipboard().setText("now")
    qtbot.wait(COPY_AHEAD_DELAY_MS * 2)
    assert copies._ahead is None and copies.take().text() == "now"
