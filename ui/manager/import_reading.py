"""Import, step one: read the file on a worker thread, with progress and Cancel.

Reading and checking a file at the caps takes seconds (a 20,000-phrase workbook or
JSON file); on the UI thread that froze the manager, and a wrong file could not be
stopped. ``read_in_background`` runs ``read_phrasebook`` in a pool thread and waits in
an event loop of its own, so the window keeps painting; after a moment a small window
shows how many phrases were read, with Cancel. Cancel returns at once: the worker
stops at its next progress report (``Cancelled``) and its result is dropped. Reading
writes nothing, so a cancelled import leaves the store as it was.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from assistant.errors import QuickReplyError
from assistant.formats import ImportedBook, read_phrasebook
from assistant.formats.book import Cancelled

log = logging.getLogger(__name__)
# A read that ends sooner shows no window at all (most files take a few milliseconds).
SHOW_AFTER_MS = 300


class _Read(QRunnable):
    """``read_phrasebook`` in a pool thread; reports through ``bridge``'s signals."""

    def __init__(self, path: Path, stop: threading.Event, bridge: _Bridge):
        super().__init__()
        self.path, self.stop, self.bridge = path, stop, bridge

    def run(self) -> None:
        def progress(count: int) -> None:
            if self.stop.is_set():
                raise Cancelled
            self.bridge.progressed.emit(count)

        try:
            outcome: object = read_phrasebook(self.path, progress=progress)
        except Cancelled:
            return
        except QuickReplyError as error:
            outcome = error
        except Exception as error:  # a bug in a reader must reach the user as a failure, not hang the wait
            log.exception("reading %s failed", self.path)
            outcome = QuickReplyError(str(error))
        if not self.stop.is_set():
            self.bridge.finished.emit(outcome)


class _Bridge(QObject):
    """Lives in the UI thread; the worker's emits are queued to it."""

    progressed = Signal(int)
    finished = Signal(object)


class ReadingDialog(QDialog):
    """The window shown while a file is read: what is read, how far, and Cancel."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.path = path
        self.label = QLabel(self.tr("Reading {file}…").format(file=path.name), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # how many phrases the file holds is known only at the end
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)

    def show_count(self, count: int) -> None:
        self.label.setText(self.tr("Reading {file}: {count} phrases so far…").format(
            file=self.path.name, count=f"{count:,}"))


def read_in_background(path: Path, parent: QWidget, pool: QThreadPool | None = None
                       ) -> ImportedBook | QuickReplyError | None:
    """The file's phrases, the reason it cannot be imported, or None when the user
    cancelled. Returns when the worker is done or on Cancel, whichever comes first."""
    stop = threading.Event()
    bridge = _Bridge()
    dialog = ReadingDialog(path, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    loop = QEventLoop()
    outcome: list[object] = []

    def finish(result: object) -> None:
        outcome.append(result)
        loop.quit()

    bridge.progressed.connect(dialog.show_count)
    bridge.finished.connect(finish)
    dialog.rejected.connect(loop.quit)
    shower = QTimer(dialog, singleShot=True, interval=SHOW_AFTER_MS)
    shower.timeout.connect(dialog.show)
    shower.start()
    (pool or QThreadPool.globalInstance()).start(_Read(path, stop, bridge))
    loop.exec()
    stop.set()  # a worker still reading stops at its next progress report
    shower.stop()
    dialog.hide()
    dialog.deleteLater()
    return outcome[0] if outcome else None  # type: ignore[return-value]
