"""What the agent is shown as a conversation fills up with quick replies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from ui.context import AppContext
from ui.replies.conversation_guard import ConversationGuard, Permission

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


def test_the_counter_soft_notice_and_the_blocking_hard_limit(guard: ConversationGuard) -> None:
    phrase = guard.context.store.phrase("b", "p")
    assert guard.counter_text(BUYER) == "0/5 quick replies in this conversation"
    for _ in range(2):
        guard.inserted(BUYER, phrase)
    assert guard.notices == []
    guard.inserted(BUYER, phrase)
    assert "3/5" in guard.notices[-1]
    guard.inserted(BUYER, phrase)
    guard.inserted(BUYER, phrase)
    assert guard.allow(OTHER) is Permission.INSERT and guard.allow(BUYER) is Permission.REFUSE
    assert "5 quick replies" in guard.notices[-1]
    guard.start_new(BUYER)
    assert guard.allow(BUYER) is Permission.INSERT and guard.counter_text(BUYER).startswith("0/5")


def test_answers_are_remembered_per_conversation(guard: ConversationGuard) -> None:
    guard.remember(BUYER, {"name": "王小明"})
    assert guard.known_answers(BUYER) == {"name": "王小明"}
    assert guard.known_answers(OTHER) == {}


@pytest.mark.parametrize(("button", "expected"), [("yes", Permission.ASKED), ("no", Permission.REFUSE)])
def test_the_confirm_policy_asks_and_enter_alone_does_not_insert(guard: ConversationGuard, qtbot, button: str,
                                                                 expected: Permission) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    guard.context.save_settings(replace(guard.context.settings, limit_policy="confirm", soft_limit=1, hard_limit=1))
    guard.inserted(BUYER, guard.context.store.phrase("b", "p"))
    seen: list[QMessageBox.StandardButton] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.standardButton(box.defaultButton()))
        box.button(QMessageBox.StandardButton.Yes if button == "yes" else QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    assert guard.allow(BUYER) is expected
    assert seen == [QMessageBox.StandardButton.No]
