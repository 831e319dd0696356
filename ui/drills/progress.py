"""Progress toward the goal: speed and accuracy over time, per language.

A QtCharts line chart of net speed (left axis) and accuracy (right axis, percent) per
drill, with the goal as a dashed line; beside it what ``assistant.drills.progress``
works out: personal best, practice streak, the trend's forecast and when the goal was
first reached. Only drills that count toward the goal (``assistant.drills.goal``) are
drawn and make the figures. The trainee's name, the per-language goal, the conditions a
drill must meet to count (length, accuracy; the lead's, beside the goal) and the pause
threshold are edited here (saved in the settings), and the history exports as CSV for
the team lead.
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.drills.goal import GoalRules, counts
from assistant.drills.history import DrillHistory
from assistant.drills.keys import merge_key_stats
from assistant.drills.progress import Progress, progress
from assistant.drills.session import DrillResult
from assistant.errors import QuickReplyError
from assistant.reasons import error_text
from assistant.timestamps import parse_stamp
from ui.context import AppContext
from ui.drills.heatmap import KeyboardHeatmap
from ui.drills.result import slowest_and_missed
from ui.widgets.colours import BAR_COLOUR, HARD_COLOUR, SOFT_COLOUR

log = logging.getLogger(__name__)
GOAL_FIELDS = {"zh": "drill_goal_zh", "en": "drill_goal_en"}


def _msecs(finished: str) -> float:
    return parse_stamp(finished).timestamp() * 1000


class DrillProgressPage(QWidget):
    def __init__(self, context: AppContext, history: DrillHistory, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.history = history
        self.current: Progress | None = None
        self.language = QComboBox(self)
        self.language.addItem("", "zh")
        self.language.addItem("", "en")
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.trainee = QLineEdit(self)
        self.trainee_label = QLabel(self)
        self.trainee_label.setBuddy(self.trainee)
        self.goal = QSpinBox(self, minimum=10, maximum=400, singleStep=5)
        self.goal_label = QLabel(self)
        self.goal_label.setBuddy(self.goal)
        self.min_characters = QSpinBox(self, minimum=0, maximum=5000, singleStep=10)
        self.min_seconds = QSpinBox(self, minimum=0, maximum=3600, singleStep=10)
        self.min_length_label = QLabel(self)
        self.min_length_label.setBuddy(self.min_characters)
        self.min_time_label = QLabel(self)
        self.min_time_label.setBuddy(self.min_seconds)
        self.min_accuracy = QSpinBox(self, minimum=0, maximum=100)
        self.min_accuracy_label = QLabel(self)
        self.min_accuracy_label.setBuddy(self.min_accuracy)
        self.pause = QSpinBox(self, minimum=3, maximum=120)
        self.pause_label = QLabel(self)
        self.pause_label.setBuddy(self.pause)
        self.export_button = QPushButton(self)
        self.summary = QLabel(self, wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.speed_series, self.accuracy_series, self.goal_series = QLineSeries(), QLineSeries(), QLineSeries()
        for series, colour, dashed in ((self.speed_series, BAR_COLOUR, False),
                                       (self.accuracy_series, SOFT_COLOUR, False),
                                       (self.goal_series, HARD_COLOUR, True)):
            pen = QPen(colour, 2.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            series.setPen(pen)
            series.setPointsVisible(not dashed)
            self.chart.addSeries(series)
        self.time_axis = QDateTimeAxis()
        self.time_axis.setFormat("MM-dd")
        self.speed_axis = QValueAxis()
        self.speed_axis.setLabelFormat("%d")
        self.accuracy_axis = QValueAxis()
        self.accuracy_axis.setRange(0, 100)
        self.accuracy_axis.setLabelFormat("%d%%")
        self.chart.addAxis(self.time_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.speed_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.accuracy_axis, Qt.AlignmentFlag.AlignRight)
        for series in (self.speed_series, self.goal_series):
            series.attachAxis(self.time_axis)
            series.attachAxis(self.speed_axis)
        self.accuracy_series.attachAxis(self.time_axis)
        self.accuracy_series.attachAxis(self.accuracy_axis)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(self.fontMetrics().height() * 16)
        self.keys_caption = QLabel(self, wordWrap=True)
        self.heatmap = KeyboardHeatmap(self)

        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.trainee_label, self.trainee)
        form.addRow(self.goal_label, self.goal)
        form.addRow(self.min_length_label, self.min_characters)
        form.addRow(self.min_time_label, self.min_seconds)
        form.addRow(self.min_accuracy_label, self.min_accuracy)
        form.addRow(self.pause_label, self.pause)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.summary)
        side.addStretch(1)
        side.addWidget(self.export_button)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        side_widget.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.keys_caption)
        left.addWidget(self.heatmap)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(side_widget, 1)

        self.language.currentIndexChanged.connect(lambda _index: self.refresh())
        self.trainee.editingFinished.connect(self._save_trainee)
        self.goal.editingFinished.connect(self._save_goal)
        self.pause.editingFinished.connect(self._save_pause)
        for box in (self.min_characters, self.min_seconds, self.min_accuracy):
            box.editingFinished.connect(self._save_conditions)
        self.export_button.clicked.connect(self.export)
        context.settingsChanged.connect(self.refresh)  # a goal or name changed elsewhere
        self.retranslate()

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("&Language:"))
        self.language.setItemText(0, self.tr("Chinese"))
        self.language.setItemText(1, self.tr("English"))
        self.trainee_label.setText(self.tr("&Trainee:"))
        self.trainee.setPlaceholderText(self.tr("Your name, for the team lead's report"))
        self.goal_label.setText(self.tr("&Goal:"))
        self.goal.setSuffix(self.tr(" chars/min"))
        self.min_length_label.setText(self.tr("Counts &from:"))
        self.min_characters.setSuffix(self.tr(" chars"))
        self.min_time_label.setText(self.tr("or &after:"))
        self.min_seconds.setSuffix(self.tr(" s"))
        self.min_accuracy_label.setText(self.tr("At a&ccuracy:"))
        self.min_accuracy.setSuffix(self.tr(" % or more"))
        for box in (self.min_length_label, self.min_characters, self.min_time_label, self.min_seconds):
            box.setToolTip(self.tr("A drill counts toward the goal only when at least this many characters "
                                   "were typed, or it lasted at least this long."))
        for box in (self.min_accuracy_label, self.min_accuracy):
            box.setToolTip(self.tr("A drill counts toward the goal only at this accuracy or better."))
        self.pause_label.setText(self.tr("Pa&use after:"))
        self.pause.setSuffix(self.tr(" s"))
        self.pause.setToolTip(self.tr("A longer gap between keys is a pause: shown, and left out of the speed."))
        self.export_button.setText(self.tr("&Export history as CSV…"))
        self.chart.setTitle(self.tr("Speed and accuracy per drill"))
        self.speed_series.setName(self.tr("Speed (chars/min)"))
        self.accuracy_series.setName(self.tr("Accuracy (%)"))
        self.goal_series.setName(self.tr("Goal"))
        self.refresh()

    def selected_language(self) -> str:
        return str(self.language.currentData())

    def set_language(self, language: str) -> None:
        self.language.setCurrentIndex(0 if language == "zh" else 1)

    def goal_for(self, language: str) -> int:
        return int(getattr(self.context.settings, GOAL_FIELDS[language]))

    def rules_for(self, language: str) -> GoalRules:
        return GoalRules.from_settings(self.context.settings, language)

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        language = self.selected_language()
        settings = self.context.settings
        self.trainee.setText(settings.trainee_name)
        self.goal.setValue(self.goal_for(language))
        self.pause.setValue(settings.drill_pause_seconds)
        self.min_characters.setValue(settings.drill_min_characters)
        self.min_seconds.setValue(settings.drill_min_seconds)
        self.min_accuracy.setValue(settings.drill_min_accuracy)
        rules = self.rules_for(language)
        results = [result for result in self.history.results() if result.language == language]
        self.current = progress(results, rules, language, date.today())
        self._show_chart([result for result in results if counts(result, rules)], self.current.goal_cpm)
        keys = merge_key_stats([result.key_stats for result in results])
        self.heatmap.set_stats(keys)
        slow, missed = slowest_and_missed(keys)
        self.keys_caption.setText((self.tr("<b>Pinyin keys over all drills</b> — slowest: {slow}; most missed: "
                                           "{missed}") if language == "zh" else
                                   self.tr("<b>Keys over all drills</b> — slowest: {slow}; most missed: {missed}"))
                                  .format(slow=slow, missed=missed) + f"<br>{self.heatmap.legend()}")
        # A damaged history was set aside, or records skipped: said here, where it shows.
        notices = "".join(f"<br><span style='color:#9a6700'>{html.escape(notice)}</span>"
                          for notice in self.history.notices)
        self.summary.setText(self._summary_text(self.current) + notices)

    def _show_chart(self, results: list[DrillResult], goal: int) -> None:
        self.speed_series.clear()
        self.accuracy_series.clear()
        self.goal_series.clear()
        points = [(_msecs(result.finished), result) for result in results]
        for msecs, result in points:
            self.speed_series.append(msecs, result.net_cpm)
            self.accuracy_series.append(msecs, result.accuracy * 100)
        now = QDateTime.currentDateTime()
        first = QDateTime.fromMSecsSinceEpoch(int(points[0][0])) if points else now.addDays(-7)
        last = QDateTime.fromMSecsSinceEpoch(int(points[-1][0])) if points else now
        if first.secsTo(last) < 24 * 3600:  # one day or less: show the day around it
            first, last = first.addSecs(-12 * 3600), last.addSecs(12 * 3600)
        self.time_axis.setRange(first, last)
        self.time_axis.setFormat("MM-dd" if first.daysTo(last) > 2 else "MM-dd HH:mm")
        self.goal_series.append(first.toMSecsSinceEpoch(), goal)
        self.goal_series.append(last.toMSecsSinceEpoch(), goal)
        top = max([goal * 1.2, *(result.net_cpm * 1.1 for result in results)])
        self.speed_axis.setRange(0, top)
        self.speed_axis.applyNiceNumbers()

    def _summary_text(self, current: Progress) -> str:
        if not current.drills:
            return self.tr("No drills in this language yet.")
        lines = [self.tr("Drills: <b>{count}</b>, of which <b>{counted}</b> count toward the goal").format(
                     count=current.drills, counted=current.counted),
                 self.tr("Personal best: <b>{best:.0f}</b> chars/min").format(best=current.best_net_cpm),
                 (self.tr("Practice streak: <b>{days}</b> day") if current.streak_days == 1 else
                  self.tr("Practice streak: <b>{days}</b> days")).format(days=current.streak_days)]
        if current.goal_reached:
            lines.append(self.tr("<span style='color:#1a7f37'><b>Goal reached</b> on {day}</span>").format(
                day=current.goal_reached[:10]))
        elif current.forecast_date:
            lines.append(self.tr("At your current trend you reach the goal around <b>{day}</b>").format(
                day=current.forecast_date))
        else:
            lines.append(self.tr("No forecast yet: practise on a few more days."))
        return "<br>".join(lines)

    # -- editing -------------------------------------------------------------------------

    def _save_trainee(self) -> None:
        name = self.trainee.text().strip()
        if name != self.context.settings.trainee_name:
            self.context.keep_settings(replace(self.context.settings, trainee_name=name))

    def _save_goal(self) -> None:
        field = GOAL_FIELDS[self.selected_language()]
        if self.goal.value() != getattr(self.context.settings, field):
            self.context.keep_settings(replace(self.context.settings, **{field: self.goal.value()}))
            self.refresh()

    def _save_conditions(self) -> None:
        chosen = {"drill_min_characters": self.min_characters.value(), "drill_min_seconds": self.min_seconds.value(),
                  "drill_min_accuracy": self.min_accuracy.value()}
        if any(getattr(self.context.settings, name) != value for name, value in chosen.items()):
            self.context.keep_settings(replace(self.context.settings, **chosen))
            self.refresh()

    def _save_pause(self) -> None:
        if self.pause.value() != self.context.settings.drill_pause_seconds:
            self.context.keep_settings(replace(self.context.settings, drill_pause_seconds=self.pause.value()))

    # -- exporting -----------------------------------------------------------------------

    def ask_save_path(self, suggested: str) -> Path | None:
        """The CSV file to write, None when cancelled (tests replace this)."""
        chosen, _used = QFileDialog.getSaveFileName(self, self.tr("Export the drill history"),
                                                    str(Path.home() / suggested), self.tr("CSV files (*.csv)"))
        return Path(chosen) if chosen else None

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Typing practice"), text)

    def export(self) -> Path | None:
        path = self.ask_save_path(f"quickreply-drills-{date.today().isoformat()}.csv")
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(f"{path.name}.csv")
        try:
            self.history.export_csv(path)
        except (QuickReplyError, OSError) as error:
            log.warning("could not export the drill history: %s", error)
            self.show_error(self.tr("The history could not be exported: {error}").format(error=error_text(error)))
            return None
        return path
