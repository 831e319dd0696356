"""The inserter's copy of the user's clipboard (the paste itself is tested end to end)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from ui.replies.clipboard_copy import copy_mime_data

PNG = b"\x89PNG\r\n\x1a\n"


def test_the_copy_keeps_every_mime_format_and_leaves_out_selection_targets(qapp) -> None:
    source = QMimeData()
    source.setText("您好")
    source.setData("image/png", PNG)
    source.setData("x-special/gnome-copied-files", b"copy\nfile:///tmp/a")
    for target in ("TARGETS", "TIMESTAMP", "MULTIPLE", "SAVE_TARGETS", "COMPOUND_TEXT"):
        source.setData(target, b"\x00\x01")
    source.setData("text/plain;charset=utf-8", "您好".encode())  # Qt serves it again from text/plain
    copy = copy_mime_data(source)
    assert sorted(copy.formats()) == ["image/png", "text/plain", "x-special/gnome-copied-files"]
    assert (copy.text(), bytes(copy.data("image/png"))) == ("您好", PNG)


def test_a_text_offered_only_with_a_charset_is_kept(qapp) -> None:
    source = QMimeData()
    source.setData("text/plain;charset=utf-8", "您好".encode())
    assert copy_mime_data(source).formats() == ["text/plain;charset=utf-8"]


def test_no_clipboard_gives_an_empty_copy(qapp) -> None:
    assert copy_mime_data(None).formats() == []
