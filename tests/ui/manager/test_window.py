"""The phrasebook manager, driven as a user drives it: clicks, keys, menus, dialogs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from assistant.formats import read_phrasebook
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from tests.ui.manager.support import DialogUser, open_manager, select_rows, type_text, wait_for_preview
from ui.manager.import_dialog import ImportDialog
from ui.manager.phrase_editor import PhraseEditor
from ui.manager.window import ManagerWindow

ZH = "zh-ecommerce"


@pytest.fixture
def window(qtbot: QtBot, seeded_store: Store) -> ManagerWindow:
    window = open_manager(qtbot, seeded_store)
    window.browser.show_location(ZH)
    return window


@pytest.fixture
def user(qtbot: QtBot, window: ManagerWindow, monkeypatch: pytest.MonkeyPatch) -> DialogUser:
    return DialogUser(qtbot, window, monkeypatch)


def book_ids(store: Store, book_id: str = ZH) -> list[str]:
    return [phrase.id for phrase in store.phrases(book_id)]


def shown_ids(window: ManagerWindow) -> list[str]:
    return [phrase.id for phrase in window.model.phrases()]


def key(widget: QWidget, name: str) -> None:
    """Press a key chord ("Ctrl+Shift+Z") on ``widget``, shortcuts included."""
    combination = QKeySequence(name)[0]
    QtBot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def drag_and_drop(target: QWidget, position: QPoint, mime: QMimeData) -> tuple[bool, bool]:
    """Drag ``mime`` in over ``target`` and drop it at ``position``, as the mouse
    would; (move accepted, drop accepted)."""
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt's drag events take the point as QPoint, the drop as QPointF.
    QApplication.sendEvent(target, QDragEnterEvent(position, Qt.DropAction.MoveAction, mime, buttons, modifiers))
    move = QDragMoveEvent(position, Qt.DropAction.MoveAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, move)
    dropped = QDropEvent(QPointF(position), Qt.DropAction.MoveAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, dropped)
    return move.isAccepted(), dropped.isAccepted()


def double_click_row(window: ManagerWindow, row: int) -> None:
    center = window.table.visualRect(window.model.index(row, 1)).center()
    QtBot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QtBot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=center)


# -- browsing ---------------------------------------------------------------------------


def test_tree_lists_books_with_their_groups_and_counts(window: ManagerWindow) -> None:
    tree = window.tree
    names = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert names == ["Web shop customer service", "电商客服常用话术"]
    zh = tree.topLevelItem(1)
    assert zh.text(1) == "88"
    groups = {zh.child(i).text(0): int(zh.child(i).text(1)) for i in range(zh.childCount())}
    assert groups["问候"] == 7 and sum(groups.values()) == 88
    assert window.model.rowCount() == 88
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Code"


def test_choosing_a_group_shows_its_phrases(window: ManagerWindow) -> None:
    window.browser.show_location(ZH, "发货")
    assert window.model.rowCount() == 9
    assert {phrase.group for phrase in window.model.phrases()} == {"发货"}


def test_search_filters_like_the_picker(qtbot: QtBot, window: ManagerWindow) -> None:
    key(window, "Ctrl+F")
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "fh")
    assert window.model.rowCount() > 0
    assert window.model.phrase(0).code.startswith("fh") or "发货" in window.model.phrase(0).title
    assert not window.move_up_action.isEnabled()  # ranked results cannot be reordered
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.model.rowCount() == 88


# -- add, edit, delete, undo ------------------------------------------------------------


def test_ctrl_n_adds_a_phrase_to_the_group_shown_and_ctrl_z_takes_it_back(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store) -> None:
    window.browser.show_location(ZH, "问候")

    def write(editor: QDialog) -> None:
        assert isinstance(editor, PhraseEditor)
        assert editor.group_box.currentText() == "问候"
        qtbot.keyClicks(editor.code_edit, "zaide")
        type_text(editor.text_edit, "在的亲，请问有什么可以帮您？")
        user.click(editor.save_button)

    user.will(write)
    key(window, "Ctrl+N")
    [added] = [p for p in seeded_store.phrases(ZH) if p.code == "zaide"]
    assert (added.group, added.title) == ("问候", "在的亲，请问有什么可以帮您？")
    assert window.browser.selected_phrases()[0].id == added.id
    key(window, "Ctrl+Z")
    assert "zaide" not in {p.code for p in seeded_store.phrases(ZH)}
    key(window, "Ctrl+Shift+Z")
    assert "zaide" in {p.code for p in seeded_store.phrases(ZH)}


def test_enter_edits_the_selected_phrase_and_the_edit_can_be_undone(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store) -> None:
    select_rows(window, 1)
    original = window.browser.selected_phrases()[0]

    def edit(editor: QDialog) -> None:
        assert editor.text_edit.toPlainText() == original.text
        editor.text_edit.selectAll()
        type_text(editor.text_edit, "亲，您好～有什么可以帮您？")
        user.click(editor.save_button)

    user.will(edit)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert seeded_store.phrase(ZH, original.id).text == "亲，您好～有什么可以帮您？"
    assert window.undo_action.text().replace("&", "").startswith("Undo Edit")
    window.undo_action.trigger()
    assert seeded_store.phrase(ZH, original.id).text == original.text


def test_double_click_opens_the_editor_and_cancel_changes_nothing(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store) -> None:
    before = seeded_store.fingerprint()
    user.will(lambda editor: user.click(editor.buttons.button(editor.buttons.StandardButton.Cancel)))
    double_click_row(window, 0)
    assert isinstance(user.seen[0], PhraseEditor)
    assert seeded_store.fingerprint() == before and window.undo_stack.count() == 0


def test_delete_then_undo_from_the_status_bar_puts_it_back_at_its_place_with_its_id(
        qtbot: QtBot, window: ManagerWindow, seeded_store: Store) -> None:
    seeded_store.record_use(ZH, "zh-greet-03")
    order = book_ids(seeded_store)
    select_rows(window, 2)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "zh-greet-03" not in book_ids(seeded_store)
    assert window.undo_notice.isVisible()
    assert "老顾客欢迎" in window.undo_notice.label.text()
    qtbot.mouseClick(window.undo_notice.button, Qt.MouseButton.LeftButton)
    assert book_ids(seeded_store) == order
    assert seeded_store.phrase(ZH, "zh-greet-03").use_count == 1
    assert not window.undo_notice.isVisible()
    assert window.browser.selected_phrases()[0].id == "zh-greet-03"


def test_deleting_several_phrases_undoes_in_one_step(qtbot: QtBot, window: ManagerWindow,
                                                     seeded_store: Store) -> None:
    order = book_ids(seeded_store)
    select_rows(window, 0, 3, 5)
    window.delete_action.trigger()
    assert len(book_ids(seeded_store)) == 85
    key(window, "Ctrl+Z")
    assert book_ids(seeded_store) == order


def test_delete_key_in_the_search_box_deletes_text_not_phrases(qtbot: QtBot, window: ManagerWindow,
                                                               seeded_store: Store) -> None:
    select_rows(window, 0)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "x")
    qtbot.keyClick(window.search, Qt.Key.Key_Home)
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)
    assert window.search.text() == "" and len(book_ids(seeded_store)) == 88


# -- move and reorder -------------------------------------------------------------------


def test_move_to_group_action_and_undo(qtbot: QtBot, window: ManagerWindow, user: DialogUser,
                                       seeded_store: Store) -> None:
    select_rows(window, 0, 1)
    user.will(user.type_answer("物流查询"))
    key(window, "Ctrl+G")
    assert [seeded_store.phrase(ZH, pid).group for pid in ("zh-greet-01", "zh-greet-02")] == ["物流查询"] * 2
    assert "物流查询" in window.statusBar().currentMessage()
    key(window, "Ctrl+Z")
    assert [seeded_store.phrase(ZH, pid).group for pid in ("zh-greet-01", "zh-greet-02")] == ["问候"] * 2


def test_dragging_rows_onto_a_group_in_the_tree_moves_them(window: ManagerWindow, seeded_store: Store) -> None:
    select_rows(window, 0)
    mime = window.model.mimeData(window.table.selectionModel().selectedRows())
    window.browser.show_location(ZH, "告别")
    target = window.tree.visualItemRect(window.tree.currentItem()).center()
    assert drag_and_drop(window.tree.viewport(), target, mime) == (True, True)
    assert seeded_store.phrase(ZH, "zh-greet-01").group == "告别"
    assert window.tree.currentItem().text(1) == "7"


def test_rows_do_not_drop_onto_another_book(window: ManagerWindow, seeded_store: Store) -> None:
    select_rows(window, 0)
    mime = window.model.mimeData(window.table.selectionModel().selectedRows())
    other_book = window.tree.topLevelItem(0).child(0)
    moved, dropped = drag_and_drop(window.tree.viewport(), window.tree.visualItemRect(other_book).center(), mime)
    assert not moved and not dropped
    assert seeded_store.phrase(ZH, "zh-greet-01").group == "问候"


def test_ctrl_down_and_ctrl_up_reorder_rows(qtbot: QtBot, window: ManagerWindow, seeded_store: Store) -> None:
    order = book_ids(seeded_store)
    select_rows(window, 0)
    key(window.table, "Ctrl+Down")
    assert book_ids(seeded_store)[:3] == [order[1], order[0], order[2]]
    assert window.browser.selected_phrases()[0].id == order[0]
    key(window.table, "Ctrl+Up")
    assert book_ids(seeded_store) == order


def test_dropping_rows_inside_the_table_reorders_the_book(window: ManagerWindow, seeded_store: Store) -> None:
    order = book_ids(seeded_store)
    select_rows(window, 4)
    mime = window.model.mimeData(window.table.selectionModel().selectedRows())
    top = window.table.visualRect(window.model.index(1, 1))
    drag_and_drop(window.table.viewport(), QPoint(top.center().x(), top.top() + 1), mime)  # above row 1
    assert book_ids(seeded_store) == [order[0], order[4], order[1], order[2], order[3], *order[5:]]
    window.undo_action.trigger()
    assert book_ids(seeded_store) == order


def test_reordering_inside_a_group_leaves_the_other_groups_in_place(window: ManagerWindow,
                                                                    seeded_store: Store) -> None:
    order = book_ids(seeded_store)
    window.browser.show_location(ZH, "售前咨询")
    group_order = shown_ids(window)
    select_rows(window, 2)
    window.move_up_action.trigger()
    assert shown_ids(window) == [group_order[0], group_order[2], group_order[1], *group_order[3:]]
    others = [pid for pid in order if pid not in group_order]
    assert [pid for pid in book_ids(seeded_store) if pid not in group_order] == others


# -- read-only books --------------------------------------------------------------------


@pytest.fixture
def subscribed(seeded_store: Store) -> Phrasebook:
    book = Phrasebook(name="Team scripts", id="team", origin="subscribed", read_only=True)
    seeded_store.create_book(book, [Phrase(text="亲，您好～", code="tm", group="Greeting")])
    return book


def test_a_read_only_book_refuses_every_edit(qtbot: QtBot, seeded_store: Store, subscribed: Phrasebook,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_manager(qtbot, seeded_store)
    user = DialogUser(qtbot, window, monkeypatch)
    window.browser.show_location("team")
    book_item = window.tree.currentItem()
    assert "(subscribed, read-only)" in book_item.text(0) and not book_item.icon(0).isNull()
    select_rows(window, 0)
    for action in (window.new_phrase_action, window.edit_action, window.delete_action, window.move_action,
                   window.move_up_action, window.rename_book_action, window.delete_book_action):
        assert not action.isEnabled(), action.text()
        assert "read-only" in action.toolTip()
    assert window.readonly_banner.isVisible()
    assert window.export_action.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    key(window, "Ctrl+N")
    double_click_row(window, 0)
    assert user.seen == []
    assert "read-only" in window.statusBar().currentMessage()
    assert [p.code for p in seeded_store.phrases("team")] == ["tm"]
    assert not (window.model.flags(window.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled)


# -- books ------------------------------------------------------------------------------


def test_new_rename_and_delete_a_book(qtbot: QtBot, window: ManagerWindow, user: DialogUser,
                                      seeded_store: Store) -> None:
    user.will(user.type_answer("售后专用"))
    key(window, "Ctrl+Shift+N")
    assert window.browser.current_book().name == "售后专用"
    user.will(user.type_answer("售后话术"))
    key(window, "F2")
    assert window.browser.current_book().name == "售后话术"
    book_id = window.browser.current_book().id
    user.will(user.press("Cancel"))
    window.delete_book_action.trigger()
    assert book_id in {book.id for book in seeded_store.books()}
    user.will(user.press("Delete book"))
    window.delete_book_action.trigger()
    assert book_id not in {book.id for book in seeded_store.books()}
    assert any(path.name.endswith("before-delete") for path in (seeded_store.home / "backups").iterdir())
    assert window.browser.current_book() is not None


# -- import and export ------------------------------------------------------------------


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_import_shows_a_dry_run_and_changes_nothing_until_confirmed(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "team.csv", [
        ["分组", "快捷编码", "标题", "快捷短语"],
        ["问候", "wh", "新欢迎", "亲，欢迎光临～今天想看点什么？"],
        ["催付", "cfnew", "新催付", "亲，您的订单还没有付款哦，库存紧张，建议尽快付款～"],
    ])
    before = seeded_store.fingerprint()
    seen: dict[str, object] = {}

    def review(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        assert dialog.target() == ZH  # the book the user was in
        wait_for_preview(qtbot, dialog)
        seen["skip"] = dialog.summary.text()
        model = dialog.outcomes.model()
        actions = [model.index(row, 3).data() for row in range(model.rowCount())]
        seen["actions"] = actions
        assert seeded_store.fingerprint() == before
        user.click(dialog.policy_buttons.button(1))  # replace
        wait_for_preview(qtbot, dialog)
        seen["replace"] = dialog.summary.text()
        assert seeded_store.fingerprint() == before
        user.click(dialog.import_button)

    user.open_paths.append(source)
    user.will(review)
    key(window, "Ctrl+I")
    assert "1 added" in seen["skip"] and "1 skipped" in seen["skip"]
    assert seen["actions"] == ["skipped", "added"]
    assert "1 replaced" in seen["replace"]
    codes = {p.code: p for p in seeded_store.phrases(ZH)}
    assert codes["wh"].text == "亲，欢迎光临～今天想看点什么？" and codes["wh"].id == "zh-greet-01"
    assert "cfnew" in codes
    assert "1 added" in window.statusBar().currentMessage()


def test_cancelling_the_import_changes_nothing(qtbot: QtBot, window: ManagerWindow, user: DialogUser,
                                               seeded_store: Store, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "new.csv", [["text", "code"], ["Thanks for waiting!", "tw"]])
    before = seeded_store.fingerprint()
    user.open_paths.append(source)
    user.will(lambda dialog: user.click(dialog.buttons.button(dialog.buttons.StandardButton.Cancel)))
    window.import_action.trigger()
    assert isinstance(user.seen[0], ImportDialog)
    assert seeded_store.fingerprint() == before


def test_import_into_a_new_book(qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store,
                                tmp_path: Path) -> None:
    source = write_csv(tmp_path / "night shift.csv", [["text", "code"], ["Thanks for waiting!", "tw"]])

    def into_new_book(dialog: QDialog) -> None:
        dialog.book_box.setCurrentIndex(dialog.book_box.findText("A new book"))
        assert dialog.name_edit.text() == "night shift"
        wait_for_preview(qtbot, dialog)
        assert "new book" in dialog.summary.text()
        dialog.name_edit.clear()
        assert not dialog.import_button.isEnabled()
        qtbot.keyClicks(dialog.name_edit, "Night")
        wait_for_preview(qtbot, dialog)
        user.click(dialog.import_button)

    user.open_paths.append(source)
    user.will(into_new_book)
    window.import_action.trigger()
    assert window.browser.current_book().name == "Night"
    assert [p.code for p in seeded_store.phrases(window.browser.current_book().id)] == ["tw"]


def test_a_bad_file_shows_the_one_line_error_and_changes_nothing(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "notes.csv", [["备注", "日期"], ["hello", "2026-01-01"]])
    before = seeded_store.fingerprint()
    messages: list[tuple[str, str]] = []
    user.open_paths.append(source)
    user.will(user.note(messages))
    key(window, "Ctrl+I")
    [(text, detail)] = messages
    assert "notes.csv" in text
    assert "no text column" in detail and "\n" not in detail and "Traceback" not in detail
    assert seeded_store.fingerprint() == before


def test_export_writes_a_file_that_reads_back(qtbot: QtBot, window: ManagerWindow, user: DialogUser,
                                              seeded_store: Store, tmp_path: Path) -> None:
    user.save_paths.append((tmp_path / "backup", "CSV table (*.csv)"))
    key(window, "Ctrl+E")
    written = tmp_path / "backup.csv"
    assert written.exists()
    assert [p.code for p in read_phrasebook(written).phrases] == [p.code for p in seeded_store.phrases(ZH)]
    assert str(written) in window.statusBar().currentMessage()
    assert user.filters == ["QuickReply phrasebook (*.json)", "CSV table (*.csv)", "Tab-separated table (*.tsv)",
                            "Excel workbook (*.xlsx)"]


def test_a_tsv_export_is_tab_separated_and_its_cells_never_formulas(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store, tmp_path: Path) -> None:
    seeded_store.add_phrase(ZH, Phrase(text="=HYPERLINK(\"http://evil.example\")", code="evil"))
    user.save_paths.append((tmp_path / "team", "Tab-separated table (*.tsv)"))
    key(window, "Ctrl+E")
    written = tmp_path / "team.tsv"
    rows = list(csv.reader(written.read_text("utf-8-sig").splitlines(), delimiter="\t"))
    assert rows[0] == ["分组", "快捷编码", "标题", "快捷短语", "标签", "热键", "分条发送"]
    [evil] = [row for row in rows if row[1] == "evil"]
    assert evil[3] == "'=HYPERLINK(\"http://evil.example\")" and evil[2].startswith("'=")
    assert [p.text for p in read_phrasebook(written).phrases] == [p.text for p in seeded_store.phrases(ZH)]


# -- changes from elsewhere -------------------------------------------------------------


def test_a_change_by_another_process_refreshes_and_keeps_the_selection(
        qtbot: QtBot, window: ManagerWindow, seeded_store: Store) -> None:
    select_rows(window, 5)
    chosen = window.browser.selected_phrases()[0].id
    other = Store(seeded_store.home)
    other.add_phrase(ZH, Phrase(text="亲，稍等一下哦～", code="sd"), index=0)
    qtbot.waitUntil(lambda: window.model.rowCount() == 89, timeout=5000)
    assert window.model.phrase(0).code == "sd"
    assert [p.id for p in window.browser.selected_phrases()] == [chosen]
    assert window.tree.topLevelItem(1).text(1) == "89"


def test_an_undo_the_store_refuses_is_reported_and_dropped(
        qtbot: QtBot, window: ManagerWindow, user: DialogUser, seeded_store: Store) -> None:
    select_rows(window, 0)
    window.delete_action.trigger()
    Store(seeded_store.home).add_phrase(ZH, Phrase(text="亲～", code="wh"))
    messages: list[tuple[str, str]] = []
    user.will(user.note(messages))
    window.undo_action.trigger()
    assert "'wh'" in messages[0][1]
    assert window.undo_stack.count() == 0
    assert window.model.rowCount() == 88


# -- language ---------------------------------------------------------------------------


class _Chinese(QTranslator):
    """Two messages of the manager in Chinese; None (untranslated) for the rest."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return {("ManagerWindow", "&Import…"): "导入(&I)…", ("PhraseTableModel", "Code"): "编码"}.get(
            (context, source))

    def isEmpty(self) -> bool:
        return False


def test_switching_language_retranslates_the_open_window(qtbot: QtBot, window: ManagerWindow) -> None:
    translator = _Chinese()
    QApplication.instance().installTranslator(translator)  # Qt posts LanguageChange to every window
    try:
        qtbot.waitUntil(lambda: window.import_action.text() == "导入(&I)…")
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "编码"
        assert window.export_action.text() == "&Export…"
        assert window.tree.topLevelItemCount() == 2
    finally:
        QApplication.instance().removeTranslator(translator)
    qtbot.waitUntil(lambda: window.import_action.text() == "&Import…")
