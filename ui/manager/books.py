"""The manager's whole-book actions: new, rename, delete, import and export.

These change whole books (or many phrases at once, through an import), so they are not
on the phrase undo stack; the store keeps a backup before a delete or an import
instead. Every failure the core reports is shown as its one-line message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from assistant.errors import QuickReplyError
from assistant.phrases.model import Phrasebook
from ui.context import AppContext
from ui.manager.browser import PhraseBrowser
from ui.manager.dialogs import ManagerDialogs
from ui.manager.import_dialog import ImportDialog
from ui.manager.importing import Importing

T = TypeVar("T")
#: What ``BookActions._attempt`` returns when the core refused.
FAILED = object()
#: Export formats offered, with the extension a name without one gets.
EXPORT_FORMATS = (("json", ".json"), ("csv", ".csv"), ("tsv", ".tsv"), ("xlsx", ".xlsx"))


class BookActions(QObject):
    """Acts on the book chosen in ``browser``; asks through ``dialogs``, tells how it
    went through ``status``; its own dialogs open over ``parent``."""

    def __init__(self, context: AppContext, browser: PhraseBrowser, dialogs: ManagerDialogs,
                 status: Callable[[str], None], parent: QWidget):
        super().__init__(parent)
        self.context, self.browser, self.dialogs, self.status = context, browser, dialogs, status
        self._parent = parent

    def _attempt(self, title: str, change: Callable[[], T]) -> T | object:
        """``change()``'s result, or ``FAILED`` after showing why under ``title``."""
        try:
            return change()
        except QuickReplyError as error:
            self.dialogs.error(title, title, str(error))
            return FAILED

    # -- books ----------------------------------------------------------------------

    def new_book(self) -> None:
        name = self.dialogs.ask_text(self.tr("New book"), self.tr("Name of the new book:"))
        if not name:
            return
        book = Phrasebook(name=name)
        if self._attempt(self.tr("Cannot create the book"), lambda: self.context.store.create_book(book)) is not FAILED:
            self.context.phrases_edited()
            self.browser.show_location(book.id)
            self.status(self.tr("Created the book “{book}”.").format(book=book.name))

    def rename_book(self) -> None:
        book = self.browser.current_book()
        if book is None or book.read_only:
            return
        name = self.dialogs.ask_text(self.tr("Rename book"), self.tr("New name for “{book}”:").format(book=book.name),
                                     book.name)
        if not name or name == book.name:
            return
        renamed = replace(book, name=name)
        if self._attempt(self.tr("Cannot rename the book"),
                         lambda: self.context.store.update_book(renamed)) is not FAILED:
            self.context.phrases_edited()
            self.status(self.tr("Renamed “{old}” to “{new}”.").format(old=book.name, new=renamed.name))

    def delete_book(self) -> None:
        book = self.browser.current_book()
        if book is None or book.read_only:
            return
        count = self.context.store.phrase_count(book.id)
        if not self.dialogs.confirm(
                self.tr("Delete book"),
                self.tr("Delete the book “{book}” and its {count} phrases?").format(book=book.name, count=count),
                self.tr("A backup of all books is made first, so it can be restored."),
                action=self.tr("Delete book")):
            return
        if self._attempt(self.tr("Cannot delete the book"),
                         lambda: self.context.store.delete_book(book.id)) is not FAILED:
            self.context.phrases_edited()
            self.status(self.tr("Deleted the book “{book}”; a backup was made first.").format(book=book.name))

    # -- files ----------------------------------------------------------------------

    def import_file(self) -> None:
        """File → read and check → dry-run preview → import only when confirmed; each
        step on a worker thread, the read and the import with progress and Cancel."""
        path = self.dialogs.open_file(self.tr("Import phrases"), [
            self.tr("Phrase files (*.json *.qrbook *.csv *.tsv *.xlsx *.yml *.yaml *.ini *.txt)"),
            self.tr("QuickReply phrasebooks (*.json *.qrbook)"), self.tr("Tables (*.csv *.tsv *.xlsx)"),
            self.tr("espanso (*.yml *.yaml)"), self.tr("Input-method phrase files (*.ini *.txt)"),
            self.tr("All files (*)")])
        if path is None:
            return
        title = self.tr("Cannot import {file}").format(file=path.name)
        steps = Importing(self)
        imported = steps.read(path, self._parent)
        if imported is None:
            self.status(self.tr("Import of {file} cancelled; nothing changed.").format(file=path.name))
            return
        if isinstance(imported, QuickReplyError):
            self.dialogs.error(title, title, str(imported))
            return
        current = self.browser.current_book()
        dialog = ImportDialog(self.context, imported, path, parent=self._parent,
                              preferred_book=current.id if current and not current.read_only else None)
        self.dialogs.run(dialog)
        if dialog.result() != ImportDialog.DialogCode.Accepted:
            return
        report = steps.write(self.context.store, imported, dialog.target(), dialog.policy(), path, self._parent)
        if report is None:
            self.status(self.tr("Import of {file} cancelled; nothing changed.").format(file=path.name))
            return
        if isinstance(report, QuickReplyError):
            self.dialogs.error(title, title, str(report))
            return
        self.context.phrases_edited()
        if self.context.refreshing():  # the windows hear of it once the index is built:
            self.browser.reload()  # this one shows the book (a new one too) from the store now
        self.browser.show_location(report.book.id)
        merge = report.merge
        self.status(self.tr("Imported into “{book}”: {added} added, {replaced} replaced, {kept} kept both, "
                                   "{skipped} skipped.").format(
            book=report.book.name, added=merge.count("added"), replaced=merge.count("replaced"),
            kept=merge.count("kept-both"), skipped=merge.count("skipped")))

    def export_book(self) -> None:
        book = self.browser.current_book()
        if book is None:
            return
        names = {"json": self.tr("QuickReply phrasebook (*.json)"), "csv": self.tr("CSV table (*.csv)"),
                 "tsv": self.tr("Tab-separated table (*.tsv)"), "xlsx": self.tr("Excel workbook (*.xlsx)")}
        filters = [names[fmt] for fmt, _suffix in EXPORT_FORMATS]
        suggested = book.name.replace("/", "-").replace("\\", "-") + ".json"
        chosen = self.dialogs.save_file(self.tr("Export “{book}”").format(book=book.name), filters, suggested)
        if chosen is None:
            return
        path, used_filter = chosen
        if not path.suffix:
            suffix = next((s for (fmt, s) in EXPORT_FORMATS if names[fmt] == used_filter), ".json")
            path = path.with_suffix(suffix)
        if self._attempt(self.tr("Cannot export “{book}”").format(book=book.name),
                         lambda: self.context.store.export_book(book.id, path)) is not FAILED:
            count = self.context.store.phrase_count(book.id)
            self.status(self.tr("Exported {count} phrases of “{book}” to {path}").format(
                count=count, book=book.name, path=str(path)))
