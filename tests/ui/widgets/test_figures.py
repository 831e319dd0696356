"""Headline figures: selectable values under their captions, shares as percentages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.figures import error_label, figures_grid, headline, percent


def test_shares_read_as_percentages() -> None:
    assert percent(0.4615) == "46.2%" and percent(0) == "0.0%" and percent(1) == "100.0%"


def test_each_value_stands_under_its_caption_and_can_be_copied(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    captions, values = headline(parent, ("agents", "conversations"))
    grid = figures_grid(captions, values)
    assert grid.itemAtPosition(0, 1).widget() is captions["conversations"]
    assert grid.itemAtPosition(1, 1).widget() is values["conversations"]
    assert values["agents"].textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert values["agents"].font().bold() and not captions["agents"].font().bold()
    assert error_label(parent).isHidden()
