"""The app's wiring without a desktop backend (as on Wayland), and the single instance."""

from __future__ import annotations

import gc
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QToolButton, QWidget

from assistant.desktop.base import WindowInfo
from assistant.instance import send_command
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog, conversation_key
from assistant.settings import load_settings
from ui.app import QuickReplyApp
from ui.context import AppContext
from ui.replies.prompt import PlaceholderDialog
from ui.settings.window import SettingsWindow
from ui.single_instance import SingleInstance
from ui.team.report_window import ReportWindow
from ui.windows import WINDOWS


@pytest.fixture
def instance(qtbot, isolated_home: Path):
    claimed = SingleInstance(isolated_home)
    assert claimed.claim()
    yield claimed
    claimed.release()


@pytest.fixture
def wayland_app(qtbot, seeded_store: Store, instance: SingleInstance) -> QuickReplyApp:
    app = QuickReplyApp(AppContext(seeded_store), instance, desktop=None)
    app.start()
    yield app
    app.stop()
    app.picker.close()
    if app.shell.fallback is not None:
        app.shell.fallback.close()


def test_a_second_instance_cannot_claim_and_commands_reach_the_first(qtbot, instance, isolated_home) -> None:
    assert SingleInstance(isolated_home).claim() is False
    answers: list[bool] = []
    with qtbot.waitSignal(instance.commandReceived) as received:
        sender = threading.Thread(target=lambda: answers.append(send_command(instance.address, "pick")))
        sender.start()
    qtbot.waitUntil(lambda: answers == [True])
    sender.join(5)
    assert received.args == ["pick", {}]


def test_without_global_hotkeys_the_user_is_told_once(qtbot, wayland_app: QuickReplyApp, seeded_store,
                                                      instance) -> None:
    fallback = wayland_app.shell.fallback
    assert fallback is not None and "quickreply pick" in fallback.message.text()
    assert load_settings(seeded_store.folder).wayland_notice_shown
    again = QuickReplyApp(AppContext(seeded_store), instance, desktop=None)
    again.start()
    assert again.shell.fallback.message.text() == ""
    again.picker.close()
    again.shell.fallback.close()


def test_the_notice_without_hotkeys_gives_the_desktop_s_own_reason(wayland_app: QuickReplyApp) -> None:
    assert "Wayland" in wayland_app.no_hotkeys_notice("wayland")
    on_mac = wayland_app.no_hotkeys_notice("macos")
    assert "macOS" in on_mac and "Wayland" not in on_mac
    assert "Wayland" not in wayland_app.no_hotkeys_notice("windows")


def test_the_pick_command_opens_the_picker(qtbot, wayland_app: QuickReplyApp) -> None:
    wayland_app._command("pick")
    qtbot.waitUntil(wayland_app.picker.isVisible)


def test_without_a_keyboard_backend_the_reply_goes_to_the_clipboard(qtbot, wayland_app: QuickReplyApp,
                                                                    seeded_store: Store) -> None:
    wayland_app.context.save_settings(replace(wayland_app.context.settings, agent_name="小美"))
    phrase = next(item for item in seeded_store.phrases("zh-ecommerce") if "{agent}" in item.text)
    wayland_app.insert(phrase, None, refocus=False)
    assert QApplication.clipboard().text() == phrase.text.replace("{agent}", "小美")


def test_a_reply_never_goes_out_with_an_empty_agent_name(qtbot, wayland_app: QuickReplyApp, seeded_store: Store,
                                                         isolated_home: Path) -> None:
    """Asked once, kept in the settings; the dialog cannot insert without a name."""
    phrase = next(item for item in seeded_store.phrases("en-ecommerce")
                  if "{agent}" in item.text and "{name}" not in item.text)
    insert_enabled: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PlaceholderDialog)
        insert = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        insert_enabled.append(insert.isEnabled())
        dialog.fields["agent"].setText("Lily")
        insert_enabled.append(insert.isEnabled())
        insert.click()

    QTimer.singleShot(0, answer)
    wayland_app.insert(phrase, None, refocus=False)
    assert insert_enabled == [False, True]
    assert QApplication.clipboard().text() == phrase.text.replace("{agent}", "Lily")
    assert load_settings(seeded_store.folder).agent_name == "Lily"
    QApplication.clipboard().clear()
    wayland_app.insert(phrase, None, refocus=False)  # not asked again: no dialog to answer
    assert QApplication.clipboard().text() == phrase.text.replace("{agent}", "Lily")


