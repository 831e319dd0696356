"""Bar charts (QtCharts) for the statistics and the team report: built once with their
axes, then refreshed by swapping the bar sets and the categories."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


def bar_chart_view(parent: QWidget, chart: QChart, series: QBarSeries | QStackedBarSeries) -> QChartView:
    """The chart with its one series and two axes, made once: a refresh replaces only
    the bar sets and the categories."""
    series.setBarWidth(0.8)
    chart.addSeries(series)
    x_axis, y_axis = QBarCategoryAxis(chart), QValueAxis(chart)
    y_axis.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(parent.fontMetrics().height() * 14)
    return view


def set_bar_axes(axes: tuple[QBarCategoryAxis, QValueAxis], categories: list[str], highest: float) -> None:
    x_axis, y_axis = axes
    x_axis.setCategories(categories)
    y_axis.setRange(0, max(highest, 1))
    y_axis.setTickCount(5)  # Qt's default, back after a small range below set fewer ticks
    y_axis.applyNiceNumbers()
    if y_axis.max() <= 5:  # whole numbers only: 2.5 conversations mean nothing
        y_axis.setRange(0, max(round(y_axis.max()), 1))
        y_axis.setTickCount(round(y_axis.max()) + 1)
