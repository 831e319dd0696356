"""Numbers about how the agent uses quick replies, for the statistics window and the CLI.

The trade's rule is 3 to 5 quick replies per conversation; these figures show whether
it is kept, which replies carry the work and which are dead weight. Everything here is
computed from ``conversations.json`` (see ``assistant.replies.conversations``) and the books,
never from reply text: the result holds ids, titles, codes, groups, book names, counts
and dates only, because a statistics export is meant to be handed to a team lead.

``compute_stats`` returns a JSON-ready dict (schema 1)::

    {
      "schema": 1,
      "generated": "2024-05-30T12:00:00Z",             # UTC, as the store writes times
      "period": {"from": "2024-05-01", "to": "2024-05-30", "days": 30},   # local dates
      "limits": {"soft": 3, "hard": 5},
      "conversations": 7,                              # started in the period
      "conversations_today": 2,
      "conversations_per_day": [{"date": "2024-05-01", "conversations": 0}, ...],  # every day
      "quick_replies_per_conversation": {
          "histogram": {"0": 1, "3": 4, "6": 2},      # quick replies -> conversations
          "mean": 3.43},
      "over_soft_share": 0.857,                        # count >= soft limit, 0..1
      "over_hard_share": 0.286,                        # count >  hard limit, 0..1
      "insertions": 24,                                # in the period
      "most_used": [PHRASE + {"uses": n}, ...],        # top 10, most uses first
      "never_used": [PHRASE + {"uses": 0}, ...],       # first 50, in book order
      "never_used_total": 35,
      "per_book": [{"book_id", "book", "uses"}, ...],  # most uses first
      "per_group": [{"book_id", "book", "group", "uses"}, ...],
      "per_phrase": [...],                             # only with all_phrases=True
      "agent": "小王", "trainee": "小王",                 # from the settings
      "drill_goals": {"zh": 90, "en": 90},             # net characters per minute
      "drill_conditions": {"min_characters": 100,      # what a drill needs to count toward the goal
                           "min_seconds": 60, "min_accuracy": 0.95},   # (assistant.drills.goal)
      "drills": [DRILL, ...],                          # typing drills finished in the period, oldest first
      "time_saved": {                                  # assistant.team.time_saved
          "minutes": 42.5,                             # in the period
          "per_day": [{"date": "2024-05-01", "minutes": 0.0}, ...],   # every day
          "speeds": {"zh": {"cpm": 62.0, "measured": true}, "en": {"cpm": 180.0, "measured": false}}},
      "response_times": {                              # assistant.team.response_times
          "waits": 12, "answered": 11,                 # buyers who waited (title counters), answered
          "first_response": 21.5,                      # seconds, mean of conversations' first responses
          "average_response": 34.2,                    # seconds, mean of every wait answered
          "median_response": 18.0,                     # seconds; each null without an answered wait
          "per_day": [{"date": "2024-05-01", "waits": 0, "answered": 0, "first_response": null,
                       "average_response": null, "median_response": null}, ...]}   # every day
    }

    PHRASE = {"book_id", "book", "phrase_id", "title", "code", "group"}
    DRILL = DrillResult.to_dict() without the DETAIL_FIELDS "char_stats" and "word_stats"
            (see assistant.drills.session)

Files written before typing drills lack the agent, trainee, goals, conditions and
drills; readers take them as empty (and ``drill_conditions`` as the defaults). A DRILL's
``counted`` is None when it was stored before there were conditions: the report judges
it by the export's conditions. Files written before time saved lack "time_saved", and
those written before the golden 30 seconds "response_times"; a wait belongs to the day
it began.

A conversation belongs to the day (in ``now``'s time zone) it started; an insertion to
the day it happened. Insertions of phrases or books deleted since keep their ids and
have empty titles (and the book id as book name when the book is gone). Shares and the
mean are 0 when there is no conversation.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from assistant.data.atomic import atomic_write_text
from assistant.drills.goal import GoalRules
from assistant.drills.history import drills_csv, read_results
from assistant.drills.session import DETAIL_FIELDS, language_of
from assistant.errors import QuickReplyError
from assistant.formats.spreadsheet import csv_text, write_csv_text
from assistant.i18n import tr
from assistant.phrases.store import Store
from assistant.replies.conversations import CONVERSATIONS, FILE_NAME, INSERTIONS
from assistant.replies.waiting import WAITS
from assistant.settings import Settings
from assistant.team.response_times import FIGURES, response_times
from assistant.team.time_saved import minutes_saved, typing_speeds
from assistant.timestamps import stamp, stamp_or_none

SCHEMA = 1
MOST_USED = 10
NEVER_USED = 50
MAX_DAYS = 3660  # ten years: the log keeps 90 days by default; this only bounds the per-day list
EXPORT_FORMATS = (".csv", ".json")


def _int(value: Any) -> int:
    """A stored count, 0 when the (hand-edited or older) file holds something else."""
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def read_log(store: Store) -> tuple[dict[str, dict], dict[str, dict], dict[str, dict]]:
    """The conversations, insertions and waits tables; empty when the file does not exist.

    Read directly (not through ``ConversationLog``) so that looking at numbers never
    moves a damaged file aside: a damaged file raises ``CorruptFile`` and the caller
    shows it.
    """
    data = store.folder.look(FILE_NAME) or {}

    def table(name: str) -> dict[str, dict]:
        return {key: value for key, value in data.get(name, {}).items() if isinstance(value, dict)}

    return table(CONVERSATIONS), table(INSERTIONS), table(WAITS)


def compute_stats(store: Store, settings: Settings, now: datetime, days: int = 30, *,
                  all_phrases: bool = False) -> dict:
    """The statistics for the ``days`` local days ending with ``now``'s day; see the
    module docstring for the schema. ``now`` must be timezone-aware: its zone decides
    which day a conversation falls on (the CLI passes the local time). ``all_phrases``
    adds ``per_phrase`` (every phrase with its uses), which exports want and the
    summary does not."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}")
    zone = now.tzinfo
    today = now.date()
    first = today - timedelta(days=days - 1)

    def day_of(moment: datetime) -> date | None:
        day = moment.astimezone(zone).date()
        return day if first <= day <= today else None

    def local_day(stamp: Any) -> date | None:
        moment = stamp_or_none(stamp)
        return None if moment is None else day_of(moment)

    conversations, insertions, waits = read_log(store)
    drills, _ = read_results(store.folder)

    per_day: Counter[date] = Counter()
    histogram: Counter[int] = Counter()
    for document in conversations.values():
        day = local_day(document.get("started"))
        if day is not None:
            per_day[day] += 1
            histogram[_int(document.get("count"))] += 1
    total = sum(histogram.values())

    uses: Counter[tuple[str, str]] = Counter()
    inserted_on: list[tuple[date, tuple[str, str]]] = []
    for document in insertions.values():
        day = local_day(document.get("time"))
        if day is not None:
            key = (str(document.get("book_id", "")), str(document.get("phrase_id", "")))
            uses[key] += 1
            inserted_on.append((day, key))

    books = {book.id: book.name for book in store.books()}
    rows: list[dict] = []
    #: Each phrase's language and length, for the time saved.
    known: dict[tuple[str, str], tuple[str, int]] = {}
    for book_id in books:
        for phrase in store.phrases(book_id, with_usage=False):
            known[(book_id, phrase.id)] = (language_of(phrase.text), len(phrase.text))
            rows.append({"book_id": book_id, "book": books[book_id], "phrase_id": phrase.id,
                         "title": phrase.title, "code": phrase.code, "group": phrase.group,
                         "uses": uses[(book_id, phrase.id)]})
    for (book_id, phrase_id), count in sorted(uses.items()):
        if (book_id, phrase_id) not in known:
            rows.append({"book_id": book_id, "book": books.get(book_id, book_id), "phrase_id": phrase_id,
                         "title": "", "code": "", "group": "", "uses": count})

    # Stable order: most uses first, then book order as the picker shows it.
    used = sorted((row for row in rows if row["uses"]), key=lambda row: -row["uses"])
    never = [row for row in rows if not row["uses"]]
    per_book: Counter[tuple[str, str]] = Counter()
    per_group: Counter[tuple[str, str, str]] = Counter()
    for row in used:
        per_book[(row["book_id"], row["book"])] += row["uses"]
        per_group[(row["book_id"], row["book"], row["group"])] += row["uses"]

    def share(hits: int) -> float:
        return round(hits / total, 4) if total else 0.0

    result: dict[str, Any] = {
        "schema": SCHEMA,
        "generated": stamp(now),
        "period": {"from": first.isoformat(), "to": today.isoformat(), "days": days},
        "limits": {"soft": settings.soft_limit, "hard": settings.hard_limit},
        "conversations": total,
        "conversations_today": per_day[today],
        "conversations_per_day": [{"date": (first + timedelta(days=offset)).isoformat(),
                                   "conversations": per_day[first + timedelta(days=offset)]}
                                  for offset in range(days)],
        "quick_replies_per_conversation": {
            "histogram": {str(count): histogram[count] for count in sorted(histogram)},
            "mean": round(sum(count * number for count, number in histogram.items()) / total, 2) if total else 0.0,
        },
        "over_soft_share": share(sum(n for count, n in histogram.items() if count >= settings.soft_limit)),
        "over_hard_share": share(sum(n for count, n in histogram.items() if count > settings.hard_limit)),
        "insertions": sum(uses.values()),
        "most_used": used[:MOST_USED],
        "never_used": never[:NEVER_USED],
        "never_used_total": len(never),
        "per_book": [{"book_id": book_id, "book": name, "uses": count}
                     for (book_id, name), count in per_book.most_common()],
        "per_group": [{"book_id": book_id, "book": name, "group": group, "uses": count}
                      for (book_id, name, group), count in per_group.most_common()],
    }
    if all_phrases:
        result["per_phrase"] = rows
    result["agent"] = settings.agent_name
    result["trainee"] = settings.trainee_name
    result["drill_goals"] = {"zh": settings.drill_goal_zh, "en": settings.drill_goal_en}
    result["drill_conditions"] = GoalRules.from_settings(settings, "zh").conditions()
    result["drills"] = [{key: value for key, value in drill.to_dict().items() if key not in DETAIL_FIELDS}
                        for drill in drills if local_day(drill.finished) is not None]
    speeds = typing_speeds(drills)
    saved = minutes_saved(((day, *known[key]) for day, key in inserted_on if key in known), speeds)
    result["time_saved"] = {
        "minutes": round(sum(saved.values()), 1),
        "per_day": [{"date": (first + timedelta(days=offset)).isoformat(),
                     "minutes": round(saved[first + timedelta(days=offset)], 1)} for offset in range(days)],
        "speeds": speeds}
    result["response_times"] = response_times(
        waits.values(), day_of, [first + timedelta(days=offset) for offset in range(days)])
    return result


