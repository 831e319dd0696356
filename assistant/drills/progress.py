"""Progress toward the goal (90 net characters per minute by default) in one language:
personal best, the practice streak, the moment the goal was first reached, and a
forecast from the recent trend.

Only drills that count toward the goal (``assistant.drills.goal``: long and accurate
enough) make the best, the latest figure, the goal reached and the trend; every drill
makes the streak, since practice is practice.

Days are local days (a drill late in the evening belongs to that evening, not to the
UTC date it was stored with). The trend is the least-squares slope of net CPM against
the day, over the drills of the last ``TREND_DAYS`` days; the forecast is the day that
line reaches the goal, when it rises and does so within ``FORECAST_LIMIT_DAYS``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from assistant.drills.goal import GoalRules, counts
from assistant.drills.session import DrillResult
from assistant.timestamps import parse_stamp

TREND_DAYS = 14
#: A trend that needs longer than this says "not at this pace" rather than a date.
FORECAST_LIMIT_DAYS = 365


@dataclass(frozen=True)
class Progress:
    goal_cpm: int
    drills: int                   # drills in the language
    counted: int                  # of those, the ones that count toward the goal
    best_net_cpm: float
    latest_net_cpm: float | None
    streak_days: int              # consecutive local days with a drill, ending today or yesterday
    goal_reached: str | None      # finished time of the first drill at or over the goal
    trend_cpm_per_day: float | None   # least-squares slope over the last 14 days
    forecast_date: str | None     # "YYYY-MM-DD" when the trend reaches the goal; None if reached/flat/falling


def local_day(result: DrillResult, zone: tzinfo | None = None) -> date:
    """The local day a drill was finished on (``zone`` defaults to the system's)."""
    return parse_stamp(result.finished).astimezone(zone).date()


def progress(history: Sequence[DrillResult], rules: GoalRules, language: str, today: date,
             zone: tzinfo | None = None) -> Progress:
    """The progress of the drills in ``language`` as of ``today``; see the module docstring."""
    every = sorted((result for result in history if result.language == language), key=lambda r: r.finished)
    drills = [result for result in every if counts(result, rules)]
    goal_cpm = rules.goal_cpm
    reached = next((result.finished for result in drills if result.net_cpm >= goal_cpm), None)
    days = [local_day(result, zone) for result in drills]
    trend = _slope([(day.toordinal(), result.net_cpm) for day, result in zip(days, drills, strict=True)
                    if today - day < timedelta(days=TREND_DAYS)])
    return Progress(
        goal_cpm=goal_cpm, drills=len(every), counted=len(drills),
        best_net_cpm=max((result.net_cpm for result in drills), default=0.0),
        latest_net_cpm=drills[-1].net_cpm if drills else None,
        streak_days=_streak({local_day(result, zone) for result in every}, today),
        goal_reached=reached,
        trend_cpm_per_day=round(trend[0], 2) if trend else None,
        forecast_date=None if reached or trend is None else _forecast(trend, goal_cpm, today),
    )


def _streak(days: set[date], today: date) -> int:
    """Consecutive days with a drill up to today, or up to yesterday when today has none
    yet (the streak is not lost before the day is over)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def _slope(points: list[tuple[int, float]]) -> tuple[float, float] | None:
    """(slope, intercept) of the least-squares line; None without two different days."""
    if len({x for x, _ in points}) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    slope = (sum((x - mean_x) * (y - mean_y) for x, y in points)
             / sum((x - mean_x) ** 2 for x, _ in points))
    return slope, mean_y - slope * mean_x


def _forecast(trend: tuple[float, float], goal_cpm: int, today: date) -> str | None:
    slope, intercept = trend
    if slope <= 0:
        return None
    days = max(math.ceil((goal_cpm - (intercept + slope * today.toordinal())) / slope), 0)
    return (today + timedelta(days=days)).isoformat() if days <= FORECAST_LIMIT_DAYS else None
