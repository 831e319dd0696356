"""Headline figures: a row of large numbers, each under its caption, and the line that
replaces them when the numbers could not be read. Shared by the statistics, the team
report and the drill windows, so every figure in the app looks and copies the same."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def error_label(parent: QWidget) -> QLabel:
    """One line in red saying why the numbers could not be read; hidden until then."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def headline(parent: QWidget, names: Sequence[str]) -> tuple[dict[str, QLabel], dict[str, QLabel]]:
    """Caption and value labels of the headline figures, by name; the values large,
    bold and selectable (to paste into a message)."""
    captions: dict[str, QLabel] = {}
    values: dict[str, QLabel] = {}
    for name in names:
        captions[name] = QLabel(parent)
        value = QLabel(parent)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        value.setFont(font)
        values[name] = value
    return captions, values


def figures_grid(captions: dict[str, QLabel], values: dict[str, QLabel]) -> QGridLayout:
    """Headline figures side by side, each value under its caption."""
    figures = QGridLayout()
    figures.setHorizontalSpacing(24)
    for column, name in enumerate(captions):
        figures.addWidget(captions[name], 0, column)
        figures.addWidget(values[name], 1, column)
        figures.setColumnStretch(column, 1)
    return figures
