"""What the agent is shown as a conversation fills up with quick replies."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from ui.context import AppContext
from ui.replies.conversation_guard import ConversationGuard, Permission
from ui.replies.prompt import NameDialog

PHRASE = Phrase(text="好的", id="p", book_id="b")
BUYER = WindowInfo(id=1, wm_class="AliWorkBench", title="王小明 - 接待中心", pid=None)
OTHER = WindowInfo(id=2, wm_class="AliWorkBench", title="(3) 李华 - 接待中心", pid=None)


@pytest.fixture
def guard(qtbot, store: Store):
    store.create_book(Phrasebook(name="B", id="b"))
    store.add_phrase("b", Phrase(text="好的", id="p"))
    context = AppContext(store)
    context.save_settings(replace(context.settings, limit_policy="block"))
    notices: list[str] = []
    made = ConversationGuard(context, notices.append)
    made.notices = notices
    return made


def insert(guard: ConversationGuard, target: WindowInfo) -> str:
    """One insertion counted, as the app does after the keys went out; the notice it gets."""
    return guard.limit_notice(guard.replies.record(guard.replies.prepare(PHRASE, target)))


def allow(guard: ConversationGuard, target: WindowInfo) -> Permission:
    return guard.allow(guard.replies.prepare(PHRASE, target))


def test_the_counter_soft_notice_and_the_blocking_hard_limit(guard: ConversationGuard) -> None:
    assert guard.counter_text(guard.count(BUYER)) == "0/5 quick replies in this conversation"
    assert [insert(guard, BUYER) for _ in range(2)] == ["", ""]
    assert "3/5" in insert(guard, BUYER)
    insert(guard, BUYER)
    assert "5/5" in insert(guard, BUYER)
    assert allow(guard, OTHER) is Permission.INSERT and allow(guard, BUYER) is Permission.REFUSE
    assert "5 quick replies" in guard.notices[-1]
    guard.start_new(BUYER)
    assert allow(guard, BUYER) is Permission.INSERT and guard.counter_text(guard.count(BUYER)).startswith("0/5")


def test_past_the_hard_limit_the_notice_says_to_type(guard: ConversationGuard) -> None:
    guard.context.save_settings(replace(guard.context.settings, limit_policy="warn"))
    for _ in range(5):
        insert(guard, BUYER)
    assert insert(guard, BUYER) == ("6 quick replies in this conversation: over the limit of 5. "
                                    "Type the next replies yourself.")


@pytest.mark.parametrize(("button", "expected"), [("yes", Permission.ASKED), ("no", Permission.REFUSE)])
def test_the_confirm_policy_asks_and_enter_alone_does_not_insert(guard: ConversationGuard, qtbot, button: str,
                                                                 expected: Permission) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    guard.context.save_settings(replace(guard.context.settings, limit_policy="confirm", soft_limit=1, hard_limit=1))
    insert(guard, BUYER)
    seen: list[QMessageBox.StandardButton] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.standardButton(box.defaultButton()))
        box.button(QMessageBox.StandardButton.Yes if button == "yes" else QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    assert allow(guard, BUYER) is expected
    assert seen == [QMessageBox.StandardButton.No]


def test_the_pickers_counter_turns_amber_at_the_soft_limit_and_red_at_the_hard_one(guard: ConversationGuard) -> None:
    levels = [guard.counter(BUYER)[1]]
    for _ in range(5):
        insert(guard, BUYER)
        levels.append(guard.counter(BUYER)[1])
    assert levels == ["ok", "ok", "ok", "soft", "soft", "hard"]
    assert guard.counter(OTHER) == ("0/5 quick replies in this conversation", "ok")


def test_the_name_given_with_f2_is_shown_in_the_counter(qtbot, guard: ConversationGuard) -> None:
    focused: list[bool] = []

    def answer() -> None:
        dialogs = [widget for widget in QApplication.topLevelWidgets()
                   if isinstance(widget, NameDialog) and widget.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, answer)
            return
        field = dialogs[0].fields["name"]
        focused.append(dialogs[0].focusWidget() is field)
        qtbot.keyClicks(field, "Wang")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    guard.ask_name(BUYER)
    assert focused == [True]
    assert guard.counter(BUYER)[0] == "Wang · 0/5 quick replies in this conversation"
