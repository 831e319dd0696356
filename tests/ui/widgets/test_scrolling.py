"""Tall content scrolls, the buttons under it stay in view and come after it in the Tab
order, and a window is first sized as if there were no scroll area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets.scrolling import ScrollArea, scroll_above


def tall_window(qtbot) -> tuple[QWidget, ScrollArea, list[QPlainTextEdit], QPushButton]:
    window = QWidget()
    qtbot.addWidget(window)
    fields = [QPlainTextEdit(window) for _ in range(4)]
    button = QPushButton("Save", window)
    content = QVBoxLayout()
    for field in fields:
        field.setMinimumHeight(200)
        content.addWidget(field)
    return window, scroll_above(window, content, button), fields, button


def test_a_window_shorter_than_its_content_scrolls_and_keeps_its_buttons(qtbot) -> None:
    window, area, _fields, button = tall_window(qtbot)
    window.resize(300, 300)
    window.show()
    qtbot.waitExposed(window)
    assert window.height() == 300
    assert area.verticalScrollBar().maximum() > 0
    assert window.rect().contains(button.geometry()) and button.isVisible()


def test_the_buttons_come_after_the_content_in_the_tab_order(qtbot) -> None:
    window, area, fields, button = tall_window(qtbot)
    chain = [window.nextInFocusChain()]
    while chain[-1] is not window:
        chain.append(chain[-1].nextInFocusChain())
    assert [widget for widget in chain if widget in (*fields, button)] == [*fields, button]
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_scroll_area_asks_for_all_of_its_content(qtbot) -> None:
    window, area, _fields, _button = tall_window(qtbot)
    assert area.sizeHint() == area.widget().sizeHint()
    assert area.sizeHint().height() > 800
    assert window.minimumSizeHint().height() < 300
