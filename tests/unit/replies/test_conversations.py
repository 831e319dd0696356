"""Conversations: title rules, counting per conversation, idle timeout, limits, the log on disk."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

import pytest

from assistant.data.folder import DataFolder
from assistant.desktop.base import WindowInfo
from assistant.phrases.store import Store
from assistant.replies.conversations import (
    FILE_NAME,
    ConversationLog,
    buyer,
    clean_title,
    conversation_key,
    judge,
    verdict,
)
from assistant.settings import Settings, default_title_rules, load_settings, save_settings
from assistant.timestamps import stamp

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
KEY = "qianniu|王小明"


def window(title: str, wm_class: str = "Qianniu") -> WindowInfo:
    return WindowInfo(id=1, wm_class=wm_class, title=title, pid=None)


@pytest.fixture
def log(store: Store) -> ConversationLog:
    return ConversationLog(store)


def record(log: ConversationLog, times: int, key: str = KEY, now: datetime = T0) -> None:
    for index in range(times):
        log.record(key, "book1", f"phrase{index}", now)


# -- title rules ----------------------------------------------------------------------


@pytest.mark.parametrize(("title", "cleaned"), [
    ("(3) 王小明 - 接待中心", "王小明 - 接待中心"),
    ("（3）王小明 - 接待中心", "王小明 - 接待中心"),
    ("[2条新消息] 王小明", "王小明"),
    ("【3条未读】王小明", "王小明"),
    ("王小明 (99+)", "王小明"),
    ("* 王小明", "王小明"),
    ("● 王小明 [2条新消息]", "王小明"),
    ("  王小明  ", "王小明"),
    ("王(3)小明", "王(3)小明"),
])
def test_clean_title_strips_counters_and_badges_at_either_end(title: str, cleaned: str) -> None:
    assert clean_title(title) == cleaned


def test_different_buyers_in_the_same_client_are_different_conversations() -> None:
    assert conversation_key(window("王小明 - 接待中心")) == "qianniu|王小明"
    assert conversation_key(window("李华 - 接待中心")) == "qianniu|李华"


@pytest.mark.parametrize("title", ["(2) 王小明 - 接待中心", "[3条新消息] 王小明 - 接待中心", "王小明 - 接待中心"])
def test_an_unread_counter_keeps_the_same_conversation(title: str) -> None:
    assert conversation_key(window(title)) == "qianniu|王小明"


@pytest.mark.parametrize(("wm_class", "title", "key"), [
    ("AliWorkBench.exe", "王小明 - 接待中心", "aliworkbench.exe|王小明"),
    ("wechat.exe", "张三（3）", "wechat.exe|张三"),
    ("QQ", "李华", "qq|李华"),
    ("Google-chrome", "王小明 - 在线客服 - Google Chrome", "google-chrome|王小明"),
    ("firefox", "(1) buyer42 - Live chat - Mozilla Firefox", "firefox|buyer42"),
])
def test_shipped_rules_for_common_clients(wm_class: str, title: str, key: str) -> None:
    assert conversation_key(window(title, wm_class)) == key


@pytest.mark.parametrize(("executable", "wm_class", "title", "who"), [
    ("AliWorkBench.exe", "Qt6120QWindowIcon", "(2) 王小明 - 接待中心", "王小明"),
    ("AliIM.exe", "StandardFrame", "李华 - 阿里旺旺", "李华"),
    ("Weixin.exe", "Qt51514QWindowIcon", "张三（3）", "张三"),
    ("WXWork.exe", "WeWorkWindow", "张三", "张三"),
    ("msedge.exe", "Chrome_WidgetWin_1", "王小明 - 在线客服 - Microsoft Edge", "王小明"),
    ("firefox.exe", "MozillaWindowClass", "buyer42 - Live chat - Mozilla Firefox", "buyer42"),
])
def test_on_windows_the_shipped_rules_know_the_program_by_its_executable(executable: str, wm_class: str,
                                                                         title: str, who: str) -> None:
    """The classes are what such programs have on Windows: a toolkit's, not the program's."""
    assert buyer(WindowInfo(id=1, wm_class=wm_class, title=title, pid=7, executable=executable)) == who


def test_by_its_class_alone_a_workbench_on_windows_would_be_one_buyer_per_panel() -> None:
    workbench = WindowInfo(id=1, wm_class="Qt6120QWindowIcon", title="王小明 - 接待中心", pid=7)
    assert buyer(workbench) == "王小明 - 接待中心"


def test_an_unknown_client_falls_back_to_the_whole_cleaned_title() -> None:
    assert conversation_key(window("(4) Support - ticket 17", "SomeChat")) == "somechat|Support - ticket 17"
    assert conversation_key(window("(4) Support - ticket 17", "SomeChat"), rules=[]) == "somechat|Support - ticket 17"


def test_a_rule_with_a_broken_regex_is_skipped() -> None:
    rules = [{"window_class": "qianniu", "title": "(?P<who>[unclosed"},
             {"window_class": "([", "title": "(?P<who>.+)"},
             "not a rule", {"window_class": "qianniu", "title": 42},
             {"window_class": "qianniu", "title": r"^(?P<who>.+?) - "}]
    assert conversation_key(window("王小明 - 接待中心"), rules) == "qianniu|王小明"


def test_a_rule_without_a_who_group_does_not_apply() -> None:
    rules = [{"window_class": "", "title": r"^(.+?) - "}]
    assert conversation_key(window("王小明 - 接待中心"), rules) == "qianniu|王小明 - 接待中心"


def test_no_window_is_the_unknown_conversation() -> None:
    assert conversation_key(None) == "unknown|"


def test_settings_ship_the_default_title_rules() -> None:
    assert Settings().title_rules == default_title_rules()


def test_title_rules_survive_a_settings_round_trip(isolated_home) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    folder = DataFolder(isolated_home)
    save_settings(folder, Settings(title_rules=[{"window_class": "x", "title": "(?P<who>.+)"}], hard_limit=4))
    loaded = load_settings(folder)
    assert loaded.title_rules == [{"window_class": "x", "title": "(?P<who>.+)"}] and loaded.hard_limit == 4


# -- counting -------------------------------------------------------------------------


def test_counts_are_per_conversation(log: ConversationLog) -> None:
    record(log, 3)
    record(log, 1, key="qianniu|李华")
    record(log, 1)
    assert log.count(KEY, T0) == 4
    assert log.count("qianniu|李华", T0) == 1
    assert log.count("qianniu|nobody", T0) == 0
    assert log.current("qianniu|nobody", T0) is None


def test_idle_timeout_starts_a_new_conversation(log: ConversationLog) -> None:
    first = log.record(KEY, "b", "p", T0)
    assert log.record(KEY, "b", "p", T0 + timedelta(minutes=29)).id == first.id
    later = T0 + timedelta(minutes=29 + 31)
    assert log.count(KEY, later) == 0 and log.current(KEY, later) is None
    second = log.record(KEY, "b", "p", later)
    assert second.id != first.id and second.count == 1 and second.key == log.stored_key(KEY)


def test_idle_minutes_can_be_set_or_turned_off(store: Store) -> None:
    short = ConversationLog(store, idle_minutes=5)
    short.record(KEY, "b", "p", T0)
    assert short.count(KEY, T0 + timedelta(minutes=6)) == 0
    never = ConversationLog(store, idle_minutes=0)
    assert never.count(KEY, T0 + timedelta(days=3)) == 1


def test_naive_times_are_refused(log: ConversationLog) -> None:
    with pytest.raises(ValueError):
        log.record(KEY, "b", "p", datetime(2025, 3, 1, 9, 0))


# -- limits ---------------------------------------------------------------------------


def test_default_limits_ok_then_soft_then_hard(log: ConversationLog) -> None:
    actions = []
    for _ in range(7):
        said = verdict(log.count(KEY, T0), Settings())
        actions.append((said.count, said.action))
        log.record(KEY, "b", "p", T0)
    assert actions == [(0, "ok"), (1, "ok"), (2, "soft"), (3, "soft"), (4, "soft"), (5, "hard"), (6, "hard")]


def test_custom_limits_and_policy(log: ConversationLog) -> None:
    settings = Settings(soft_limit=2, hard_limit=3, limit_policy="block")
    actions = []
    for _ in range(4):
        actions.append(verdict(log.count(KEY, T0), settings).action)
        log.record(KEY, "b", "p", T0)
    assert actions == ["ok", "soft", "soft", "hard"]
    assert verdict(log.count(KEY, T0), settings).policy == "block"


def test_an_unknown_policy_is_taken_as_warn(log: ConversationLog) -> None:
    assert verdict(log.count(KEY, T0), Settings(limit_policy="explode")).policy == "warn"


@pytest.mark.parametrize(("count", "soft", "hard", "action"), [
    (0, 1, 1, "soft"), (1, 1, 1, "hard"), (0, 5, 3, "ok"), (3, 5, 3, "hard"), (0, 0, 0, "hard")])
def test_judge_edge_cases(count: int, soft: int, hard: int, action: str) -> None:
    assert judge(count, soft, hard) == action


# -- the agent's overrides ------------------------------------------------------------


def test_start_new_resets_the_count(log: ConversationLog) -> None:
    old = log.record(KEY, "b", "p", T0)
    record(log, 5)
    fresh = log.start_new(KEY, T0)
    assert fresh.id != old.id and log.count(KEY, T0) == 0
    assert verdict(log.count(KEY, T0), Settings()).action == "ok"
    assert log.record(KEY, "b", "p", T0).id == fresh.id


def test_name_and_answers_are_remembered_for_the_conversation(log: ConversationLog) -> None:
    log.record(KEY, "b", "p", T0)
    log.name(KEY, "VIP 退货", T0)
    log.remember_answers(KEY, {"name": "王小明"}, T0)
    log.remember_answers(KEY, {"order": "1234"}, T0)
    current = log.current(KEY, T0)
    assert current is not None and current.name == "VIP 退货" and current.count == 1
    assert current.answers == {"name": "王小明", "order": "1234"}
    assert log.current("qianniu|李华", T0) is None
    log.start_new(KEY, T0)
    assert log.current(KEY, T0).answers == {}


def test_naming_opens_a_conversation_when_none_is_open(log: ConversationLog) -> None:
    named = log.name(KEY, "front desk", T0)
    assert named.count == 0 and log.record(KEY, "b", "p", T0).id == named.id


# -- on disk --------------------------------------------------------------------------


def test_counts_survive_a_restart(store: Store) -> None:
    record(ConversationLog(store), 3)
    assert ConversationLog(Store(store.home, seed=False)).count(KEY, T0 + timedelta(minutes=1)) == 3


def test_two_logs_on_one_store_never_lose_an_update(store: Store) -> None:
    app, cli = ConversationLog(store), ConversationLog(Store(store.home, seed=False))
    app.record(KEY, "b", "p", T0)
    cli.record(KEY, "b", "p", T0)
    app.record(KEY, "b", "p", T0)
    assert app.count(KEY, T0) == cli.count(KEY, T0) == 3


def test_prune_forgets_old_conversations_and_insertions(log: ConversationLog) -> None:
    record(log, 2, key="old", now=T0)
    record(log, 1, key="new", now=T0 + timedelta(days=80))
    later = T0 + timedelta(days=91)
    assert log.prune(later, 90) == 1
    assert log.prune(later, 90) == 0
    data = log._data()
    assert [doc["key"] for doc in data["conversations"].values()] == [log.stored_key("new")]
    assert len(data["insertions"]) == 1


def test_the_file_holds_no_reply_text(store: Store, log: ConversationLog) -> None:
    from assistant.phrases.model import Phrase, Phrasebook

    book = store.create_book(Phrasebook(name="b", id="book1"),
                             [Phrase(id="ph1", title="shipping", text="亲，您的包裹今天下午发出哦")])
    phrase = store.phrases(book.id)[0]
    log.record(KEY, book.id, phrase.id, T0)
    content = (store.home / FILE_NAME).read_text("utf-8")
    assert "ph1" in content
    assert phrase.text not in content and "包裹" not in content and "shipping" not in content


# -- privacy ----------------------------------------------------------------------------


def test_the_file_holds_no_buyer_and_no_answer_only_the_agents_label(store: Store, log: ConversationLog) -> None:
    log.record(KEY, "b", "p", T0)
    log.remember_answers(KEY, {"name": "王小明", "input:订单号": "SF1234567", "input:地址": "文三路88号"}, T0)
    log.name(KEY, "VIP 退货", T0)
    log.record("qianniu|(no rule) 李华的小店 - 接待中心", "b", "p", T0)
    content = (store.home / FILE_NAME).read_bytes()
    assert "VIP 退货".encode() in content
    for private in ("王小明", "李华", "SF1234567", "文三路"):
        for form in (private.encode(), private.encode("utf-16-le"), json.dumps(private).encode()):
            assert form not in content, private
    assert log.current(KEY, T0).answers["input:订单号"] == "SF1234567"


def test_keys_are_salted_per_data_folder(tmp_path) -> None:
    first, again = ConversationLog(Store(tmp_path / "a", seed=False)), ConversationLog(Store(tmp_path / "a"))
    other = ConversationLog(Store(tmp_path / "b", seed=False))
    assert first.stored_key(KEY) == again.stored_key(KEY) != other.stored_key(KEY)
    assert first.stored_key(KEY).startswith("qianniu|#") and first.stored_key("unknown|") == "unknown|"
    if os.name == "posix":  # Windows: the profile folder's ACL keeps it private
        assert (tmp_path / "a" / "conversations.salt").stat().st_mode & 0o777 == 0o600


def test_answers_live_in_memory_for_the_open_conversation_only(store: Store, log: ConversationLog) -> None:
    log.remember_answers(KEY, {"input:订单号": "SF1"}, T0)
    log.record(KEY, "b", "p", T0 + timedelta(minutes=20))
    assert log.current(KEY, T0 + timedelta(minutes=40)).answers == {"input:订单号": "SF1"}
    assert ConversationLog(Store(store.home, seed=False)).current(KEY, T0 + timedelta(minutes=40)).answers == {}
    # Idle past the timeout: the answers are gone from memory, not only hidden.
    later = T0 + timedelta(minutes=20 + Settings.idle_minutes + 1)
    assert log.current(KEY, later) is None
    assert log.record(KEY, "b", "p", later).answers == {} and not log._answers


def test_a_log_an_older_version_wrote_is_cleaned_with_its_backups(store: Store) -> None:
    old = {"conversations": {"1": {"key": KEY, "started": "2025-03-01T09:00:00Z", "last": "2025-03-01T09:00:00Z",
                                   "name": "", "answers": {"input:订单号": "SF1234567"}, "count": 2}},
           "insertions": {}}
    (store.home / FILE_NAME).write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    snapshot = store.backup("manual")
    log = ConversationLog(store)
    for path in (store.home / FILE_NAME, snapshot / FILE_NAME):
        content = path.read_text("utf-8")
        assert "王小明" not in content and "SF1234567" not in content and "answers" not in content
    # The conversation open across the upgrade keeps counting.
    assert log.count(KEY, T0 + timedelta(minutes=1)) == 2


def test_a_damaged_file_is_removed_with_a_notice(store: Store) -> None:
    """Not kept in quarantine/: one an older version wrote held buyers' names."""
    (store.home / FILE_NAME).write_text("{oops", "utf-8")
    log = ConversationLog(store)
    assert log.notices and "damaged and is removed" in log.notices[0]
    assert not list((store.home / "quarantine").glob(f"{FILE_NAME}.*"))
    assert log.record(KEY, "b", "p", T0).count == 1


