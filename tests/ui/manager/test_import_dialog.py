"""The import preview: the store's dry run, shown before anything changes, worked out
on a worker thread while the dialog stays responsive."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from assistant.formats import read_phrasebook
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from tests.ui.manager.support import (
    WORKING,
    DialogUser,
    changed_export,
    hold_the_store,
    open_manager,
    wait_for_preview,
)
from ui.context import AppContext
from ui.manager.import_dialog import ImportDialog


def open_dialog(qtbot: QtBot, store: Store, source: Path, **options) -> ImportDialog:
    dialog = ImportDialog(AppContext(store), read_phrasebook(source), source, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_for_preview(qtbot, dialog)
    return dialog


def test_reader_warnings_are_listed_and_read_only_books_are_not_offered(
        qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    store.create_book(Phrasebook(name="Team", id="team", origin="subscribed", read_only=True),
                      [Phrase(text="Hi there, how can I help?", code="hi")])
    store.create_book(Phrasebook(name="Mine", id="mine"))
    source = tmp_path / "sheet.csv"
    source.write_text("text,code,notes\nHello! How can I help you today?,hi,x\n", encoding="utf-8")
    dialog = open_dialog(qtbot, store, source, preferred_book="team")
    offered = [dialog.book_box.itemText(i) for i in range(dialog.book_box.count())]
    assert offered == ["Mine", "A new book"]
    assert dialog.book_box.currentText() == "A new book"  # not the read-only book the user was in
    assert dialog.target() == "sheet"
    assert "new book “sheet”" in dialog.summary.text() and dialog.import_button.isEnabled()
    assert dialog.warnings.isVisibleTo(dialog)
    assert any("notes" in dialog.warnings.item(i).text() for i in range(dialog.warnings.count()))


def test_importing_the_same_phrases_again_would_change_nothing(qtbot: QtBot, seeded_store: Store,
                                                               tmp_path: Path) -> None:
    exported = tmp_path / "zh.json"
    seeded_store.export_book("zh-ecommerce", exported)
    dialog = open_dialog(qtbot, seeded_store, exported)
    assert dialog.target() == "zh-ecommerce"  # the book the file names
    assert "88 unchanged" in dialog.summary.text() and "Nothing would change" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_the_dialog_stays_responsive_while_the_store_is_busy_and_a_stale_preview_is_dropped(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path) -> None:
    source = changed_export(seeded_store, tmp_path)
    with ExitStack() as busy:
        hold_the_store(seeded_store, busy)
        dialog = ImportDialog(AppContext(seeded_store), read_phrasebook(source), source)
        qtbot.addWidget(dialog)
        dialog.show()
        ticks: list[int] = []
        beat = QTimer(interval=10)
        beat.timeout.connect(lambda: ticks.append(1))
        beat.start()
        qtbot.wait(300)
        beat.stop()
        assert len(ticks) > 10, "the UI thread's timers ran during the dry run"
        assert dialog.summary.text() == WORKING and not dialog.import_button.isEnabled()
        dialog.policy_buttons.button(1).click()  # replace, while the dry run for skip still waits
        assert dialog.policy() == "replace" and dialog.summary.text() == WORKING
    # The dry run for "skip" ends; its result arrives after the store is held again,
    # so the dry run for "replace" is still to come when it is dropped.
    assert QThreadPool.globalInstance().waitForDone(20_000)
    with ExitStack() as busy:
        hold_the_store(seeded_store, busy)
        qtbot.wait(100)
        assert dialog.summary.text() == WORKING and not dialog.import_button.isEnabled()
        assert dialog.report is None
    wait_for_preview(qtbot, dialog)
    assert "88 replaced" in dialog.summary.text() and dialog.import_button.isEnabled()
    assert dialog.report is not None and dialog.report.merge.count("replaced") == 88


def test_import_is_enabled_only_by_the_preview_of_the_current_choice(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path) -> None:
    source = changed_export(seeded_store, tmp_path)
    dialog = open_dialog(qtbot, seeded_store, source)
    assert "88 skipped" in dialog.summary.text() and not dialog.import_button.isEnabled()
    dialog.policy_buttons.button(1).click()  # replace: changes every phrase
    assert not dialog.import_button.isEnabled()  # at once: the preview shown is for "skip"
    wait_for_preview(qtbot, dialog)
    assert "88 replaced" in dialog.summary.text() and dialog.import_button.isEnabled()
    dialog.policy_buttons.button(0).click()  # back to skip, then quickly to a new book with no name
    dialog.book_box.setCurrentIndex(dialog.book_box.findData(""))
    dialog.name_edit.clear()
    assert dialog.summary.text() == "Type a name for the new book." and not dialog.import_button.isEnabled()
    assert QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)  # the dry run for "skip" came back and was dropped
    assert dialog.summary.text() == "Type a name for the new book." and not dialog.import_button.isEnabled()
    dialog.name_edit.setText("Copy")
    wait_for_preview(qtbot, dialog)
    assert "new book “Copy”" in dialog.summary.text() and dialog.import_button.isEnabled()


def test_cancel_during_the_preview_closes_at_once_and_changes_nothing(
        qtbot: QtBot, seeded_store: Store, tmp_path: Path, monkeypatch) -> None:
    window = open_manager(qtbot, seeded_store)
    user = DialogUser(qtbot, window, monkeypatch)
    user.open_paths.append(changed_export(seeded_store, tmp_path))
    before = seeded_store.fingerprint()
    states: list[tuple[str, bool]] = []

    def cancel_while_working(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        states.append((dialog.summary.text(), dialog.import_button.isEnabled()))
        user.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    with ExitStack() as busy:
        hold_the_store(seeded_store, busy)  # the dry run waits for the store all along
        user.will(cancel_while_working)
        window.import_action.trigger()
    assert states == [(WORKING, False)] and len(user.seen) == 1
    assert QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.wait(50)  # the dry run's late result reaches nobody
    assert seeded_store.fingerprint() == before and "Imported" not in window.statusBar().currentMessage()
