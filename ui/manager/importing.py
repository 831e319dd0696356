"""Import, steps one and three on a worker thread: read the file, and import it after
the preview (``import_dialog``) was confirmed. See ``background`` for the progress
window, Cancel, and why the store may be used from a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from assistant.errors import QuickReplyError
from assistant.formats import ImportedBook, read_phrasebook
from assistant.phrases.merge import Policy
from assistant.phrases.store import ImportReport, Store
from ui.manager.background import Control, Wording, run_in_background


class Importing(QObject):
    """The wording of the two steps (a QObject for ``tr``)."""

    def read(self, path: Path, parent: QWidget) -> ImportedBook | QuickReplyError | None:
        """The file's phrases, the reason it cannot be imported, or None when the user
        cancelled. Reading writes nothing, so a cancelled read leaves the store as it was."""
        wording = Wording(
            self.tr("Import {file}").format(file=path.name), self.tr("Reading {file}…").format(file=path.name),
            lambda count: self.tr("Reading {file}: {count} phrases so far…").format(file=path.name,
                                                                                    count=f"{count:,}"))
        return run_in_background(lambda control: read_phrasebook(path, progress=control.progress), wording,
                                 parent)  # type: ignore[return-value]

    def write(self, store: Store, imported: ImportedBook, target: str, policy: Policy, source: Path,
              parent: QWidget) -> ImportReport | QuickReplyError | None:
        """What the import did, why it could not, or None when the user cancelled before
        the write began (then nothing was written)."""
        def work(control: Control) -> ImportReport:
            return store.import_book(imported, book=target, policy=policy, before_write=control.commit)

        wording = Wording(self.tr("Import {file}").format(file=source.name),
                          self.tr("Importing {count} phrases from {file}…").format(
                              count=f"{len(imported.phrases):,}", file=source.name),
                          writing=self.tr("Writing the book; this can no longer be cancelled…"))
        return run_in_background(work, wording, parent)  # type: ignore[return-value]
