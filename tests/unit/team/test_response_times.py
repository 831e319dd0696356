"""Response times per day from the log's waits: first response, average and median,
checked against a known history with a fixed clock."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.settings import Settings
from assistant.team.response_times import response_times, seconds_text
from assistant.team.stats import compute_stats, export_stats

NOW = datetime(2024, 5, 10, 20, 0, tzinfo=UTC)
DAYS = [date(2024, 5, 9), date(2024, 5, 10)]


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2024, 5, day, hour, minute, second, tzinfo=UTC)


def in_period(moment: datetime) -> date | None:
    day = moment.astimezone(UTC).date()
    return day if day in DAYS else None


def wait(conversation: int, since: str, answered: str | None) -> dict:
    return {"conversation": conversation, "since": since, "answered": answered, "how": "cleared" if answered else ""}


def test_first_response_is_the_first_wait_of_each_conversation() -> None:
    figures = response_times([
        wait(1, "2024-05-10T09:00:00Z", "2024-05-10T09:00:20Z"),   # conversation 1: first, 20 s
        wait(1, "2024-05-10T09:05:00Z", "2024-05-10T09:06:00Z"),   # a later wait, 60 s
        wait(2, "2024-05-10T10:00:00Z", "2024-05-10T10:00:40Z"),   # conversation 2: first, 40 s
        wait(3, "2024-05-10T11:00:00Z", None),                     # never answered
        wait(4, "2024-05-09T23:59:50Z", "2024-05-10T00:00:05Z"),   # the day it began: 9 May, 15 s
        wait(5, "2024-05-01T08:00:00Z", "2024-05-01T08:00:09Z"),   # before the period
    ], in_period, DAYS)
    assert {name: figures[name] for name in figures if name != "per_day"} == {
        "waits": 5, "answered": 4, "first_response": 25.0, "average_response": 33.8, "median_response": 30.0}
    assert figures["per_day"] == [
        {"date": "2024-05-09", "waits": 1, "answered": 1, "first_response": 15.0, "average_response": 15.0,
         "median_response": 15.0},
        {"date": "2024-05-10", "waits": 4, "answered": 3, "first_response": 30.0, "average_response": 40.0,
         "median_response": 40.0}]


def test_a_day_without_answered_waits_has_no_figures_not_zero() -> None:
    figures = response_times([wait(1, "2024-05-10T09:00:00Z", None), {"since": "garbage"}], in_period, DAYS)
    assert figures["per_day"][0] == {"date": "2024-05-09", "waits": 0, "answered": 0, "first_response": None,
                                     "average_response": None, "median_response": None}
    assert figures["waits"] == 1 and figures["first_response"] is None


def test_seconds_are_said_briefly() -> None:
    assert [seconds_text(value) for value in (None, 4.4, 59.6, 125)] == ["—", "4 s", "1 min 0 s", "2 min 5 s"]


def test_the_statistics_carry_the_response_times_of_the_log(store: Store, tmp_path: Path) -> None:
    log = ConversationLog(store)
    log.wait("qianniu|alice", at(10, 9))
    log.record("qianniu|alice", "b", "p", at(10, 9, 0, 12))          # answered by an insertion: 12 s
    log.wait("qianniu|alice", at(10, 9, 3))
    log.answered("qianniu|alice", at(10, 9, 4))                     # by the counter clearing: 60 s
    log.wait("wechat|bob", at(9, 23, 59, 30))                       # 9 May in UTC, 10 May in UTC+8
    log.answered("wechat|bob", at(10, 0, 0, 30))                    # 60 s
    stats = compute_stats(store, Settings(), NOW, days=2)
    responses = stats["response_times"]
    assert (responses["waits"], responses["first_response"], responses["average_response"]) == (3, 36.0, 44.0)
    assert [(day["date"], day["waits"], day["first_response"]) for day in responses["per_day"]] == [
        ("2024-05-09", 1, 60.0), ("2024-05-10", 2, 12.0)]
    shanghai = compute_stats(store, Settings(), NOW.astimezone(timezone(timedelta(hours=8))), days=2)
    assert [(day["date"], day["waits"]) for day in shanghai["response_times"]["per_day"]] == [
        ("2024-05-10", 3), ("2024-05-11", 0)]  # there it is 04:00 on 11 May; every wait began on the 10th
    export_stats(stats, tmp_path / "s.json")
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["response_times"] == responses
    export_stats(stats, tmp_path / "s.csv")
    lines = (tmp_path / "s.csv").read_text("utf-8-sig").splitlines()
    assert "first_response,36.0" in lines and "2024-05-10,1,2,2,12.0,36.0,36.0" in lines
