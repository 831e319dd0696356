"""Import, step three: the confirmed import runs on a worker thread; Cancel before its
write leaves the store as it was, and once the write began Cancel is disabled."""

from __future__ import annotations

import threading
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from assistant.data.backups import snapshots
from assistant.formats import read_phrasebook
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import ImportReport, Store
from tests.ui.manager.support import DialogUser, changed_export, hold_the_store, open_manager, wait_for_preview
from ui.context import SYNC_LIMIT
from ui.manager.background import Control, ProgressWindow, Wording, run_in_background
from ui.manager.import_dialog import ImportDialog

ZH = "zh-ecommerce"


def _progress_window() -> ProgressWindow | None:
    return next((widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, ProgressWindow) and widget.isVisible()), None)


def _import_backups(store: Store) -> list[Path]:
    return [snapshot for snapshot in snapshots(store.home) if "before-import" in snapshot.name]


def _replace_all(qtbot: QtBot, user: DialogUser, then=lambda: None):
    """The user's answer to the import dialog: replace, then Import once the preview is in."""
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        wait_for_preview(qtbot, dialog)
        user.click(dialog.policy_buttons.button(1))
        wait_for_preview(qtbot, dialog)
        assert "88 replaced" in dialog.summary.text()
        then()
        user.click(dialog.import_button)
    return answer


def test_the_import_through_the_manager_changes_the_store_once(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path, monkeypatch) -> None:
    window = open_manager(qtbot, seeded_store)
    user = DialogUser(qtbot, window, monkeypatch)
    user.open_paths.append(changed_export(seeded_store, tmp_path))
    revision = seeded_store.book(ZH).revision
    user.will(_replace_all(qtbot, user))
    window.import_action.trigger()  # returns once the import is done
    assert "Imported into “电商客服常用话术”: 0 added, 88 replaced" in window.statusBar().currentMessage()
    assert seeded_store.book(ZH).revision == revision + 1
    assert len(_import_backups(seeded_store)) == 1
    assert all(phrase.text.startswith("新 ") for phrase in seeded_store.phrases(ZH))
    assert _progress_window() is None


def test_cancel_before_the_write_leaves_the_store_unchanged(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path, monkeypatch) -> None:
    window = open_manager(qtbot, seeded_store)
    user = DialogUser(qtbot, window, monkeypatch)
    user.open_paths.append(changed_export(seeded_store, tmp_path))
    before = seeded_store.fingerprint()
    seen: list[str] = []
    with ExitStack() as busy:
        # The store is busy (as with another writer) when Import is pressed: the
        # import waits for it, and its window shows after a moment, with Cancel.
        user.will(_replace_all(qtbot, user, then=lambda: hold_the_store(seeded_store, busy)))

        def watch() -> None:
            progress = _progress_window()
            if progress is None:
                return
            poll.stop()
            seen.append(progress.label.text())
            cancel = progress.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            assert cancel.isEnabled()
            user.click(cancel)

        poll = QTimer(interval=20)
        poll.timeout.connect(watch)
        poll.start()
        window.import_action.trigger()  # returns at Cancel, while the store is still held
        poll.stop()
    assert seen == ["Importing 88 phrases from zh.json…"]
    assert window.statusBar().currentMessage() == "Import of zh.json cancelled; nothing changed."
    assert QThreadPool.globalInstance().waitForDone(20_000)  # the worker got the store, and stopped
    assert seeded_store.fingerprint() == before and _import_backups(seeded_store) == []


def test_once_the_write_began_cancel_is_disabled_and_the_import_ends(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path) -> None:
    window = open_manager(qtbot, seeded_store)
    imported = read_phrasebook(changed_export(seeded_store, tmp_path))
    writing = threading.Event()
    seen: list[tuple[str, bool, bool]] = []

    def work(control: Control) -> ImportReport:
        def begin() -> None:
            control.commit()
            writing.wait(10)  # the user looks at the window before the write goes on

        return seeded_store.import_book(imported, book=ZH, policy="replace", before_write=begin)

    def watch() -> None:
        progress = _progress_window()
        if progress is None or progress.label.text() != "Writing…":
            return
        poll.stop()
        cancel = progress.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        progress.reject()  # Esc: the write cannot be stopped, so the window stays
        seen.append((progress.label.text(), cancel.isEnabled(), progress.isVisible()))
        writing.set()

    poll = QTimer(interval=20)
    poll.timeout.connect(watch)
    poll.start()
    report = run_in_background(work, Wording("Import", "Importing…", writing="Writing…"), window)
    poll.stop()
    writing.set()
    assert seen == [("Writing…", False, True)]
    assert isinstance(report, ImportReport) and report.merge.count("replaced") == 88
    assert all(phrase.text.startswith("新 ") for phrase in seeded_store.phrases(ZH))


def test_a_large_import_into_a_new_book_shows_that_book_while_the_index_is_built(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch) -> None:
    store.create_book(Phrasebook(name="Mine", id="mine"), [Phrase(text="Hello", code="hi")])
    window = open_manager(qtbot, store)
    user = DialogUser(qtbot, window, monkeypatch)
    count = SYNC_LIMIT + 100
    source = tmp_path / "sheet.csv"
    source.write_text("text,code\n" + "".join(f"您的订单{n}已发货,o{n}\n" for n in range(count)), encoding="utf-8")
    user.open_paths.append(source)

    def into_a_new_book(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        dialog.book_box.setCurrentIndex(dialog.book_box.findData(""))
        wait_for_preview(qtbot, dialog)
        user.click(dialog.import_button)

    user.will(into_a_new_book)
    window.import_action.trigger()
    assert window.context.refreshing()  # the picker's index follows on a worker
    book = window.browser.current_book()
    assert book is not None and book.name == "sheet" and window.model.rowCount() == count
    qtbot.waitUntil(lambda: not window.context.refreshing(), timeout=30_000)
    assert window.browser.current_book() == book and window.model.rowCount() == count
    assert window.context.index.search("o42", 1)[0].text == "您的订单42已发货"
