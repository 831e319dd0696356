"""The bar charts' axes: counts are whole numbers, whatever the range."""

from __future__ import annotations

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
