"""The phrase editor: live checks, the hotkey recorder, placeholders, Save blocked on errors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from assistant.phrases.model import Phrase
from assistant.phrases.store import Store
from tests.ui.manager.support import type_text
from ui.context import AppContext
from ui.manager.phrase_editor import PhraseEditor

ZH = "zh-ecommerce"
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def open_editor(qtbot: QtBot, store: Store, phrase: Phrase | None = None, **options) -> PhraseEditor:
    editor = PhraseEditor(AppContext(store), ZH, phrase, **options)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    Asker(qtbot, editor)  # closed with changes when the test ends: discarded, not waiting in exec()
    return editor


@pytest.fixture
def editor(qtbot: QtBot, seeded_store: Store) -> PhraseEditor:
    return open_editor(qtbot, seeded_store)


def lines(editor: PhraseEditor) -> list[str]:
    return [editor.findings.item(row).text() for row in range(editor.findings.count())]


def test_a_new_phrase_is_blocked_by_its_empty_reply_quietly_until_typed_in(editor: PhraseEditor) -> None:
    assert lines(editor) == [] and editor.blocked_label.isHidden()
    assert not editor.save_button.isEnabled()
    assert editor.save_button.toolTip() == "Cannot save: the reply is empty"
    type_text(editor.text_edit, "亲")
    assert editor.save_button.isEnabled()
    editor.text_edit.selectAll()
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    assert lines(editor) == ["Error: the reply is empty"]
    assert editor.blocked_label.isVisible() and editor.blocked_label.text() == "Cannot save: the reply is empty"


def test_ctrl_s_on_an_untouched_new_phrase_says_why_it_cannot_be_saved(qtbot: QtBot, editor: PhraseEditor) -> None:
    qtbot.keyClick(editor.hotkey_edit, Qt.Key.Key_Q, CTRL_ALT)  # other errors show at once
    assert lines(editor) == ["Error: Hotkey Ctrl+Alt+Q is already the picker hotkey"]
    assert editor.blocked_label.text() == "Cannot save: Hotkey Ctrl+Alt+Q is already the picker hotkey"
    qtbot.keyClick(editor.code_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert lines(editor) == ["Error: the reply is empty", "Error: Hotkey Ctrl+Alt+Q is already the picker hotkey"]
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted


def test_ctrl_s_saves_a_phrase_that_can_be(qtbot: QtBot, editor: PhraseEditor) -> None:
    type_text(editor.text_edit, "亲，在的～请问有什么可以帮您？")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.result() == QDialog.DialogCode.Accepted and not editor.isVisible()


def test_an_edited_phrase_with_an_empty_reply_shows_the_error_at_once(qtbot: QtBot, seeded_store: Store) -> None:
    phrase = seeded_store.phrase(ZH, "zh-greet-01")
    editor = open_editor(qtbot, seeded_store, phrase)
    editor.text_edit.clear()
    assert editor.blocked_label.text() == "Cannot save: the reply is empty" and editor.blocked_label.isVisible()


# -- closing with changes ------------------------------------------------------------------


class Asker:
    """Answers the editor's questions by pressing ``button``, and keeps what was asked."""

    def __init__(self, qtbot: QtBot, editor: PhraseEditor):
        self.qtbot = qtbot
        self.asked: list[QMessageBox] = []
        self.button = "Discard"
        editor.dialogs.run = self._run  # type: ignore[method-assign]

    def _run(self, box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        self.asked.append(box)
        box.show()
        self.qtbot.waitExposed(box)
        if self.button in ("Enter", "Esc"):
            self.qtbot.keyClick(box, Qt.Key.Key_Return if self.button == "Enter" else Qt.Key.Key_Escape)
            return
        [chosen] = [button for button in box.buttons() if button.text().replace("&", "") == self.button]
        self.qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)


@pytest.fixture
def asker(qtbot: QtBot, editor: PhraseEditor) -> Asker:
    return Asker(qtbot, editor)


def close_by(how: str, qtbot: QtBot, editor: PhraseEditor) -> None:
    if how == "esc":
        qtbot.keyClick(editor.code_edit, Qt.Key.Key_Escape)
    elif how == "cancel":
        qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    else:
        editor.close()  # what the window's close button does