# -- export ------------------------------------------------------------------------------

_PHRASE_COLUMNS = ("book_id", "book", "phrase_id", "code", "title", "group", "uses")


def _cell(figure: Any) -> Any:
    """A figure as a CSV cell: empty for none (no answered wait, or an older export)."""
    return "" if figure is None else figure


def stats_csv(stats: dict) -> str:
    """One CSV, four sections separated by an empty row, each with its own header:
    the summary (metric, value), the days (date, conversations and the response
    times' FIGURES, empty where there is no figure or the export is older), the
    phrases (every phrase when ``stats`` has ``per_phrase``, else the most- and
    never-used lists) and the typing drills (one row each, as ``quickreply drills
    --csv`` writes them). Column names are the JSON keys, so scripts read both alike."""
    per_conversation = stats["quick_replies_per_conversation"]
    goals = stats.get("drill_goals", {})
    responses = stats.get("response_times", {})
    rows: list[list[Any]] = [["metric", "value"]]
    rows += [[metric, value] for metric, value in (
        ("schema", stats["schema"]), ("generated", stats["generated"]),
        ("from", stats["period"]["from"]), ("to", stats["period"]["to"]), ("days", stats["period"]["days"]),
        ("soft_limit", stats["limits"]["soft"]), ("hard_limit", stats["limits"]["hard"]),
        ("conversations", stats["conversations"]), ("conversations_today", stats["conversations_today"]),
        ("mean_quick_replies_per_conversation", per_conversation["mean"]),
        ("over_soft_share", stats["over_soft_share"]), ("over_hard_share", stats["over_hard_share"]),
        ("insertions", stats["insertions"]), ("never_used_total", stats["never_used_total"]),
        ("agent", stats.get("agent", "")), ("trainee", stats.get("trainee", "")),
        ("drill_goal_zh", goals.get("zh", "")), ("drill_goal_en", goals.get("en", "")),
        *((f"drill_{name}", value) for name, value in stats.get("drill_conditions", {}).items()),
        ("drills", len(stats.get("drills", []))),
        *((name, _cell(responses.get(name))) for name in FIGURES),
    )]
    rows += [[], ["date", "conversations", *FIGURES]]
    per_day = {entry["date"]: entry for entry in responses.get("per_day", [])}
    rows += [[entry["date"], entry["conversations"], *(_cell(per_day.get(entry["date"], {}).get(name))
                                                       for name in FIGURES)]
             for entry in stats["conversations_per_day"]]
    rows += [[], list(_PHRASE_COLUMNS)]
    phrases = stats.get("per_phrase", stats["most_used"] + stats["never_used"])
    rows += [[row[column] for column in _PHRASE_COLUMNS] for row in phrases]
    return csv_text([*rows, []]) + drills_csv(stats.get("drills", []))


def export_format(path: Path) -> str:
    """"csv" or "json" by the file's extension; anything else is the user's mistake."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise QuickReplyError(tr("cannot export statistics to {file}: use a .csv or .json file name", file=path))
    return suffix[1:]


def export_stats(stats: dict, path: Path) -> str:
    """Write ``stats`` to ``path`` by its extension, atomically; returns "csv" or "json".
    CSV is UTF-8 with a BOM so Excel shows Chinese titles correctly."""
    if export_format(path) == "csv":
        write_csv_text(path, stats_csv(stats))
        return "csv"
    atomic_write_text(path, json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
    return "json"
