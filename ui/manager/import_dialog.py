"""Import, step two: choose where a file's phrases go and how conflicts are settled,
and see exactly what would happen before anything changes.

The preview is the store's own dry run (``Store.import_book(..., dry_run=True)``), run
again whenever the target or the policy changes, so what the user confirms is what the
real import does. It runs on a worker thread (1.6 s into a book of 20,000 phrases, see
``background``): meanwhile the preview says so and Import stays disabled. One dry run
at a time: a choice made while one runs waits for it, and a result for an earlier
choice (an older generation) is dropped, so Import is enabled only by the preview of
the current choice. The dialog writes nothing; the manager imports after Accept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import QuickReplyError
from assistant.formats import ImportedBook
from assistant.phrases.merge import POLICIES, Policy
from assistant.phrases.store import ImportReport
from ui.context import AppContext
from ui.manager.background import BackgroundTask
from ui.manager.import_outcomes import OutcomeModel
from ui.widgets.placement import keep_on_screen
from ui.widgets.scrolling import scroll_above

_NEW_BOOK = ""
FITTED_ROWS = 100


class ImportDialog(QDialog):
    """``target()`` and ``policy()`` say what to import into, and how, after Accept."""

    def __init__(self, context: AppContext, imported: ImportedBook, source: Path, *,
                 preferred_book: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.imported = context, imported
        self.report: ImportReport | None = None
        self._generation = 0  # counts the choices; a dry run's result is shown only for the newest
        self._running: BackgroundTask | None = None
        self._wanted = False  # the current choice waits for the running dry run to end
        self.setWindowTitle(self.tr("Import {file}").format(file=source.name))
        self._build(source)
        self._choose_defaults(source, preferred_book)
        self.book_box.currentIndexChanged.connect(self.preview)
        self.name_edit.textChanged.connect(self.preview)
        self.policy_buttons.idToggled.connect(lambda _id, checked: checked and self.preview())
        self.preview()

    # -- building -------------------------------------------------------------------

    def _build(self, source: Path) -> None:
        file_label = QLabel(self.tr("{count} phrases in {file}").format(count=len(self.imported.phrases),
                                                                         file=str(source)), self)
        file_label.setWordWrap(True)
        self.book_box = QComboBox(self)
        for book in self.context.books_language_first():
            if not book.read_only:
                self.book_box.addItem(book.name, book.id)
        self.book_box.addItem(self.tr("A new book"), _NEW_BOOK)
        self.name_edit = QLineEdit(self)
        target = QFormLayout()
        target.addRow(self.tr("Import &into:"), self.book_box)
        target.addRow(self.tr("New book &name:"), self.name_edit)

        policy_box = QGroupBox(self.tr("When the book already has a phrase with the same short code or id"), self)
        policy_layout = QVBoxLayout(policy_box)
        self.policy_buttons = QButtonGroup(self)
        choices = {
            "skip": (self.tr("&Skip it"), self.tr("Keep the book's phrase; the file's is left out.")),
            "replace": (self.tr("&Replace it"),
                        self.tr("Take the file's text; the phrase keeps its id and use count.")),
            "keep-both": (self.tr("&Keep both"),
                          self.tr("Add the file's phrase beside it; a taken short code gets a suffix (fh-2).")),
        }
        for number, policy in enumerate(POLICIES):
            label, explanation = choices[policy]
            button = QRadioButton(label, policy_box)
            self.policy_buttons.addButton(button, number)
            hint = QLabel(explanation, policy_box)
            hint.setWordWrap(True)
            hint.setIndent(24)
            policy_layout.addWidget(button)
            policy_layout.addWidget(hint)
        self.policy_buttons.button(0).setChecked(True)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.outcome_model = OutcomeModel([self.tr("Where"), self.tr("Title"), self.tr("Code"),
                                           self.tr("What happens"), self.tr("Book's phrase")],
                                          self._action_names(), self)
        self.outcomes = QTreeView(self)
        self.outcomes.setRootIsDecorated(False)
        self.outcomes.setUniformRowHeights(True)
        self.outcomes.setModel(self.outcome_model)
        # Columns are fitted to the first rows (Qt measures 1,000 by default: 90 ms of a
        # preview of 20,000 phrases, each cell asked of the model in Python).
        self.outcomes.header().setResizeContentsPrecision(FITTED_ROWS)
        self.warnings = QListWidget(self)
        self.warnings_label = QLabel(self.tr("Warnings from reading the file:"), self)
        self.warnings_label.setBuddy(self.warnings)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        content = QVBoxLayout()
        content.addWidget(file_label)
        content.addLayout(target)
        content.addWidget(policy_box)
        content.addWidget(self.summary)
        content.addWidget(self.outcomes, 2)
        content.addWidget(self.warnings_label)
        content.addWidget(self.warnings, 1)
        # Import stays in view when the preview scrolls.
        scroll_above(self, content, self.buttons)
        metrics = self.fontMetrics()
        self.resize(max(self.sizeHint().width(), metrics.averageCharWidth() * 90),
                    self.sizeHint().height() + metrics.height() * 6)
        keep_on_screen(self, "import")

    def _choose_defaults(self, source: Path, preferred_book: str | None) -> None:
        """The book the file names if we have it, else the book the user is in, else a
        new book named after the file."""
        named = self.imported.book.id if self.imported.book else None
        for candidate in (named, preferred_book):
            index = self.book_box.findData(candidate) if candidate else -1
            if index >= 0:
                self.book_box.setCurrentIndex(index)
                break
        else:
            self.book_box.setCurrentIndex(self.book_box.findData(_NEW_BOOK))
        self.name_edit.setText(self.imported.book.name if self.imported.book else source.stem)

    # -- answers --------------------------------------------------------------------

    def target(self) -> str:
        """A book id, or the name of the book to create."""
        chosen = self.book_box.currentData()
        return chosen if chosen != _NEW_BOOK else self.name_edit.text().strip()

    def policy(self) -> Policy:
        return POLICIES[self.policy_buttons.checkedId()]

    # -- the dry run ----------------------------------------------------------------

    def preview(self) -> None:
        """Work out what importing the current choice would do; until it is known,
        Import is disabled. It is enabled only for a clean dry run of this choice."""
        self.name_edit.setEnabled(self.book_box.currentData() == _NEW_BOOK)
        self.outcome_model.show([])
        self.report = None
        self._generation += 1
        self._wanted = bool(self.target())
        if not self._wanted:
            self._refuse(self.tr("Type a name for the new book."))
            return
        self.summary.setText(self.tr("Working out what the import would do…"))
        self.import_button.setEnabled(False)
        if self._running is None:
            self._dry_run()

    def _dry_run(self) -> None:
        store, imported, target, policy = self.context.store, self.imported, self.target(), self.policy()
        generation = self._generation
        self._wanted = False
        self._running = BackgroundTask(
            lambda _control: store.import_book(imported, book=target, policy=policy, dry_run=True),
            "the import's dry run")
        self._running.finished.connect(lambda outcome: self._arrived(generation, outcome))
        self._running.start()

    def _arrived(self, generation: int, outcome: ImportReport | QuickReplyError) -> None:
        self._running = None
        if generation != self._generation:  # the choice changed while it ran
            if self._wanted:
                self._dry_run()
            return
        if isinstance(outcome, QuickReplyError):
            self._refuse(str(outcome))
            return
        self.report = outcome
        self._show(outcome)

    def done(self, result: int) -> None:
        """Closing drops the running dry run's result (it writes nothing, so it may end
        on its own)."""
        if self._running is not None:
            self._running.cancel()
            self._running = None
        self._generation += 1
        self._wanted = False
        super().done(result)

    def _refuse(self, reason: str) -> None:
        self.summary.setText(reason)
        self.import_button.setEnabled(False)
        self._show_warnings(list(self.imported.warnings))

    def _show(self, report: ImportReport) -> None:
        merge = report.merge
        where = (self.tr("Into the new book “{book}”") if report.created_book else self.tr("Into “{book}”")).format(
            book=report.book.name)
        counts = self.tr("{added} added, {replaced} replaced, {kept} kept both, {skipped} skipped, "
                         "{unchanged} unchanged.").format(
            added=merge.count("added"), replaced=merge.count("replaced"), kept=merge.count("kept-both"),
            skipped=merge.count("skipped"), unchanged=merge.count("unchanged"))
        summary = self.tr("{where}: {counts}").format(where=where, counts=counts)
        if not (merge.changed or report.created_book):
            summary = self.tr("{summary} Nothing would change.").format(summary=summary)
        self.summary.setText(summary)
        self.outcome_model.show(merge.outcomes)
        for column in range(self.outcome_model.columnCount()):
            self.outcomes.resizeColumnToContents(column)
        self.import_button.setEnabled(merge.changed or report.created_book)
        self._show_warnings(report.warnings)

    def _action_names(self) -> dict[str, str]:
        return {"added": self.tr("added"), "replaced": self.tr("replaced"), "skipped": self.tr("skipped"),
                "kept-both": self.tr("kept both"), "unchanged": self.tr("unchanged")}

    def _show_warnings(self, warnings: list[str]) -> None:
        self.warnings.clear()
        self.warnings.addItems(warnings)
        self.warnings.setVisible(bool(warnings))
        self.warnings_label.setVisible(bool(warnings))
