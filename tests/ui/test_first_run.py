"""The first-run wizard, walked with the keyboard in both languages: what it saves, what
skipping keeps, the live hotkey try, and the picker offering only the books shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from assistant.data.folder import DataFolder
from assistant.desktop import autostart
from assistant.phrases.store import Store
from assistant.settings import Settings, load_settings
from ui.context import AppContext
from ui.first_run import FirstRunWizard
from ui.i18n import install_language
from ui.replies.picker import Picker

pytestmark = pytest.mark.usefixtures("config_home", "english_afterwards")


@pytest.fixture
def context(seeded_store: Store) -> AppContext:
    install_language("")
    context = AppContext(seeded_store)
    context.hotkeys_available = True
    return context


def stored(home: Path) -> Settings:
    return load_settings(DataFolder(home))


def open_wizard(qtbot, context: AppContext) -> FirstRunWizard:
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    return wizard


def key(qtbot, widget: QWidget, pressed: Qt.Key, times: int = 1) -> None:
    """``pressed`` where the keyboard is: ``widget``, given the focus first."""
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, pressed)


def test_walked_with_the_keyboard_in_chinese_it_saves_every_choice(qtbot, context: AppContext,
                                                                  isolated_home: Path) -> None:
    wizard = open_wizard(qtbot, context)
    language = wizard.language_page.language_box
    key(qtbot, language, Qt.Key.Key_Down)  # "Follow the system" → 中文
    assert language.currentData() == "zh"
    qtbot.waitUntil(lambda: wizard.windowTitle() == "欢迎使用 QuickReply")
    wizard.language_page.name_edit.insert("小美")  # as the input method commits it
    key(qtbot, wizard.language_page.name_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.books_page
    boxes = wizard.books_page.books.boxes
    assert list(boxes) == ["zh-ecommerce", "en-ecommerce"]
    assert boxes["zh-ecommerce"].isChecked() and not boxes["en-ecommerce"].isChecked()
    key(qtbot, boxes["zh-ecommerce"], Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.hotkey_page
    assert wizard.practise()  # the app hands over its picker hotkey
    assert "小美" in wizard.hotkey_page.practice.toPlainText()
    key(qtbot, wizard.hotkey_page.hotkey_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.login_page
    key(qtbot, wizard.login_page.autostart_box, Qt.Key.Key_Space)
    key(qtbot, wizard.login_page.autostart_box, Qt.Key.Key_Return)
    assert not wizard.isVisible()
    saved = stored(isolated_home)
    assert (saved.language, saved.agent_name, saved.hidden_books, saved.first_run_done, saved.start_at_login) == (
        "zh", "小美", ["en-ecommerce"], True, True)
    assert autostart.is_enabled()  # the desktop entry in config_home; on Windows the test's registry key
    picker = Picker(context)
    qtbot.addWidget(picker)
    picker.open_for(None)
    assert picker.shown and {phrase.book_id for phrase in picker.shown} == {"zh-ecommerce"}
    picker.query.setText("shipping")
    assert all(phrase.book_id != "en-ecommerce" for phrase in picker.shown)


def test_in_english_the_chinese_book_is_unticked_and_can_be_shown(qtbot, context: AppContext,
                                                                  isolated_home: Path) -> None:
    wizard = open_wizard(qtbot, context)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Welcome to QuickReply")
    qtbot.keyClicks(wizard.language_page.name_edit, "Lily")
    key(qtbot, wizard.language_page.name_edit, Qt.Key.Key_Return)
    boxes = wizard.books_page.books.boxes
    assert list(boxes) == ["en-ecommerce", "zh-ecommerce"] and not boxes["zh-ecommerce"].isChecked()
    key(qtbot, boxes["zh-ecommerce"], Qt.Key.Key_Space)
    key(qtbot, boxes["zh-ecommerce"], Qt.Key.Key_Return)
    key(qtbot, wizard.hotkey_page.hotkey_edit, Qt.Key.Key_Return)
    key(qtbot, wizard.login_page.autostart_box, Qt.Key.Key_Return)
    saved = stored(isolated_home)
    assert (saved.agent_name, saved.hidden_books, saved.first_run_done) == ("Lily", [], True)


def test_skipping_keeps_the_defaults_and_the_language_but_marks_the_first_run_done(qtbot, context: AppContext,
                                                                                  isolated_home: Path) -> None:
    wizard = open_wizard(qtbot, context)
    wizard.language_page.language_box.setCurrentIndex(1)
    wizard.language_page.name_edit.insert("小美")  # as the input method commits it
    qtbot.waitUntil(lambda: wizard.windowTitle() == "欢迎使用 QuickReply")
    key(qtbot, wizard.language_page.name_edit, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert stored(isolated_home) == Settings(first_run_done=True)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Welcome to QuickReply")


def test_the_hotkey_try_is_live_only_on_its_page_and_explained_without_hotkeys(qtbot, context: AppContext) -> None:
    wizard = open_wizard(qtbot, context)
    assert not wizard.practise()
    context.hotkeys_available = False
    without = open_wizard(qtbot, context)
    assert "quickreply pick" in without.hotkey_page.status.text()
    assert "quickreply pick" not in wizard.hotkey_page.status.text()


def record_ctrl_alt_j(qtbot, context: AppContext) -> FirstRunWizard:
    """The wizard opened and Ctrl+Alt+J pressed in its hotkey page's recorder."""
    wizard = open_wizard(qtbot, context)
    wizard.next()
    wizard.next()
    edit = wizard.hotkey_page.hotkey_edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    return wizard


def test_a_chord_recorded_in_the_wizard_is_registered_at_once(qtbot, context: AppContext, isolated_home: Path) -> None:
    wizard = record_ctrl_alt_j(qtbot, context)
    assert context.settings.picker_hotkey == "ctrl+alt+j"
    assert "Ctrl+Alt+J" in wizard.hotkey_page.status.text()


def test_on_a_disk_that_refuses_the_settings_the_choices_hold_for_the_session_with_a_notice(
        qtbot, context: AppContext, isolated_home: Path) -> None:
    """A chord chosen and the wizard finished while settings.json cannot be replaced (a
    folder stands in its place, as a full or read-only disk refuses): no traceback, the
    choice is used, and the notice says it will not outlive the session."""
    notices: list[str] = []
    context.settingsNotSaved.connect(notices.append)
    settings_file = context.store.folder.path("settings.json")
    settings_file.unlink(missing_ok=True)
    settings_file.mkdir()
    wizard = record_ctrl_alt_j(qtbot, context)
    wizard.accept()
    assert not wizard.isVisible()
    assert context.settings.picker_hotkey == "ctrl+alt+j" and context.settings.first_run_done
    assert len(notices) == 1 and "could not be saved" in notices[0]  # once, not at every choice
    assert settings_file.is_dir()
