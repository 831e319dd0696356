"""Moments as every data file and export writes them: UTC to the second, "2026-11-22T10:00:00Z".

One format everywhere (phrases' created and updated, conversations, drills,
subscriptions, statistics exports, the team report) so that any two stamps compare as
strings, sort in files and diffs, and read the same in every language. Only what a
person reads is local time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
#: How a moment is shown to a person: local time, to the minute.
LOCAL_FORMAT = "%Y-%m-%d %H:%M"


def stamp(moment: datetime) -> str:
    """``moment`` as stored. A naive datetime is refused: its zone would be a guess."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def now_stamp() -> str:
    return stamp(datetime.now(UTC))


def parse_stamp(text: str) -> datetime:
    """A stored stamp as an aware UTC datetime; ValueError when it is not one."""
    if not isinstance(text, str):
        raise ValueError(f"not a time stamp: {text!r}")
    return datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=UTC)


def stamp_or_none(text: Any) -> datetime | None:
    """``parse_stamp`` for records read from files, where a bad stamp means "unknown"."""
    try:
        return parse_stamp(text)
    except ValueError:
        return None


def local_text(text: str, form: str = LOCAL_FORMAT) -> str:
    """A stored stamp in the user's local time ("2026-11-22 18:05"); anything that is
    not a stamp ("", a value from an older file) is shown as it is."""
    moment = stamp_or_none(text)
    return moment.astimezone().strftime(form) if moment else text


def clock_time(moment: datetime) -> str:
    """``moment`` as the agent's clock shows it ("14:02"): when a reply went, earlier
    today in the open conversation."""
    return moment.astimezone().strftime("%H:%M")
