"""The settings window, driven by keys and clicks as a user changes settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QWidget

from assistant import i18n
from assistant.data.folder import DataFolder
from assistant.desktop import autostart
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.settings import FILE_NAME, Settings, load_settings, save_settings
from ui.context import AppContext
from ui.settings.window import SettingsWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton

pytestmark = pytest.mark.usefixtures("config_home", "english_afterwards")


@pytest.fixture
def context(store: Store) -> AppContext:
    return AppContext(store)


def stored(home: Path) -> Settings:
    return load_settings(DataFolder(home))


def open_window(qtbot, context: AppContext) -> SettingsWindow:
    window = SettingsWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, context: AppContext) -> SettingsWindow:
    return open_window(qtbot, context)


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, LEFT)


def open_tab(qtbot, window: SettingsWindow, page: QWidget) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(window.tabs.indexOf(page)).center())
    assert window.tabs.currentWidget() is page


def save(qtbot, window: SettingsWindow) -> None:
    with qtbot.waitSignal(window.context.settingsChanged):
        click(qtbot, window.save_button)
    assert window.result() == QDialog.DialogCode.Accepted


def edit_cell(qtbot, window: SettingsWindow, text: str) -> None:
    """Type ``text`` into the table's open cell editor and press Enter (which commits
    on the next turn of the event loop)."""
    table = window.rules.table
    editor = table.indexWidget(table.currentIndex())  # the open editor, not a closed one awaiting deletion
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


# -- hotkeys ---------------------------------------------------------------------------------

def test_a_chord_pressed_in_the_recorder_is_saved(qtbot, window: SettingsWindow, isolated_home: Path) -> None:
    qtbot.keyClick(window.hotkeys.picker_edit, Qt.Key.Key_W, CTRL_ALT)
    assert window.hotkeys.picker_edit.text() == "Ctrl+Alt+W"
    save(qtbot, window)
    assert stored(isolated_home).picker_hotkey == "ctrl+alt+w"
    assert window.context.settings.picker_hotkey == "ctrl+alt+w"


def test_the_same_chord_for_picker_and_pause_blocks_saving(qtbot, window: SettingsWindow,
                                                           isolated_home: Path) -> None:
    qtbot.keyClick(window.hotkeys.picker_edit, Qt.Key.Key_P, CTRL_ALT)  # the pause hotkey's chord
    notices = window.hotkeys.notices
    assert notices["picker"].severity == notices["pause"].severity == "error"
    assert "Ctrl+Alt+P already pauses the hotkeys" in notices["picker"].message()
    assert "already opens the picker" in notices["pause"].message()
    assert notices["picker"].isVisibleTo(window)
    assert not window.save_button.isEnabled()
    assert "Ctrl+Alt+P" in window.save_button.toolTip()
    qtbot.keyClick(window.hotkeys.picker_edit, Qt.Key.Key_Return)  # Enter: the dialog's default button
    assert window.isVisible()
    assert not (isolated_home / FILE_NAME).exists()
    qtbot.keyClick(window.hotkeys.pause_edit, Qt.Key.Key_F9, CTRL_ALT)
    assert window.save_button.isEnabled()
    assert not notices["picker"].isVisibleTo(window)
    save(qtbot, window)
    saved = stored(isolated_home)
    assert (saved.picker_hotkey, saved.pause_hotkey) == ("ctrl+alt+p", "ctrl+alt+f9")


def test_ctrl_tab_in_the_picker_field_switches_the_tab_and_is_not_recorded(qtbot, window: SettingsWindow,
                                                                          isolated_home: Path) -> None:
    assert window.focusWidget() is window.hotkeys.picker_edit  # where the window opens
    qtbot.keyClick(window.hotkeys.picker_edit, Qt.Key.Key_Tab, CTRL)
    assert window.tabs.currentWidget() is window.inserting
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentWidget() is window.hotkeys
    assert window.hotkeys.picker_edit.text() == "Ctrl+Alt+Q" and not window.hotkeys.notices["picker"].isVisible()
    save(qtbot, window)
    assert stored(isolated_home).picker_hotkey == "ctrl+alt+q"


@pytest.mark.parametrize(("key", "modifiers", "message"), [
    (Qt.Key.Key_W, CTRL, "Ctrl+W cannot be a hotkey: closes the chat window or tab. Nothing was changed."),
    (Qt.Key.Key_Space, CTRL, "Ctrl+Space cannot be a hotkey: switches the input method. Nothing was changed."),
    (Qt.Key.Key_Delete, CTRL_ALT, "Ctrl+Alt+Delete cannot be a hotkey: the system keeps it (security screen, "
                                  "log out). Nothing was changed.")])
def test_a_reserved_chord_is_refused_with_the_reason_under_the_field(
        qtbot, window: SettingsWindow, isolated_home: Path, key: Qt.Key, modifiers: Qt.KeyboardModifier,
        message: str) -> None:
    qtbot.keyClick(window.hotkeys.picker_edit, key, modifiers)
    notice = window.hotkeys.notices["picker"]
    assert notice.message() == message and notice.isVisibleTo(window)
    assert window.hotkeys.picker_edit.text() == "Ctrl+Alt+Q"
    save(qtbot, window)
    assert stored(isolated_home).picker_hotkey == "ctrl+alt+q"


def test_the_new_conversation_field_refuses_a_reserved_chord_too(qtbot, window: SettingsWindow) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    qtbot.keyClick(page.hotkey_edit, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert page.hotkey_notice.message() == "Alt+F4 cannot be a hotkey: closes the window. Nothing was changed."
    assert page.hotkey_edit.hotkey() == "ctrl+alt+n"


def test_a_reserved_chord_already_stored_says_why_but_may_be_kept(qtbot, context: AppContext) -> None:
    """Written by hand, or kept from a version that allowed it: the agent may know better."""
    context.save_settings(replace(context.settings, picker_hotkey="ctrl+space"))
    window = open_window(qtbot, context)
    notice = window.hotkeys.notices["picker"]
    assert notice.severity == "warning"
    assert notice.message() == "Ctrl+Space is not recommended: switches the input method"
    assert window.save_button.isEnabled()


def test_a_chord_a_reply_already_uses_is_named(qtbot, store: Store) -> None:
    store.create_book(Phrasebook(name="售后", id="b"))
    store.add_phrase("b", Phrase(text="亲，您好", title="问候", hotkey="ctrl+alt+1", id="p1"))
    window = open_window(qtbot, AppContext(store))
    qtbot.keyClick(window.hotkeys.pause_edit, Qt.Key.Key_1, CTRL_ALT)
    notice = window.hotkeys.notices["pause"]
    assert notice.severity == "warning"
    assert "“问候”" in notice.message()
    assert window.save_button.isEnabled()


# -- inserting -------------------------------------------------------------------------------

def test_inserting_options_are_saved(qtbot, window: SettingsWindow, isolated_home: Path) -> None:
    page = window.inserting
    open_tab(qtbot, window, page)
    qtbot.keyClick(page.mode_box, Qt.Key.Key_Down)
    qtbot.keyClick(page.paste_chord_box, Qt.Key.Key_Down)
    qtbot.keyClick(page.send_key_box, Qt.Key.Key_Down)
    page.restore_box.setFocus()
    qtbot.keyClick(page.restore_box, Qt.Key.Key_Space)
    page.timeout_spin.lineEdit().selectAll()
    qtbot.keyClicks(page.timeout_spin, "3000")
    qtbot.keyClicks(page.agent_edit, " Lily 07 ")
    save(qtbot, window)
    saved = stored(isolated_home)
    assert (saved.insert_mode, saved.paste_chord, saved.send_key) == ("type", "ctrl+shift+v", "ctrl+return")
    assert saved.restore_clipboard is False
    assert saved.clipboard_restore_timeout_ms == 3000
    assert saved.agent_name == "Lily 07"


def test_the_wait_stays_within_its_range(qtbot, window: SettingsWindow) -> None:
    spin = window.inserting.timeout_spin
    assert (spin.minimum(), spin.maximum()) == (200, 10000)


# -- applications ----------------------------------------------------------------------------

def test_a_rule_with_a_bad_pattern_is_flagged_and_refused(qtbot, window: SettingsWindow,
                                                          isolated_home: Path) -> None:
    page = window.rules
    open_tab(qtbot, window, page)
    click(qtbot, page.add_button)
    edit_cell(qtbot, window, "wechat(")
    item = page.table.item(1, 0)
    assert item.text() == "wechat("
    assert "not a valid regular expression" in item.toolTip()
    assert not item.icon().isNull()
    assert page.notice.isVisibleTo(window)
    click(qtbot, window.save_button)
    assert window.isVisible()
    assert window.result() != QDialog.DialogCode.Accepted
    assert page.notice.message().startswith("Rule 2: the window class pattern is not a valid regular expression")
    assert (page.table.currentRow(), page.table.currentColumn()) == (1, 0)
    assert not (isolated_home / FILE_NAME).exists()

    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    edit_cell(qtbot, window, "wechat|qq")
    assert item.icon().isNull()
    save(qtbot, window)
    rules = stored(isolated_home).app_rules
    assert rules[1] == {"window_class": "wechat|qq", "executable": "", "title": "", "mode": "paste",
                        "paste_chord": "ctrl+v", "send_key": "return"}


def test_a_rules_mode_is_chosen_with_the_keyboard(qtbot, window: SettingsWindow, isolated_home: Path) -> None:
    table = window.rules.table
    open_tab(qtbot, window, window.rules)
    table.setFocus()
    table.setCurrentCell(0, 3)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(table.currentIndex())
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert table.item(0, 3).text() == "Type out key by key"
    save(qtbot, window)
    assert stored(isolated_home).app_rules[0]["mode"] == "type"


def test_a_rule_matching_every_window_is_refused(qtbot, window: SettingsWindow) -> None:
    open_tab(qtbot, window, window.rules)
    click(qtbot, window.rules.add_button)
    click(qtbot, window.save_button)
    assert window.isVisible()
    assert window.tabs.currentWidget() is window.rules
    assert "Rule 2 would match every window" in window.rules.notice.message()


def test_rules_are_reordered_and_removed(qtbot, context: AppContext, isolated_home: Path) -> None:
    rules = [{"window_class": "a", "title": "", "mode": "paste", "paste_chord": "ctrl+v", "send_key": "return"},
             {"window_class": "b", "title": "x", "mode": "type", "paste_chord": "ctrl+v", "send_key": "return"},
             {"window_class": "c", "title": "", "mode": "paste", "paste_chord": "ctrl+v", "send_key": "return"}]
    context.save_settings(Settings(app_rules=rules))
    window = open_window(qtbot, context)
    page = window.rules
    open_tab(qtbot, window, page)
    page.table.setCurrentCell(1, 0)
    click(qtbot, page.up_button)
    assert [rule["window_class"] for rule in page.rules()] == ["b", "a", "c"]
    assert page.table.currentRow() == 0
    assert not page.up_button.isEnabled()
    click(qtbot, page.down_button)
    click(qtbot, page.down_button)
    assert [rule["window_class"] for rule in page.rules()] == ["a", "c", "b"]
    click(qtbot, page.remove_button)
    save(qtbot, window)
    assert [rule["window_class"] for rule in stored(isolated_home).app_rules] == ["a", "c"]


def test_opening_and_saving_changes_nothing(qtbot, context: AppContext, isolated_home: Path) -> None:
    """Values the form has no choice for (a hand-written chord, extra keys) survive."""
    odd = Settings(paste_chord="ctrl+alt+v", app_rules=[
        {"window_class": "x", "title": "", "mode": "paste", "paste_chord": "alt+insert", "send_key": "return",
         "note": "kept"}])
    context.save_settings(odd)
    save(qtbot, open_window(qtbot, context))
    assert stored(isolated_home) == odd


# -- general ---------------------------------------------------------------------------------

def test_switching_to_chinese_applies_at_once(qtbot, window: SettingsWindow, isolated_home: Path) -> None:
    open_tab(qtbot, window, window.general)
    qtbot.keyClick(window.general.language_box, Qt.Key.Key_Down)
    assert window.general.language_box.currentText() == "中文"
    save(qtbot, window)
    assert i18n.language() == "zh"
    assert stored(isolated_home).language == "zh"


def test_after_switching_language_no_text_goes_blank(qtbot, window: SettingsWindow) -> None:
    qtbot.keyClick(window.general.language_box, Qt.Key.Key_Down)
    save(qtbot, window)
    QApplication.sendPostedEvents()  # Qt posts LanguageChange; deliver it now
    assert window.windowTitle()
    assert window.save_button.text()
    assert window.tabs.tabText(0)


def test_start_at_login_is_written_and_removed(qtbot, context: AppContext, isolated_home: Path) -> None:
    window = open_window(qtbot, context)
    open_tab(qtbot, window, window.general)
    box = window.general.autostart_box
    assert not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    save(qtbot, window)
    assert autostart.is_enabled()  # the desktop entry in config_home; on Windows the test's registry key
    assert stored(isolated_home).start_at_login is True

    window = open_window(qtbot, context)
    box = window.general.autostart_box
    assert box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    save(qtbot, window)
    assert not autostart.is_enabled()
    assert stored(isolated_home).start_at_login is False


def test_a_start_at_login_failure_is_shown_not_raised(qtbot, context: AppContext, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, isolated_home: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    window = open_window(qtbot, context)
    monkeypatch.setattr(autostart, "RUN_KEY", "Software\\" + "x" * 300)  # Windows: longer than a key name may be
    box = window.general.autostart_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    click(qtbot, window.save_button)
    assert window.isVisible()
    assert window.tabs.currentWidget() is window.general
    assert "Could not change starting at login" in window.general.autostart_notice.message()
    assert not (isolated_home / FILE_NAME).exists()


def test_a_settings_file_that_cannot_be_written_is_reported(qtbot, window: SettingsWindow,
                                                             isolated_home: Path) -> None:
    (isolated_home / FILE_NAME).mkdir(parents=True)  # a folder where the file should go
    qtbot.keyClicks(window.inserting.agent_edit, "B")
    click(qtbot, window.save_button)
    assert window.isVisible()
    assert "The settings could not be written" in window.failure.message()


# -- cancel ----------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_leaves_the_settings_untouched(qtbot, context: AppContext, isolated_home: Path, how: str) -> None:
    save_settings(DataFolder(isolated_home), Settings(agent_name="A"))
    path = isolated_home / FILE_NAME
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    context = AppContext(context.store)
    window = open_window(qtbot, context)
    qtbot.keyClick(window.hotkeys.picker_edit, Qt.Key.Key_W, CTRL_ALT)
    qtbot.keyClicks(window.inserting.agent_edit, "B")
    if how == "button":
        click(qtbot, window.cancel_button)
    else:
        qtbot.keyClick(window.inserting.agent_edit, Qt.Key.Key_Escape)
    assert window.result() == QDialog.DialogCode.Rejected
    assert not window.isVisible()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert context.settings.agent_name == "A"


# -- conversations ---------------------------------------------------------------------------

def type_number(qtbot, spin: QWidget, number: int) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, str(number))


def type_with_input_method(widget: QWidget, text: str) -> None:
    """Chinese text arrives as an input method's commit, not as key presses."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(qtbot, button: QWidget) -> None:
    """Click a radio button where its circle is (its row may be wider than its text)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(button.height() // 2, button.height() // 2))


def edit_title_rule(qtbot, window: SettingsWindow, row: int, column: int, text: str) -> None:
    """Open a title rule's cell with F2, type ``text`` and press Enter."""
    table = window.conversations.table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_limits_policy_idle_and_history_are_saved(qtbot, window: SettingsWindow, isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    assert page.policy_buttons["warn"].isChecked()
    type_number(qtbot, page.soft_spin, 4)
    type_number(qtbot, page.hard_spin, 7)
    choose(qtbot, page.policy_buttons["block"])
    type_number(qtbot, page.idle_spin, 45)
    type_number(qtbot, page.retention_spin, 30)
    save(qtbot, window)
    saved = stored(isolated_home)
    assert (saved.soft_limit, saved.hard_limit, saved.limit_policy) == (4, 7, "block")
    assert (saved.idle_minutes, saved.conversation_retention_days) == (45, 30)
    assert saved.title_rules == Settings().title_rules


def test_the_question_before_the_same_reply_twice_can_be_turned_off(qtbot, window: SettingsWindow,
                                                                     isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    assert page.repeat_box.isChecked()  # on by default
    choose(qtbot, page.repeat_box)
    save(qtbot, window)
    assert stored(isolated_home).warn_repeated_reply is False


def test_the_idle_and_history_boxes_keep_their_ranges(window: SettingsWindow) -> None:
    page = window.conversations
    assert (page.idle_spin.minimum(), page.idle_spin.maximum()) == (1, 480)
    assert (page.retention_spin.minimum(), page.retention_spin.maximum()) == (7, 3650)


def test_the_units_follow_the_number(window: SettingsWindow) -> None:
    page = window.conversations
    page.idle_spin.setValue(1)
    page.soft_spin.setValue(1)
    assert (page.idle_spin.suffix(), page.soft_spin.suffix()) == (" minute", " quick reply")
    page.idle_spin.setValue(2)
    page.soft_spin.setValue(3)
    assert (page.idle_spin.suffix(), page.soft_spin.suffix()) == (" minutes", " quick replies")


def test_a_hard_limit_below_the_soft_one_is_refused(qtbot, window: SettingsWindow, isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    type_number(qtbot, page.hard_spin, 2)
    assert page.limits_notice.isVisibleTo(window)
    assert page.limits_notice.message() == "The hard limit (2) cannot be below the soft limit (3)."
    open_tab(qtbot, window, window.general)
    click(qtbot, window.save_button)
    assert window.isVisible()
    assert window.tabs.currentWidget() is page
    assert page.hard_spin.hasFocus()
    assert not (isolated_home / FILE_NAME).exists()
    type_number(qtbot, page.soft_spin, 2)
    assert not page.limits_notice.isVisibleTo(window)
    save(qtbot, window)
    assert (stored(isolated_home).soft_limit, stored(isolated_home).hard_limit) == (2, 2)


def test_chat_programs_are_saved_and_a_broken_pattern_is_refused(qtbot, window: SettingsWindow,
                                                                 isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    assert page.chat_programs_edit.text() == Settings().chat_programs
    page.chat_programs_edit.setFocus()
    page.chat_programs_edit.end(False)
    qtbot.keyClicks(page.chat_programs_edit, "|(chrome")
    assert page.chat_programs_notice.isVisibleTo(window)
    assert "not a valid regular expression" in page.chat_programs_notice.message()
    open_tab(qtbot, window, window.general)
    click(qtbot, window.save_button)
    assert window.tabs.currentWidget() is page and page.chat_programs_edit.hasFocus()
    assert not (isolated_home / FILE_NAME).exists()
    qtbot.keyClick(page.chat_programs_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.chat_programs_edit, Settings().chat_programs + "|chrome")
    assert not page.chat_programs_notice.isVisibleTo(window)
    save(qtbot, window)
    assert stored(isolated_home).chat_programs == Settings().chat_programs + "|chrome"


def test_a_title_rule_with_a_bad_pattern_is_flagged_and_refused(qtbot, window: SettingsWindow,
                                                                isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    click(qtbot, page.editor.add_button)
    row = page.table.rowCount() - 1
    edit_title_rule(qtbot, window, row, 0, "helpdesk")
    edit_title_rule(qtbot, window, row, 2, "^(?P<who>.+ - ")
    item = page.table.item(row, 2)
    assert "not a valid regular expression" in item.toolTip()
    assert not item.icon().isNull()
    click(qtbot, window.save_button)
    assert window.isVisible()
    assert page.editor.notice.message().startswith(f"Title rule {row + 1}: the title pattern is not a valid")
    assert (page.table.currentRow(), page.table.currentColumn()) == (row, 2)
    assert not (isolated_home / FILE_NAME).exists()

    edit_title_rule(qtbot, window, row, 2, "^(?P<who>.+) - ")
    assert item.icon().isNull()
    save(qtbot, window)
    assert stored(isolated_home).title_rules[-1] == {"window_class": "helpdesk", "executable": "",
                                                     "title": "^(?P<who>.+) - "}


def test_a_title_pattern_without_a_who_group_is_advised_against_but_saved(qtbot, window: SettingsWindow,
                                                                          isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    edit_title_rule(qtbot, window, 0, 2, " - Workbench$")
    assert page.editor.notice.severity == "warning"
    assert "has no (?P<who>…) group, so it never applies" in page.editor.notice.message()
    assert "(?P<who>…)" in page.table.horizontalHeaderItem(2).toolTip()
    save(qtbot, window)
    assert stored(isolated_home).title_rules[0]["title"] == " - Workbench$"


def test_the_title_tester_ignores_unread_counters_and_follows_the_table(qtbot, window: SettingsWindow) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    qtbot.keyClicks(page.test_class_edit, "AliWorkBench")
    type_with_input_method(page.test_title_edit, "(2) 王小明 - 接待中心")
    assert page.test_result.text() == "Conversation: aliworkbench|王小明"
    page.test_title_edit.clear()
    type_with_input_method(page.test_title_edit, "王小明 - 接待中心")
    assert page.test_result.text() == "Conversation: aliworkbench|王小明"
    edit_title_rule(qtbot, window, 1, 0, "nothing-matches-this")  # the Qianniu rule no longer applies
    assert page.test_result.text() == "Conversation: aliworkbench|王小明 - 接待中心"


def test_the_title_tester_knows_a_windows_program_by_its_file_name(qtbot, window: SettingsWindow) -> None:
    """On Windows Qianniu's class is a Qt one; its executable is what the rules know."""
    page = window.conversations
    open_tab(qtbot, window, page)
    qtbot.keyClicks(page.test_class_edit, "Qt6120QWindowIcon")
    type_with_input_method(page.test_title_edit, "(2) 王小明 - 接待中心")
    assert page.test_result.text() == "Conversation: qt6120qwindowicon|王小明 - 接待中心"
    qtbot.keyClicks(page.test_program_edit, "AliWorkBench.exe")
    assert page.test_result.text() == "Conversation: qt6120qwindowicon|王小明"
    edit_title_rule(qtbot, window, 0, 1, "nothing-matches-this")
    assert page.test_result.text() == "Conversation: qt6120qwindowicon|王小明 - 接待中心"


def test_a_new_conversation_hotkey_clashing_with_the_picker_blocks_saving(qtbot, window: SettingsWindow,
                                                                          isolated_home: Path) -> None:
    page = window.conversations
    open_tab(qtbot, window, page)
    qtbot.keyClick(page.hotkey_edit, Qt.Key.Key_Q, CTRL_ALT)  # the picker's chord
    assert page.hotkey_notice.severity == "error"
    assert "Ctrl+Alt+Q already opens the picker" in page.hotkey_notice.message()
    assert page.hotkey_notice.isVisibleTo(window)
    assert "already starts a new conversation" in window.hotkeys.notices["picker"].message()
    assert not window.save_button.isEnabled()
    assert "Ctrl+Alt+Q" in window.save_button.toolTip()
    qtbot.keyClick(page.hotkey_edit, Qt.Key.Key_Return)
    assert window.isVisible()
    assert not (isolated_home / FILE_NAME).exists()
    qtbot.keyClick(page.hotkey_edit, Qt.Key.Key_F8, CTRL_ALT)
    assert window.save_button.isEnabled()
    assert window.hotkeys.notices["picker"].severity == ""
    save(qtbot, window)
    assert stored(isolated_home).new_conversation_hotkey == "ctrl+alt+f8"


def test_the_general_tab_chooses_the_books_the_picker_shows(qtbot, seeded_store: Store, isolated_home: Path) -> None:
    context = AppContext(seeded_store)
    window = open_window(qtbot, context)
    open_tab(qtbot, window, window.general)
    boxes = window.general.books.boxes
    assert list(boxes) == ["en-ecommerce", "zh-ecommerce"] and not boxes["zh-ecommerce"].isChecked()
    boxes["en-ecommerce"].setFocus()
    qtbot.keyClick(boxes["en-ecommerce"], Qt.Key.Key_Space)
    qtbot.keyClick(boxes["zh-ecommerce"], Qt.Key.Key_Space)
    save(qtbot, window)
    assert stored(isolated_home).hidden_books == ["en-ecommerce"]
    assert context.hidden_books() == {"en-ecommerce"}


def test_the_introduction_runs_again_from_the_general_tab(qtbot, context: AppContext) -> None:
    window = open_window(qtbot, context)
    open_tab(qtbot, window, window.general)
    with qtbot.waitSignal(context.windowRequested) as requested:
        click(qtbot, window.general.introduction_button)
    assert requested.args == ["first-run"] and not window.isVisible()


# -- sharing with the team ---------------------------------------------------------------


def test_a_team_folder_that_does_not_exist_is_refused_under_the_field(qtbot, window: SettingsWindow,
                                                                      tmp_path: Path) -> None:
    open_tab(qtbot, window, window.general)
    window.general.team_share.edit.setText(str(tmp_path / "not-there"))
    click(qtbot, window.save_button)
    assert window.isVisible() and "does not exist" in window.general.team_share_notice.label.text()
    assert window.general.team_share.edit.hasFocus()


def test_a_team_folder_and_an_address_are_saved(qtbot, context: AppContext, isolated_home: Path,
                                                tmp_path: Path) -> None:
    for place in (str(tmp_path), "https://dav.example.test/team/"):
        window = open_window(qtbot, context)
        open_tab(qtbot, window, window.general)
        window.general.team_share.edit.setText(place)
        save(qtbot, window)
        assert stored(isolated_home).team_share == place


@pytest.mark.parametrize(("kind", "watched", "seen", "expected"), [
    ("wayland", False, False, "not available on Wayland"),
    ("x11", False, False, "not measured on this desktop"),
    ("x11", True, False, "No title of a chat program's window (above) seen since QuickReply started has such"),
    ("windows", True, True, "measured from the unread counters"),
])
def test_the_conversations_tab_says_whether_response_times_can_be_measured(
        qtbot, context: AppContext, monkeypatch: pytest.MonkeyPatch, kind: str, watched: bool, seen: bool,
        expected: str) -> None:
    monkeypatch.setattr("ui.settings.window.session_kind", lambda: kind)
    context.titles_watched, context.unread_counter_seen = watched, seen
    window = open_window(qtbot, context)
    open_tab(qtbot, window, window.conversations)
    line = window.conversations.response_times
    assert expected in line.text() and line.isVisible()
    others = ("not available on Wayland", "not measured on this desktop", "has such a counter", "measured from")
    assert sum(other in line.text() for other in others) == 1
