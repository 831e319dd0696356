"""The text to type: each character shows how it was typed, in the document itself."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor

from assistant.drills.session import CharState
from ui.drills.text import CURRENT, LINE_HEIGHT_PERCENT, LOOKS, DrillTextView, changed_runs


def colour_at(view: DrillTextView, index: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(index + 1)  # the format of the character before the position
    return cursor.charFormat().foreground().color().name()


def test_each_state_has_its_colour_and_the_marker_moves(qtbot) -> None:
    view = DrillTextView()
    qtbot.addWidget(view)
    text = "亲，在的 ok"
    states = [CharState.PENDING] * len(text)
    view.show_text(text, states, 0)
    assert view.toPlainText() == text
    assert colour_at(view, 0) == QColor(LOOKS[CURRENT][0]).name()
    states[:4] = [CharState.CORRECT, CharState.WRONG, CharState.CORRECTED, CharState.CORRECT]
    view.show_text(text, states, 4)
    assert view.looks()[:5] == [*states[:4], CURRENT]
    for index, state in enumerate(states[:4]):
        assert colour_at(view, index) == QColor(LOOKS[state][0]).name()
    assert QTextCursor(view.document()).blockFormat().lineHeight() == LINE_HEIGHT_PERCENT
    view.show_text("新的", [CharState.PENDING] * 2, 0)  # a new drill lays out its own text
    assert view.toPlainText() == "新的" and view.looks() == [CURRENT, CharState.PENDING]


def test_only_changed_characters_are_formatted_again() -> None:
    assert changed_runs(["a", "b", "c"], ["a", "x", "x"]) == [(1, 3, "x")]
    assert changed_runs([], ["a", "a", "b"]) == [(0, 2, "a"), (2, 3, "b")]
    assert changed_runs(["a"], ["a"]) == []
