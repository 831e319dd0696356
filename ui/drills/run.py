"""The page of a running drill: the text, the input box and the live figures.

The input box feeds the ``DrillSession``; a QTimer (five times a second — enough for
figures a person reads, no busy loop) refreshes the speed, accuracy, time and pause
indicator and ends a timed drill when its time is up. When a drill is over is the
session's rule (``DrillSession.finished`` / ``is_over``): the page only asks.
``completed`` carries the session's result; saving it is the window's job.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.drills.session import DrillResult, DrillSession, FirstError
from ui.drills.input import DrillInput
from ui.drills.text import DrillTextView
from ui.widgets.figures import figures_grid, headline

TICK_MS = 200


def visible(text: str) -> str:
    """Spaces shown as the open-box sign, so a missed space is not a blank."""
    return text.replace(" ", "␣")


def clock_text(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class DrillRunPage(QWidget):
    completed = Signal(DrillResult)
    #: The user asked to leave (Esc or the button); the window decides whether to ask.
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.session: DrillSession | None = None
        self.trainee = ""
        self.title = QLabel(self)
        self.view = DrillTextView(self)
        self.input = DrillInput(self, clock)
        self.input.setMaximumHeight(self.input.fontMetrics().height() * 6)
        self.input.setObjectName("drillInput")
        font = self.input.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.input.setFont(font)
        self.captions, self.values = headline(self, ("speed", "accuracy", "time"))
        self.pause_label = QLabel(self)
        self.pause_label.setStyleSheet("color: #9a6700; font-weight: bold;")
        self.hint = QLabel(self, wordWrap=True)
        self.error_label = QLabel(self, wordWrap=True)
        self.error_label.setObjectName("firstError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.leave_button = QPushButton(self)
        self.leave_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing must never land on it
        self.timer = QTimer(self, interval=TICK_MS)

        figures = figures_grid(self.captions, self.values)
        figures.addWidget(self.pause_label, 1, len(self.captions))
        figures.setColumnStretch(len(self.captions), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(figures)
        layout.addWidget(self.error_label)
        layout.addWidget(self.input)
        layout.addLayout(bottom)

        self.input.keyPressed.connect(self._key_pressed)
        self.input.compositionStarted.connect(self._composition_started)
        self.input.preeditChanged.connect(self._preedit_changed)
        self.input.typedChanged.connect(self._typed_changed)
        self.timer.timeout.connect(self.tick)
        self.leave_button.clicked.connect(self.leaveRequested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.captions["speed"].setText(self.tr("Speed (chars/min)"))
        self.captions["accuracy"].setText(self.tr("Accuracy"))
        self.captions["time"].setText(self.tr("Time"))
        self.pause_label.setText(self.tr("Paused: the clock waits for you"))
        self.hint.setText(self.tr("Type the text in the box below with your usual input method. "
                                  "The clock starts with your first key."))
        self.leave_button.setText(self.tr("Leave (Esc)"))
        if self.session is not None:
            self._show_title()
            self._show_text()

    # -- running -------------------------------------------------------------------------

    def start(self, session: DrillSession, trainee: str) -> None:
        self.session = session
        self.trainee = trainee
        self.input.reset()
        self._show_title()
        self._show_text()
        self.tick()
        self.timer.start()
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        """Leave without a result."""
        self.timer.stop()
        self.session = None

    def has_input(self) -> bool:
        return self.session is not None and self.session.started

    def _show_title(self) -> None:
        session = self.session
        self.title.setText(session.text.title)
        self.captions["time"].setText(self.tr("Time left") if session.mode == "timed" else self.tr("Time"))

    def _show_text(self) -> None:
        session = self.session
        error = session.first_error()
        self.view.show_text(session.text.text, session.states(), session.alignment.reached,
                            error.place if error else None)
        self.error_label.setText(self.error_text(error))

    def error_text(self, error: FirstError | None) -> str:
        """The first uncorrected error in words ("" when there is none)."""
        if error is None:
            return ""
        shown = {"wrong": self.tr("First error: you typed “{typed}” where the text has “{expected}”."),
                 "skipped": self.tr("First error: “{expected}” was left out."),
                 "extra": self.tr("First error: an extra “{typed}” before “{expected}”.") if error.expected
                 else self.tr("First error: an extra “{typed}” after the end of the text.")}
        return shown[error.kind].format(typed=visible(error.typed), expected=visible(error.expected))

    def _key_pressed(self, t: float, backspace: bool) -> None:
        if self.session is not None:
            self.session.key_pressed(t, backspace=backspace)

    def _composition_started(self, t: float) -> None:
        if self.session is not None:
            self.session.composition_started(t)

    def _preedit_changed(self, preedit: str, committing: bool, t: float) -> None:
        if self.session is not None:
            self.session.preedit_changed(preedit, t, committing=committing)

    def _typed_changed(self, typed: str, t: float) -> None:
        if self.session is None:
            return
        self.session.typed_changed(typed, t)
        self._show_text()
        if self.session.finished:
            self._complete(t)

    def tick(self) -> None:
        """Live figures, and the end of a timed drill."""
        if self.session is None:
            return
        now = self.clock()
        if self.session.started and self.session.is_over(now):
            self._complete(now)
            return
        live = self.session.live(now)
        self.values["speed"].setText(f"{live.net_cpm:.0f}")
        self.values["accuracy"].setText(f"{live.accuracy * 100:.1f}%")
        elapsed = live.elapsed
        if self.session.mode == "timed":
            elapsed = max(self.session.minutes * 60 - elapsed, 0)
        self.values["time"].setText(clock_text(elapsed))
        self.pause_label.setVisible(live.paused)

    def _complete(self, t: float) -> None:
        session = self.session
        self.stop()
        self.completed.emit(session.finish(t, trainee=self.trainee))
