"""Statistics over the conversation log: every figure checked against a known history."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.data.documents import CorruptFile
from assistant.drills.history import DrillHistory
from assistant.drills.session import DETAIL_FIELDS
from assistant.errors import QuickReplyError
from assistant.phrases.store import Store
from assistant.replies.conversations import FILE_NAME, ConversationLog
from assistant.settings import Settings
from assistant.team.stats import compute_stats, export_stats, stats_csv
from tests.unit.drills.simulate import a_result
from tests.unit.helpers import book, phrase

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
TEXTS = {
    "p1": "亲，今天下午四点前付款当天发出哦",
    "p2": "亲，已为您加急处理，请耐心等待",
    "p3": "亲，退货地址已发给您，请查收",
    "p4": "亲，这款有现货的哦",
    "p5": "Thanks for waiting, your parcel is on its way",
}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def history(store: Store) -> Store:
    """Two books, and in the 7 days to 10 May: A with 6 quick replies (over both limits),
    B with 3 (at the soft limit), C with 2 (one of a phrase deleted since), D started
    with none; E on 1 May lies outside the period."""
    store.create_book(book("Test book", "test-book"), [
        phrase(TEXTS["p1"], code="fh", title="发货时间", group="发货", id="p1"),
        phrase(TEXTS["p2"], code="jj", title="加急", group="发货", id="p2"),
        phrase(TEXTS["p3"], code="th", title="退货地址", group="售后", id="p3"),
        phrase(TEXTS["p4"], code="xh", title="现货", group="售前", id="p4"),
    ])
    store.create_book(book("Other book", "other"), [
        phrase(TEXTS["p5"], code="wait", title="Parcel sent", group="Shipping", id="p5")])
    log = ConversationLog(store)
    for minute, phrase_id in enumerate(["p1", "p1", "p2", "p1", "p2", "p1"]):
        log.record("qianniu|alice", "test-book", phrase_id, at(10, 9, minute))
    for minute, (book_id, phrase_id) in enumerate([("test-book", "p1"), ("other", "p5"), ("test-book", "p1")]):
        log.record("qianniu|bob", book_id, phrase_id, at(10, 10, minute))
    log.record("wechat|carol", "test-book", "p3", at(8, 15))
    log.record("wechat|carol", "test-book", "gone", at(8, 15, 5))
    log.start_new("wechat|dave", at(7, 8))
    log.record("wechat|erin", "test-book", "p4", at(1, 8))
    log.record("wechat|erin", "test-book", "p4", at(1, 8, 1))
    return store


def used(row: dict) -> tuple[str, str, int]:
    return row["book_id"], row["phrase_id"], row["uses"]


def test_every_figure_of_a_known_history(history: Store) -> None:
    result = compute_stats(history, Settings(), NOW, days=7)
    assert result["schema"] == 1 and result["generated"] == "2024-05-10T12:00:00Z"
    assert result["period"] == {"from": "2024-05-04", "to": "2024-05-10", "days": 7}
    assert result["limits"] == {"soft": 3, "hard": 5}
    assert result["conversations"] == 4 and result["conversations_today"] == 2
    assert result["conversations_per_day"] == [
        {"date": f"2024-05-{day:02d}", "conversations": count}
        for day, count in [(4, 0), (5, 0), (6, 0), (7, 1), (8, 1), (9, 0), (10, 2)]]
    assert result["quick_replies_per_conversation"] == {"histogram": {"0": 1, "2": 1, "3": 1, "6": 1},
                                                        "mean": 2.75}
    assert result["over_soft_share"] == 0.5 and result["over_hard_share"] == 0.25
    assert result["insertions"] == 11
    assert [used(row) for row in result["most_used"]] == [
        ("test-book", "p1", 6), ("test-book", "p2", 2), ("other", "p5", 1), ("test-book", "p3", 1),
        ("test-book", "gone", 1)]
    assert result["most_used"][0] == {"book_id": "test-book", "book": "Test book", "phrase_id": "p1",
                                      "title": "发货时间", "code": "fh", "group": "发货", "uses": 6}
    assert result["most_used"][-1] | {"uses": 0} == {"book_id": "test-book", "book": "Test book",
                                                     "phrase_id": "gone", "title": "", "code": "",
                                                     "group": "", "uses": 0}
    assert [used(row) for row in result["never_used"]] == [("test-book", "p4", 0)]
    assert result["never_used_total"] == 1
    assert result["per_book"] == [{"book_id": "test-book", "book": "Test book", "uses": 10},
                                  {"book_id": "other", "book": "Other book", "uses": 1}]
    assert result["per_group"] == [
        {"book_id": "test-book", "book": "Test book", "group": "发货", "uses": 8},
        {"book_id": "other", "book": "Other book", "group": "Shipping", "uses": 1},
        {"book_id": "test-book", "book": "Test book", "group": "售后", "uses": 1},
        {"book_id": "test-book", "book": "Test book", "group": "", "uses": 1}]
    assert "per_phrase" not in result
    assert json.loads(json.dumps(result)) == result


def test_no_reply_text_and_no_buyer_in_the_output(history: Store) -> None:
    result = compute_stats(history, Settings(), NOW, days=30, all_phrases=True)
    dumped = json.dumps(result, ensure_ascii=False) + stats_csv(result)
    for text in TEXTS.values():
        assert text not in dumped
    for buyer in ("alice", "bob", "carol", "qianniu", "wechat"):
        assert buyer not in dumped


def test_the_period_and_the_limits_decide(history: Store) -> None:
    wider = compute_stats(history, Settings(soft_limit=2, hard_limit=3), NOW, days=10, all_phrases=True)
    assert wider["conversations"] == 5 and wider["insertions"] == 13
    assert wider["quick_replies_per_conversation"]["histogram"] == {"0": 1, "2": 2, "3": 1, "6": 1}
    assert wider["over_soft_share"] == 0.8 and wider["over_hard_share"] == 0.2
    assert wider["never_used"] == [] and wider["never_used_total"] == 0
    assert {row["phrase_id"]: row["uses"] for row in wider["per_phrase"]} == {
        "p5": 1, "p1": 6, "p2": 2, "p3": 1, "p4": 2, "gone": 1}
    today = compute_stats(history, Settings(), NOW, days=1)
    assert today["conversations_per_day"] == [{"date": "2024-05-10", "conversations": 2}]
    assert today["insertions"] == 9 and [row["phrase_id"] for row in today["never_used"]] == ["p3", "p4"]


def test_days_follow_the_local_time_zone(store: Store) -> None:
    ConversationLog(store).record("qq|li", "b", "p", datetime(2024, 5, 9, 17, 0, tzinfo=UTC))
    beijing = timezone(timedelta(hours=8))
    local = compute_stats(store, Settings(), NOW.astimezone(beijing), days=2)
    assert local["conversations_per_day"] == [{"date": "2024-05-09", "conversations": 0},
                                              {"date": "2024-05-10", "conversations": 1}]
    assert compute_stats(store, Settings(), NOW, days=2)["conversations_today"] == 0
    with pytest.raises(ValueError):
        compute_stats(store, Settings(), NOW.replace(tzinfo=None))
    with pytest.raises(ValueError):
        compute_stats(store, Settings(), NOW, days=0)


def test_no_log_is_no_data_and_a_damaged_log_is_an_error(store: Store) -> None:
    empty = compute_stats(store, Settings(), NOW, days=3)
    assert empty["conversations"] == 0 and empty["over_soft_share"] == 0.0
    assert empty["quick_replies_per_conversation"] == {"histogram": {}, "mean": 0.0}
    assert [entry["conversations"] for entry in empty["conversations_per_day"]] == [0, 0, 0]
    (store.home / FILE_NAME).write_text('{"conversations": {', "utf-8")
    with pytest.raises(CorruptFile):
        compute_stats(store, Settings(), NOW)
    assert (store.home / FILE_NAME).exists()  # looking never moves the file aside


def test_exports_read_back(history: Store, tmp_path: Path) -> None:
    result = compute_stats(history, Settings(), NOW, days=7, all_phrases=True)
    assert export_stats(result, tmp_path / "s.json") == "json"
    assert json.loads((tmp_path / "s.json").read_text("utf-8")) == result
    assert export_stats(result, tmp_path / "s.CSV") == "csv"
    raw = (tmp_path / "s.CSV").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    summary, days, phrases, drills = raw.decode("utf-8-sig").split("\r\n\r\n")
    assert drills.startswith("id,finished,trainee,") and drills.count("\r\n") == 1  # no drill: the header
    assert "over_soft_share,0.5" in summary.splitlines()
    assert days.splitlines()[0] == "date,conversations,waits,answered,first_response,average_response,median_response"
    assert days.splitlines()[-1] == "2024-05-10,2,0,0,,,"
    assert phrases.splitlines()[1] == "other,Other book,p5,wait,Parcel sent,Shipping,1"
    with pytest.raises(QuickReplyError):
        export_stats(result, tmp_path / "s.xlsx")


def test_csv_cells_never_run_as_formulas(store: Store, tmp_path: Path) -> None:
    store.create_book(book(), [phrase("text", title="=HYPERLINK(1)", id="x")])
    result = compute_stats(store, Settings(), NOW, days=1, all_phrases=True)
    assert "'=HYPERLINK(1)" in stats_csv(result)


def test_exports_carry_the_trainee_the_goals_and_the_drills_of_the_period(history: Store, tmp_path: Path) -> None:
    drills = DrillHistory(history.folder)
    inside = a_result(finished="2024-05-09T23:30:00Z", net_cpm=88.5)
    before = a_result(finished="2024-05-03T10:00:00Z")
    drills.add(inside)
    drills.add(before)
    settings = Settings(agent_name="=小王", trainee_name="小王", drill_goal_zh=100, drill_goal_en=60,
                        drill_min_accuracy=97)
    result = compute_stats(history, settings, NOW, days=7)
    assert (result["agent"], result["trainee"], result["drill_goals"]) == ("=小王", "小王", {"zh": 100, "en": 60})
    assert result["drill_conditions"] == {"min_characters": 100, "min_seconds": 60, "min_accuracy": 0.97}
    expected = {key: value for key, value in inside.to_dict().items() if key not in DETAIL_FIELDS}
    assert result["drills"] == [expected]
    beijing = compute_stats(history, settings, NOW.astimezone(timezone(timedelta(hours=8))), days=1)
    assert beijing["drills"] == [expected]  # 07:30 on the 10th there: still today
    assert compute_stats(history, settings, NOW, days=1)["drills"] == []  # the 9th in UTC
    export_stats(result, tmp_path / "s.json")
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["drills"][0]["net_cpm"] == 88.5
    text = stats_csv(result)
    summary, *_, section = text.split("\r\n\r\n")
    assert {"agent,'=小王", "trainee,小王", "drill_goal_zh,100", "drill_goal_en,60", "drills,1",
            "drill_min_accuracy,0.97", "drill_min_characters,100"} <= set(
        summary.splitlines())
    header, row = section.splitlines()
    assert header.split(",")[:3] == ["id", "finished", "trainee"] and row.startswith(f"{inside.id},2024-05-09T23:30")


def test_time_saved_is_each_reply_typed_at_the_agents_own_speed(history: Store) -> None:
    drills = DrillHistory(history.folder)
    for cpm in (40.0, 60.0, 80.0):  # Chinese: the median of the latest is 60
        drills.add(a_result(net_cpm=cpm))
    saved = compute_stats(history, Settings(), NOW, days=7)["time_saved"]
    assert saved["speeds"] == {"zh": {"cpm": 60.0, "measured": True}, "en": {"cpm": 180.0, "measured": False}}
    # On the 10th: p1 ×6 and p2 ×2 (Chinese), p5 (English); on the 8th Carol's p3, and
    # the phrase deleted since ("gone"), which is left out.
    tenth = (6 * len(TEXTS["p1"]) + 2 * len(TEXTS["p2"])) / 60 + len(TEXTS["p5"]) / 180
    per_day = {entry["date"]: entry["minutes"] for entry in saved["per_day"]}
    near = {"abs": 0.051}  # figures are kept to a tenth of a minute
    assert per_day["2024-05-10"] == pytest.approx(tenth, **near)
    assert per_day["2024-05-08"] == pytest.approx(len(TEXTS["p3"]) / 60, **near)
    assert saved["minutes"] == pytest.approx(tenth + len(TEXTS["p3"]) / 60, **near)


def test_without_drills_the_speed_is_assumed_and_said_so(history: Store) -> None:
    speeds = compute_stats(history, Settings(), NOW, days=7)["time_saved"]["speeds"]
    assert speeds == {"zh": {"cpm": 50.0, "measured": False}, "en": {"cpm": 180.0, "measured": False}}
