"""The team report as one self-contained HTML file, with a JSON sidecar.

Charts are drawn by plotly.js, embedded in the page: agents' and leads' machines may be
offline, and a report mailed around must open anywhere. The figures are plotly's JSON,
built here; only plotly's JS and template files are read (see ``plotly_asset``), never
its 60 MB Python package, which the packaged app leaves out. The key figures are also
in plain tables whose cells carry stable ids (``agent-1-over-soft``, ``trainee-2-best``…):
a lead can read them without the charts, and tests read them from the rendered page.

Every text that comes from an export (names, titles, codes) is escaped, both in the
page and in chart labels, where plotly would otherwise honour tags such as ``<a>``.
"""

from __future__ import annotations

import html
import importlib.util
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.data.atomic import atomic_write_text
from assistant.data.bounded_json import load_json
from assistant.errors import QuickReplyError
from assistant.formats import read_bytes
from assistant.formats.text import decode_text
from assistant.i18n import language, tr
from assistant.team.report import REPORT_FORMAT, PhraseUse, TeamReport, TraineeProgress
from assistant.team.response_times import seconds_text
from assistant.team.time_saved import duration_text
from assistant.timestamps import local_text, parse_stamp

HTML_SUFFIXES = (".html", ".htm")
#: The page lists this many never-used phrases; the JSON sidecar has them all.
NEVER_USED_SHOWN = 100
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", Arial, sans-serif'
COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
SOFT_COLOUR, HARD_COLOUR, GOAL_COLOUR = "#f2a900", "#d62728", "#2ca02c"

STYLE = "body { font-family: " + FONT + "; }" + """
body { margin: 24px auto; max-width: 1200px; color: #222; padding: 0 16px; }
h1 { margin-bottom: 4px; } h2 { margin-top: 40px; border-bottom: 2px solid #4e79a7; padding-bottom: 4px; }
.period, .note { color: #555; }
.figures { display: flex; gap: 32px; flex-wrap: wrap; margin: 16px 0; }
.figure .value { font-size: 1.8em; font-weight: bold; } .figure .caption { color: #555; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 12px; text-align: left; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #f6f8fb; }
.reached { color: #1a7f37; font-weight: bold; } .missed { color: #9a6700; }
"""


#: In every page's head: how ``is_team_report`` knows a page it may overwrite.
MARKER = f'<meta name="generator" content="{REPORT_FORMAT}">'
#: The marker sits in the page's first line; reading this much of a file finds it.
MARKER_WITHIN = 1024


def is_team_report(path: Path) -> bool:
    """Whether ``path`` is a report this command wrote: a page with ``MARKER`` or a JSON
    sidecar with our format tag. Only such files may be overwritten, or skipped among
    the inputs: README's ``quickreply report *.json --out report.html`` meets its own
    report.json on the second run, and a phrasebook export beside it must survive."""
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            with path.open("rb") as page:
                return MARKER.encode() in page.read(MARKER_WITHIN)
        document = load_json(decode_text(read_bytes(path), str(path)), str(path))
    except (OSError, QuickReplyError):
        return False
    return isinstance(document, dict) and document.get("format") == REPORT_FORMAT


