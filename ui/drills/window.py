"""Typing practice: choose a text, type it, see the result, follow the progress.

Three tabs: Practice (a stack of three pages — choose, run, result), Progress and Help.
The window owns the drill's life: it makes the ``DrillSession`` from the chooser's
choice, hands it to the run page, stores the result in the history (``drills.json``) and
shows it, with a banner the first time the goal is reached. Esc leaves a running drill
(asking first when something was typed) and closes the window from the other pages.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from assistant.drills.goal import GoalRules, missed_conditions, reaches_goal
from assistant.drills.history import DrillHistory
from assistant.drills.progress import progress
from assistant.drills.session import DrillResult, DrillSession, DrillText
from assistant.drills.texts import adaptive_text, timed_text
from assistant.errors import QuickReplyError
from assistant.i18n import language as interface_language
from assistant.reasons import error_text
from ui.context import AppContext
from ui.drills.chooser import DrillChooser
from ui.drills.progress import DrillProgressPage
from ui.drills.result import DrillResultPage
from ui.drills.run import DrillRunPage
from ui.widgets.placement import keep_on_screen

DOCS = Path(__file__).resolve().parents[2] / "docs"


def help_file(language: str) -> Path:
    """The metrics help in the interface language (docs/typing-metrics[.zh].md)."""
    return DOCS / ("typing-metrics.zh.md" if language == "zh" else "typing-metrics.md")


class DrillWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("drills")
        self.context = context
        self.history = DrillHistory(context.store.folder)
        #: The last drill's text and mode, for "again".
        self.last: tuple[DrillText, str, int | None] | None = None
        self.chooser = DrillChooser(context.store, self.history, self)
        self.run_page = DrillRunPage(self, clock)
        self.result_page = DrillResultPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.chooser, self.run_page, self.result_page):
            self.stack.addWidget(page)
        self.progress_page = DrillProgressPage(context, self.history, self)
        self.help = QTextBrowser(self)
        self.help.setOpenExternalLinks(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.stack, "")
        self.tabs.addTab(self.progress_page, "")
        self.tabs.addTab(self.help, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.chooser.startRequested.connect(self.start_chosen)
        self.run_page.completed.connect(self._completed)
        self.run_page.leaveRequested.connect(self.leave_drill)
        self.result_page.againRequested.connect(self.again)
        self.result_page.adaptiveRequested.connect(self.practise_weak)
        self.result_page.backRequested.connect(self.back)
        self.tabs.currentChanged.connect(self._tab_changed)
        # Enter starts from anywhere on the choosing page (the paste box keeps its newlines).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.chooser, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._enter)
        help_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self)
        help_shortcut.activated.connect(lambda: self.tabs.setCurrentWidget(self.help))
        self.retranslate()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 130, metrics.height() * 40)
        keep_on_screen(self, "drills")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("QuickReply typing practice"))
        self.tabs.setTabText(0, self.tr("&Practice"))
        self.tabs.setTabText(1, self.tr("P&rogress"))
        self.tabs.setTabText(2, self.tr("&Help"))
        self.tabs.setTabToolTip(2, self.tr("How speed, accuracy and the input-method figures are measured (F1)"))
        self._load_help()

    def changeEvent(self, event: QEvent) -> None:
        """The pages' texts are all re-read here, on the window's LanguageChange."""
        if event.type() == QEvent.Type.LanguageChange:
            for page in (self.chooser, self.run_page, self.result_page, self.progress_page):
                page.retranslate()
            self.retranslate()
        super().changeEvent(event)

    def _load_help(self) -> None:
        path = help_file(interface_language())
        try:
            self.help.setMarkdown(path.read_text("utf-8"))
        except OSError:
            self.help.setPlainText(self.tr("The help file {file} is missing.").format(file=path))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.progress_page:
            self.progress_page.refresh()

    # -- starting ------------------------------------------------------------------------

    def _enter(self) -> None:
        if self.chooser.paste.hasFocus():
            self.chooser.paste.insertPlainText("\n")
        else:
            self.start_chosen()

    def start_chosen(self) -> None:
        mode, minutes = self.chooser.selected_mode()
        try:
            text = self.chooser.chosen()
        except QuickReplyError as error:
            self.chooser.show_error(str(error))
            return
        if mode == "timed" and text.source == "shipped":
            # A timed drill must not run out of text: a mix of practice texts long enough.
            text = timed_text(text.language, minutes)
        self.start(text, mode, minutes)

    def start(self, text: DrillText, mode: str = "fixed", minutes: int | None = None) -> None:
        """Open the run page on ``text``; the clock starts with the first key."""
        self.last = (text, mode, minutes)
        session = DrillSession(text, mode=mode, minutes=minutes,
                               pause_threshold=float(self.context.settings.drill_pause_seconds))
        self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.run_page)
        self.run_page.start(session, self.context.settings.trainee_name)

    def open_drill(self, text: DrillText | None, minutes: int | None) -> None:
        """From ``quickreply drill``: start on the given text, or let the user choose
        (with the minutes preset)."""
        if self.running() and self.run_page.has_input():
            return  # never throw away a drill being typed
        if text is not None:
            self.start(text, "timed" if minutes else "fixed", minutes)
            return
        self.back()
        self.chooser.set_minutes(minutes)

    def again(self) -> None:
        if self.last is not None:
            self.start(*self.last)

    def practise_weak(self) -> None:
        language = self.last[0].language if self.last else "zh"
        text = adaptive_text(self.history.results(), self.context.store, language)
        if text is None:
            self.back()
            self.chooser.set_source("adaptive")
            return
        self.start(text)

    def back(self) -> None:
        self.run_page.stop()
        self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.chooser)
        self.chooser.refresh()
        self.chooser.start_button.setFocus()

    # -- running and ending --------------------------------------------------------------

    def running(self) -> bool:
        return self.run_page.session is not None

    def confirm_leave(self) -> bool:
        """True when the user agrees to drop the drill being typed (tests replace this)."""
        answer = QMessageBox.question(self, self.tr("Typing practice"),
                                      self.tr("Leave this drill? What you typed is not saved."))
        return answer == QMessageBox.StandardButton.Yes

    def leave_drill(self) -> bool:
        """Back to the choice; False when the user keeps typing."""
        if self.run_page.has_input() and not self.confirm_leave():
            self.run_page.input.setFocus()
            return False
        self.back()
        return True

    def _completed(self, result: DrillResult) -> None:
        """Judge the drill by the lead's rules of today, store it and show it."""
        rules = GoalRules.from_settings(self.context.settings, result.language)
        result = replace(result, counted=not missed_conditions(result, rules))
        before = [item for item in self.history.results() if item.language == result.language]
        reached_before = progress(before, rules, result.language, date.today()).goal_reached is not None
        first_time = reaches_goal(result, rules) and not reached_before
        try:
            self.history.add(result)
        except (QuickReplyError, OSError) as error:
            QMessageBox.warning(self, self.tr("Typing practice"),
                                self.tr("The result could not be saved: {error}").format(error=error_text(error)))
        self.result_page.show_result(result, rules, first_time)
        self.stack.setCurrentWidget(self.result_page)
        self.result_page.again_button.setFocus()
        self.progress_page.set_language(result.language)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.running():
                self.leave_drill()
            elif self.stack.currentWidget() is self.result_page:
                self.back()
            else:
                self.close()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running() and self.run_page.has_input() and not self.confirm_leave():
            event.ignore()
            return
        self.run_page.stop()
        super().closeEvent(event)
