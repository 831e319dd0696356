"""The text to type, large, with each character coloured by how it was typed.

A read-only QTextBrowser: it wraps, lays out CJK and Latin text with the system's
fonts, and scrolls. The text is laid out once per drill; each commit then re-formats only
the characters whose look changed (usually the one just typed and the marker), so a
20,000-character text costs no more per keystroke than a short one. The next character
to type is marked with a blue background, so the eye finds its place after looking at
the keyboard, and the first uncorrected error (a wrong or skipped character, or the one
an extra character was typed before) with a red box, so it is found without reading back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from assistant.drills.session import CharState

#: The look of the next character to type.
CURRENT = "current"
#: The look of the first uncorrected error.
FIRST_ERROR = "first-error"
#: Foreground, background (None: none) and underline per state; a wrong space gets a
#: background so that it shows.
LOOKS: dict[CharState | str, tuple[str, str | None, bool]] = {
    CharState.PENDING: ("#57606a", None, False),
    CharState.CORRECT: ("#1a7f37", None, False),
    CharState.WRONG: ("#b00020", "#ffd7d5", True),
    CharState.CORRECTED: ("#9a6700", "#fff1c2", False),
    CURRENT: ("#0a0a0a", "#b6d4fe", False),
    FIRST_ERROR: ("#ffffff", "#b00020", True),
}
#: How much larger than the window's font the text is shown.
SCALE = 1.8
LINE_HEIGHT_PERCENT = 150


def _char_format(look: CharState | str) -> QTextCharFormat:
    foreground, background, underline = LOOKS[look]
    char_format = QTextCharFormat()
    char_format.setForeground(QColor(foreground))
    char_format.setBackground(QBrush(QColor(background)) if background else QBrush(Qt.BrushStyle.NoBrush))
    char_format.setFontUnderline(underline)
    return char_format


def changed_runs(before: list, after: list) -> list[tuple[int, int, object]]:
    """(start, end, look) for each run of positions whose look changed to the same one."""
    runs: list[tuple[int, int, object]] = []
    for index, look in enumerate(after):
        if index < len(before) and before[index] == look:
            continue
        if runs and runs[-1][1] == index and runs[-1][2] == look:
            runs[-1] = (runs[-1][0], index + 1, look)
        else:
            runs.append((index, index + 1, look))
    return runs


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
        self._formats = {look: _char_format(look) for look in LOOKS}
        self._text = ""
        self._looks: list[CharState | str] = []

    def looks(self) -> list[CharState | str]:
        """What each character looks like now (the marker as ``CURRENT``)."""
        return list(self._looks)

    def show_text(self, text: str, states: list[CharState], position: int, first_error: int | None = None) -> None:
        looks: list[CharState | str] = [FIRST_ERROR if index == first_error else CURRENT if index == position
                                        else state for index, state in enumerate(states)]
        if text != self._text:
            self._lay_out(text)
        cursor = QTextCursor(self.document())
        for start, end, look in changed_runs(self._looks, looks):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._formats[look])
        self._looks = looks
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _lay_out(self, text: str) -> None:
        self._text = text
        self._looks = []
        self.setPlainText(text)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)
