"""The reply decided in the core: key, verdict, questions, steps and the record of a use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from assistant.desktop.base import WindowInfo
from assistant.desktop.chords import parse_chord
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies import service as service_module
from assistant.replies.conversations import ConversationLog
from assistant.replies.plan import Step
from assistant.replies.service import Recorded, ReplyService, preview
from assistant.settings import Settings

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
BUYER = WindowInfo(id=1, wm_class="AliWorkBench", title="(2) 王小明 - 接待中心", pid=None)
OTHER = WindowInfo(id=2, wm_class="AliWorkBench", title="李华 - 接待中心", pid=None)
TERMINAL = WindowInfo(id=3, wm_class="Gnome-terminal", title="bash", pid=None)


class Setup:
    """The service with settings and a clock the test changes."""

    def __init__(self, store: Store):
        self.store = store
        self.settings = Settings(agent_name="小美")
        self.now = T0
        self.log = ConversationLog(store)
        self.service = ReplyService(store, lambda: self.settings, self.log, lambda: self.now)

    def phrase(self, text: str, **fields: object) -> Phrase:
        return self.store.add_phrase("b", Phrase(text=text, **fields))

    def insert(self, phrase: Phrase, target: WindowInfo | None = BUYER, times: int = 1) -> Recorded:
        for _ in range(times):
            recorded = self.service.record(self.service.prepare(phrase, target))
        return recorded


@pytest.fixture
def setup(store: Store) -> Setup:
    store.create_book(Phrasebook(name="B", id="b"))
    return Setup(store)


def test_the_conversation_key_is_worked_out_once_per_reply(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[WindowInfo | None] = []
    # The title rules give both the buyer and the key: they run once per reply.
    real = service_module.buyer
    monkeypatch.setattr(service_module, "buyer", lambda window, rules: calls.append(window) or real(window, rules))
    phrase = setup.phrase("{name}您好")
    prepared = setup.service.prepare(phrase, BUYER)
    assert prepared.key == "aliworkbench|王小明"
    setup.service.remember_answers(prepared, {"name": "王小明"})
    setup.service.steps(prepared, {"name": "王小明"})
    # A title rule changed meanwhile does not move the reply to another conversation.
    setup.settings = replace(setup.settings, title_rules=[])
    setup.service.record(prepared)
    assert calls == [BUYER]
    assert setup.log.count("aliworkbench|王小明", T0) == 1
    assert setup.log.current("aliworkbench|王小明", T0).answers == {"name": "王小明"}


@pytest.mark.parametrize(("before", "policy", "action", "told_policy"), [
    (0, "block", "ok", "block"),
    (2, "block", "soft", "block"),
    (4, "block", "soft", "block"),
    (5, "confirm", "hard", "confirm"),
    (5, "block", "hard", "block"),
])
def test_the_verdict_on_one_more_reply(setup: Setup, before: int, policy: str, action: str,
                                       told_policy: str) -> None:
    setup.settings = replace(setup.settings, limit_policy=policy)
    phrase = setup.phrase("好的")
    if before:
        setup.insert(phrase, times=before)
    verdict = setup.service.prepare(phrase, BUYER).verdict
    assert verdict is not None
    assert (verdict.count, verdict.action, verdict.policy) == (before, action, told_policy)
    other = setup.service.prepare(phrase, OTHER).verdict
    assert other is not None and other.action == "ok"


@pytest.mark.parametrize("policy", ["warn", "shout"])  # an unknown policy is "warn": it never blocks
def test_under_warn_the_log_is_not_read_before_the_paste(setup: Setup, monkeypatch: pytest.MonkeyPatch,
                                                         policy: str) -> None:
    """Under "warn", with the repeat warning off, nothing before the paste depends on the
    log: it is read after it."""
    setup.settings = replace(setup.settings, limit_policy=policy, warn_repeated_reply=False)
    phrase = setup.phrase("好的")
    setup.insert(phrase, times=6)
    monkeypatch.setattr(setup.log, "current", lambda *args: pytest.fail("the log was read"))
    assert setup.service.prepare(phrase, BUYER).verdict is None


def test_questions_and_the_answers_the_conversation_already_gave(setup: Setup) -> None:
    asking = setup.phrase("{name}您好，{input:订单号}已发出，{name}")
    prepared = setup.service.prepare(asking, BUYER)
    assert prepared.questions == ("name", "input:订单号")
    assert prepared.known_answers == {"name": "王小明"} and prepared.buyer == "王小明"  # from the title
    setup.service.remember_answers(prepared, {"name": "小明哥", "input:订单号": "SF123"})
    assert setup.service.prepare(asking, BUYER).known_answers == {"name": "小明哥", "input:订单号": "SF123"}
    assert setup.service.prepare(asking, OTHER).known_answers == {"name": "李华"}
    plain = setup.service.prepare(setup.phrase("好的"), BUYER)
    assert plain.questions == () and plain.known_answers == {} and plain.buyer == "王小明"


def test_no_title_rule_finding_a_buyer_leaves_the_name_to_ask(setup: Setup) -> None:
    asking = setup.phrase("{name}您好")
    setup.settings = replace(setup.settings, title_rules=[])
    assert setup.service.prepare(asking, BUYER).known_answers == {}
    assert setup.service.prepare(asking, None).buyer == ""


def test_steps_fill_the_agent_the_answers_and_the_clipboard(setup: Setup) -> None:
    phrase = setup.phrase("{name}，我是{agent}。单号：{ clipboard }")
    prepared = setup.service.prepare(phrase, BUYER)
    assert prepared.needs_clipboard
    assert setup.service.steps(prepared, {"name": "王小明"}, clipboard="SF123") == [
        Step("paste", text="王小明，我是小美。单号：SF123")]
    assert not setup.service.prepare(setup.phrase("我是{agent}"), BUYER).needs_clipboard


def test_an_empty_agent_name_is_asked_once_and_kept(setup: Setup) -> None:
    saved: list[str] = []
    setup.settings = replace(setup.settings, agent_name="")
    setup.service.save_agent_name = lambda name: (saved.append(name), setattr(
        setup, "settings", replace(setup.settings, agent_name=name)))
    phrase = setup.phrase("{name}您好，我是{agent}")
    prepared = setup.service.prepare(phrase, BUYER)
    assert prepared.questions == ("agent", "name")
    answers = {"agent": " 小美 ", "name": "王小明"}
    setup.service.remember_answers(prepared, answers)
    assert saved == ["小美"]
    assert setup.service.steps(prepared, answers) == [Step("paste", text="王小明您好，我是小美")]
    again = setup.service.prepare(phrase, BUYER)
    assert again.questions == ("name",) and "agent" not in again.known_answers
    assert setup.service.prepare(setup.phrase("好的"), BUYER).questions == ()


def test_steps_follow_the_target_applications_rule(setup: Setup) -> None:
    phrase = setup.phrase("亲，在的～\n---\n请问有什么可以帮您？", separate_messages=True)
    prepared = setup.service.prepare(phrase, TERMINAL)
    assert prepared.rule.paste_chord == parse_chord("ctrl+shift+v")
    assert setup.service.steps(prepared, {}) == [Step("paste", text="亲，在的～"), Step("key", key="return"),
                                                Step("paste", text="请问有什么可以帮您？")]
    setup.settings = replace(setup.settings, insert_mode="type", send_key="ctrl+return")
    assert setup.service.steps(setup.service.prepare(phrase, None), {})[:2] == [
        Step("type", text="亲，在的～"), Step("key", key="ctrl+return")]


def test_recording_counts_the_use_and_the_conversation_once(setup: Setup) -> None:
    phrase = setup.phrase("亲，在的～\n---\n请问有什么可以帮您？", separate_messages=True)
    assert [setup.insert(phrase) for _ in range(6)] == [
        Recorded(1, "ok"), Recorded(2, "ok"), Recorded(3, "soft"), Recorded(4, "soft"), Recorded(5, "soft"),
        Recorded(6, "hard")]
    used = setup.store.phrase("b", phrase.id)
    assert used.use_count == 6 and used.last_used == "2025-03-01T09:00:00Z"
    assert setup.service.count(BUYER) == 6 and setup.service.count(OTHER) == 0


def test_recording_holds_the_writers_lock_around_both_writes(setup: Setup,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Another writer (a CLI, a second window) never sees the use without the
    conversation's insertion: both writes happen inside one outer hold of the lock."""
    depth = [0]
    seen: list[tuple[str, int]] = []
    real_locked = setup.store.locked

    @contextmanager
    def locked() -> Iterator[None]:
        depth[0] += 1
        try:
            with real_locked():
                yield
        finally:
            depth[0] -= 1

    def watch(name: str, write):
        def watched(*args, **kwargs):
            seen.append((name, depth[0]))
            return write(*args, **kwargs)
        return watched

    monkeypatch.setattr(setup.store, "locked", locked)
    monkeypatch.setattr(setup.store, "record_use", watch("use", setup.store.record_use))
    monkeypatch.setattr(setup.log, "record", watch("conversation", setup.log.record))
    setup.insert(setup.phrase("好的"))
    assert seen == [("use", 1), ("conversation", 1)]


