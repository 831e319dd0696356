"""The import preview: the store's dry run, shown before anything changes."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from assistant.formats import read_phrasebook
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from ui.context import AppContext
from ui.manager.import_dialog import ImportDialog


def open_dialog(qtbot: QtBot, store: Store, source: Path, **options) -> ImportDialog:
    dialog = ImportDialog(AppContext(store), read_phrasebook(source), source, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
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
