"""What every window shares: the store, the search index and the settings, the
signals that tell windows to refresh, and ``windowRequested``, by which a window opens
another of the registry (ui/windows.py) without importing it.

Windows never keep their own copy of phrases; they read the store and call
``phrases_edited()`` after changing it, which updates the search index once and tells
every other window. Changes made by another process (a ``quickreply import`` in a
terminal) arrive through a file watcher on the data folder.

Bringing the index up to date analyses each changed phrase (normalisation, pinyin):
about 0.13 ms each, 2.5 s for an import of 20,000, which froze the app. So a refresh
reads the store on the UI thread as before (what changed is known only from the
phrases; 0.1 s at 20,000, and a store that became unreadable fails the refresh there,
as it always did), and:

- with few phrases changed in content (an edit in the manager, a use count after an
  insertion: ``SYNC_LIMIT``), updates the index in place at once, as before: the picker
  finds an edited phrase the moment the manager has saved it;
- with more, builds a new index on a worker (``ui.manager.background``, the pool the
  manager's imports use) from a snapshot of the search cache, and puts it, the phrases
  and the books in place together on the UI thread when it is ready. Until then every
  window keeps the old ones (they read ``index`` and ``phrases`` from here at each use,
  never keep them), so the picker goes on answering keystrokes. A new index rather than
  the one in use brought up to date on the worker: nothing the UI thread reads is
  changed under it, and no lock is taken by a keystroke. A failure of the build is
  raised on the UI thread when it comes back, as a refresh's failure is.

A store of more than ``BUILD_AT_START_ABOVE`` phrases has its index made the same way
at the start: the app runs (tray, hotkeys) without waiting for it, and until it is in
place the picker searches an index that analyses only what a search reaches.

One build at a time. A change arriving meanwhile is read when the build is in place
(the store's fingerprint tells), so the newest state is the last put in place and an
older one never replaces a newer; several changes during one build are read once.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from assistant.errors import QuickReplyError
from assistant.i18n import language
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.search import SearchIndex
from assistant.phrases.search_cache import SearchCache
from assistant.phrases.shown import hidden_books, language_first
from assistant.phrases.store import Store
from assistant.reasons import error_text
from assistant.settings import Settings, load_settings, save_settings
from assistant.suggestions.suggester import Suggester
from ui.manager.background import BackgroundTask, Control

if TYPE_CHECKING:
    from ui.team.subscription_service import SubscriptionService

log = logging.getLogger(__name__)

#: Phrases changed in content that a refresh analyses on the UI thread (at most ~30 ms);
#: a larger change is analysed on a worker.
SYNC_LIMIT = 200
#: A store of more phrases has its search index made on a worker at the start too: its
#: columns and words took 0.6 s of the app's 2.1 s start at 50,000 phrases (0.1 s at
#: this many, made at once).
BUILD_AT_START_ABOVE = 10_000
#: The interpreter's switch interval while a build runs (5 ms otherwise). Every call
#: from Qt into Python (a tick, a cell the manager's table measures) waits for the
#: worker to give up the interpreter, up to one interval each: the manager's table
#: sizing its columns over an imported book of 20,000 phrases took 3-4 s during a build
#: instead of 0.4 s; with 0.1 ms, 0.4-1.5 s, and the build takes ~10% longer.
SWITCH_SECONDS_WHILE_BUILDING = 0.0001
#: How long quitting waits for a build under way to stop: it stops at its next phrase,
#: or after the cache's save (a few hundred milliseconds at 20,000 phrases).
STOP_SECONDS = 1.5


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
        #: A large store's index is made on a worker (below): until it is in place, this
        #: one analyses what a search reaches, as the CLI's does.
        large = len(self.phrases) > BUILD_AT_START_ABOVE
        self.index = SearchIndex(self.phrases, SearchCache.of(store.home), one_shot=large)
        #: The replies to suggest for a buyer's message the agent copied.
        self.suggester = Suggester(store.folder, self.notices, self.suggestionsReady.emit)
        self.suggester.update(self.phrases)
        self._fingerprint = store.fingerprint()
        #: The build under way on a worker, with the phrases and books it is for.
        self._building: tuple[BackgroundTask, list[Phrase], list[Phrasebook]] | None = None
        self._switch_interval = sys.getswitchinterval()
        if large:
            self._build(self.phrases, self.books)
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
        """Re-read the store if anything changed on disk; True when it had. Windows see
        the change now, or when a worker has analysed it (see the module docstring)."""
        fingerprint = self.store.fingerprint()
        if fingerprint == self._fingerprint:
            return False
        if self._building is not None:
            return True  # read once the build is in place
        phrases, books = self.store.phrases(), self.store.books()
        self._fingerprint = fingerprint
        if _changed_content(self.phrases, phrases) <= SYNC_LIMIT:
            self.index.update(phrases)
            self._use(phrases, books, self.index)
        else:
            self._build(phrases, books)
        return True

    def phrases_edited(self) -> None:
        """Call after changing the store from this process."""
        self.refresh()

    def refreshing(self) -> bool:
        """Whether a new index is being built for a change already read."""
        return self._building is not None

    def stop(self) -> None:
        """Quitting: stop a build under way and wait for it (briefly, ``STOP_SECONDS``),
        so that the interpreter does not end under the worker running it."""
        building = self._end_building()
        if building is not None:
            task = building[0]
            task.cancel()
            if not task.wait(STOP_SECONDS):
                log.warning("the search index being built did not stop in %s s", STOP_SECONDS)

    def _build(self, phrases: list[Phrase], books: list[Phrasebook]) -> None:
        """A new index of ``phrases`` on a worker; ``_built`` puts it in place."""
        log.info("building the search index of %d phrases on a worker", len(phrases))
        task = BackgroundTask(lambda _control: SearchIndex(phrases, cache), "building the search index")
        # Taken here: this thread is the one that changes the cache in use.
        cache = self.index.cache.snapshot(Control(task).check)
        self._building = (task, phrases, books)
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_SECONDS_WHILE_BUILDING)
        task.finished.connect(self._built)
        # Once the event that changed the store is done, and then what it set off (the
        # manager's table laying out the imported book on a timer of its own): that work
        # would otherwise share the interpreter with the worker.
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, task.start))

    def _built(self, outcome: object) -> None:
        """On the UI thread: the worker's index, or the error it met."""
        if self._building is None or self.sender() is not self._building[0]:
            return  # stopped meanwhile
        _task, phrases, books = self._end_building()
        if isinstance(outcome, QuickReplyError):
            self._fingerprint = ()  # the next refresh reads the store again
            raise outcome
        assert isinstance(outcome, SearchIndex)
        log.info("the search index of %d phrases is in place", len(phrases))
        self._use(phrases, books, outcome)
        self.refresh()  # what changed while it was built

    def _end_building(self) -> tuple[BackgroundTask, list[Phrase], list[Phrasebook]] | None:
        """The build that was under way, now no longer; the interpreter switches as before."""
        building, self._building = self._building, None
        if building is not None:
            sys.setswitchinterval(self._switch_interval)
        return building

    def _use(self, phrases: list[Phrase], books: list[Phrasebook], index: SearchIndex) -> None:
        self.phrases, self.books, self.index = phrases, books, index
        self.suggester.update(phrases)
        self.phrasesChanged.emit()

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


def _changed_content(before: Sequence[Phrase], after: Sequence[Phrase]) -> int:
    """How many of ``after`` are new or differ from ``before`` in what a search index
    analyses: what bringing it up to date would analyse. By content, not by the update
    stamp: two imports in one second leave the stamps as they were."""
    known = set(map(_searched, before))
    return sum(_searched(phrase) not in known for phrase in after)


def _searched(phrase: Phrase) -> tuple:
    return (phrase.book_id, phrase.id, phrase.title, phrase.group, phrase.text, phrase.tags)
