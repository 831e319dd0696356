"""The box a drill is typed into: it reports key presses, input-method compositions and
the committed text, and nothing else.

Input goes through the system input method as in any chat box. What the session is told:

- ``keyPressed(t, backspace)`` for every key press the box receives (it only receives
  them while it has the focus, so nothing typed elsewhere is ever seen). An input method
  consumes the pinyin keys before Qt makes key events of them. On X11 the presses are
  counted as the X server delivers them (``ui.drills.x11_keys``), every one, whatever the
  input method does with it; ``backspace`` is then False, as that route never reads which
  key it was. Elsewhere a change of the preedit (or a commit) that came with no key event
  before it (other than one that made its own edit) is counted as the one key press that
  must have caused it, so 击键 and 码长 stay meaningful under a real IME; a key that leaves
  the preedit as it was (turning the candidate page) goes uncounted there.
- ``compositionStarted(t)`` when a preedit begins.
- ``preeditChanged(preedit, committing, t)`` with every input-method event, so the drill
  can read the pinyin letters typed (``assistant.drills.keys``): the keys themselves
  often never arrive.
- ``typedChanged(text, t)`` with the whole committed text. ``toPlainText()`` never
  contains the preedit (checked in tests/ui/drills/test_input.py), so pinyin being
  composed never counts as typed.

The cursor stays at the end and pasting, dropping, undo and the context menu are off: a
drill measures typing, and the session diffs the text as appended or deleted at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent, QKeySequence, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.drills.x11_keys import watch_key_presses

#: Keys that would move the cursor, and the shortcuts that would paste, undo or select
#: (so edit elsewhere than at the end); they still count as key presses, but do nothing.
_BLOCKED_KEYS = {
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab,
}
_BLOCKED_SHORTCUTS = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Undo,
                      QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.SelectAll)


class DrillInput(QPlainTextEdit):
    keyPressed = Signal(float, bool)
    compositionStarted = Signal(float)
    preeditChanged = Signal(str, bool, float)
    typedChanged = Signal(str, float)

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        self.setTabChangesFocus(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self._committed = ""
        self._preedit = ""
        #: A key event arrived since the last input-method event (see the module docstring).
        self._key_seen = False
        #: Every key press from the X server, when there is one (see the module docstring).
        self._x11_keys = watch_key_presses(self, lambda: self.keyPressed.emit(self.clock(), False))
        self.textChanged.connect(self._text_changed)

    def reset(self) -> None:
        """Empty, for a new drill (no signal: the new session has seen nothing yet)."""
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._committed = ""
        self._preedit = ""
        self._key_seen = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()  # not typing: the window asks whether to leave the drill
            return
        self._key_seen = True
        if self._x11_keys is None:
            self.keyPressed.emit(self.clock(), event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete))
        if event.key() in _BLOCKED_KEYS or any(event.matches(key) for key in _BLOCKED_SHORTCUTS):
            event.accept()
            return
        before = self.toPlainText()
        super().keyPressEvent(event)
        self.moveCursor(QTextCursor.MoveOperation.End)
        if self.toPlainText() != before:
            self._key_seen = False  # the key did its own edit; the next preedit has another cause

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        now = self.clock()
        preedit, commit = event.preeditString(), event.commitString()
        if self._x11_keys is None and not self._key_seen and (preedit != self._preedit or commit):
            self.keyPressed.emit(now, len(preedit) < len(self._preedit) and not commit)
        self._key_seen = False
        if preedit and not self._preedit:
            self.compositionStarted.emit(now)
        if preedit != self._preedit or commit:
            self.preeditChanged.emit(preedit, bool(commit), now)
        self._preedit = preedit
        self.moveCursor(QTextCursor.MoveOperation.End)
        super().inputMethodEvent(event)

    def _text_changed(self) -> None:
        text = self.toPlainText()
        if text != self._committed:
            self._committed = text
            self.typedChanged.emit(text, self.clock())

    # -- typing only ---------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return False

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Nothing is pasted or dropped into a drill."""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()
