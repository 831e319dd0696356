"""Content that scrolls when the screen is too small for it, while the buttons under it
stay in view.

A form is laid out for its text; in Chinese, with large fonts or on a 1366×768 laptop
at 125% it can be taller than the screen, and a window cannot be smaller than its
layout's minimum: Save would be off the screen. In a scroll area the content can be
shorter than it wants, and the window can always fit (ui/widgets/placement.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget


class ScrollArea(QScrollArea):
    """Asks for all of its content's size, so a window is first sized as it was
    without the scroll area (Qt's own caps the wish at a few dozen lines)."""

    def sizeHint(self) -> QSize:
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()


def scroll_above(window: QWidget, content: QLayout | QWidget, *below: QWidget) -> ScrollArea:
    """Lay ``window`` out as ``content`` in a frameless scroll area that gives it all the
    room there is and scrolls only when there is too little, with ``below`` (the
    buttons) under it, always in view."""
    if isinstance(content, QLayout):
        content.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    area = ScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    # Tab goes through the content (the area scrolls to the field), not to the area.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    layout = QVBoxLayout(window)
    layout.addWidget(area, 1)
    for widget in below:
        # Moving the content into the area put it last in the window's Tab order; taken
        # out and put back, the buttons come after it again.
        widget.setParent(None)
        layout.addWidget(widget)
    return area
