"""Tables of figures: numbers line up on the right, text on the left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.tables import fill_table, make_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def test_numbers_and_numeric_columns_are_right_aligned(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    table = make_table(parent, 3, 0)
    fill_table(table, [["Li Lei", 12, "46.2%"], ["王芳", 3.5, "7.0%"]], numeric=(2,))
    assert table.rowCount() == 2 and table.item(1, 0).text() == "王芳"
    assert table.item(0, 0).textAlignment() != RIGHT
    assert all(table.item(row, column).textAlignment() == RIGHT for row in range(2) for column in (1, 2))
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    fill_table(table, [])
    assert table.rowCount() == 0
