"""What every window shares: the store, the search index and the settings, the
signals that tell windows to refresh, and ``windowRequested``, by which a window opens
another of the registry (ui/windows.py) without importing it.

Windows never keep their own copy of phrases; they read the store and call
``phrases_edited()`` after changing it, which updates the search index once and tells
every other window. Changes made by another process (a ``quickreply import`` in a
terminal) arrive through a file watcher on the data folder.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from assistant.i18n import language
from assistant.phrases.model import Phrasebook
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import SearchCache
from assistant.phrases.shown import hidden_books, language_first
from assistant.phrases.store import Store
from assistant.reasons import error_text
from assistant.settings import Settings, load_settings, save_settings
from assistant.suggestions.suggester import Suggester

if TYPE_CHECKING:
    from ui.team.subscription_service import SubscriptionService

log = logging.getLogger(__name__)


class AppContext(QObject):
    phrasesChanged = Signal()
    settingsChanged = Signal()
    #: Settings in use could not be written (the notice to show, translated).
    settingsNotSaved = Signal(str)
    #: The suggestions' index, built on a thread of its own, is ready (emitted from that
    #: thread: a window's slot runs in its own, queued).
    suggestionsReady = Signal()
    #: A window asks for another by its registry name; the app opens it.
    windowRequested = Signal(str)
    #: Keeps subscribed books up to date: built, listened to and started by the app
    #: wiring (``ui.app.share_subscriptions``), which sets it here for the windows that
    #: show subscriptions. It needs only the store, so it does not know this class.
    subscriptions: SubscriptionService
    #: Whether the app's global hotkeys work here (set by the app wiring): the first-run
    #: wizard offers a live try, or explains ``quickreply pick``.
    hotkeys_available: bool = False
    #: Whether the settings in use are not on disk and the agent was told.
    _unsaved_told: bool = False
    #: Whether the app follows every window's title here (set by the app wiring), and
    #: whether any title seen had an unread counter (ui.replies.wait_clock): without both
    #: there are no response times, and Settings says why.
    titles_watched: bool = False
    unread_counter_seen: bool = False

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.notices: list[str] = list(store.notices)
        self.settings: Settings = load_settings(store.folder, self.notices)
        #: Every phrase as last read from the store; windows use this rather than reading again.
        self.phrases = store.phrases()
        #: Every book as last read, for what the picker asks on each opening.
        self.books: list[Phrasebook] = store.books()
        self.index = SearchIndex(self.phrases, SearchCache.of(store.home))
        #: The replies to suggest for a buyer's message the agent copied.
        self.suggester = Suggester(store.folder, self.notices, self.suggestionsReady.emit)
        self.suggester.update(self.phrases)
        self._fingerprint = store.fingerprint()
        self._watcher = QFileSystemWatcher(self)
        self._watch()
        # A burst of file events (an import writes several files) becomes one refresh.
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self._watcher.directoryChanged.connect(lambda _path: self._debounce.start())
        self._watcher.fileChanged.connect(lambda _path: self._debounce.start())

    def _watch(self) -> None:
        (self.store.home / "books").mkdir(exist_ok=True)
        wanted = [str(self.store.home), str(self.store.home / "books")]
        missing = [path for path in wanted if path not in self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)

    def refresh(self) -> bool:
        """Re-read the store if anything changed on disk; True when it had."""
        fingerprint = self.store.fingerprint()
        if fingerprint == self._fingerprint:
            return False
        self._fingerprint = fingerprint
        self.phrases = self.store.phrases()
        self.books = self.store.books()
        self.index.update(self.phrases)
        self.suggester.update(self.phrases)
        self.phrasesChanged.emit()
        return True

    def phrases_edited(self) -> None:
        """Call after changing the store from this process."""
        self.refresh()

    def hidden_books(self) -> frozenset[str]:
        """The books the picker leaves out, as the settings say for the interface's language."""
        return hidden_books(self.settings.hidden_books, self.books, language())

    def books_language_first(self) -> list[Phrasebook]:
        """Every book as the store has it now, those in the interface's language first:
        the first is the default wherever a window must pick one book."""
        return language_first(self.store.books(), language())

    def save_settings(self, settings: Settings) -> None:
        """Write ``settings`` and use them; raises OSError when the disk refuses (the
        Settings window shows that and stays open)."""
        save_settings(self.store.folder, settings)
        self._unsaved_told = False
        self.settings = settings
        self.settingsChanged.emit()

    def keep_settings(self, settings: Settings) -> bool:
        """Use ``settings`` from now on and write them if the disk lets us; False when it
        did not. A choice made in passing (a wizard page, the agent's name asked once, a
        notice marked as shown) must not end in a traceback on a full or read-only disk:
        it holds for this session, and ``settingsNotSaved`` says it will be gone at quit."""
        try:
            save_settings(self.store.folder, settings)
            problem = ""
        except OSError as error:
            log.warning("the settings could not be written: %s", error_text(error))
            problem = error_text(error)
        self.settings = settings
        self.settingsChanged.emit()
        told, self._unsaved_told = self._unsaved_told, bool(problem)
        if problem and not told:  # once, until a write succeeds again
            self.settingsNotSaved.emit(self.tr(
                "Your settings are in use but could not be saved ({reason}); "
                "they will be lost when QuickReply quits.").format(reason=problem))
        return not problem
