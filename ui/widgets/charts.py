"""Bar charts (QtCharts) for the statistics and the team report: built once with their
axes, then refreshed by swapping the bar sets and the categories."""

from __future__ import annotations

import html

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

#: A label under a bar breaks into lines about this many Chinese characters wide.
LINE_CHARACTERS = 8


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
    _upright_when_crowded(chart, x_axis)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(parent.fontMetrics().height() * 14)
    return view


def set_bar_axes(axes: tuple[QBarCategoryAxis, QValueAxis], categories: list[str], highest: float) -> None:
    """``categories`` under the bars read in full: long ones (agents' names, phrase titles)
    in several lines, upright when even those do not fit (QtCharts would cut them to
    "…"); axis labels are HTML, so names from other people's files are escaped."""
    x_axis, y_axis = axes
    metrics = QFontMetrics(x_axis.labelsFont())
    x_axis.setCategories(["<br>".join(html.escape(line, quote=False) for line in _label_lines(label, metrics))
                          for label in categories])
    y_axis.setRange(0, max(highest, 1))
    y_axis.setTickCount(5)  # Qt's default, back after a small range below set fewer ticks
    y_axis.applyNiceNumbers()
    if y_axis.max() <= 5:  # whole numbers only: 2.5 conversations mean nothing
        y_axis.setRange(0, max(round(y_axis.max()), 1))
        y_axis.setTickCount(round(y_axis.max()) + 1)


def _label_lines(label: str, metrics: QFontMetrics) -> list[str]:
    """``label`` in lines of at most ``LINE_CHARACTERS`` Chinese characters' width, broken
    after a space when the line has one."""
    width = metrics.horizontalAdvance("字") * LINE_CHARACTERS
    lines, line = [], ""
    for char in label:
        if line and metrics.horizontalAdvance(line + char) > width:
            head, space, tail = line.rpartition(" ")
            lines.append(head if space and head else line)
            line = tail if space and head else ""
        line += char
    return [*lines, line]


def _widest_line(axis: QBarCategoryAxis, metrics: QFontMetrics) -> int:
    return max((metrics.horizontalAdvance(html.unescape(line))
                for label in axis.categories() for line in label.split("<br>")), default=0)


def _upright_when_crowded(chart: QChart, axis: QBarCategoryAxis) -> None:
    """Labels still too wide to stand side by side are turned upright rather than cut to
    "…" by QtCharts; they turn back when the chart is widened."""
    def fit() -> None:
        metrics = QFontMetrics(axis.labelsFont())
        room = chart.plotArea().width() / max(axis.count(), 1)
        axis.setLabelsAngle(-90 if _widest_line(axis, metrics) + metrics.averageCharWidth() > room else 0)

    axis.setTruncateLabels(False)
    chart.plotAreaChanged.connect(fit)
    axis.categoriesChanged.connect(fit)