def test_the_picker_hotkey_goes_to_the_first_run_practice_box_while_it_is_shown(
        qtbot, wayland_app: QuickReplyApp) -> None:
    wizard = wayland_app.open_window("first-run")
    qtbot.addWidget(wizard)
    wayland_app._hotkey("picker")
    assert wayland_app.picker.isVisible()  # the first page has no practice box
    wayland_app.picker.hide()
    wizard.next()
    wizard.next()
    wayland_app._hotkey("picker")
    assert not wayland_app.picker.isVisible() and wizard.hotkey_page.practice.toPlainText()


def counts(store: Store, phrase: Phrase) -> tuple[int, int]:
    """The phrase's use count, and the quick replies of the one conversation a desktop
    without window information has."""
    conversation = ConversationLog(store).count("unknown|", datetime.now(UTC))
    return store.phrase(phrase.book_id, phrase.id).use_count, conversation


def pick(qtbot, app: QuickReplyApp, query: str = "") -> None:
    """What ``quickreply pick`` and Enter do."""
    app._command("pick")
    qtbot.waitUntil(app.picker.isVisible)
    qtbot.keyClicks(app.picker.query, query)
    qtbot.keyClick(app.picker.query, Qt.Key.Key_Return)


def test_without_a_keyboard_backend_a_reply_in_parts_goes_to_the_clipboard_part_by_part(
        qtbot, wayland_app: QuickReplyApp, seeded_store: Store) -> None:
    """One message at a time, each asked for from the picker by keyboard; counted once,
    like any other insertion."""
    seeded_store.create_book(Phrasebook(name="E2E", id="e2e"))
    phrase = seeded_store.add_phrase("e2e", Phrase(
        text="亲，在的～\n---\n我是{agent}，单号{clipboard}\n---\n请问有什么可以帮您？", code="e2esplit",
        separate_messages=True))
    wayland_app.context.phrases_edited()
    wayland_app.context.save_settings(replace(wayland_app.context.settings, agent_name="小美"))
    clipboard, notice = QApplication.clipboard(), wayland_app.shell.fallback.message
    clipboard.setText("SF123")

    pick(qtbot, wayland_app, "e2esplit")
    assert clipboard.text() == "亲，在的～"
    qtbot.waitUntil(lambda: counts(seeded_store, phrase) == (1, 1))
    assert notice.text().startswith("Part 1 of 3 is on the clipboard")
    assert "For part 2, open the picker again" in notice.text() and "press Enter" in notice.text()

    pick(qtbot, wayland_app)
    assert clipboard.text() == "我是小美，单号SF123"
    assert notice.text().startswith("Part 2 of 3 is on the clipboard")
    pick(qtbot, wayland_app)
    assert clipboard.text() == "请问有什么可以帮您？"
    assert notice.text() == "Part 3 of 3, the last, is on the clipboard; paste it with Ctrl+V."
    qtbot.wait(50)
    assert counts(seeded_store, phrase) == (1, 1)

    # All given: the picker offers replies again, and choosing this one starts it anew.
    wayland_app._command("pick")
    assert wayland_app.picker.offer is None
    wayland_app.picker.hide()
    pick(qtbot, wayland_app, "e2esplit")
    assert clipboard.text() == "亲，在的～"
    qtbot.waitUntil(lambda: counts(seeded_store, phrase) == (2, 2))


