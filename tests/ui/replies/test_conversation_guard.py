"""What the agent is shown as a conversation fills up with quick replies."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.desktop.base import WindowInfo
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.timestamps import clock_time
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

    guard.context.save_settings(replace(guard.context.settings, limit_policy="confirm", soft_limit=1, hard_limit=1,
                                        warn_repeated_reply=False))
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


# -- the same reply twice ----------------------------------------------------------------


class Agent:
    """Answers each question box that opens with the next of its keys ("Return",
    "Escape", "alt+s", "yes"), as the agent would, and keeps (title, text) of each."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.keys: list[str] = []
        self.seen: list[tuple[str, str]] = []
        self._answered: list[QMessageBox] = []
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._answer)

    def answers(self, *keys: str) -> list[tuple[str, str]]:
        self.keys, self.seen = list(keys), []
        self._timer.start()
        return self.seen

    def stop(self) -> None:
        self._timer.stop()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box in self._answered or len(self.seen) == len(self.keys):
            return
        self._answered.append(box)
        self.seen.append((box.windowTitle(), box.text()))
        key = self.keys[len(self.seen) - 1]
        if key == "yes":
            box.button(QMessageBox.StandardButton.Yes).click()
        elif key == "alt+s":  # offscreen, a box is never the active window that shortcuts need
            again = next(button for button in box.buttons() if button.text() == "&Send again")
            assert again.shortcut() == QKeySequence("Alt+S")
            again.click()
        else:
            self.qtbot.keyClick(box, getattr(Qt.Key, f"Key_{key}"))


@pytest.fixture
def agent(qtbot):
    made = Agent(qtbot)
    yield made
    made.stop()


@pytest.mark.parametrize(("key", "expected"), [
    ("Return", Permission.REFUSE), ("Escape", Permission.REFUSE), ("alt+s", Permission.ASKED)])
def test_the_same_reply_twice_is_asked_about_and_enter_alone_does_not_send(
        guard: ConversationGuard, agent: Agent, key: str, expected: Permission) -> None:
    """The agent just pressed Enter to pick the reply: another Enter must not send it twice."""
    assert allow(guard, BUYER) is Permission.INSERT  # the first time nothing is asked
    insert(guard, BUYER)
    sent = guard.replies.sent(BUYER)[("b", "p")]
    seen = agent.answers(key)
    assert allow(guard, BUYER) is expected
    assert seen == [("Same reply again?", "You already sent this reply to this buyer in this conversation "
                                          f"(at {clock_time(sent)}). Send it again?")]
    assert allow(guard, OTHER) is Permission.INSERT  # another buyer: nothing to ask


def test_with_the_warning_off_the_same_reply_is_not_asked_about(guard: ConversationGuard, agent: Agent,
                                                                qtbot) -> None:
    guard.context.save_settings(replace(guard.context.settings, warn_repeated_reply=False))
    insert(guard, BUYER)
    seen = agent.answers("Escape")
    assert allow(guard, BUYER) is Permission.INSERT
    qtbot.wait(50)
    assert seen == []


def test_a_repeat_past_the_confirm_limit_asks_both_and_a_block_asks_nothing(guard: ConversationGuard,
                                                                           agent: Agent, qtbot) -> None:
    guard.context.save_settings(replace(guard.context.settings, limit_policy="confirm", soft_limit=1, hard_limit=1))
    insert(guard, BUYER)
    seen = agent.answers("alt+s", "yes")
    permission = allow(guard, BUYER)
    assert [title for title, _text in seen] == ["Same reply again?", "QuickReply"]
    assert permission is Permission.ASKED
    guard.context.save_settings(replace(guard.context.settings, limit_policy="block"))
    seen = agent.answers("Escape")
    assert allow(guard, BUYER) is Permission.REFUSE  # it would not go anyway: no question
    qtbot.wait(50)
    assert seen == []
