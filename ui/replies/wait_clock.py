"""The golden 30 seconds on the tray: how long the longest-waiting buyer has waited.

Every title change the desktop's title watcher reports goes to the core
(``ReplyService.observe_title``), which decides whether a buyer began waiting or was
answered; the tray then shows the longest current wait. While someone waits a
one-second timer keeps the figure current; when nobody does it stops, so an idle app
wakes for nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from assistant.desktop.base import WindowInfo
from assistant.replies.service import ReplyService
from assistant.replies.titles import unread_count
from assistant.replies.waiting import Waiting, is_chat_program
from ui.context import AppContext

TICK_MS = 1000


def shown_label(waiting: Waiting) -> str:
    """What the tray calls a waiting conversation: the agent's own label, else the
    program (the key is "program|buyer"; the core never labels with the buyer)."""
    return waiting.label or waiting.key.partition("|")[0]


class WaitClock(QObject):
    """Feeds title changes to ``replies`` and shows the longest wait through
    ``show(seconds, label)`` (seconds None: nobody waits)."""

    def __init__(self, context: AppContext, replies: ReplyService, show: Callable[[float | None, str], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.replies = replies
        self._show = show
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.refresh)

    def observe(self, window: WindowInfo) -> None:
        """A window's new title (on the main thread)."""
        if not self.context.unread_counter_seen and unread_count(window.title) is not None \
                and is_chat_program(window, self.context.settings.chat_programs):
            self.context.unread_counter_seen = True
        self.replies.observe_title(window)
        self.refresh()

    def refresh(self) -> None:
        """Shows the longest wait now, and runs the timer exactly while someone waits
        (also after an insertion, which may have answered the wait)."""
        waiting = self.replies.waiting()
        if not waiting:
            self.timer.stop()
            self._show(None, "")
            return
        longest = waiting[0]
        self._show(longest.seconds(self.replies.clock()), shown_label(longest))
        if not self.timer.isActive():
            self.timer.start()
