"""Shares the agent's numbers with the team while the app runs: once a day (checked at
start and every hour after) and when the app quits, if the agent chose a team folder or
address in Settings (``assistant.team.sharing``).

The work (reading the log, writing to a network folder or a server) runs on a thread of
its own; the result comes back by a queued signal to the main thread, which saves the
settings (the day shared). A failure is told once a day, not at every hourly try.
Quitting waits for the last share at most ``QUIT_WAIT_SECONDS``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.errors import QuickReplyError
from assistant.reasons import error_text
from assistant.settings import Settings
from assistant.team.sharing import due, share_now
from ui.context import AppContext

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60 * 60 * 1000
QUIT_WAIT_SECONDS = 2.0


class NumbersSharing(QObject):
    #: A notice for the agent (a failure, told once a day).
    notice = Signal(str)
    _done = Signal(object, str)

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self._running: threading.Thread | None = None
        self._failure_told: date | None = None
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.share_if_due)
        self._done.connect(self._finished)
        context.settingsChanged.connect(self.share_if_due)

    def start(self) -> None:
        self.share_if_due()
        self._timer.start()

    def share_if_due(self) -> None:
        if due(self.context.settings, datetime.now().astimezone()):
            self._share()

    def stop(self) -> None:
        """At quit: share once more (the day's last numbers), waiting a moment at most."""
        self._timer.stop()
        if self.context.settings.team_share and self._share() is not None and self._running is not None:
            self._running.join(QUIT_WAIT_SECONDS)

    def _share(self) -> threading.Thread | None:
        if self._running is not None and self._running.is_alive():
            return None
        settings = self.context.settings
        self._running = threading.Thread(target=self._work, args=(settings,), name="share-numbers", daemon=True)
        self._running.start()
        return self._running

    def _work(self, settings: Settings) -> None:
        try:
            shared, where = share_now(self.context.store, settings, datetime.now().astimezone())
        except (QuickReplyError, OSError) as error:
            self._done.emit(None, error_text(error))
            return
        self._done.emit(shared, where)

    def _finished(self, shared: Settings | None, outcome: str) -> None:
        if shared is None:
            log.warning("the numbers could not be shared: %s", outcome)
            today = datetime.now().astimezone().date()
            if self._failure_told != today:
                self._failure_told = today
                self.notice.emit(self.tr("Your numbers could not be shared with the team: {reason}").format(
                    reason=outcome))
            return
        log.info("numbers shared with the team")
        current = self.context.settings
        if current.team_share == shared.team_share:  # not changed in Settings meanwhile
            self.context.keep_settings(replace(current, team_share_id=shared.team_share_id,
                                               team_shared_on=shared.team_shared_on))
