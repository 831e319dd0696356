"""The one stored time format: written, read and shown the same everywhere."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest

from assistant.timestamps import local_text, now_stamp, parse_stamp, stamp, stamp_or_none


def test_a_moment_is_stored_in_utc_to_the_second() -> None:
    beijing = timezone(timedelta(hours=8))
    assert stamp(datetime(2026, 11, 22, 18, 5, 7, 999_000, tzinfo=beijing)) == "2026-11-22T10:05:07Z"


def test_a_naive_moment_is_refused_because_its_zone_would_be_a_guess() -> None:
    with pytest.raises(ValueError):
        stamp(datetime(2026, 11, 22, 10, 0))


def test_stamps_read_back_as_aware_utc_and_round_trip() -> None:
    moment = parse_stamp("2026-11-22T10:05:07Z")
    assert moment == datetime(2026, 11, 22, 10, 5, 7, tzinfo=UTC)
    assert stamp(moment) == "2026-11-22T10:05:07Z"
    assert abs(parse_stamp(now_stamp()) - datetime.now(UTC)) < timedelta(seconds=2)


@pytest.mark.parametrize("bad", ["", "2026-11-22", "2026-11-22 10:05:07", "2026-11-22T10:05:07+08:00", None, 5])
def test_anything_else_is_not_a_stamp(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_stamp(bad)  # type: ignore[arg-type]
    assert stamp_or_none(bad) is None


@pytest.mark.skipif(sys.platform == "win32", reason="a process sets its own time zone only on Unix (TZ and "
                    "time.tzset); on Windows the time zone is the system's")
def test_people_read_local_time_and_non_stamps_as_they_are(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    import time

    time.tzset()
    try:
        assert local_text("2026-11-22T10:05:07Z") == "2026-11-22 18:05"
        assert local_text("2026-11-22T20:05:07Z", "%Y-%m-%d") == "2026-11-23"
        assert local_text("") == ""
        assert local_text("yesterday") == "yesterday"
    finally:
        monkeypatch.undo()
        time.tzset()
