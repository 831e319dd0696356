"""When a drill counts toward the goal: long enough and accurate enough."""

from __future__ import annotations

from dataclasses import replace

from assistant.drills.goal import INACCURATE, TOO_SHORT, GoalRules, counts, missed_conditions, reaches_goal
from assistant.settings import Settings
from tests.unit.drills.simulate import a_result

RULES = GoalRules(90)


def test_length_is_characters_or_time_and_accuracy_is_a_floor() -> None:
    long_enough = a_result(characters=100, active_seconds=30.0, accuracy=0.95, net_cpm=200.0)
    assert missed_conditions(long_enough, RULES) == () and reaches_goal(long_enough, RULES)
    a_minute = a_result(characters=40, active_seconds=60.0, accuracy=0.99)
    assert missed_conditions(a_minute, RULES) == ()
    short = a_result(characters=99, active_seconds=59.9, accuracy=0.99)
    assert missed_conditions(short, RULES) == (TOO_SHORT,)
    sloppy = a_result(characters=500, active_seconds=60.0, accuracy=0.104, net_cpm=300.0)
    assert missed_conditions(sloppy, RULES) == (INACCURATE,) and not reaches_goal(sloppy, RULES)
    both = a_result(characters=5, active_seconds=2.0, accuracy=0.5)
    assert missed_conditions(both, RULES) == (TOO_SHORT, INACCURATE)


def test_the_stored_verdict_wins_over_todays_rules() -> None:
    short = a_result(characters=5, active_seconds=2.0, accuracy=1.0, net_cpm=120.0)
    assert not counts(short, RULES)  # stored before the rules: judged now
    assert counts(replace(short, counted=True), RULES)
    counted_then = a_result(characters=500, active_seconds=90.0, accuracy=0.99, counted=False)
    assert not counts(counted_then, RULES) and not reaches_goal(counted_then, RULES)


def test_rules_come_from_the_settings_and_the_export() -> None:
    settings = Settings(drill_goal_zh=80, drill_goal_en=60, drill_min_characters=50, drill_min_seconds=30,
                        drill_min_accuracy=90)
    assert GoalRules.from_settings(settings, "zh") == GoalRules(80, 50, 30, 0.9)
    assert GoalRules.from_settings(settings, "en").goal_cpm == 60
    document = {"drill_goals": {"zh": 80}, "drill_conditions": GoalRules(80, 50, 30, 0.9).conditions()}
    assert GoalRules.from_export(document, "zh") == GoalRules(80, 50, 30, 0.9)
    assert GoalRules.from_export({}, "en") == GoalRules()  # an export from before the conditions
