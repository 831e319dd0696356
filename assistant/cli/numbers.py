"""``quickreply`` commands that show numbers: stats (an agent's statistics), share (them
to the team's folder), report (the team report from the agents' exports) and drills
(the typing-drill history)."""

from __future__ import annotations

import argparse
import glob
import os
import sys
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from assistant.cli.common import EXIT_OK, Commands, StartApp, json_flag, print_json
from assistant.drills.goal import INACCURATE, TOO_SHORT, GoalRules, counts, missed_conditions, reaches_goal
from assistant.drills.history import DrillHistory
from assistant.drills.session import LANGUAGES, DrillResult
from assistant.errors import QuickReplyError
from assistant.i18n import tr
from assistant.phrases.store import Store
from assistant.settings import Settings, load_settings, save_settings
from assistant.team.response_times import seconds_text
from assistant.team.stats import MAX_DAYS, compute_stats, export_format, export_stats
from assistant.team.time_saved import duration_text
from assistant.timestamps import local_text


def register(commands: Commands) -> None:
    stats = commands.add("stats", tr("statistics: conversations, quick replies per conversation, most and never "
                                     "used phrases; or export them to a .csv or .json file"), _stats)
    stats.usage = "%(prog)s [--days N] [--json] [export FILE]"
    stats.add_argument("action", nargs="*", action=_StatsAction, metavar="export FILE",
                       help=tr("write the statistics to FILE (.csv or .json) instead of printing them"))
    stats.add_argument("--days", type=_days, default=30, metavar="N",
                       help=tr("how many days, ending today (default 30)"))
    stats.set_defaults(export=None)
    json_flag(stats)

    sharing = commands.add("share", tr("write your statistics export to the team's shared folder or http(s) "
                                       "address now; with a place, share there from now on (daily and at quit, "
                                       "while the app runs)"), _share)
    sharing.add_argument("place", nargs="?", metavar="FOLDER|URL",
                         help=tr("the team's folder, or an address that accepts PUT"))
    sharing.add_argument("--off", action="store_true", help=tr("stop sharing your numbers"))

    reporting = commands.add_storeless("report", tr("merge the agents' statistics exports into one team report "
                                                    "(HTML with charts, and the numbers as JSON)"), _report)
    reporting.add_argument("files", nargs="+", type=Path, metavar="FILE|FOLDER",
                           help=tr("statistics exports (quickreply stats export FILE.json), one per agent, or "
                                   "a folder holding them (the team folder agents share to)"))
    reporting.add_argument("--out", type=Path, required=True, metavar="REPORT.html",
                           help=tr("the HTML report to write"))
    reporting.add_argument("--json", type=Path, metavar="FILE.json",
                           help=tr("where to write the numbers (default: beside the report, with .json)"))

    drills = commands.add("drills", tr("past typing drills: date, text, net speed, accuracy and whether the goal "
                                       "was reached; or all of them as CSV for the team lead"), _drills)
    drills.add_argument("--csv", type=Path, metavar="FILE", help=tr("write the drills to FILE as CSV instead"))
    drills.add_argument("--language", choices=LANGUAGES, help=tr("only drills in this language (zh or en)"))
    json_flag(drills)


class _StatsAction(argparse.Action):
    """``stats`` takes nothing or ``export FILE``: checked while parsing, so misuse is a
    usage error (exit 2) like any other."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        words = list(values) if isinstance(values, list) else []
        if words and (len(words) != 2 or words[0] != "export"):
            parser.error(tr("expected nothing or: export FILE"))
        namespace.export = Path(words[1]) if words else None


def _days(text: str) -> int:
    """--days: a whole number of days the statistics window can show."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(tr("a number of days from 1 to {most}", most=MAX_DAYS))
    return value


def _stats(store: Store, args: argparse.Namespace) -> int:
    """``stats``: the local time decides which day a conversation falls on."""
    now = datetime.now().astimezone()
    settings = load_settings(store.folder)
    if args.export is not None:
        export_format(args.export)  # a wrong file name fails before any work
        used = export_stats(compute_stats(store, settings, now, args.days, all_phrases=True), args.export)
        if args.json:
            print_json({"file": str(args.export), "format": used})
        else:
            written = (tr("Statistics for 1 day written to {file} ({format})") if args.days == 1 else
                       tr("Statistics for {days} days written to {file} ({format})"))
            print(written.format(days=args.days, file=args.export, format=used))
        return EXIT_OK
    stats = compute_stats(store, settings, now, args.days)
    if args.json:
        print_json(stats)
    else:
        _print_stats(stats)
    return EXIT_OK


def _print_stats(stats: dict) -> None:
    """A few lines an agent reads at a glance; the full figures are in --json."""
    period, limits = stats["period"], stats["limits"]
    per_conversation = stats["quick_replies_per_conversation"]
    summary = (tr("Today ({start}): {total} conversations, {insertions} quick replies") if period["days"] == 1 else
               tr("Last {days} days ({start} to {end}): {total} conversations, {today} today, "
                  "{insertions} quick replies"))
    print(summary.format(days=period["days"], start=period["from"], end=period["to"], total=stats["conversations"],
                         today=stats["conversations_today"], insertions=stats["insertions"]))
    histogram = ", ".join(f"{count}×{number}" for count, number in per_conversation["histogram"].items())
    print(tr("Quick replies per conversation: mean {mean} ({histogram})",
             mean=per_conversation["mean"], histogram=histogram or "-"))
    print(tr("Conversations at or over the soft limit ({soft}): {soft_share:.0%}; over the hard limit ({hard}): "
             "{hard_share:.0%}", soft=limits["soft"], soft_share=stats["over_soft_share"], hard=limits["hard"],
             hard_share=stats["over_hard_share"]))
    saved = stats["time_saved"]
    assumed = [code for code, speed in saved["speeds"].items() if not speed["measured"]]
    print(tr("Time saved by quick replies: {duration}", duration=duration_text(saved["minutes"]))
          + (tr(" (typing speed assumed for {languages}: do a typing drill to measure yours)",
                languages="/".join(assumed)) if assumed else ""))
    responses = stats["response_times"]
    print(tr("Response times: first {first}, average {average}, median {median} ({answered} of {waits} waiting "
             "buyers answered)", first=seconds_text(responses["first_response"]),
             average=seconds_text(responses["average_response"]),
             median=seconds_text(responses["median_response"]), answered=responses["answered"],
             waits=responses["waits"]))
    if stats["most_used"]:
        print(tr("Most used:"))
        for row in stats["most_used"]:
            code = f"[{row['code']}] " if row["code"] else ""
            print(f"  {row['uses']:>4}  {code}{row['title'] or row['phrase_id']}  ({row['book']})")
    print(tr("Never used in the period: {count} phrases", count=stats["never_used_total"]))


