"""The bar charts' axes: counts are whole numbers, whatever the range."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChart, QChartView, QValueAxis
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.charts import bar_chart_view, set_bar_axes


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[QChartView]:
    parent = QWidget()  # held here: the view goes with it
    qtbot.addWidget(parent)
    yield bar_chart_view(parent, QChart(), QBarSeries())


def axes(view: QChartView) -> tuple[QBarCategoryAxis, QValueAxis]:
    return view.chart().axes()[0], view.chart().axes()[1]


def test_small_counts_get_a_tick_per_whole_number(view: QChartView) -> None:
    x_axis, y_axis = axes(view)
    set_bar_axes((x_axis, y_axis), ["a", "b"], 3)
    assert x_axis.categories() == ["a", "b"]
    assert (y_axis.min(), y_axis.max(), y_axis.tickCount()) == (0, 3, 4)


def test_an_empty_chart_still_has_a_scale(view: QChartView) -> None:
    set_bar_axes(axes(view), [], 0)
    assert (axes(view)[1].max(), axes(view)[1].tickCount()) == (1, 2)


def test_large_counts_get_nice_numbers(view: QChartView) -> None:
    set_bar_axes(axes(view), ["a"], 87)
    assert (axes(view)[1].min(), axes(view)[1].max()) == (0, 100)


@pytest.mark.xfail(sys.platform == "win32", strict=True, reason="under Wine the Chinese label breaks one "
                   "character earlier (售后二组客服-0 | 号王芳芳): the font's widths differ; not yet diagnosed")
def test_long_labels_break_into_lines_and_markup_stays_text(view: QChartView) -> None:
    x_axis, y_axis = axes(view)
    set_bar_axes((x_axis, y_axis), ["售后二组客服-0号王芳芳", "Li Lei", "Someone with a long name", "<b>x</b>"], 3)
    lines = [label.split("<br>") for label in x_axis.categories()]
    assert lines[0] == ["售后二组客服-0号", "王芳芳"] and lines[1] == ["Li Lei"]
    assert len(lines[2]) == 2 and " ".join(lines[2]) == "Someone with a long name"
    assert lines[3] == ["&lt;b&gt;x&lt;/b&gt;"] and not x_axis.truncateLabels()


def test_labels_that_do_not_fit_side_by_side_stand_upright(qtbot: QtBot, view: QChartView) -> None:
    """Rather than QtCharts' "…"; back to level when there is room."""
    view.parentWidget().resize(400, 300)
    view.resize(400, 300)
    view.parentWidget().show()
    qtbot.waitExposed(view)
    x_axis, y_axis = axes(view)
    set_bar_axes((x_axis, y_axis), [f"客服{number}号王芳芳" for number in range(8)], 3)
    qtbot.waitUntil(lambda: x_axis.labelsAngle() == -90)
    set_bar_axes((x_axis, y_axis), ["a", "b"], 3)
    qtbot.waitUntil(lambda: x_axis.labelsAngle() == 0)
