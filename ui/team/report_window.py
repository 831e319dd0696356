"""The team report window: a lead picks the agents' statistics exports and sees the
merged numbers, and saves the same HTML report ``quickreply report`` writes.

Or the lead follows the team's folder, where agents share their numbers
(``assistant.team.sharing``): every export there is read, and read again when an agent's
app writes a new one, so the report is live. The folder set in Settings is followed as
soon as the window opens.

The numbers come from ``assistant.team.report.team_report`` (the one merging implementation);
this window only draws them, with QtCharts and the figures, charts and tables of
``ui.widgets`` (as the statistics window does). Adding a file that cannot be read shows
one line and keeps the report as it was: a report silently missing an agent would mislead.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QFileSystemWatcher, QMargins, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import QuickReplyError
from assistant.reasons import error_text
from assistant.team.report import TeamReport, TraineeProgress, team_report
from assistant.team.report_html import drill_count_text
from assistant.team.response_times import seconds_text
from assistant.team.time_saved import duration_text
from assistant.timestamps import local_text, parse_stamp
from ui.widgets.charts import bar_chart_view, set_bar_axes
from ui.widgets.colours import BAR_COLOUR, HARD_COLOUR, SOFT_COLOUR
from ui.widgets.figures import error_label, figures_grid, headline, percent
from ui.widgets.placement import keep_on_screen
from ui.widgets.tables import fill_table, make_table

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)

COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
GOAL_COLOUR = QColor("#2ca02c")
# Longest phrase label under a bar; the table beside the chart has the whole title.
LABEL_CHARACTERS = 10


def _milliseconds(stamp: str) -> float:
    """A stored UTC time as milliseconds since the epoch, for QDateTimeAxis."""
    return parse_stamp(stamp).timestamp() * 1000


class ReportWindow(QWidget):
    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None):
        """``context``: the registry builds every window with it; the report reads only
        exports, and from the settings the team folder."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("team-report")
        self.paths: list[Path] = []
        self.report: TeamReport | None = None
        #: The team folder followed, if any.
        self.folder: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        # An agent's app writes a temporary, then renames it: read once it settles.
        self._reread = QTimer(self, singleShot=True, interval=500)
        self._reread.timeout.connect(self._read_folder)
        self._watcher.directoryChanged.connect(lambda _path: self._reread.start())

        self.folder_button = QPushButton(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.files = QListWidget(self)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(self.fontMetrics().height() * 5)
        self.period_label = QLabel(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error_label = error_label(self)
        self.captions, self.values = headline(self, ("agents", "conversations", "soft", "hard", "reached"))

        # Typing: the trainees' table and their drills over time.
        self.trainees = make_table(self, 9, 0)
        #: The team drill texts (赛文), every race's ranking one after the other.
        self.races = make_table(self, 6, 0)
        self.drills_chart = QChart()
        self.drills_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.drills_chart.setMargins(QMargins(4, 4, 4, 4))
        self.drills_chart.setBackgroundRoundness(0)
        self.time_axis, self.cpm_axis = QDateTimeAxis(self.drills_chart), QValueAxis(self.drills_chart)
        self.time_axis.setFormat("MM-dd")
        self.cpm_axis.setLabelFormat("%d")
        self.drills_chart.addAxis(self.time_axis, Qt.AlignmentFlag.AlignBottom)
        self.drills_chart.addAxis(self.cpm_axis, Qt.AlignmentFlag.AlignLeft)
        self.drills_view = QChartView(self.drills_chart, self)
        self.drills_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.drills_view.setMinimumHeight(self.fontMetrics().height() * 16)
        # One line per trainee and language, then one per goal; kept for tests.
        self.drill_series: list[QLineSeries] = []
        self.goal_series: list[QLineSeries] = []

        # Phrases: the team's most used, by agent, and the never used.
        self.most_used_chart = QChart()
        self.most_used_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.most_used_series = QStackedBarSeries()
        self.most_used_view = bar_chart_view(self, self.most_used_chart, self.most_used_series)
        self.most_used = make_table(self, 5, 1)
        self.never_used = make_table(self, 4, 1)
        self.never_used_label = QLabel(self)
        self.most_used_sets: list[QBarSet] = []

        # Over the limits and conversations, per agent.
        self.limits_chart = QChart()
        self.limits_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.limits_series = QBarSeries()
        self.limits_view = bar_chart_view(self, self.limits_chart, self.limits_series)
        self.limits_chart.axes()[1].setLabelFormat("%d%%")
        self.limits_series.setLabelsVisible(True)
        self.limits_series.setLabelsFormat("@value%")
        self.limits_series.setLabelsPrecision(3)
        self.limits = make_table(self, 4, 0)
        self.limits_sets: tuple[QBarSet, QBarSet] | None = None
        self.conversations_chart = QChart()
        self.conversations_chart.legend().hide()
        self.conversations_series = QBarSeries()
        self.conversations_view = bar_chart_view(self, self.conversations_chart, self.conversations_series)
        self.agents = make_table(self, 9, 0)
        self.conversations_series.setLabelsVisible(True)
        self.conversations_set: QBarSet | None = None

        self.tabs = QTabWidget(self)
        self._layout()
        self.folder_button.clicked.connect(lambda: self.follow(self.ask_folder()))
        self.add_button.clicked.connect(lambda: self.add_files(self.ask_open_paths()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save_html)
        self.files.itemSelectionChanged.connect(self._enable)
        self.retranslate()
        self._enable()
        metrics = self.fontMetrics()
        self.resize(self.sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 170, metrics.height() * 52)))
        keep_on_screen(self, "team-report")
        share = context.settings.team_share if context is not None else ""
        if share and Path(share).is_dir():
            self.follow(Path(share))

    # -- building ------------------------------------------------------------------------

    def _page(self, *parts: QWidget, vertical: bool = True) -> QWidget:
        """Parts one above the other (or side by side); a chart gets twice a table's room."""
        splitter = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        for index, part in enumerate(parts):
            splitter.addWidget(part)
            splitter.setStretchFactor(index, 2 if isinstance(part, QChartView) else 1)
        splitter.setSizes([2000 if isinstance(part, QChartView) else 1000 for part in parts])
        return splitter

    def _never_used_box(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.never_used_label)
        layout.addWidget(self.never_used)
        return box

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.folder_button)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addWidget(self.period_label, 1)
        top.addWidget(self.save_button)
        self.tabs.addTab(self._page(self.trainees, self.drills_view), "")
        self.tabs.addTab(self._page(self.most_used_view, self._page(self.most_used, self._never_used_box(),
                                                                    vertical=False)), "")
        self.tabs.addTab(self._page(self.limits_view, self.limits), "")
        self.tabs.addTab(self._page(self.conversations_view, self.agents), "")
        self.tabs.addTab(self.races, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.files)
        layout.addWidget(self.hint)
        layout.addWidget(self.error_label)
        layout.addLayout(figures_grid(self.captions, self.values))
        layout.addWidget(self.tabs, 1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("QuickReply team report"))
        self.folder_button.setText(self.tr("Team folder…"))
        self.folder_button.setToolTip(self.tr("Follow the folder agents share their numbers to (Settings → "
                                              "General): every export there, read again when one changes"))
        self.add_button.setText(self.tr("Add exports…"))
        self.add_button.setToolTip(self.tr("The agents' statistics exports (.json): Export JSON… in their "
                                           "statistics window, or quickreply stats export FILE.json"))
        self.remove_button.setText(self.tr("Remove"))
        self.save_button.setText(self.tr("Save as HTML…"))
        self.save_button.setToolTip(self.tr("One file with charts that opens in any browser, even offline, "
                                            "and the numbers beside it as .json"))
        self.hint.setText(self.tr("Ask each agent for their statistics export (Statistics → Export JSON…), "
                                  "then add the files here."))
        self.captions["agents"].setText(self.tr("Agents"))
        self.captions["conversations"].setText(self.tr("Conversations"))
        self.captions["soft"].setText(self.tr("At or over the soft limit"))
        self.captions["hard"].setText(self.tr("Over the hard limit"))
        self.captions["reached"].setText(self.tr("Trainees at their typing goal"))
        self.tabs.setTabText(0, self.tr("Typing"))
        self.tabs.setTabText(1, self.tr("Phrases"))
        self.tabs.setTabText(2, self.tr("Over the limits"))
        self.tabs.setTabText(3, self.tr("Conversations"))
        self.tabs.setTabText(4, self.tr("Team drills"))
        self.races.setHorizontalHeaderLabels([self.tr("Team drill"), self.tr("Rank"), self.tr("Trainee"),
                                              self.tr("Net CPM"), self.tr("Accuracy"), self.tr("Date")])
        self.trainees.setHorizontalHeaderLabels([
            self.tr("Trainee"), self.tr("Language"), self.tr("Drills"), self.tr("Best CPM"), self.tr("Latest CPM"),
            self.tr("Goal"), self.tr("Reached the goal"), self.tr("Trend (CPM per day)"), self.tr("Goal expected on")])
        self.drills_chart.setTitle(self.tr("Drills over time (net CPM)"))
        self.most_used_chart.setTitle(self.tr("Most used phrases, by agent"))
        phrase_columns = [self.tr("Code"), self.tr("Title"), self.tr("Group"), self.tr("Book")]
        self.most_used.setHorizontalHeaderLabels([*phrase_columns, self.tr("Uses")])
        self.never_used.setHorizontalHeaderLabels(phrase_columns)
        self.limits_chart.setTitle(self.tr("Share of conversations over the limits"))
        self.limits.setHorizontalHeaderLabels([self.tr("Agent"), self.tr("Limits (soft / hard)"),
                                               self.tr("At or over the soft limit"), self.tr("Over the hard limit")])
        self.conversations_chart.setTitle(self.tr("Conversations per agent"))
        self.agents.setHorizontalHeaderLabels([self.tr("Agent"), self.tr("Period"), self.tr("Conversations"),
                                               self.tr("Quick replies"), self.tr("Quick replies per conversation"),
                                               self.tr("Time saved"), self.tr("Waiting buyers"),
                                               self.tr("First response"), self.tr("Average response")])
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- files ---------------------------------------------------------------------------

    def ask_open_paths(self) -> list[Path]:
        """The exports to add, empty when cancelled (tests replace this)."""
        chosen, _used = QFileDialog.getOpenFileNames(self, self.tr("Add statistics exports"), str(Path.home()),
                                                     self.tr("Statistics exports (*.json)"))
        return [Path(name) for name in chosen]

    def ask_folder(self) -> Path | None:
        """The team folder to follow, None when cancelled (tests replace this)."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("The team's shared folder"),
                                                  str(self.folder or Path.home()))
        return Path(chosen) if chosen else None

    def follow(self, folder: Path | None) -> None:
        """Show every export in ``folder``, and keep showing them as agents share anew."""
        if folder is None:
            return
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.folder = folder
        self._watcher.addPath(str(folder))
        self._read_folder()

    def _read_folder(self) -> None:
        if self.folder is None:
            return
        from assistant.team.report_html import exports_in

        self.load(exports_in([self.folder])[0])

    def ask_save_path(self) -> Path | None:
        """The HTML file to write, None when cancelled (tests replace this)."""
        suggested = Path.home() / "quickreply-team-report-{date}.html".format(date=datetime.now().strftime("%Y-%m-%d"))
        chosen, _used = QFileDialog.getSaveFileName(self, self.tr("Save the team report"), str(suggested),
                                                    self.tr("HTML files (*.html)"))
        return Path(chosen) if chosen else None

    def show_error(self, text: str) -> None:
        """A one-line explanation, never a traceback (tests replace this)."""
        QMessageBox.warning(self, self.tr("QuickReply team report"), text)

    def add_files(self, paths: list[Path]) -> bool:
        """Earlier team reports among ``paths`` (a folder's every .json chosen, the last
        report's numbers with them) are left out with a note, as ``quickreply report`` does."""
        from assistant.team.report_html import exports_in

        exports, reports = exports_in(paths)
        added = self.load(self.paths + [path for path in exports if path not in self.paths]) if exports else False
        if reports and not self.error_label.isVisible():
            self.error_label.setText(self.tr("Left out, as team reports rather than agents' exports: {files}").format(
                files=", ".join(path.name for path in reports)))
            self.error_label.show()
        return added

    def remove_selected(self) -> None:
        chosen = {index.row() for index in self.files.selectedIndexes()}
        self.load([path for row, path in enumerate(self.paths) if row not in chosen])

    def load(self, paths: list[Path]) -> bool:
        """Merge ``paths`` into the report shown; on a bad file the previous report stays."""
        report = None
        if paths:
            try:
                report = team_report(paths, datetime.now().astimezone())
            except (QuickReplyError, OSError) as error:
                log.warning("could not make the team report: %s", error)
                self.error_label.setText(self.tr("Not added: {error}").format(error=error_text(error)))
                self.error_label.show()
                return False
        self.error_label.hide()
        self.paths, self.report = list(paths), report
        self.files.clear()
        self.files.addItems([str(path) for path in self.paths])
        self._show()
        self._enable()
        return True

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.files.selectedItems()))
        self.save_button.setEnabled(self.report is not None)
        self.hint.setVisible(self.report is None)

    def save_html(self) -> Path | None:
        """Write the report as ``quickreply report`` does (page and JSON sidecar); returns
        the page written, None when cancelled or failed."""
        from assistant.team.report_html import output_paths, save_report

        if self.report is None:
            return None
        path = self.ask_save_path()
        if path is None:
            return None
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_name(f"{path.name}.html")
        try:
            out, sidecar = output_paths(path, None, self.paths)
            save_report(self.report, out, sidecar)
        except (QuickReplyError, OSError) as error:
            log.warning("could not save the team report: %s", error)
            self.show_error(self.tr("The team report could not be saved: {error}").format(error=error_text(error)))
            return None
        return out

    # -- showing -------------------------------------------------------------------------

    def _language(self, code: str) -> str:
        return self.tr("Chinese") if code == "zh" else self.tr("English")

    def _trainee_label(self, trainee: TraineeProgress) -> str:
        return f"{trainee.trainee} · {self._language(trainee.language)}"

    def _show(self) -> None:
        report = self.report
        if report is None:
            self.period_label.setText("")
            for value in self.values.values():
                value.setText("–")
        else:
            self.period_label.setText(self.tr("{start} to {end}").format(start=report.period_from,
                                                                          end=report.period_to))
            trainees = {trainee.trainee for trainee in report.trainees}
            reached = {trainee.trainee for trainee in report.trainees if trainee.reached}
            self.values["agents"].setText(str(len(report.agents)))
            self.values["conversations"].setText(str(report.conversations))
            self.values["soft"].setText(percent(report.over_soft_share))
            self.values["hard"].setText(percent(report.over_hard_share))
            self.values["reached"].setText(f"{len(reached)}/{len(trainees)}")
        self._show_trainees(report)
        self._show_races(report)
        self._show_phrases(report)
        self._show_agents(report)

    def _show_trainees(self, report: TeamReport | None) -> None:
        trainees = report.trainees if report else ()
        rows = []
        for trainee in trainees:
            reached = self.tr("yes, on {date}").format(
                date=local_text(trainee.reached_on, "%Y-%m-%d")) if trainee.reached_on \
                else self.tr("not yet")
            trend = "—" if trainee.trend_cpm_per_day is None else f"{trainee.trend_cpm_per_day:+.1f}"
            latest = "—" if trainee.latest_net_cpm is None else f"{trainee.latest_net_cpm:.1f}"
            rows.append([trainee.trainee, self._language(trainee.language), drill_count_text(trainee),
                         f"{trainee.best_net_cpm:.1f}", latest, trainee.goal_cpm, reached,
                         trend, trainee.forecast_date or "—"])
        fill_table(self.trainees, rows, numeric=(3, 4, 7))
        self.drills_chart.removeAllSeries()
        self.drill_series, self.goal_series = [], []
        moments = [_milliseconds(point.finished) for trainee in trainees for point in trainee.drills]
        for index, trainee in enumerate(trainees):
            series = QLineSeries(self.drills_chart)
            series.setName(self._trainee_label(trainee))
            series.setPointsVisible(True)
            series.setPen(QPen(QColor(COLOURS[index % len(COLOURS)]), 2))
            series.setMarkerSize(6)
            for point in trainee.drills:
                series.append(_milliseconds(point.finished), point.net_cpm)
            self.drill_series.append(series)
        for goal in sorted({trainee.goal_cpm for trainee in trainees}):
            line = QLineSeries(self.drills_chart)
            line.setName(self.tr("Goal {goal} CPM").format(goal=goal))
            pen = QPen(GOAL_COLOUR, 2, Qt.PenStyle.DashLine)
            line.setPen(pen)
            line.append(min(moments), goal)
            line.append(max(moments), goal)
            self.goal_series.append(line)
        for series in self.drill_series + self.goal_series:
            self.drills_chart.addSeries(series)
            series.attachAxis(self.time_axis)
            series.attachAxis(self.cpm_axis)
        if moments:
            # Whole local days, a tick a day up to two weeks; CPM in steps of 20 above the goal.
            first = datetime.fromtimestamp(min(moments) / 1000).replace(hour=0, minute=0, second=0, microsecond=0)
            days = (datetime.fromtimestamp(max(moments) / 1000) - first).days + 1
            self.time_axis.setRange(first, first + timedelta(days=days))
            self.time_axis.setTickCount(days + 1 if days <= 14 else 8)
            highest = max([point.net_cpm for trainee in trainees for point in trainee.drills]
                          + [trainee.goal_cpm for trainee in trainees])
            top = math.ceil(highest * 1.05 / 20) * 20
            self.cpm_axis.setRange(0, top)
            self.cpm_axis.setTickCount(top // 20 + 1)
            # A date axis laid out while the chart had no series keeps no labels once
            # series come (Qt 6) until it is shown anew.
            self.time_axis.hide()
            self.time_axis.show()

    def _show_races(self, report: TeamReport | None) -> None:
        """Each race's trainees, best first; a result that does not count has no rank."""
        fill_table(self.races, [
            [f"{race.title} · {self._language(race.language)}", entry.rank or self.tr("not counted"), entry.trainee,
             f"{entry.net_cpm:.1f}", f"{entry.accuracy * 100:.1f}%", local_text(entry.finished, "%Y-%m-%d")]
            for race in (report.races if report else ()) for entry in race.entries], numeric=(1, 3, 4))

    def _show_phrases(self, report: TeamReport | None) -> None:
        most_used = report.most_used if report else ()
        agents = [agent.name for agent in report.agents] if report else []
        self.most_used_series.clear()
        self.most_used_sets = []
        for index, agent in enumerate(agents):
            bars = QBarSet(agent)
            bars.setColor(QColor(COLOURS[index % len(COLOURS)]))
            bars.append([float(phrase.by_agent.get(agent, 0)) for phrase in most_used])
            self.most_used_sets.append(bars)
        self.most_used_series.append(self.most_used_sets)
        axes = (self.most_used_chart.axes()[0], self.most_used_chart.axes()[1])
        labels = [phrase.code or phrase.title[:LABEL_CHARACTERS] or phrase.phrase_id for phrase in most_used]
        set_bar_axes(axes, labels, max((phrase.uses for phrase in most_used), default=0))
        deleted = self.tr("(deleted)")
        fill_table(self.most_used, [[phrase.code, phrase.title or deleted, phrase.group, phrase.book, phrase.uses]
                                    for phrase in most_used])
        never_used = report.never_used if report else ()
        fill_table(self.never_used, [[phrase.code, phrase.title or deleted, phrase.group, phrase.book]
                                     for phrase in never_used])
        self.never_used_label.setText(self.tr("Never used by anyone: {count} of {total} phrases").format(
            count=len(never_used), total=report.phrases if report else 0))

    def _show_agents(self, report: TeamReport | None) -> None:
        agents = report.agents if report else ()
        names = [agent.name for agent in agents]
        self.limits_series.clear()
        soft = QBarSet(self.tr("At or over the soft limit"))
        hard = QBarSet(self.tr("Over the hard limit"))
        for bars, colour, kind in ((soft, SOFT_COLOUR, "over_soft_share"), (hard, HARD_COLOUR, "over_hard_share")):
            bars.setColor(colour)
            bars.setBorderColor(colour)
            bars.append([getattr(agent, kind) * 100 for agent in agents])
        self.limits_series.append([soft, hard])
        self.limits_sets = (soft, hard)
        set_bar_axes((self.limits_chart.axes()[0], self.limits_chart.axes()[1]), names,
                     max((agent.over_soft_share * 100 for agent in agents), default=0))
        rows = [[agent.name, f"{agent.soft_limit} / {agent.hard_limit}", percent(agent.over_soft_share),
                 percent(agent.over_hard_share)] for agent in agents]
        if report is not None:
            rows.append([self.tr("Whole team"), "", percent(report.over_soft_share), percent(report.over_hard_share)])
        fill_table(self.limits, rows, numeric=(1, 2, 3))

        self.conversations_series.clear()
        bars = QBarSet(self.tr("Conversations"))
        bars.setColor(BAR_COLOUR)
        bars.setBorderColor(BAR_COLOUR)
        bars.append([float(agent.conversations) for agent in agents])
        self.conversations_series.append(bars)
        self.conversations_set = bars
        set_bar_axes((self.conversations_chart.axes()[0], self.conversations_chart.axes()[1]), names,
                     max((agent.conversations for agent in agents), default=0))
        fill_table(self.agents, [[agent.name, f"{agent.period_from} – {agent.period_to}", agent.conversations,
                                  agent.insertions, f"{agent.mean_per_conversation:.2f}",
                                  "" if agent.minutes_saved is None else duration_text(agent.minutes_saved),
                                  "—" if agent.waits is None else agent.waits, seconds_text(agent.first_response),
                                  seconds_text(agent.average_response)]
                                 for agent in agents], numeric=(4, 5, 6, 7, 8))