def _report(args: argparse.Namespace, start_app: StartApp | None) -> int:
    """``report``: needs no store, only the files; nothing is written unless every file
    reads. Earlier team reports among the files (``*.json`` takes in the last run's
    numbers) are skipped with a note. The local time decides which day a drill falls on.
    The report modules load only here: plotly is slow to import and no other command needs it."""
    from assistant.team.report import team_report
    from assistant.team.report_html import exports_in, output_paths, save_report

    files, reports = exports_in(_expanded(args.files))
    for path in reports:
        print(tr("note: {file} is a team report, not an agent's export; skipped", file=path), file=sys.stderr)
    out, sidecar = output_paths(args.out, args.json, files)
    report = team_report(files, datetime.now().astimezone())
    save_report(report, out, sidecar)
    print(tr("Team report of {agents} agents ({start} to {end}) written to {file}; the numbers to {numbers}",
             agents=len(report.agents), start=report.period_from, end=report.period_to, file=out, numbers=sidecar))
    return EXIT_OK


def _share(store: Store, args: argparse.Namespace) -> int:
    """``share``: the numbers to the team now; a place given is kept for the app."""
    # Here, not at the top: sharing's http.client costs every command 15 ms.
    from assistant.team.sharing import is_address, share_now

    settings = load_settings(store.folder)
    if args.off:
        save_settings(store.folder, replace(settings, team_share=""))
        print(tr("Your numbers are no longer shared."))
        return EXIT_OK
    if args.place:
        place = args.place if is_address(args.place) else str(Path(args.place).expanduser().resolve())
        settings = replace(settings, team_share=place)
    if not settings.team_share:
        raise QuickReplyError(tr("no team folder set: give one, e.g. quickreply share /path/to/team-folder"))
    settings, where = share_now(store, settings, datetime.now().astimezone())
    save_settings(store.folder, settings)
    print(tr("Your numbers were written to {place}", place=where))
    return EXIT_OK


def _expanded(paths: list[Path]) -> list[Path]:
    """The exports named: on Windows, whose shells (cmd, PowerShell) pass ``*.json`` on
    as it is, a pattern is expanded here, so README's ``quickreply report *.json`` works
    there too. A pattern that matches nothing stays, so the error names it."""
    expanded: list[Path] = []
    for path in paths:
        if os.name == "nt" and any(char in str(path) for char in "*?["):
            expanded += [Path(match) for match in sorted(glob.glob(str(path)))] or [path]
        else:
            expanded.append(path)
    return expanded


def _drills(store: Store, args: argparse.Namespace) -> int:
    """``drills``: the drill history, oldest first, as a table, JSON or a CSV file."""
    history = DrillHistory(store.folder)
    results = [result for result in history.results() if args.language in (None, result.language)]
    for notice in history.notices:
        print(tr("notice: {message}", message=notice), file=sys.stderr)
    if args.csv is not None:
        history.export_csv(args.csv, language=args.language)
        if args.json:
            print_json({"file": str(args.csv), "drills": len(results)})
        else:
            print(tr("{count} drills written to {file}", count=len(results), file=args.csv))
    elif args.json:
        print_json([result.to_dict() for result in results])
    else:
        _print_drills(results, load_settings(store.folder))
    return EXIT_OK


def _print_drills(results: list[DrillResult], settings: Settings) -> None:
    """One line a drill: local date and time, text, net CPM, accuracy, and the goal: ✓
    when the drill counts and reaches it, "not counted" and why when it does not count."""
    if not results:
        print(tr("No typing drills yet."))
        return
    rules = {language: GoalRules.from_settings(settings, language) for language in LANGUAGES}
    header = (tr("Date"), tr("Text"), tr("Net CPM"), tr("Accuracy"), tr("Goal"))
    rows = [(local_text(result.finished), _clip(result.text_title, 24), f"{result.net_cpm:.1f}",
             f"{result.accuracy:.1%}", _goal_cell(result, rules[result.language])) for result in results]
    widths = [max(_width(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(_pad(cell, width, right=column in (2, 3))
                        for column, (cell, width) in enumerate(zip(row, widths, strict=True))).rstrip())


def _goal_cell(result: DrillResult, rules: GoalRules) -> str:
    if counts(result, rules):
        return "✓" if reaches_goal(result, rules) else ""
    missed = missed_conditions(result, rules)  # empty: it missed the rules of its day, since changed
    reasons = {TOO_SHORT: tr("too short"), INACCURATE: tr("accuracy under {floor:.0%}", floor=rules.min_accuracy)}
    return tr("not counted") + "".join(f"; {reasons[name]}" for name in missed)


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: two for a Chinese character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _clip(text: str, width: int) -> str:
    while _width(text) > width:
        text = text[:-2] + "…"
    return text


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space
