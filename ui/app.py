"""The tray app: wires the store, the hotkeys, the picker and the inserter together.

Data flow: a hotkey (desktop listener thread) → queued Qt signal → here, on the main
thread: find the phrase; the core's ``ReplyService`` decides the reply (conversation,
limits, questions, steps); show what must be asked, hand the steps to the inserter →
the desktop adapter sends the keys → the service records the use. Without a desktop
backend the reply goes onto the clipboard instead, a part at a time, and is recorded
the same. Nothing is created at import time; ``run()`` builds everything.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSystemTrayIcon, QWidget

from assistant.data.paths import data_dir
from assistant.desktop.backends import Desktop, desktop_for_session
from assistant.desktop.base import WindowInfo
from assistant.desktop.chords import parse_chord
from assistant.desktop.session import SessionKind, session_kind
from assistant.drills import DRILL_MINUTES
from assistant.errors import QuickReplyError
from assistant.instance import send_command
from assistant.logs import setup_logging
from assistant.phrases.model import Phrase
from assistant.phrases.store import Store
from assistant.replies.plan import messages
from assistant.replies.service import PreparedReply
from ui.context import AppContext
from ui.hotkeys import HotkeyService
from ui.i18n import install_language
from ui.replies.clipboard_reply import ClipboardReply
from ui.replies.conversation_guard import ConversationGuard, Permission
from ui.replies.inserter import Inserter
from ui.replies.picker import Picker
from ui.replies.prompt import PlaceholderDialog
from ui.replies.wait_clock import WaitClock
from ui.shell import AppActions, Shell, icon
from ui.single_instance import SingleInstance
from ui.team.share_service import NumbersSharing
from ui.team.subscription_service import SubscriptionService
from ui.windows import WINDOWS

log = logging.getLogger(__name__)


def share_subscriptions(context: AppContext, parent: QObject | None = None) -> SubscriptionService:
    """The subscription service for ``context``'s store, as ``context.subscriptions``
    for the windows; the books it changes refresh the context's phrases."""
    service = SubscriptionService(context.store, parent)
    service.booksChanged.connect(context.phrases_edited)
    context.subscriptions = service
    return service


