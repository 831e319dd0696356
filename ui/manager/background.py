"""Long work off the UI thread: a callable on a pool thread, with progress and Cancel.

Reading a file at the caps, the import's dry run and the import itself each take one to
a few seconds (20,000 phrases); on the UI thread they froze the manager. A
``BackgroundTask`` runs any callable in a pool thread and brings its progress and its
outcome back to the UI thread as signals; ``run_in_background`` waits for one in an
event loop of its own, so the window keeps painting, and after a moment shows a small
window with what is being done and Cancel.

Cancel returns at once: the work stops at its next ``Control.progress`` report
(``Cancelled``) and its outcome is dropped. Work that writes calls ``Control.commit``
just before its write: Cancel before that point means nothing was written; from that
point Cancel can no longer stop it (the write is one atomic replacement, the backup
before it included), and the window says so and disables Cancel.

Using the store from a worker while the UI thread uses it too (the picker, the context's
refresh) is safe:

- Every write, and the whole of ``Store.import_book`` (dry run included), happens under
  the data folder's lock (``DataFolder.locked``). That file lock keeps one hold per
  thread: another thread of the same process waits for it like another process does
  (measured: the UI thread waited the worker's full 1 s), so writers never interleave.
  A UI-thread write during an import (a use count from the picker) waits for it, at
  most the import's length.
- Reads take no lock. ``AtomicJSONStorage`` compares the file's signature on each read
  and re-reads a changed file, and files are only ever replaced whole (an atomic
  rename), so a reader sees the old book or the new one. A write gives the storage a
  new document rather than changing the one a reader may be walking; the only writes
  that change a cached document in place (TinyDB's insert and update) run under the
  lock, which the worker holds for as long as it walks one.
- Two threads in ``assistant.bulk.building`` at once only change when the collector
  runs again; it always ends enabled.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from assistant.errors import QuickReplyError
from assistant.formats.book import Cancelled

log = logging.getLogger(__name__)
# Work that ends sooner shows no window at all (most files take a few milliseconds).
SHOW_AFTER_MS = 300


class Control:
    """What the work is given: where to report progress, and the point of no return."""

    def __init__(self, task: BackgroundTask):
        self._task = task

    def progress(self, count: int) -> None:
        """``count`` done so far; raises ``Cancelled`` once the user has cancelled."""
        self.check()
        self._task.progressed.emit(count)

    def check(self) -> None:
        """Raises ``Cancelled`` once cancelled: for work that stops between small steps
        and reports no count (a signal per step would cost more than the step)."""
        if self._task.cancelled():
            raise Cancelled

    def commit(self) -> None:
        """Called just before the work writes: raises ``Cancelled`` if the user has
        cancelled, else from now on Cancel no longer stops the work."""
        if not self._task.start_writing():
            raise Cancelled
        self._task.writing.emit()


Work = Callable[[Control], object]


class BackgroundTask(QObject):
    """``work(control)`` on a pool thread. ``finished`` brings its result, or the
    ``QuickReplyError`` it raised, to the UI thread; never after a successful ``cancel``.

    Create it on the UI thread: the worker's emits are then queued to it."""

    progressed = Signal(int)
    writing = Signal()
    finished = Signal(object)

    def __init__(self, work: Work, what: str):
        super().__init__()
        self.work, self.what = work, what
        self._guard = threading.Lock()  # cancel and commit decide one after the other
        self._cancelled = self._committed = False
        self._done = threading.Event()

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Run(self))

    def cancel(self) -> bool:
        """Stop the work, unless it has begun writing; True when it stopped."""
        with self._guard:
            if not self._committed:
                self._cancelled = True
            return self._cancelled

    def cancelled(self) -> bool:
        with self._guard:
            return self._cancelled

    def wait(self, seconds: float) -> bool:
        """Wait until the work has ended (finished, failed or stopped by ``cancel``) or
        ``seconds`` have passed; True when it ended. For quitting: the interpreter must
        not end under a pool thread still running Python."""
        return self._done.wait(seconds)

    def start_writing(self) -> bool:
        """Pass the point of no return; False when cancelled before it."""
        with self._guard:
            self._committed = not self._cancelled
            return self._committed


class _Run(QRunnable):
    """The pool's side of a task; it keeps the task (and its signals) alive until done."""

    def __init__(self, task: BackgroundTask):
        super().__init__()
        self.task = task

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.task._done.set()

    def _run(self) -> None:
        try:
            outcome: object = self.task.work(Control(self.task))
        except Cancelled:
            return
        except QuickReplyError as error:
            outcome = error
        except Exception as error:  # a bug in the work must reach the user as a failure, not hang the wait
            log.exception("%s failed", self.task.what)
            outcome = QuickReplyError(str(error))
        if not self.task.cancelled():
            self.task.finished.emit(outcome)


@dataclass(frozen=True)
class Wording:
    """What the progress window says: its title, the work, the work with a count so
    far, and the work once it can no longer be cancelled."""

    title: str
    doing: str
    counted: Callable[[int], str] | None = None
    writing: str = ""


class ProgressWindow(QDialog):
    """The window shown while work runs: what is done, how far, and Cancel."""

    def __init__(self, wording: Wording, parent: QWidget | None = None):
        super().__init__(parent)
        self.wording = wording
        self.setWindowTitle(wording.title)
        self.label = QLabel(wording.doing, self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # how much there is to do is known only at the end
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)

    def show_count(self, count: int) -> None:
        if self.wording.counted:
            self.label.setText(self.wording.counted(count))

    def show_writing(self) -> None:
        self.label.setText(self.wording.writing)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)


def run_in_background(work: Work, wording: Wording, parent: QWidget) -> object:
    """``work``'s result, the ``QuickReplyError`` it raised, or None when the user
    cancelled before it began writing. Returns when the work is done or on such a
    Cancel, whichever comes first."""
    task = BackgroundTask(work, wording.title)
    window = ProgressWindow(wording, parent)
    window.setWindowModality(Qt.WindowModality.WindowModal)
    loop = QEventLoop()
    outcome: list[object] = []

    def finish(result: object) -> None:
        outcome.append(result)
        loop.quit()

    def cancel() -> None:
        if task.cancel():
            loop.quit()
        else:  # the write began before Cancel was seen: wait for it, and say why
            window.show_writing()
            window.show()

    task.progressed.connect(window.show_count)
    task.writing.connect(window.show_writing)
    task.finished.connect(finish)
    window.rejected.connect(cancel)
    shower = QTimer(window, singleShot=True, interval=SHOW_AFTER_MS)
    shower.timeout.connect(window.show)
    shower.start()
    task.start()
    loop.exec()
    shower.stop()
    window.hide()
    window.deleteLater()
    return outcome[0] if outcome else None
