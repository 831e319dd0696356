"""Keeping the trade's rule of 3 to 5 quick replies per conversation, in the app, and
asking before the same reply goes to the same buyer twice.

The counting, the limits and every reply's decisions are the core's
(``assistant.replies.service``); this shows what they mean to the agent: the count in
the picker, a gentle notice past the soft limit, at the hard limit the policy chosen
in Settings (warn, ask to confirm, or block), and a question before a reply this
conversation already had goes again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from assistant.desktop.base import WindowInfo
from assistant.replies.conversations import ConversationLog
from assistant.replies.service import PreparedReply, Recorded, ReplyService
from assistant.timestamps import clock_time
from ui.context import AppContext
from ui.replies.prompt import NameDialog

log = logging.getLogger(__name__)


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
        #: Decides every reply; what the guard shows follows from its answers.
        self.replies = ReplyService(context.store, lambda: context.settings, self.log,
                                    save_agent_name=self._save_agent_name)
        self.replies.prune()
        for notice in self.log.notices:
            notify(notice)
        context.settingsChanged.connect(self._settings_changed)

    def _save_agent_name(self, name: str) -> None:
        self.context.keep_settings(replace(self.context.settings, agent_name=name))

    def _settings_changed(self) -> None:
        self.log.idle_minutes = self.context.settings.idle_minutes

    def count(self, target: WindowInfo | None) -> int:
        return self.replies.count(target)

    def counter(self, target: WindowInfo | None) -> tuple[str, str]:
        """The picker's counter, with the conversation's name when the agent gave one,
        and its level: "soft" from the soft limit, "hard" at the hard one — seen while
        choosing, before the notice that comes after inserting."""
        conversation = self.replies.current(target)
        count = conversation.count if conversation is not None else 0
        text = self.counter_text(count)
        if conversation is not None and conversation.name:
            text = self.tr("{name} · {counter}").format(name=conversation.name, counter=text)
        settings = self.context.settings
        level = "hard" if count >= settings.hard_limit else "soft" if count >= settings.soft_limit else "ok"
        return text, level

    def counter_text(self, count: int) -> str:
        return self.tr("{count}/{limit} quick replies in this conversation").format(
            count=count, limit=self.context.settings.hard_limit)

    def allow(self, prepared: PreparedReply) -> Permission:
        """Before inserting: what the hard-limit policy says, and whether the agent means
        to send a reply this buyer already had in this conversation. A blocked reply is
        refused without asking about the repeat: it would not go either way."""
        verdict = prepared.verdict
        hard = verdict is not None and verdict.action == "hard" and verdict.policy != "warn"
        if hard and verdict.policy == "block":
            log.info("hard limit: insertion blocked (count %d)", verdict.count)
            self.notify(self.tr("{count} quick replies in this conversation already: please type this reply "
                                "yourself, or start a new conversation (Ctrl+N in the picker).").format(
                count=verdict.count))
            return Permission.REFUSE
        if prepared.sent_at is not None and not self._send_again(prepared.sent_at):
            return Permission.REFUSE
        if not hard:
            return Permission.INSERT if prepared.sent_at is None else Permission.ASKED
        box = QMessageBox(QMessageBox.Icon.Question, "QuickReply",
                          self.tr("This conversation already has {count} quick replies. Too many read like a "
                                  "robot. Insert this one anyway?").format(count=verdict.count),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        # An agent typing fast may hit Enter before reading: Enter must not insert.
        box.setDefaultButton(QMessageBox.StandardButton.No)
        confirmed = box.exec() == QMessageBox.StandardButton.Yes
        log.info("hard limit: the agent %s (count %d)", "confirmed" if confirmed else "declined", verdict.count)
        return Permission.ASKED if confirmed else Permission.REFUSE

    def _send_again(self, sent_at: datetime) -> bool:
        """Ask whether the reply this buyer already had goes again. Cancel is the
        default, Enter included: the agent pressed Enter a moment ago to pick the reply,
        and a second Enter out of habit must not send the buyer the same text twice; a
        resend on purpose is one key more (Alt+S, or Tab then Enter)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Same reply again?"),
                          self.tr("You already sent this reply to this buyer in this conversation (at {time}). "
                                  "Send it again?").format(time=clock_time(sent_at)))
        again = box.addButton(self.tr("&Send again"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        confirmed = box.clickedButton() is again
        log.info("repeated reply: the agent %s", "sent it again" if confirmed else "cancelled")
        return confirmed

    def limit_notice(self, recorded: Recorded) -> str:
        """What to tell the agent after an insertion: past the soft limit, that typing
        reads warmer; past the hard limit, to type the next replies. Empty below."""
        limit = self.context.settings.hard_limit
        if recorded.action == "hard":
            log.info("hard limit passed (count %d)", recorded.count)
            return self.tr("{count} quick replies in this conversation: over the limit of {limit}. "
                           "Type the next replies yourself.").format(count=recorded.count, limit=limit)
        if recorded.action == "soft":
            log.info("soft limit notice (count %d)", recorded.count)
            return self.tr("{count}/{limit} quick replies in this conversation. A typed reply reads warmer "
                           "than another prepared one.").format(count=recorded.count, limit=limit)
        return ""

    def start_new(self, target: WindowInfo | None) -> None:
        self.replies.start_new(target)
        log.info("new conversation started by the agent")
        self.notify(self.tr("New conversation: the count starts again at 0."))

    def ask_name(self, target: WindowInfo | None, parent: QWidget | None = None) -> None:
        """Over ``parent`` (the picker), so the dialog gets the focus from our own window
        rather than from the chat window, where the typed name would go to the buyer."""
        current = self.replies.current(target)
        dialog = NameDialog(current.name if current else "", parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.replies.name(target, dialog.name())