def test_a_windows_conversation_can_start_again_be_named_and_be_forgotten(setup: Setup) -> None:
    phrase = setup.phrase("好的")
    setup.insert(phrase, times=2)
    setup.service.name(BUYER, "老客户")
    assert setup.service.current(BUYER).name == "老客户"
    setup.service.start_new(BUYER)
    assert setup.service.count(BUYER) == 0 and setup.service.current(BUYER).name == ""
    setup.now = T0 + timedelta(days=setup.settings.conversation_retention_days + 1)
    assert setup.service.prune() == 2
    assert setup.service.current(BUYER) is None


def test_the_preview_fills_what_is_known_before_asking(setup: Setup) -> None:
    text = "{name}您好，我是{agent}，单号{input:单号}"
    assert preview(text, setup.settings, BUYER) == "王小明您好，我是小美，单号{input:单号}"
    assert preview(text, replace(setup.settings, agent_name=""), None) == "{name}您好，我是，单号{input:单号}"


# -- the same reply twice ----------------------------------------------------------------


def test_a_reply_already_sent_in_the_open_conversation_is_said_with_its_time(setup: Setup) -> None:
    phrase, other = setup.phrase("好的"), setup.phrase("稍等")
    assert setup.service.prepare(phrase, BUYER).sent_at is None
    setup.insert(phrase)
    setup.now = T0 + timedelta(minutes=5)
    setup.insert(other)
    assert setup.service.prepare(phrase, BUYER).sent_at == T0
    assert setup.service.prepare(other, BUYER).sent_at == T0 + timedelta(minutes=5)
    assert setup.service.sent(BUYER) == {("b", phrase.id): T0, ("b", other.id): T0 + timedelta(minutes=5)}
    setup.now = T0 + timedelta(minutes=9)
    setup.insert(phrase)  # the latest time is the one told
    assert setup.service.prepare(phrase, BUYER).sent_at == T0 + timedelta(minutes=9)


