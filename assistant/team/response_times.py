"""Response times from the conversation log's waits (see ``assistant.replies.waiting``
for what a wait is and when it counts as answered).

Per local day, and for the whole period, from the waits that began in it:

* ``waits``: buyers who waited (a counter rose), answered or not;
* ``answered``: of them, the ones the agent answered;
* ``first_response``: the mean, in seconds, of the conversations' first response times
  (the buyer's first message in a conversation to the agent's first answer), counted
  on the day that first wait began; a conversation whose first wait is no longer in the
  log (pruned) has no first response;
* ``average_response`` and ``median_response``: the mean and the median, in seconds,
  over every wait answered, first ones included.

A figure without any answered wait behind it is None ("—" when shown), never 0: no
buyer waited is not an answer within 0 seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import mean, median
from typing import Any

from assistant.i18n import tr
from assistant.timestamps import stamp_or_none

FIGURES = ("waits", "answered", "first_response", "average_response", "median_response")


@dataclass
class _Waits:
    """The waits of one day (or of the period) as they are counted."""

    waits: int = 0
    #: Seconds to the answer, of every wait answered and of the first waits answered.
    every: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def seconds(value: float | None) -> float | None:
            return None if value is None else round(value, 1)

        return {"waits": self.waits, "answered": len(self.every),
                "first_response": seconds(mean(self.first)) if self.first else None,
                "average_response": seconds(mean(self.every)) if self.every else None,
                "median_response": seconds(median(self.every)) if self.every else None}


def response_times(waits: Iterable[Mapping[str, Any]], local_day: Callable[[datetime], date | None],
                   days: list[date]) -> dict[str, Any]:
    """The figures for ``days`` (every day of the period, oldest first): the period's
    under the names in FIGURES, and ``per_day``: ``[{"date", *FIGURES}, ...]``.
    ``local_day`` gives a moment's day in the period, None outside it."""
    known = []
    for wait in waits:
        since = stamp_or_none(wait.get("since"))
        if since is not None:
            answered = stamp_or_none(wait.get("answered"))
            seconds = max((answered - since).total_seconds(), 0.0) if answered is not None else None
            known.append((since, wait.get("conversation"), seconds))
    known.sort(key=lambda item: item[0])
    first_of: dict[Any, datetime] = {}
    for since, conversation, _seconds in known:
        first_of.setdefault(conversation, since)

    period, per_day = _Waits(), {day: _Waits() for day in days}
    for since, conversation, seconds in known:
        day = local_day(since)
        if day not in per_day:
            continue
        for counted in (period, per_day[day]):
            counted.waits += 1
            if seconds is not None:
                counted.every.append(seconds)
                if first_of[conversation] == since:
                    counted.first.append(seconds)
    return {**period.figures(),
            "per_day": [{"date": day.isoformat(), **per_day[day].figures()} for day in days]}


def seconds_text(seconds: float | None) -> str:
    """"18 s", "2 min 5 s", "—" for no figure: how the statistics, the report and the
    command say a response time."""
    if seconds is None:
        return "—"
    whole = round(seconds)
    if whole < 60:
        return tr("{seconds} s", seconds=whole)
    return tr("{minutes} min {seconds} s", minutes=whole // 60, seconds=whole % 60)