def test_the_same_reply_twice_to_one_buyer_is_asked_about_through_the_picker(
        qtbot, wayland_app: QuickReplyApp, seeded_store: Store) -> None:
    """The picker marks the reply already sent; choosing it again asks first, Escape
    sends nothing, and with the warning off in Settings nothing is asked."""
    seeded_store.create_book(Phrasebook(name="E2E", id="e2e"))
    phrase = seeded_store.add_phrase("e2e", Phrase(text="好的，马上为您处理", code="e2eok"))
    wayland_app.context.phrases_edited()
    buyer = WindowInfo(id=7, wm_class="AliWorkBench", title="王小明 - 接待中心", pid=None)
    key = conversation_key(buyer)
    clipboard, asked = QApplication.clipboard(), []

    def choose() -> None:
        wayland_app.open_picker(buyer)
        qtbot.keyClicks(wayland_app.picker.query, "e2eok")
        qtbot.keyClick(wayland_app.picker.query, Qt.Key.Key_Return)

    def escape() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, escape)
            return
        asked.append(box.windowTitle())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    choose()
    assert clipboard.text() == phrase.text
    qtbot.waitUntil(lambda: ConversationLog(seeded_store).count(key, datetime.now(UTC)) == 1)
    clipboard.setText("the agent's own text")
    wayland_app.open_picker(buyer)
    qtbot.keyClicks(wayland_app.picker.query, "e2eok")
    assert wayland_app.picker.results.item(0).text().startswith("1  ✓ Sent ")
    wayland_app.picker.hide()

    QTimer.singleShot(0, escape)
    choose()
    assert asked == ["Same reply again?"]
    assert clipboard.text() == "the agent's own text"
    qtbot.wait(50)
    assert ConversationLog(seeded_store).count(key, datetime.now(UTC)) == 1

    wayland_app.context.save_settings(replace(wayland_app.context.settings, warn_repeated_reply=False))
    choose()  # a box would block here, unanswered
    assert clipboard.text() == phrase.text
    qtbot.waitUntil(lambda: ConversationLog(seeded_store).count(key, datetime.now(UTC)) == 2)


def test_the_menu_opens_the_statistics_window(qtbot, wayland_app: QuickReplyApp) -> None:
    wayland_app.actions.windows["statistics"].trigger()
    statistics = wayland_app.kept["statistics"]
    qtbot.waitUntil(statistics.isVisible)
    assert statistics.windowTitle() == "QuickReply statistics"
    statistics.close()


def test_the_statistics_window_opens_the_team_report_but_the_menu_does_not(qtbot,
                                                                          wayland_app: QuickReplyApp) -> None:
    assert "team-report" not in wayland_app.actions.windows
    statistics = wayland_app.open_window("statistics")
    assert statistics.team_report_button.text() == "Team report…"
    statistics.team_report_button.click()
    report = wayland_app.kept["team-report"]
    assert isinstance(report, ReportWindow) and report.isVisible()
    statistics.team_report_button.click()
    assert wayland_app.kept["team-report"] is report
    report.close()
    statistics.close()


def test_the_menu_opens_typing_practice_after_the_phrasebooks(qtbot, wayland_app: QuickReplyApp) -> None:
    windows = wayland_app.actions.windows
    actions = wayland_app.actions.all()
    assert actions.index(windows["drills"]) == actions.index(windows["manager"]) + 1
    assert actions.index(windows["statistics"]) == actions.index(windows["drills"]) + 1
    windows["drills"].trigger()
    drills = wayland_app.kept["drills"]
    qtbot.waitUntil(drills.isVisible)
    assert drills.stack.currentWidget() is drills.chooser
    drills.close()


# -- the tray menu and the fallback window: every entry does what it names --------------

MENU_WINDOWS = {"Phrasebooks…": "manager", "Typing practice…": "drills", "Statistics…": "statistics",
                "Settings…": "settings"}


def settle() -> None:
    """What happens between the user's click and their next look: events, and Python
    dropping whatever nothing holds (a window only a local name held is gone after this)."""
    QApplication.processEvents()
    gc.collect()
    QApplication.processEvents()