@pytest.mark.parametrize("case", ["another buyer", "a new conversation"])
def test_a_reply_is_not_repeated_for_another_buyer_or_after_a_new_conversation(setup: Setup, case: str) -> None:
    phrase = setup.phrase("好的")
    setup.insert(phrase, OTHER if case == "another buyer" else BUYER)
    if case == "a new conversation":
        setup.service.start_new(BUYER)  # the same second: the old conversation's insertion stays out
    assert setup.service.prepare(phrase, BUYER).sent_at is None
    assert setup.service.sent(BUYER) == {}


def test_a_reply_is_not_repeated_once_the_conversation_went_idle(setup: Setup) -> None:
    phrase = setup.phrase("好的")
    setup.insert(phrase)
    setup.now = T0 + timedelta(minutes=setup.settings.idle_minutes + 1)
    assert setup.service.prepare(phrase, BUYER).sent_at is None
    setup.insert(phrase)  # the new conversation's own insertion counts from now on
    assert setup.service.prepare(phrase, BUYER).sent_at == setup.now


def test_an_unknown_window_never_warns(setup: Setup) -> None:
    """Every reply into windows the desktop cannot tell apart shares one key: all of them
    would look repeated."""
    phrase = setup.phrase("好的")
    untitled = WindowInfo(id=4, wm_class="SomeChat", title="", pid=None)
    for target in (None, untitled):
        setup.insert(phrase, target)
        assert setup.service.prepare(phrase, target).sent_at is None
        assert setup.service.sent(target) == {}


def test_with_the_warning_off_nothing_is_said(setup: Setup) -> None:
    phrase = setup.phrase("好的")
    setup.insert(phrase)
    setup.settings = replace(setup.settings, warn_repeated_reply=False)
    assert setup.service.prepare(phrase, BUYER).sent_at is None


def test_a_reply_sent_as_separate_messages_counts_once(setup: Setup) -> None:
    phrase = setup.phrase("亲，在的～\n---\n请问有什么可以帮您？", separate_messages=True)
    assert setup.service.prepare(phrase, BUYER).sent_at is None
    setup.insert(phrase)
    assert setup.service.prepare(phrase, BUYER).sent_at == T0
    assert setup.service.count(BUYER) == 1 and len(setup.service.sent(BUYER)) == 1