class QuickReplyApp(QObject):
    #: Emitted from the watcher's thread; delivered queued on the main thread.
    activeWindowChanged = Signal()
    #: A top-level window's new title, from the title watcher's thread; queued likewise.
    titleChanged = Signal(object)

    def __init__(self, context: AppContext, instance: SingleInstance, desktop: Desktop | None):
        super().__init__()
        self.context = context
        self.desktop = desktop
        self.actions = AppActions(self)
        self.shell = Shell(self.actions, QSystemTrayIcon.isSystemTrayAvailable(), self)
        self.picker = Picker(context)
        context.hotkeys_available = desktop is not None
        self.conversations = ConversationGuard(context, self.shell.notify)
        self.replies = self.conversations.replies
        #: Where no keys can be sent (no desktop backend), replies go onto the clipboard.
        self.clipboard_reply = ClipboardReply(self)
        # The registry's open windows by name: a reused one for good, a fresh one (which
        # nothing else references, so PySide would delete it at once) until it is closed.
        self.kept: dict[str, QWidget] = {}
        self.hotkeys: HotkeyService | None = None
        self.inserter: Inserter | None = None
        instance.commandReceived.connect(self._command)
        self.actions.pick.triggered.connect(lambda: self.open_picker(self.active_window()))
        self.actions.new_conversation.triggered.connect(self._start_new_conversation)
        self.actions.show_hotkeys(context.settings)
        for name, action in self.actions.windows.items():
            action.triggered.connect(lambda _checked=False, name=name: self.open_window(name))
        self.actions.pause.toggled.connect(self._set_paused)
        self.actions.quit.triggered.connect(QApplication.quit)
        context.settingsChanged.connect(self._settings_changed)
        context.settingsNotSaved.connect(self.shell.notify)
        context.windowRequested.connect(self.open_window)
        self.subscriptions = share_subscriptions(context, self)
        self.subscriptions.notice.connect(self.shell.notify)
        self.sharing = NumbersSharing(context, self)
        self.sharing.notice.connect(self.shell.notify)
        self.picker.chosen.connect(self._picked)
        self.picker.dismissed.connect(self._give_focus_back)
        self.picker.newConversation.connect(self._new_conversation_from_picker)
        self.picker.nameConversation.connect(self._name_conversation_from_picker)
        self.picker.nextPart.connect(self._next_part)
        if desktop is not None:
            self.inserter = Inserter(context, desktop.keyboard, desktop.clipboard_serial)
            self.inserter.finished.connect(self._inserted)
            self.hotkeys = HotkeyService(context, desktop.listener_factory)
            self.hotkeys.triggered.connect(self._hotkey)
            self.hotkeys.problems.connect(self._hotkey_problems)
            self.hotkeys.pausedChanged.connect(lambda paused: self._update_state())
        self._watcher = None
        if desktop is not None and desktop.watcher_factory is not None:
            self._watcher = desktop.watcher_factory(self.activeWindowChanged.emit)
            self.activeWindowChanged.connect(self._update_state)
        self.wait_clock = WaitClock(context, self.replies, self.shell.set_wait, self)
        self._title_watcher = None
        if desktop is not None and desktop.title_watcher_factory is not None:
            self._title_watcher = desktop.title_watcher_factory(self.titleChanged.emit)
            self.titleChanged.connect(self.wait_clock.observe)
        self._update_state()

    def start(self) -> None:
        for notice in self.context.notices:
            self.shell.notify(notice)
        if self._watcher is not None:
            self._watcher.start()
        if self._title_watcher is not None:
            self._start_title_watcher()
        self.subscriptions.start()
        self.sharing.start()
        if self.hotkeys is not None:
            self.hotkeys.start()
        elif not self.context.settings.wayland_notice_shown:
            self.shell.notify(self.no_hotkeys_notice(session_kind()))
            self.context.keep_settings(replace(self.context.settings, wayland_notice_shown=True))

    def _start_title_watcher(self) -> None:
        """Response times need every window's title; without them the rest of the app
        works on, and Settings says that response times are not measured."""
        try:
            self._title_watcher.start()
        except Exception:  # a watcher that cannot start must not stop the app
            log.exception("the title watcher could not start")
            self._title_watcher = None
            return
        self.context.titles_watched = True

    def no_hotkeys_notice(self, kind: SessionKind) -> str:
        """Why there are no global hotkeys, said once: the reason differs by desktop, and
        so does the way round it."""
        if kind == "wayland":
            return self.tr("Global hotkeys are not available on this desktop (Wayland). "
                           "Bind the command “quickreply pick” to a keyboard shortcut in your "
                           "desktop settings to open the picker.")
        if kind == "macos":
            return self.tr("Global hotkeys are not available: QuickReply does not support macOS yet. "
                           "Open the picker from the menu bar icon; the reply is put on the clipboard "
                           "for you to paste.")
        return self.tr("Global hotkeys could not be started on this desktop (the log says why). Open the "
                       "picker from QuickReply's menu or with the command “quickreply pick”; the reply is put "
                       "on the clipboard for you to paste.")

    def stop(self) -> None:
        self.context.stop()
        self.subscriptions.stop()
        self.sharing.stop()
        if self.hotkeys is not None:
            self.hotkeys.stop()
        if self._watcher is not None:
            self._watcher.stop()
        if self._title_watcher is not None:
            self._title_watcher.stop()

    # -- state --------------------------------------------------------------------------

    def _update_state(self) -> None:
        paused = self.hotkeys.paused if self.hotkeys else False
        if self.hotkeys is None:
            status = self.tr("Hotkeys unavailable; use “quickreply pick”")
        elif paused:
            status = self.tr("Hotkeys paused")
        else:
            chord = self._chord_text(self.context.settings.picker_hotkey)
            status = self.tr("Ready · picker {chord}").format(chord=chord)
        count = 0
        if self.desktop is not None:
            count = self.conversations.count(self.active_window())
            status += "\n" + self.conversations.counter_text(count)
        self.shell.set_state(paused, status, count, count >= self.context.settings.soft_limit)

    @staticmethod
    def _chord_text(text: str) -> str:
        try:
            return str(parse_chord(text))
        except QuickReplyError:
            return text

    def _settings_changed(self) -> None:
        # Menu actions are not widgets and get no LanguageChange event of their own.
        self.actions.retranslate()
        self.actions.show_hotkeys(self.context.settings)
        self._update_state()

    def _set_paused(self, paused: bool) -> None:
        if self.hotkeys is not None:
            self.hotkeys.set_paused(paused)

    def _hotkey_problems(self, problems: dict) -> None:
        for reason in problems.values():
            self.shell.notify(reason)

    # -- commands -----------------------------------------------------------------------

    def _command(self, command: str, arguments: dict | None = None) -> None:
        if command == "drill":
            self.drill_command(arguments or {})
        elif command == "pick":
            self.open_picker(self.active_window())
        elif command == "show":
            self.shell.show() if self.shell.fallback else self.open_window("manager")
        elif command == "quit":
            QApplication.quit()

    def _hotkey(self, name: str) -> None:
        if name == "picker":
            wizard = self.kept.get("first-run")
            if wizard is not None and wizard.practise():
                return
            if not self.picker.isVisible():
                self.open_picker(self.active_window())
        elif name == "pause":
            self.actions.pause.toggle()
        elif name == "new-conversation":
            self.actions.new_conversation.trigger()
        elif name.startswith("phrase:"):
            _, book_id, phrase_id = name.split(":", 2)
            try:
                phrase = self.context.store.phrase(book_id, phrase_id)
            except QuickReplyError:
                log.warning("hotkey for a phrase that no longer exists")
                return
            self.insert(phrase, self.active_window(), refocus=False)

    def _start_new_conversation(self) -> None:
        """The hotkey's and the menu's new conversation: for the window in front."""
        self.conversations.start_new(self.active_window())
        self._update_state()

    def active_window(self) -> WindowInfo | None:
        return self.desktop.windows.active_window() if self.desktop else None

    def open_picker(self, target: WindowInfo | None) -> Picker:
        self.picker.open_for(target, self.conversations.counter(target), self.clipboard_reply.offer(),
                             self.replies.sent(target))
        return self.picker

    @property
    def openers(self) -> dict[str, Callable[[], QWidget]]:
        """Every window by name, each with a call that opens it and returns it: what
        the self-test and the language test walk (the tray menu is ``shell.menu``)."""
        return {"picker": lambda: self.open_picker(None),
                **{name: lambda name=name: self.open_window(name) for name in WINDOWS}}

    def _new_conversation_from_picker(self, target: WindowInfo | None) -> None:
        self.conversations.start_new(target)
        self.picker.set_counter(*self.conversations.counter(target))
        self.picker.set_sent(self.replies.sent(target))

    def _name_conversation_from_picker(self, target: WindowInfo | None) -> None:
        self.conversations.ask_name(target, self.picker)
        self.picker.set_counter(*self.conversations.counter(target))

    def open_window(self, name: str) -> QWidget:
        """Show the registry's window ``name`` in front: the open one if there is one
        (asking twice must not stack a second Settings), else a new one."""
        window = self.kept.get(name)
        if window is None:
            kind = WINDOWS[name]
            window = self.kept[name] = kind.create(self.context)
            if not kind.reuse:
                window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                window.destroyed.connect(lambda _object=None, name=name: self.kept.pop(name, None))
        _present(window)
        return window

    def drill_command(self, arguments: dict) -> None:
        """``quickreply drill`` from another process: every argument is checked, a bad
        one is told rather than obeyed."""
        from assistant.drills.texts import custom_text

        minutes = arguments.get("minutes")
        text = arguments.get("text")
        try:
            drill_text = custom_text(text, str(arguments.get("title", ""))) if isinstance(text, str) else None
        except QuickReplyError as error:
            self.shell.notify(str(error))
            return
        self.open_window("drills").open_drill(drill_text, minutes if minutes in DRILL_MINUTES else None)

    # -- inserting ----------------------------------------------------------------------

    def _picked(self, phrase: Phrase, target: WindowInfo | None) -> None:
        self.insert(phrase, target, refocus=True)

    def insert(self, phrase: Phrase, target: WindowInfo | None, refocus: bool) -> None:
        prepared = self.replies.prepare(phrase, target)
        permission = self.conversations.allow(prepared)
        if permission is Permission.REFUSE:
            self._give_focus_back(target)
            return
        # A question took the focus; not every window manager hands it back on close.
        refocus = refocus or permission is Permission.ASKED
        answers: dict[str, str] = {}
        if prepared.questions:
            dialog = PlaceholderDialog(list(prepared.questions), dict(prepared.known_answers))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self._give_focus_back(target)
                return
            answers = dialog.answers()
            self.replies.remember_answers(prepared, answers)
            refocus = True
        clipboard = QApplication.clipboard().text() if prepared.needs_clipboard else ""
        steps = self.replies.steps(prepared, answers, clipboard)
        if self.inserter is None:
            notice = self.clipboard_reply.start(messages(steps))
            QTimer.singleShot(0, lambda: self._record(prepared, notice))
            return
        if refocus and target is not None and not self._focus(target):
            log.warning("the target window did not get the focus back")
        self.inserter.run(prepared, steps)

    def _next_part(self) -> None:
        """The agent asked for the next part of a reply going in by clipboard; the
        reply was counted with its first part."""
        notice = self.clipboard_reply.next_part()
        if notice:
            self.shell.notify(notice)

    def _focus(self, target: WindowInfo) -> bool:
        self.desktop.windows.activate(target.id)
        return self.desktop.windows.wait_until_active(target.id, 1.0)

    def _give_focus_back(self, target: WindowInfo | None) -> None:
        if self.desktop is not None and target is not None:
            self.desktop.windows.activate(target.id)

    def _inserted(self, prepared: PreparedReply, ok: bool) -> None:
        if not ok:
            self.shell.notify(self.tr("The window did not accept the reply. It is not on the clipboard "
                                      "any more; try again or switch the application to typing mode."))
            return
        # After the keys went out: the store writes must not delay the reply.
        QTimer.singleShot(0, lambda: self._record(prepared))

    def _record(self, prepared: PreparedReply, notice: str = "") -> None:
        """Count the reply; ``notice`` (how to paste it) is shown together with what the
        limits say, as one notice replaces the one before."""
        recorded = self.replies.record(prepared)
        self.context.phrases_edited()
        self._update_state()
        self.wait_clock.refresh()  # the reply answered the conversation's wait
        text = "\n".join(part for part in (notice, self.conversations.limit_notice(recorded)) if part)
        if text:
            self.shell.notify(text)


