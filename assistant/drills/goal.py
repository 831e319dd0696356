"""When a drill counts toward the goal: the bar a trainer can trust.

Speed alone is no bar: a trainee who hammers keys at 10% accuracy, or types twenty
characters in a burst, is not ready for the queue. A drill *counts* only when it is long
enough (at least ``min_characters`` typed, or ``min_seconds`` of active time) and
accurate enough (at least ``min_accuracy``); only a drill that counts can reach the
speed goal, and only counted drills make the best, the trend and the team report.

The team lead sets the three beside the speed goal (``Settings.drill_min_*``). Each
drill stores whether it counted under the rules of its day (``DrillResult.counted``);
a drill stored before there were rules (``counted`` None) is judged by today's rules
from its stored figures whenever it is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.drills.session import DrillResult

if TYPE_CHECKING:
    from assistant.settings import Settings

#: The conditions a drill can miss, in the order the result names them.
TOO_SHORT = "length"
INACCURATE = "accuracy"
DEFAULT_GOAL_CPM = 90
DEFAULT_MIN_CHARACTERS = 100
DEFAULT_MIN_SECONDS = 60
DEFAULT_MIN_ACCURACY = 0.95


@dataclass(frozen=True)
class GoalRules:
    """The speed goal of one language and what a drill needs to count toward it."""

    goal_cpm: int = DEFAULT_GOAL_CPM
    min_characters: int = DEFAULT_MIN_CHARACTERS
    min_seconds: int = DEFAULT_MIN_SECONDS
    min_accuracy: float = DEFAULT_MIN_ACCURACY

    @classmethod
    def from_settings(cls, settings: Settings, language: str) -> GoalRules:
        goal = settings.drill_goal_zh if language == "zh" else settings.drill_goal_en
        return cls(goal, settings.drill_min_characters, settings.drill_min_seconds,
                   settings.drill_min_accuracy / 100)

    @classmethod
    def from_export(cls, document: dict, language: str) -> GoalRules:
        """The rules a statistics export was made under (older exports: the defaults)."""
        conditions = document.get("drill_conditions") or {}
        return cls(int((document.get("drill_goals") or {}).get(language, DEFAULT_GOAL_CPM)),
                   int(conditions.get("min_characters", DEFAULT_MIN_CHARACTERS)),
                   int(conditions.get("min_seconds", DEFAULT_MIN_SECONDS)),
                   float(conditions.get("min_accuracy", DEFAULT_MIN_ACCURACY)))

    def conditions(self) -> dict:
        """The conditions as a statistics export carries them (accuracy as a fraction)."""
        return {"min_characters": self.min_characters, "min_seconds": self.min_seconds,
                "min_accuracy": self.min_accuracy}


def missed_conditions(result: DrillResult, rules: GoalRules) -> tuple[str, ...]:
    """The conditions ``result`` misses under ``rules`` (``TOO_SHORT``, ``INACCURATE``)."""
    missed = []
    if result.characters < rules.min_characters and result.active_seconds < rules.min_seconds:
        missed.append(TOO_SHORT)
    if result.accuracy < rules.min_accuracy:
        missed.append(INACCURATE)
    return tuple(missed)


def counts(result: DrillResult, rules: GoalRules) -> bool:
    """Whether the drill counts toward the goal: as stored, or judged now for an old record."""
    return result.counted if result.counted is not None else not missed_conditions(result, rules)


def reaches_goal(result: DrillResult, rules: GoalRules) -> bool:
    """A drill that counts and is at or over the speed goal."""
    return counts(result, rules) and result.net_cpm >= rules.goal_cpm
