"""The team report's numbers: many agents' statistics exports read, checked and merged.

A team lead collects one ``quickreply stats export FILE.json`` per agent (see
``assistant.team.stats`` for schema 1; ``agent``, ``trainee``, ``drill_goals`` and ``drills``
were added for this report and are read as empty when an older export lacks them, as
are the time saved and the response times) and
gets one ``TeamReport``: the CLI renders it to HTML (``assistant.team.report_html``), the
app's team report window draws it with QtCharts. Both use this one model, so the
numbers on paper and on screen are the same.

Every file is read and checked before anything is merged: one bad file stops the
report with one line naming it, because a report quietly missing an agent would be
read as "that agent did nothing". Exports hold no reply text, so neither does this.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from assistant.data.bounded_json import json_path, load_json
from assistant.drills.goal import GoalRules, counts
from assistant.drills.progress import progress
from assistant.drills.session import DrillResult
from assistant.errors import BadInput, QuickReplyError
from assistant.formats import read_bytes
from assistant.formats.text import decode_text
from assistant.i18n import tr
from assistant.timestamps import parse_stamp, stamp

SCHEMA = 1
REPORT_FORMAT = "quickreply.team-report"
MOST_USED = 10


@dataclass(frozen=True)
class AgentFigures:
    """One export's conversation numbers: does this agent keep the 3-to-5 rule?"""
    name: str
    file: str
    period_from: str
    period_to: str
    soft_limit: int
    hard_limit: int
    conversations: int
    insertions: int
    mean_per_conversation: float
    over_soft_share: float
    over_hard_share: float
    #: What the quick replies saved the agent in typing (None: an export from before).
    minutes_saved: float | None = None
    #: Buyers who waited, and the response times in seconds (assistant.team.response_times);
    #: ``waits`` is None for an export from before them, a time None without an answered wait.
    waits: int | None = None
    first_response: float | None = None
    average_response: float | None = None


@dataclass(frozen=True)
class PhraseUse:
    """A phrase of the team's books (``book_id`` + ``phrase_id``) and who sent it how often."""
    book_id: str
    phrase_id: str
    book: str
    title: str
    code: str
    group: str
    uses: int
    by_agent: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DrillPoint:
    finished: str
    net_cpm: float


@dataclass(frozen=True)
class TraineeProgress:
    """One trainee's typing drills in one language, oldest first; the figures are the
    drill core's ``progress`` as of the end of the trainee's latest export period. Only
    drills that count toward the goal (``assistant.drills.goal``, under the rules of the
    export) are listed and measured; ``uncounted`` says how many others there were."""
    trainee: str
    language: str
    goal_cpm: int
    drills: tuple[DrillPoint, ...]
    best_net_cpm: float
    latest_net_cpm: float | None
    reached_on: str | None          # finished time of the first drill at or over the goal
    trend_cpm_per_day: float | None  # least-squares slope over the last 14 days
    forecast_date: str | None        # when the trend reaches the goal; None if reached, flat or falling
    uncounted: int = 0               # drills too short or too inaccurate to count

    @property
    def reached(self) -> bool:
        return self.reached_on is not None


@dataclass(frozen=True)
class RaceEntry:
    """One trainee's best result on a team drill text: the best that counts toward the
    goal when there is one (``rank`` 1, 2, …), else the best that did not (no rank)."""
    rank: int | None
    trainee: str
    net_cpm: float
    accuracy: float
    finished: str
    counted: bool


@dataclass(frozen=True)
class Race:
    """A team drill text (赛文) the lead published, and the trainees ranked on it: by
    net CPM among the results that count, then those that do not."""
    text_id: str
    title: str
    language: str
    entries: tuple[RaceEntry, ...]


@dataclass(frozen=True)
class TeamReport:
    generated: str
    period_from: str
    period_to: str
    agents: tuple[AgentFigures, ...]
    conversations: int
    over_soft_share: float
    over_hard_share: float
    most_used: tuple[PhraseUse, ...]
    never_used: tuple[PhraseUse, ...]
    phrases: int
    trainees: tuple[TraineeProgress, ...]
    races: tuple[Race, ...] = ()    # newest race first

    def to_dict(self) -> dict:
        """The JSON sidecar: every merged number, for scripts and spreadsheets."""
        data = asdict(self)
        for trainee, source in zip(data["trainees"], self.trainees, strict=True):
            trainee["reached"] = source.reached
        return {"format": REPORT_FORMAT, "version": SCHEMA, **data}


@dataclass(frozen=True)
class AgentExport:
    """One checked export file: its document and its drills, read by the drill core."""
    path: Path
    document: dict
    drills: tuple[DrillResult, ...]


# -- reading -----------------------------------------------------------------------------

