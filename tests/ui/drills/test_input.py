"""The drill's input box: what it tells the session, driven by real key and input-method
events (preedit, then commit)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.drills.input import DrillInput


class Recorder:
    def __init__(self, box: DrillInput):
        self.keys: list[bool] = []
        self.compositions = 0
        self.typed: list[str] = []
        box.keyPressed.connect(lambda _t, backspace: self.keys.append(backspace))
        box.compositionStarted.connect(self._composed)
        box.typedChanged.connect(lambda text, _t: self.typed.append(text))

    def _composed(self, _t: float) -> None:
        self.compositions += 1


def preedit(box: DrillInput, text: str) -> None:
    QApplication.sendEvent(box, QInputMethodEvent(text, []))


def commit(box: DrillInput, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def make_box(qtbot) -> tuple[DrillInput, Recorder]:
    box = DrillInput()
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    return box, Recorder(box)


def test_preedit_is_never_typed_text_and_a_commit_is(qtbot) -> None:
    box, seen = make_box(qtbot)
    preedit(box, "n")
    preedit(box, "ni")
    assert box.toPlainText() == "" and seen.typed == []
    assert seen.compositions == 1
    commit(box, "你")
    assert seen.typed == ["你"]
    preedit(box, "h")
    preedit(box, "hao")
    commit(box, "好")
    assert seen.typed == ["你", "你好"] and seen.compositions == 2


def test_keys_an_input_method_consumes_count_once_each(qtbot) -> None:
    """No key events arrive (the IME ate them): each preedit change and the commit is
    one key press; a shorter preedit is a backspace."""
    box, seen = make_box(qtbot)
    for text in ("n", "ni", "n", "ni"):
        preedit(box, text)
    commit(box, "你")
    assert seen.keys == [False, False, True, False, False]


def test_a_key_event_and_its_preedit_count_once(qtbot) -> None:
    box, seen = make_box(qtbot)
    QTest.keyClick(box, Qt.Key.Key_N)  # offscreen: no IME, so the letter is typed
    assert seen.keys == [False] and seen.typed == ["n"]
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert seen.keys == [False, True] and seen.typed == ["n", ""]


def test_keys_that_would_edit_elsewhere_than_the_end_do_nothing(qtbot) -> None:
    box, seen = make_box(qtbot)
    QTest.keyClicks(box, "abc")
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_Return):
        QTest.keyClick(box, key)
    QTest.keyClicks(box, "d")
    assert box.toPlainText() == "abcd"
    QApplication.clipboard().setText("pasted")
    QTest.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    data = QMimeData()
    data.setText("dropped")
    box.insertFromMimeData(data)
    assert box.toPlainText() == "abcd" and not box.canInsertFromMimeData(data)
    assert len(seen.keys) == 9  # every key press still counts (Ctrl itself too)


def test_reset_empties_the_box_without_reporting(qtbot) -> None:
    box, seen = make_box(qtbot)
    commit(box, "你好")
    box.reset()
    assert box.toPlainText() == "" and seen.typed == ["你好"]
