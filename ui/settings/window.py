"""The settings window: hotkeys, inserting, per-application rules, conversations and
general options.

Each tab is a page (``ui.settings.pages``, ``ui.settings.rules``,
``ui.settings.conversations``) that shows part of the
settings and gives its fields back; this window only puts them together: Save checks
every page, applies what lives outside settings.json (starting at login, the interface
language) and writes one ``Settings`` through the context, so every window hears of
it. Cancel (or Esc) writes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QWidget

from assistant.desktop import autostart
from assistant.desktop.session import session_kind
from assistant.reasons import error_text
from assistant.settings import Settings
from ui.context import AppContext
from ui.i18n import install_language
from ui.settings.conversations import ConversationsPage
from ui.settings.pages import GeneralPage, HotkeysPage, InsertingPage
from ui.settings.rules import RulesPage
from ui.settings.widgets import Notice, SettingsPage
from ui.shell import ICONS
from ui.widgets.placement import keep_on_screen
from ui.widgets.scrolling import scroll_above

log = logging.getLogger(__name__)


class SettingsWindow(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.hotkeys = HotkeysPage(context, self)
        self.inserting = InsertingPage(self)
        self.rules = RulesPage(self)
        self.conversations = ConversationsPage(self)
        self.conversations.show_response_times(session_kind(), context.titles_watched, context.unread_counter_seen)
        self.general = GeneralPage(context, self)
        self.pages: list[SettingsPage] = [self.hotkeys, self.inserting, self.rules, self.conversations, self.general]
        # The new-conversation hotkey lives on its own tab but must not clash with the others.
        self.hotkeys.adopt("new_conversation", self.conversations.hotkey_edit, self.conversations.hotkey_notice)
        self.tabs = QTabWidget(self)
        for page in self.pages:
            self.tabs.addTab(page, page.title())
        self.failure = Notice(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hotkeys.blockingChanged.connect(self._blocked)
        # Save and Cancel stay in view when a tab is taller than the screen.
        scroll_above(self, self.tabs, self.failure, self.buttons)
        # The window opens on its first field; inside a scroll area the tab bar would take it.
        self.hotkeys.picker_edit.setFocus()
        for page in self.pages:
            page.load(context.settings)
        self._blocked(self.hotkeys.blocking_reason() is not None)
        self.retranslate()
        # Room for the rules table; in text widths, so it scales with the font. Only the
        # first size: the user may resize, and the layouts keep everything readable.
        metrics = self.fontMetrics()
        self.resize(self.sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 90, metrics.height() * 26)))
        keep_on_screen(self, "settings")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("QuickReply settings"))
        for index, page in enumerate(self.pages):
            self.tabs.setTabText(index, page.title())
        self._blocked(not self.save_button.isEnabled())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _blocked(self, blocked: bool) -> None:
        """Save is unavailable while the hotkeys clash; its tooltip says why."""
        self.save_button.setEnabled(not blocked)
        reason = self.hotkeys.blocking_reason() if blocked else None
        self.save_button.setToolTip(self.tr("Cannot save: {reason}").format(reason=reason) if reason else "")

    def settings(self) -> Settings:
        """The settings as the form describes them now."""
        changes: dict[str, object] = {}
        for page in self.pages:
            changes.update(page.changes())
        return replace(self.context.settings, **changes)

    def accept(self) -> None:
        """Save, unless a page refuses or a change outside settings.json fails; either
        way the window stays open on the tab with the problem, which is shown there."""
        for page in self.pages:
            if page.refusal():
                self.tabs.setCurrentWidget(page)
                page.focus_problem()
                return
        settings, previous = self.settings(), self.context.settings
        if not self._apply_start_at_login(settings.start_at_login):
            return
        try:
            self.context.save_settings(settings)
        except OSError as error:
            log.warning("could not write the settings: %s", error)
            self.failure.show_message(
                self.tr("The settings could not be written: {error}").format(error=error_text(error)), "error")
            return
        if settings.language != previous.language:
            install_language(settings.language)  # every open window retranslates
        super().accept()

    def _apply_start_at_login(self, wanted: bool) -> bool:
        """Add or remove the desktop's login entry when the box changed; False (with the
        error shown under the box) when the desktop refused."""
        if wanted == self.general.autostart_loaded:
            return True
        try:
            if wanted:
                autostart.enable(icon=ICONS / "quickreply.svg")
            else:
                autostart.disable()
        except OSError as error:
            log.warning("could not change starting at login: %s", error)
            self.general.autostart_notice.show_message(
                self.tr("Could not change starting at login: {error}").format(error=error_text(error)), "error")
            self.tabs.setCurrentWidget(self.general)
            self.general.autostart_box.setFocus()
            return False
        self.general.autostart_loaded = wanted
        return True
