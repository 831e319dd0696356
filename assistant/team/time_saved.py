"""Time saved: what the quick replies would have cost the agent to type.

Each reply inserted is counted at its length, typed at the agent's own speed in its
language (Chinese when it is mostly Chinese, as a drill's text is judged): the median
net speed of their last ``RECENT_DRILLS`` typing drills in that language (the drills
measure exactly that, in characters per minute). An agent who has not done
a drill in that language gets ``ASSUMED_CPM``, and the figures say the speed was
assumed. A reply's length is its text as written in the book (a placeholder counts as
written); a reply deleted since is left out, as its length is no longer known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from statistics import median

from assistant.drills.session import DrillResult
from assistant.i18n import tr

RECENT_DRILLS = 5
#: Speeds for an agent without drills: a typist at work, not a trainee at the bar of 90
#: (Chinese through pinyin; English at about 36 words a minute).
ASSUMED_CPM = {"zh": 50.0, "en": 180.0}


def typing_speeds(drills: Iterable[DrillResult]) -> dict[str, dict]:
    """Per language: ``{"cpm": …, "measured": bool}`` from the latest drills, oldest first."""
    by_language: dict[str, list[float]] = {}
    for drill in drills:
        by_language.setdefault(drill.language, []).append(drill.net_cpm)
    speeds = {}
    for language, assumed in ASSUMED_CPM.items():
        recent = [cpm for cpm in by_language.get(language, [])[-RECENT_DRILLS:] if cpm > 0]
        speeds[language] = {"cpm": round(median(recent), 1), "measured": True} if recent else {
            "cpm": assumed, "measured": False}
    return speeds


def minutes_saved(inserted: Iterable[tuple[date, str, int]], speeds: Mapping[str, Mapping]) -> Counter[date]:
    """Minutes per local day, from ``(day, language, characters)`` per reply inserted."""
    saved: Counter[date] = Counter()
    for day, language, characters in inserted:
        speed = speeds.get(language) or speeds["zh"]
        saved[day] += characters / speed["cpm"]
    return saved


def duration_text(minutes: float) -> str:
    """"42 min", "3 h 5 min": how the statistics, the report and the command say it."""
    whole = round(minutes)
    if whole < 60:
        return tr("{minutes} min", minutes=whole)
    return tr("{hours} h {minutes} min", hours=whole // 60, minutes=whole % 60)
