"""The keyboard heatmap: keys where a keyboard has them, coloured by weakness, with tooltips."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from ui.drills.heatmap import KeyboardHeatmap, heat_colour

STATS = {"e": {"seen": 10, "missed": 0, "ms": 100.0}, "t": {"seen": 10, "missed": 3, "ms": 100.0},
         "r": {"seen": 10, "missed": 0, "ms": 250.0}}


def test_keys_sit_in_keyboard_rows_and_weak_keys_are_hot(qtbot) -> None:
    heatmap = KeyboardHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.resize(600, 180)
    heatmap.set_stats(STATS)
    heatmap.show()
    rects = heatmap.key_rects()
    assert len(rects) == 26
    assert rects["q"].top() == rects["p"].top() < rects["a"].top() < rects["z"].top()
    assert rects["q"].left() < rects["a"].left() < rects["z"].left()  # staggered like a keyboard
    assert all(rect.right() <= 600 and rect.bottom() <= 180 for rect in rects.values())
    assert heatmap.heat["t"] == 1.0 and heatmap.heat["e"] == 0.0 and heatmap.heat["r"] > 0.5
    image = heatmap.grab().toImage()
    centre = rects["t"].center().toPoint()
    assert image.pixelColor(centre.x() + int(rects["t"].width() * 0.4), centre.y()) == heat_colour(1.0)
    corner = rects["e"].center().toPoint()
    assert image.pixelColor(corner.x() + int(rects["e"].width() * 0.4), corner.y()).lightness() > 240
    assert heatmap.tooltip_at(rects["t"].center()) == "T: typed 10 times, missed 3, 100 ms a key"
    assert heatmap.tooltip_at(rects["m"].center()) == "M: not typed"
    assert heatmap.tooltip_at(QPointF(-5, -5)) == ""


def test_heat_colour_runs_white_amber_red() -> None:
    assert heat_colour(0).name() == "#ffffff" and heat_colour(0.5).name() == "#f2a900"
    assert heat_colour(1).name() == "#d62728"
