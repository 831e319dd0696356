"""Import, step one: the file is read on a worker thread, with progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from assistant.errors import QuickReplyError
from assistant.formats import ImportedBook
from assistant.phrases.store import Store
from tests.hostile_files import csv_at_the_caps
from tests.ui.manager.support import DialogUser, open_manager
from ui.manager import importing
from ui.manager.background import ProgressWindow
from ui.manager.importing import Importing


def _reading_dialog() -> ProgressWindow | None:
    return next((widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, ProgressWindow) and widget.isVisible()), None)


def read_in_background(path: Path, parent: QWidget) -> object:
    return Importing().read(path, parent)


def test_a_big_file_shows_its_progress_and_cancel_leaves_the_store_unchanged(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path, monkeypatch) -> None:
    window = open_manager(qtbot, seeded_store)
    user = DialogUser(qtbot, window, monkeypatch)  # any dialog but the reading window fails the test
    user.open_paths.append(csv_at_the_caps(tmp_path))
    before = seeded_store.fingerprint()
    seen: list[str] = []
    # On a fast machine the whole file is read before anyone could press Cancel: the
    # real reader waits at its first progress report until the user has pressed it.
    pressed = threading.Event()
    real_read = importing.read_phrasebook

    def read_until_cancelled(path: Path, progress):
        def report(count: int) -> None:
            progress(count)
            pressed.wait(10)
            progress(count)  # raises Cancelled once the user has cancelled

        return real_read(path, progress=report)

    monkeypatch.setattr(importing, "read_phrasebook", read_until_cancelled)

    def watch() -> None:
        """The user: waits for the reading window to count phrases, then cancels."""
        dialog = _reading_dialog()
        if dialog is None or "so far" not in dialog.label.text():
            return
        seen.append(dialog.label.text())
        poll.stop()
        user.click(dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
        pressed.set()

    poll = QTimer(interval=20)
    poll.timeout.connect(watch)
    poll.start()
    window.import_action.trigger()  # returns once the read is cancelled
    poll.stop()
    assert seen and seen[0].startswith("Reading at-the-caps.csv: ") and "phrases so far…" in seen[0]
    assert user.seen == [] and seeded_store.fingerprint() == before
    assert "cancelled; nothing changed" in window.statusBar().currentMessage()
    assert _reading_dialog() is None
    assert QThreadPool.globalInstance().waitForDone(10_000)  # the worker stopped too


def test_the_window_keeps_painting_while_a_file_is_read(qtbot: QtBot, seeded_store: Store, tmp_path: Path) -> None:
    window = open_manager(qtbot, seeded_store)
    source = csv_at_the_caps(tmp_path)
    ticks: list[int] = []
    beat = QTimer(interval=10)
    beat.timeout.connect(lambda: ticks.append(1))
    beat.start()
    result = read_in_background(source, window)
    beat.stop()
    assert isinstance(result, ImportedBook) and len(result.phrases) == 20_000
    assert len(ticks) > 10, "the UI thread's timers ran while the worker read"


def test_a_small_file_shows_no_reading_window_and_a_bad_one_comes_back_as_its_error(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path) -> None:
    window = open_manager(qtbot, seeded_store)
    good = tmp_path / "small.csv"
    good.write_text("text,code\nThanks for waiting!,tw\n", "utf-8")
    shown: list[ProgressWindow] = []
    probe = QTimer(interval=5)
    probe.timeout.connect(lambda: (dialog := _reading_dialog()) and shown.append(dialog))
    probe.start()
    result = read_in_background(good, window)
    assert isinstance(result, ImportedBook) and [p.code for p in result.phrases] == ["tw"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"revision": ' + "9" * 5000 + "}", "utf-8")
    error = read_in_background(bad, window)
    probe.stop()
    assert isinstance(error, QuickReplyError) and str(error).startswith(f"{bad}:revision: the number")
    assert shown == []