def exports_in(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """The agents' exports among ``paths``, and apart from them the team reports met
    there, which are never read as exports (README's ``quickreply report *.json`` meets
    its own report.json; a lead may write the report into the team folder). A folder
    (the team folder agents share to) stands for its ``*.json``, in name order: what
    ``quickreply report DIR`` and the team report window read."""
    exports: list[Path] = []
    reports: list[Path] = []
    for path in paths:
        for found in sorted(path.glob("*.json")) if path.is_dir() else [path]:
            (reports if is_team_report(found) else exports).append(found)
    return exports, reports


def output_paths(out: Path, sidecar: Path | None, inputs: Sequence[Path]) -> tuple[Path, Path]:
    """The HTML file and its JSON sidecar (``report.json`` beside ``report.html`` unless
    given); refuses names that would overwrite one of the exports being read, or any
    existing file that is not an earlier team report."""
    if out.suffix.lower() not in HTML_SUFFIXES:
        raise QuickReplyError(tr("cannot write the report to {file}: use a .html file name", file=out))
    sidecar = sidecar if sidecar is not None else out.with_suffix(".json")
    if sidecar.suffix.lower() != ".json":
        raise QuickReplyError(tr("cannot write the report's numbers to {file}: use a .json file name", file=sidecar))
    sources = {path.resolve() for path in inputs}
    for target in (out, sidecar):
        if target.resolve() in sources:
            raise QuickReplyError(tr("{file} is one of the exports being read; choose another output name",
                                     file=target))
        if target.exists() and not is_team_report(target):
            raise QuickReplyError(tr("{file} exists and is not a QuickReply team report; it is not overwritten: "
                                     "choose another output name", file=target))
    return out, sidecar


def save_report(report: TeamReport, out: Path, sidecar: Path) -> None:
    """Write the page and the numbers; both are rendered before either is written."""
    page = render_html(report)
    numbers = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(out, page)
    atomic_write_text(sidecar, numbers)


# -- formatting --------------------------------------------------------------------------

def _e(value: object) -> str:
    return html.escape(str(value))


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _local(stamp: str) -> datetime:
    """A stored UTC time in the local time of the machine making the report."""
    return parse_stamp(stamp).astimezone().replace(tzinfo=None)


def _language_name(code: str) -> str:
    return tr("Chinese") if code == "zh" else tr("English")


def _trainee_label(trainee: TraineeProgress) -> str:
    return f"{trainee.trainee} · {_language_name(trainee.language)}"


def _phrase_label(phrase: PhraseUse) -> str:
    title = phrase.title or tr("(deleted phrase)")
    return f"[{phrase.code}] {title}" if phrase.code else title


def _table(table_id: str, headers: Sequence[tuple[str, bool]], rows: Sequence[Sequence[tuple[str, str, str]]]) -> str:
    """A table; ``headers`` are (text, numeric), cells (id, text, css class)."""
    head = "".join(f'<th class="{"number" if numeric else ""}">{_e(text)}</th>' for text, numeric in headers)
    body = "".join("<tr>" + "".join(f'<td id="{cell_id}" class="{css}">{_e(text)}</td>'
                                   for cell_id, text, css in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# -- the page ----------------------------------------------------------------------------

def _nested(options: dict[str, Any]) -> dict[str, Any]:
    """plotly's underscore shorthand (``marker_color``, ``title_text``) as nested dicts."""
    nested: dict[str, Any] = {}
    for key, value in options.items():
        *path, last = key.split("_")
        target = nested
        for part in path:
            target = target.setdefault(part, {})
        target[last] = value
    return nested


def _merge(into: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


#: The files of plotly's distribution the report reads (build.spec ships just these).
PLOTLY_ASSETS = ("plotly.min.js", "templates/plotly_white.json")


def plotly_asset(name: str) -> Path:
    """A file of plotly's distribution (plotly.min.js, a template). Only these assets
    are used, not plotly's Python package: the packaged app ships the two files and
    stays small. Found without importing plotly, or beside a frozen program."""
    roots = []
    spec = importlib.util.find_spec("plotly")
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(location) for location in spec.submodule_search_locations)
    if hasattr(sys, "_MEIPASS"):
        roots.append(Path(sys._MEIPASS) / "plotly")
    for root in roots:
        if (root / "package_data" / name).is_file():
            return root / "package_data" / name
    raise QuickReplyError(tr("plotly's chart library is missing: reinstall QuickReply"))


class _Figure:
    """One plotly.js figure (traces and layout as plotly's JSON), built with the few
    calls of plotly's Python API this report uses."""

    def __init__(self, layout: dict[str, Any]) -> None:
        self.data: list[dict[str, Any]] = []
        self.layout = layout

    def add_bar(self, **options: Any) -> None:
        self.data.append({"type": "bar", **_nested(options)})

    def add_scatter(self, **options: Any) -> None:
        self.data.append({"type": "scatter", **_nested(options)})

    def add_hline(self, y: float, line_dash: str, line_color: str, annotation_text: str) -> None:
        """A dashed line across the plot with its label at the top left, as plotly's own."""
        self.layout.setdefault("shapes", []).append(
            {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
             "line": {"dash": line_dash, "color": line_color}})
        self.layout.setdefault("annotations", []).append(
            {"xref": "paper", "x": 0, "xanchor": "left", "yref": "y", "y": y, "yanchor": "bottom",
             "text": annotation_text, "showarrow": False})

    def update_layout(self, **options: Any) -> None:
        _merge(self.layout, _nested(options))

    def update_xaxes(self, **options: Any) -> None:
        _merge(self.layout.setdefault("xaxis", {}), _nested(options))

    def update_yaxes(self, **options: Any) -> None:
        _merge(self.layout.setdefault("yaxis", {}), _nested(options))


class _Charts:
    """Figures to HTML; the first one carries plotly.js, the rest reuse it."""

    def __init__(self) -> None:
        self.template = json.loads(plotly_asset("templates/plotly_white.json").read_text("utf-8"))
        self.first = True

    def figure(self, height: int = 420) -> _Figure:
        # automargin: the margins grow to hold the tick labels and axis titles (long
        # names, big numbers, tilted labels), which the fixed ones alone would cut off.
        return _Figure({"template": self.template, "height": height, "font": {"family": FONT, "size": 13},
                        "margin": {"l": 60, "r": 30, "t": 30, "b": 60},
                        "xaxis": {"automargin": True}, "yaxis": {"automargin": True},
                        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}})

    def html(self, figure: _Figure, div_id: str) -> str:
        script = ""
        if self.first:
            script = f"<script>{plotly_asset('plotly.min.js').read_text('utf-8')}</script>"
            self.first = False
        arguments = ", ".join(_script_json(part) for part in (figure.data, figure.layout,
                                                             {"displaylogo": False, "responsive": True}))
        return (f'<div class="chart">{script}<div id="{div_id}" class="plotly-graph-div"></div>'
                f'<script>Plotly.newPlot("{div_id}", {arguments});</script></div>')


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: "</" and "<!--" can never end it early."""
    return json.dumps(value, ensure_ascii=False, default=str).replace("<", "\\u003c")


def render_html(report: TeamReport) -> str:
    """The whole page in the current language (``assistant.i18n``)."""
    charts = _Charts()
    title = tr("QuickReply team report")
    sections = [_typing_section(report, charts), _races_section(report), _phrases_section(report, charts),
                _limits_section(report, charts), _conversations_section(report, charts)]
    generated = local_text(report.generated)
    trainees = {trainee.trainee for trainee in report.trainees}
    reached_by = {trainee.trainee for trainee in report.trainees if trainee.reached}  # in any language
    head_figures = "".join(
        f'<div class="figure"><div class="value" id="{figure_id}">{_e(value)}</div>'
        f'<div class="caption">{_e(caption)}</div></div>'
        for figure_id, value, caption in (
            ("team-agents", len(report.agents), tr("agents")),
            ("team-conversations", report.conversations, tr("conversations")),
            ("team-over-soft", _percent(report.over_soft_share), tr("at or over the soft limit")),
            ("team-over-hard", _percent(report.over_hard_share), tr("over the hard limit")),
            ("team-trainees-reached", f"{len(reached_by)}/{len(trainees)}", tr("trainees at their typing goal"))))
    period = tr("Period: {start} to {end} · generated {time}", start=report.period_from, end=report.period_to,
                time=generated)
    note = tr("Made from the agents' statistics exports: they hold counts, phrase titles and short codes, never "
              "any reply or chat text.")
    page_language = "zh-CN" if language() == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{page_language}"><head><meta charset="utf-8">{MARKER}'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        f'<p class="period" id="period">{_e(period)}</p>'
        f'<div class="figures">{head_figures}</div>'
        + "".join(sections)
        + f'<p class="note">{_e(note)}</p></body></html>\n')


def _section(section_id: str, heading: str, explanation: str, *parts: str) -> str:
    return (f'<section id="{section_id}"><h2>{_e(heading)}</h2><p class="note">{_e(explanation)}</p>'
            + "".join(parts) + "</section>")


def drill_count_text(trainee: TraineeProgress) -> str:
    """The drills that count, and how many others did not ("12 (+3 not counted)")."""
    if not trainee.uncounted:
        return str(len(trainee.drills))
    return tr("{counted} (+{uncounted} not counted)", counted=len(trainee.drills), uncounted=trainee.uncounted)


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _races_section(report: TeamReport) -> str:
    """Each team drill text (赛文) with its trainees ranked; nothing without one."""
    if not report.races:
        return ""
    tables = []
    for number, race in enumerate(report.races, 1):
        rows = [[(f"race-{number}-{place}-rank", str(entry.rank) if entry.rank else tr("not counted"), "number"),
                 (f"race-{number}-{place}-trainee", entry.trainee, ""),
                 (f"race-{number}-{place}-cpm", f"{entry.net_cpm:.1f}", "number"),
                 (f"race-{number}-{place}-accuracy", _percent(entry.accuracy), "number"),
                 (f"race-{number}-{place}-date", local_text(entry.finished, "%Y-%m-%d"), "")]
                for place, entry in enumerate(race.entries, 1)]
        tables.append(f"<h3>{_e(race.title)} · {_e(_language_name(race.language))}</h3>" + _table(
            f"race-{number}", [(tr("Rank"), True), (tr("Trainee"), False), (tr("Net CPM"), True),
                               (tr("Accuracy"), True), (tr("Date"), False)], rows))
    return _section("races", tr("Team drills"),
                    tr("The texts the lead published for every trainee to race on. Each trainee's best result: "
                       "ranked by net CPM among the results that count toward the goal; the others follow, "
                       "not counted."), *tables)


def _typing_section(report: TeamReport, charts: _Charts) -> str:
    goals = sorted({trainee.goal_cpm for trainee in report.trainees})
    heading = tr("Who has reached {goal} CPM", goal=goals[0]) if len(goals) == 1 else \
        tr("Who has reached the typing goal")
    explanation = tr("Net characters per minute (correct characters per active minute) of every typing drill "
                     "that counts toward the goal (long and accurate enough, by the conditions in the export). "
                     "Trend: CPM gained per day over the last two weeks of drills; the goal is expected on the day "
                     "that trend reaches it.")
    if not report.trainees:
        empty = tr("No typing drills in these exports.")
        return _section("typing", heading, explanation, f'<p id="no-drills">{_e(empty)}</p>')
    rows = []
    for number, trainee in enumerate(report.trainees, 1):
        reached = tr("yes, on {date}", date=local_text(trainee.reached_on, "%Y-%m-%d")) \
            if trainee.reached_on else tr("not yet")
        trend = "—" if trainee.trend_cpm_per_day is None else f"{trainee.trend_cpm_per_day:+.1f}"
        prefix = f"trainee-{number}"
        rows.append([(f"{prefix}-name", trainee.trainee, ""),
                     (f"{prefix}-language", _language_name(trainee.language), ""),
                     (f"{prefix}-drills", drill_count_text(trainee), "number"),
                     (f"{prefix}-best", f"{trainee.best_net_cpm:.1f}", "number"),
                     (f"{prefix}-latest", _figure(trainee.latest_net_cpm), "number"),
                     (f"{prefix}-goal", str(trainee.goal_cpm), "number"),
                     (f"{prefix}-reached", reached, "reached" if trainee.reached else "missed"),
                     (f"{prefix}-trend", trend, "number"),
                     (f"{prefix}-forecast", trainee.forecast_date or "—", "")])
    table = _table("trainees", [(tr("Trainee"), False), (tr("Language"), False), (tr("Drills"), True),
                                (tr("Best CPM"), True), (tr("Latest CPM"), True), (tr("Goal (CPM)"), True),
                                (tr("Reached the goal"), False), (tr("Trend (CPM per day)"), True),
                                (tr("Goal expected on"), False)], rows)

    best = charts.figure(height=360)
    labels = [html.escape(_trainee_label(trainee)) for trainee in report.trainees]
    for name, values, colour in ((tr("Best CPM"), [t.best_net_cpm for t in report.trainees], COLOURS[0]),
                                 (tr("Latest CPM"), [t.latest_net_cpm or 0 for t in report.trainees], COLOURS[1])):
        # Inside the bars: above them the figures would cross the goal line.
        best.add_bar(x=labels, y=values, name=name, marker_color=colour, text=[f"{value:.1f}" for value in values],
                     textposition="inside", insidetextanchor="middle")
    over_time = charts.figure()
    for index, trainee in enumerate(report.trainees):
        over_time.add_scatter(x=[_local(point.finished) for point in trainee.drills],
                              y=[point.net_cpm for point in trainee.drills], mode="lines+markers",
                              name=labels[index], line={"color": COLOURS[index % len(COLOURS)]})
    for figure in (best, over_time):
        for goal in goals:
            figure.add_hline(y=goal, line_dash="dash", line_color=GOAL_COLOUR,
                             annotation_text=tr("goal {goal} CPM", goal=goal))
        figure.update_yaxes(title_text=tr("net CPM"), rangemode="tozero")
    best.update_layout(barmode="group")
    over_time.update_xaxes(tickformat="%m-%d")  # plotly's month names would be English in a Chinese report
    return _section("typing", heading, explanation, table, charts.html(best, "chart-best-cpm"),
                    f"<h3>{_e(tr('Drills over time'))}</h3>", charts.html(over_time, "chart-drills"))


def _phrases_section(report: TeamReport, charts: _Charts) -> str:
    heading = tr("Most- and never-used phrases")
    explanation = tr("Phrases of all agents' books, matched by book and phrase id. Never used: no agent sent it "
                     "in the period ({count} of {total} phrases).", count=len(report.never_used),
                     total=report.phrases)
    parts = []
    if report.most_used:
        figure = charts.figure(height=max(300, 60 + 34 * len(report.most_used)))
        agents = [agent.name for agent in report.agents]
        labels = [html.escape(_phrase_label(phrase)) for phrase in report.most_used]
        for index, agent in enumerate(agents):
            figure.add_bar(y=labels, x=[phrase.by_agent.get(agent, 0) for phrase in report.most_used],
                           name=html.escape(agent), orientation="h", marker_color=COLOURS[index % len(COLOURS)])
        figure.update_layout(barmode="stack", legend_traceorder="normal")
        figure.update_yaxes(autorange="reversed", automargin=True)
        figure.update_xaxes(title_text=tr("uses"))
        parts.append(charts.html(figure, "chart-most-used"))
        parts.append(_table("most-used", [(tr("Code"), False), (tr("Title"), False), (tr("Group"), False),
                                          (tr("Book"), False), (tr("Uses"), True)],
                            [[(f"phrase-{number}-code", phrase.code, ""),
                              (f"phrase-{number}-title", phrase.title or tr("(deleted phrase)"), ""),
                              (f"phrase-{number}-group", phrase.group, ""),
                              (f"phrase-{number}-book", phrase.book, ""),
                              (f"phrase-{number}-uses", str(phrase.uses), "number")]
                             for number, phrase in enumerate(report.most_used, 1)]))
    else:
        parts.append(f"<p>{_e(tr('No phrase was used in the period.'))}</p>")
    parts.append(f'<h3>{_e(tr("Never used"))} (<span id="never-used-count">{len(report.never_used)}</span>)</h3>')
    shown = report.never_used[:NEVER_USED_SHOWN]
    if not shown:
        parts.append(f"<p>{_e(tr('Every phrase was used by someone in the period.'))}</p>")
    else:
        parts.append(_table("never-used", [(tr("Code"), False), (tr("Title"), False), (tr("Group"), False),
                                           (tr("Book"), False)],
                            [[(f"never-{number}-code", phrase.code, ""), (f"never-{number}-title", phrase.title, ""),
                              (f"never-{number}-group", phrase.group, ""), (f"never-{number}-book", phrase.book, "")]
                             for number, phrase in enumerate(shown, 1)]))
    if len(report.never_used) > len(shown):
        more = tr("… and {count} more (all are in the JSON file).", count=len(report.never_used) - len(shown))
        parts.append(f'<p class="note">{_e(more)}</p>')
    return _section("phrases", heading, explanation, *parts)


def _limits_section(report: TeamReport, charts: _Charts) -> str:
    heading = tr("Over-limit share per agent")
    explanation = tr("Share of each agent's conversations with at least the soft limit of quick replies, and with "
                     "more than the hard limit (each agent's own limits, usually 3 and 5).")
    names = [html.escape(agent.name) for agent in report.agents]
    figure = charts.figure(height=380)
    for name, kind, colour in ((tr("at or over the soft limit"), "over_soft_share", SOFT_COLOUR),
                               (tr("over the hard limit"), "over_hard_share", HARD_COLOUR)):
        shares = [getattr(agent, kind) * 100 for agent in report.agents]
        figure.add_bar(x=names, y=shares, name=name, marker_color=colour, text=[f"{share:.1f}%" for share in shares],
                       textposition="outside", cliponaxis=False)
    figure.update_layout(barmode="group")
    figure.update_yaxes(title_text=tr("share of conversations (%)"), rangemode="tozero", ticksuffix="%")
    rows = [[(f"agent-{number}-limits-name", agent.name, ""),
             (f"agent-{number}-limits", f"{agent.soft_limit} / {agent.hard_limit}", "number"),
             (f"agent-{number}-over-soft", _percent(agent.over_soft_share), "number"),
             (f"agent-{number}-over-hard", _percent(agent.over_hard_share), "number")]
            for number, agent in enumerate(report.agents, 1)]
    rows.append([("team-limits-name", tr("Whole team"), ""), ("team-limits", "", ""),
                 ("team-over-soft-row", _percent(report.over_soft_share), "number"),
                 ("team-over-hard-row", _percent(report.over_hard_share), "number")])
    table = _table("limits", [(tr("Agent"), False), (tr("Limits (soft / hard)"), True),
                              (tr("At or over the soft limit"), True), (tr("Over the hard limit"), True)], rows)
    return _section("limits", heading, explanation, charts.html(figure, "chart-limits"), table)


def _conversations_section(report: TeamReport, charts: _Charts) -> str:
    heading = tr("Conversations per agent")
    explanation = tr("Conversations started in each agent's period, the quick replies sent per conversation, and "
                     "how fast buyers were answered where the chat window's title shows unread messages.")
    names = [html.escape(agent.name) for agent in report.agents]
    figure = charts.figure(height=360)
    figure.add_bar(x=names, y=[agent.conversations for agent in report.agents], name=tr("conversations"),
                   marker_color=COLOURS[0], text=[str(agent.conversations) for agent in report.agents],
                   textposition="outside", cliponaxis=False, showlegend=False)
    figure.update_yaxes(title_text=tr("conversations"), rangemode="tozero")
    rows = [[(f"agent-{number}-name", agent.name, ""), (f"agent-{number}-period",
                                                        f"{agent.period_from} – {agent.period_to}", ""),
             (f"agent-{number}-conversations", str(agent.conversations), "number"),
             (f"agent-{number}-insertions", str(agent.insertions), "number"),
             (f"agent-{number}-mean", f"{agent.mean_per_conversation:.2f}", "number"),
             (f"agent-{number}-saved", "" if agent.minutes_saved is None else duration_text(agent.minutes_saved),
              "number"),
             (f"agent-{number}-waits", "—" if agent.waits is None else str(agent.waits), "number"),
             (f"agent-{number}-first-response", seconds_text(agent.first_response), "number"),
             (f"agent-{number}-average-response", seconds_text(agent.average_response), "number"),
             (f"agent-{number}-file", agent.file, "")]
            for number, agent in enumerate(report.agents, 1)]
    table = _table("agents", [(tr("Agent"), False), (tr("Period"), False), (tr("Conversations"), True),
                              (tr("Quick replies"), True), (tr("Quick replies per conversation"), True),
                              (tr("Time saved"), True), (tr("Waiting buyers"), True), (tr("First response"), True),
                              (tr("Average response"), True), (tr("File"), False)], rows)
    return _section("conversations", heading, explanation, charts.html(figure, "chart-conversations"), table)
