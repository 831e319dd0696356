"""The first page of a drill: what to type, and for how long.

Texts come from ``assistant.drills.texts``: the shipped practice texts, the user's own
phrasebook replies ("practise what you send"), pasted text, a text file, an
adaptive drill built from the characters the history says are weak, and the team's
drill texts (赛文) the lead publishes, from the drill subscriptions. ``chosen()`` turns
the choice into a ``DrillText`` or raises ``QuickReplyError`` with a sentence for the user.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.drills import DRILL_MINUTES
from assistant.drills.history import DrillHistory
from assistant.drills.session import DrillText
from assistant.drills.texts import (
    adaptive_text,
    custom_text,
    phrase_texts,
    shipped_texts,
    team_texts,
    text_from_file,
)
from assistant.errors import QuickReplyError
from assistant.i18n import language as interface_language
from assistant.phrases.store import Store
from ui.widgets.figures import error_label

SOURCES = ("shipped", "phrasebook", "paste", "file", "adaptive", "team")
#: The sources shown as a list of texts.
LISTED = ("shipped", "phrasebook", "team")
LANGUAGES = ("", "zh", "en")
#: (mode, minutes) in the order of the mode box.
MODES = (("fixed", None), *(("timed", minutes) for minutes in DRILL_MINUTES))


class DrillChooser(QWidget):
    #: The user asked to start (Enter or the Start button).
    startRequested = Signal()

    def __init__(self, store: Store, history: DrillHistory, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.history = history
        self.file: Path | None = None
        self.source = QComboBox(self)
        for name in SOURCES:
            self.source.addItem("", name)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem("", code)
        # Texts in the interface's language first; the trainee can pick the other.
        self.language.setCurrentIndex(LANGUAGES.index(interface_language()))
        self.mode = QComboBox(self)
        for _ in MODES:
            self.mode.addItem("")
        self.source_label, self.language_label, self.mode_label = QLabel(self), QLabel(self), QLabel(self)
        self.source_label.setBuddy(self.source)
        self.language_label.setBuddy(self.language)
        self.mode_label.setBuddy(self.mode)

        self.texts = QListWidget(self)
        self.paste = QPlainTextEdit(self)
        self.file_button = QPushButton(self)
        self.file_label = QLabel(self, wordWrap=True)
        file_page = QWidget(self)
        file_layout = QVBoxLayout(file_page)
        file_layout.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        file_layout.addWidget(self.file_label)
        file_layout.addStretch(1)
        self.adaptive_label = QLabel(self, wordWrap=True)
        self.adaptive_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages = QStackedWidget(self)
        # One page per source; shipped and phrasebook share the list.
        for page in (self.texts, self.paste, file_page, self.adaptive_label):
            self.pages.addWidget(page)
        self.preview = QLabel(self, wordWrap=True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label(self)
        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.start_button.setAutoDefault(True)

        form = QFormLayout()
        form.addRow(self.source_label, self.source)
        form.addRow(self.language_label, self.language)
        form.addRow(self.mode_label, self.mode)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)

        self.source.currentIndexChanged.connect(lambda _index: self.refresh())
        self.language.currentIndexChanged.connect(lambda _index: self.refresh())
        self.texts.currentItemChanged.connect(lambda _current, _previous: self._show_preview())
        self.texts.itemActivated.connect(lambda _item: self.startRequested.emit())
        self.file_button.clicked.connect(self._choose_file)
        self.start_button.clicked.connect(self.startRequested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.source_label.setText(self.tr("&Text:"))
        self.language_label.setText(self.tr("&Language:"))
        self.mode_label.setText(self.tr("&Mode:"))
        for index, label in enumerate((self.tr("Practice texts"), self.tr("My phrasebook replies"),
                                       self.tr("Paste a text"), self.tr("A text file"),
                                       self.tr("My weak characters"), self.tr("Team drills"))):
            self.source.setItemText(index, label)
        for index, label in enumerate((self.tr("All languages"), self.tr("Chinese"), self.tr("English"))):
            self.language.setItemText(index, label)
        self.mode.setItemText(0, self.tr("Whole text"))
        for index, (_mode, minutes) in enumerate(MODES[1:], start=1):
            self.mode.setItemText(index, self.tr("Timed: {minutes} min").format(minutes=minutes))
        self.paste.setPlaceholderText(self.tr("Paste or write the text to practise here."))
        self.file_button.setText(self.tr("Choose a &file…"))
        self.start_button.setText(self.tr("&Start"))
        self.start_button.setToolTip(self.tr("Start the drill (Enter)"))
        self.refresh()

    # -- the choice ----------------------------------------------------------------------

    def selected_source(self) -> str:
        return str(self.source.currentData())

    def set_source(self, source: str) -> None:
        self.source.setCurrentIndex(SOURCES.index(source))

    def selected_language(self) -> str:
        return str(self.language.currentData())

    def selected_mode(self) -> tuple[str, int | None]:
        return MODES[self.mode.currentIndex()]

    def set_minutes(self, minutes: int | None) -> None:
        self.mode.setCurrentIndex(next(index for index, (_mode, each) in enumerate(MODES) if each == minutes))

    def refresh(self) -> None:
        """Fill the page of the chosen source (texts are read again: the phrasebooks or
        the history may have changed)."""
        source = self.selected_source()
        self.error.hide()
        self.pages.setCurrentIndex(0 if source in LISTED else {"paste": 1, "file": 2, "adaptive": 3}[source])
        self.language.setEnabled(source in ("shipped", "phrasebook", "adaptive"))  # a race is a race, any language
        if source in LISTED:
            self._fill_list(source)
        elif source == "file":
            self.file_label.setText(str(self.file) if self.file else self.tr("No file chosen yet."))
        elif source == "adaptive":
            self._describe_adaptive()
        self._show_preview()

    def _fill_list(self, source: str) -> None:
        language = self.selected_language()
        texts = shipped_texts(language or None) if source == "shipped" else \
            team_texts(self.store.folder) if source == "team" else \
            [text for text in phrase_texts(self.store) if not language or text.language == language]
        self.texts.clear()
        for text in texts:
            item = QListWidgetItem(text.title, self.texts)
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setToolTip(text.text)
        if texts:
            self.texts.setCurrentRow(0)

    def _adaptive_language(self) -> str:
        return self.selected_language() or "zh"

    def _describe_adaptive(self) -> None:
        text = adaptive_text(self.history.results(), self.store, self._adaptive_language())
        self.adaptive_label.setText(
            self.tr("A drill of the characters you miss most and type slowest, with phrases that contain them.")
            if text is not None else
            self.tr("Not enough practice in this language yet: finish a few drills first."))

    def _show_preview(self) -> None:
        item = self.texts.currentItem()
        showing_list = self.pages.currentIndex() == 0
        text = item.data(Qt.ItemDataRole.UserRole) if showing_list and item is not None else None
        self.preview.setText(_shortened(text.text) if text is not None else "")
        self.preview.setVisible(text is not None)

    def chosen(self) -> DrillText:
        """The text to practise; ``QuickReplyError`` says what is missing."""
        source = self.selected_source()
        if source in LISTED:
            item = self.texts.currentItem()
            if item is None and source == "team":
                raise QuickReplyError(self.tr("No team drill yet: subscribe to the drill your team lead publishes "
                                              "(quickreply subscribe URL|PATH)."))
            if item is None:
                raise QuickReplyError(self.tr("There is no text to choose here."))
            return item.data(Qt.ItemDataRole.UserRole)
        if source == "paste":
            return custom_text(self.paste.toPlainText(), self.tr("Pasted text"))
        if source == "file":
            if self.file is None:
                raise QuickReplyError(self.tr("Choose a text file first."))
            return text_from_file(self.file)
        text = adaptive_text(self.history.results(), self.store, self._adaptive_language())
        if text is None:
            raise QuickReplyError(self.tr("Not enough practice in this language yet: finish a few drills first."))
        return text

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def ask_file(self) -> Path | None:
        """The text file to practise, None when cancelled (tests replace this)."""
        chosen, _used = QFileDialog.getOpenFileName(self, self.tr("Choose a text to practise"), str(Path.home()),
                                                    self.tr("Text files (*.txt *.md);;All files (*)"))
        return Path(chosen) if chosen else None

    def _choose_file(self) -> None:
        path = self.ask_file()
        if path is not None:
            self.file = path
            self.refresh()


def _shortened(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