def test_a_conversation_this_version_cannot_read_gives_way_to_a_new_one(store: Store) -> None:
    log = ConversationLog(store)
    log.record(KEY, "b", "p", T0)
    document = json.loads((store.home / FILE_NAME).read_text("utf-8"))
    document["conversations"]["1"]["count"] = "two"
    (store.home / FILE_NAME).write_text(json.dumps(document), "utf-8")
    assert log.count(KEY, T0) == 0
    assert log.record(KEY, "b", "p", T0).id == 2


def test_sent_walks_back_only_to_the_conversations_start(log: ConversationLog) -> None:
    """Other buyers' insertions in between are skipped; older ones are never read (an
    insertion placed before the start, which the log never writes, proves it)."""
    log.record("qianniu|旧", "b", "p0", T0)
    log.record("qianniu|王小明", "b", "p1", T0 + timedelta(minutes=1))
    log.record("qianniu|李华", "b", "p2", T0 + timedelta(minutes=2))
    log.record("qianniu|王小明", "b", "p3", T0 + timedelta(minutes=3))
    conversation = log.current("qianniu|王小明", T0 + timedelta(minutes=4))
    assert log.sent(conversation) == {("b", "p1"): T0 + timedelta(minutes=1), ("b", "p3"): T0 + timedelta(minutes=3)}
    document = json.loads(log.path.read_text("utf-8"))
    document["insertions"] = {"0": {"conversation": conversation.id, "book_id": "b", "phrase_id": "early",
                                    "time": stamp(T0)}, **document["insertions"]}
    log.path.write_text(json.dumps(document), "utf-8")
    assert ("b", "early") not in log.sent(conversation)