@pytest.mark.parametrize("how", ["esc", "cancel", "close"])
def test_closing_with_changes_asks_and_keep_editing_keeps_them(qtbot: QtBot, editor: PhraseEditor, asker: Asker,
                                                               how: str) -> None:
    qtbot.keyClicks(editor.code_edit, "zd")
    for answer in ("Keep editing", "Enter", "Esc"):  # a stray Enter, or Esc again, keeps the work too
        asker.button = answer
        close_by(how, qtbot, editor)
        assert editor.isVisible() and editor.code_edit.text() == "zd", answer
    box = asker.asked[0]
    assert len(asker.asked) == 3 and box.text() == "Discard your changes to this phrase?"
    assert sorted(button.text() for button in box.buttons()) == ["Discard", "Keep editing"]
    asker.button = "Discard"
    close_by(how, qtbot, editor)
    assert len(asker.asked) == 4 and not editor.isVisible()
    assert editor.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("how", ["esc", "cancel", "close"])
def test_closing_without_changes_does_not_ask(qtbot: QtBot, seeded_store: Store, how: str) -> None:
    editor = open_editor(qtbot, seeded_store, seeded_store.phrase(ZH, "zh-greet-01"))
    asker = Asker(qtbot, editor)
    qtbot.keyClicks(editor.code_edit, "x")
    qtbot.keyClick(editor.code_edit, Qt.Key.Key_Backspace)  # typed, but back as it was
    close_by(how, qtbot, editor)
    assert asker.asked == [] and not editor.isVisible()


def test_lint_warnings_appear_while_typing_and_do_not_block_save(editor: PhraseEditor) -> None:
    type_text(editor.text_edit, "这款保证不掉色")
    [warning] = lines(editor)
    assert warning.startswith("Warning: absolute promise (保证)")
    assert editor.save_button.isEnabled() and editor.blocked_label.isHidden()
    editor.text_edit.clear()
    type_text(editor.text_edit, "亲，这款面料不易掉色，洗涤时建议冷水手洗哦～")
    assert lines(editor) == ["No problems found."]


def test_a_short_code_used_in_the_book_blocks_save_with_the_reason(qtbot: QtBot, editor: PhraseEditor) -> None:
    type_text(editor.text_edit, "亲，您好～请问有什么可以帮您？")
    qtbot.keyClicks(editor.code_edit, "wh")
    assert "Error: short code 'wh' is also used by '欢迎光临'" in lines(editor)
    assert not editor.save_button.isEnabled()
    assert "'wh'" in editor.blocked_label.text() and "'wh'" in editor.save_button.toolTip()
    qtbot.keyClick(editor.code_edit, Qt.Key.Key_Return)  # Enter does not get round it
    assert editor.result() != QDialog.DialogCode.Accepted and editor.isVisible()
    qtbot.keyClicks(editor.code_edit, "9")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.phrase().code == "wh9"


def test_editing_a_phrase_keeps_its_own_code_without_a_conflict(qtbot: QtBot, seeded_store: Store) -> None:
    phrase = seeded_store.phrase(ZH, "zh-greet-01")
    editor = open_editor(qtbot, seeded_store, phrase)
    assert editor.code_edit.text() == "wh" and editor.title_edit.text() == "欢迎光临"
    assert not any(line.startswith("Error") for line in lines(editor))
    assert editor.phrase().id == phrase.id and editor.phrase().same_content(phrase)


def test_the_hotkey_field_records_a_chord(qtbot: QtBot, editor: PhraseEditor) -> None:
    qtbot.keyClick(editor.hotkey_edit, Qt.Key.Key_1, CTRL_ALT)
    assert editor.hotkey_edit.hotkey() == "ctrl+alt+1"
    assert editor.hotkey_edit.text() == "Ctrl+Alt+1"
    type_text(editor.text_edit, "亲，在的～请问有什么可以帮您？")
    assert editor.phrase().hotkey == "ctrl+alt+1"
    assert editor.save_button.isEnabled()