@cache
def _validator():  # -> jsonschema.Draft202012Validator; imported here, only when a report is made
    from jsonschema import Draft202012Validator

    schema = resources.files(__package__).joinpath("stats-export.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(schema))


def read_export(path: Path) -> AgentExport:
    """One agent's export, checked; ``BadInput`` naming the file when it cannot be used."""
    document = load_json(decode_text(read_bytes(path), str(path)), str(path))
    schema = document.get("schema") if isinstance(document, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise BadInput(tr("not a QuickReply statistics export (make one with: quickreply stats export FILE.json)"),
                       path)
    if schema != SCHEMA:
        raise BadInput(tr("statistics export schema {schema} is not supported (this QuickReply reads schema "
                          "{supported}); please update", schema=schema, supported=SCHEMA), path)
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(document))
    if error is not None:
        raise BadInput(tr("does not match the statistics export format: {reason}", reason=error.message[:200]),
                       path, json_path(error.absolute_path) if error.absolute_path else None)
    for key in ("from", "to"):
        _date(document["period"][key], path)
    drills = []
    for index, record in enumerate(document.get("drills", [])):
        _time(record["finished"], path)
        try:
            drills.append(DrillResult.from_dict(record))
        except QuickReplyError as error:
            raise BadInput(str(error), path, f"drills[{index}]") from error
    return AgentExport(path, document, tuple(drills))


def _date(text: str, path: Path) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise BadInput(tr("not a date: {text}", text=text), path) from error


def _time(text: str, path: Path) -> datetime:
    try:
        return parse_stamp(text)
    except ValueError as error:
        raise BadInput(tr("not a date: {text}", text=text), path) from error


def read_exports(paths: Sequence[Path]) -> list[AgentExport]:
    """Every file, checked, in the order given (a file named twice counts once)."""
    if not paths:
        raise QuickReplyError(tr("no statistics exports given"))
    seen: set[Path] = set()
    exports = []
    for path in paths:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            exports.append(read_export(path))
    return exports


# -- merging -----------------------------------------------------------------------------

def _agent_names(exports: Sequence[AgentExport]) -> list[str]:
    """"agent", else "trainee", else the file's name; two files with one name are told
    apart by their file names."""
    names = [(export.document.get("agent") or "").strip() or (export.document.get("trainee") or "").strip()
             or export.path.stem for export in exports]
    return [f"{name} ({export.path.name})" if names.count(name) > 1 else name
            for name, export in zip(names, exports, strict=True)]


def _agent(name: str, export: AgentExport) -> AgentFigures:
    document = export.document
    responses = document.get("response_times", {})
    return AgentFigures(
        name=name, file=export.path.name, period_from=document["period"]["from"],
        period_to=document["period"]["to"], soft_limit=document["limits"]["soft"],
        hard_limit=document["limits"]["hard"], conversations=document["conversations"],
        insertions=document["insertions"],
        mean_per_conversation=float(document["quick_replies_per_conversation"]["mean"]),
        over_soft_share=float(document["over_soft_share"]), over_hard_share=float(document["over_hard_share"]),
        minutes_saved=float(document["time_saved"]["minutes"]) if "time_saved" in document else None,
        waits=responses.get("waits"), first_response=_seconds(responses.get("first_response")),
        average_response=_seconds(responses.get("average_response")))


def _seconds(figure: float | None) -> float | None:
    return None if figure is None else float(figure)


def _phrase_rows(document: dict) -> list[dict]:
    """Every phrase an export lists once: ``per_phrase`` when it has it (exports do), else
    its most- and never-used lists."""
    rows: dict[tuple[str, str], dict] = {}
    for row in document.get("per_phrase") or document["most_used"] + document["never_used"]:
        rows.setdefault((row["book_id"], row["phrase_id"]), row)
    return list(rows.values())


def _merge_phrases(names: Sequence[str], exports: Sequence[AgentExport]) -> list[PhraseUse]:
    """Phrases by book id + phrase id, with each agent's uses; first seen order."""
    merged: dict[tuple[str, str], dict] = {}
    for name, export in zip(names, exports, strict=True):
        for row in _phrase_rows(export.document):
            entry = merged.setdefault((row["book_id"], row["phrase_id"]), {
                "book_id": row["book_id"], "phrase_id": row["phrase_id"], "book": "", "title": "", "code": "",
                "group": "", "uses": 0, "by_agent": {}})
            for key in ("book", "title", "code", "group"):
                entry[key] = entry[key] or row.get(key, "")
            if row["uses"]:
                entry["uses"] += row["uses"]
                entry["by_agent"][name] = entry["by_agent"].get(name, 0) + row["uses"]
    return [PhraseUse(**entry) for entry in merged.values()]


def _races(names: Sequence[str], exports: Sequence[AgentExport]) -> list[Race]:
    """Each team drill text in the exports, with every trainee's best result on it (a
    drill in two exports counts once; whether it counts is judged by its own export's
    conditions when it did not store it)."""
    results: dict[str, dict[str, tuple[str, DrillResult, bool]]] = defaultdict(dict)
    for name, export in zip(names, exports, strict=True):
        fallback = (export.document.get("trainee") or "").strip() or name
        for result in export.drills:
            if result.source == "team":
                counted = counts(result, GoalRules.from_export(export.document, result.language))
                results[result.text_id][result.id] = (result.trainee.strip() or fallback, result, counted)
    races = []
    for text_id, by_id in results.items():
        best: dict[str, tuple[bool, float, DrillResult]] = {}
        for trainee, result, counted in by_id.values():
            best[trainee] = max(best.get(trainee, (False, -1.0, result)), (counted, result.net_cpm, result),
                                key=lambda entry: entry[:2])
        ordered = sorted(best.items(), key=lambda item: (not item[1][0], -item[1][1], item[0]))
        latest = max((result for _trainee, result, _counted in by_id.values()), key=lambda result: result.finished)
        races.append((latest.finished, Race(text_id, latest.text_title, latest.language, tuple(
            RaceEntry(rank=number if counted else None, trainee=trainee, net_cpm=round(result.net_cpm, 1),
                      accuracy=round(result.accuracy, 4), finished=result.finished, counted=counted)
            for number, (trainee, (counted, _cpm, result)) in enumerate(ordered, 1)))))
    return [race for _finished, race in sorted(races, key=lambda item: item[0], reverse=True)]


def _trainees(names: Sequence[str], exports: Sequence[AgentExport], now: datetime) -> list[TraineeProgress]:
    """Drills by trainee (the drill's own name, else the export's) and language; a drill
    in two exports (overlapping periods) counts once. The goal and the day progress is
    measured on come from the newest export with the trainee: a lead may have raised
    the goal, and an old export's trend must not fade to nothing as the report ages."""
    drills: dict[tuple[str, str], dict[str, DrillResult]] = defaultdict(dict)
    latest: dict[tuple[str, str], dict] = {}
    for name, export in zip(names, exports, strict=True):
        document = export.document
        fallback = (document.get("trainee") or "").strip() or name
        for result in export.drills:
            key = (result.trainee.strip() or fallback, result.language)
            drills[key][result.id] = result
            if key not in latest or document["generated"] > latest[key]["generated"]:
                latest[key] = document
    report = []
    for (trainee, language), by_id in sorted(drills.items()):
        document = latest[(trainee, language)]
        rules = GoalRules.from_export(document, language)
        ordered = sorted(by_id.values(), key=lambda result: (result.finished, result.id))
        figures = progress(ordered, rules, language, date.fromisoformat(document["period"]["to"]), now.tzinfo)
        counted = [result for result in ordered if counts(result, rules)]
        report.append(TraineeProgress(
            trainee=trainee, language=language, goal_cpm=rules.goal_cpm,
            drills=tuple(DrillPoint(result.finished, round(result.net_cpm, 1)) for result in counted),
            best_net_cpm=round(figures.best_net_cpm, 1),
            latest_net_cpm=round(counted[-1].net_cpm, 1) if counted else None,
            reached_on=figures.goal_reached, trend_cpm_per_day=figures.trend_cpm_per_day,
            forecast_date=figures.forecast_date, uncounted=len(ordered) - len(counted)))
    return report


def build_report(exports: Sequence[AgentExport], now: datetime, most_used: int = MOST_USED) -> TeamReport:
    """Merge checked exports (``read_exports``) into one report. ``now`` (timezone-aware)
    stamps it and decides which local day a drill falls on."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    names = _agent_names(exports)
    agents = [_agent(name, export) for name, export in zip(names, exports, strict=True)]
    conversations = sum(agent.conversations for agent in agents)

    def share(kind: str) -> float:
        """The team's share: each agent's conversations over the limit (their share of
        their conversations, a whole number) over all conversations."""
        hits = sum(round(getattr(agent, kind) * agent.conversations) for agent in agents)
        return round(hits / conversations, 4) if conversations else 0.0

    phrases = _merge_phrases(names, exports)
    used = sorted((phrase for phrase in phrases if phrase.uses), key=lambda phrase: -phrase.uses)
    return TeamReport(
        generated=stamp(now),
        period_from=min(agent.period_from for agent in agents), period_to=max(agent.period_to for agent in agents),
        agents=tuple(agents), conversations=conversations,
        over_soft_share=share("over_soft_share"), over_hard_share=share("over_hard_share"),
        most_used=tuple(used[:most_used]), never_used=tuple(phrase for phrase in phrases if not phrase.uses),
        phrases=len(phrases), trainees=tuple(_trainees(names, exports, now)), races=tuple(_races(names, exports)))


def team_report(paths: Sequence[Path], now: datetime) -> TeamReport:
    """The files read, checked and merged: what the CLI and the window call."""
    return build_report(read_exports(paths), now)
