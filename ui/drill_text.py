"""The text to type, large, with each character coloured by how it was typed.

Rich text in a read-only QTextBrowser: it wraps, lays out CJK and Latin text with the
system's fonts, and scrolls; one span per run of characters in the same state keeps the
document small enough to rebuild on every commit. The next character to type is marked
with a blue background, so the eye finds its place after looking at the keyboard.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from assistant.drills.session import CharState

#: Foreground and background per state; a wrong space gets a background so it shows.
STYLES = {
    CharState.PENDING: "color:#57606a;",
    CharState.CORRECT: "color:#1a7f37;",
    CharState.WRONG: "color:#b00020;background-color:#ffd7d5;text-decoration:underline;",
    CharState.CORRECTED: "color:#9a6700;background-color:#fff1c2;",
}
CURRENT_STYLE = "color:#0a0a0a;background-color:#b6d4fe;"
#: How much larger than the window's font the text is shown.
SCALE = 1.8


def drill_html(text: str, states: list[CharState], position: int) -> str:
    """The text as rich text: runs of equal state in one span, the character at
    ``position`` (the next one to type) marked."""
    parts: list[str] = []
    run_style, run = "", ""
    for index, char in enumerate(text):
        style = CURRENT_STYLE if index == position else STYLES[states[index]]
        if style != run_style and run:
            parts.append(f'<span style="{run_style}">{html.escape(run)}</span>')
            run = ""
        run_style = style
        run += char
    if run:
        parts.append(f'<span style="{run_style}">{html.escape(run)}</span>')
    return f'<p style="white-space:pre-wrap;line-height:150%;">{"".join(parts)}</p>'


class DrillTextView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drillText")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard belongs to the input box
        self.setOpenLinks(False)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * SCALE)
        self.setFont(font)
        self.document().setDocumentMargin(12)

    def show_text(self, text: str, states: list[CharState], position: int) -> None:
        self.setHtml(drill_html(text, states, position))
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
