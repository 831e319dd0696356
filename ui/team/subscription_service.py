"""Keeps the subscribed books up to date while the app runs.

The network and file work (``subscriptions.fetch``: a conditional GET or reading a file,
and verifying it) runs on a thread of its own for each source being checked, so a source
that hangs until its deadline never keeps another one waiting; only the result comes
back, by a queued signal, to the main thread, which owns the store and applies it
(``subscriptions.apply``) — so the store is never written from two threads, and a slow
server never freezes the picker. The threads are daemons and ``stop`` cancels their
deadlines, which shuts their connections down: quitting never waits for a source. A
single-shot ``QTimer`` wakes up when the next source is due (no polling loop), and a
``QFileSystemWatcher`` on the folders of file sources checks as soon as a lead publishes
to a shared folder.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from assistant.errors import QuickReplyError
from assistant.phrases.store import Store
from assistant.team import subscriptions
from assistant.team.sources import DEADLINE_SECONDS, Deadline
from assistant.team.subscriptions import CheckResult, Fetched, Subscription

log = logging.getLogger(__name__)
# File events come in bursts (a sync client writes in pieces): check once they settle.
WATCH_SETTLE_MS = 500


def _fetch(subscription: Subscription, conditional: bool, deadline: Deadline,
           deliver: Callable[[object, object], None]) -> None:
    """``subscriptions.fetch`` on a fetch thread; hands the outcome to ``deliver``."""
    try:
        fetched = subscriptions.fetch(subscription, conditional, deadline)
    except Exception as error:  # a bug in a worker must become a status, not a silent stop
        log.exception("checking a subscription failed")
        fetched = Fetched("failed", status="unreachable", message=str(error))
    try:
        deliver(subscription, fetched)
    except RuntimeError:  # the service is gone: the app quit while this source was read
        log.info("a subscription check ended after the app quit")


class SubscriptionService(QObject):
    """``checked(CheckResult)`` after every check; ``added(CheckResult)`` or
    ``addFailed(source, message)`` after ``add``; ``listChanged`` whenever the list or a
    status changed; ``booksChanged`` when a subscribed book was added, updated or removed
    (the app refreshes its phrases); ``notice(text)`` for the tray when an update arrived
    or a source keeps failing. It knows only the store: the app wiring (ui/app.py) builds
    it and listens."""

    checked = Signal(object)
    booksChanged = Signal()
    added = Signal(object)
    addFailed = Signal(str, str)
    listChanged = Signal()
    notice = Signal(str)
    # From the fetch threads; queued, so the slots run on the main thread.
    _fetched = Signal(object, object)
    _fetchedNew = Signal(object, object)

    def __init__(self, store: Store, parent: QObject | None = None, deadline_seconds: float = DEADLINE_SECONDS):
        super().__init__(parent)
        self.store = store
        self.deadline_seconds = deadline_seconds
        #: The checks under way, by subscription id: their deadlines, to cancel on stop.
        self._running: dict[str, Deadline] = {}
        self._stopped = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.check_due)
        self._watcher: QFileSystemWatcher | None = None
        self._settle = QTimer(self, singleShot=True, interval=WATCH_SETTLE_MS)
        self._settle.timeout.connect(self._files_changed)
        self._fetched.connect(self._apply)
        self._fetchedNew.connect(self._apply_new)

    # -- running --------------------------------------------------------------------

    def start(self) -> None:
        """Watch the file sources and check whatever is due now (all, at start)."""
        self._stopped = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._watcher.fileChanged.connect(lambda _path: self._settle.start())
        self._watch()
        self.check_due()

    def stop(self) -> None:
        """Stop checking; the checks under way are cancelled and end at once."""
        self._stopped = True
        self._timer.stop()
        self._settle.stop()
        for deadline in self._running.values():
            deadline.cancel()

    def subscriptions(self) -> list[Subscription]:
        return subscriptions.load(self.store.folder)

    def busy(self, subscription: Subscription) -> bool:
        return subscription.id in self._running

    def check_due(self) -> None:
        self.check(subscriptions.due(self.subscriptions()))

    def check(self, chosen: list[Subscription]) -> None:
        """Fetch ``chosen``, each on its own thread; results arrive through ``checked``."""
        for subscription in chosen:
            if subscription.id in self._running:
                continue
            conditional = subscriptions.conditional_allowed(self.store, subscription)
            self._start(subscription, conditional, self._fetched.emit)
        self.listChanged.emit()
        self._schedule()

    def check_all(self) -> None:
        self.check(self.subscriptions())

    def add(self, source: str, key: str) -> None:
        """Subscribe: refuses a bad source or key at once (raises), else fetches on a
        thread; ``added`` or ``addFailed`` says how it went."""
        subscription = subscriptions.candidate(self.store, source, key)
        self._start(subscription, False, self._fetchedNew.emit)

    def _start(self, subscription: Subscription, conditional: bool, deliver: Callable[[object, object], None]) -> None:
        deadline = self._running[subscription.id] = Deadline(self.deadline_seconds)
        threading.Thread(target=_fetch, args=(subscription, conditional, deadline, deliver),
                         name="subscription-check", daemon=True).start()

    def remove(self, subscription: Subscription, keep_book: bool) -> None:
        subscriptions.unsubscribe(self.store, subscription.id, keep_book=keep_book)
        self.booksChanged.emit()
        self._watch()
        self.listChanged.emit()
        self._schedule()

    # -- results (main thread) ------------------------------------------------------

    def _apply(self, subscription: Subscription, fetched: Fetched) -> None:
        self._running.pop(subscription.id, None)
        if self._stopped or not any(entry.id == subscription.id for entry in self.subscriptions()):
            return  # cut short by stop (not the source's fault), or removed while it was being fetched
        try:
            result = subscriptions.apply(self.store, subscription, fetched)
        except QuickReplyError as error:  # the store stayed busy: the next round tries again
            log.warning("could not record a subscription check: %s", error)
            self._schedule()
            return
        if result.outcome == "updated":
            self.booksChanged.emit()
            self.notice.emit(self.update_text(result))
        elif result.outcome == "failed" and result.subscription.failures == 2:
            # The second failure in a row: one could be a blip (a file caught mid-copy).
            self.notice.emit(self.failure_text(result))
        self.checked.emit(result)
        self.listChanged.emit()
        self._schedule()

    def _apply_new(self, subscription: Subscription, fetched: Fetched) -> None:
        self._running.pop(subscription.id, None)
        if self._stopped:
            return
        try:
            result = subscriptions.add(self.store, subscription, fetched)
        except QuickReplyError as error:
            self.addFailed.emit(subscription.source, str(error))
            return
        self.booksChanged.emit()
        self._watch()
        self.added.emit(result)
        self.listChanged.emit()
        self._schedule()

    def update_text(self, result: CheckResult) -> str:
        entry = result.subscription
        return self.tr("“{book}” was updated to revision {revision}: {added} added, {changed} changed, "
                       "{removed} removed.").format(book=entry.name, revision=entry.revision,
                                                    added=len(result.added), changed=len(result.changed),
                                                    removed=len(result.removed))

    def failure_text(self, result: CheckResult) -> str:
        entry = result.subscription
        return self.tr("“{book}” could not be updated: {reason}. The last good copy (revision {revision}) "
                       "is kept.").format(book=entry.name, reason=entry.message, revision=entry.revision)

    # -- timing and watching --------------------------------------------------------

    def _schedule(self) -> None:
        """Wake up when the next idle source is due; no timer at all without sources."""
        waiting = [entry for entry in self.subscriptions() if entry.id not in self._running]
        if not waiting:
            self._timer.stop()
            return
        due = min(entry.next_check() for entry in waiting)
        seconds = (due - datetime.now(UTC)).total_seconds()
        self._timer.start(int(min(max(seconds, 1), 24 * 3600) * 1000))

    def _watch(self) -> None:
        if self._watcher is None:
            return
        wanted = set()
        for entry in self.subscriptions():
            if not entry.is_http:
                path = Path(entry.source)
                wanted.add(str(path.parent))
                if path.exists():
                    wanted.add(str(path))
        current = set(self._watcher.files()) | set(self._watcher.directories())
        if current - wanted:
            self._watcher.removePaths(list(current - wanted))
        if wanted - current:
            self._watcher.addPaths([path for path in wanted - current if Path(path).exists()])

    def _files_changed(self) -> None:
        """A watched folder or file changed: check the file sources now (cheap: an
        unchanged file is recognised by its size and time without being read)."""
        self._watch()  # a file replaced by rename is a new file to watch
        self.check([entry for entry in self.subscriptions() if not entry.is_http])
