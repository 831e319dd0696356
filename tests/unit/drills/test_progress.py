"""Progress toward the goal, with fixed dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, timedelta, timezone

from assistant.drills.goal import GoalRules
from assistant.drills.progress import progress
from tests.unit.drills.simulate import a_result

TODAY = date(2026, 3, 10)
BEIJING = timezone(timedelta(hours=8))
RULES = GoalRules(90)


def on(day: date, cpm: float, hour: int = 10, language: str = "zh", counted: bool | None = True):
    return a_result(finished=f"{day.isoformat()}T{hour:02d}:00:00Z", net_cpm=cpm, language=language,
                    counted=counted)


def test_no_drills_yet() -> None:
    found = progress([], RULES, "zh", TODAY, zone=UTC)
    assert (found.best_net_cpm, found.latest_net_cpm, found.streak_days) == (0.0, None, 0)
    assert found.goal_reached is found.trend_cpm_per_day is found.forecast_date is None


def test_a_rising_trainee_gets_a_forecast_and_a_streak() -> None:
    history = [on(TODAY - timedelta(days=4 - offset), 50 + 5 * offset) for offset in range(5)]  # 50..70
    history.append(on(TODAY - timedelta(days=20), 30))          # too old for the trend
    history.append(on(TODAY, 999, language="en"))               # another language
    found = progress(history, RULES, "zh", TODAY, zone=UTC)
    assert found.best_net_cpm == 70 and found.latest_net_cpm == 70 and found.goal_cpm == 90
    assert found.streak_days == 5 and found.goal_reached is None
    assert found.trend_cpm_per_day == 5.0
    assert found.forecast_date == "2026-03-14"                  # 70 today, +5 a day: 90 in 4 days


def test_the_streak_survives_until_the_day_is_over_and_breaks_on_a_gap() -> None:
    history = [on(TODAY - timedelta(days=days), 60) for days in (1, 2, 3, 5)]
    assert progress(history, RULES, "zh", TODAY, zone=UTC).streak_days == 3
    assert progress(history, RULES, "zh", TODAY + timedelta(days=1), zone=UTC).streak_days == 0


def test_local_days_decide_the_streak() -> None:
    # 20:00 UTC on the 9th is the morning of the 10th in Beijing
    history = [on(TODAY - timedelta(days=1), 60, hour=20), on(TODAY - timedelta(days=1), 60, hour=2)]
    assert progress(history, RULES, "zh", TODAY, zone=UTC).streak_days == 1
    assert progress(history, RULES, "zh", TODAY, zone=BEIJING).streak_days == 2


def test_the_goal_reached_moment_and_no_forecast_after_it() -> None:
    history = [on(TODAY - timedelta(days=3), 85), on(TODAY - timedelta(days=2), 91), on(TODAY - timedelta(days=1), 88)]
    found = progress(history, RULES, "zh", TODAY, zone=UTC)
    assert found.goal_reached == history[1].finished and found.forecast_date is None
    assert found.best_net_cpm == 91 and found.latest_net_cpm == 88


def test_flat_falling_or_one_day_trends_give_no_forecast() -> None:
    falling = [on(TODAY - timedelta(days=2), 70), on(TODAY - timedelta(days=1), 60)]
    assert progress(falling, RULES, "zh", TODAY, zone=UTC).forecast_date is None
    assert progress(falling, RULES, "zh", TODAY, zone=UTC).trend_cpm_per_day == -10.0
    one_day = [on(TODAY, 40), on(TODAY, 60, hour=11)]
    assert progress(one_day, RULES, "zh", TODAY, zone=UTC).trend_cpm_per_day is None
    crawling = [on(TODAY - timedelta(days=1), 20), on(TODAY, 20.1)]   # 0.1 a day: not within a year
    assert progress(crawling, RULES, "zh", TODAY, zone=UTC).forecast_date is None


def test_only_drills_that_count_make_the_best_and_the_goal_but_all_make_the_streak() -> None:
    history = [on(TODAY - timedelta(days=1), 60), on(TODAY, 300, counted=False)]
    found = progress(history, RULES, "zh", TODAY, zone=UTC)
    assert found.best_net_cpm == 60 and found.latest_net_cpm == 60 and found.goal_reached is None
    assert (found.drills, found.counted, found.streak_days) == (2, 1, 2)


def test_a_drill_stored_before_the_rules_is_judged_by_todays_rules() -> None:
    short = on(TODAY, 200, counted=None)  # 9 characters in 4.5 s at 100% accuracy
    assert progress([short], RULES, "zh", TODAY, zone=UTC).counted == 0
    lenient = GoalRules(90, min_characters=5)
    assert progress([short], lenient, "zh", TODAY, zone=UTC).goal_reached == short.finished
    sloppy = replace(short, accuracy=0.104)
    assert progress([sloppy], lenient, "zh", TODAY, zone=UTC).goal_reached is None
