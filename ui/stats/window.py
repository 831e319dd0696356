"""The statistics window: how the agent keeps the 3-to-5 quick replies rule.

Everything shown comes from ``assistant.team.stats.compute_stats`` (one call per refresh):
headline figures, conversations per day and the quick replies per conversation as
QtCharts bar charts (bars at or over the soft limit in amber, over the hard limit in
red), the most and never used phrases, totals per book and per group, and the response
times per day (the golden 30 seconds, from chat titles' unread counters). Exports
write the same numbers (with every phrase) through ``assistant.team.stats.export_stats``.

The window re-reads the numbers when the phrases change (insertions are recorded
through ``AppContext.phrasesChanged``), when the settings change (the limits), on
Refresh (F5) and when the period changes; while hidden it only remembers that it is
out of date and refreshes when shown again.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QStackedBarSeries
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCursor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import QuickReplyError
from assistant.reasons import error_text
from assistant.team.response_times import seconds_text
from assistant.team.stats import compute_stats, export_stats
from assistant.team.time_saved import duration_text
from ui.context import AppContext
from ui.widgets.charts import bar_chart_view, set_bar_axes
from ui.widgets.colours import BAR_COLOUR, HARD_COLOUR, SOFT_COLOUR
from ui.widgets.figures import error_label, figures_grid, headline, percent
from ui.widgets.placement import keep_on_screen
from ui.widgets.tables import fill_table, make_table

log = logging.getLogger(__name__)

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
#: The histogram's last bar collects every conversation with at least this many quick
#: replies (never fewer than hard limit + 2 bars, so "over the hard limit" has a bar).
HISTOGRAM_TOP = 8


class StatsWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.stats: dict | None = None
        self._stale = True
        self.setObjectName("stats")

        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        for days in PERIODS:
            self.period.addItem("", days)
        self.period.setCurrentIndex(PERIODS.index(DEFAULT_PERIOD))
        self.period_label.setBuddy(self.period)
        self.range_label = QLabel(self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.export_csv_button = QPushButton(self)
        self.export_json_button = QPushButton(self)
        self.team_report_button = QPushButton(self)
        self.error_label = error_label(self)
        # Headline figures: a caption and a value each; values are read by tests.
        self.captions, self.values = headline(self, ("conversations", "today", "insertions", "mean", "soft", "hard",
                                                             "saved", "first", "average"))

        self.per_day_chart = QChart()
        self.per_day_chart.legend().hide()
        self.per_day_series = QBarSeries()
        self.per_day_view = bar_chart_view(self, self.per_day_chart, self.per_day_series)
        self.per_day_axes = (self.per_day_chart.axes()[0], self.per_day_chart.axes()[1])
        self.histogram_chart = QChart()
        self.histogram_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.histogram_series = QStackedBarSeries()
        self.histogram_view = bar_chart_view(self, self.histogram_chart, self.histogram_series)
        self.histogram_axes = (self.histogram_chart.axes()[0], self.histogram_chart.axes()[1])
        #: The charts' current series, kept so tests (and refreshes) reach the bar sets.
        self.per_day_set: QBarSet | None = None
        self.histogram_sets: tuple[QBarSet, QBarSet, QBarSet] | None = None

        self.tabs = QTabWidget(self)
        self.most_used = self._table(5)
        self.never_used = self._table(5)
        self.per_book = self._table(2)
        self.per_group = self._table(3)
        self.responses = make_table(self, 6, 0)
        for table in (self.most_used, self.never_used, self.per_book, self.per_group, self.responses):
            self.tabs.addTab(table, "")

        self._layout()
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.export_json_button.clicked.connect(lambda: self.export("json"))
        self.team_report_button.clicked.connect(lambda: context.windowRequested.emit("team-report"))
        context.phrasesChanged.connect(self._changed)
        context.settingsChanged.connect(self._changed)
        self.retranslate()
        metrics = self.fontMetrics()
        self.resize(self.sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 160, metrics.height() * 50)))
        keep_on_screen(self, "statistics")

    # -- building ------------------------------------------------------------------------

    def _table(self, columns: int) -> QTableWidget:
        # The title (or the book/group name) takes the room that is left.
        return make_table(self, columns, 1 if columns == 5 else columns - 2)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addWidget(self.range_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_csv_button)
        top.addWidget(self.export_json_button)
        top.addWidget(self.team_report_button)
        figures = figures_grid(self.captions, self.values)
        # The per-day chart takes the whole width: 90 days are 90 bars.
        bottom = QHBoxLayout()
        bottom.addWidget(self.histogram_view, 2)
        bottom.addWidget(self.tabs, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addLayout(figures)
        layout.addWidget(self.per_day_view, 1)
        layout.addLayout(bottom, 1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("QuickReply statistics"))
        self.period_label.setText(self.tr("&Period:"))
        for index, days in enumerate(PERIODS):
            self.period.setItemText(index, self.tr("Last {days} days").format(days=days))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the numbers again (F5)"))
        self.export_csv_button.setText(self.tr("Export CSV…"))
        self.export_json_button.setText(self.tr("Export JSON…"))
        self.team_report_button.setText(self.tr("Team report…"))
        self.team_report_button.setToolTip(self.tr("For team leads: merge the agents' exported statistics into one "
                                                   "report"))
        self.per_day_chart.setTitle(self.tr("Conversations per day"))
        self.histogram_chart.setTitle(self.tr("Quick replies per conversation"))
        phrase_columns = [self.tr("Code"), self.tr("Title"), self.tr("Group"), self.tr("Book"), self.tr("Uses")]
        self.most_used.setHorizontalHeaderLabels(phrase_columns)
        self.never_used.setHorizontalHeaderLabels(phrase_columns)
        self.per_book.setHorizontalHeaderLabels([self.tr("Book"), self.tr("Uses")])
        self.per_group.setHorizontalHeaderLabels([self.tr("Book"), self.tr("Group"), self.tr("Uses")])
        self.responses.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Waiting buyers"), self.tr("Answered"),
                                                  self.tr("First response"), self.tr("Average response"),
                                                  self.tr("Median response")])
        explanation = self.tr("How long buyers waited for your answer: from a rise of the unread counter in the chat "
                              "window's title (such as \"(3)\") to your quick reply, or to the counter clearing. "
                              "First response: the first answer in each conversation; average: every answer. "
                              "Chat programs whose title shows no counter cannot be measured.")
        for widget in (self.captions["first"], self.values["first"], self.captions["average"],
                       self.values["average"], self.responses):
            widget.setToolTip(explanation)
        if self.stats is not None:
            self._show(self.stats)
        else:
            self._captions(self.context.settings.soft_limit, self.context.settings.hard_limit, 0)

    def _captions(self, soft: int, hard: int, never_total: int) -> None:
        """The texts that carry numbers from the statistics (limits, counts)."""
        self.captions["conversations"].setText(self.tr("Conversations"))
        self.captions["today"].setText(self.tr("Today"))
        self.captions["insertions"].setText(self.tr("Quick replies"))
        self.captions["mean"].setText(self.tr("Mean per conversation"))
        self.captions["soft"].setText(self.tr("{soft} or more (soft limit)").format(soft=soft))
        self.captions["hard"].setText(self.tr("More than {hard} (hard limit)").format(hard=hard))
        self.captions["saved"].setText(self.tr("Time saved"))
        self.captions["first"].setText(self.tr("First response"))
        self.captions["average"].setText(self.tr("Average response"))
        self.tabs.setTabText(0, self.tr("Most used"))
        self.tabs.setTabText(1, self.tr("Never used ({count})").format(count=never_total))
        self.tabs.setTabText(2, self.tr("Per book"))
        self.tabs.setTabText(3, self.tr("Per group"))
        self.tabs.setTabText(4, self.tr("Response times"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- refreshing ----------------------------------------------------------------------

    def days(self) -> int:
        return int(self.period.currentData())

    def set_days(self, days: int) -> None:
        self.period.setCurrentIndex(PERIODS.index(days))

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def compute(self, *, all_phrases: bool = False) -> dict:
        return compute_stats(self.context.store, self.context.settings, datetime.now().astimezone(), self.days(),
                             all_phrases=all_phrases)

    def refresh(self) -> None:
        """Read the numbers again; a damaged log shows one line instead of figures."""
        self._stale = False
        try:
            stats = self.compute()
        except (QuickReplyError, OSError) as error:
            log.warning("could not compute the statistics: %s", error)
            self.error_label.setText(
                self.tr("The statistics could not be read: {error}").format(error=error_text(error)))
            self.error_label.show()
            return
        self.error_label.hide()
        self.stats = stats
        self._show(stats)

    def _show(self, stats: dict) -> None:
        soft, hard = stats["limits"]["soft"], stats["limits"]["hard"]
        self._captions(soft, hard, stats["never_used_total"])
        self.range_label.setText(self.tr("{start} to {end}").format(start=stats["period"]["from"],
                                                                      end=stats["period"]["to"]))
        self.values["conversations"].setText(str(stats["conversations"]))
        self.values["today"].setText(str(stats["conversations_today"]))
        self.values["insertions"].setText(str(stats["insertions"]))
        self.values["mean"].setText(f"{stats['quick_replies_per_conversation']['mean']:.2f}")
        self.values["soft"].setText(percent(stats["over_soft_share"]))
        self.values["hard"].setText(percent(stats["over_hard_share"]))
        self._show_time_saved(stats["time_saved"])
        self._show_responses(stats["response_times"])
        self._show_per_day(stats["conversations_per_day"])
        self._show_histogram(stats["quick_replies_per_conversation"]["histogram"], soft, hard)
        fill_table(self.most_used, [self._phrase_row(row) for row in stats["most_used"]])
        fill_table(self.never_used, [self._phrase_row(row) for row in stats["never_used"]])
        fill_table(self.per_book, [[row["book"], row["uses"]] for row in stats["per_book"]])
        fill_table(self.per_group, [[row["book"], row["group"] or self.tr("(no group)"), row["uses"]]
                                    for row in stats["per_group"]])

    def _show_time_saved(self, saved: dict) -> None:
        """The minutes, and in the tooltip the typing speeds they were reckoned at."""
        self.values["saved"].setText(duration_text(saved["minutes"]))
        lines = [self.tr("What the quick replies would have taken to type, at your speed:")]
        for code, name in (("zh", self.tr("Chinese")), ("en", self.tr("English"))):
            speed = saved["speeds"][code]
            line = self.tr("{language}: {cpm} characters per minute").format(language=name, cpm=f"{speed['cpm']:g}")
            if not speed["measured"]:
                line += self.tr(" (assumed: no typing drill yet)")
            lines.append(line)
        tooltip = "\n".join(lines)
        self.values["saved"].setToolTip(tooltip)
        self.captions["saved"].setToolTip(tooltip)

    def _show_responses(self, responses: dict) -> None:
        """The period's first and average response in the headline; per day, newest
        first, the waits and the times ("—" where no wait was answered)."""
        self.values["first"].setText(seconds_text(responses["first_response"]))
        self.values["average"].setText(seconds_text(responses["average_response"]))
        fill_table(self.responses, [[day["date"], day["waits"], day["answered"], seconds_text(day["first_response"]),
                                     seconds_text(day["average_response"]), seconds_text(day["median_response"])]
                                    for day in reversed(responses["per_day"])], numeric=(1, 2, 3, 4, 5))

    def _show_per_day(self, per_day: list[dict]) -> None:
        self.per_day_series.clear()
        bars = QBarSet(self.tr("Conversations"))
        bars.setColor(BAR_COLOUR)
        bars.setBorderColor(BAR_COLOUR)
        bars.append([float(entry["conversations"]) for entry in per_day])
        self.per_day_series.append(bars)
        # Month-day (the range label gives the year), turned upright past a week. Ninety
        # labels cannot be read under ninety bars: then the bars' tooltips give the days.
        x_axis = self.per_day_axes[0]
        x_axis.setLabelsAngle(0 if len(per_day) <= 7 else -90)
        x_axis.setLabelsVisible(len(per_day) <= 31)
        bars.hovered.connect(lambda status, index: self._day_tooltip(status, index, per_day))
        set_bar_axes(self.per_day_axes, [entry["date"][5:] for entry in per_day],
                       max((entry["conversations"] for entry in per_day), default=0))
        self.per_day_set = bars

    def _day_tooltip(self, status: bool, index: int, per_day: list[dict]) -> None:
        if status and 0 <= index < len(per_day):
            QToolTip.showText(QCursor.pos(), self.tr("{date}: {count} conversations").format(
                date=per_day[index]["date"], count=per_day[index]["conversations"]), self.per_day_view)
        else:
            QToolTip.hideText()

    def _show_histogram(self, histogram: dict[str, int], soft: int, hard: int) -> None:
        """One category per count of quick replies, the last one collecting the rest; three
        stacked sets so each bar has its colour: below the soft limit, at or over it (up to
        the hard limit), over the hard limit."""
        self.histogram_series.clear()
        top = max(HISTOGRAM_TOP, hard + 2)
        counts = [0] * (top + 1)
        for key, number in histogram.items():
            counts[min(int(key), top)] += number
        below = QBarSet(self.tr("Below {soft}").format(soft=soft))
        at_soft = QBarSet(self.tr("{soft} to {hard}").format(soft=soft, hard=hard))
        over_hard = QBarSet(self.tr("Over {hard}").format(hard=hard))
        for bars, colour in ((below, BAR_COLOUR), (at_soft, SOFT_COLOUR), (over_hard, HARD_COLOUR)):
            bars.setColor(colour)
            bars.setBorderColor(colour)
        for count, number in enumerate(counts):
            kind = over_hard if count > hard else at_soft if count >= soft else below
            for bars in (below, at_soft, over_hard):
                bars.append(float(number) if bars is kind else 0.0)
        self.histogram_series.append([below, at_soft, over_hard])
        set_bar_axes(self.histogram_axes, [str(count) for count in range(top)] + [f"{top}+"], max(counts))
        self.histogram_sets = (below, at_soft, over_hard)

    def _phrase_row(self, row: dict) -> list:
        title = row["title"] or self.tr("(deleted)")
        return [row["code"], title, row["group"], row["book"], row["uses"]]

    # -- exporting -----------------------------------------------------------------------

    def ask_save_path(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        """The file to export to, or None when cancelled (tests replace this)."""
        chosen, _used = QFileDialog.getSaveFileName(self, caption, str(Path.home() / suggested), file_filter)
        return Path(chosen) if chosen else None

    def show_error(self, text: str) -> None:
        """A one-line explanation, never a traceback (tests replace this)."""
        QMessageBox.warning(self, self.tr("QuickReply statistics"), text)

    def export(self, kind: str) -> Path | None:
        """Ask for a file and write the statistics (every phrase included) as ``kind``
        ("csv" or "json"); returns the file written, None when cancelled or failed."""
        file_filter = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("JSON files (*.json)")
        suggested = "quickreply-stats-{date}.{kind}".format(date=datetime.now().strftime("%Y-%m-%d"), kind=kind)
        path = self.ask_save_path(self.tr("Export statistics"), file_filter, suggested)
        if path is None:
            return None
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(f"{path.name}.{kind}")
        try:
            export_stats(self.compute(all_phrases=True), path)
        except (QuickReplyError, OSError) as error:
            log.warning("could not export the statistics: %s", error)
            self.show_error(self.tr("The statistics could not be exported: {error}").format(error=error_text(error)))
            return None
        return path