def shown(class_name: str) -> list[QWidget]:
    return [widget for widget in QApplication.topLevelWidgets()
            if widget.isVisible() and type(widget).__name__ == class_name]


def menu_action(app: QuickReplyApp, text: str) -> QAction:
    """The tray menu's entry by what the agent reads."""
    return next(action for action in app.shell.menu.actions() if action.text() == text)


def fallback_button(app: QuickReplyApp, text: str) -> QToolButton:
    """The fallback window's button for the entry (a button shows "Settings" for "Settings…")."""
    return next(button for button in app.shell.fallback.findChildren(QToolButton)
                if button.defaultAction().text() == text)


def close_all_windows() -> None:
    for name in MENU_WINDOWS.values():
        for window in shown(WINDOWS[name].factory.partition(":")[2]):
            window.close()
    settle()


@pytest.mark.parametrize("way", ["tray menu", "fallback window"])
@pytest.mark.parametrize("text", list(MENU_WINDOWS))
def test_every_window_entry_opens_the_window_it_names(qtbot, wayland_app: QuickReplyApp, text: str,
                                                      way: str) -> None:
    class_name = WINDOWS[MENU_WINDOWS[text]].factory.partition(":")[2]
    if way == "tray menu":
        menu_action(wayland_app, text).trigger()
    else:
        qtbot.mouseClick(fallback_button(wayland_app, text), Qt.MouseButton.LeftButton)
    settle()
    try:
        assert len(shown(class_name)) == 1
    finally:
        close_all_windows()


def test_the_menu_lists_every_window_of_the_registry(qtbot, wayland_app: QuickReplyApp) -> None:
    texts = [action.text() for action in wayland_app.shell.menu.actions() if action.text()]
    assert texts == ["Pick a reply…", "New conversation", *MENU_WINDOWS, "Pause hotkeys", "Quit"]
    assert {WINDOWS[name].menu_text for name in MENU_WINDOWS.values()} == set(MENU_WINDOWS)
    buttons = wayland_app.shell.fallback.findChildren(QToolButton)
    assert [button.defaultAction().text() for button in buttons] == texts


@pytest.mark.parametrize("way", ["tray menu", "fallback window"])
def test_the_pick_entry_opens_the_picker(qtbot, wayland_app: QuickReplyApp, way: str) -> None:
    if way == "tray menu":
        menu_action(wayland_app, "Pick a reply…").trigger()
    else:
        qtbot.mouseClick(fallback_button(wayland_app, "Pick a reply…"), Qt.MouseButton.LeftButton)
    settle()
    assert wayland_app.picker.isVisible()


@pytest.mark.parametrize("way", ["tray menu", "fallback window"])
def test_the_pause_entry_pauses_and_resumes(qtbot, wayland_app: QuickReplyApp, way: str) -> None:
    def choose() -> None:
        if way == "tray menu":
            menu_action(wayland_app, "Pause hotkeys").trigger()
        else:
            qtbot.mouseClick(fallback_button(wayland_app, "Pause hotkeys"), Qt.MouseButton.LeftButton)
        settle()

    choose()
    assert wayland_app.actions.pause.isChecked()
    choose()
    assert not wayland_app.actions.pause.isChecked()


@pytest.mark.parametrize("way", ["tray menu", "fallback window"])
def test_the_new_conversation_entry_starts_the_count_again(qtbot, wayland_app: QuickReplyApp,
                                                          seeded_store: Store, way: str) -> None:
    phrase = next(item for item in seeded_store.phrases("zh-ecommerce") if "{" not in item.text)
    wayland_app.insert(phrase, None, refocus=False)
    qtbot.waitUntil(lambda: counts(seeded_store, phrase)[1] == 1)
    if way == "tray menu":
        menu_action(wayland_app, "New conversation").trigger()
    else:
        qtbot.mouseClick(fallback_button(wayland_app, "New conversation"), Qt.MouseButton.LeftButton)
    settle()
    assert counts(seeded_store, phrase)[1] == 0
    assert wayland_app.shell.fallback.message.text() == "New conversation: the count starts again at 0."