def _present(window) -> None:
    """Show a window in front, with the keyboard: it was asked for from the tray."""
    window.show()
    window.raise_()
    window.activateWindow()


def run(argv: list[str] | None = None, open_picker: bool = False, drill: dict | None = None) -> int:
    """Start the tray app (or hand the request to the one already running); ``drill``
    is a ``quickreply drill`` request to open the drill window with."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("QuickReply")
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(icon("quickreply"))
    home = data_dir()
    setup_logging(home)
    instance = SingleInstance(home)
    if not instance.claim():
        if drill is not None:
            send_command(instance.address, "drill", arguments=drill)
        else:
            send_command(instance.address, "pick" if open_picker else "show")
        return 0
    try:
        context = AppContext(Store(home))
    except QuickReplyError as error:
        QMessageBox.critical(None, "QuickReply", str(error))
        return 1
    install_language(context.settings.language)
    quick_reply = QuickReplyApp(context, instance, desktop_for_session())
    quick_reply.start()
    if not context.settings.first_run_done:
        quick_reply.open_window("first-run")
    if open_picker:
        quick_reply.open_picker(quick_reply.active_window())
    if drill is not None:
        quick_reply.drill_command(drill)
    log.info("running")
    if sys.stdout is not None:  # windowed builds on Windows have no stdout
        print("QuickReply is running.", flush=True)
    try:
        return app.exec()
    finally:
        quick_reply.stop()
        instance.release()
