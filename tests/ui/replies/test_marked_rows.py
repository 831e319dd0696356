"""The matched letters of a result row are painted in bold, the rest as plain text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QImage
from PySide6.QtWidgets import QApplication, QListWidget

from ui.replies.marked_rows import SPANS_ROLE, MarkedRowDelegate, pieces

TEXT = "refund goes back to the original payment"


def ink(image: QImage, left: int, right: int) -> int:
    """How many pixels between the columns ``left`` and ``right`` are darker than mid grey."""
    return sum(1 for x in range(left, right) for y in range(image.height())
               if image.pixelColor(x, y).lightness() < 128)


def painted(qtbot, spans: list[tuple[int, int]] | None) -> QImage:
    rows = QListWidget()
    qtbot.addWidget(rows)
    rows.setItemDelegate(MarkedRowDelegate(rows))
    rows.resize(520, 60)
    rows.addItem(TEXT)
    if spans is not None:
        rows.item(0).setData(SPANS_ROLE, spans)
    rect = rows.visualItemRect(rows.item(0))
    return rows.viewport().grab(rect).toImage()


def test_pieces_cut_the_text_at_the_spans() -> None:
    assert list(pieces("abcdef", [(1, 3), (4, 5)])) == [("a", False), ("bc", True), ("d", False), ("e", True),
                                                         ("f", False)]


def test_the_matched_word_is_bold_and_the_rest_plain(qtbot) -> None:
    plain, marked = painted(qtbot, None), painted(qtbot, [(0, 6)])
    assert ink(marked, 0, marked.width()) > 0 and ink(plain, 0, plain.width()) > 0
    bold = QFont(QApplication.font())
    bold.setBold(True)
    if not QFontInfo(bold).bold():
        pytest.skip("no font here has a bold face (Wine's offscreen platform finds no fonts at all)")
    word_end = plain.width() // 8  # "refund" lies in the first eighth of the row
    assert ink(marked, 0, word_end) > ink(plain, 0, word_end) * 1.15, "the matched word is heavier"
    # The rest is drawn too, at most a bold word's extra width further right.
    assert abs(ink(marked, word_end + 20, marked.width()) - ink(plain, word_end + 20, plain.width())) \
        < ink(plain, word_end + 20, plain.width()) * 0.1