def test_the_menu_shows_each_global_hotkey_beside_its_entry(qtbot, wayland_app: QuickReplyApp) -> None:
    shortcuts = {action.text(): action.shortcut().toString() for action in wayland_app.shell.menu.actions()}
    assert shortcuts["New conversation"] == "Ctrl+Alt+N"
    assert shortcuts["Pick a reply…"] == "Ctrl+Alt+Q" and shortcuts["Pause hotkeys"] == "Ctrl+Alt+P"
    assert menu_action(wayland_app, "New conversation").isShortcutVisibleInContextMenu()
    settings = wayland_app.context.settings
    wayland_app.context.save_settings(replace(settings, new_conversation_hotkey="ctrl+alt+shift+f2"))
    assert menu_action(wayland_app, "New conversation").shortcut().toString() == "Ctrl+Alt+Shift+F2"


def test_settings_from_the_menu_can_be_typed_into_and_saved(qtbot, wayland_app: QuickReplyApp,
                                                           seeded_store: Store) -> None:
    """The window nothing else holds stays open until closed; asking again brings the
    open one to the front; after it is closed, the next one is fresh."""
    menu_action(wayland_app, "Settings…").trigger()
    settle()
    [window] = shown("SettingsWindow")
    assert isinstance(window, SettingsWindow)
    menu_action(wayland_app, "Settings…").trigger()
    settle()
    assert shown("SettingsWindow") == [window]
    window.tabs.setCurrentWidget(window.inserting)
    window.inserting.agent_edit.clear()
    qtbot.keyClicks(window.inserting.agent_edit, "Lily")
    with qtbot.waitSignal(wayland_app.context.settingsChanged):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert load_settings(seeded_store.folder).agent_name == "Lily"
    assert shown("SettingsWindow") == [] and "settings" not in wayland_app.kept
    qtbot.mouseClick(fallback_button(wayland_app, "Settings…"), Qt.MouseButton.LeftButton)
    settle()
    [again] = shown("SettingsWindow")
    assert again.inserting.agent_edit.text() == "Lily" and again.tabs.currentIndex() == 0
    again.close()
    settle()


def test_quickreply_drill_reaches_the_running_instance(qtbot, wayland_app: QuickReplyApp, tmp_path: Path) -> None:
    """The command line's ``drill`` (with a file read and checked on its side) opens the
    running app's drill window on that text, timed as asked."""
    from assistant.cli.main import main

    path = tmp_path / "drill.txt"
    path.write_text("亲，您好，请问有什么可以帮您？", encoding="utf-8")
    codes: list[int] = []
    sender = threading.Thread(target=lambda: codes.append(main(["drill", "--text", str(path), "--minutes", "1"])))
    sender.start()
    qtbot.waitUntil(lambda: "drills" in wayland_app.kept and wayland_app.kept["drills"].running())
    sender.join(5)
    assert codes == [0]
    drills = wayland_app.kept["drills"]
    session = drills.run_page.session
    assert session.text.text == "亲，您好，请问有什么可以帮您？" and session.text.title == "drill"
    assert session.mode == "timed" and session.minutes == 1
    wayland_app._command("drill", {"text": "", "minutes": "lots"})  # bad arguments are told, not obeyed
    assert drills.run_page.session is session
    drills.confirm_leave = lambda: True
    drills.close()



def test_the_everyday_start_leaves_the_command_line_unloaded() -> None:
    """``quickreply`` alone goes straight to the tray app: the command modules (and the
    statistics, drills and report code they import) stay out of the idle process."""
    import subprocess
    import sys

    code = ("import sys, ui.launcher, ui.app\n"
            "print(sorted(m for m in sys.modules if m.startswith(('assistant.cli', 'assistant.team.stats', "
            "'assistant.team.report', 'assistant.drills.'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"