def test_the_picker_hotkey_is_shown_as_a_conflict(qtbot: QtBot, editor: PhraseEditor) -> None:
    type_text(editor.text_edit, "亲，在的～请问有什么可以帮您？")
    qtbot.keyClick(editor.hotkey_edit, Qt.Key.Key_Q, CTRL_ALT)
    assert "Error: Hotkey Ctrl+Alt+Q is already the picker hotkey" in lines(editor)
    assert not editor.save_button.isEnabled()


def test_hotkeys_of_other_phrases_and_reserved_chords_conflict(qtbot: QtBot, seeded_store: Store) -> None:
    other = seeded_store.phrase("en-ecommerce", "en-greet-01")
    seeded_store.update_phrase("en-ecommerce", other.with_changes(hotkey="ctrl+alt+5"))
    editor = open_editor(qtbot, seeded_store)
    qtbot.keyClick(editor.hotkey_edit, Qt.Key.Key_5, CTRL_ALT)
    assert "Error: Hotkey Ctrl+Alt+5 is already used by “Welcome” in “Web shop customer service”" in lines(editor)
    qtbot.keyClick(editor.hotkey_edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert editor.hotkey_edit.hotkey() == "ctrl+alt+5"  # refused as pressed; the field keeps its chord
    assert "Warning: Ctrl+Space cannot be a hotkey: switches the input method. Nothing was changed." in lines(editor)
    qtbot.keyClick(editor.hotkey_edit, Qt.Key.Key_Backspace)
    assert editor.hotkey_edit.hotkey() == "" and not any("hotkey" in line.lower() for line in lines(editor))


def test_a_reserved_chord_stored_with_a_phrase_is_an_error(qtbot: QtBot, seeded_store: Store) -> None:
    """One written by hand or by an older version is shown as it is, and must be changed."""
    phrase = seeded_store.phrases(ZH)[0]
    seeded_store.update_phrase(ZH, phrase.with_changes(hotkey="ctrl+space"))
    editor = open_editor(qtbot, seeded_store, seeded_store.phrase(ZH, phrase.id))
    assert editor.hotkey_edit.hotkey() == "ctrl+space"
    assert "Error: Hotkey Ctrl+Space cannot be used: switches the input method" in lines(editor)
    assert not editor.save_button.isEnabled()


def test_placeholders_are_inserted_at_the_caret(qtbot: QtBot, editor: PhraseEditor) -> None:
    type_text(editor.text_edit, "您好，")
    menu = editor.placeholder_button.menu()
    tokens = [action.data() for action in menu.actions()]
    assert tokens == ["{name}", "{agent}", "{date}", "{time}", "{clipboard}", "{cursor}", "{input:}"]
    menu.actions()[0].trigger()
    assert editor.text_edit.toPlainText() == "您好，{name}"
    menu.actions()[-1].trigger()
    type_text(editor.text_edit, "订单号")
    assert editor.text_edit.toPlainText() == "您好，{name}{input:订单号}"


def test_an_unknown_placeholder_is_an_error(editor: PhraseEditor) -> None:
    type_text(editor.text_edit, "{nmae}您好，请问有什么可以帮您？")
    assert "Error: unknown placeholder {nmae}" in lines(editor)


def test_fields_make_the_phrase(qtbot: QtBot, seeded_store: Store) -> None:
    editor = open_editor(qtbot, seeded_store, group="发货")
    assert editor.group_box.currentText() == "发货"
    assert editor.group_box.findText("问候") >= 0  # the book's groups are offered
    type_text(editor.title_edit, "分开发")
    editor.group_box.setCurrentText("")
    type_text(editor.group_box.lineEdit(), "售后")
    type_text(editor.tags_edit, "vip, 售后")
    qtbot.keyClick(editor.separate_box, Qt.Key.Key_Space)
    type_text(editor.text_edit, "好的亲\n---\n马上为您处理")
    phrase = editor.phrase()
    assert (phrase.title, phrase.group, phrase.tags, phrase.separate_messages) == (
        "分开发", "售后", ("vip", "售后"), True)
