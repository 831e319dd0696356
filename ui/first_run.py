"""The first run, which teaches: the language and the agent's name (for ``{agent}``),
the books the picker offers, the picker hotkey tried live in a practice box, and
starting at login.

The app shows it once, while ``Settings.first_run_done`` is false; Settings opens it
again. Finishing saves what was chosen; skipping keeps the defaults but still marks the
first run done, so it never comes back uninvited. The language applies at once, so the
rest of the wizard is read in it. The picker hotkey also applies at once while the
wizard is open: the point of the practice box is that the real hotkey fires into it
(the app hands the wizard its picker hotkey, ``practise``).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from assistant.desktop import autostart
from assistant.phrases.shown import hidden_books, language_first
from assistant.settings import Settings
from ui.context import AppContext
from ui.i18n import install_language, interface_language
from ui.shell import ICONS
from ui.widgets.book_choice import BookChoice
from ui.widgets.hotkey_edit import HotkeyEdit, display_hotkey

log = logging.getLogger(__name__)


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


class LanguagePage(QWizardPage):
    LANGUAGES = ("", "zh", "en")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.language_box = QComboBox(self)
        for code in self.LANGUAGES:
            self.language_box.addItem("", code)
        self.name_edit = QLineEdit(self)
        self.name_hint = _label(self)
        self.labels = [QLabel(self), QLabel(self)]
        self.labels[0].setBuddy(self.language_box)
        self.labels[1].setBuddy(self.name_edit)
        form = QFormLayout(self)
        form.addRow(self.labels[0], self.language_box)
        form.addRow(self.labels[1], self.name_edit)
        form.addRow("", self.name_hint)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to QuickReply"))
        self.setSubTitle(self.tr("A few questions, then your replies are one hotkey away."))
        for index, name in enumerate((self.tr("Follow the system"), "中文", "English")):
            self.language_box.setItemText(index, name)
        self.labels[0].setText(self.tr("&Language:"))
        self.labels[1].setText(self.tr("Your &name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Lily"))
        self.name_hint.setText(self.tr("Replies that say who is answering use it where they have {agent}."))


class BooksPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hint = _label(self)
        self.books = BookChoice(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.books)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Books to show"))
        self.setSubTitle(self.tr("The picker offers the replies of the books ticked here."))
        self.hint.setText(self.tr("Untick the books you do not answer from. Books you import or subscribe to "
                                  "later are shown; you can change this in Settings."))


class HotkeyPage(QWizardPage):
    """The hotkey and the practice box the real hotkey fires into."""

    def __init__(self, live: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.live = live
        self.agent_name = ""
        self.hotkey_edit = HotkeyEdit(self)
        self.hotkey_label = QLabel(self)
        self.hotkey_label.setBuddy(self.hotkey_edit)
        self.hint = _label(self)
        self.status = _label(self)
        self.practice = QPlainTextEdit(self)
        self.practice.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.hotkey_label, self.hotkey_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.practice)
        layout.addStretch(1)
        # Without global hotkeys there is nothing to record or try; the status says what to do.
        for widget in (self.hotkey_label, self.hotkey_edit, self.practice):
            widget.setVisible(live)
        self.tried = False
        self.hotkey_edit.hotkeyChanged.connect(lambda _text: self.retranslate())

    def retranslate(self) -> None:
        self.setTitle(self.tr("The picker hotkey"))
        self.setSubTitle(self.tr("In any chat window, this hotkey opens the picker."))
        self.hint.setText(self.tr("In the picker, type a short code or a few letters and press Enter: the reply "
                                  "goes into the chat."))
        self.hotkey_label.setText(self.tr("Picker &hotkey:"))
        if not self.live:
            self.status.setText(self.tr("Global hotkeys are not available on this desktop. Bind the command "
                                        "“quickreply pick” to a keyboard shortcut in your desktop settings "
                                        "to open the picker."))
        elif self.tried:
            self.status.setText(self.tr("It works! That is how a reply goes into a chat."))
        else:
            self.status.setText(self.tr("Try it: click in the box below, then press {chord}.").format(
                chord=display_hotkey(self.hotkey_edit.hotkey())))
        self.practice.setPlaceholderText(self.tr("Practice box"))

    def practise(self) -> None:
        """The picker hotkey fired while this page is shown: a sample reply goes in."""
        log.info("the picker hotkey was tried in the first-run wizard")
        self.tried = True
        sample = self.tr("Hello, this is {agent}. How can I help you today?").format(
            agent=self.agent_name or self.tr("your agent"))
        self.practice.insertPlainText(sample + "\n")
        self.retranslate()


class LoginPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.autostart_box = QCheckBox(self)
        self.hint = _label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.autostart_box)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Start at login"))
        self.setSubTitle(self.tr("QuickReply waits in the tray, ready for the hotkey."))
        self.autostart_box.setText(self.tr("Start QuickReply &when I log in"))
        self.hint.setText(self.tr("Everything here can be changed later in Settings, where you can also "
                                  "run this introduction again.") if autostart.is_supported()
                          else self.tr("Starting at login is not available on this system."))


class FirstRunWizard(QWizard):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("first-run")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page = LanguagePage(self)
        self.books_page = BooksPage(self)
        self.hotkey_page = HotkeyPage(context.hotkeys_available, self)
        self.login_page = LoginPage(self)
        self.pages = (self.language_page, self.books_page, self.hotkey_page, self.login_page)
        for page in self.pages:
            self.addPage(page)
        # The settings as they were when the wizard opened: what skipping goes back to.
        self.start = context.settings
        self.language_page.language_box.currentIndexChanged.connect(self._language_chosen)
        self.hotkey_page.hotkey_edit.hotkeyChanged.connect(self._hotkey_chosen)
        self.currentIdChanged.connect(self._page_shown)
        self.resize(620, 460)
        self.retranslate()

    def load(self) -> None:
        """Start again from the saved settings (the wizard is kept between openings)."""
        self.start = settings = self.context.settings
        self.restart()
        language = self.language_page.language_box
        language.blockSignals(True)
        language.setCurrentIndex(max(language.findData(settings.language), 0))
        language.blockSignals(False)
        self.language_page.name_edit.setText(settings.agent_name)
        self._show_books(settings.language)
        self.hotkey_page.hotkey_edit.setHotkey(settings.picker_hotkey)
        self.hotkey_page.tried = False
        self.hotkey_page.practice.clear()
        self.login_page.autostart_box.setChecked(autostart.is_enabled())
        self.login_page.autostart_box.setEnabled(autostart.is_supported())

    def _show_books(self, language_setting: str) -> None:
        """The books in the chosen language first; until the agent chose, the shipped
        book of the other language unticked."""
        language = interface_language(language_setting)
        books = language_first(self.context.store.books(), language)
        self.books_page.books.set_books(books, hidden_books(self.context.settings.hidden_books, books, language))

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.load()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to QuickReply"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Skip"))
        for page in self.pages:
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- live choices -------------------------------------------------------------------

    def _language_chosen(self) -> None:
        setting = self.language_page.language_box.currentData()
        install_language(setting)
        self._show_books(setting)

    def _hotkey_chosen(self, chord: str) -> None:
        """Registered at once, so the practice box tries the chord just recorded."""
        if chord:
            self.context.keep_settings(replace(self.context.settings, picker_hotkey=chord))

    def _page_shown(self, _page_id: int) -> None:
        self.hotkey_page.agent_name = self.language_page.name_edit.text().strip()

    def practise(self) -> bool:
        """The app's picker hotkey fired: True when the practice box took it."""
        if self.isVisible() and self.currentPage() is self.hotkey_page:
            self.hotkey_page.practise()
            return True
        return False

    # -- the end ------------------------------------------------------------------------

    def chosen(self) -> Settings:
        """The settings as the wizard's pages say, first run done."""
        return replace(self.context.settings,
                       language=self.language_page.language_box.currentData(),
                       agent_name=self.language_page.name_edit.text().strip(),
                       hidden_books=self.books_page.books.hidden(),
                       picker_hotkey=self.hotkey_page.hotkey_edit.hotkey() or self.start.picker_hotkey,
                       start_at_login=self.login_page.autostart_box.isChecked(),
                       first_run_done=True)

    def accept(self) -> None:
        settings = self.chosen()
        self._apply_start_at_login(settings.start_at_login)
        self.context.keep_settings(settings)
        super().accept()

    def reject(self) -> None:
        """Skipped: the settings as they were, the language put back, the first run done."""
        if self.language_page.language_box.currentData() != self.start.language:
            install_language(self.start.language)
        self.context.keep_settings(replace(self.start, first_run_done=True))
        super().reject()

    def _apply_start_at_login(self, wanted: bool) -> None:
        if not autostart.is_supported() or wanted == autostart.is_enabled():
            return
        try:
            autostart.enable(icon=ICONS / "quickreply.svg") if wanted else autostart.disable()
        except OSError as error:
            log.warning("could not change starting at login: %s", error)
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Could not change starting at login: {error}").format(error=error))
