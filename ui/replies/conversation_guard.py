"""Keeping the trade's rule of 3 to 5 quick replies per conversation, in the app.

The counting and the limits are the core's (``assistant.replies.conversations``); this decides
what the agent sees: the count in the picker, a gentle notice past the soft limit, and
at the hard limit the policy chosen in Settings (warn, ask to confirm, or block).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase
from assistant.replies.conversations import ConversationLog, conversation_key
from ui.context import AppContext

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


class Permission(Enum):
    """The hard-limit policy's answer. ASKED means a dialog took the focus, so the
    reply must give it back to the chat window before pasting."""

    INSERT = "insert"
    ASKED = "asked"
    REFUSE = "refuse"


class ConversationGuard(QObject):
    def __init__(self, context: AppContext, notify: Callable[[str], None]):
        super().__init__()
        self.context = context
        self.notify = notify
        self.log = ConversationLog(context.store, context.settings.idle_minutes)
        self.log.prune(_now(), context.settings.conversation_retention_days)
        for notice in self.log.notices:
            notify(notice)
        context.settingsChanged.connect(self._settings_changed)

    def _settings_changed(self) -> None:
        self.log.idle_minutes = self.context.settings.idle_minutes

    def key(self, target: WindowInfo | None) -> str:
        return conversation_key(target, self.context.settings.title_rules)

    def count(self, target: WindowInfo | None) -> int:
        return self.log.count(self.key(target), _now())

    def counter_text(self, target: WindowInfo | None) -> str:
        count = self.count(target)
        return self.tr("{count}/{limit} quick replies in this conversation").format(
            count=count, limit=self.context.settings.hard_limit)

    def allow(self, target: WindowInfo | None) -> Permission:
        """Before inserting: what the hard-limit policy says."""
        settings = self.context.settings
        verdict = self.log.check(self.key(target), settings, _now())
        if verdict.action != "hard" or verdict.policy == "warn":
            return Permission.INSERT
        if verdict.policy == "block":
            log.info("hard limit: insertion blocked (count %d)", verdict.count)
            self.notify(self.tr("{count} quick replies in this conversation already: please type this reply "
                                "yourself, or start a new conversation (Ctrl+N in the picker).").format(
                count=verdict.count))
            return Permission.REFUSE
        box = QMessageBox(QMessageBox.Icon.Question, "QuickReply",
                          self.tr("This conversation already has {count} quick replies. Too many read like a "
                                  "robot. Insert this one anyway?").format(count=verdict.count),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        # An agent typing fast may hit Enter before reading: Enter must not insert.
        box.setDefaultButton(QMessageBox.StandardButton.No)
        confirmed = box.exec() == QMessageBox.StandardButton.Yes
        log.info("hard limit: the agent %s (count %d)", "confirmed" if confirmed else "declined", verdict.count)
        return Permission.ASKED if confirmed else Permission.REFUSE

    def known_answers(self, target: WindowInfo | None) -> dict[str, str]:
        return self.log.answers(self.key(target), _now())

    def remember(self, target: WindowInfo | None, answers: dict[str, str]) -> None:
        if answers:
            self.log.remember_answers(self.key(target), answers, _now())

    def inserted(self, target: WindowInfo | None, phrase: Phrase) -> int:
        """Count the insertion and say so past the soft limit; returns the new count."""
        settings = self.context.settings
        conversation = self.log.record(self.key(target), phrase.book_id, phrase.id, _now())
        count = conversation.count
        if count > settings.hard_limit:
            log.info("hard limit passed (count %d)", count)
            self.notify(self.tr("{count} quick replies in this conversation: over the limit of {limit}. "
                                "Type the next replies yourself.").format(count=count, limit=settings.hard_limit))
        elif count >= settings.soft_limit:
            log.info("soft limit notice (count %d)", count)
            self.notify(self.tr("{count}/{limit} quick replies in this conversation. A typed reply reads warmer "
                                "than another prepared one.").format(count=count, limit=settings.hard_limit))
        return count

    def start_new(self, target: WindowInfo | None) -> None:
        self.log.start_new(self.key(target), _now())
        log.info("new conversation started by the agent")
        self.notify(self.tr("New conversation: the count starts again at 0."))

    def ask_name(self, target: WindowInfo | None) -> None:
        current = self.log.current(self.key(target), _now())
        label, ok = QInputDialog.getText(None, "QuickReply", self.tr("Name this conversation (e.g. the buyer):"),
                                         text=current.name if current else "")
        if ok:
            self.log.name(self.key(target), label.strip(), _now())
