"""Driving the manager as a user: a shown window, and answers to its modal dialogs.

The window hands every modal dialog to ``window.dialogs.run`` (see ui/manager_dialogs).
``DialogUser`` takes its place: it shows the real dialog (not modal, so the test keeps
control), lets the next queued answer type into it and press its buttons, and closes it
as cancelled if the answer did not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from assistant.phrases.store import Store
from ui.app import share_subscriptions
from ui.context import AppContext
from ui.manager.import_dialog import ImportDialog
from ui.manager.window import ManagerWindow

Answer = Callable[[QDialog], None]
#: What the import dialog says while its dry run is worked out.
WORKING = "Working out what the import would do…"


class DialogUser:
    def __init__(self, qtbot: QtBot, window: ManagerWindow, monkeypatch: pytest.MonkeyPatch):
        self.qtbot = qtbot
        self.answers: list[Answer] = []
        self.seen: list[QDialog] = []
        self.open_paths: list[Path] = []
        self.save_paths: list[tuple[Path, str]] = []
        monkeypatch.setattr(window.dialogs, "run", self._run)
        monkeypatch.setattr(window.dialogs, "open_file", lambda caption, filters: self.open_paths.pop(0))
        monkeypatch.setattr(window.dialogs, "save_file", self._save_file)
        self.filters: list[str] = []

    def will(self, *answers: Answer) -> DialogUser:
        self.answers.extend(answers)
        return self

    def _save_file(self, caption: str, filters: list[str], suggested: str) -> tuple[Path, str] | None:
        self.filters = filters
        return self.save_paths.pop(0) if self.save_paths else None

    def _run(self, dialog: QDialog) -> None:
        self.seen.append(dialog)
        assert self.answers, f"unexpected dialog: {dialog.windowTitle()!r}"
        dialog.show()
        self.qtbot.waitExposed(dialog)
        self.answers.pop(0)(dialog)
        if dialog.isVisible():
            dialog.reject()

    # -- common answers -------------------------------------------------------------

    def click(self, button: QAbstractButton) -> None:
        """Click near the left edge: a radio button or check box reacts to its
        indicator and label only, not the empty width a layout gives it."""
        where = QPoint(min(button.width() // 2, 12), button.height() // 2)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)

    def type_answer(self, text: str) -> Answer:
        """For a QInputDialog: replace the text and press Enter."""
        def answer(dialog: QDialog) -> None:
            assert isinstance(dialog, QInputDialog)
            field = dialog.findChild(QLineEdit)
            field.selectAll()
            type_text(field, text)
            self.qtbot.keyClick(field, Qt.Key.Key_Return)
        return answer

    def press(self, button_text: str) -> Answer:
        """For a message box: press the button labelled ``button_text``."""
        def answer(dialog: QDialog) -> None:
            assert isinstance(dialog, QMessageBox)
            [button] = [b for b in dialog.buttons() if b.text().replace("&", "") == button_text]
            self.click(button)
        return answer

    def note(self, sink: list) -> Answer:
        """Keep a message box's texts in ``sink`` and press OK."""
        def answer(dialog: QDialog) -> None:
            assert isinstance(dialog, QMessageBox)
            sink.append((dialog.text(), dialog.informativeText()))
            self.click(dialog.button(QMessageBox.StandardButton.Ok))
        return answer


def open_manager(qtbot: QtBot, store: Store) -> ManagerWindow:
    context = AppContext(store)
    share_subscriptions(context)
    window = ManagerWindow(context)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def wait_for_preview(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Until the import dialog shows the dry run of its current choice (worked out on a
    worker thread)."""
    qtbot.waitUntil(lambda: dialog.summary.text() != WORKING, timeout=20_000)


def changed_export(store: Store, folder: Path) -> Path:
    """The shipped Chinese book exported with every text changed: skipping changes
    nothing, replacing changes all 88."""
    exported = folder / "zh.json"
    store.export_book("zh-ecommerce", exported)
    exported.write_text(exported.read_text("utf-8").replace('"text": "', '"text": "新 '), "utf-8")
    return exported


def hold_the_store(store: Store, stack: ExitStack) -> None:
    """Take the data folder's writers' lock on this thread, as another writer would: a
    dry run on the worker then waits for ``stack`` to close."""
    stack.enter_context(store.locked())


def select_rows(window: ManagerWindow, *rows: int) -> None:
    """Click the rows (Ctrl for more than one) and leave the focus in the table."""
    for number, row in enumerate(rows):
        rect = window.table.visualRect(window.model.index(row, 1))
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        QtBot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    window.table.setFocus()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as an agent does: Latin keys one by one, Chinese committed by the
    input method (QTest cannot send a key for a character outside Latin-1)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
